/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ADMIN_PAGE (shelter_admin_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAdminPage, shelter_admin_page, SHELTER, ADMIN_PAGE, AdwBin)

/* Administration: accounts (administrator), the audit log, backups, and one's own account;
 * each shown only when the session may use it. NULL empties every page. */
void          shelter_admin_page_set_session       (ShelterAdminPage *self,
                                                    ShelterSession   *session);
/* Whether @session may see the section at all: manage accounts, read the audit log or make
 * backups. */
gboolean      shelter_admin_page_session_may_see   (ShelterSession   *session);
/* Reads the page shown again (new audit entries, the last backup). */
void          shelter_admin_page_reload            (ShelterAdminPage *self);
/* The stack of pages, for the window's view switcher title. */
AdwViewStack *shelter_admin_page_get_stack         (ShelterAdminPage *self);
/* Whether the bottom switcher is shown (a narrow window). */
void          shelter_admin_page_set_bottom_switcher (ShelterAdminPage *self,
                                                      gboolean          reveal);

G_END_DECLS
