/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ACCOUNTS_PAGE (shelter_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAccountsPage, shelter_accounts_page,
                      SHELTER, ACCOUNTS_PAGE, AdwBin)

/* The staff accounts, for an administrator: create, edit, deactivate, reset a password.
 * NULL empties the page. */
void shelter_accounts_page_set_session (ShelterAccountsPage *self,
                                        ShelterSession      *session);
/* Reads the accounts again. */
void shelter_accounts_page_reload      (ShelterAccountsPage *self);

G_END_DECLS
