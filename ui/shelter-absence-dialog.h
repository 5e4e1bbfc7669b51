/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ABSENCE_DIALOG (shelter_absence_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAbsenceDialog, shelter_absence_dialog,
                      SHELTER, ABSENCE_DIALOG, AdwWindow)

/* A modal dialog that records a temporary absence (hospital, court, home leave, other) of
 * the resident @name in their stay @stay_id: where, from when (now by default), the day
 * they should be back, a note. Shows app/'s refusals on the field they name and emits
 * ::saved (with the day they should be back, YYYY-MM-DD) once it is recorded. */
ShelterAbsenceDialog *shelter_absence_dialog_new (ShelterSession *session,
                                                  gint64          stay_id,
                                                  const char     *name);

G_END_DECLS
