/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-db.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_SETUP_PAGE (shelter_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterSetupPage, shelter_setup_page, SHELTER, SETUP_PAGE, AdwBin)

/* The first start on a new database: two steps, the centre's profile, then the first
 * administrator account, saved together. Emits ::set-up with the administrator's new
 * ShelterSession. */
GtkWidget *shelter_setup_page_new     (void);

/* The new database; NULL lets go of it. Empties the form and reads the provinces. */
void       shelter_setup_page_set_db  (ShelterSetupPage *self,
                                       ShelterDb        *db);

G_END_DECLS
