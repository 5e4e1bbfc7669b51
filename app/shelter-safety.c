/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-safety"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-safety.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define TEXT_MAX      2000
#define LONG_TEXT_MAX 4000
#define SHORT_MAX     200
#define INVOLVED_MAX  1000
#define CLOCK_SKEW_SECONDS (5 * 60)

#define ENUM(name, table) \
  const ShelterEnum name = { table, G_N_ELEMENTS (table) }

static const ShelterEnumValue risk_level_values[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
};
ENUM (shelter_enum_risk_level, risk_level_values);

static const ShelterEnumValue police_unit_values[] = {
  { "police", N_("Police") },
  { "border_guard", N_("Border guard") },
};
ENUM (shelter_enum_police_unit, police_unit_values);

static const ShelterEnumValue police_means_values[] = {
  { "phone", N_("By phone") },
  { "in_person", N_("In person") },
  { "written", N_("In writing") },
};
ENUM (shelter_enum_police_means, police_means_values);

static char *
today_of (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
stamp_now (ShelterSession *session,
           char          **at,
           ShelterStamp   *stamp)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  *at = shelter_session_format_time (now);
  stamp->at = *at;
  stamp->actor = shelter_session_get_actor (session);
}

/* A day (YYYY-MM-DD) not in the future. */
static gboolean
check_past_day (ShelterSession  *session,
                const char      *day,
                ShelterField     field,
                const char      *label,
                GError         **error)
{
  g_autofree char *today = today_of (session);

  if (day == NULL || !shelter_text_is_iso_date (day))
    return shelter_field_error (error, field, _("%s: enter a date such as 22/11/2026."), label);
  if (strcmp (day, today) > 0)
    return shelter_field_error (error, field, _("%s: the day is in the future."), label);
  return TRUE;
}

/* Inside the transaction: the stay, and @day (YYYY-MM-DD) within it. */
static ShelterStay *
stay_for (ShelterDb    *db,
          gint64        stay_id,
          const char   *day,
          gboolean      must_be_open,
          ShelterField  field,
          const char   *label,
          GError      **error)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (db, stay_id, error);
  const char *discharged;

  if (stay == NULL)
    return NULL;
  discharged = shelter_stay_get_discharged_at (stay);
  if (must_be_open && discharged != NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("This stay has ended: the risk is assessed for residents in "
                             "the centre."));
      return NULL;
    }
  if (strncmp (day, shelter_stay_get_admitted_at (stay), 10) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (shelter_stay_get_admitted_at (stay));

      shelter_field_error (error, field, _("%s: the resident was admitted on %s, after this "
                                           "day. Check the date."), label, shown);
      return NULL;
    }
  if (discharged != NULL && strncmp (day, discharged, 10) > 0)
    {
      g_autofree char *shown = shelter_text_format_date (discharged);

      shelter_field_error (error, field, _("%s: the stay ended on %s, before this day. Check "
                                           "the date."), label, shown);
      return NULL;
    }
  return g_steal_pointer (&stay);
}

/* ---- Risk ---------------------------------------------------------------------------------- */

gint64
shelter_safety_assess_risk (ShelterSession          *session,
                            const ShelterRiskInput  *input,
                            gboolean                *protection_turned_on,
                            GError                 **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterSafetyRow row = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gboolean changed = FALSE;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (protection_turned_on != NULL)
    *protection_turned_on = FALSE;
  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_SAFETY, error))
    return 0;
  if (input->level == NULL || !shelter_enum_is_valid (&shelter_enum_risk_level, input->level))
    return shelter_field_error (error, SHELTER_FIELD_RISK_LEVEL,
                                _("Risk level: choose low, medium or high.")), 0;
  if (!check_past_day (session, input->assessed_on, SHELTER_FIELD_RISK_DATE, _("Assessed on"),
                       error))
    return 0;
  if (!shelter_field_clean_text (input->reasons, TRUE, TEXT_MAX, SHELTER_FIELD_RISK_REASONS,
                                 _("Reasons"), &reasons, error) ||
      !shelter_field_clean_text (input->measures, TRUE, TEXT_MAX, SHELTER_FIELD_RISK_MEASURES,
                                 _("Protective measures"), &measures, error))
    return 0;
  if (reasons == NULL)
    return shelter_field_error (error, SHELTER_FIELD_RISK_REASONS,
                                _("Reasons: say what puts the resident at risk, or why the "
                                  "risk is low.")), 0;
  if (measures == NULL && !g_str_equal (input->level, "low"))
    return shelter_field_error (error, SHELTER_FIELD_RISK_MEASURES,
                                _("Protective measures: say what the centre does about the "
                                  "risk (for example, “no visits; escorted outside”).")), 0;
  if (input->review_on == NULL || !shelter_text_is_iso_date (input->review_on))
    return shelter_field_error (error, SHELTER_FIELD_RISK_REVIEW_DATE,
                                _("Review on: enter the day the risk is to be assessed again, "
                                  "such as 22/12/2026.")), 0;
  if (strcmp (input->review_on, input->assessed_on) <= 0)
    return shelter_field_error (error, SHELTER_FIELD_RISK_REVIEW_DATE,
                                _("Review on: choose a day after the assessment.")), 0;

  db = shelter_session_get_db (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = stay_for (db, input->stay_id, input->assessed_on, TRUE, SHELTER_FIELD_RISK_DATE,
                   _("Assessed on"), &local_error);
  if (stay == NULL)
    goto failed;
  person = shelter_person_store_get (db, shelter_stay_get_person_id (stay), &local_error);
  if (person == NULL)
    goto failed;
  if (g_str_equal (input->level, "high") &&
      !shelter_safety_store_protect_person (db, shelter_person_get_id (person), &stamp,
                                            &changed, &local_error))
    goto failed;

  row.stay_id = input->stay_id;
  row.assessed_on = (char *) input->assessed_on;
  row.level = (char *) input->level;
  row.reasons = reasons;
  row.measures = measures;
  row.review_on = (char *) input->review_on;
  row.protection_set = changed;
  id = shelter_safety_store_insert_risk (db, &row, &stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nlevel: %s\nassessed_on: %s\n"
                             "review_on: %s%s", input->stay_id, input->level,
                             input->assessed_on, input->review_on,
                             changed ? "\nhigh_protection: turned on" : "");
  if (!shelter_audit_record (session, at, "assess_risk", "risk_assessment", id, details,
                             &local_error))
    goto failed;
  if (changed)
    {
      g_autofree char *why = g_strdup_printf ("case_code: %s\nhigh_protection: no → yes\n"
                                              "because: risk assessment %" G_GINT64_FORMAT
                                              " (high)",
                                              shelter_person_get_case_code (person), id);

      if (!shelter_audit_record (session, at, "protect", "person",
                                 shelter_person_get_id (person), why, &local_error))
        goto failed;
    }
  if (!shelter_db_commit (db, &local_error))
    goto failed;
  if (protection_turned_on != NULL)
    *protection_turned_on = changed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- Incidents ----------------------------------------------------------------------------- */

gint64
shelter_safety_record_incident (ShelterSession              *session,
                                const ShelterIncidentInput  *input,
                                GError                     **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *what = NULL;
  g_autofree char *involved = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterSafetyRow row = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_SAFETY, error))
    return 0;
  if (!check_past_day (session, input->occurred_on, SHELTER_FIELD_INCIDENT_DATE, _("Date"),
                       error))
    return 0;
  if (!shelter_field_clean_text (input->what, TRUE, LONG_TEXT_MAX, SHELTER_FIELD_INCIDENT_WHAT,
                                 _("What happened"), &what, error) ||
      !shelter_field_clean_text (input->involved, TRUE, INVOLVED_MAX,
                                 SHELTER_FIELD_INCIDENT_INVOLVED, _("Who was involved"),
                                 &involved, error) ||
      !shelter_field_clean_text (input->actions, TRUE, LONG_TEXT_MAX,
                                 SHELTER_FIELD_INCIDENT_ACTIONS, _("Actions taken"), &actions,
                                 error))
    return 0;
  if (what == NULL)
    return shelter_field_error (error, SHELTER_FIELD_INCIDENT_WHAT,
                                _("What happened: describe the incident.")), 0;
  if (actions == NULL)
    return shelter_field_error (error, SHELTER_FIELD_INCIDENT_ACTIONS,
                                _("Actions taken: say what the centre did.")), 0;

  db = shelter_session_get_db (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = stay_for (db, input->stay_id, input->occurred_on, FALSE, SHELTER_FIELD_INCIDENT_DATE,
                   _("Date"), &local_error);
  if (stay == NULL)
    goto failed;
  row.stay_id = input->stay_id;
  row.occurred_on = (char *) input->occurred_on;
  row.what = what;
  row.involved = involved;
  row.actions = actions;
  id = shelter_safety_store_insert_incident (db, &row, &stamp, &local_error);
  if (id == 0)
    goto failed;
  /* The trail says when, not what: the details may identify a protected resident. */
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\noccurred_on: %s", input->stay_id,
                             input->occurred_on);
  if (!shelter_audit_record (session, at, "record_incident", "safety_incident", id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- Informing the police ------------------------------------------------------------------ */

void
shelter_police_notice_free (ShelterPoliceNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->case_code);
  g_free (notice->unit);
  g_free (notice);
}

GPtrArray *
shelter_safety_reports_after (ShelterSession  *session,
                              gint64           after_id,
                              gint64          *last_id,
                              GError         **error)
{
  g_autoptr (GPtrArray) notices = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  ShelterDb *db;
  gint64 newest;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (last_id != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_HEAR_POLICE_REPORTS, error))
    return NULL;

  db = shelter_session_get_db (session);
  notices = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_police_notice_free);
  if (after_id < 0)
    {
      if (!shelter_safety_store_police_last_id (db, &newest, error))
        return NULL;
      *last_id = newest;
      return g_steal_pointer (&notices);
    }

  rows = shelter_safety_store_police_after (db, after_id, error);
  if (rows == NULL)
    return NULL;
  newest = after_id;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (rows, i);
      ShelterPoliceNotice *notice = g_new0 (ShelterPoliceNotice, 1);

      notice->id = row->id;
      notice->case_code = g_strdup (row->case_code);
      notice->unit = g_strdup (row->unit);
      notice->own = shelter_session_is_own (session, "police_report", row->id);
      g_ptr_array_add (notices, notice);
      newest = MAX (newest, row->id);
    }
  /* None new: the newest there is, unless the file now holds fewer (a backup restored),
   * so that the reports recorded after that are not missed. */
  if (rows->len == 0)
    {
      gint64 greatest;

      if (!shelter_safety_store_police_last_id (db, &greatest, error))
        return NULL;
      newest = MIN (after_id, greatest);
    }
  *last_id = newest;
  return g_steal_pointer (&notices);
}

gint64
shelter_safety_inform_police (ShelterSession            *session,
                              const ShelterPoliceInput  *input,
                              GError                   **error)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) moment = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *informed_at = NULL;
  g_autofree char *officer = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *note = NULL;
  g_autofree char *at = NULL;
  g_autoptr (GString) details = NULL;
  ShelterSafetyRow row = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_SAFETY, error))
    return 0;
  if (input->informed_at == NULL || *input->informed_at == '\0')
    return shelter_field_error (error, SHELTER_FIELD_POLICE_TIME,
                                _("When: enter the day and time they were informed.")), 0;
  moment = g_date_time_new_from_iso8601 (input->informed_at, vietnam);
  if (moment == NULL)
    return shelter_field_error (error, SHELTER_FIELD_POLICE_TIME,
                                _("When: enter the date and time as dd/mm/yyyy hh:mm.")), 0;
  now = shelter_session_now (session);
  if (g_date_time_difference (moment, now) > (GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND)
    return shelter_field_error (error, SHELTER_FIELD_POLICE_TIME,
                                _("When: the time is in the future. Record the report once "
                                  "it has been made.")), 0;
  local = g_date_time_to_timezone (moment, vietnam);
  informed_at = shelter_session_format_time (local);
  if (input->unit == NULL || !shelter_enum_is_valid (&shelter_enum_police_unit, input->unit))
    return shelter_field_error (error, SHELTER_FIELD_POLICE_UNIT,
                                _("Informed: choose the police or the border guard.")), 0;
  if (input->means == NULL || !shelter_enum_is_valid (&shelter_enum_police_means, input->means))
    return shelter_field_error (error, SHELTER_FIELD_POLICE_MEANS,
                                _("How: choose by phone, in person or in writing.")), 0;
  if (!shelter_field_clean_text (input->officer, FALSE, SHORT_MAX, SHELTER_FIELD_POLICE_OFFICER,
                                 _("Officer"), &officer, error) ||
      !shelter_field_clean_text (input->reference, FALSE, SHORT_MAX,
                                 SHELTER_FIELD_POLICE_REFERENCE, _("Reference"), &reference,
                                 error) ||
      !shelter_field_clean_text (input->note, TRUE, TEXT_MAX, SHELTER_FIELD_POLICE_NOTE,
                                 _("What was said or done"), &note, error))
    return 0;
  if (officer == NULL)
    return shelter_field_error (error, SHELTER_FIELD_POLICE_OFFICER,
                                _("Officer: name the officer who was informed, with their "
                                  "rank or post if known.")), 0;

  db = shelter_session_get_db (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = stay_for (db, input->stay_id, informed_at, FALSE, SHELTER_FIELD_POLICE_TIME,
                   _("When"), &local_error);
  if (stay == NULL)
    goto failed;
  if (input->incident_id > 0)
    {
      gint64 incident_stay = shelter_safety_store_incident_stay (db, input->incident_id,
                                                                 &local_error);

      if (local_error != NULL)
        goto failed;
      if (incident_stay != input->stay_id)
        {
          shelter_field_error (&local_error, SHELTER_FIELD_POLICE_INCIDENT,
                               _("Incident: choose one of this resident’s incidents."));
          goto failed;
        }
    }
  row.stay_id = input->stay_id;
  row.incident_id = input->incident_id;
  row.informed_at = informed_at;
  row.unit = (char *) input->unit;
  row.officer = officer;
  row.means = (char *) input->means;
  row.reference = reference;
  row.note = note;
  id = shelter_safety_store_insert_police (db, &row, &stamp, &local_error);
  if (id == 0)
    goto failed;
  details = g_string_new (NULL);
  g_string_append_printf (details, "stay: %" G_GINT64_FORMAT "\ninformed_at: %s\nunit: %s\n"
                          "officer: %s\nmeans: %s\nreference: %s", input->stay_id, informed_at,
                          input->unit, officer, input->means,
                          reference != NULL ? reference : "(none)");
  if (input->incident_id > 0)
    g_string_append_printf (details, "\nincident: %" G_GINT64_FORMAT, input->incident_id);
  if (note != NULL)
    g_string_append (details, "\nnote: (given)");
  if (!shelter_audit_record (session, at, "inform_police", "police_report", id, details->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  shelter_session_mark_own (session, "police_report", id);
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- Reading ------------------------------------------------------------------------------- */

/* One audit entry for a read of restricted data, in its own transaction. */
static void
audit_view (ShelterSession *session,
            gint64          person_id,
            const char     *details)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autoptr (GError) error = NULL;
  ShelterDb *db = shelter_session_get_db (session);

  if (!shelter_db_begin (db, &error))
    goto failed;
  if (!shelter_audit_record (session, at, "view_restricted", "person", person_id, details,
                             &error))
    {
      shelter_db_rollback (db);
      goto failed;
    }
  if (shelter_db_commit (db, &error))
    return;

failed:
  g_warning ("A view of restricted information could not be recorded: %s", error->message);
}

static void
withhold (ShelterSafetyRow *row)
{
  row->withheld = TRUE;
  g_clear_pointer (&row->reasons, g_free);
  g_clear_pointer (&row->what, g_free);
  g_clear_pointer (&row->involved, g_free);
  g_clear_pointer (&row->actions, g_free);
  g_clear_pointer (&row->officer, g_free);
  g_clear_pointer (&row->reference, g_free);
  g_clear_pointer (&row->note, g_free);
}

/* Withholds the details of protected residents from @session, or records that it saw them. */
static GPtrArray *
guard_rows (ShelterSession *session,
            GPtrArray      *rows,
            const char     *what)
{
  gboolean may_see = shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (rows, i);

      if (!row->high_protection)
        continue;
      if (!may_see)
        withhold (row);
      else if (!g_hash_table_contains (seen, &row->person_id))
        {
          g_autofree char *details = g_strdup_printf ("case_code: %s\nshown: %s",
                                                      row->case_code, what);

          g_hash_table_add (seen, &row->person_id);
          audit_view (session, row->person_id, details);
        }
    }
  return rows;
}

GPtrArray *
shelter_safety_list_risks (ShelterSession  *session,
                           gint64           person_id,
                           GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return guard_rows (session,
                     shelter_safety_store_list_risks (shelter_session_get_db (session),
                                                      person_id, error),
                     "reasons of the risk assessments");
}

GPtrArray *
shelter_safety_list_incidents (ShelterSession  *session,
                               gint64           person_id,
                               GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return guard_rows (session,
                     shelter_safety_store_list_incidents (shelter_session_get_db (session),
                                                          person_id, error),
                     "incidents");
}

GPtrArray *
shelter_safety_list_reports (ShelterSession  *session,
                             gint64           person_id,
                             GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return guard_rows (session,
                     shelter_safety_store_list_police (shelter_session_get_db (session),
                                                       person_id, error),
                     "reports to the police");
}

gboolean
shelter_safety_review_is_due (ShelterSession *session,
                              const char     *review_on)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (review_on == NULL || !shelter_text_is_iso_date (review_on))
    return FALSE;
  today = today_of (session);
  return strcmp (review_on, today) <= 0;
}

GPtrArray *
shelter_safety_reviews_due (ShelterSession  *session,
                            gint64           stay_id,
                            GError         **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  today = today_of (session);
  rows = shelter_safety_store_review_due (shelter_session_get_db (session), today, stay_id,
                                          error);
  if (rows == NULL)
    return NULL;
  /* A reminder shows the level and the date, never the reasons. */
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (rows, i);

      if (row->high_protection)
        withhold (row);
    }
  return g_steal_pointer (&rows);
}
