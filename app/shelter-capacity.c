/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-capacity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shelter-app-error.h"
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

static gboolean
find_room (GPtrArray *rooms,
           gint64     room_id,
           guint     *segment)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);

      if (shelter_room_get_id (room) == room_id)
        {
          *segment = segment_of (room);
          return TRUE;
        }
    }
  return FALSE;
}

ShelterCapacityForecast *
shelter_capacity_forecast (ShelterSession  *session,
                           guint            weeks,
                           GError         **error)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GPtrArray) occupancy = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
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

      if (find_room (rooms, g_array_index (arrivals, gint64, i), &segment))
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

      if (limit_days == 0 || !find_room (rooms, stay->room_id, &segment))
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
