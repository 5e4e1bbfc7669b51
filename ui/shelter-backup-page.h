/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_BACKUP_PAGE (shelter_backup_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterBackupPage, shelter_backup_page, SHELTER, BACKUP_PAGE, AdwBin)

/* Backups: the last one made, a backup made by hand, a restore (administrator), and the
 * settings of the automatic backups and of the screen lock. NULL empties the page. */
void shelter_backup_page_set_session (ShelterBackupPage *self,
                                      ShelterSession    *session);
/* Reads the last backup and the settings again. */
void shelter_backup_page_reload      (ShelterBackupPage *self);

G_END_DECLS
