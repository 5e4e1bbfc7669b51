/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-compliance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shelter-compliance.h"
#include "shelter-placement.h"
#include "shelter-rooms.h"
#include "shelter-settings.h"
#include "shelter-stores.h"

void
shelter_room_compliance_free (ShelterRoomCompliance *compliance)
{
  if (compliance == NULL)
    return;
  g_clear_object (&compliance->room);
  g_free (compliance);
}

GPtrArray *
shelter_compliance_rooms (ShelterSession  *session,
                          GError         **error)
{
  g_autoptr (GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_room_compliance_free);
  g_autoptr (GPtrArray) occupancy = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  db = shelter_session_get_db (session);
  if ((occupancy = shelter_rooms_occupancy_on (session, NULL, error)) == NULL)
    return NULL;

  for (guint i = 0; i < occupancy->len; i++)
    {
      ShelterRoomOccupancy *row = g_ptr_array_index (occupancy, i);
      ShelterRoomCompliance *compliance = g_new0 (ShelterRoomCompliance, 1);

      compliance->room = g_object_ref (row->room);
      compliance->area_m2 = shelter_room_get_area_m2 (row->room);
      compliance->beds = shelter_room_get_beds (row->room);
      compliance->residents = row->occupied;
      compliance->m2_per_bed = compliance->beds > 0 ? compliance->area_m2 / compliance->beds
                                                    : NAN;
      compliance->m2_per_resident = compliance->residents > 0
                                    ? compliance->area_m2 / compliance->residents : NAN;
      compliance->required_m2 =
        shelter_rooms_area_per_resident (db, shelter_room_get_care_24h (row->room));
      compliance->max_beds = shelter_rooms_max_beds (compliance->area_m2,
                                                     compliance->required_m2);
      compliance->beds_exceed = compliance->beds > compliance->max_beds;
      compliance->residents_exceed = compliance->residents > compliance->max_beds;
      g_ptr_array_add (result, compliance);
    }
  return g_steal_pointer (&result);
}

static const struct
{
  const char *setting;
  const char *label;
} staff_roles[SHELTER_STAFF_N_ROLES] = {
  { SHELTER_SETTING_STAFF_CAREGIVERS, N_("Caregivers") },
  { SHELTER_SETTING_STAFF_SOCIAL_WORKERS, N_("Social workers") },
  { SHELTER_SETTING_STAFF_MEDICAL, N_("Medical staff") },
  { SHELTER_SETTING_STAFF_COUNSELLORS, N_("Counsellors") },
};

const char *
shelter_staff_role_label (ShelterStaffRole role)
{
  g_return_val_if_fail (role < SHELTER_STAFF_N_ROLES, NULL);
  return _(staff_roles[role].label);
}

gboolean
shelter_compliance_staff (ShelterSession      *session,
                          ShelterStaffRatios  *out,
                          GError             **error)
{
  g_autoptr (GArray) stays = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *now_iso = NULL;
  ShelterStaffRatios ratios = { 0 };
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return FALSE;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  now_iso = shelter_session_format_time (now);
  /* Everyone placed in a room now, those away included: they are still in the centre's
   * care. */
  if ((stays = shelter_capacity_store_stays_at (db, now_iso, error)) == NULL)
    return FALSE;

  ratios.residents = stays->len;
  for (guint r = 0; r < SHELTER_STAFF_N_ROLES; r++)
    {
      int count = shelter_settings_get_int (db, staff_roles[r].setting, 0);

      ratios.staff[r] = (guint) MAX (count, 0);
      ratios.residents_per_staff[r] = ratios.staff[r] > 0
                                      ? (double) ratios.residents / ratios.staff[r] : NAN;
      if (ratios.staff[r] > 0)
        ratios.n_entered++;
    }
  *out = ratios;
  return TRUE;
}
