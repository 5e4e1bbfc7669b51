/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-follow-up"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-follow-up.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define DONE_BY_MAX       200
#define ACTIVITY_NOTE_MAX 500
#define NEXT_STEP_MAX     1000
#define NOTES_MAX         2000
#define REASON_MAX        1000
#define SUMMARY_MAX       4000
#define MONTHS_MAX        60
#define LAST_MONTH_MIN    6
#define DEFAULT_MONTHS    "1,3,6"
#define RECORD_ACTION     "record_follow_up"

#define ENUM(name, table) \
  const ShelterEnum name = { table, G_N_ELEMENTS (table) }

static const ShelterEnumValue method_values[] = {
  { "visit", N_("Home visit") },
  { "call", N_("Phone call") },
  { "commune", N_("Through the commune") },
};
ENUM (shelter_follow_up_method, method_values);

static const ShelterEnumValue status_values[] = {
  { "planned", N_("Planned") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
};
ENUM (shelter_follow_up_status, status_values);

static const ShelterEnumValue situation_values[] = {
  { "stable", N_("Stable") },
  { "at_risk", N_("At risk") },
  { "re_trafficked", N_("Re-trafficked") },
  { "lost_contact", N_("Lost contact") },
};
ENUM (shelter_follow_up_situation, situation_values);

static const ShelterEnumValue living_values[] = {
  { "with_family", N_("With family") },
  { "with_spouse", N_("With spouse or partner") },
  { "alone", N_("Alone") },
  { "with_others", N_("With other people") },
  { "in_facility", N_("In a facility") },
  { "unknown", N_("Not known") },
};
ENUM (shelter_follow_up_living, living_values);

static const ShelterEnumValue activity_values[] = {
  { "working", N_("Working") },
  { "studying", N_("Studying") },
  { "training", N_("In vocational training") },
  { "looking_for_work", N_("Looking for work") },
  { "none", N_("Neither work nor school") },
  { "unknown", N_("Not known") },
};
ENUM (shelter_follow_up_activity, activity_values);

static const ShelterEnumValue support_values[] = {
  { "loan", N_("Loan") },
  { "training", N_("Vocational training") },
  { "job", N_("Job placement") },
  { "schooling", N_("Schooling") },
  { "allowance", N_("Allowance") },
};
ENUM (shelter_follow_up_support, support_values);

/* ---- Helpers ------------------------------------------------------------------------------- */

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

/* The day of discharge of @stay (YYYY-MM-DD), or NULL when it has not ended. */
static char *
discharged_on_of (ShelterStay *stay)
{
  const char *at = shelter_stay_get_discharged_at (stay);

  return at != NULL ? g_strndup (at, 10) : NULL;
}

/* Inside the transaction: the stay of a follow-up step, discharged (not after a death when
 * @for_record) and with its case open. */
static ShelterStay *
open_case_stay (ShelterDb  *db,
                gint64      stay_id,
                gboolean    for_record,
                GError    **error)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (db, stay_id, error);
  g_autoptr (ShelterCaseClosureStoreRow) closure = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *reason;

  if (stay == NULL)
    return NULL;
  if (shelter_stay_get_discharged_at (stay) == NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("This resident has not been discharged: the follow-up starts "
                             "after the discharge."));
      return NULL;
    }
  reason = shelter_stay_get_discharge_reason (stay);
  if (for_record && g_strcmp0 (reason, "death") == 0)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("This stay ended with the person’s death: there is no "
                             "follow-up."));
      return NULL;
    }
  closure = shelter_case_closure_store_get (db, stay_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (closure != NULL)
    {
      g_autofree char *shown = shelter_text_format_date (closure->closed_on);

      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CASE_CLOSED,
                   _("This case was closed on %s: it takes no more follow-ups."), shown);
      return NULL;
    }
  return g_steal_pointer (&stay);
}

static void
set_stale (GError **error)
{
  g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                       _("Someone else changed this follow-up since you opened it. Close "
                         "and open it again to see their changes."));
}

/* ---- The months of the schedule ------------------------------------------------------------ */

GArray *
shelter_follow_up_parse_months (const char  *text,
                                GError     **error)
{
  g_autoptr (GArray) months = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) parts = NULL;

  if (text == NULL || strspn (text, " ,") == strlen (text))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_MONTHS,
                                _("Follow-up months: enter the months after discharge, "
                                  "separated by commas, such as 1, 3, 6.")), NULL;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      guint64 number;
      guint month;

      if (!g_ascii_string_to_unsigned (part, 10, 1, MONTHS_MAX, &number, NULL))
        return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_MONTHS,
                                    _("Follow-up months: enter whole numbers of months from "
                                      "1 to %d, separated by commas, such as 1, 3, 6."),
                                    MONTHS_MAX), NULL;
      month = (guint) number;
      if (months->len > 0 && month <= g_array_index (months, guint, months->len - 1))
        return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_MONTHS,
                                    _("Follow-up months: list the months from the earliest "
                                      "to the latest, each once.")), NULL;
      g_array_append_val (months, month);
    }
  if (g_array_index (months, guint, months->len - 1) < LAST_MONTH_MIN)
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_MONTHS,
                                _("Follow-up months: the last follow-up must come at least "
                                  "%d months after the discharge."), LAST_MONTH_MIN), NULL;
  return g_steal_pointer (&months);
}

GArray *
shelter_follow_up_months (ShelterDb *db)
{
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;
  GArray *months;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  value = shelter_setting_store_get (db, SHELTER_SETTING_FOLLOW_UP_MONTHS, &error);
  if (error != NULL)
    g_warning ("Cannot read the follow-up months: %s", error->message);
  months = shelter_follow_up_parse_months (value != NULL ? value : DEFAULT_MONTHS, NULL);
  if (months == NULL)
    months = shelter_follow_up_parse_months (DEFAULT_MONTHS, NULL);
  return months;
}

gboolean
shelter_follow_up_set_months (ShelterSession  *session,
                              const char      *months,
                              GError         **error)
{
  g_autoptr (GArray) parsed = NULL;
  g_autoptr (GString) value = g_string_new (NULL);

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EDIT_SETTINGS, error))
    return FALSE;
  parsed = shelter_follow_up_parse_months (months, error);
  if (parsed == NULL)
    return FALSE;
  /* Kept as "1,3,6" however it was typed. */
  for (guint i = 0; i < parsed->len; i++)
    g_string_append_printf (value, "%s%u", i > 0 ? "," : "", g_array_index (parsed, guint, i));
  return shelter_settings_set (session, SHELTER_SETTING_FOLLOW_UP_MONTHS, value->str, error);
}

/* @day (YYYY-MM-DD) plus @months; a day past the end of the month is its last day. */
static char *
add_months (const char *day,
            guint       months)
{
  GDate date;
  char buffer[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (day + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (day + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (day, NULL, 10));
  g_date_add_months (&date, months);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

gboolean
_shelter_follow_up_schedule (ShelterSession  *session,
                             gint64           stay_id,
                             const char      *discharged_on,
                             const char      *assigned_to,
                             GError         **error)
{
  g_autoptr (GArray) months = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (stay_id > 0, FALSE);

  if (discharged_on == NULL || !shelter_text_is_iso_date (discharged_on))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_DATE,
                                _("Follow-up: the day of discharge is not a date."));
  db = shelter_session_get_db (session);
  months = shelter_follow_up_months (db);
  stamp_now (session, &at, &stamp);
  for (guint i = 0; i < months->len; i++)
    {
      g_autofree char *due_on = add_months (discharged_on, g_array_index (months, guint, i));
      ShelterFollowUpStoreRow row = { 0 };

      row.stay_id = stay_id;
      row.due_on = due_on;
      row.method = (char *) "call";
      row.assigned_to = (char *) (assigned_to != NULL && *assigned_to != '\0' ? assigned_to
                                                                                : NULL);
      row.status = (char *) "planned";
      if (shelter_follow_up_store_insert (db, &row, &stamp, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* ---- Recording ----------------------------------------------------------------------------- */

/* The support codes checked and joined with commas into *@joined (NULL for none). */
static gboolean
check_support (const char * const  *support,
               char               **joined,
               GError             **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; support != NULL && support[i] != NULL; i++)
    {
      if (!shelter_enum_is_valid (&shelter_follow_up_support, support[i]))
        return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_SUPPORT,
                                    _("Support given: choose among loan, vocational training, "
                                      "job placement, schooling and allowance."));
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (support[j], support[i]);
      if (seen)
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", support[i]);
    }
  *joined = text->len > 0 ? g_strdup (text->str) : NULL;
  return TRUE;
}

static gboolean
check_day (ShelterSession  *session,
           const char      *day,
           ShelterField     field,
           const char      *label,
           gboolean         not_future,
           GError         **error)
{
  g_autofree char *today = today_of (session);

  if (day == NULL || !shelter_text_is_iso_date (day))
    return shelter_field_error (error, field, _("%s: enter a date such as 22/11/2026."), label);
  if (not_future && strcmp (day, today) > 0)
    return shelter_field_error (error, field, _("%s: the day is in the future. Record the "
                                                "follow-up once it has been made."), label);
  return TRUE;
}

static gboolean
check_after_discharge (ShelterStay  *stay,
                       const char   *day,
                       ShelterField  field,
                       const char   *label,
                       GError      **error)
{
  g_autofree char *discharged_on = discharged_on_of (stay);

  if (discharged_on != NULL && strcmp (day, discharged_on) < 0)
    {
      g_autofree char *shown = shelter_text_format_date (discharged_on);

      return shelter_field_error (error, field, _("%s: the resident was discharged on %s, "
                                                  "after this day. Check the date."),
                                  label, shown);
    }
  return TRUE;
}

gint64
shelter_follow_up_record (ShelterSession             *session,
                          const ShelterFollowUpInput *input,
                          GError                    **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterFollowUpStoreRow) planned = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) details = NULL;
  g_autofree char *done_by = NULL;
  g_autofree char *activity_note = NULL;
  g_autofree char *support = NULL;
  g_autofree char *next_step = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *at = NULL;
  ShelterFollowUpStoreRow row = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 stay_id;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FOLLOW_UP, error))
    return 0;
  if (!check_day (session, input->done_on, SHELTER_FIELD_FOLLOW_UP_DATE, _("Date"), TRUE,
                  error))
    return 0;
  if (input->method == NULL || !shelter_enum_is_valid (&shelter_follow_up_method, input->method))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_METHOD,
                                _("How: choose a home visit, a phone call or through the "
                                  "commune.")), 0;
  if (!shelter_field_clean_text (input->done_by, FALSE, DONE_BY_MAX,
                                 SHELTER_FIELD_FOLLOW_UP_DONE_BY, _("Done by"), &done_by, error))
    return 0;
  if (input->situation == NULL ||
      !shelter_enum_is_valid (&shelter_follow_up_situation, input->situation))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_SITUATION,
                                _("Situation: choose stable, at risk, re-trafficked or lost "
                                  "contact.")), 0;
  if (input->living != NULL && *input->living != '\0' &&
      !shelter_enum_is_valid (&shelter_follow_up_living, input->living))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_LIVING,
                                _("Living: choose one of the listed situations.")), 0;
  if (input->activity != NULL && *input->activity != '\0' &&
      !shelter_enum_is_valid (&shelter_follow_up_activity, input->activity))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_ACTIVITY,
                                _("Work or school: choose one of the listed situations.")), 0;
  if (!shelter_field_clean_text (input->activity_note, FALSE, ACTIVITY_NOTE_MAX,
                                 SHELTER_FIELD_FOLLOW_UP_ACTIVITY, _("Work or school"),
                                 &activity_note, error) ||
      !check_support (input->support, &support, error) ||
      !shelter_field_clean_text (input->next_step, TRUE, NEXT_STEP_MAX,
                                 SHELTER_FIELD_FOLLOW_UP_NEXT_STEP, _("Next step"), &next_step,
                                 error) ||
      !shelter_field_clean_text (input->notes, TRUE, NOTES_MAX, SHELTER_FIELD_FOLLOW_UP_NOTES,
                                 _("Notes"), &notes, error))
    return 0;

  db = shelter_session_get_db (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return 0;
  stay_id = input->stay_id;
  if (input->id > 0)
    {
      planned = shelter_follow_up_store_get (db, input->id, &local_error);
      if (planned == NULL)
        goto failed;
      if (stay_id > 0 && planned->stay_id != stay_id)
        {
          g_set_error_literal (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                               _("This follow-up belongs to another stay."));
          goto failed;
        }
      stay_id = planned->stay_id;
    }
  stay = open_case_stay (db, stay_id, TRUE, &local_error);
  if (stay == NULL)
    goto failed;
  if (!check_after_discharge (stay, input->done_on, SHELTER_FIELD_FOLLOW_UP_DATE, _("Date"),
                              &local_error))
    goto failed;

  row.stay_id = stay_id;
  row.method = (char *) input->method;
  row.status = (char *) "done";
  row.done_on = (char *) input->done_on;
  row.done_by = done_by;
  row.situation = (char *) input->situation;
  row.living = (char *) (input->living != NULL && *input->living != '\0' ? input->living : NULL);
  row.activity = (char *) (input->activity != NULL && *input->activity != '\0' ? input->activity
                                                                                 : NULL);
  row.activity_note = activity_note;
  row.support = support;
  row.next_step = next_step;
  row.notes = notes;
  if (planned != NULL)
    {
      if (!g_str_equal (planned->status, "planned") ||
          (input->version > 0 && planned->version != input->version))
        {
          set_stale (&local_error);
          goto failed;
        }
      row.id = planned->id;
      row.version = planned->version;
      if (!shelter_follow_up_store_set_done (db, &row, &stamp, &local_error))
        {
          if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE))
            {
              g_clear_error (&local_error);
              set_stale (&local_error);
            }
          goto failed;
        }
      id = planned->id;
    }
  else
    {
      row.due_on = (char *) input->done_on;
      id = shelter_follow_up_store_insert (db, &row, &stamp, &local_error);
      if (id == 0)
        goto failed;
    }

  details = g_string_new (NULL);
  g_string_append_printf (details, "stay: %" G_GINT64_FORMAT "\nplanned: %s\ndone_on: %s\n"
                          "method: %s\nsituation: %s", stay_id, planned != NULL ? "yes" : "no",
                          input->done_on, input->method, input->situation);
  if (row.living != NULL)
    g_string_append_printf (details, "\nliving: %s", row.living);
  if (row.activity != NULL)
    g_string_append_printf (details, "\nactivity: %s", row.activity);
  if (support != NULL)
    g_string_append_printf (details, "\nsupport: %s", support);
  if (!shelter_audit_record (session, at, RECORD_ACTION, "follow_up", id, details->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  shelter_session_mark_own (session, "follow_up", id);
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
shelter_follow_up_reschedule (ShelterSession  *session,
                              gint64           follow_up_id,
                              gint64           version,
                              const char      *due_on,
                              const char      *method,
                              const char      *assigned_to,
                              GError         **error)
{
  g_autoptr (ShelterFollowUpStoreRow) planned = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *at = NULL;
  const char *assigned = assigned_to != NULL && *assigned_to != '\0' ? assigned_to : NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FOLLOW_UP, error) ||
      !check_day (session, due_on, SHELTER_FIELD_FOLLOW_UP_DATE, _("Due"), FALSE, error))
    return FALSE;
  if (method == NULL || !shelter_enum_is_valid (&shelter_follow_up_method, method))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_METHOD,
                                _("How: choose a home visit, a phone call or through the "
                                  "commune."));

  db = shelter_session_get_db (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (assigned != NULL)
    {
      g_autoptr (ShelterUser) user = shelter_user_store_get_by_username (db, assigned,
                                                                         &local_error);

      if (local_error != NULL)
        goto failed;
      if (user == NULL || !shelter_user_get_active (user))
        {
          shelter_field_error (&local_error, SHELTER_FIELD_FOLLOW_UP_ASSIGNED,
                               _("Staff member: choose an active staff account."));
          goto failed;
        }
    }
  planned = shelter_follow_up_store_get (db, follow_up_id, &local_error);
  if (planned == NULL)
    goto failed;
  stay = open_case_stay (db, planned->stay_id, TRUE, &local_error);
  if (stay == NULL ||
      !check_after_discharge (stay, due_on, SHELTER_FIELD_FOLLOW_UP_DATE, _("Due"),
                              &local_error))
    goto failed;
  if (!g_str_equal (planned->status, "planned") || planned->version != version)
    {
      set_stale (&local_error);
      goto failed;
    }
  if (!shelter_follow_up_store_reschedule (db, follow_up_id, version, due_on, method, assigned,
                                           &stamp, &local_error))
    {
      if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE))
        {
          g_clear_error (&local_error);
          set_stale (&local_error);
        }
      goto failed;
    }
  g_string_append_printf (details, "stay: %" G_GINT64_FORMAT "\n", planned->stay_id);
  shelter_audit_note_change (details, "due_on", planned->due_on, due_on, FALSE);
  shelter_audit_note_change (details, "method", planned->method, method, FALSE);
  shelter_audit_note_change (details, "assigned_to", planned->assigned_to, assigned, FALSE);
  if (!shelter_audit_record (session, at, "reschedule_follow_up", "follow_up", follow_up_id,
                             details->str, &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_follow_up_close_case (ShelterSession  *session,
                              gint64           stay_id,
                              const char      *reason,
                              const char      *summary,
                              GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autofree char *clean_reason = NULL;
  g_autofree char *clean_summary = NULL;
  g_autofree char *today = NULL;
  g_autofree char *at = NULL;
  ShelterCaseClosureStoreRow row = { 0 };
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 planned;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RECORD_FOLLOW_UP, error) ||
      !shelter_field_clean_text (reason, TRUE, REASON_MAX, SHELTER_FIELD_CASE_CLOSURE_REASON,
                                 _("Reason"), &clean_reason, error) ||
      !shelter_field_clean_text (summary, TRUE, SUMMARY_MAX, SHELTER_FIELD_CASE_CLOSURE_SUMMARY,
                                 _("Summary"), &clean_summary, error))
    return FALSE;

  db = shelter_session_get_db (session);
  today = today_of (session);
  stamp_now (session, &at, &stamp);
  if (!shelter_db_begin (db, error))
    return FALSE;
  stay = open_case_stay (db, stay_id, FALSE, &local_error);
  if (stay == NULL)
    goto failed;
  planned = shelter_follow_up_store_count (db, stay_id, "planned", &local_error);
  if (planned < 0)
    goto failed;
  if (planned > 0 && clean_reason == NULL)
    {
      shelter_field_error (&local_error, SHELTER_FIELD_CASE_CLOSURE_REASON,
                           ngettext ("Reason: %d follow-up is still planned. Say why the case "
                                     "closes before it.",
                                     "Reason: %d follow-ups are still planned. Say why the "
                                     "case closes before them.", (gulong) planned),
                           (int) planned);
      goto failed;
    }
  if (planned > 0 &&
      shelter_follow_up_store_cancel_planned (db, stay_id, clean_reason, &stamp,
                                              &local_error) < 0)
    goto failed;
  row.stay_id = stay_id;
  row.closed_on = today;
  row.closed_by = (char *) shelter_session_get_actor (session);
  row.early = planned > 0;
  row.reason = clean_reason;
  row.summary = clean_summary;
  if (!shelter_case_closure_store_insert (db, &row, &stamp, &local_error))
    goto failed;
  g_string_append_printf (details, "closed_on: %s\nearly: %s\ncancelled: %" G_GINT64_FORMAT,
                          today, planned > 0 ? "yes" : "no", planned);
  if (clean_reason != NULL)
    g_string_append_printf (details, "\nreason: %s", clean_reason);
  if (clean_summary != NULL)
    g_string_append (details, "\nsummary: (given)");
  if (!shelter_audit_record (session, at, "close_case", "stay", stay_id, details->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ---- Reading ------------------------------------------------------------------------------- */

void
shelter_follow_up_row_free (ShelterFollowUpRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->resident_name);
  g_free (row->discharged_on);
  g_free (row->due_on);
  g_free (row->method);
  g_free (row->assigned_to);
  g_free (row->assigned_name);
  g_free (row->status);
  g_free (row->done_on);
  g_free (row->done_by);
  g_free (row->situation);
  g_free (row->living);
  g_free (row->activity);
  g_free (row->activity_note);
  g_strfreev (row->support);
  g_free (row->next_step);
  g_free (row->notes);
  g_free (row->cancel_reason);
  g_free (row);
}

void
shelter_case_closure_row_free (ShelterCaseClosureRow *row)
{
  if (row == NULL)
    return;
  g_free (row->closed_on);
  g_free (row->closed_by);
  g_free (row->reason);
  g_free (row->summary);
  g_free (row);
}

void
shelter_follow_up_alert_free (ShelterFollowUpAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->case_code);
  g_free (alert->situation);
  g_free (alert);
}

static GPtrArray *
rows_from_store (ShelterSession *session,
                 GPtrArray      *stored)
{
  gboolean may_see = shelter_session_may (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_follow_up_row_free);

  for (guint i = 0; i < stored->len; i++)
    {
      ShelterFollowUpStoreRow *from = g_ptr_array_index (stored, i);
      ShelterFollowUpRow *row = g_new0 (ShelterFollowUpRow, 1);

      row->id = from->id;
      row->version = from->version;
      row->stay_id = from->stay_id;
      row->person_id = from->person_id;
      row->case_code = g_steal_pointer (&from->case_code);
      if (!from->high_protection || may_see)
        row->resident_name = g_steal_pointer (&from->full_name);
      row->discharged_on = g_steal_pointer (&from->discharged_on);
      row->due_on = g_steal_pointer (&from->due_on);
      row->method = g_steal_pointer (&from->method);
      row->assigned_to = g_steal_pointer (&from->assigned_to);
      row->assigned_name = g_steal_pointer (&from->assigned_name);
      row->status = g_steal_pointer (&from->status);
      row->done_on = g_steal_pointer (&from->done_on);
      row->done_by = g_steal_pointer (&from->done_by);
      row->situation = g_steal_pointer (&from->situation);
      row->living = g_steal_pointer (&from->living);
      row->activity = g_steal_pointer (&from->activity);
      row->activity_note = g_steal_pointer (&from->activity_note);
      if (from->support != NULL)
        row->support = g_strsplit (from->support, ",", -1);
      row->next_step = g_steal_pointer (&from->next_step);
      row->notes = g_steal_pointer (&from->notes);
      row->cancel_reason = g_steal_pointer (&from->cancel_reason);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

GPtrArray *
shelter_follow_up_staff (ShelterSession  *session,
                         GError         **error)
{
  g_autoptr (GPtrArray) users = NULL;
  GPtrArray *staff;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  users = shelter_user_store_list (shelter_session_get_db (session), error);
  if (users == NULL)
    return NULL;
  staff = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < users->len; i++)
    {
      ShelterUser *user = g_ptr_array_index (users, i);
      const char *role = shelter_user_get_role (user);

      if (shelter_user_get_active (user) &&
          (g_strcmp0 (role, "caseworker") == 0 || g_strcmp0 (role, "manager") == 0))
        g_ptr_array_add (staff, g_object_ref (user));
    }
  return staff;
}

GPtrArray *
shelter_follow_up_list_for_stay (ShelterSession  *session,
                                 gint64           stay_id,
                                 GError         **error)
{
  g_autoptr (GPtrArray) stored = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  stored = shelter_follow_up_store_list_for_stay (shelter_session_get_db (session), stay_id,
                                                  error);
  return stored != NULL ? rows_from_store (session, stored) : NULL;
}

GPtrArray *
shelter_follow_up_list_due (ShelterSession  *session,
                            const char      *until,
                            GError         **error)
{
  g_autoptr (GPtrArray) stored = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  if (until == NULL || !shelter_text_is_iso_date (until))
    return shelter_field_error (error, SHELTER_FIELD_FOLLOW_UP_DATE,
                                _("Until: enter a date such as 22/11/2026.")), NULL;
  stored = shelter_follow_up_store_list_due (shelter_session_get_db (session), until, error);
  return stored != NULL ? rows_from_store (session, stored) : NULL;
}

ShelterCaseClosureRow *
shelter_follow_up_get_closure (ShelterSession  *session,
                               gint64           stay_id,
                               GError         **error)
{
  g_autoptr (ShelterCaseClosureStoreRow) stored = NULL;
  ShelterCaseClosureRow *row;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  stored = shelter_case_closure_store_get (shelter_session_get_db (session), stay_id, error);
  if (stored == NULL)
    return NULL;
  row = g_new0 (ShelterCaseClosureRow, 1);
  row->stay_id = stored->stay_id;
  row->closed_on = g_steal_pointer (&stored->closed_on);
  row->closed_by = g_steal_pointer (&stored->closed_by);
  row->early = stored->early;
  row->reason = g_steal_pointer (&stored->reason);
  row->summary = g_steal_pointer (&stored->summary);
  return row;
}

/* The ids are those of the audit entries that recorded the follow-ups: a planned follow-up
 * is filled in long after it was written, so its own id says nothing of when it was done. */
GPtrArray *
shelter_follow_up_alerts_after (ShelterSession  *session,
                                gint64           after_id,
                                gint64          *last_id,
                                GError         **error)
{
  g_autoptr (GPtrArray) alerts = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  ShelterDb *db;
  gint64 greatest;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (last_id != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS, error))
    return NULL;

  db = shelter_session_get_db (session);
  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_follow_up_alert_free);
  if (!shelter_follow_up_store_audit_last_id (db, &greatest, error))
    return NULL;
  if (after_id < 0)
    {
      *last_id = greatest;
      return g_steal_pointer (&alerts);
    }
  rows = shelter_follow_up_store_alerts_after (db, RECORD_ACTION, after_id, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterFollowUpStoreRow *row = g_ptr_array_index (rows, i);
      ShelterFollowUpAlert *alert = g_new0 (ShelterFollowUpAlert, 1);

      alert->id = row->audit_id;
      alert->case_code = g_steal_pointer (&row->case_code);
      alert->situation = g_steal_pointer (&row->situation);
      alert->own = shelter_session_is_own (session, "follow_up", row->id);
      g_ptr_array_add (alerts, alert);
      /* Recorded since the newest id was read. */
      greatest = MAX (greatest, row->audit_id);
    }
  /* The newest entry there is; fewer than before when a backup was restored, so that what is
   * recorded after that is not missed. */
  *last_id = greatest;
  return g_steal_pointer (&alerts);
}
