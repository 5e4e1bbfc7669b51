/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_INTAKE_DIALOG (shelter_intake_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterIntakeDialog, shelter_intake_dialog,
                      SHELTER, INTAKE_DIALOG, AdwWindow)

/* Receiving a person, in three steps: who (with the people already on record who may be
 * them), when they came, and the room. Emits "admitted" (person id, case code) and closes
 * once shelter_admit_person() succeeded; asks before dropping what was typed. */
ShelterIntakeDialog *shelter_intake_dialog_new (ShelterSession *session);

G_END_DECLS
