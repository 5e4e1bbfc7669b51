/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-support-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-stores.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"

#define NOTE_MAX        1000
#define GOAL_MAX        500
#define RESPONSIBLE_MAX 200
#define PROGRESS_MAX    4000
#define REASON_MAX      1000
#define TARGET_MAX_YEARS 2
#define REVIEW_MAX_YEARS 1
#define REVIEW_DEFAULT_MONTHS 3

/* In the order of the guidelines. */
static const ShelterEnumValue need_area_values[] = {
  { "health", N_("Health") },
  { "education", N_("Education, training and work") },
  { "livelihood", N_("Livelihood") },
  { "family", N_("Family and social relations") },
  { "life_skills", N_("Life skills") },
  { "community", N_("Community participation") },
  { "psychological", N_("Psychological and emotional") },
  { "other", N_("Other needs") },
};
const ShelterEnum shelter_enum_need_area = { need_area_values, G_N_ELEMENTS (need_area_values) };
G_STATIC_ASSERT (G_N_ELEMENTS (need_area_values) == SHELTER_N_NEED_AREAS);

static const ShelterEnumValue need_level_values[] = {
  { "none", N_("No need") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
};
const ShelterEnum shelter_enum_need_level = { need_level_values, G_N_ELEMENTS (need_level_values) };

static const ShelterEnumValue plan_status_values[] = {
  { "draft", N_("Awaiting approval") },
  { "approved", N_("Approved") },
  { "in_progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "cancelled", N_("Cancelled") },
};
const ShelterEnum shelter_enum_plan_status = { plan_status_values, G_N_ELEMENTS (plan_status_values) };

static const ShelterEnumValue goal_status_values[] = {
  { "open", N_("Open") },
  { "achieved", N_("Achieved") },
  { "dropped", N_("Dropped") },
};
const ShelterEnum shelter_enum_goal_status = { goal_status_values, G_N_ELEMENTS (goal_status_values) };

static const char * const support_types[] = { "a", "b", "c", "d", "dd", "e", "g", "h", "i", "k",
                                              NULL };

static char *
today_of (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* @iso + @months and @days, as YYYY-MM-DD. */
static char *
date_add (const char *iso,
          guint       months,
          guint       days)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  if (!shelter_text_parse_date (iso, &date))
    return NULL;
  g_date_add_months (&date, months);
  g_date_add_days (&date, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static gboolean
refuse_status (GError         **error,
               const char      *format,
               ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse_status (GError         **error,
               const char      *format,
               ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS, message);
  return FALSE;
}

static ShelterStamp
stamp_of (ShelterSession *session,
          char          **at)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  ShelterStamp stamp;

  *at = shelter_session_format_time (now);
  stamp.at = *at;
  stamp.actor = shelter_session_get_actor (session);
  return stamp;
}

/* The stay, inside the transaction, when it is going on. */
static ShelterStay *
open_stay (ShelterDb  *db,
           gint64      stay_id,
           GError    **error)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (db, stay_id, error);

  if (stay == NULL)
    return NULL;
  if (shelter_stay_get_discharged_at (stay) != NULL)
    {
      refuse_status (error, _("This stay has ended; support plans are for residents staying "
                              "at the centre."));
      return NULL;
    }
  return g_steal_pointer (&stay);
}

const char *
shelter_support_plan_area_level (const ShelterAssessmentRow *assessment,
                                 const char                 *area)
{
  if (assessment == NULL || assessment->areas == NULL)
    return "none";
  for (guint i = 0; i < assessment->areas->len; i++)
    {
      const ShelterAssessmentAreaRow *row = g_ptr_array_index (assessment->areas, i);

      if (g_strcmp0 (row->area, area) == 0)
        return row->level;
    }
  return "none";
}

/* Assessment */

gint64
shelter_support_plan_assess (ShelterSession          *session,
                             gint64                   stay_id,
                             const char              *assessed_on,
                             const ShelterNeedInput  *needs,
                             guint                    n_needs,
                             GError                 **error)
{
  g_autoptr (GPtrArray) areas = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) audit = NULL;
  g_autofree char *today = NULL;
  g_autofree char *admitted_on = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gboolean any_need = FALSE;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (needs != NULL || n_needs == 0, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return 0;
  today = today_of (session);
  if (assessed_on == NULL || !shelter_text_is_iso_date (assessed_on))
    return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_DATE,
                                _("Date of the assessment: enter a date such as 22/11/2026.")), 0;
  if (strcmp (assessed_on, today) > 0)
    return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_DATE,
                                _("Date of the assessment: the day is in the future. Record "
                                  "an assessment once it has been made.")), 0;

  /* All eight areas, "none" unless given. */
  areas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < shelter_enum_need_area.n_values; i++)
    {
      ShelterAssessmentAreaRow *row = g_new0 (ShelterAssessmentAreaRow, 1);

      row->area = (char *) shelter_enum_need_area.values[i].code;
      row->level = (char *) "none";
      g_ptr_array_add (areas, row);
    }
  {
    g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
    gboolean given[SHELTER_N_NEED_AREAS] = { FALSE };

    for (guint i = 0; i < n_needs; i++)
      {
        const ShelterNeedInput *need = &needs[i];
        ShelterAssessmentAreaRow *row = NULL;
        g_autofree char *label = NULL;
        char *note = NULL;
        guint index;

        for (index = 0; index < shelter_enum_need_area.n_values; index++)
          if (g_strcmp0 (shelter_enum_need_area.values[index].code, need->area) == 0)
            break;
        if (index == shelter_enum_need_area.n_values)
          return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_AREAS,
                                      _("Needs: “%s” is not one of the eight areas."),
                                      need->area != NULL ? need->area : ""), 0;
        label = g_strdup (_(shelter_enum_need_area.values[index].label));
        if (given[index])
          return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_AREAS,
                                      _("%s: the area is given twice."), label), 0;
        given[index] = TRUE;
        if (!shelter_enum_is_valid (&shelter_enum_need_level, need->level))
          return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_AREAS,
                                      _("%s: choose the level of need."), label), 0;
        if (!shelter_field_clean_text (need->note, TRUE, NOTE_MAX,
                                       SHELTER_FIELD_ASSESSMENT_AREAS, label, &note, error))
          return 0;
        if (note != NULL)
          g_ptr_array_add (notes, note);
        row = g_ptr_array_index (areas, index);
        row->level = (char *) need->level;
        row->note = note;
        if (!g_str_equal (need->level, "none"))
          any_need = TRUE;
      }
    if (!any_need)
      return shelter_field_error (error, SHELTER_FIELD_ASSESSMENT_AREAS,
                                  _("Needs: mark at least one area where the resident needs "
                                    "support.")), 0;

    db = shelter_session_get_db (session);
    stamp = stamp_of (session, &at);
    if (!shelter_db_begin (db, error))
      return 0;
    stay = open_stay (db, stay_id, &local_error);
    if (stay == NULL)
      goto failed;
    admitted_on = g_strndup (shelter_stay_get_admitted_at (stay), 10);
    if (strcmp (assessed_on, admitted_on) < 0)
      {
        g_autofree char *shown = shelter_text_format_date (admitted_on);

        shelter_field_error (&local_error, SHELTER_FIELD_ASSESSMENT_DATE,
                             _("Date of the assessment: the resident was admitted on %s, "
                               "after this day. Check the date."), shown);
        goto failed;
      }
    id = shelter_assessment_store_insert (db, stay_id, assessed_on, stamp.actor, areas, &stamp,
                                          &local_error);
    if (id == 0)
      goto failed;
    audit = g_string_new (NULL);
    g_string_append_printf (audit, "stay: %" G_GINT64_FORMAT "\nassessed_on: %s\n", stay_id,
                            assessed_on);
    for (guint i = 0; i < areas->len; i++)
      {
        const ShelterAssessmentAreaRow *row = g_ptr_array_index (areas, i);

        g_string_append_printf (audit, "%s: %s\n", row->area, row->level);
      }
    if (!shelter_audit_record (session, at, "assess_needs", "needs_assessment", id, audit->str,
                               &local_error) ||
        !shelter_db_commit (db, &local_error))
      goto failed;
    return id;

failed:
    shelter_db_rollback (db);
    g_propagate_error (error, g_steal_pointer (&local_error));
    return 0;
  }
}

/* Goals */

typedef struct
{
  ShelterGoalRow row;
  char          *owned[4];
} CleanGoal;

static void
clean_goal_free (CleanGoal *goal)
{
  for (guint i = 0; i < G_N_ELEMENTS (goal->owned); i++)
    g_free (goal->owned[i]);
  g_free (goal);
}

/* Checks a target or review date: a date after today, at most @max_years ahead. */
static gboolean
date_in_bounds (const char *date,
                const char *today,
                guint       max_years)
{
  g_autofree char *limit = date_add (today, 12 * max_years, 0);

  return date != NULL && shelter_text_is_iso_date (date) && strcmp (date, today) > 0 &&
         limit != NULL && strcmp (date, limit) <= 0;
}

/* Checks and cleans the goals against @assessment into CleanGoal items. */
static GPtrArray *
clean_goals (const ShelterGoalInput      *goals,
             guint                        n_goals,
             const ShelterAssessmentRow  *assessment,
             const char                  *today,
             GError                     **error)
{
  g_autoptr (GPtrArray) clean = g_ptr_array_new_with_free_func ((GDestroyNotify) clean_goal_free);

  for (guint i = 0; i < n_goals; i++)
    {
      const ShelterGoalInput *input = &goals[i];
      CleanGoal *goal = g_new0 (CleanGoal, 1);
      g_autofree char *label = NULL;
      const char *level;

      g_ptr_array_add (clean, goal);
      /* Translators: the start of a message about one goal of a plan: "Goal 2: ...". */
      label = g_strdup_printf (_("Goal %u"), i + 1);
      if (!shelter_enum_is_valid (&shelter_enum_need_area, input->area))
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_AREA,
                                    _("%s: choose the area of need it answers."), label), NULL;
      level = shelter_support_plan_area_level (assessment, input->area);
      if (g_str_equal (level, "none"))
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_AREA,
                                    _("%s: the needs assessment found no need in “%s”. Choose "
                                      "an assessed area, or assess the needs again."),
                                    label, shelter_enum_label (&shelter_enum_need_area,
                                                               input->area)), NULL;
      goal->row.area = (char *) input->area;
      if (!shelter_field_clean_text (input->goal, TRUE, GOAL_MAX, SHELTER_FIELD_PLAN_GOAL_TEXT,
                                     label, &goal->owned[0], error) ||
          !shelter_field_clean_text (input->services, TRUE, GOAL_MAX,
                                     SHELTER_FIELD_PLAN_GOAL_SERVICES, label, &goal->owned[1],
                                     error) ||
          !shelter_field_clean_text (input->responsible, FALSE, RESPONSIBLE_MAX,
                                     SHELTER_FIELD_PLAN_GOAL_RESPONSIBLE, label, &goal->owned[2],
                                     error))
        return NULL;
      if (goal->owned[0] == NULL)
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_TEXT,
                                    _("%s: say what is to be reached."), label), NULL;
      if (goal->owned[1] == NULL)
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_SERVICES,
                                    _("%s: name the services planned to reach it."), label), NULL;
      if (goal->owned[2] == NULL)
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_RESPONSIBLE,
                                    _("%s: name who is responsible, a staff member or an "
                                      "outside provider."), label), NULL;
      if (input->support_type != NULL && *input->support_type != '\0' &&
          !g_strv_contains (support_types, input->support_type))
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_SUPPORT_TYPE,
                                    _("%s: the support type is not one of the law’s (a to k)."),
                                    label), NULL;
      if (input->target_on == NULL || !shelter_text_is_iso_date (input->target_on))
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_TARGET,
                                    _("%s: enter the target date, such as 22/02/2027."),
                                    label), NULL;
      if (!date_in_bounds (input->target_on, today, TARGET_MAX_YEARS))
        return shelter_field_error (error, SHELTER_FIELD_PLAN_GOAL_TARGET,
                                    _("%s: the target date must be after today and at most "
                                      "%d years ahead."), label, TARGET_MAX_YEARS), NULL;
      goal->row.goal = goal->owned[0];
      goal->row.services = goal->owned[1];
      goal->row.responsible = goal->owned[2];
      goal->row.support_type = input->support_type != NULL && *input->support_type != '\0'
                               ? (char *) input->support_type : NULL;
      goal->row.target_on = (char *) input->target_on;
    }
  return g_steal_pointer (&clean);
}

static gboolean
check_review_date (const char  *review_on,
                   const char  *today,
                   GError     **error)
{
  if (review_on == NULL || *review_on == '\0')
    return TRUE;
  if (!shelter_text_is_iso_date (review_on))
    return shelter_field_error (error, SHELTER_FIELD_PLAN_REVIEW_DATE,
                                _("Review date: enter a date such as 22/02/2027."));
  if (!date_in_bounds (review_on, today, REVIEW_MAX_YEARS))
    return shelter_field_error (error, SHELTER_FIELD_PLAN_REVIEW_DATE,
                                _("Review date: it must be after today and at most a year "
                                  "ahead."));
  return TRUE;
}

static gboolean
write_goals (ShelterDb           *db,
             gint64               plan_id,
             GPtrArray           *goals,
             const ShelterStamp  *stamp,
             GString             *audit,
             GError             **error)
{
  for (guint i = 0; i < goals->len; i++)
    {
      const CleanGoal *goal = g_ptr_array_index (goals, i);

      if (shelter_goal_store_insert (db, plan_id, i, &goal->row, stamp, error) == 0)
        return FALSE;
      g_string_append_printf (audit, "goal: %s, %s, by %s\n", goal->row.area,
                              goal->row.target_on, goal->row.responsible);
    }
  return TRUE;
}

gint64
shelter_support_plan_draft (ShelterSession          *session,
                            gint64                   stay_id,
                            const ShelterGoalInput  *goals,
                            guint                    n_goals,
                            const char              *review_on,
                            GError                 **error)
{
  g_autoptr (ShelterAssessmentRow) assessment = NULL;
  g_autoptr (ShelterPlanRow) latest = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) clean = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) audit = NULL;
  g_autofree char *today = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);
  g_return_val_if_fail (goals != NULL || n_goals == 0, 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return 0;
  today = today_of (session);
  if (!check_review_date (review_on, today, error))
    return 0;

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = open_stay (db, stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  latest = shelter_plan_store_latest (db, stay_id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (latest != NULL && !g_str_equal (latest->status, "completed") &&
      !g_str_equal (latest->status, "cancelled"))
    {
      refuse_status (&local_error, _("This stay already has a support plan (%s). Edit it, or "
                                     "complete or cancel it before drafting a new one."),
                     shelter_enum_label (&shelter_enum_plan_status, latest->status));
      goto failed;
    }
  assessment = shelter_assessment_store_latest (db, stay_id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (assessment == NULL)
    {
      refuse_status (&local_error, _("Assess the resident’s needs first: a support plan is "
                                     "drawn from the needs assessment."));
      goto failed;
    }
  clean = clean_goals (goals, n_goals, assessment, today, &local_error);
  if (clean == NULL)
    goto failed;
  id = shelter_plan_store_insert (db, stay_id, assessment->id,
                                  review_on != NULL && *review_on != '\0' ? review_on : NULL,
                                  &stamp, &local_error);
  if (id == 0)
    goto failed;
  audit = g_string_new (NULL);
  g_string_append_printf (audit, "stay: %" G_GINT64_FORMAT "\nassessment: %" G_GINT64_FORMAT
                          "\n", stay_id, assessment->id);
  if (!write_goals (db, id, clean, &stamp, audit, &local_error) ||
      !shelter_audit_record (session, at, "draft_plan", "support_plan", id, audit->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* The plan at @version inside the transaction: SHELTER_DB_ERROR_STALE when it changed. */
static ShelterPlanRow *
plan_at (ShelterDb  *db,
         gint64      plan_id,
         gint64      version,
         GError    **error)
{
  g_autoptr (ShelterPlanRow) plan = shelter_plan_store_get (db, plan_id, error);

  if (plan == NULL)
    return NULL;
  if (version > 0 && plan->version != version)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           _("Someone else changed this support plan since you opened it. "
                             "Close and open it again to see their changes."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

gboolean
shelter_support_plan_edit (ShelterSession          *session,
                           gint64                   plan_id,
                           gint64                   version,
                           const ShelterGoalInput  *goals,
                           guint                    n_goals,
                           const char              *review_on,
                           GError                 **error)
{
  g_autoptr (ShelterAssessmentRow) assessment = NULL;
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) clean = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) audit = NULL;
  g_autofree char *today = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (version > 0, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return FALSE;
  today = today_of (session);
  if (!check_review_date (review_on, today, error))
    return FALSE;

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  plan = plan_at (db, plan_id, version, &local_error);
  if (plan == NULL)
    goto failed;
  if (!g_str_equal (plan->status, "draft"))
    {
      refuse_status (&local_error, _("Only a draft can be changed; this plan is %s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  stay = open_stay (db, plan->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  assessment = shelter_assessment_store_latest (db, plan->stay_id, &local_error);
  if (assessment == NULL)
    {
      if (local_error == NULL)
        refuse_status (&local_error, _("Assess the resident’s needs first: a support plan is "
                                       "drawn from the needs assessment."));
      goto failed;
    }
  clean = clean_goals (goals, n_goals, assessment, today, &local_error);
  if (clean == NULL)
    goto failed;
  audit = g_string_new (NULL);
  g_string_append_printf (audit, "stay: %" G_GINT64_FORMAT "\n", plan->stay_id);
  if (plan->assessment_id != assessment->id)
    g_string_append_printf (audit, "assessment: %" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT "\n",
                            plan->assessment_id, assessment->id);
  shelter_audit_note_change (audit, "review_on", plan->review_on,
                             review_on != NULL && *review_on != '\0' ? review_on : NULL, FALSE);
  plan->assessment_id = assessment->id;
  g_free (plan->review_on);
  plan->review_on = review_on != NULL && *review_on != '\0' ? g_strdup (review_on) : NULL;
  if (!shelter_plan_store_update (db, plan, &stamp, &local_error) ||
      !shelter_goal_store_withdraw_all (db, plan_id, &stamp, &local_error) ||
      !write_goals (db, plan_id, clean, &stamp, audit, &local_error) ||
      !shelter_audit_record (session, at, "edit_plan", "support_plan", plan_id, audit->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_support_plan_approve (ShelterSession  *session,
                              gint64           plan_id,
                              gint64           version,
                              const char      *review_on,
                              GError         **error)
{
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *review = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_APPROVE_PLAN, error))
    return FALSE;
  today = today_of (session);
  if (review_on != NULL && *review_on != '\0')
    {
      if (!check_review_date (review_on, today, error))
        return FALSE;
      review = g_strdup (review_on);
    }
  else
    review = date_add (today, REVIEW_DEFAULT_MONTHS, 0);

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  plan = plan_at (db, plan_id, version, &local_error);
  if (plan == NULL)
    goto failed;
  if (!g_str_equal (plan->status, "draft"))
    {
      refuse_status (&local_error, _("Only a draft awaiting approval can be approved; this "
                                     "plan is %s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  stay = open_stay (db, plan->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  goals = shelter_goal_store_list (db, plan_id, &local_error);
  if (goals == NULL)
    goto failed;
  if (goals->len == 0)
    {
      refuse_status (&local_error, _("This plan has no goal yet. A plan is approved with at "
                                     "least one goal: ask the caseworker to add them."));
      goto failed;
    }
  g_free (plan->status);
  plan->status = g_strdup ("approved");
  plan->approved_by = g_strdup (stamp.actor);
  plan->approved_at = g_strdup (at);
  g_free (plan->review_on);
  plan->review_on = g_strdup (review);
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nstatus: draft -> approved\n"
                             "review_on: %s\ngoals: %u\n", plan->stay_id, review, goals->len);
  if (!shelter_plan_store_update (db, plan, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "approve_plan", "support_plan", plan_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_support_plan_start (ShelterSession  *session,
                            gint64           plan_id,
                            gint64           version,
                            GError         **error)
{
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return FALSE;
  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  plan = plan_at (db, plan_id, version, &local_error);
  if (plan == NULL)
    goto failed;
  if (g_str_equal (plan->status, "draft"))
    {
      refuse_status (&local_error, _("This plan has not been approved by a manager yet; only "
                                     "an approved plan can be put in progress."));
      goto failed;
    }
  if (!g_str_equal (plan->status, "approved"))
    {
      refuse_status (&local_error, _("This plan is %s; only an approved plan can be put in "
                                     "progress."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  stay = open_stay (db, plan->stay_id, &local_error);
  if (stay == NULL)
    goto failed;
  g_free (plan->status);
  plan->status = g_strdup ("in_progress");
  plan->started_at = g_strdup (at);
  plan->started_by = g_strdup (stamp.actor);
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nstatus: approved -> in_progress\n",
                             plan->stay_id);
  if (!shelter_plan_store_update (db, plan, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "start_plan", "support_plan", plan_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
plan_is_going_on (const ShelterPlanRow *plan)
{
  return g_str_equal (plan->status, "approved") || g_str_equal (plan->status, "in_progress");
}

/* Inserts a progress note inside the caller's transaction. */
static gint64
insert_note (ShelterDb             *db,
             const ShelterPlanRow  *plan,
             gint64                 goal_id,
             const char            *written_on,
             const char            *text,
             const ShelterStamp    *stamp,
             GError               **error)
{
  if (goal_id > 0)
    {
      g_autoptr (ShelterGoalRow) goal = shelter_goal_store_get (db, goal_id, error);

      if (goal == NULL)
        return 0;
      if (goal->plan_id != plan->id)
        {
          g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                       "Goal %" G_GINT64_FORMAT " is not in plan %" G_GINT64_FORMAT ".",
                       goal_id, plan->id);
          return 0;
        }
    }
  return shelter_progress_note_store_insert (db, plan->id, goal_id, written_on, text, stamp,
                                             error);
}

gint64
shelter_support_plan_add_note (ShelterSession  *session,
                               gint64           plan_id,
                               gint64           goal_id,
                               const char      *written_on,
                               const char      *text,
                               GError         **error)
{
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_WRITE_PLAN_NOTE, error))
    return 0;
  today = today_of (session);
  if (written_on == NULL || !shelter_text_is_iso_date (written_on))
    return shelter_field_error (error, SHELTER_FIELD_PLAN_NOTE_DATE,
                                _("Date: enter a date such as 22/11/2026.")), 0;
  if (strcmp (written_on, today) > 0)
    return shelter_field_error (error, SHELTER_FIELD_PLAN_NOTE_DATE,
                                _("Date: the day is in the future.")), 0;
  if (!shelter_field_clean_text (text, TRUE, PROGRESS_MAX, SHELTER_FIELD_PLAN_NOTE,
                                 _("Progress note"), &clean, error))
    return 0;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PLAN_NOTE,
                                _("Progress note: write what happened.")), 0;

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return 0;
  plan = shelter_plan_store_get (db, plan_id, &local_error);
  if (plan == NULL)
    goto failed;
  if (!plan_is_going_on (plan))
    {
      refuse_status (&local_error, _("Progress notes are written on an approved plan or one "
                                     "in progress; this plan is %s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  if (strncmp (written_on, plan->drafted_at, 10) < 0)
    {
      shelter_field_error (&local_error, SHELTER_FIELD_PLAN_NOTE_DATE,
                           _("Date: the plan was drafted after this day. Check the date."));
      goto failed;
    }
  id = insert_note (db, plan, goal_id, written_on, clean, &stamp, &local_error);
  if (id == 0)
    goto failed;
  /* The trail says a note was written, not what it says. */
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nnote: %" G_GINT64_FORMAT "\n"
                             "goal: %" G_GINT64_FORMAT "\nwritten_on: %s\n", plan->stay_id, id,
                             goal_id, written_on);
  if (!shelter_audit_record (session, at, "plan_note", "support_plan", plan_id, details,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

gboolean
shelter_support_plan_set_goal_status (ShelterSession  *session,
                                      gint64           goal_id,
                                      const char      *status,
                                      const char      *note,
                                      GError         **error)
{
  g_autoptr (ShelterGoalRow) goal = NULL;
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  g_autoptr (GString) details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_enum_goal_status, status))
    return shelter_field_error (error, SHELTER_FIELD_PLAN_GOALS,
                                _("Goal: choose open, achieved or dropped."));
  if (!shelter_field_clean_text (note, TRUE, REASON_MAX, SHELTER_FIELD_PLAN_REASON,
                                 _("Reason"), &clean, error))
    return FALSE;
  if (g_str_equal (status, "dropped") && clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PLAN_REASON,
                                _("Reason: say why the goal is dropped."));

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  goal = shelter_goal_store_get (db, goal_id, &local_error);
  if (goal == NULL)
    goto failed;
  plan = shelter_plan_store_get (db, goal->plan_id, &local_error);
  if (plan == NULL)
    goto failed;
  if (!g_str_equal (plan->status, "in_progress"))
    {
      refuse_status (&local_error, _("A goal is marked achieved or dropped while its plan is in "
                                     "progress; this plan is %s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  details = g_string_new (NULL);
  g_string_append_printf (details, "stay: %" G_GINT64_FORMAT "\ngoal: %" G_GINT64_FORMAT "\n",
                          plan->stay_id, goal_id);
  shelter_audit_note_change (details, "status", goal->status, status, FALSE);
  if (!shelter_goal_store_set_status (db, goal_id, status, clean, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "goal_status", "support_plan", plan->id, details->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_support_plan_review (ShelterSession  *session,
                             gint64           plan_id,
                             gint64           version,
                             const char      *next_review_on,
                             const char      *note,
                             GError         **error)
{
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) details = NULL;
  g_autofree char *today = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return FALSE;
  today = today_of (session);
  if (next_review_on == NULL || *next_review_on == '\0')
    return shelter_field_error (error, SHELTER_FIELD_PLAN_REVIEW_DATE,
                                _("Next review: enter the date of the next review."));
  if (!check_review_date (next_review_on, today, error))
    return FALSE;
  if (!shelter_field_clean_text (note, TRUE, PROGRESS_MAX, SHELTER_FIELD_PLAN_NOTE,
                                 _("Progress note"), &clean, error))
    return FALSE;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PLAN_NOTE,
                                _("Progress note: write what the review found."));

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  plan = plan_at (db, plan_id, version, &local_error);
  if (plan == NULL)
    goto failed;
  if (!plan_is_going_on (plan))
    {
      refuse_status (&local_error, _("Only an approved plan or one in progress is reviewed; "
                                     "this plan is %s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  details = g_string_new (NULL);
  g_string_append_printf (details, "stay: %" G_GINT64_FORMAT "\n", plan->stay_id);
  shelter_audit_note_change (details, "review_on", plan->review_on, next_review_on, FALSE);
  g_free (plan->review_on);
  plan->review_on = g_strdup (next_review_on);
  if (insert_note (db, plan, 0, today, clean, &stamp, &local_error) == 0 ||
      !shelter_plan_store_update (db, plan, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "review_plan", "support_plan", plan_id, details->str,
                             &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
close_plan (ShelterSession  *session,
            gint64           plan_id,
            gint64           version,
            const char      *reason,
            gboolean         complete,
            GError         **error)
{
  g_autoptr (ShelterPlanRow) plan = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;
  g_autofree char *old_status = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_DRAFT_PLAN, error))
    return FALSE;
  if (!shelter_field_clean_text (reason, TRUE, REASON_MAX, SHELTER_FIELD_PLAN_REASON,
                                 _("Reason"), &clean, error))
    return FALSE;
  if (clean == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PLAN_REASON,
                                complete ? _("Reason: say what the plan achieved.")
                                         : _("Reason: say why the plan is cancelled."));

  db = shelter_session_get_db (session);
  stamp = stamp_of (session, &at);
  if (!shelter_db_begin (db, error))
    return FALSE;
  plan = plan_at (db, plan_id, version, &local_error);
  if (plan == NULL)
    goto failed;
  if (complete && !g_str_equal (plan->status, "in_progress"))
    {
      refuse_status (&local_error, _("Only a plan in progress can be completed; this plan is "
                                     "%s."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  if (!complete && plan->closed_at != NULL)
    {
      refuse_status (&local_error, _("This plan is %s already."),
                     shelter_enum_label (&shelter_enum_plan_status, plan->status));
      goto failed;
    }
  /* A manager approved it: only a manager calls it off. */
  if (!complete && !g_str_equal (plan->status, "draft") &&
      !shelter_session_check (session, SHELTER_PERMISSION_APPROVE_PLAN, &local_error))
    goto failed;
  old_status = g_steal_pointer (&plan->status);
  plan->status = g_strdup (complete ? "completed" : "cancelled");
  plan->closed_at = g_strdup (at);
  plan->closed_by = g_strdup (stamp.actor);
  plan->close_reason = g_strdup (clean);
  details = g_strdup_printf ("stay: %" G_GINT64_FORMAT "\nstatus: %s -> %s\nreason: %s\n",
                             plan->stay_id, old_status, plan->status, clean);
  if (!shelter_plan_store_update (db, plan, &stamp, &local_error) ||
      !shelter_audit_record (session, at, complete ? "complete_plan" : "cancel_plan",
                             "support_plan", plan_id, details, &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;
  return TRUE;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_support_plan_complete (ShelterSession  *session,
                               gint64           plan_id,
                               gint64           version,
                               const char      *reason,
                               GError         **error)
{
  return close_plan (session, plan_id, version, reason, TRUE, error);
}

gboolean
shelter_support_plan_cancel (ShelterSession  *session,
                             gint64           plan_id,
                             gint64           version,
                             const char      *reason,
                             GError         **error)
{
  return close_plan (session, plan_id, version, reason, FALSE, error);
}

/* Reading */

void
shelter_support_plan_file_free (ShelterSupportPlanFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->assessment, shelter_assessment_row_free);
  g_clear_pointer (&file->plan, shelter_plan_row_free);
  g_clear_pointer (&file->goals, g_ptr_array_unref);
  g_clear_pointer (&file->notes, g_ptr_array_unref);
  g_free (file);
}

ShelterSupportPlanFile *
shelter_support_plan_read (ShelterSession  *session,
                           gint64           stay_id,
                           GError         **error)
{
  g_autoptr (ShelterSupportPlanFile) file = g_new0 (ShelterSupportPlanFile, 1);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  file->assessment = shelter_assessment_store_latest (db, stay_id, &local_error);
  if (local_error == NULL)
    file->plan = shelter_plan_store_latest (db, stay_id, &local_error);
  if (local_error == NULL && file->plan != NULL)
    {
      file->goals = shelter_goal_store_list (db, file->plan->id, &local_error);
      if (local_error == NULL)
        file->notes = shelter_progress_note_store_list (db, file->plan->id, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (file->goals == NULL)
    file->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_goal_row_free);
  if (file->notes == NULL)
    file->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_progress_note_row_free);
  today = today_of (session);
  file->review_due = file->plan != NULL && plan_is_going_on (file->plan) &&
                     file->plan->review_on != NULL &&
                     strcmp (file->plan->review_on, today) <= 0;
  return g_steal_pointer (&file);
}

GArray *
shelter_support_plan_reviews_due (ShelterSession  *session,
                                  gint64           stay_id,
                                  GError         **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  today = today_of (session);
  return shelter_plan_store_reviews_due (shelter_session_get_db (session), today, stay_id,
                                         error);
}
