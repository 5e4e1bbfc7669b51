/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_VISIT_DIALOG (shelter_visit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterVisitDialog, shelter_visit_dialog,
                      SHELTER, VISIT_DIALOG, AdwWindow)

/* A modal dialog that records a visit to the resident @name (person @person_id) during
 * their stay @stay_id: the visitor (a recorded relative or someone else by name), when (now
 * by default), who approved it (the signed-in user by default) and notes. Shows app/'s
 * refusals on the field they name and emits ::saved once recorded. When app/ refuses the
 * visit it has still recorded the attempt: the dialog closes and emits ::refused with
 * app/'s message, which says why. */
ShelterVisitDialog *shelter_visit_dialog_new     (ShelterSession *session,
                                                  gint64          stay_id,
                                                  gint64          person_id,
                                                  const char     *name);

/* The same dialog putting someone (a recorded relative or a name) on the person's no-visit
 * list, with the reason; emits ::saved once stored. */
ShelterVisitDialog *shelter_visit_dialog_new_ban (ShelterSession *session,
                                                  gint64          person_id,
                                                  const char     *name);

G_END_DECLS
