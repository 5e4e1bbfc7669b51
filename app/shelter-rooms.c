/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rooms"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-rooms.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The minimum bedroom area per resident of the rules domain.md cites, when the centre has
 * not set its own. */
#define M2_PER_RESIDENT 6.0
#define M2_PER_RESIDENT_24H_CARE 8.0

double
shelter_rooms_area_per_resident (ShelterDb *db,
                                 gboolean   care_24h)
{
  g_autofree char *value = shelter_settings_get (db, care_24h ? SHELTER_SETTING_AREA_PER_RESIDENT_CARE
                                                              : SHELTER_SETTING_AREA_PER_RESIDENT,
                                                 NULL);
  double m2 = value != NULL ? g_ascii_strtod (value, NULL) : 0;

  return m2 > 0 ? m2 : care_24h ? M2_PER_RESIDENT_24H_CARE : M2_PER_RESIDENT;
}

guint
shelter_rooms_max_beds (double   area_m2,
                        double   m2_per_resident)
{
  if (area_m2 <= 0 || m2_per_resident <= 0)
    return 0;
  /* A hair of tolerance so that 24.0 m² typed as 23.999... still gives four beds. */
  return (guint) floor (area_m2 / m2_per_resident + 1e-9);
}

static gboolean
clean_text_field (ShelterRoom   *room,
                  const char    *value,
                  void         (*set) (ShelterRoom *, const char *),
                  ShelterField   field,
                  const char    *label,
                  guint          max_chars,
                  gboolean       required,
                  GError       **error)
{
  gboolean invalid = FALSE;
  g_autofree char *clean = shelter_text_clean (value, &invalid);

  if (invalid)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, field,
                   _("%s: the text contains characters that cannot be shown. Type it again."),
                   label);
      return FALSE;
    }
  if (clean == NULL && required)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, field, _("%s: this field is required."), label);
      return FALSE;
    }
  if (clean != NULL && g_utf8_strlen (clean, -1) > max_chars)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, field, _("%s: at most %u characters."),
                   label, max_chars);
      return FALSE;
    }
  set (room, clean);
  return TRUE;
}

gboolean
shelter_rooms_add (ShelterSession  *session,
                   ShelterRoom     *room,
                   GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  double m2_per_resident;
  guint max_beds;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error))
    return FALSE;

  if (!clean_text_field (room, shelter_room_get_code (room), shelter_room_set_code,
                         SHELTER_FIELD_ROOM_CODE, _("Room code"), 20, TRUE, error) ||
      !clean_text_field (room, shelter_room_get_name (room), shelter_room_set_name,
                         SHELTER_FIELD_ROOM_NAME, _("Room name"), 100, TRUE, error) ||
      !clean_text_field (room, shelter_room_get_building (room), shelter_room_set_building,
                         SHELTER_FIELD_ROOM_NAME, _("Building"), 100, FALSE, error))
    return FALSE;

  if (!shelter_enum_is_valid (&shelter_enum_room_use, shelter_room_get_sex_use (room)))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM,
                   _("Room type: choose a female, male or family room."));
      return FALSE;
    }
  if (!shelter_enum_is_valid (&shelter_enum_age_group, shelter_room_get_age_group (room)))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM,
                   _("Age group: choose the ages the room is for."));
      return FALSE;
    }
  if (!(shelter_room_get_area_m2 (room) > 0) || shelter_room_get_area_m2 (room) > 10000)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_AREA,
                   _("Floor area: enter the bedroom area in square metres."));
      return FALSE;
    }
  if (shelter_room_get_beds (room) < 1 || shelter_room_get_beds (room) > 200)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS,
                   _("Beds: enter a number from 1 to 200."));
      return FALSE;
    }
  m2_per_resident = shelter_rooms_area_per_resident (shelter_session_get_db (session),
                                                     shelter_room_get_care_24h (room));
  max_beds = shelter_rooms_max_beds (shelter_room_get_area_m2 (room), m2_per_resident);
  if (shelter_room_get_beds (room) > max_beds)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Beds: %.1f m² allows at most %u resident (%g m² each). "
                                "Lower the beds or correct the area.",
                                "Beds: %.1f m² allows at most %u residents (%g m² each). "
                                "Lower the beds or correct the area.",
                                max_beds),
                   shelter_room_get_area_m2 (room), max_beds, m2_per_resident);
      return FALSE;
    }

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = stamp_at;
  if (shelter_room_get_opened_on (room) == NULL)
    {
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      shelter_room_set_opened_on (room, today);
    }

  if (!shelter_db_begin (db, error))
    return FALSE;
  details = g_strdup_printf ("code: %s\nuse: %s\nage_group: %s\nbeds: %u\narea_m2: %.1f",
                             shelter_room_get_code (room), shelter_room_get_sex_use (room),
                             shelter_room_get_age_group (room), shelter_room_get_beds (room),
                             shelter_room_get_area_m2 (room));
  if (!shelter_room_store_insert (db, room, &stamp, &local_error) ||
      !shelter_audit_record (session, stamp.at, "create", "room", shelter_room_get_id (room),
                             details, &local_error))
    {
      shelter_db_rollback (db);
      shelter_room_set_id (room, 0);
      if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT))
        g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CODE,
                     _("Room code: another room already has the code %s."),
                     shelter_room_get_code (room));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

GPtrArray *
shelter_rooms_list (ShelterSession  *session,
                    GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  return shelter_room_store_list (shelter_session_get_db (session), error);
}
