/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-calendar"

#include "config.h"

#include "shelter-calendar.h"
#include "shelter-stores.h"

static char *
iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
shelter_calendar_add_working_days (ShelterDb    *db,
                                   const GDate  *from,
                                   guint         working_days,
                                   GDate        *result,
                                   GError      **error)
{
  g_autoptr (GHashTable) holidays = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GDate horizon;
  GDate day;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  /* Even Tết cannot stretch n working days beyond 2n + 30 calendar days. */
  horizon = *from;
  g_date_add_days (&horizon, working_days * 2 + 30);
  first = iso_date (from);
  last = iso_date (&horizon);
  holidays = shelter_holiday_store_between (db, first, last, error);
  if (holidays == NULL)
    return FALSE;

  day = *from;
  while (working_days > 0)
    {
      g_autofree char *iso = NULL;
      GDateWeekday weekday;

      g_date_add_days (&day, 1);
      weekday = g_date_get_weekday (&day);
      iso = iso_date (&day);
      if (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY &&
          !g_hash_table_contains (holidays, iso))
        working_days--;
    }
  *result = day;
  return TRUE;
}
