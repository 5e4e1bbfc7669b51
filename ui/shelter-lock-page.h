/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_LOCK_PAGE (shelter_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterLockPage, shelter_lock_page, SHELTER, LOCK_PAGE, AdwBin)

/* What a locked window shows: who is signed in, and their password to unlock. Emits
 * ::unlocked when the password is right, ::switch-user when someone else wants to sign in.
 * It shows nothing of the centre's data. */
GtkWidget *shelter_lock_page_new          (void);

/* The locked session; NULL when none. Empties the form. */
void       shelter_lock_page_set_session  (ShelterLockPage *self,
                                           ShelterSession  *session);
/* Empties the form. */
void       shelter_lock_page_reset        (ShelterLockPage *self);
/* Puts the focus in the password; for the page that is shown. */
void       shelter_lock_page_focus        (ShelterLockPage *self);

G_END_DECLS
