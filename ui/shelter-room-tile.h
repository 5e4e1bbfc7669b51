/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-room.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_ROOM_TILE (shelter_room_tile_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRoomTile, shelter_room_tile, SHELTER, ROOM_TILE, GtkFlowBoxChild)

/* One room on the rooms board: its code and name, what it is for (an icon and words, so
 * that it reads without colour), its age group and its beds, one glyph a bed, with the
 * numbers in words. @age_group names the room's group with its bounds
 * (shelter_age_bands_title()). @occupied, @absent and @free are app/'s (ShelterRoomOccupancy):
 * @occupied counts those away, who keep their bed. */
GtkWidget   *shelter_room_tile_new          (ShelterRoom *room,
                                             const char  *age_group,
                                             guint        occupied,
                                             guint        absent,
                                             guint        free);

ShelterRoom *shelter_room_tile_get_room     (ShelterRoomTile *self);
/* Residents in the room now (@occupied less those away). */
guint        shelter_room_tile_get_present  (ShelterRoomTile *self);
guint        shelter_room_tile_get_absent   (ShelterRoomTile *self);
guint        shelter_room_tile_get_free     (ShelterRoomTile *self);
/* "3 occupied · 1 away · 2 free", as the tile shows it. */
const char  *shelter_room_tile_get_summary  (ShelterRoomTile *self);

G_END_DECLS
