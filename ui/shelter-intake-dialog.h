/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_INTAKE_DIALOG (shelter_intake_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterIntakeDialog, shelter_intake_dialog,
                      SHELTER, INTAKE_DIALOG, AdwWindow)

/* Receiving a person, in five steps: who (with the people already on record who may be
 * them), how they came (handed over by whom and when, the adult an accompanying child came
 * with, the trafficking details where the person type says so), consent, what they arrived
 * with, and the room. Each step is checked by app/'s rules when leaving it. Once
 * shelter_receive_person() succeeded it shows the case code and intake record number,
 * emits "admitted" (person id, case code) and closes.
 *
 * What is typed is kept as the user's draft (shelter_intake_draft_save()) a moment after
 * each change, and at once when the dialog is hidden (a lock) or destroyed (a sign-out);
 * opening the dialog offers to continue it. Closing asks whether to keep it or discard
 * it. */
ShelterIntakeDialog *shelter_intake_dialog_new (ShelterSession *session);

G_END_DECLS
