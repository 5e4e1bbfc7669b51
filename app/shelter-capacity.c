/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-capacity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-capacity.h"
#include "shelter-placement.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define ALERT_SHARE 0.9
#define WEEKS_OF_HISTORY 52

static const struct
{
  const char *code;
  const char *label;
} segments[SHELTER_CAPACITY_N_SEGMENTS] = {
  { "girls", N_("Girls") },
  { "boys", N_("Boys") },
  { "women", N_("Women") },
  { "men", N_("Men") },
  { "elderly", N_("Elderly") },
  { "families", N_("Families") },
};

const char *
shelter_capacity_segment_code (guint index)
{
  g_return_val_if_fail (index < SHELTER_CAPACITY_N_SEGMENTS, NULL);
  return segments[index].code;
}

const char *
shelter_capacity_segment_label (guint index)
{
  g_return_val_if_fail (index < SHELTER_CAPACITY_N_SEGMENTS, NULL);
  return _(segments[index].label);
}

/* The segment a room belongs to, from whom it is for. */
static guint
segment_of (ShelterRoom *room)
{
  const char *use = shelter_room_get_sex_use (room);
  const char *group = shelter_room_get_age_group (room);
  gboolean female = g_strcmp0 (use, "female") == 0;

  if (g_strcmp0 (use, "family") == 0)
    return 5;
  if (g_strcmp0 (group, "elderly") == 0)
    return 4;
  if (g_strcmp0 (group, "child") == 0 || g_strcmp0 (group, "youth") == 0)
    return female ? 0 : 1;
  return female ? 2 : 3;
}

guint
shelter_capacity_room_segment (ShelterRoom *room)
{
  return segment_of (room);
}

/* The segment is stored + 1, so that a missing room (NULL) tells itself apart. */
GHashTable *
shelter_capacity_segments_by_room (GPtrArray *rooms)
{
  GHashTable *room_segments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);
      gint64 id = shelter_room_get_id (room);

      g_hash_table_insert (room_segments, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (segment_of (room) + 1));
    }
  return room_segments;
}

gboolean
shelter_capacity_find_segment (GHashTable *room_segments,
                               gint64      room_id,
                               guint      *segment)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (room_segments, &room_id));

  if (found == 0)
    return FALSE;
  *segment = found - 1;
  return TRUE;
}

ShelterCapacityForecast *
shelter_capacity_forecast (ShelterSession  *session,
                           guint            weeks,
                           GError         **error)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GPtrArray) occupancy = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GHashTable) room_segments = NULL;
  g_autoptr (GArray) stays = NULL;
  g_autoptr (GArray) arrivals = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) year_ago = NULL;
  g_autofree char *now_iso = NULL;
  g_autofree char *year_ago_iso = NULL;
  GDate today;
  ShelterDb *db;
  int limit_days;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (weeks >= 1 && weeks <= SHELTER_CAPACITY_MAX_WEEKS, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  now_iso = shelter_session_format_time (now);
  year_ago = g_date_time_add_weeks (now, -WEEKS_OF_HISTORY);
  year_ago_iso = shelter_session_format_time (year_ago);

  forecast = g_new0 (ShelterCapacityForecast, 1);
  forecast->weeks = weeks;
  g_strlcpy (forecast->today, now_iso, sizeof forecast->today);
  g_date_clear (&today, 1);
  shelter_text_parse_date (forecast->today, &today);

  limit_days = shelter_stay_limit_store_days (db, "emergency_protection", forecast->today, error);
  if (limit_days < 0 ||
      (occupancy = shelter_rooms_occupancy_on (session, NULL, error)) == NULL ||
      (rooms = shelter_room_store_list (db, error)) == NULL ||
      (stays = shelter_capacity_store_stays_at (db, now_iso, error)) == NULL ||
      (arrivals = shelter_capacity_store_arrivals (db, year_ago_iso, now_iso, error)) == NULL)
    return NULL;
  room_segments = shelter_capacity_segments_by_room (rooms);

  /* Today: the beds of the rooms open today. */
  for (guint i = 0; i < occupancy->len; i++)
    {
      ShelterRoomOccupancy *room = g_ptr_array_index (occupancy, i);
      ShelterCapacitySegment *segment = &forecast->segments[segment_of (room->room)];

      segment->beds += shelter_room_get_beds (room->room);
      segment->occupied += room->occupied;
      segment->absent += room->absent;
      segment->free += room->free;
    }

  /* Arrivals over the last 52 weeks, by the segment of the room they began in. */
  for (guint i = 0; i < arrivals->len; i++)
    {
      guint segment;

      if (shelter_capacity_find_segment (room_segments, g_array_index (arrivals, gint64, i), &segment))
        forecast->segments[segment].arrivals_per_week += 1.0 / WEEKS_OF_HISTORY;
    }

  /* Each resident leaves in the week their stay limit is reached; one past it stays, by
   * a decision to extend. */
  for (guint i = 0; i < stays->len; i++)
    {
      ShelterCapacityStayRow *stay = &g_array_index (stays, ShelterCapacityStayRow, i);
      guint segment;
      GDate admitted;
      gint days_left;
      guint week;

      if (limit_days == 0 || !shelter_capacity_find_segment (room_segments, stay->room_id, &segment))
        continue;
      g_date_clear (&admitted, 1);
      if (!shelter_text_parse_date (stay->admitted_on, &admitted))
        continue;
      g_date_add_days (&admitted, (guint) limit_days);
      days_left = g_date_days_between (&today, &admitted);
      if (days_left <= 0)
        continue;
      week = (guint) ((days_left + 6) / 7);
      if (week <= weeks)
        forecast->segments[segment].departures[week - 1]++;
    }

  for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
    {
      ShelterCapacitySegment *segment = &forecast->segments[s];
      /* Arrivals reach the limit too, after the whole weeks it lasts. */
      guint limit_weeks = limit_days > 0 ? (guint) ceil (limit_days / 7.0) : G_MAXUINT;
      guint departed = 0;

      segment->stay_limit_days = (guint) limit_days;
      for (guint k = 1; k <= weeks; k++)
        {
          departed += segment->departures[k - 1];
          segment->expected[k - 1] = (double) segment->occupied - departed +
                                     segment->arrivals_per_week * MIN (k, limit_weeks);
        }
    }
  return g_steal_pointer (&forecast);
}

gboolean
shelter_capacity_segment_alert (const ShelterCapacityForecast *forecast,
                                guint                          index)
{
  const ShelterCapacitySegment *segment;

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (index < SHELTER_CAPACITY_N_SEGMENTS, FALSE);

  segment = &forecast->segments[index];
  if (segment->beds == 0)
    return segment->occupied > 0;
  for (guint k = 0; k < forecast->weeks; k++)
    if (segment->expected[k] > ALERT_SHARE * segment->beds)
      return TRUE;
  return FALSE;
}

/* Occupancy history */

/* The nights from @from to @to (exclusive) that a room open from @opened_on until
 * @closed_on (exclusive, NULL: still open) was open. */
static guint
nights_open (const GDate *from,
             const GDate *to,
             const char  *opened_on,
             const char  *closed_on)
{
  GDate start = *from;
  GDate end = *to;
  GDate date;
  char day[11];

  g_date_clear (&date, 1);
  if (opened_on != NULL)
    {
      g_strlcpy (day, opened_on, sizeof day);
      if (shelter_text_parse_date (day, &date) && g_date_compare (&date, &start) > 0)
        start = date;
    }
  if (closed_on != NULL)
    {
      g_strlcpy (day, closed_on, sizeof day);
      if (shelter_text_parse_date (day, &date) && g_date_compare (&date, &end) < 0)
        end = date;
    }
  return g_date_compare (&start, &end) < 0 ? (guint) g_date_days_between (&start, &end) : 0;
}

ShelterOccupancyHistory *
shelter_capacity_occupancy_history (ShelterSession  *session,
                                    guint            months,
                                    GError         **error)
{
  g_autofree ShelterOccupancyHistory *history = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GArray) nights = NULL;
  g_autoptr (GHashTable) room_segments = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *now_iso = NULL;
  char bounds_text[SHELTER_CAPACITY_MAX_MONTHS + 1][11];
  const char *bounds[SHELTER_CAPACITY_MAX_MONTHS + 1];
  GDate month_first[SHELTER_CAPACITY_MAX_MONTHS];
  GDate month_end[SHELTER_CAPACITY_MAX_MONTHS];
  GDate today;
  GDate first;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (months >= 1 && months <= SHELTER_CAPACITY_MAX_MONTHS, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_ROOMS, error))
    return NULL;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  now_iso = shelter_session_format_time (now);

  history = g_new0 (ShelterOccupancyHistory, 1);
  history->months = months;
  g_strlcpy (history->today, now_iso, sizeof history->today);
  g_date_clear (&today, 1);
  if (!shelter_text_parse_date (history->today, &today))
    g_return_val_if_reached (NULL);

  if ((rooms = shelter_room_store_list (db, error)) == NULL)
    return NULL;

  /* The first day of the oldest month. */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_subtract_months (&first, months - 1);

  /* The months and the nights they count: month m from bounds[m] to bounds[m + 1]. */
  for (guint m = 0; m < months; m++)
    {
      ShelterOccupancyMonth *month = &history->month[m];
      GDate next = first;

      g_date_add_months (&next, 1);
      /* Up to tonight, which is not over: the current month ends with yesterday. */
      month_end[m] = g_date_compare (&next, &today) > 0 ? today : next;
      month_first[m] = first;
      g_date_strftime (month->month, sizeof month->month, "%Y-%m", &first);
      g_date_strftime (month->first, sizeof month->first, "%Y-%m-%d", &first);
      g_date_strftime (bounds_text[m], sizeof bounds_text[m], "%Y-%m-%d", &first);
      g_date_strftime (bounds_text[m + 1], sizeof bounds_text[m + 1], "%Y-%m-%d",
                       &month_end[m]);
      bounds[m] = bounds_text[m];
      bounds[m + 1] = bounds_text[m + 1];
      month->nights = (guint) MAX (g_date_days_between (&first, &month_end[m]), 0);
      if (month->nights > 0)
        {
          GDate last = month_end[m];

          g_date_subtract_days (&last, 1);
          g_date_strftime (month->last, sizeof month->last, "%Y-%m-%d", &last);
        }
      else
        {
          /* Today is the 1st: nothing of this month is over yet. */
          g_strlcpy (month->last, month->first, sizeof month->last);
        }
      first = next;
    }

  if ((nights = shelter_placement_store_room_nights (db, bounds, months, error)) == NULL)
    return NULL;
  room_segments = shelter_capacity_segments_by_room (rooms);

  for (guint m = 0; m < months; m++)
    for (guint r = 0; r < rooms->len; r++)
      {
        ShelterRoom *room = g_ptr_array_index (rooms, r);
        ShelterOccupancyCell *cell = &history->month[m].segments[segment_of (room)];

        cell->available += shelter_room_get_beds (room) *
                           nights_open (&month_first[m], &month_end[m],
                                        shelter_room_get_opened_on (room),
                                        shelter_room_get_closed_on (room));
      }
  for (guint i = 0; i < nights->len; i++)
    {
      const ShelterRoomNightsRow *row = &g_array_index (nights, ShelterRoomNightsRow, i);
      guint segment;

      if (row->period < months && shelter_capacity_find_segment (room_segments, row->room_id, &segment))
        history->month[row->period].segments[segment].occupied += (guint) row->nights;
    }
  for (guint m = 0; m < months; m++)
    for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
      {
        ShelterOccupancyCell *cell = &history->month[m].segments[s];

        cell->rate = cell->available > 0 ? (double) cell->occupied / cell->available : NAN;
      }
  return g_steal_pointer (&history);
}

/* The stay is flagged from two months, before the usual three-month limit arrives. */
#define FLAG_AFTER_DAYS 60

void
shelter_placement_flag_free (ShelterPlacementFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->kind);
  g_free (flag->limit_on);
  g_free (flag);
}

static void
add_flag (GPtrArray   *flags,
          gint64       stay_id,
          gint64       person_id,
          const char  *kind,
          const char  *limit_on)
{
  ShelterPlacementFlag *flag = g_new0 (ShelterPlacementFlag, 1);

  flag->stay_id = stay_id;
  flag->person_id = person_id;
  flag->kind = g_strdup (kind);
  flag->limit_on = g_strdup (limit_on);
  g_ptr_array_add (flags, flag);
}

/* The flags of every stay placed now, or of @stay_id alone when it is not 0. */
static GPtrArray *
placement_flags (ShelterSession  *session,
                 gint64           stay_id,
                 GError         **error)
{
  g_autoptr (GPtrArray) flags =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_placement_flag_free);
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GHashTable) room_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr (GArray) stays = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *now_iso = NULL;
  char today_iso[11];
  ShelterAgeBands bands;
  ShelterDb *db;
  GDate today;
  int limit_days;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  now_iso = shelter_session_format_time (now);
  g_strlcpy (today_iso, now_iso, sizeof today_iso);
  g_date_clear (&today, 1);
  shelter_text_parse_date (today_iso, &today);

  limit_days = shelter_stay_limit_store_days (db, "emergency_protection", today_iso, error);
  if (limit_days < 0 || !shelter_age_bands_load (db, &bands, error))
    return NULL;
  stays = stay_id != 0 ? shelter_capacity_store_stay_at (db, now_iso, stay_id, error)
                       : shelter_capacity_store_stays_at (db, now_iso, error);
  if (stays == NULL)
    return NULL;
  /* One resident's page needs one room; the centre's list, every room once. */
  if (stay_id == 0)
    {
      if ((rooms = shelter_room_store_list (db, error)) == NULL)
        return NULL;
    }
  else
    {
      rooms = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < stays->len; i++)
        {
          gint64 room_id = g_array_index (stays, ShelterCapacityStayRow, i).room_id;
          ShelterRoom *room = shelter_room_store_get (db, room_id, error);

          if (room == NULL)
            return NULL;
          g_ptr_array_add (rooms, room);
        }
    }
  for (guint r = 0; r < rooms->len; r++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, r);
      gint64 room_id = shelter_room_get_id (room);

      g_hash_table_insert (room_by_id, g_memdup2 (&room_id, sizeof room_id), room);
    }

  for (guint i = 0; i < stays->len; i++)
    {
      ShelterCapacityStayRow *row = &g_array_index (stays, ShelterCapacityStayRow, i);
      /* The row carries the person, their birth date and the latest extension: one query for
       * the whole centre rather than three a resident. */
      const char *extended_to = row->extended_to[0] != '\0' ? row->extended_to : NULL;
      const char *birth_date = row->birth_date[0] != '\0' ? row->birth_date : NULL;
      ShelterRoom *room;
      const char *group;
      GDate admitted;
      gint stayed;
      int age;

      g_date_clear (&admitted, 1);
      if (!shelter_text_parse_date (row->admitted_on, &admitted))
        continue;
      stayed = g_date_days_between (&admitted, &today);

      if (limit_days > 0 && stayed >= FLAG_AFTER_DAYS)
        {
          GDate limit = admitted;
          char limit_on[11];

          g_date_add_days (&limit, (guint) limit_days);
          g_date_strftime (limit_on, sizeof limit_on, "%Y-%m-%d", &limit);
          if (stayed < limit_days)
            add_flag (flags, row->stay_id, row->person_id, "limit_near", limit_on);
          else if (extended_to == NULL || strcmp (extended_to, today_iso) < 0)
            add_flag (flags, row->stay_id, row->person_id, "limit_passed",
                      extended_to != NULL ? extended_to : limit_on);
        }

      /* A birthday that takes them past their room's age group. */
      room = g_hash_table_lookup (room_by_id, &row->room_id);
      if (room == NULL || g_strcmp0 (shelter_room_get_sex_use (room), "family") == 0 ||
          g_strcmp0 (shelter_room_get_age_group (room), "any") == 0)
        continue;
      age = shelter_text_age_on (birth_date, &today);
      group = shelter_age_bands_group (&bands, age);
      if (group != NULL && g_strcmp0 (group, shelter_room_get_age_group (room)) != 0)
        {
          /* Only those who grew out of it: someone placed there by a manager's decision
           * while too old was not "reaching" anything. */
          int admitted_age = shelter_text_age_on (birth_date, &admitted);

          if (g_strcmp0 (shelter_age_bands_group (&bands, admitted_age),
                         shelter_room_get_age_group (room)) == 0)
            add_flag (flags, row->stay_id, row->person_id, "age_group", NULL);
        }
    }
  return g_steal_pointer (&flags);
}

GPtrArray *
shelter_placement_flags (ShelterSession  *session,
                         GError         **error)
{
  return placement_flags (session, 0, error);
}

GPtrArray *
shelter_placement_flags_for_stay (ShelterSession  *session,
                                  gint64           stay_id,
                                  GError         **error)
{
  g_return_val_if_fail (stay_id > 0, NULL);

  return placement_flags (session, stay_id, error);
}

gboolean
shelter_stay_extend (ShelterSession  *session,
                     gint64           stay_id,
                     const char      *until,
                     const char      *decision,
                     GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autofree char *at = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) local_error = NULL;
  char today[11];
  gboolean invalid = FALSE;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_OVERRIDE_PLACEMENT, error))
    return FALSE;
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  g_strlcpy (today, at, sizeof today);
  if (!shelter_text_is_iso_date (until) || strcmp (until, today) <= 0)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT,
                   _("Extended until: enter a day after today, as dd/mm/yyyy."));
      return FALSE;
    }
  clean = shelter_text_clean (decision, &invalid);
  if (invalid || clean == NULL || g_utf8_strlen (clean, -1) > 500)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_OVERRIDE_REASON,
                   _("Decision: write the decision to extend the stay (its number and "
                     "reason), in at most 500 characters."));
      return FALSE;
    }

  db = shelter_session_get_db (session);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;
  if (!shelter_db_begin (db, error))
    return FALSE;
  if ((stay = shelter_stay_store_get (db, stay_id, &local_error)) == NULL)
    goto failed;
  if (shelter_stay_get_discharged_at (stay) != NULL)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("This stay has ended: the person is no longer at the centre."));
      goto failed;
    }
  details = g_strdup_printf ("extended_to: %s\ndecision: %s", until, clean);
  if (!shelter_stay_extension_store_insert (db, stay_id, until, clean, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "extend_stay", "stay", stay_id, details, &local_error))
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
