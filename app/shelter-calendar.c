/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-calendar.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define HOLIDAY_NAME_MAX 100

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

void
shelter_holiday_free (ShelterHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->day);
  g_free (holiday->name);
  g_free (holiday);
}

GPtrArray *
shelter_holidays_list (ShelterSession  *session,
                       int              year,
                       GError         **error)
{
  g_autoptr (GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_holiday_free);
  g_autoptr (GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-12-31", year);

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_holiday_store_list (shelter_session_get_db (session), from, to, days, names,
                                   error))
    return NULL;
  for (guint i = 0; i < days->len; i++)
    {
      ShelterHoliday *holiday = g_new0 (ShelterHoliday, 1);

      holiday->day = g_steal_pointer (&days->pdata[i]);
      holiday->name = g_steal_pointer (&names->pdata[i]);
      g_ptr_array_add (holidays, holiday);
    }
  return g_steal_pointer (&holidays);
}

static gboolean
write_holiday_change (ShelterSession  *session,
                      const char      *day,
                      const char      *name,
                      gboolean         add,
                      GError         **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autofree char *removed_name = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterStamp stamp = { shelter_session_get_actor (session), at };

  if (!shelter_db_begin (db, error))
    return FALSE;
  if (add)
    {
      if (!shelter_holiday_store_insert (db, day, name, &stamp, &local_error))
        {
          if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT))
            {
              g_autofree char *shown = shelter_text_format_date (day);

              g_clear_error (&local_error);
              g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE,
                           _("Date: %s is already a holiday."), shown);
            }
          goto failed;
        }
      details = g_strdup_printf ("day: %s\nname: %s", day, name);
    }
  else
    {
      if (!shelter_holiday_store_delete (db, day, &removed_name, &local_error))
        goto failed;
      if (removed_name == NULL)
        {
          g_autofree char *shown = shelter_text_format_date (day);

          g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE,
                       _("Date: %s is not a holiday; perhaps someone removed it already."),
                       shown);
          goto failed;
        }
      details = g_strdup_printf ("day: %s\nname: %s", day, removed_name);
    }
  if (!shelter_audit_record (session, at, add ? "create" : "remove", "holiday", 0, details,
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

static gboolean
check_day (const char  *day,
           GError     **error)
{
  if (!shelter_text_is_iso_date (day))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE,
                   _("Date: enter the day as dd/mm/yyyy."));
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_holidays_add (ShelterSession  *session,
                      const char      *day,
                      const char      *name,
                      GError         **error)
{
  g_autofree char *clean_name = NULL;
  gboolean invalid = FALSE;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EDIT_SETTINGS, error) ||
      !check_day (day, error))
    return FALSE;
  clean_name = shelter_text_clean (name, &invalid);
  if (invalid || clean_name == NULL)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_NAME,
                   _("Name: enter the holiday’s name, for example “Tết Nguyên đán”."));
      return FALSE;
    }
  if (g_utf8_strlen (clean_name, -1) > HOLIDAY_NAME_MAX)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_NAME,
                   _("Name: at most %d characters."), HOLIDAY_NAME_MAX);
      return FALSE;
    }
  return write_holiday_change (session, day, clean_name, TRUE, error);
}

gboolean
shelter_holidays_remove (ShelterSession  *session,
                         const char      *day,
                         GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EDIT_SETTINGS, error) ||
      !check_day (day, error))
    return FALSE;
  return write_holiday_change (session, day, NULL, FALSE, error);
}
