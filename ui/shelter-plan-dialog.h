/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"
#include "shelter-support-plan.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PLAN_DIALOG (shelter_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPlanDialog, shelter_plan_dialog, SHELTER, PLAN_DIALOG, AdwWindow)

/* A modal dialog that drafts the support plan of the stay @stay_id of the resident @name
 * from the newest needs assessment in @file, or edits the draft @file holds: the areas
 * found in need, the goals (area, goal, services, support type, who is responsible, target
 * date) with "Add Goal" and "Remove", and the review date. Shows app/'s refusals on the
 * goal or field they name; emits ::saved once written. */
ShelterPlanDialog *shelter_plan_dialog_new (ShelterSession               *session,
                                            gint64                        stay_id,
                                            const char                   *name,
                                            const ShelterSupportPlanFile *file);

G_END_DECLS
