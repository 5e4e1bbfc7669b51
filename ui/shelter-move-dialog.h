/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-resident-summary.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_MOVE_DIALOG (shelter_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterMoveDialog, shelter_move_dialog, SHELTER, MOVE_DIALOG, AdwWindow)

/* A modal dialog that moves the resident of @summary, in their stay @stay_id, to another
 * room: the open rooms as app/ rates them for the resident (those that do not suit greyed,
 * with the reason; a manager may choose one that is not full, with a written reason), the
 * reason for the move and when. Shows app/'s refusals on the field they name and emits
 * ::moved (with the new room's code) once the move is saved. */
ShelterMoveDialog *shelter_move_dialog_new (ShelterSession         *session,
                                            ShelterResidentSummary *summary,
                                            gint64                  stay_id);
/* Chooses @room_id as the new room, as when the resident is dropped on its tile on the
 * rooms board; when the room cannot take them the dialog says so and the choice is left
 * to the user. */
void               shelter_move_dialog_choose_room (ShelterMoveDialog *self,
                                                    gint64             room_id);

G_END_DECLS
