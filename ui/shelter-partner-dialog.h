/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-referrals.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PARTNER_DIALOG (shelter_partner_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPartnerDialog, shelter_partner_dialog, SHELTER, PARTNER_DIALOG,
                      AdwWindow)

/* A modal dialog that adds a partner organisation to the directory, or edits @partner when
 * not NULL: its kind, name, designated contact person, phone, e-mail, address, services and
 * whether it is still active. Shows app/'s refusals on the field they name and emits ::saved
 * once recorded. */
ShelterPartnerDialog *shelter_partner_dialog_new (ShelterSession          *session,
                                                  const ShelterPartnerRow *partner);

G_END_DECLS
