/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"
#include "shelter-plan-store.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ASSESSMENT_DIALOG (shelter_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAssessmentDialog, shelter_assessment_dialog, SHELTER,
                      ASSESSMENT_DIALOG, AdwWindow)

/* A modal dialog that records a needs assessment of the stay @stay_id of the resident
 * @name: the day, then the eight areas, each with its level of need and a note, filled
 * from @previous when there is one. Shows app/'s refusals on the field they name; emits
 * ::saved once recorded. */
ShelterAssessmentDialog *shelter_assessment_dialog_new (ShelterSession             *session,
                                                        gint64                      stay_id,
                                                        const char                 *name,
                                                        const ShelterAssessmentRow *previous);

G_END_DECLS
