/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-follow-up.h"
#include "shelter-meals.h"
#include "shelter-reminders.h"
#include "shelter-settings.h"
#include "shelter-statistics.h"
#include "shelter-stores.h"

/* Published on the sign-in screen of demo centres only; a real centre never has them. */
static const char * const demo_accounts[] = {
  "quantri", "quantri-demo-2026",
  "giamdoc", "giamdoc-demo-2026",
  "canbo.lan", "canbo-demo-2026",
  "yte.hoa", "yte-demo-2026",
  "tamly.minh", "tamly-demo-2026",
  NULL,
};

const char * const *
shelter_settings_demo_accounts (void)
{
  return demo_accounts;
}

char *
shelter_settings_get (ShelterDb  *db,
                      const char *key,
                      const char *fallback)
{
  g_autoptr (GError) error = NULL;
  char *value;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  value = shelter_setting_store_get (db, key, &error);
  if (error != NULL)
    g_warning ("Cannot read the setting %s: %s", key, error->message);
  return value != NULL ? value : g_strdup (fallback);
}

int
shelter_settings_get_int (ShelterDb  *db,
                          const char *key,
                          int         fallback)
{
  g_autofree char *value = shelter_settings_get (db, key, NULL);
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &number, NULL))
    return fallback;
  return (int) number;
}

static gboolean
check_value (const char  *key,
             const char  *value,
             GError     **error)
{
  if (g_str_equal (key, SHELTER_SETTING_MEAL_SCHEDULE))
    {
      g_auto (GStrv) meals = shelter_meal_schedule_parse (value, error);

      if (meals == NULL)
        return FALSE;
    }
  else if (g_str_equal (key, SHELTER_SETTING_IDLE_LOCK_MINUTES))
    {
      gint64 minutes;

      if (!g_ascii_string_to_signed (value, 10, 1, 120, &minutes, NULL))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Lock after: enter a number of minutes from 1 to 120."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS))
    {
      gint64 hours;

      if (!g_ascii_string_to_signed (value, 10, 1, 168, &hours, NULL))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Health check at arrival: enter a number of hours from 1 to 168."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_CASE_FILE_WORKING_DAYS))
    {
      gint64 days;

      if (!g_ascii_string_to_signed (value, 10, 1, 60, &days, NULL))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Case file deadline: enter a number of working days from 1 to 60."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_AREA_PER_RESIDENT) ||
           g_str_equal (key, SHELTER_SETTING_AREA_PER_RESIDENT_CARE))
    {
      char *end = NULL;
      double m2 = g_ascii_strtod (value, &end);

      if (end == value || *end != '\0' || !(m2 >= 1 && m2 <= 50))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Area per resident: enter a number of square metres from 1 to 50."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_CHILD_WITH_PARENT_AGE))
    {
      gint64 age;

      if (!g_ascii_string_to_signed (value, 10, 1, 17, &age, NULL))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Children with a parent: enter an age from 1 to 17."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_STAFF_CAREGIVERS) ||
           g_str_equal (key, SHELTER_SETTING_STAFF_SOCIAL_WORKERS) ||
           g_str_equal (key, SHELTER_SETTING_STAFF_MEDICAL) ||
           g_str_equal (key, SHELTER_SETTING_STAFF_COUNSELLORS))
    {
      gint64 count;

      if (!g_ascii_string_to_signed (value, 10, 0, 1000, &count, NULL))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Staff: enter a number of people from 0 to 1000."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_MANAGING_AGENCY))
    {
      if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > 200)
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Managing agency: at most 200 characters."));
          return FALSE;
        }
    }
  else if (g_str_equal (key, SHELTER_SETTING_BACKUP_FOLDER))
    {
      if (!g_path_is_absolute (value))
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Backup folder: choose a folder."));
          return FALSE;
        }
    }
  /* Settings whose module knows their form. */
  else if (g_str_equal (key, SHELTER_SETTING_FOLLOW_UP_MONTHS))
    {
      g_autoptr (GArray) months = shelter_follow_up_parse_months (value, error);

      if (months == NULL)
        return FALSE;
    }
  else if (g_str_equal (key, SHELTER_SETTING_REPORT_DUE_DAYS))
    {
      g_autoptr (GArray) days = shelter_reminders_parse_report_due_days (value, error);

      if (days == NULL)
        return FALSE;
    }
  else if (g_str_equal (key, SHELTER_SETTING_REPORT_AGE_BANDS))
    {
      if (!shelter_statistics_check_age_bands (value, error))
        return FALSE;
    }
  else if (g_str_equal (key, SHELTER_SETTING_REPORT_SUPPRESS_BELOW))
    {
      if (!shelter_statistics_check_suppress_below (value, error))
        return FALSE;
    }
  else if (!g_str_equal (key, SHELTER_SETTING_DEMO))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                   _("There is no setting “%s”."), key);
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_settings_set (ShelterSession  *session,
                      const char      *key,
                      const char      *value,
                      GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *old = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EDIT_SETTINGS, error) ||
      !check_value (key, value, error))
    return FALSE;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;

  if (!shelter_db_begin (db, error))
    return FALSE;
  old = shelter_setting_store_get (db, key, NULL);
  shelter_audit_note_change (details, key, old, value, FALSE);
  if (!shelter_setting_store_set (db, key, value, &stamp, error) ||
      !shelter_audit_record (session, at, "setting", "setting", 0, details->str, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}
