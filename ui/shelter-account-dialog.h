/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ACCOUNT_DIALOG (shelter_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAccountDialog, shelter_account_dialog,
                      SHELTER, ACCOUNT_DIALOG, AdwWindow)

/* A modal dialog that creates a staff account (@user NULL: user name, full name, role,
 * password twice) or edits one (full name, role, active; never deleted). It saves through
 * app/, shows app/'s refusals on the field they name, and emits ::saved once saved. */
ShelterAccountDialog *shelter_account_dialog_new (ShelterSession *session,
                                                  ShelterUser    *user);

G_END_DECLS
