/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The public holidays ("YYYY-MM-DD") from @from to @to inclusive, as a set of strings. */
GHashTable *shelter_holiday_store_between (ShelterDb   *db,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);

G_END_DECLS
