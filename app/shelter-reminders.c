/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-backup.h"
#include "shelter-capacity.h"
#include "shelter-family.h"
#include "shelter-follow-up.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-referrals.h"
#include "shelter-reminders.h"
#include "shelter-safety.h"
#include "shelter-services.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-support-plan.h"
#include "shelter-meals.h"
#include "shelter-text.h"

/* How the reminders are gathered. Each source asks the module that keeps the rule, on a
 * session whose clock reads the day asked for (the modules judge "today" by the session's
 * clock), and turns what it says into reminders. The sources that go resident by resident
 * walk the stays open on that day only (one query), never every stay ever recorded.
 *
 * Urgency from the day a reminder falls due: before @on OVERDUE, on @on TODAY, after it
 * SOON (the sources only give what falls due within the coming week, or 14 days for a
 * stay limit, or 14 days for a report deadline). */

static const ShelterEnumValue reminder_kind_values[] = {
  { "case_file_incomplete", N_("Case file incomplete") },
  { "health_check_arrival", N_("Health check at arrival") },
  { "health_check_periodic", N_("Six-monthly health check") },
  { "counselling_planned", N_("Counselling session planned") },
  { "plan_to_approve", N_("Support plan to approve") },
  { "plan_review", N_("Support plan review") },
  { "stay_limit_near", N_("Stay limit approaching") },
  { "stay_limit_past", N_("Stay limit passed") },
  { "meal_days_ending", N_("Funded meal days running out") },
  { "absence_overdue", N_("Absence past its return date") },
  { "outgrown_room", N_("Outgrown the room’s age group") },
  { "no_family_contact", N_("No family contact for a month") },
  { "referral_answer", N_("Referral awaiting an answer") },
  { "referral_result", N_("Referral awaiting a first result") },
  { "follow_up_due", N_("Follow-up due") },
  { "consent_ask_again", N_("Ask for consent again") },
  { "safety_review", N_("Safety review") },
  { "capacity_high", N_("Capacity forecast over 90%") },
  { "report_due", N_("Periodic report due") },
  { "backup_failed", N_("Backup failed") },
  { "backup_old", N_("No recent backup") },
};

const ShelterEnum shelter_reminder_kind = {
  reminder_kind_values, G_N_ELEMENTS (reminder_kind_values)
};

#define REPORT_DUE_DEFAULT "03-15,06-15,09-15,12-15"
#define REPORT_DUE_AHEAD_DAYS 14
#define STAY_LIMIT_NEAR_DAYS 14
#define SOON_DAYS 7
#define BACKUP_OLD_DAYS 2
#define CAPACITY_WEEKS 4

void
shelter_reminder_free (ShelterReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->kind);
  g_free (reminder->case_code);
  g_free (reminder->title);
  g_free (reminder->reason);
  g_free (reminder->since);
  g_free (reminder->role);
  g_free (reminder->assignee);
  g_free (reminder->action);
  g_free (reminder->page);
  g_free (reminder->key);
  g_free (reminder->fingerprint);
  g_free (reminder);
}

typedef struct
{
  ShelterSession *session;   /* the caller's */
  ShelterSession *at;        /* the same user, its clock on the day asked for */
  ShelterDb      *db;
  char            on[11];
  GDate           on_date;
  gint64          stay_id;   /* 0: every stay */
  GPtrArray      *out;
  GHashTable     *persons;   /* person id -> case code */
  GHashTable     *stays;     /* stay id -> person id */
} Ctx;

static void
day_add (const char *day,
         int         days,
         char        out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  out[0] = '\0';
  if (day == NULL || !shelter_text_parse_date (day, &date))
    return;
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  g_date_strftime (out, 11, "%Y-%m-%d", &date);
}

static int
days_from_on (Ctx        *ctx,
              const char *day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (day == NULL || !shelter_text_parse_date (day, &date))
    return 0;
  return g_date_days_between (&ctx->on_date, &date);
}

static gboolean
wanted (Ctx    *ctx,
        gint64  stay_id)
{
  return ctx->stay_id == 0 || ctx->stay_id == stay_id;
}

/* The person and case code of a stay, asked once. */
static gboolean
resolve (Ctx         *ctx,
         gint64       stay_id,
         gint64      *person_id,
         const char **case_code)
{
  gpointer found;

  if (*person_id == 0)
    {
      if (g_hash_table_lookup_extended (ctx->stays, &stay_id, NULL, &found))
        *person_id = *(gint64 *) found;
      else
        {
          g_autoptr (ShelterStay) stay = shelter_stay_store_get (ctx->db, stay_id, NULL);
          gint64 *key, *value;

          if (stay == NULL)
            return FALSE;
          key = g_new (gint64, 1);
          value = g_new (gint64, 1);
          *key = stay_id;
          *value = shelter_stay_get_person_id (stay);
          g_hash_table_insert (ctx->stays, key, value);
          *person_id = *value;
        }
    }
  if (!g_hash_table_lookup_extended (ctx->persons, person_id, NULL, &found))
    {
      g_autoptr (ShelterPerson) person = shelter_person_store_get (ctx->db, *person_id, NULL);
      gint64 *key;

      if (person == NULL)
        return FALSE;
      key = g_new (gint64, 1);
      *key = *person_id;
      found = g_strdup (shelter_person_get_case_code (person));
      g_hash_table_insert (ctx->persons, key, found);
    }
  *case_code = found;
  return TRUE;
}

static ShelterReminderUrgency
urgency_of (Ctx        *ctx,
            const char *since)
{
  int days = days_from_on (ctx, since);

  if (days < 0)
    return SHELTER_REMINDER_OVERDUE;
  if (days == 0)
    return SHELTER_REMINDER_TODAY;
  return SHELTER_REMINDER_SOON;
}

/* Adds a reminder; @reason and @action are taken. @since is the day it falls due. */
static ShelterReminder *
add (Ctx        *ctx,
     const char *kind,
     gint64      stay_id,
     gint64      person_id,
     const char *since,
     const char *role,
     const char *assignee,
     char       *reason,
     const char *action,
     const char *page)
{
  ShelterReminder *reminder = g_new0 (ShelterReminder, 1);
  const char *case_code = NULL;

  if (stay_id != 0 || person_id != 0)
    {
      if (stay_id != 0 && !resolve (ctx, stay_id, &person_id, &case_code))
        case_code = NULL;
      else if (stay_id == 0)
        resolve (ctx, 0, &person_id, &case_code);
    }
  reminder->kind = g_strdup (kind);
  reminder->urgency = urgency_of (ctx, since);
  reminder->person_id = person_id;
  reminder->stay_id = stay_id;
  reminder->case_code = g_strdup (case_code);
  reminder->title = g_strdup (shelter_enum_label (&shelter_reminder_kind, kind));
  reminder->reason = reason;
  reminder->since = g_strdup (since);
  reminder->role = g_strdup (role);
  reminder->assignee = g_strdup (assignee);
  reminder->action = g_strdup (action);
  reminder->page = g_strdup (page);
  reminder->key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", kind, stay_id, since);
  reminder->urgent = (g_str_equal (kind, "health_check_arrival") &&
                      reminder->urgency == SHELTER_REMINDER_OVERDUE) ||
                     g_str_equal (kind, "absence_overdue") ||
                     g_str_equal (kind, "capacity_high") ||
                     g_str_equal (kind, "backup_failed");
  g_ptr_array_add (ctx->out, reminder);
  return reminder;
}

static char *
fmt (const char *iso)
{
  return shelter_text_format_date (iso);
}

/* ---- The sources ------------------------------------------------------------------------ */

static gboolean
source_case_files (Ctx     *ctx,
                   GArray  *open,
                   GError **error)
{
  for (guint i = 0; i < open->len; i++)
    {
      ShelterCapacityStayRow *row = &g_array_index (open, ShelterCapacityStayRow, i);
      g_autoptr (ShelterCaseFile) file = NULL;
      g_autofree char *deadline = NULL;
      char soon[11];

      if (!wanted (ctx, row->stay_id))
        continue;
      /* Ten working days are at least ten days: a stay admitted in the last few days can
       * not be due within the week, whatever the holidays. */
      day_add (ctx->on, SOON_DAYS, soon);
      file = shelter_case_file_get (ctx->at, row->stay_id, error);
      if (file == NULL)
        return FALSE;
      if (file->n_missing == 0 || strcmp (file->deadline, soon) > 0)
        continue;
      if (!shelter_case_file_is_overdue (file, ctx->on) && strcmp (file->deadline, ctx->on) < 0)
        continue;
      deadline = fmt (file->deadline);
      add (ctx, "case_file_incomplete", row->stay_id, row->person_id, file->deadline,
           "caseworker", NULL,
           g_strdup_printf (ngettext ("%u document missing; due %s (%u working days from "
                                      "reception)",
                                      "%u documents missing; due %s (%u working days from "
                                      "reception)", file->n_missing),
                            file->n_missing, deadline, file->working_days),
           _("Mark the documents received on the Case File tab"), "case-file");
    }
  return TRUE;
}

static gboolean
source_health_checks (Ctx     *ctx,
                      GError **error)
{
  g_autoptr (GArray) flags = NULL;

  flags = ctx->stay_id != 0
          ? shelter_services_health_check_flags_for_stay (ctx->at, ctx->stay_id, error)
          : shelter_services_health_check_flags (ctx->at, error);
  if (flags == NULL)
    return FALSE;
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterHealthCheckFlag *flag = &g_array_index (flags, ShelterHealthCheckFlag, i);
      g_autofree char *when = fmt (flag->since);
      char since[11];

      if (!wanted (ctx, flag->stay_id))
        continue;
      if (flag->kind == SHELTER_HEALTH_CHECK_ARRIVAL)
        {
          int hours = shelter_settings_get_int (ctx->db,
                                                SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS, 24);
          g_autoptr (GDateTime) admitted = g_date_time_new_from_iso8601 (flag->since, NULL);
          g_autoptr (GDateTime) due = NULL;
          g_autofree char *due_day = NULL;
          ShelterReminder *reminder;

          if (hours < 1 || hours > 168)
            hours = 24;
          if (admitted == NULL)
            continue;
          due = g_date_time_add_hours (admitted, hours);
          due_day = g_date_time_format (due, "%Y-%m-%d");
          g_strlcpy (since, due_day, sizeof since);
          reminder = add (ctx, "health_check_arrival", flag->stay_id, flag->person_id, since, "medical",
               NULL,
               g_strdup_printf (ngettext ("Admitted %s; no health check within %d hour",
                                          "Admitted %s; no health check within %d hours",
                                          hours), when, hours),
               _("Record the health check on the Services tab"), "services");
          /* Flagged once the hours have passed: late from the moment it shows. */
          reminder->urgency = SHELTER_REMINDER_OVERDUE;
          reminder->urgent = TRUE;
        }
      else
        {
          GDate last;

          g_date_clear (&last, 1);
          if (!shelter_text_parse_date (flag->since, &last))
            continue;
          g_date_add_months (&last, 6);
          g_date_strftime (since, sizeof since, "%Y-%m-%d", &last);
          if (strcmp (since, ctx->on) > 0)
            g_strlcpy (since, ctx->on, sizeof since);
          add (ctx, "health_check_periodic", flag->stay_id, flag->person_id, since, "medical",
               NULL, g_strdup_printf (_("Last health check (or admission) %s"), when),
               _("Record the health check on the Services tab"), "services");
        }
    }
  return TRUE;
}

static gboolean
source_counselling (Ctx        *ctx,
                    GHashTable *open_stays,
                    GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  char soon[11];

  /* The newest psychological session of each open stay says when the next is planned;
   * one recorded since answers it. Read from the store: only the dates and who are
   * needed, and going through shelter_services_list() would record a view of every
   * confidential note. */
  day_add (ctx->on, SOON_DAYS, soon);
  rows = shelter_service_store_newest_of_open_stays (ctx->db, "psychological", ctx->on,
                                                     ctx->stay_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)   /* newest first */
    {
      ShelterServiceRow *row = g_ptr_array_index (rows, i);
      gint64 stay_id = row->stay_id;
      const char *next_on = row->next_on;
      g_autofree char *done = NULL;
      g_autofree char *next = NULL;

      if (!g_hash_table_contains (open_stays, &stay_id) || next_on == NULL ||
          *next_on == '\0' || strcmp (next_on, soon) > 0)
        continue;
      done = fmt (row->done_on);
      next = fmt (next_on);
      add (ctx, "counselling_planned", stay_id, row->person_id, next_on, "counsellor",
           row->staff_user,
           g_strdup_printf (_("Last session %s; next planned %s"), done, next),
           _("Record the session on the Services tab"), "services");
    }
  return TRUE;
}

static gboolean
source_plans (Ctx     *ctx,
              GArray  *open,
              GError **error)
{
  g_autoptr (GArray) due = NULL;

  for (guint i = 0; i < open->len; i++)
    {
      ShelterCapacityStayRow *row = &g_array_index (open, ShelterCapacityStayRow, i);
      g_autoptr (ShelterPlanRow) plan = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *drafted = NULL;
      char since[11];

      if (!wanted (ctx, row->stay_id))
        continue;
      plan = shelter_plan_store_latest (ctx->db, row->stay_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (plan == NULL || g_strcmp0 (plan->status, "draft") != 0 || plan->drafted_at == NULL)
        continue;
      g_strlcpy (since, plan->drafted_at, sizeof since);
      if (strcmp (since, ctx->on) > 0)
        continue;
      drafted = fmt (since);
      add (ctx, "plan_to_approve", row->stay_id, row->person_id, since, "manager", NULL,
           g_strdup_printf (_("Drafted %s; waiting for a manager’s approval"), drafted),
           _("Approve the plan on the Plan tab"), "plan");
    }

  if ((due = shelter_support_plan_reviews_due (ctx->at, ctx->stay_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < due->len; i++)
    {
      ShelterPlanReviewDueRow *row = &g_array_index (due, ShelterPlanReviewDueRow, i);
      g_autofree char *when = NULL;

      if (!wanted (ctx, row->stay_id))
        continue;
      when = fmt (row->review_on);
      add (ctx, "plan_review", row->stay_id, row->person_id, row->review_on, "caseworker", NULL,
           g_strdup_printf (_("Review date %s"), when),
           _("Record the review on the Plan tab"), "plan");
    }
  return TRUE;
}

static gboolean
source_placement (Ctx     *ctx,
                  GArray  *open,
                  GError **error)
{
  g_autoptr (GPtrArray) flags = ctx->stay_id != 0
                                ? shelter_placement_flags_for_stay (ctx->at, ctx->stay_id, error)
                                : shelter_placement_flags (ctx->at, error);

  if (flags == NULL)
    return FALSE;
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterPlacementFlag *flag = g_ptr_array_index (flags, i);
      g_autofree char *when = NULL;

      if (!wanted (ctx, flag->stay_id))
        continue;
      if (g_str_equal (flag->kind, "limit_near"))
        {
          int left = days_from_on (ctx, flag->limit_on);

          if (left > STAY_LIMIT_NEAR_DAYS)
            continue;
          when = fmt (flag->limit_on);
          add (ctx, "stay_limit_near", flag->stay_id, flag->person_id, flag->limit_on,
               "manager", NULL,
               g_strdup_printf (ngettext ("Stay limit reached %s, in %d day",
                                          "Stay limit reached %s, in %d days", left),
                                when, left),
               _("Plan the discharge or decide an extension on the Stay tab"), "stay");
        }
      else if (g_str_equal (flag->kind, "limit_passed"))
        {
          char since[11];
          gboolean extended = FALSE;

          /* The limit is passed on the day it is reached (the placement flags it from that
           * day), an extension the day after its last day. */
          for (guint k = 0; k < open->len; k++)
            if (g_array_index (open, ShelterCapacityStayRow, k).stay_id == flag->stay_id)
              extended = g_str_equal (g_array_index (open, ShelterCapacityStayRow, k).extended_to,
                                      flag->limit_on);
          day_add (flag->limit_on, extended ? 1 : 0, since);
          when = fmt (flag->limit_on);
          add (ctx, "stay_limit_past", flag->stay_id, flag->person_id, since, "manager", NULL,
               g_strdup_printf (_("Stay limit reached %s without a manager’s decision"), when),
               _("Discharge or record an extension on the Stay tab"), "stay");
        }
      else if (g_str_equal (flag->kind, "age_group"))
        {
          add (ctx, "outgrown_room", flag->stay_id, flag->person_id, ctx->on, "caseworker", NULL,
               g_strdup (_("The resident’s age no longer fits the room’s age group")),
               _("Move the resident to a suitable room on the Stay tab"), "stay");
        }
    }
  return TRUE;
}

static gboolean
source_meals (Ctx     *ctx,
              GArray  *open,
              GError **error)
{
  for (guint i = 0; i < open->len; i++)
    {
      ShelterCapacityStayRow *row = &g_array_index (open, ShelterCapacityStayRow, i);
      g_autoptr (ShelterMealDays) days = NULL;
      char since[11];
      int stayed, limit;

      if (!wanted (ctx, row->stay_id))
        continue;
      /* Meal days are at most the days stayed: a stay shorter than the limit less a week
       * cannot be running out. The limit is the one in force on its admission day. */
      stayed = -days_from_on (ctx, row->admitted_on) + 1;
      limit = shelter_stay_limit_store_days (ctx->db, "funded_meals", row->admitted_on, NULL);
      if (limit <= 0 || stayed + SOON_DAYS < limit)
        continue;
      days = shelter_meal_days_count (ctx->at, row->stay_id, error);
      if (days == NULL)
        return FALSE;
      if (days->limit_days == 0)
        continue;
      if (days->beyond_days > 0)
        {
          const char *first = NULL;

          for (guint p = 0; p < days->periods->len; p++)
            {
              ShelterMealPeriod *period = g_ptr_array_index (days->periods, p);

              if (!period->funded)
                {
                  first = period->first_day;
                  break;
                }
            }
          if (first == NULL)
            continue;
          g_strlcpy (since, first, sizeof since);
          add (ctx, "meal_days_ending", row->stay_id, row->person_id, since, "manager", NULL,
               g_strdup_printf (_("%u of %u funded meal days used; %u days beyond"),
                                days->funded_days, days->limit_days, days->beyond_days),
               _("Decide how the meals are paid on the Meals tab"), "meals");
        }
      else if (days->days + SOON_DAYS >= days->limit_days)
        {
          guint left = days->limit_days - days->days;

          /* The first day past the funded days, if the resident stays on. */
          day_add (ctx->on, (int) left + 1, since);
          add (ctx, "meal_days_ending", row->stay_id, row->person_id, since, "manager", NULL,
               g_strdup_printf (_("%u of %u funded meal days used"), days->days,
                                days->limit_days),
               _("Decide how the meals are paid on the Meals tab"), "meals");
        }
    }
  return TRUE;
}

static gboolean
source_absences (Ctx     *ctx,
                 GError **error)
{
  g_autoptr (GArray) stays = shelter_absences_overdue (ctx->at, error);

  if (stays == NULL)
    return FALSE;
  for (guint i = 0; i < stays->len; i++)
    {
      gint64 stay_id = g_array_index (stays, gint64, i);
      g_autoptr (ShelterAbsence) absence = NULL;
      g_autofree char *when = NULL;
      char since[11];

      if (!wanted (ctx, stay_id))
        continue;
      if ((absence = shelter_absence_get_open (ctx->at, stay_id, error)) == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      day_add (absence->planned_return_on, 1, since);
      when = fmt (absence->planned_return_on);
      add (ctx, "absence_overdue", stay_id, 0, since, "caseworker", NULL,
           g_strdup_printf (_("Away (%s); planned return %s"),
                            shelter_enum_label (&shelter_enum_absence_kind, absence->kind),
                            when),
           _("Record the return on the Stay tab, or find out where the resident is"), "stay");
    }
  return TRUE;
}

static gboolean
source_family (Ctx     *ctx,
               GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (ctx->stay_id != 0)
    {
      ShelterNoContactRow *row = shelter_family_no_contact_for_stay (ctx->at, ctx->stay_id, error);

      if (row == NULL && error != NULL && *error != NULL)
        return FALSE;
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_no_contact_row_free);
      if (row != NULL)
        g_ptr_array_add (rows, row);
    }
  else if ((rows = shelter_family_no_contact (ctx->at, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterNoContactRow *row = g_ptr_array_index (rows, i);
      const char *from = row->last_reached_on != NULL ? row->last_reached_on : row->admitted_on;
      g_autofree char *when = fmt (from);
      char since[11];

      day_add (from, SHELTER_FAMILY_NO_CONTACT_DAYS + 1, since);
      if (strcmp (since, ctx->on) > 0)
        g_strlcpy (since, ctx->on, sizeof since);
      add (ctx, "no_family_contact", row->stay_id, row->person_id, since, "caseworker", NULL,
           row->last_reached_on != NULL
           ? g_strdup_printf (_("Family last reached %s"), when)
           : g_strdup_printf (_("Admitted %s; family never reached"), when),
           _("Record a contact with the family on the Family tab"), "family");
    }
  return TRUE;
}

static gboolean
source_referrals (Ctx     *ctx,
                  GError **error)
{
  g_autoptr (GPtrArray) rows = shelter_referrals_overdue (ctx->at, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterReferralRow *row = g_ptr_array_index (rows, i);
      g_autofree char *answer_due = NULL;
      g_autofree char *result_due = NULL;
      g_autofree char *sent = NULL;
      g_autofree char *when = NULL;
      g_autofree char *number = NULL;
      ShelterReferralOverdue state;
      char since[11];

      if (!wanted (ctx, row->stay_id) || (ctx->stay_id != 0 && row->stay_id == 0))
        continue;
      state = shelter_referrals_overdue_state (ctx->at, row, error);
      if (error != NULL && *error != NULL)
        return FALSE;
      if (!shelter_referrals_deadlines (ctx->at, row, &answer_due, &result_due, error))
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      sent = fmt (row->sent_on);
      /* The letter's number as printed on it. */
      number = g_strdup_printf ("%" G_GINT64_FORMAT "/GCT", row->id);
      if (state == SHELTER_REFERRAL_ANSWER_OVERDUE)
        {
          day_add (answer_due, 1, since);
          when = fmt (answer_due);
          add (ctx, "referral_answer", row->stay_id, 0, since, "caseworker", NULL,
               g_strdup_printf (_("Referral letter %s sent %s; answer due %s"),
                                number, sent, when),
               _("Record the partner’s answer in Referrals"), "referrals");
        }
      else if (state == SHELTER_REFERRAL_RESULT_OVERDUE)
        {
          day_add (result_due, 1, since);
          when = fmt (result_due);
          add (ctx, "referral_result", row->stay_id, 0, since, "caseworker", NULL,
               g_strdup_printf (_("Referral letter %s sent %s; first result due %s"),
                                number, sent, when),
               _("Record the first result in Referrals"), "referrals");
        }
    }
  return TRUE;
}

static gboolean
source_follow_ups (Ctx     *ctx,
                   GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  char until[11];

  day_add (ctx->on, SOON_DAYS, until);
  if ((rows = shelter_follow_up_list_due (ctx->at, until, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterFollowUpRow *row = g_ptr_array_index (rows, i);
      g_autofree char *discharged = NULL;
      g_autofree char *due = NULL;
      ShelterReminder *reminder;

      if (!wanted (ctx, row->stay_id))
        continue;
      discharged = fmt (row->discharged_on);
      due = fmt (row->due_on);
      reminder = add (ctx, "follow_up_due", row->stay_id, row->person_id, row->due_on,
                      "caseworker", row->assigned_to,
                      g_strdup_printf (_("Discharged %s; follow-up (%s) due %s"), discharged,
                                       shelter_enum_label (&shelter_follow_up_method,
                                                           row->method), due),
                      _("Record the follow-up in the Follow-up section"), "follow-up");
      /* Someone found at risk or sold again at the last follow-up cannot wait. */
      if (reminder->urgency == SHELTER_REMINDER_OVERDUE)
        {
          g_autoptr (GPtrArray) history = shelter_follow_up_list_for_stay (ctx->at, row->stay_id,
                                                                           NULL);
          const char *last = NULL;

          for (guint j = 0; history != NULL && j < history->len; j++)
            {
              ShelterFollowUpRow *done = g_ptr_array_index (history, j);

              if (g_strcmp0 (done->status, "done") == 0 && done->situation != NULL)
                last = done->situation;
            }
          reminder->urgent = g_strcmp0 (last, "at_risk") == 0 ||
                             g_strcmp0 (last, "re_trafficked") == 0;
        }
    }
  return TRUE;
}

static gboolean
source_consent (Ctx     *ctx,
                GArray  *open,
                GError **error)
{
  for (guint i = 0; i < open->len; i++)
    {
      ShelterCapacityStayRow *row = &g_array_index (open, ShelterCapacityStayRow, i);
      g_autoptr (ShelterIntake) intake = NULL;
      g_autoptr (GError) local_error = NULL;
      const char *ask_on;
      g_autofree char *when = NULL;

      if (!wanted (ctx, row->stay_id))
        continue;
      intake = shelter_intake_store_get (ctx->db, row->stay_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (intake == NULL ||
          g_strcmp0 (shelter_intake_get_consent_status (intake), "not_now") != 0)
        continue;
      ask_on = shelter_intake_get_consent_ask_again_on (intake);
      if (ask_on == NULL || strcmp (ask_on, ctx->on) > 0)
        continue;
      when = fmt (ask_on);
      add (ctx, "consent_ask_again", row->stay_id, row->person_id, ask_on, "caseworker", NULL,
           g_strdup_printf (_("Consent not given at reception; ask again from %s"), when),
           _("Ask for consent and record it on the Overview tab"), "overview");
    }
  return TRUE;
}

static gboolean
source_safety (Ctx     *ctx,
               GError **error)
{
  g_autoptr (GPtrArray) rows = shelter_safety_reviews_due (ctx->at, ctx->stay_id, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (rows, i);
      g_autofree char *assessed = NULL;
      g_autofree char *review = NULL;

      if (!wanted (ctx, row->stay_id))
        continue;
      assessed = fmt (row->assessed_on);
      review = fmt (row->review_on);
      add (ctx, "safety_review", row->stay_id, row->person_id, row->review_on, "caseworker", NULL,
           g_strdup_printf (_("Risk %s assessed %s; review due %s"),
                            shelter_enum_label (&shelter_enum_risk_level, row->level), assessed,
                            review),
           _("Assess the risk again on the Safety tab"), "safety");
    }
  return TRUE;
}

static gboolean
source_capacity (Ctx     *ctx,
                 GError **error)
{
  g_autofree ShelterCapacityForecast *forecast = shelter_capacity_forecast (ctx->at,
                                                                             CAPACITY_WEEKS,
                                                                             error);

  if (forecast == NULL)
    return FALSE;
  for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[s];
      ShelterReminder *reminder;
      char since[11];
      guint week = 0;
      double peak = 0;

      if (segment->beds == 0 || !shelter_capacity_segment_alert (forecast, s))
        continue;
      for (guint k = 0; k < forecast->weeks; k++)
        {
          if (week == 0 && segment->expected[k] > 0.9 * segment->beds)
            week = k + 1;
          peak = MAX (peak, segment->expected[k]);
        }
      if (week == 0)
        continue;
      day_add (ctx->on, 7 * (int) week, since);
      reminder = add (ctx, "capacity_high", 0, 0, since, "manager", NULL,
                      g_strdup_printf (_("%s: %.0f of %u beds expected within %u weeks (%u "
                                         "occupied now)"),
                                       shelter_capacity_segment_label (s), peak, segment->beds,
                                       week, segment->occupied),
                      _("Plan beds in the Planning section"), "planning");
      /* Several segments can pass on the same day: the key names the segment. */
      g_free (reminder->key);
      reminder->key = g_strdup_printf ("capacity_high:0:%s:%s", since,
                                       shelter_capacity_segment_code (s));
    }
  return TRUE;
}

/* The deadlines of a report_due_days value, as month and day; NULL and a field error when
 * it is not a list of real days "MM-DD" separated by commas, each once. */
GArray *
shelter_reminders_parse_report_due_days (const char  *value,
                                         GError     **error)
{
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto (GStrv) parts = NULL;

  if (value == NULL || *value == '\0')
    return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                _("Report deadlines: enter at least one day as MM-DD.")), NULL;
  parts = g_strsplit (value, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      guint month, day, code;

      if (strlen (part) != 5 || part[2] != '-' || !g_ascii_isdigit (part[0]) ||
          !g_ascii_isdigit (part[1]) || !g_ascii_isdigit (part[3]) ||
          !g_ascii_isdigit (part[4]))
        return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                    _("Report deadlines: write each day as MM-DD, such as "
                                      "06-15, separated by commas.")), NULL;
      month = (guint) g_ascii_strtoull (part, NULL, 10);
      day = (guint) g_ascii_strtoull (part + 3, NULL, 10);
      /* Any year that is not a leap year: 29 February would be missing three years in four. */
      if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, 2027))
        return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                    _("Report deadlines: %s is not a day of the year."),
                                    part), NULL;
      code = month * 100 + day;
      for (guint j = 0; j < days->len; j++)
        if (g_array_index (days, guint, j) == code)
          return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                      _("Report deadlines: %s is given twice."), part), NULL;
      g_array_append_val (days, code);
    }
  return g_steal_pointer (&days);
}

gboolean
shelter_reminders_set_report_due_days (ShelterSession  *session,
                                       const char      *value,
                                       GError         **error)
{
  g_autoptr (GArray) days = NULL;
  g_autoptr (GString) clean = g_string_new (NULL);
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_EDIT_SETTINGS, error) ||
      (days = shelter_reminders_parse_report_due_days (value, error)) == NULL)
    return FALSE;
  parts = g_strsplit (value, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_string_append_printf (clean, "%s%s", i > 0 ? "," : "", g_strstrip (parts[i]));
  return shelter_settings_set (session, SHELTER_SETTING_REPORT_DUE_DAYS, clean->str, error);
}

static gboolean
source_reports (Ctx     *ctx,
                GError **error)
{
  g_autofree char *value = shelter_settings_get (ctx->db, SHELTER_SETTING_REPORT_DUE_DAYS,
                                                 REPORT_DUE_DEFAULT);
  g_autoptr (GArray) days = shelter_reminders_parse_report_due_days (value, NULL);
  int year = g_date_get_year (&ctx->on_date);

  if (days == NULL)   /* a value written some other way: the default */
    days = shelter_reminders_parse_report_due_days (REPORT_DUE_DEFAULT, NULL);
  for (guint i = 0; i < days->len; i++)
    for (int y = year; y <= year + 1; y++)
      {
        guint code = g_array_index (days, guint, i);
        g_autofree char *when = NULL;
        const char *what;
        char due[11];
        int left;

        if (!g_date_valid_dmy ((GDateDay) (code % 100), (GDateMonth) (code / 100), (GDateYear) y))
          continue;
        g_snprintf (due, sizeof due, "%04d-%02u-%02u", y, code / 100, code % 100);
        left = days_from_on (ctx, due);
        if (left < 0 || left > REPORT_DUE_AHEAD_DAYS)
          continue;
        when = fmt (due);
        /* The default deadlines: each quarter, the six-month report on 15/6, the year's on
         * 15/12. */
        if (code == 1215)
          what = _("annual and quarterly reports");
        else if (code == 615)
          what = _("six-month and quarterly reports");
        else
          what = _("periodic report");
        add (ctx, "report_due", 0, 0, due, "manager", NULL,
             g_strdup_printf (_("Deadline %s: %s"), when, what),
             _("Prepare and send the report"), "reports");
      }
  return TRUE;
}

static gboolean
source_backups (Ctx     *ctx,
                GError **error)
{
  g_autofree char *at = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok = FALSE;
  char day[11];

  if (!shelter_backup_last_run (ctx->at, &at, &ok, &message, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;   /* none ever made: the automatic backup makes one at start */
    }
  g_strlcpy (day, at, sizeof day);
  if (strcmp (day, ctx->on) > 0)
    return TRUE;
  if (!ok)
    {
      g_autofree char *when = fmt (day);

      add (ctx, "backup_failed", 0, 0, day, "administrator", NULL,
           g_strdup_printf (_("The last backup, %s, failed"), when),
           _("Make a backup in the Backups section and check the backup folder"), "backups");
    }
  else if (-days_from_on (ctx, day) > BACKUP_OLD_DAYS)
    {
      g_autofree char *when = fmt (day);
      char since[11];

      day_add (day, BACKUP_OLD_DAYS + 1, since);
      add (ctx, "backup_old", 0, 0, since, "administrator", NULL,
           g_strdup_printf (_("The newest backup was made %s"), when),
           _("Make a backup in the Backups section"), "backups");
    }
  return TRUE;
}

/* ---- Gathering -------------------------------------------------------------------------- */

static int
compare (gconstpointer a,
         gconstpointer b)
{
  const ShelterReminder *x = *(ShelterReminder * const *) a;
  const ShelterReminder *y = *(ShelterReminder * const *) b;
  int c;

  if (x->urgency != y->urgency)
    return x->urgency < y->urgency ? -1 : 1;
  if ((c = g_strcmp0 (x->since, y->since)) != 0)
    return c;
  /* The centre's own after the residents'. */
  if ((x->case_code == NULL) != (y->case_code == NULL))
    return x->case_code == NULL ? 1 : -1;
  if ((c = g_strcmp0 (x->case_code, y->case_code)) != 0)
    return c;
  return g_strcmp0 (x->key, y->key);
}

static gboolean
role_sees (const char *filter,
           const char *role)
{
  return filter == NULL || g_str_equal (filter, "manager") || g_str_equal (filter, role);
}

static GPtrArray *
gather (ShelterSession  *session,
        gint64           stay_id,
        const char      *on,
        const char      *role,
        GError         **error)
{
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_reminder_free);
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GArray) open = NULL;
  g_autoptr (GHashTable) open_stays = NULL;
  g_autoptr (GHashTable) persons = NULL;
  g_autoptr (GHashTable) stays = NULL;
  g_autoptr (ShelterSession) at = NULL;
  g_autofree char *today = NULL;
  g_autofree char *now_iso = NULL;
  ShelterDb *db;
  Ctx ctx = { 0 };
  gboolean residents, ok = TRUE;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (role != NULL && !shelter_enum_is_valid (&shelter_enum_role, role))
    return shelter_field_error (error, SHELTER_FIELD_ROLE,
                                _("Role: choose one of the staff roles.")), NULL;
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  if (on != NULL && !shelter_text_is_iso_date (on))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("Date: enter a date as YYYY-MM-DD, such as 2026-11-22."));
      return NULL;
    }
  if (on == NULL)
    on = today;

  db = shelter_session_get_db (session);
  /* The modules judge by the session's clock: ask them on a session of the same user whose
   * clock reads @on at this time of day. */
  if (g_str_equal (on, today))
    at = g_object_ref (session);
  else
    {
      g_autoptr (GDateTime) fixed = NULL;
      g_autoptr (GTimeZone) zone = g_time_zone_new_offset (7 * 3600);
      GDate day;

      g_date_clear (&day, 1);
      shelter_text_parse_date (on, &day);
      fixed = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), g_date_time_get_hour (now),
                               g_date_time_get_minute (now), g_date_time_get_seconds (now));
      at = shelter_session_get_user (session) != NULL
           ? shelter_session_new_for_user (db, shelter_session_get_user (session))
           : shelter_session_new_for_operator (db);
      shelter_session_set_clock (at, fixed);
    }

  persons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  stays = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ctx.session = session;
  ctx.at = at;
  ctx.db = db;
  g_strlcpy (ctx.on, on, sizeof ctx.on);
  g_date_clear (&ctx.on_date, 1);
  shelter_text_parse_date (on, &ctx.on_date);
  ctx.stay_id = stay_id;
  ctx.out = out;
  ctx.persons = persons;
  ctx.stays = stays;

  residents = shelter_session_may (session, SHELTER_PERMISSION_VIEW_RESIDENTS);
  if (residents)
    {
      now_iso = g_strdup_printf ("%sT23:59:59+07:00", on);
      /* The stays open at the end of the day, each with its person: the walk of the
       * sources that go stay by stay. */
      open = stay_id != 0 ? shelter_capacity_store_stay_at (db, now_iso, stay_id, error)
                          : shelter_capacity_store_stays_at (db, now_iso, error);
      if (open == NULL)
        return NULL;
      open_stays = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < open->len; i++)
        {
          ShelterCapacityStayRow *row = &g_array_index (open, ShelterCapacityStayRow, i);
          gint64 *key = g_new (gint64, 1), *key2 = g_new (gint64, 1), *value = g_new (gint64, 1);

          *key = *key2 = row->stay_id;
          *value = row->person_id;
          g_hash_table_add (open_stays, key);
          g_hash_table_insert (stays, key2, value);
        }
      ok = source_case_files (&ctx, open, error) &&
           source_health_checks (&ctx, error) &&
           source_counselling (&ctx, open_stays, error) &&
           source_plans (&ctx, open, error) &&
           source_placement (&ctx, open, error) &&
           source_meals (&ctx, open, error) &&
           source_absences (&ctx, error) &&
           source_family (&ctx, error) &&
           source_referrals (&ctx, error) &&
           source_follow_ups (&ctx, error) &&
           source_consent (&ctx, open, error) &&
           source_safety (&ctx, error);
    }
  if (ok && stay_id == 0)
    {
      if (shelter_session_may (session, SHELTER_PERMISSION_VIEW_ROOMS))
        ok = source_capacity (&ctx, error);
      if (ok && residents && shelter_session_may (session, SHELTER_PERMISSION_EDIT_CENTRE))
        ok = source_reports (&ctx, error);
      if (ok && shelter_session_may (session, SHELTER_PERMISSION_BACKUP))
        ok = source_backups (&ctx, error);
    }
  if (!ok)
    return NULL;

  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_reminder_free);
  for (guint i = 0; i < out->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (out, i);

      if (role_sees (role, reminder->role))
        g_ptr_array_add (kept, g_steal_pointer (&out->pdata[i]));
    }
  for (guint i = 0; i < kept->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (kept, i);
      g_autofree char *print =
        g_strdup_printf ("%s\n%d\n%d\n%s\n%s\n%s\n%s", reminder->kind, reminder->urgency,
                         reminder->urgent, reminder->title, reminder->reason,
                         reminder->assignee != NULL ? reminder->assignee : "", reminder->action);

      /* What the reminder says, not where it sits: a notice is sent again when it changes. */
      reminder->fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, print, -1);
      reminder->fingerprint[16] = '\0';
    }
  g_ptr_array_sort (kept, compare);
  return g_steal_pointer (&kept);
}

GPtrArray *
shelter_reminders_for (ShelterSession  *session,
                       const char      *on,
                       const char      *role,
                       GError         **error)
{
  return gather (session, 0, on, role, error);
}

GPtrArray *
shelter_reminders_for_stay (ShelterSession  *session,
                            gint64           stay_id,
                            const char      *on,
                            GError         **error)
{
  g_return_val_if_fail (stay_id > 0, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return gather (session, stay_id, on, NULL, error);
}

static const char *
urgency_code (ShelterReminderUrgency urgency)
{
  switch (urgency)
    {
    case SHELTER_REMINDER_OVERDUE:
      return "overdue";
    case SHELTER_REMINDER_TODAY:
      return "today";
    case SHELTER_REMINDER_SOON:
    default:
      return "soon";
    }
}

char *
shelter_reminder_to_line (ShelterReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, NULL);

  return g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", urgency_code (reminder->urgency),
                          reminder->kind,
                          reminder->case_code != NULL ? reminder->case_code : "-",
                          reminder->since, reminder->role, reminder->title, reminder->reason,
                          reminder->action);
}

/* Gathering away from the main thread */

typedef struct
{
  char        *path;
  ShelterUser *user;          /* a copy of the session's account, NULL for the operator */
  GDateTime   *now;           /* the session's clock when asked */
  char        *on;
  char        *role;
  gboolean     reopen_failed; /* set by the worker: gather on the calling thread instead */
  gint64       started;       /* monotonic, for the debug log */
} RemindersJob;

static void
reminders_job_free (gpointer data)
{
  RemindersJob *job = data;

  g_free (job->path);
  g_clear_object (&job->user);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_free (job->on);
  g_free (job->role);
  g_free (job);
}

/* The worker's own copy: the session's may change on the main thread meanwhile. */
static ShelterUser *
reminders_user_copy (ShelterUser *user)
{
  ShelterUser *copy = shelter_user_new ();

  shelter_user_set_id (copy, shelter_user_get_id (user));
  shelter_user_set_username (copy, shelter_user_get_username (user));
  shelter_user_set_full_name (copy, shelter_user_get_full_name (user));
  shelter_user_set_role (copy, shelter_user_get_role (user));
  shelter_user_set_active (copy, shelter_user_get_active (user));
  shelter_user_set_version (copy, shelter_user_get_version (user));
  return copy;
}

/* Whether another connection can open the session's database: a file, not one in memory. */
static gboolean
reminders_db_reopenable (ShelterDb *db)
{
  const char *path = shelter_db_get_path (db);

  return path != NULL && *path != '\0' && strcmp (path, ":memory:") != 0 &&
         !g_str_has_prefix (path, "file:") && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The fallback: on the calling thread, on the session's own connection. */
static void
reminders_return_here (GTask      *task,
                       const char *on,
                       const char *role)
{
  ShelterSession *session = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  GPtrArray *reminders;

  if (g_task_return_error_if_cancelled (task))
    return;
  reminders = shelter_reminders_for (session, on, role, &error);
  if (reminders == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reminders, (GDestroyNotify) g_ptr_array_unref);
}

static void
reminders_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RemindersJob *job = task_data;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *reminders;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* The session's own connection checked the file when it was opened. */
  db = shelter_db_open (job->path, SHELTER_DB_OPEN_READ_ONLY | SHELTER_DB_OPEN_CHECKED, &error);
  if (db == NULL)
    {
      job->reopen_failed = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  session = job->user != NULL ? shelter_session_new_for_user (db, job->user)
                              : shelter_session_new_for_operator (db);
  shelter_session_set_clock (session, job->now);
  reminders = shelter_reminders_for (session, job->on, job->role, &error);
  if (reminders == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reminders, (GDestroyNotify) g_ptr_array_unref);
}

/* Back on the calling thread: hands what the worker found to the caller's task. */
static void
reminders_worker_done (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GTask *worker = G_TASK (result);
  RemindersJob *job = g_task_get_task_data (worker);
  g_autoptr (GError) error = NULL;
  GPtrArray *reminders;

  reminders = g_task_propagate_pointer (worker, &error);
  if (reminders != NULL)
    {
      g_debug ("%u reminders gathered in a worker thread in %.3f s", reminders->len,
               (g_get_monotonic_time () - job->started) / 1e6);
      g_task_return_pointer (task, reminders, (GDestroyNotify) g_ptr_array_unref);
    }
  /* Cancelled: the worker may still be running, job->reopen_failed is not to be read. */
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !job->reopen_failed)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_debug ("The database could not be opened a second time (%s): the reminders are "
               "gathered on the main connection", error->message);
      reminders_return_here (task, job->on, job->role);
    }
}

void
shelter_reminders_for_async (ShelterSession       *session,
                             const char           *on,
                             const char           *role,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  GTask *worker;
  ShelterDb *db;
  ShelterUser *user;
  RemindersJob *job;

  g_return_if_fail (SHELTER_IS_SESSION (session));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, shelter_reminders_for_async);
  g_task_set_name (task, "shelter_reminders_for_async");

  db = shelter_session_get_db (session);
  if (!reminders_db_reopenable (db))
    {
      /* Returned from an idle callback: never before this call returns. */
      reminders_return_here (task, on, role);
      return;
    }

  job = g_new0 (RemindersJob, 1);
  job->path = g_strdup (shelter_db_get_path (db));
  user = shelter_session_get_user (session);
  job->user = user != NULL ? reminders_user_copy (user) : NULL;
  /* A fixed clock (tests, the demo) as it is; the real one as it reads now. */
  job->now = shelter_session_now (session);
  job->on = g_strdup (on);
  job->role = g_strdup (role);
  job->started = g_get_monotonic_time ();

  worker = g_task_new (NULL, cancellable, reminders_worker_done, g_steal_pointer (&task));
  g_task_set_name (worker, "shelter_reminders_for_async worker");
  g_task_set_task_data (worker, job, reminders_job_free);
  /* A cancelled look is answered at once; the thread finishes on its own connection and
   * what it finds is dropped. */
  g_task_set_return_on_cancel (worker, TRUE);
  g_task_run_in_thread (worker, reminders_worker);
  g_object_unref (worker);
}

GPtrArray *
shelter_reminders_for_finish (ShelterSession  *session,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == shelter_reminders_for_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
