/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-audit.h"
#include "shelter-reception.h"
#include "shelter-support-plan.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */
#define TODAY "2026-11-22"
#define NOT_APPROVED "This plan has not been approved by a manager yet; only an approved " \
                     "plan can be put in progress."

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *counsellor;
  ShelterSession *admin;
  gint64          room;
  gint64          stay_id;
} Fixture;

static gint64
receive (Fixture    *fixture,
         const char *given,
         const char *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (person, "victim");
  shelter_person_set_nationality_status (person, "citizen");
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "person");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room, at, &error);
  g_assert_no_error (error);
  return shelter_stay_get_id (stay);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->counsellor = test_session_new (fixture->db, "counsellor");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  fixture->stay_id = receive (fixture, "Mai", "2026-11-01T10:00:00+07:00");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->counsellor);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static const ShelterNeedInput needs[] = {
  { "education", "high", "Chưa có nghề" },
  { "psychological", "medium", NULL },
  { "family", "none", NULL },
};

static const ShelterGoalInput goals[] = {
  { "education", "Hoàn thành khóa học may công nghiệp 3 tháng",
    "Học may tại Trường Trung cấp nghề tỉnh", "i", "canbo.lan", "2027-02-22" },
  { "psychological", "Ngủ ngon hơn, bớt lo âu", "Tư vấn tâm lý hằng tuần", "g", "tamly.minh",
    "2027-01-31" },
};

static gint64
assess (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_support_plan_assess (fixture->caseworker, fixture->stay_id, "2026-11-20",
                                           needs, G_N_ELEMENTS (needs), &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
draft (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  assess (fixture);
  id = shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, goals,
                                   G_N_ELEMENTS (goals), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ShelterPlanRow *
plan_of (Fixture *fixture,
         gint64   plan_id)
{
  g_autoptr (GError) error = NULL;
  ShelterPlanRow *row = shelter_plan_store_get (fixture->db, plan_id, &error);

  g_assert_no_error (error);
  return row;
}

static gint64
audit_count (Fixture    *fixture,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s' "
                                          "AND entity IN ('support_plan', 'needs_assessment')",
                                          action);

  return test_count (fixture->db, sql);
}

/* A manager approves: who and when are kept, with the review date 3 months on by default;
 * then the plan may be started. */
static void
test_approve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPlanRow) before = NULL;
  g_autoptr (ShelterPlanRow) after = NULL;
  g_autoptr (ShelterPlanRow) started = NULL;
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  gint64 plan_id = draft (fixture);

  before = plan_of (fixture, plan_id);
  g_assert_cmpstr (before->status, ==, "draft");
  g_assert_cmpstr (before->drafted_by, ==, "test.caseworker");
  g_assert_null (before->approved_by);

  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, before->version, NULL,
                                               &error));
  g_assert_no_error (error);
  after = plan_of (fixture, plan_id);
  g_assert_cmpstr (after->status, ==, "approved");
  g_assert_cmpstr (after->approved_by, ==, "test.manager");
  g_assert_cmpstr (after->approved_at, ==, "2026-11-22T09:00:00+07:00");
  g_assert_cmpstr (after->review_on, ==, "2027-02-22");

  g_assert_true (shelter_support_plan_start (fixture->caseworker, plan_id, after->version,
                                             &error));
  g_assert_no_error (error);
  started = plan_of (fixture, plan_id);
  g_assert_cmpstr (started->status, ==, "in_progress");

  file = shelter_support_plan_read (fixture->counsellor, fixture->stay_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->plan->status, ==, "in_progress");
  g_assert_cmpuint (file->goals->len, ==, 2);
  g_assert_cmpstr (((ShelterGoalRow *) file->goals->pdata[0])->goal, ==,
                   "Hoàn thành khóa học may công nghiệp 3 tháng");
  g_assert_cmpstr (shelter_support_plan_area_level (file->assessment, "education"), ==, "high");
  g_assert_cmpstr (shelter_support_plan_area_level (file->assessment, "health"), ==, "none");

  /* The audit log filtered by the resident's case code shows the plan's history. */
  {
    g_autoptr (ShelterAuditModel) model = shelter_audit_model_new (fixture->manager);
    ShelterAuditFilter by_person = { .person = (char *) "2026-0001" };
    g_autoptr (GHashTable) actions = g_hash_table_new (g_str_hash, g_str_equal);
    guint n;

    g_assert_true (shelter_audit_model_set_filter (model, &by_person, &error));
    g_assert_no_error (error);
    n = g_list_model_get_n_items (G_LIST_MODEL (model));
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (ShelterAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);

        g_hash_table_add (actions, (char *) g_intern_string (shelter_audit_entry_get_action (entry)));
      }
    g_assert_true (g_hash_table_contains (actions, "assess_needs"));
    g_assert_true (g_hash_table_contains (actions, "draft_plan"));
    g_assert_true (g_hash_table_contains (actions, "approve_plan"));
    g_assert_true (g_hash_table_contains (actions, "start_plan"));
  }
}

/* A caseworker may not approve; nor may anyone approve a plan without a goal. */
static void
test_approve_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPlanRow) row = NULL;
  gint64 plan_id = draft (fixture);
  gint64 empty_stay, empty_plan;

  g_assert_false (shelter_support_plan_approve (fixture->caseworker, plan_id, 1, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "Your account may not approve a support plan. Ask a "
                                       "manager or the administrator.");
  g_clear_error (&error);
  row = plan_of (fixture, plan_id);
  g_assert_cmpstr (row->status, ==, "draft");
  g_assert_null (row->approved_by);
  g_assert_cmpint (audit_count (fixture, "approve_plan"), ==, 0);

  /* A review date out of bounds is refused on its field. */
  g_assert_false (shelter_support_plan_approve (fixture->manager, plan_id, 1, TODAY, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PLAN_REVIEW_DATE);
  g_clear_error (&error);

  empty_stay = receive (fixture, "Hoa", "2026-11-02T10:00:00+07:00");
  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, empty_stay, TODAY, needs,
                                                G_N_ELEMENTS (needs), &error), >, 0);
  g_assert_no_error (error);
  empty_plan = shelter_support_plan_draft (fixture->caseworker, empty_stay, NULL, 0, NULL,
                                           &error);
  g_assert_no_error (error);
  g_assert_false (shelter_support_plan_approve (fixture->manager, empty_plan, 1, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
  g_assert_nonnull (strstr (error->message, "no goal"));
}

/* Only an approved plan can be put in progress: the reason is said. */
static void
test_start_before_approval (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPlanRow) row = NULL;
  gint64 plan_id = draft (fixture);

  g_assert_false (shelter_support_plan_start (fixture->caseworker, plan_id, 1, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
  g_assert_cmpstr (error->message, ==, NOT_APPROVED);
  g_clear_error (&error);
  /* Not even a manager skips the approval. */
  g_assert_false (shelter_support_plan_start (fixture->manager, plan_id, 1, &error));
  g_assert_cmpstr (error->message, ==, NOT_APPROVED);
  g_clear_error (&error);
  row = plan_of (fixture, plan_id);
  g_assert_cmpstr (row->status, ==, "draft");
  g_assert_null (row->started_at);
  g_assert_cmpint (audit_count (fixture, "start_plan"), ==, 0);
  /* Nor is a progress note written on a draft. */
  g_assert_cmpint (shelter_support_plan_add_note (fixture->medical, plan_id, 0, TODAY, "Khám",
                                                  &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
}

/* Two desks open the same draft; the second save is refused and changes nothing. */
static void
test_stale_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPlanRow) row = NULL;
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  gint64 plan_id = draft (fixture);
  ShelterGoalInput one[] = { goals[0] };

  g_assert_true (shelter_support_plan_edit (fixture->caseworker, plan_id, 1, one, 1,
                                            "2027-01-15", &error));
  g_assert_no_error (error);
  g_assert_false (shelter_support_plan_edit (fixture->manager, plan_id, 1, goals,
                                             G_N_ELEMENTS (goals), NULL, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_error (&error);
  g_assert_false (shelter_support_plan_approve (fixture->manager, plan_id, 1, NULL, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_error (&error);

  row = plan_of (fixture, plan_id);
  g_assert_cmpint (row->version, ==, 2);
  g_assert_cmpstr (row->review_on, ==, "2027-01-15");
  file = shelter_support_plan_read (fixture->caseworker, fixture->stay_id, &error);
  g_assert_cmpuint (file->goals->len, ==, 1);
  /* The goal taken out is kept, marked withdrawn. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM plan_goal WHERE "
                                            "withdrawn_at IS NOT NULL"), ==, 2);
  g_assert_cmpint (audit_count (fixture, "edit_plan"), ==, 1);

  /* An approved plan is no longer edited. */
  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, 2, NULL, &error));
  g_assert_false (shelter_support_plan_edit (fixture->caseworker, plan_id, 3, one, 1, NULL,
                                             &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
}

/* Assessments: a future day, no need at all, a day before the admission, a counsellor. */
static void
test_assessment_refusals (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const ShelterNeedInput nothing[] = { { "health", "none", NULL }, { "other", "none", NULL } };
  const ShelterNeedInput unknown[] = { { "money", "high", NULL } };

  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id,
                                                "2026-11-23", needs, G_N_ELEMENTS (needs),
                                                &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ASSESSMENT_DATE);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id, TODAY,
                                                nothing, G_N_ELEMENTS (nothing), &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ASSESSMENT_AREAS);
  g_clear_error (&error);
  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id, TODAY,
                                                NULL, 0, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ASSESSMENT_AREAS);
  g_clear_error (&error);
  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id, TODAY,
                                                unknown, 1, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ASSESSMENT_AREAS);
  g_clear_error (&error);

  /* Admitted on 01/11/2026. */
  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id,
                                                "2026-10-31", needs, G_N_ELEMENTS (needs),
                                                &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ASSESSMENT_DATE);
  g_assert_nonnull (strstr (error->message, "01/11/2026"));
  g_clear_error (&error);

  g_assert_cmpint (shelter_support_plan_assess (fixture->counsellor, fixture->stay_id, TODAY,
                                                needs, G_N_ELEMENTS (needs), &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM needs_assessment"), ==, 0);
  /* The day of the admission itself is fine; all eight areas are kept. */
  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id,
                                                "2026-11-01", needs, G_N_ELEMENTS (needs),
                                                &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM needs_assessment_area"), ==, 8);
}

/* Goals name an assessed area and a target date after today; a plan needs an assessment. */
static void
test_goal_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ShelterGoalInput bad[] = { goals[0], goals[1] };

  g_assert_cmpint (shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, goals,
                                               G_N_ELEMENTS (goals), NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
  g_clear_error (&error);
  assess (fixture);

  bad[1].area = "family"; /* assessed "none" */
  g_assert_cmpint (shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, bad, 2,
                                               NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PLAN_GOAL_AREA);
  g_assert_true (g_str_has_prefix (error->message, "Goal 2:"));
  g_clear_error (&error);

  bad[1] = goals[1];
  bad[1].target_on = TODAY;
  g_assert_cmpint (shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, bad, 2,
                                               NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PLAN_GOAL_TARGET);
  g_clear_error (&error);
  bad[1].target_on = "2030-01-01";
  g_assert_cmpint (shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, bad, 2,
                                               NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PLAN_GOAL_TARGET);
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM support_plan"), ==, 0);

  /* One open plan per stay. */
  draft (fixture);
  g_assert_cmpint (shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, goals,
                                               G_N_ELEMENTS (goals), NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PLAN_STATUS);
}

static GArray *
reviews_due_on (Fixture    *fixture,
                int         month,
                int         day)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) clock = g_date_time_new (vietnam, 2026, month, day, 8, 0, 0);
  g_autoptr (ShelterSession) session = test_session_new (fixture->db, "manager");
  g_autoptr (GError) error = NULL;
  GArray *due;

  shelter_session_set_clock (session, clock);
  due = shelter_support_plan_reviews_due (session, 0, &error);
  g_assert_no_error (error);
  return due;
}

/* The review is flagged on and after its date, not before; a review recorded clears it. */
static void
test_review_due (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GArray) on = NULL;
  g_autoptr (GArray) after = NULL;
  g_autoptr (GArray) reviewed = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  gint64 plan_id = draft (fixture);

  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, 1, "2026-12-10",
                                               &error));
  g_assert_no_error (error);

  before = reviews_due_on (fixture, 12, 9);
  g_assert_cmpuint (before->len, ==, 0);
  on = reviews_due_on (fixture, 12, 10);
  g_assert_cmpuint (on->len, ==, 1);
  after = reviews_due_on (fixture, 12, 11);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, ShelterPlanReviewDueRow, 0).stay_id, ==,
                   fixture->stay_id);
  g_assert_cmpint (g_array_index (after, ShelterPlanReviewDueRow, 0).plan_id, ==, plan_id);
  g_assert_cmpstr (g_array_index (after, ShelterPlanReviewDueRow, 0).review_on, ==,
                   "2026-12-10");
  /* Asked for its stay (a resident's page), the same review; for another stay, none. */
  {
    g_autoptr (GDateTime) on_11 = g_date_time_new (vietnam, 2026, 12, 11, 8, 0, 0);
    g_autoptr (ShelterSession) session = test_session_new (fixture->db, "manager");
    g_autoptr (GArray) own = NULL;
    g_autoptr (GArray) other = NULL;

    shelter_session_set_clock (session, on_11);
    own = shelter_support_plan_reviews_due (session, fixture->stay_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (own->len, ==, 1);
    other = shelter_support_plan_reviews_due (session, fixture->stay_id + 1000, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (other->len, ==, 0);
  }

  /* The caseworker reviews it on 11/12 and sets the next date. */
  later = g_date_time_new (vietnam, 2026, 12, 11, 9, 0, 0);
  shelter_session_set_clock (fixture->caseworker, later);
  g_assert_true (shelter_support_plan_review (fixture->caseworker, plan_id, 2, "2027-03-10",
                                              "Đang tiến triển tốt", &error));
  g_assert_no_error (error);
  reviewed = reviews_due_on (fixture, 12, 11);
  g_assert_cmpuint (reviewed->len, ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM plan_progress_note"), ==, 1);
}

/* Every step is on the audit trail, by whom; progress notes by the medical staff too. */
static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  gint64 plan_id = draft (fixture);
  gint64 goal_id;

  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, 1, NULL, &error));
  g_assert_true (shelter_support_plan_start (fixture->caseworker, plan_id, 2, &error));
  g_assert_no_error (error);
  file = shelter_support_plan_read (fixture->caseworker, fixture->stay_id, &error);
  goal_id = ((ShelterGoalRow *) file->goals->pdata[0])->id;
  g_assert_cmpint (shelter_support_plan_add_note (fixture->medical, plan_id, goal_id, TODAY,
                                                  "Đã khám sức khỏe, đủ điều kiện đi học nghề",
                                                  &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_support_plan_add_note (fixture->admin, plan_id, 0, TODAY, "Ghi chú",
                                                  &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (shelter_support_plan_set_goal_status (fixture->caseworker, goal_id, "achieved",
                                                       NULL, &error));
  g_assert_no_error (error);
  /* A caseworker completes; cancelling once approved is for a manager. */
  g_assert_false (shelter_support_plan_cancel (fixture->caseworker, plan_id, 3, "Chuyển đi",
                                               &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_support_plan_complete (fixture->caseworker, plan_id, 3, "  ", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PLAN_REASON);
  g_clear_error (&error);
  g_assert_true (shelter_support_plan_complete (fixture->caseworker, plan_id, 3,
                                                "Đã hoàn thành khóa học, có việc làm", &error));
  g_assert_no_error (error);

  g_assert_cmpint (audit_count (fixture, "assess_needs"), ==, 1);
  g_assert_cmpint (audit_count (fixture, "draft_plan"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'approve_plan' AND actor = 'test.manager'"), ==, 1);
  g_assert_cmpint (audit_count (fixture, "start_plan"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'plan_note' AND actor = 'test.medical'"), ==, 1);
  /* The trail does not repeat what the note says. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE details "
                                            "LIKE '%khám%'"), ==, 0);
  g_assert_cmpint (audit_count (fixture, "goal_status"), ==, 1);
  g_assert_cmpint (audit_count (fixture, "complete_plan"), ==, 1);
  g_assert_cmpint (audit_count (fixture, "cancel_plan"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM support_plan WHERE status = "
                                            "'completed' AND closed_by = 'test.caseworker'"), ==, 1);
}

/* The schema refuses what app/ refuses, should a bug let it through. */
static void
test_schema_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPlanRow) row = NULL;
  ShelterStamp stamp = { "test", "2026-11-22T09:00:00+07:00" };
  gint64 plan_id = draft (fixture);

  row = plan_of (fixture, plan_id);
  g_free (row->status);
  row->status = g_strdup ("in_progress"); /* neither approved nor started */
  g_assert_false (shelter_plan_store_update (fixture->db, row, &stamp, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/support-plan/approve", test_approve);
  ADD ("/app/support-plan/approve-refused", test_approve_refused);
  ADD ("/app/support-plan/start-before-approval", test_start_before_approval);
  ADD ("/app/support-plan/stale-edit", test_stale_edit);
  ADD ("/app/support-plan/assessment-refusals", test_assessment_refusals);
  ADD ("/app/support-plan/goal-refusals", test_goal_refusals);
  ADD ("/app/support-plan/review-due", test_review_due);
  ADD ("/app/support-plan/audit", test_audit);
  ADD ("/app/support-plan/schema-checks", test_schema_checks);
  return g_test_run ();
}
