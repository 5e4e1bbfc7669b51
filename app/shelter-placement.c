/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-placement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-residents-model.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define REASON_MAX 200
#define NOTE_MAX 500
/* A clock a few minutes apart on two desks must not make "now" a future time. */
#define CLOCK_SKEW_SECONDS (5 * 60)

/* The oldest age a group may start at; the table allows 150, no resident reaches it. */
#define MAX_BAND_AGE 120

static const char *const band_codes[4] = { "child", "youth", "adult", "elderly" };

gboolean
shelter_age_bands_load (ShelterDb        *db,
                        ShelterAgeBands  *bands,
                        GError          **error)
{
  static const ShelterAgeBands defaults = { { 0, 16, 18, 60 }, { 15, 17, 59, -1 } };

  /* Usable even when the table cannot be read: the defaults of domain.md. */
  *bands = defaults;
  return shelter_age_band_store_get (db, bands->min_age, bands->max_age, error);
}

gboolean
shelter_age_bands_save (ShelterSession         *session,
                        const ShelterAgeBands  *bands,
                        GError                **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  ShelterDb *db;
  ShelterStamp stamp;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_ROOMS, error))
    return FALSE;

  /* One group for every age: from 0, each starting the year after the previous ends. */
  if (bands->min_age[0] != 0)
    return shelter_field_error (error, SHELTER_FIELD_AGE_BANDS,
                                _("Age groups: the first group must start at age 0."));
  for (guint i = 0; i < 4; i++)
    {
      gboolean last = i == 3;

      if (last != (bands->max_age[i] < 0))
        return shelter_field_error (error, SHELTER_FIELD_AGE_BANDS,
                                    _("Age groups: only the last group (the elderly) has no upper "
                                      "age."));
      if (!last && bands->max_age[i] >= MAX_BAND_AGE)
        return shelter_field_error (error, SHELTER_FIELD_AGE_BANDS,
                                    _("Age groups: the elderly group must start at 120 or "
                                      "younger. Lower the ages."));
      if (!last && bands->max_age[i] < bands->min_age[i])
        return shelter_field_error (error, SHELTER_FIELD_AGE_BANDS,
                                    _("Age groups: a group ends before it starts. Check the ages."));
      if (!last && bands->min_age[i + 1] != bands->max_age[i] + 1)
        return shelter_field_error (error, SHELTER_FIELD_AGE_BANDS,
                                    bands->min_age[i + 1] <= bands->max_age[i]
                                      ? _("Age groups: two groups overlap. Each group starts the year "
                                          "after the previous one ends.")
                                      : _("Age groups: some ages belong to no group. Each group starts "
                                          "the year after the previous one ends."));
    }

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (details, "%s%s: %d-%d", i > 0 ? "\n" : "", band_codes[i],
                            bands->min_age[i], bands->max_age[i]);

  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!shelter_age_band_store_set (db, bands->min_age, bands->max_age, &stamp, error) ||
      !shelter_audit_record (session, at, "setting", "setting", 0, details->str, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

const char *
shelter_age_bands_group (const ShelterAgeBands *bands,
                         int                    age)
{
  g_return_val_if_fail (bands != NULL, NULL);

  if (age < 0)
    return NULL;
  for (guint i = 0; i < 4; i++)
    if (age >= bands->min_age[i] && (bands->max_age[i] < 0 || age <= bands->max_age[i]))
      return band_codes[i];
  return NULL;
}

char *
shelter_age_bands_label (const ShelterAgeBands *bands,
                         const char            *group)
{
  g_return_val_if_fail (bands != NULL, NULL);

  for (guint i = 0; i < 4; i++)
    if (g_strcmp0 (group, band_codes[i]) == 0)
      {
        if (bands->max_age[i] < 0)
          /* Translators: what a room is for: "for 60 and over". */
          return g_strdup_printf (_("for %d and over"), bands->min_age[i]);
        if (bands->min_age[i] == 0)
          /* Translators: what a room is for: "for under 16". */
          return g_strdup_printf (_("for under %d"), bands->max_age[i] + 1);
        /* Translators: what a room is for: "for 16-17". */
        return g_strdup_printf (_("for %d-%d"), bands->min_age[i], bands->max_age[i]);
      }
  return g_strdup (_("for all ages"));
}

char *
shelter_age_bands_title (const ShelterAgeBands *bands,
                         const char            *group)
{
  g_return_val_if_fail (bands != NULL, NULL);

  /* The bands follow each other from 0, the last one open-ended (shelter_age_bands_save). */
  if (g_strcmp0 (group, "child") == 0)
    return g_strdup_printf (_("Children under %d"), bands->max_age[0] + 1);
  if (g_strcmp0 (group, "youth") == 0)
    return g_strdup_printf (_("Aged %d to %d"), bands->min_age[1], bands->max_age[1]);
  if (g_strcmp0 (group, "adult") == 0)
    return g_strdup_printf (_("Adults %d to %d"), bands->min_age[2], bands->max_age[2]);
  if (g_strcmp0 (group, "elderly") == 0)
    return g_strdup_printf (_("Elderly, %d and over"), bands->min_age[3]);
  return g_strdup (_("All ages"));
}

char *
shelter_placement_unsuitability (const ShelterAgeBands *bands,
                                 ShelterRoom           *room,
                                 const char            *sex,
                                 int                    age,
                                 gboolean               with_parent,
                                 int                    child_with_parent_age,
                                 const char            *on)
{
  const char *use;
  const char *room_group;
  const char *group;

  g_return_val_if_fail (bands != NULL, NULL);
  g_return_val_if_fail (SHELTER_IS_ROOM (room), NULL);

  use = shelter_room_get_sex_use (room);
  room_group = shelter_room_get_age_group (room);
  group = shelter_age_bands_group (bands, age);

  if (on != NULL &&
      (strncmp (shelter_room_get_opened_on (room), on, 10) > 0 ||
       (shelter_room_get_closed_on (room) != NULL &&
        strncmp (shelter_room_get_closed_on (room), on, 10) <= 0)))
    return g_strdup (_("closed"));

  /* A small child who came with a parent stays with them, in a family room. */
  if (with_parent && age >= 0 && age < child_with_parent_age && g_strcmp0 (use, "family") != 0)
    return g_strdup_printf (_("a child under %d stays with the parent in a family room"),
                            child_with_parent_age);

  /* A family room takes a mother with her children, whatever their sex and age. */
  if (g_strcmp0 (use, "family") != 0)
    {
      if (g_strcmp0 (use, sex) != 0)
        return g_strdup (g_strcmp0 (use, "male") == 0 ? _("male room") : _("female room"));
      if (g_strcmp0 (room_group, "any") != 0)
        {
          if (group == NULL)
            return g_strdup (_("age unknown"));
          if (g_strcmp0 (room_group, group) != 0)
            return shelter_age_bands_label (bands, room_group);
        }
    }
  if (shelter_room_get_beds_used (room) >= shelter_room_get_beds (room))
    return g_strdup (_("full"));
  return NULL;
}

void
shelter_placement_option_free (ShelterPlacementOption *option)
{
  if (option == NULL)
    return;
  g_clear_object (&option->room);
  g_free (option->reason);
  g_free (option);
}

GPtrArray *
shelter_placement_options (ShelterSession  *session,
                           const char      *sex,
                           int              age,
                           const char      *person_type,
                           const char      *on,
                           GError         **error)
{
  g_autoptr (GPtrArray) options =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_placement_option_free);
  g_autoptr (GPtrArray) rooms = NULL;
  g_autofree char *today = NULL;
  ShelterAgeBands bands;
  ShelterDb *db;
  int child_age;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  db = shelter_session_get_db (session);
  if (on == NULL)
    {
      g_autoptr (GDateTime) now = shelter_session_now (session);

      on = today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!shelter_age_bands_load (db, &bands, error) ||
      (rooms = shelter_room_store_list (db, error)) == NULL)
    return NULL;
  child_age = shelter_settings_get_int (db, SHELTER_SETTING_CHILD_WITH_PARENT_AGE, 6);

  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);
      ShelterPlacementOption *option;

      /* Rooms closed that day, or not yet open, are not offered at all. */
      if (strncmp (shelter_room_get_opened_on (room), on, 10) > 0 ||
          (shelter_room_get_closed_on (room) != NULL &&
           strncmp (shelter_room_get_closed_on (room), on, 10) <= 0))
        continue;
      option = g_new0 (ShelterPlacementOption, 1);
      option->room = g_object_ref (room);
      option->reason = shelter_placement_unsuitability (
        &bands, room, sex, age, g_strcmp0 (person_type, "accompanying_minor") == 0, child_age,
        NULL);
      g_ptr_array_add (options, option);
    }
  return g_steal_pointer (&options);
}

void
shelter_room_occupancy_free (ShelterRoomOccupancy *occupancy)
{
  if (occupancy == NULL)
    return;
  g_clear_object (&occupancy->room);
  g_free (occupancy);
}

GPtrArray *
shelter_rooms_occupancy_on (ShelterSession  *session,
                            const char      *on,
                            GError         **error)
{
  g_autoptr (GPtrArray) result =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_room_occupancy_free);
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GHashTable) row_of_room = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *today = NULL;
  ShelterDb *db;
  GDate date;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  if (on == NULL)
    on = today;
  g_date_clear (&date, 1);
  if (strlen (on) != 10 || !shelter_text_parse_date (on, &date))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DOCUMENT_DATE,
                   _("Date: enter the day as YYYY-MM-DD."));
      return NULL;
    }
  /* Today means now; another day means the end of it. */
  at = g_str_equal (on, today) ? shelter_session_format_time (now)
                               : g_strdup_printf ("%sT23:59:59+07:00", on);

  if ((rooms = shelter_room_store_list (db, error)) == NULL ||
      (rows = shelter_placement_store_occupancy_at (db, at, error)) == NULL)
    return NULL;
  /* Each room's row in one step: thousands of rooms in a province's database. */
  row_of_room = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint j = 0; j < rows->len; j++)
    {
      ShelterRoomOccupancyRow *row = &g_array_index (rows, ShelterRoomOccupancyRow, j);

      g_hash_table_insert (row_of_room, &row->room_id, row);
    }
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);
      ShelterRoomOccupancyRow *row;
      ShelterRoomOccupancy *occupancy;
      gint64 room_id;

      if (strncmp (shelter_room_get_opened_on (room), on, 10) > 0 ||
          (shelter_room_get_closed_on (room) != NULL &&
           strncmp (shelter_room_get_closed_on (room), on, 10) <= 0))
        continue;
      occupancy = g_new0 (ShelterRoomOccupancy, 1);
      occupancy->room = g_object_ref (room);
      room_id = shelter_room_get_id (room);
      row = g_hash_table_lookup (row_of_room, &room_id);
      if (row != NULL)
        {
          occupancy->occupied = row->occupied;
          occupancy->absent = row->absent;
        }
      occupancy->free = shelter_room_get_beds (room) > occupancy->occupied
                          ? shelter_room_get_beds (room) - occupancy->occupied : 0;
      g_ptr_array_add (result, occupancy);
    }
  return g_steal_pointer (&result);
}

void
shelter_room_resident_free (ShelterRoomResident *resident)
{
  if (resident == NULL)
    return;
  g_clear_object (&resident->summary);
  g_free (resident);
}

GPtrArray *
shelter_room_residents (ShelterSession  *session,
                        gint64           room_id,
                        GError         **error)
{
  g_autoptr (GPtrArray) residents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_room_resident_free);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autoptr (GArray) rows = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  rows = shelter_placement_store_room_residents (shelter_session_get_db (session), room_id, at,
                                                 error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterRoomResidentRow *row = &g_array_index (rows, ShelterRoomResidentRow, i);
      ShelterRoomResident *resident = g_new0 (ShelterRoomResident, 1);

      /* The list's own rule masks a protected identity. */
      resident->summary = shelter_residents_get_summary (session, row->person_id, error);
      if (resident->summary == NULL)
        {
          shelter_room_resident_free (resident);
          return NULL;
        }
      resident->stay_id = row->stay_id;
      resident->absent = row->absent;
      g_ptr_array_add (residents, resident);
    }
  return g_steal_pointer (&residents);
}

static GDateTime *
parse_moment (const char    *iso,
              GDateTime     *now,
              ShelterField   field,
              const char    *label,
              GError       **error)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) moment = NULL;

  if (iso == NULL)
    return g_date_time_ref (now);
  moment = g_date_time_new_from_iso8601 (iso, vietnam);
  if (moment == NULL)
    {
      shelter_field_error (error, field, _("%s: enter the date and time as dd/mm/yyyy hh:mm."), label);
      return NULL;
    }
  if (g_date_time_difference (moment, now) > (GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND)
    {
      shelter_field_error (error, field, _("%s: the time is in the future."), label);
      return NULL;
    }
  return g_steal_pointer (&moment);
}

gboolean
shelter_move_resident (ShelterSession  *session,
                       gint64           stay_id,
                       gint64           room_id,
                       const char      *moved_at,
                       const char      *reason,
                       const char      *override_reason,
                       GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterRoom) room = NULL;
  g_autoptr (ShelterRoom) from_room = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean_reason = NULL;
  g_autofree char *clean_override = NULL;
  g_autofree char *moment_iso = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *placed_since = NULL;
  g_autofree char *unsuitable = NULL;
  g_autofree char *details = NULL;
  ShelterAgeBands bands;
  ShelterStamp stamp;
  ShelterDb *db;
  GDate day;
  gint64 from_room_id, placement_id;
  int age;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  if (!shelter_field_clean_text (reason, FALSE, REASON_MAX, SHELTER_FIELD_MOVE_REASON,
                                 _("Reason for the move"), &clean_reason, error) ||
      !shelter_field_clean_text (override_reason, FALSE, REASON_MAX,
                                 SHELTER_FIELD_OVERRIDE_REASON,
                                 _("Why this room although it does not suit"), &clean_override,
                                 error))
    return FALSE;
  if (clean_reason == NULL)
    return shelter_field_error (error, SHELTER_FIELD_MOVE_REASON,
                                _("Reason for the move: say why the resident moves (for example, "
                                  "“turned 16” or “closer to the care room”)."));
  if (clean_override != NULL &&
      !shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_PLACEMENT, error))
    return FALSE;

  now = shelter_session_now (session);
  moment = parse_moment (moved_at, now, SHELTER_FIELD_MOVED_AT, _("Moved on"), error);
  if (moment == NULL)
    return FALSE;
  moment_iso = shelter_session_format_time (moment);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);
  db = shelter_session_get_db (session);

  if (!shelter_db_begin (db, error))
    return FALSE;

  /* Read inside the write transaction: two desks cannot both take the last bed. */
  if ((stay = shelter_stay_store_get (db, stay_id, &local_error)) == NULL ||
      (person = shelter_person_store_get (db, shelter_stay_get_person_id (stay),
                                          &local_error)) == NULL ||
      !shelter_age_bands_load (db, &bands, &local_error) ||
      (room = shelter_room_store_get (db, room_id, &local_error)) == NULL)
    goto failed;
  if (shelter_stay_get_discharged_at (stay) != NULL)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("This stay has ended: the person is no longer at the centre."));
      goto failed;
    }
  from_room_id = shelter_placement_store_current_room (db, stay_id, &placed_since, &local_error);
  if (local_error != NULL)
    goto failed;
  if (from_room_id == room_id)
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM,
                   _("Room: the resident is already in room %s."), shelter_room_get_code (room));
      goto failed;
    }
  if (strcmp (moment_iso, shelter_stay_get_admitted_at (stay)) < 0 ||
      (placed_since != NULL && strcmp (moment_iso, placed_since) <= 0))
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_MOVED_AT,
                   _("Moved on: the time is before the resident came to their present room. "
                     "Check the date."));
      goto failed;
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (moment), g_date_time_get_month (moment),
                  g_date_time_get_year (moment));
  age = shelter_text_age_on (shelter_person_get_birth_date (person), &day);
  {
    g_autofree char *on = g_date_time_format (moment, "%Y-%m-%d");
    g_autoptr (ShelterIntake) intake = shelter_intake_store_get (db, stay_id, NULL);
    gboolean with_parent = intake != NULL && shelter_intake_get_linked_person_id (intake) > 0;
    int child_age = shelter_settings_get_int (db, SHELTER_SETTING_CHILD_WITH_PARENT_AGE, 6);

    if (strcmp (shelter_room_get_opened_on (room), on) > 0 ||
        (shelter_room_get_closed_on (room) != NULL &&
         strcmp (shelter_room_get_closed_on (room), on) <= 0))
      {
        g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM,
                     _("Room %s is closed on that date. Choose another room."),
                     shelter_room_get_code (room));
        goto failed;
      }
    unsuitable = shelter_placement_unsuitability (&bands, room, shelter_person_get_sex (person),
                                                  age, with_parent, child_age, NULL);
  }
  if (shelter_room_get_beds_used (room) >= shelter_room_get_beds (room))
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL,
                   _("The last bed in room %s was just taken, perhaps from another desk. "
                     "Choose another room."),
                   shelter_room_get_code (room));
      goto failed;
    }
  if (unsuitable != NULL && clean_override == NULL)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE,
                   _("Room %s does not suit this resident (%s). Only a manager can place "
                     "them there, with a written reason."),
                   shelter_room_get_code (room), unsuitable);
      goto failed;
    }
  if (unsuitable == NULL)
    g_clear_pointer (&clean_override, g_free);

  if (!shelter_stay_store_end_placements (db, stay_id, moment_iso, &stamp, &local_error))
    goto failed;
  placement_id = shelter_stay_store_place (db, stay_id, room_id, moment_iso, clean_reason,
                                           &stamp, &local_error);
  if (placement_id == 0 ||
      (clean_override != NULL &&
       !shelter_placement_store_set_override (db, placement_id, clean_override, &stamp,
                                              &local_error)))
    goto failed;

  if (from_room_id > 0)
    from_room = shelter_room_store_get (db, from_room_id, NULL);
  details = g_strdup_printf ("case_code: %s\nfrom: %s\nto: %s\nat: %s\nreason: %s%s%s",
                             shelter_person_get_case_code (person),
                             from_room != NULL ? shelter_room_get_code (from_room) : "-",
                             shelter_room_get_code (room), moment_iso, clean_reason,
                             clean_override != NULL ? "\noverride: " : "",
                             clean_override != NULL ? clean_override : "");
  if (!shelter_audit_record (session, stamp.at, "move", "stay", stay_id, details, &local_error))
    goto failed;
  if (shelter_db_commit (db, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gint64
shelter_absence_start (ShelterSession  *session,
                       gint64           stay_id,
                       const char      *kind,
                       const char      *started_at,
                       const char      *planned_return_on,
                       const char      *note,
                       GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *moment_iso = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  GDate planned;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return 0;
  if (!shelter_enum_is_valid (&shelter_enum_absence_kind, kind))
    {
      shelter_field_error (error, SHELTER_FIELD_ABSENCE_KIND,
                           _("Absence: choose hospital, court, home leave or other."));
      return 0;
    }
  if (!shelter_field_clean_text (note, FALSE, NOTE_MAX, SHELTER_FIELD_ABSENCE_NOTE, _("Note"),
                                 &clean_note, error))
    return 0;
  now = shelter_session_now (session);
  moment = parse_moment (started_at, now, SHELTER_FIELD_ABSENCE_START, _("Away from"), error);
  if (moment == NULL)
    return 0;
  moment_iso = shelter_session_format_time (moment);
  g_date_clear (&planned, 1);
  if (planned_return_on == NULL || strlen (planned_return_on) != 10 ||
      !shelter_text_parse_date (planned_return_on, &planned))
    {
      shelter_field_error (error, SHELTER_FIELD_ABSENCE_RETURN,
                           _("Back on: enter the day the resident should be back, as dd/mm/yyyy."));
      return 0;
    }
  if (strncmp (planned_return_on, moment_iso, 10) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_ABSENCE_RETURN,
                           _("Back on: the day is before the absence starts. Check both dates."));
      return 0;
    }

  db = shelter_session_get_db (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return 0;
  if ((stay = shelter_stay_store_get (db, stay_id, &local_error)) == NULL)
    goto failed;
  if (shelter_stay_get_discharged_at (stay) != NULL ||
      strcmp (moment_iso, shelter_stay_get_admitted_at (stay)) < 0)
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_START,
                   _("Away from: the resident was not staying at the centre then."));
      goto failed;
    }
  if (shelter_absence_store_get_open (db, stay_id, NULL, NULL, NULL, &local_error) != 0)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The resident is already recorded as away. Record their return first."));
      goto failed;
    }
  if (local_error != NULL)
    goto failed;
  id = shelter_absence_store_insert (db, stay_id, kind, moment_iso, planned_return_on,
                                     clean_note, &stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("kind: %s\nfrom: %s\nplanned_return_on: %s", kind, moment_iso,
                             planned_return_on);
  if (!shelter_audit_record (session, stamp.at, "absence_start", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (shelter_db_commit (db, &local_error))
    return id;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
shelter_absence_end (ShelterSession  *session,
                     gint64           stay_id,
                     const char      *returned_at,
                     GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *moment_iso = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 absence_id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  now = shelter_session_now (session);
  moment = parse_moment (returned_at, now, SHELTER_FIELD_ABSENCE_RETURN, _("Back on"), error);
  if (moment == NULL)
    return FALSE;
  moment_iso = shelter_session_format_time (moment);
  db = shelter_session_get_db (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);

  if (!shelter_db_begin (db, error))
    return FALSE;
  absence_id = shelter_absence_store_get_open (db, stay_id, NULL, &started_at, NULL, &local_error);
  if (local_error != NULL)
    goto failed;
  if (absence_id == 0)
    {
      g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("The resident is not recorded as away, perhaps their return was recorded "
                     "from another desk."));
      goto failed;
    }
  if (strcmp (moment_iso, started_at) < 0)
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_RETURN,
                   _("Back on: the time is before the absence started. Check the date."));
      goto failed;
    }
  if (!shelter_absence_store_end (db, absence_id, moment_iso, &stamp, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                     _("The resident is not recorded as away, perhaps their return was "
                       "recorded from another desk."));
      goto failed;
    }
  details = g_strdup_printf ("returned_at: %s", moment_iso);
  if (!shelter_audit_record (session, stamp.at, "absence_end", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (shelter_db_commit (db, &local_error))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
shelter_absence_free (ShelterAbsence *absence)
{
  if (absence == NULL)
    return;
  g_free (absence->kind);
  g_free (absence->started_at);
  g_free (absence->planned_return_on);
  g_free (absence);
}

ShelterAbsence *
shelter_absence_get_open (ShelterSession  *session,
                          gint64           stay_id,
                          GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *started = NULL;
  g_autofree char *planned = NULL;
  ShelterAbsence *absence;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  if (shelter_absence_store_get_open (shelter_session_get_db (session), stay_id, &kind,
                                      &started, &planned, error) == 0)
    return NULL;

  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  absence = g_new0 (ShelterAbsence, 1);
  absence->kind = g_steal_pointer (&kind);
  absence->started_at = g_steal_pointer (&started);
  absence->planned_return_on = g_steal_pointer (&planned);
  /* The same rule as shelter_absences_overdue(): the day they should be back has passed. */
  absence->overdue = strcmp (absence->planned_return_on, today) < 0;
  return absence;
}

GArray *
shelter_absences_overdue (ShelterSession  *session,
                          GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  return shelter_absence_store_overdue (shelter_session_get_db (session), today, error);
}
