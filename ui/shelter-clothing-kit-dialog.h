/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_CLOTHING_KIT_DIALOG (shelter_clothing_kit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterClothingKitDialog, shelter_clothing_kit_dialog,
                      SHELTER, CLOTHING_KIT_DIALOG, AdwWindow)

/* A modal dialog that records the clothing kit handed to the resident @name of @sex
 * ("female"/"male") for the stay @stay_id: a checklist of the items (all ticked; sanitary
 * pads listed for women only) and the day (@default_day, YYYY-MM-DD, at first). Shows
 * app/'s refusals on the field they name and emits ::saved once recorded. */
ShelterClothingKitDialog *shelter_clothing_kit_dialog_new (ShelterSession *session,
                                                           gint64          stay_id,
                                                           const char     *name,
                                                           const char     *sex,
                                                           const char     *default_day);

G_END_DECLS
