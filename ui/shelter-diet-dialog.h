/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_DIET_DIALOG (shelter_diet_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterDietDialog, shelter_diet_dialog, SHELTER, DIET_DIALOG, AdwWindow)

/* A modal dialog that records the diet of the stay @stay_id of the resident @name from a
 * day on: the diet, a note for the kitchen, allergies and the first day (today by default,
 * dd/mm/yyyy). @current_diet (a code, NULL for normal) is selected at first. Shows app/'s
 * refusals on the field they name and emits ::saved once recorded. */
ShelterDietDialog *shelter_diet_dialog_new (ShelterSession *session,
                                            gint64          stay_id,
                                            const char     *name,
                                            const char     *current_diet);

G_END_DECLS
