/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-today"

#include "config.h"

#include "shelter-stores.h"
#include "shelter-text.h"
#include "shelter-today.h"

void
shelter_today_movement_free (ShelterTodayMovement *movement)
{
  if (movement == NULL)
    return;
  g_free (movement->case_code);
  g_free (movement->resident_name);
  g_free (movement->at);
  g_free (movement->room);
  g_free (movement->detail);
  g_free (movement);
}

GPtrArray *
shelter_today_movements (ShelterSession  *session,
                         const char      *on,
                         GError         **error)
{
  g_autoptr (GPtrArray) stored = NULL;
  g_autofree char *today = NULL;
  GPtrArray *movements;
  gboolean may_see;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (on == NULL || shelter_text_is_iso_date (on), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  if (on == NULL)
    {
      g_autoptr (GDateTime) now = shelter_session_now (session);

      on = today = g_date_time_format (now, "%Y-%m-%d");
    }

  stored = shelter_today_store_movements (shelter_session_get_db (session), on, error);
  if (stored == NULL)
    return NULL;

  may_see = shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  movements = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_today_movement_free);
  for (guint i = 0; i < stored->len; i++)
    {
      ShelterTodayStoreRow *from = g_ptr_array_index (stored, i);
      ShelterTodayMovement *movement = g_new0 (ShelterTodayMovement, 1);

      switch (from->kind)
        {
        case SHELTER_TODAY_STORE_ARRIVAL:
          movement->kind = SHELTER_TODAY_ARRIVAL;
          break;
        case SHELTER_TODAY_STORE_DEPARTURE:
          movement->kind = SHELTER_TODAY_DEPARTURE;
          break;
        case SHELTER_TODAY_STORE_RETURN:
        default:
          movement->kind = SHELTER_TODAY_RETURN;
          break;
        }
      movement->stay_id = from->stay_id;
      movement->person_id = from->person_id;
      movement->case_code = g_steal_pointer (&from->case_code);
      movement->at = g_steal_pointer (&from->at);
      /* A protected resident's name and whereabouts are for those who may know who they
       * are; the others see the case code, as in the residents list. */
      if (!from->high_protection || may_see)
        {
          movement->resident_name = g_steal_pointer (&from->full_name);
          movement->room = g_steal_pointer (&from->room);
          movement->detail = g_steal_pointer (&from->detail);
        }
      g_ptr_array_add (movements, movement);
    }
  return movements;
}
