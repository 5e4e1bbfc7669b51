/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The public holidays ("YYYY-MM-DD") from @from to @to inclusive, as a set of strings. */
GHashTable *shelter_holiday_store_between (ShelterDb   *db,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);

/* The holidays from @from to @to in date order: one entry in @days and @names each. */
gboolean    shelter_holiday_store_list    (ShelterDb           *db,
                                           const char          *from,
                                           const char          *to,
                                           GPtrArray           *days,
                                           GPtrArray           *names,
                                           GError             **error);
/* SHELTER_DB_ERROR_CONSTRAINT when the day is already a holiday. */
gboolean    shelter_holiday_store_insert  (ShelterDb           *db,
                                           const char          *day,
                                           const char          *name,
                                           const ShelterStamp  *stamp,
                                           GError             **error);
/* Removes the day; *@name receives its name, or NULL when it was not a holiday. */
gboolean    shelter_holiday_store_delete  (ShelterDb           *db,
                                           const char          *day,
                                           char               **name,
                                           GError             **error);

G_END_DECLS
