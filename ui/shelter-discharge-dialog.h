/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_DISCHARGE_DIALOG (shelter_discharge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterDischargeDialog, shelter_discharge_dialog, SHELTER, DISCHARGE_DIALOG,
                      AdwWindow)

/* The discharge assistant (kết thúc trợ giúp) of the open stay @stay_id of the person
 * @person_id, shown as @name (with @room_code, the room whose bed is freed; may be NULL), in
 * three steps: the reason, the date and the destination the reason needs, and who receives
 * the person (one of their relatives, with their safety, or a named person; for a death the
 * cause and who was informed instead); the checklist as app/ judges it after every change,
 * each item with the inputs that complete it; then what will happen, and the open items,
 * which only a manager may leave open with a reason. app/'s refusals are shown on the field
 * they name, on its step; nothing typed is lost. Emits ::discharged (with a message for a
 * toast, const char *) once the stay is ended. */
ShelterDischargeDialog *shelter_discharge_dialog_new (ShelterSession *session,
                                                      gint64          stay_id,
                                                      gint64          person_id,
                                                      const char     *name,
                                                      const char     *room_code);

G_END_DECLS
