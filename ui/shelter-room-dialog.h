/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ROOM_DIALOG (shelter_room_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRoomDialog, shelter_room_dialog, SHELTER, ROOM_DIALOG, AdwWindow)

/* A modal dialog that adds a room (@room NULL) or edits one: code, building, name, use, age
 * group, beds, floor area, 24-hour care and accessible, with the floor area warning shown
 * live as the beds, area or care change. An existing room can be closed from a day (after
 * a confirmation) or reopened. It saves through app/, shows app/'s refusals on the field
 * they name, and emits ::saved once the room is saved, closed or reopened. */
ShelterRoomDialog *shelter_room_dialog_new (ShelterSession *session,
                                            ShelterRoom    *room);

G_END_DECLS
