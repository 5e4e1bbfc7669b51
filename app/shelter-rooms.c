/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rooms"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

/* "18", "18.5": a number of square metres as the forms show it, to one decimal. */
static char *
format_m2 (double m2)
{
  double rounded = floor (m2 * 10 + 0.5) / 10;

  if (rounded == floor (rounded))
    return g_strdup_printf ("%.0f", rounded);
  return g_strdup_printf ("%.1f", rounded);
}

char *
shelter_rooms_area_warning (ShelterDb   *db,
                            ShelterRoom *room)
{
  g_autofree char *area = NULL;
  g_autofree char *each = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *has = NULL;
  double m2_per_resident;
  guint max_beds, beds;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), NULL);

  m2_per_resident = shelter_rooms_area_per_resident (db, shelter_room_get_care_24h (room));
  max_beds = shelter_rooms_max_beds (shelter_room_get_area_m2 (room), m2_per_resident);
  beds = shelter_room_get_beds (room);
  if (beds <= max_beds)
    return NULL;

  area = format_m2 (shelter_room_get_area_m2 (room));
  each = format_m2 (m2_per_resident);
  /* Translators: the first half of a warning; the first %s is a room's floor area, %u how
   * many residents it allows, the second %s the area each resident needs:
   * "18 m² allows at most 3 residents at 6 m² each". */
  limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%s m² allows at most %u resident at %s m² each",
                                        "%s m² allows at most %u residents at %s m² each",
                                        max_beds),
                           area, max_beds, each);
  /* Translators: the second half of the same warning: "this room has 4 beds". */
  has = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "this room has %u bed",
                                      "this room has %u beds", beds),
                         beds);
  /* Translators: joins the two halves of the floor area warning into one sentence:
   * "18 m² allows at most 3 residents at 6 m² each; this room has 4 beds." */
  return g_strdup_printf (C_("area warning", "%s; %s."), limit, has);
}

static gboolean
clean_text_field (ShelterRoom   *room,
                  const char    *value,
                  void         (*set) (ShelterRoom *, const char *),
                  ShelterField   field,
                  const char    *label,
                  int            max_chars,
                  gboolean       required,
                  GError       **error)
{
  g_autofree char *clean = NULL;

  if (!shelter_field_clean_text (value, FALSE, max_chars, field, label, &clean, error))
    return FALSE;
  if (clean == NULL && required)
    return shelter_field_error (error, field, _("%s: this field is required."), label);
  set (room, clean);
  return TRUE;
}

/* What add and update both check, cleaning the texts of @room in place. Too many beds for
 * the area is not refused: the form warns (shelter_rooms_area_warning()) and the user
 * decides. */
static gboolean
check_room (ShelterRoom  *room,
            GError      **error)
{
  double area = shelter_room_get_area_m2 (room);
  guint beds = shelter_room_get_beds (room);

  if (!clean_text_field (room, shelter_room_get_code (room), shelter_room_set_code,
                         SHELTER_FIELD_ROOM_CODE, _("Room code"), 20, TRUE, error) ||
      !clean_text_field (room, shelter_room_get_name (room), shelter_room_set_name,
                         SHELTER_FIELD_ROOM_NAME, _("Room name"), 100, TRUE, error) ||
      !clean_text_field (room, shelter_room_get_building (room), shelter_room_set_building,
                         SHELTER_FIELD_ROOM_BUILDING, _("Building"), 100, FALSE, error))
    return FALSE;

  if (!shelter_enum_is_valid (&shelter_enum_room_use, shelter_room_get_sex_use (room)))
    return shelter_field_error (error, SHELTER_FIELD_ROOM_USE,
                                _("Room type: choose a female, male or family room."));
  if (!shelter_enum_is_valid (&shelter_enum_age_group, shelter_room_get_age_group (room)))
    return shelter_field_error (error, SHELTER_FIELD_ROOM_AGE_GROUP,
                                _("Age group: choose the ages the room is for."));
  /* A guint from a negative number typed somewhere is huge: refused as too many. */
  if (beds < 1 || beds > 200)
    return shelter_field_error (error, SHELTER_FIELD_ROOM_BEDS,
                                _("Beds: enter a number from 1 to 200."));
  if (!(area > 0) || area > 10000)
    return shelter_field_error (error, SHELTER_FIELD_ROOM_AREA,
                                _("Floor area: enter the bedroom area in square metres."));
  return TRUE;
}

static void
stamp_now (ShelterSession *session,
           ShelterStamp   *stamp,
           char          **at)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  *at = shelter_session_format_time (now);
  stamp->actor = shelter_session_get_actor (session);
  stamp->at = *at;
}

/* A unique code taken by another room becomes a field error; anything else is passed on. */
static void
propagate_save_error (ShelterRoom  *room,
                      GError       *local_error,
                      GError      **error)
{
  if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT))
    {
      shelter_field_error (error, SHELTER_FIELD_ROOM_CODE,
                           _("Room code: another room already has the code %s."),
                           shelter_room_get_code (room));
      g_error_free (local_error);
    }
  else
    g_propagate_error (error, local_error);
}

gboolean
shelter_rooms_add (ShelterSession  *session,
                   ShelterRoom     *room,
                   GError         **error)
{
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  GError *local_error = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error) ||
      !check_room (room, error))
    return FALSE;

  db = shelter_session_get_db (session);
  stamp_now (session, &stamp, &stamp_at);
  if (shelter_room_get_opened_on (room) == NULL)
    {
      g_autofree char *today = g_strndup (stamp_at, 10);
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
      propagate_save_error (room, local_error, error);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

static void
note_number_change (GString    *details,
                    const char *field,
                    const char *format,
                    double      old_value,
                    double      new_value)
{
  g_autofree char *old_text = g_strdup_printf (format, old_value);
  g_autofree char *new_text = g_strdup_printf (format, new_value);

  shelter_audit_note_change (details, field, old_text, new_text, FALSE);
}

gboolean
shelter_rooms_update (ShelterSession  *session,
                      ShelterRoom     *room,
                      GError         **error)
{
  g_autoptr (ShelterRoom) stored = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *stamp_at = NULL;
  GError *local_error = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 version;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), FALSE);
  g_return_val_if_fail (shelter_room_get_id (room) > 0, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error) ||
      !check_room (room, error))
    return FALSE;

  db = shelter_session_get_db (session);
  stamp_now (session, &stamp, &stamp_at);
  version = shelter_room_get_version (room);

  if (!shelter_db_begin (db, error))
    return FALSE;
  /* Read inside the write transaction: nobody can be placed in it meanwhile. */
  if ((stored = shelter_room_store_get (db, shelter_room_get_id (room), &local_error)) == NULL)
    goto failed;
  if (shelter_room_get_beds (room) < shelter_room_get_beds_used (stored))
    {
      guint used = shelter_room_get_beds_used (stored);

      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Beds: %u resident is placed in this room now. Keep at least "
                                "%u bed, or move residents to other rooms first.",
                                "Beds: %u residents are placed in this room now. Keep at least "
                                "%u beds, or move residents to other rooms first.",
                                used),
                   used, used);
      goto failed;
    }

  shelter_audit_note_change (details, "code", shelter_room_get_code (stored),
                             shelter_room_get_code (room), FALSE);
  shelter_audit_note_change (details, "building", shelter_room_get_building (stored),
                             shelter_room_get_building (room), FALSE);
  shelter_audit_note_change (details, "name", shelter_room_get_name (stored),
                             shelter_room_get_name (room), FALSE);
  shelter_audit_note_change (details, "use", shelter_room_get_sex_use (stored),
                             shelter_room_get_sex_use (room), FALSE);
  shelter_audit_note_change (details, "age_group", shelter_room_get_age_group (stored),
                             shelter_room_get_age_group (room), FALSE);
  note_number_change (details, "beds", "%.0f", shelter_room_get_beds (stored),
                      shelter_room_get_beds (room));
  note_number_change (details, "area_m2", "%.1f", shelter_room_get_area_m2 (stored),
                      shelter_room_get_area_m2 (room));
  shelter_audit_note_change (details, "care_24h",
                             shelter_room_get_care_24h (stored) ? "yes" : "no",
                             shelter_room_get_care_24h (room) ? "yes" : "no", FALSE);
  shelter_audit_note_change (details, "accessible",
                             shelter_room_get_accessible (stored) ? "yes" : "no",
                             shelter_room_get_accessible (room) ? "yes" : "no", FALSE);

  if (!shelter_room_store_update (db, room, &stamp, &local_error) ||
      !shelter_audit_record (session, stamp.at, "update", "room", shelter_room_get_id (room),
                             details->str, &local_error))
    goto failed;
  if (!shelter_db_commit (db, error))
    {
      shelter_room_set_version (room, version);
      return FALSE;
    }
  shelter_room_set_opened_on (room, shelter_room_get_opened_on (stored));
  shelter_room_set_closed_on (room, shelter_room_get_closed_on (stored));
  shelter_room_set_beds_used (room, shelter_room_get_beds_used (stored));
  return TRUE;

failed:
  shelter_db_rollback (db);
  shelter_room_set_version (room, version);
  propagate_save_error (room, local_error, error);
  return FALSE;
}

gboolean
shelter_rooms_close (ShelterSession  *session,
                     gint64           room_id,
                     const char      *closed_on,
                     gint64           version,
                     GError         **error)
{
  g_autoptr (ShelterRoom) room = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *last_left = NULL;
  g_autofree char *details = NULL;
  GError *local_error = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  GDate day;
  guint used;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error))
    return FALSE;
  g_date_clear (&day, 1);
  if (closed_on == NULL || strlen (closed_on) != 10 || !shelter_text_parse_date (closed_on, &day))
    return shelter_field_error (error, SHELTER_FIELD_ROOM_CLOSED_ON,
                                _("Closed from: enter the day as dd/mm/yyyy."));
  db = shelter_session_get_db (session);
  stamp_now (session, &stamp, &stamp_at);
  if (strncmp (closed_on, stamp_at, 10) > 0)
    return shelter_field_error (error, SHELTER_FIELD_ROOM_CLOSED_ON,
                                _("Closed from: the day is in the future. Close the room on "
                                  "the day it is taken out of use, not before."));

  if (!shelter_db_begin (db, error))
    return FALSE;
  if ((room = shelter_room_store_get (db, room_id, &local_error)) == NULL)
    goto failed;
  if (shelter_room_get_closed_on (room) != NULL)
    {
      g_autofree char *since = shelter_text_format_date (shelter_room_get_closed_on (room));

      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("Room %s is already closed, since %s."), shelter_room_get_code (room), since);
      goto failed;
    }
  if (strcmp (closed_on, shelter_room_get_opened_on (room)) < 0)
    {
      g_autofree char *opened = shelter_text_format_date (shelter_room_get_opened_on (room));

      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON,
                   _("Closed from: room %s opened on %s. Choose that day or a later one."),
                   shelter_room_get_code (room), opened);
      goto failed;
    }
  used = shelter_room_get_beds_used (room);
  if (used > 0)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u resident is placed in room %s. Move them to another room "
                                "before closing it.",
                                "%u residents are placed in room %s. Move them to other rooms "
                                "before closing it.",
                                used),
                   used, shelter_room_get_code (room));
      goto failed;
    }
  /* Its history must stay true: nobody may have been in it after the day it closed. */
  last_left = shelter_room_store_last_left_on (db, room_id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (last_left != NULL && strcmp (closed_on, last_left) < 0)
    {
      g_autofree char *left = shelter_text_format_date (last_left);

      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON,
                   _("Closed from: a resident was in room %s until %s. Choose that day or a "
                     "later one."),
                   shelter_room_get_code (room), left);
      goto failed;
    }

  details = g_strdup_printf ("code: %s\nclosed_on: %s", shelter_room_get_code (room), closed_on);
  if (!shelter_room_store_set_closed (db, room_id, version, closed_on, &stamp, &local_error) ||
      !shelter_audit_record (session, stamp.at, "close_room", "room", room_id, details,
                             &local_error))
    goto failed;
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
shelter_rooms_reopen (ShelterSession  *session,
                      gint64           room_id,
                      gint64           version,
                      GError         **error)
{
  g_autoptr (ShelterRoom) room = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  GError *local_error = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error))
    return FALSE;
  db = shelter_session_get_db (session);
  stamp_now (session, &stamp, &stamp_at);

  if (!shelter_db_begin (db, error))
    return FALSE;
  if ((room = shelter_room_store_get (db, room_id, &local_error)) == NULL)
    goto failed;
  if (shelter_room_get_closed_on (room) == NULL)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("Room %s is open already."), shelter_room_get_code (room));
      goto failed;
    }
  details = g_strdup_printf ("code: %s\nclosed_on: %s -> -", shelter_room_get_code (room),
                             shelter_room_get_closed_on (room));
  if (!shelter_room_store_set_closed (db, room_id, version, NULL, &stamp, &local_error) ||
      !shelter_audit_record (session, stamp.at, "reopen_room", "room", room_id, details,
                             &local_error))
    goto failed;
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, local_error);
  return FALSE;
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
