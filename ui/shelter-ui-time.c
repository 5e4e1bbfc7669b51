/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-ui-time"

#include "config.h"

#include <stdio.h>

#include "shelter-text.h"
#include "shelter-ui-time.h"

char *
_shelter_ui_parse_time (const char *text)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  int day, month, year, hour, minute;
  char end;

  if (text == NULL ||
      sscanf (text, " %d/%d/%d %d:%d %c", &day, &month, &year, &hour, &minute, &end) != 5)
    return NULL;

  /* Times are the centre's: Vietnam's, whatever the desk's computer is set to. */
  zone = g_time_zone_new_identifier ("+07:00");
  if (zone != NULL && year >= 1000)
    time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (time == NULL)
    return NULL;
  return shelter_session_format_time (time);
}

char *
_shelter_ui_parse_day (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (text == NULL || !shelter_text_parse_date (text, &date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

char *
_shelter_ui_format_now (ShelterSession *session)
{
  g_autoptr(GDateTime) now = session != NULL ? shelter_session_now (session) : NULL;

  if (now == NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+07:00");

      now = g_date_time_new_now (zone);
    }
  return g_date_time_format (now, "%d/%m/%Y %H:%M");
}
