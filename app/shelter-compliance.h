/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-room.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Compliance for managers: the bedroom area per resident of each open room against the
 * minimum of the rules (shelter_rooms_area_per_resident()), and the staff ratios when the
 * centre has entered its staff counts. domain.md gives no legal staff norm, so the ratios
 * are shown as they are, residents per staff member, without a judgement. */

typedef struct
{
  ShelterRoom *room;
  double       area_m2;
  guint        beds;
  guint        residents;             /* placed now, those away included */
  double       m2_per_bed;
  double       m2_per_resident;       /* now; NAN when the room is empty */
  double       required_m2;           /* the minimum per resident (more in 24-hour care) */
  guint        max_beds;              /* the most residents the area allows */
  gboolean     beds_exceed;           /* more beds than the area allows */
  gboolean     residents_exceed;      /* more residents now than the area allows */
} ShelterRoomCompliance;

void       shelter_room_compliance_free (ShelterRoomCompliance *compliance);

/* VIEW_ROOMS. Every room open today, in the order of the rooms list. */
GPtrArray *shelter_compliance_rooms     (ShelterSession         *session,
                                         GError                **error);

typedef enum
{
  SHELTER_STAFF_CAREGIVERS,
  SHELTER_STAFF_SOCIAL_WORKERS,
  SHELTER_STAFF_MEDICAL,
  SHELTER_STAFF_COUNSELLORS,
  SHELTER_STAFF_N_ROLES
} ShelterStaffRole;

/* "Caregivers", "Social workers", "Medical staff", "Counsellors", translated. */
const char *shelter_staff_role_label    (ShelterStaffRole        role);

typedef struct
{
  guint  residents;                                   /* staying now, those away included */
  guint  staff[SHELTER_STAFF_N_ROLES];                /* 0: not entered */
  double residents_per_staff[SHELTER_STAFF_N_ROLES];  /* NAN when not entered */
  guint  n_entered;                                   /* roles with a count */
} ShelterStaffRatios;

/* VIEW_ROOMS. The staff counts of the centre's settings (entered by an administrator) and
 * the residents per staff member of each role entered. */
gboolean   shelter_compliance_staff     (ShelterSession         *session,
                                         ShelterStaffRatios     *out,
                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterRoomCompliance, shelter_room_compliance_free)

G_END_DECLS
