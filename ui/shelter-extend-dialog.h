/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_EXTEND_DIALOG (shelter_extend_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterExtendDialog, shelter_extend_dialog,
                      SHELTER, EXTEND_DIALOG, AdwWindow)

/* A modal dialog that records a manager's decision to keep the resident @name past the stay
 * limit of their stay @stay_id: until when and the decision (its number and reason). Shows
 * app/'s refusals on the field they name and emits ::saved (with the new last day,
 * YYYY-MM-DD) once it is recorded. */
ShelterExtendDialog *shelter_extend_dialog_new (ShelterSession *session,
                                                gint64          stay_id,
                                                const char     *name);

G_END_DECLS
