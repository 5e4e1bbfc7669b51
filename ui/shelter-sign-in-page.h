/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-db.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_SIGN_IN_PAGE (shelter_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterSignInPage, shelter_sign_in_page, SHELTER, SIGN_IN_PAGE, AdwBin)

/* The form every session starts with: user name and password. On success the page emits
 * ::signed-in with the new ShelterSession. In a demo centre it also lists the demo accounts
 * and their passwords, never otherwise. */
GtkWidget *shelter_sign_in_page_new              (void);

/* The database to sign in to; NULL lets go of it. Empties the form. */
void       shelter_sign_in_page_set_db           (ShelterSignInPage *self,
                                                  ShelterDb         *db);
/* Shows a button that emits ::back, to return to a locked session instead of replacing
 * it. */
void       shelter_sign_in_page_set_can_go_back  (ShelterSignInPage *self,
                                                  gboolean           can_go_back);
/* Empties the form and its message. */
void       shelter_sign_in_page_reset            (ShelterSignInPage *self);
/* While @checking, a sign-in waits (busy) until the window has checked the file. */
void       shelter_sign_in_page_set_checking     (ShelterSignInPage *self,
                                                  gboolean           checking);
gboolean   shelter_sign_in_page_get_checking     (ShelterSignInPage *self);
/* Puts the focus in the user name; for the page that is shown. */
void       shelter_sign_in_page_focus            (ShelterSignInPage *self);

G_END_DECLS
