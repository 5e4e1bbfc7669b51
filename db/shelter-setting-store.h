/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The centre's settings (key -> text) and the record of backup runs. */
char     *shelter_setting_store_get        (ShelterDb           *db,
                                            const char          *key,
                                            GError             **error);
gboolean  shelter_setting_store_set        (ShelterDb           *db,
                                            const char          *key,
                                            const char          *value,
                                            const ShelterStamp  *stamp,
                                            GError             **error);

gboolean  shelter_setting_store_add_backup_run (ShelterDb           *db,
                                                const ShelterStamp  *stamp,
                                                const char          *path,
                                                gboolean             encrypted,
                                                gboolean             automatic,
                                                gboolean             ok,
                                                const char          *message,
                                                GError             **error);
/* The newest run; FALSE without error when there is none. */
gboolean  shelter_setting_store_last_backup_run (ShelterDb   *db,
                                                 gboolean     successful_only,
                                                 char       **at,
                                                 gboolean    *ok,
                                                 char       **message,
                                                 GError     **error);

G_END_DECLS
