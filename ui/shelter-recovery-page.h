/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_RECOVERY_PAGE (shelter_recovery_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRecoveryPage, shelter_recovery_page, SHELTER, RECOVERY_PAGE, AdwBin)

/* What the window shows instead of the sign-in form when its database failed the check at
 * start: that the file is damaged and was not written to, and the latest backup of that
 * database (found without opening it), to restore. Restoring keeps the damaged file under a
 * new name; then the page emits ::restored (database path, the damaged file's new name). It
 * emits ::choose-database when the user would rather open another database. */
GtkWidget *shelter_recovery_page_new          (void);

/* Says @problem (the check's message), looks for the backups of the damaged database at
 * @db_path and offers the newest. */
void       shelter_recovery_page_set_database (ShelterRecoveryPage *self,
                                               const char          *db_path,
                                               const char          *problem);

G_END_DECLS
