/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-backup.h"
#include "shelter-calendar.h"
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
#include "shelter-support-plan.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00 (a Sunday). Each test asks for the
 * reminders of chosen days with --date's parameter. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *admin;
  ShelterSession *counsellor;
  gint64          women;
} Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->counsellor = test_session_new (fixture->db, "counsellor");
  fixture->women = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  /* The accounts of the sessions, for the records that name a staff member. */
  test_add_account (fixture->db, "test.caseworker", "Trần Văn Thử", "caseworker");
  test_add_account (fixture->db, "test.medical", "Trần Văn Thử", "medical");
  test_add_account (fixture->db, "test.counsellor", "Trần Văn Thử", "counsellor");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->counsellor);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static ShelterStay *
receive (Fixture    *fixture,
         const char *given,
         const char *at,
         gboolean    protected)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_person_set_high_protection (person, protected);
  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->manager, person, intake, fixture->women, at, &error);
  g_assert_no_error (error);
  return stay;
}

static GPtrArray *
reminders (ShelterSession *session,
           const char     *on,
           const char     *role)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = shelter_reminders_for (session, on, role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static ShelterReminder *
find (GPtrArray   *list,
      const char  *kind,
      ShelterStay *stay)
{
  for (guint i = 0; i < list->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (list, i);

      if (g_str_equal (reminder->kind, kind) &&
          (stay == NULL || reminder->stay_id == shelter_stay_get_id (stay)))
        return reminder;
    }
  return NULL;
}

/* Received on Monday 02/11/2026 with Wednesday 04/11 a public holiday: ten working days skip
 * it and the two weekends, so the case file is due on Tuesday 17/11. */
static void
test_case_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) week = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  ShelterReminder *reminder;

  g_assert_true (shelter_holidays_add (fixture->admin, "2026-11-04", "Ngày nghỉ thử", &error));
  g_assert_no_error (error);
  stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00", FALSE);

  before = reminders (fixture->caseworker, "2026-11-09", NULL);
  g_assert_null (find (before, "case_file_incomplete", stay));
  week = reminders (fixture->caseworker, "2026-11-10", NULL);
  reminder = find (week, "case_file_incomplete", stay);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->urgency, ==, SHELTER_REMINDER_SOON);
  g_assert_cmpstr (reminder->since, ==, "2026-11-17");
  g_assert_cmpstr (reminder->role, ==, "caseworker");
  g_assert_cmpstr (reminder->page, ==, "case-file");
  g_assert_cmpstr (reminder->action, ==, "Mark the documents received on the Case File tab");

  due = reminders (fixture->caseworker, "2026-11-17", NULL);
  reminder = find (due, "case_file_incomplete", stay);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->urgency, ==, SHELTER_REMINDER_TODAY);
  late = reminders (fixture->caseworker, "2026-11-18", NULL);
  reminder = find (late, "case_file_incomplete", stay);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->urgency, ==, SHELTER_REMINDER_OVERDUE);
  g_assert_nonnull (strstr (reminder->reason, "17/11/2026"));
  {
    g_autofree char *key = g_strdup_printf ("case_file_incomplete:%" G_GINT64_FORMAT
                                            ":2026-11-17", shelter_stay_get_id (stay));

    g_assert_cmpstr (reminder->key, ==, key);
  }
}

/* Admitted Friday 20/11 08:00: the health check at arrival is late from Saturday 21/11 at
 * 08:00 (24 hours), and urgent. The medical staff act on it, not the caseworkers. */
static void
test_health_check_and_roles (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Lan", "2026-11-20T08:00:00+07:00", FALSE);
  g_autoptr (GPtrArray) before = reminders (fixture->medical, "2026-11-20", NULL);
  g_autoptr (GPtrArray) late = reminders (fixture->medical, "2026-11-21", NULL);
  g_autoptr (GPtrArray) medical = reminders (fixture->manager, "2026-11-21", "medical");
  g_autoptr (GPtrArray) caseworker = reminders (fixture->manager, "2026-11-21", "caseworker");
  g_autoptr (GPtrArray) manager = reminders (fixture->manager, "2026-11-21", "manager");
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_null (find (before, "health_check_arrival", stay));
  reminder = find (late, "health_check_arrival", stay);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->urgency, ==, SHELTER_REMINDER_OVERDUE);
  g_assert_true (reminder->urgent);
  g_assert_cmpstr (reminder->role, ==, "medical");
  g_assert_cmpstr (reminder->page, ==, "services");

  /* A role sees its own; a manager oversees everything. */
  g_assert_nonnull (find (medical, "health_check_arrival", stay));
  g_assert_null (find (caseworker, "health_check_arrival", stay));
  g_assert_nonnull (find (manager, "health_check_arrival", stay));
  for (guint i = 0; i < caseworker->len; i++)
    g_assert_cmpstr (((ShelterReminder *) caseworker->pdata[i])->role, ==, "caseworker");

  /* An unknown role is refused. */
  g_assert_null (shelter_reminders_for (fixture->manager, NULL, "cook", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROLE);
}

/* An absence planned to end on 20/11 is overdue (and urgent) on 21/11, not on 20/11. */
static void
test_absence (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Hoa", "2026-10-01T09:00:00+07:00", FALSE);
  g_autoptr (GPtrArray) on_day = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_cmpint (shelter_absence_start (fixture->caseworker, shelter_stay_get_id (stay),
                                          "hospital", "2026-11-18T09:00:00+07:00", "2026-11-20",
                                          NULL, &error), >, 0);
  g_assert_no_error (error);
  on_day = reminders (fixture->caseworker, "2026-11-20", NULL);
  g_assert_null (find (on_day, "absence_overdue", stay));
  after = reminders (fixture->caseworker, "2026-11-21", NULL);
  reminder = find (after, "absence_overdue", stay);
  g_assert_nonnull (reminder);
  g_assert_true (reminder->urgent);
  g_assert_cmpstr (reminder->since, ==, "2026-11-21");
  g_assert_cmpint (reminder->urgency, ==, SHELTER_REMINDER_TODAY);
}

/* A resident under high protection: the case code, never the name, in every text. */
static void
test_protected_no_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Bích", "2026-11-02T09:00:00+07:00", TRUE);
  g_autoptr (GPtrArray) list = reminders (fixture->manager, "2026-11-22", NULL);
  g_autoptr (GPtrArray) own = NULL;
  g_autoptr (GError) error = NULL;
  guint mine = 0;

  for (guint i = 0; i < list->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (list, i);
      g_autofree char *line = shelter_reminder_to_line (reminder);
      const char *texts[] = { reminder->title, reminder->reason, reminder->action,
                              reminder->key, reminder->case_code, reminder->assignee, line };

      if (reminder->stay_id != shelter_stay_get_id (stay))
        continue;
      mine++;
      g_assert_nonnull (reminder->case_code);
      g_assert_true (g_str_has_prefix (line, "overdue\t") || g_str_has_prefix (line, "today\t") ||
                     g_str_has_prefix (line, "soon\t"));
      g_assert_nonnull (strstr (line, reminder->case_code));
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t] != NULL)
          {
            g_assert_null (strstr (texts[t], "Bích"));
            g_assert_null (strstr (texts[t], "Lò Thị"));
          }
    }
  g_assert_cmpuint (mine, >=, 2);   /* the case file and the health check */

  own = shelter_reminders_for_stay (fixture->caseworker, shelter_stay_get_id (stay), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, mine);
}

/* Most urgent first, then by day, then by case code; the centre's own after. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (ShelterStay) a = receive (fixture, "An", "2026-11-02T09:00:00+07:00", FALSE);
  g_autoptr (ShelterStay) b = receive (fixture, "Bình", "2026-11-09T09:00:00+07:00", FALSE);
  g_autoptr (ShelterStay) c = receive (fixture, "Cúc", "2026-11-02T09:00:00+07:00", FALSE);
  g_autoptr (GPtrArray) list = reminders (fixture->manager, "2026-11-22", NULL);

  g_assert_cmpuint (list->len, >=, 5);
  for (guint i = 1; i < list->len; i++)
    {
      ShelterReminder *x = g_ptr_array_index (list, i - 1);
      ShelterReminder *y = g_ptr_array_index (list, i);

      g_assert_cmpint (x->urgency, <=, y->urgency);
      if (x->urgency == y->urgency)
        {
          g_assert_cmpstr (x->since, <=, y->since);
          if (g_str_equal (x->since, y->since) && x->case_code != NULL && y->case_code != NULL)
            g_assert_cmpstr (x->case_code, <=, y->case_code);
        }
      g_assert_cmpstr (x->key, !=, y->key);
      g_assert_cmpuint (strlen (x->fingerprint), ==, 16);
    }
}

/* Report deadlines: from 14 days before; the setting is checked when set. */
static void
test_report_due (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) before = reminders (fixture->manager, "2026-11-30", NULL);
  g_autoptr (GPtrArray) from = reminders (fixture->manager, "2026-12-01", NULL);
  g_autoptr (GPtrArray) caseworker = reminders (fixture->caseworker, "2026-12-01", NULL);
  g_autoptr (GPtrArray) changed = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_null (find (before, "report_due", NULL));
  reminder = find (from, "report_due", NULL);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->since, ==, "2026-12-15");
  g_assert_cmpstr (reminder->role, ==, "manager");
  g_assert_null (reminder->case_code);
  g_assert_null (find (caseworker, "report_due", NULL));

  g_assert_false (shelter_reminders_set_report_due_days (fixture->admin, "02-30", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_false (shelter_reminders_set_report_due_days (fixture->admin, "12-05,12-05", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_false (shelter_reminders_set_report_due_days (fixture->caseworker, "12-05", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (shelter_reminders_set_report_due_days (fixture->admin, "12-05", &error));
  g_assert_no_error (error);
  changed = reminders (fixture->manager, "2026-11-21", NULL);
  reminder = find (changed, "report_due", NULL);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->since, ==, "2026-12-05");
}

/* ---- Every kind, on its day and not the day before ------------------------------------ */

/* A staff account, so that a record can name its user. */
/* A victim born on @birth received into @room at @at, a parent consenting. */
static ShelterStay *
admit (Fixture    *fixture,
       const char *given,
       const char *birth,
       gint64      room,
       const char *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_person_set_person_type (person, "victim");
  shelter_person_set_nationality_status (person, "citizen");
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Lò Văn Pản");
  stay = shelter_receive_person (fixture->manager, person, intake, room, at, &error);
  g_assert_no_error (error);
  return stay;
}

/* A session of @role whose clock reads @at. */
static ShelterSession *
session_at (Fixture    *fixture,
            const char *role,
            const char *at)
{
  ShelterSession *session = test_session_new (fixture->db, role);
  g_autoptr (GDateTime) clock = g_date_time_new_from_iso8601 (at, NULL);

  g_assert_nonnull (clock);
  shelter_session_set_clock (session, clock);
  return session;
}

/* The reminder of @kind for @stay (NULL: the centre's) is there, falling due @since with
 * @urgency, for @role on @page; a resident's names nowhere in what it says. */
static ShelterReminder *
expect (GPtrArray              *list,
        const char             *kind,
        ShelterStay            *stay,
        ShelterReminderUrgency  urgency,
        const char             *since,
        const char             *role,
        const char             *page)
{
  ShelterReminder *reminder = find (list, kind, stay);
  g_autofree char *line = NULL;
  g_autofree char *key = NULL;

  if (reminder == NULL)
    g_error ("no %s reminder", kind);
  g_assert_cmpint (reminder->urgency, ==, urgency);
  g_assert_cmpstr (reminder->since, ==, since);
  g_assert_cmpstr (reminder->role, ==, role);
  g_assert_cmpstr (reminder->page, ==, page);
  g_assert_cmpstr (reminder->title, ==, shelter_enum_label (&shelter_reminder_kind, kind));
  g_assert_nonnull (reminder->action);
  g_assert_cmpuint (strlen (reminder->reason), >, 0);
  line = shelter_reminder_to_line (reminder);
  if (stay != NULL)
    {
      g_assert_cmpint (reminder->stay_id, ==, shelter_stay_get_id (stay));
      g_assert_cmpint (reminder->person_id, ==, shelter_stay_get_person_id (stay));
      g_assert_nonnull (reminder->case_code);
      g_assert_nonnull (strstr (line, reminder->case_code));
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", kind, shelter_stay_get_id (stay),
                             since);
      g_assert_cmpstr (reminder->key, ==, key);
    }
  else
    {
      g_assert_null (reminder->case_code);
      g_assert_cmpint (reminder->stay_id, ==, 0);
      g_assert_true (g_str_has_prefix (line, urgency == SHELTER_REMINDER_OVERDUE ? "overdue\t"
                                             : urgency == SHELTER_REMINDER_TODAY ? "today\t"
                                             : "soon\t"));
    }
  /* Every resident here is a "Lò Thị ...": no family or middle name in the texts. */
  g_assert_null (strstr (line, "Lò"));
  g_assert_null (strstr (line, "Thị"));
  g_assert_null (strstr (reminder->reason, "Trần"));
  return reminder;
}

/* Checked on 01/04/2026: the six-monthly check falls due on 01/10/2026, for the medical
 * staff. */
static void
test_health_check_periodic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = admit (fixture, "Hạnh", "1995-01-01", fixture->women,
                                        "2026-04-01T10:00:00+07:00");
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = {
    .stay_id = shelter_stay_get_id (stay), .kind = "medical", .subkind = "arrival_check",
    .done_on = "2026-04-01", .staff_user = "test.medical", .description = "Khám ban đầu",
    .cost_dong = -1,
  };
  ShelterReminder *reminder;

  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);

  before = reminders (fixture->medical, "2026-09-30", NULL);
  g_assert_null (find (before, "health_check_periodic", stay));
  g_assert_null (find (before, "health_check_arrival", stay));
  due = reminders (fixture->medical, "2026-10-01", NULL);
  reminder = expect (due, "health_check_periodic", stay, SHELTER_REMINDER_TODAY, "2026-10-01",
                     "medical", "services");
  g_assert_nonnull (strstr (reminder->reason, "01/04/2026"));
  g_assert_false (reminder->urgent);
  late = reminders (fixture->medical, "2026-10-02", NULL);
  expect (late, "health_check_periodic", stay, SHELTER_REMINDER_OVERDUE, "2026-10-01", "medical",
          "services");
}

/* A session on 20/11 plans the next on 05/12: reminded from a week before, to the
 * counsellor who held it. */
static void
test_counselling_planned (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = admit (fixture, "Mai", "1998-03-04", fixture->women,
                                        "2026-11-01T10:00:00+07:00");
  g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) week = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = {
    .stay_id = shelter_stay_get_id (stay), .kind = "psychological", .subkind = "counselling",
    .done_on = "2026-11-20", .staff_user = "test.counsellor", .description = "Tư vấn",
    .cost_dong = -1, .next_on = "2026-12-05", .confidential_note = "Kể về người chú",
  };
  ShelterReminder *reminder;

  g_hash_table_insert (details, "format", "individual");
  record.details = details;
  g_assert_cmpint (shelter_services_record (fixture->counsellor, &record, &error), >, 0);
  g_assert_no_error (error);

  before = reminders (fixture->counsellor, "2026-11-27", NULL);
  g_assert_null (find (before, "counselling_planned", stay));
  week = reminders (fixture->counsellor, "2026-11-28", NULL);
  reminder = expect (week, "counselling_planned", stay, SHELTER_REMINDER_SOON, "2026-12-05",
                     "counsellor", "services");
  g_assert_cmpstr (reminder->assignee, ==, "test.counsellor");
  g_assert_nonnull (strstr (reminder->reason, "20/11/2026"));
  g_assert_nonnull (strstr (reminder->reason, "05/12/2026"));
  g_assert_null (strstr (reminder->reason, "người chú"));
  due = reminders (fixture->counsellor, "2026-12-05", NULL);
  expect (due, "counselling_planned", stay, SHELTER_REMINDER_TODAY, "2026-12-05", "counsellor",
          "services");
  late = reminders (fixture->counsellor, "2026-12-06", NULL);
  expect (late, "counselling_planned", stay, SHELTER_REMINDER_OVERDUE, "2026-12-05",
          "counsellor", "services");
}

/* Drafted today (22/11): a manager is asked to approve it from today; approved with a
 * review on 10/12, the caseworker is reminded on that day. */
static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  static const ShelterNeedInput needs[] = {
    { "education", "high", "Chưa có nghề" },
    { "psychological", "medium", NULL },
  };
  static const ShelterGoalInput goals[] = {
    { "education", "Hoàn thành khóa học may công nghiệp 3 tháng",
      "Học may tại Trường Trung cấp nghề tỉnh", "i", "canbo.lan", "2027-02-22" },
  };
  g_autoptr (ShelterStay) stay = admit (fixture, "Mai", "1998-03-04", fixture->women,
                                        "2026-11-01T10:00:00+07:00");
  gint64 stay_id = shelter_stay_get_id (stay);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GPtrArray) caseworker = NULL;
  g_autoptr (GPtrArray) approved = NULL;
  g_autoptr (GPtrArray) review_before = NULL;
  g_autoptr (GPtrArray) review_due = NULL;
  g_autoptr (GPtrArray) review_late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;
  gint64 plan_id;

  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, stay_id, "2026-11-20",
                                                needs, G_N_ELEMENTS (needs), &error), >, 0);
  g_assert_no_error (error);
  plan_id = shelter_support_plan_draft (fixture->caseworker, stay_id, goals,
                                        G_N_ELEMENTS (goals), NULL, &error);
  g_assert_no_error (error);

  before = reminders (fixture->manager, "2026-11-21", NULL);
  g_assert_null (find (before, "plan_to_approve", stay));
  due = reminders (fixture->manager, "2026-11-22", NULL);
  reminder = expect (due, "plan_to_approve", stay, SHELTER_REMINDER_TODAY, "2026-11-22",
                     "manager", "plan");
  g_assert_nonnull (strstr (reminder->reason, "22/11/2026"));
  late = reminders (fixture->manager, "2026-11-23", NULL);
  expect (late, "plan_to_approve", stay, SHELTER_REMINDER_OVERDUE, "2026-11-22", "manager",
          "plan");
  caseworker = reminders (fixture->caseworker, "2026-11-23", "caseworker");
  g_assert_null (find (caseworker, "plan_to_approve", stay));

  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, 1, "2026-12-10",
                                               &error));
  g_assert_no_error (error);
  approved = reminders (fixture->manager, "2026-11-23", NULL);
  g_assert_null (find (approved, "plan_to_approve", stay));
  review_before = reminders (fixture->caseworker, "2026-12-09", NULL);
  g_assert_null (find (review_before, "plan_review", stay));
  review_due = reminders (fixture->caseworker, "2026-12-10", NULL);
  reminder = expect (review_due, "plan_review", stay, SHELTER_REMINDER_TODAY, "2026-12-10",
                     "caseworker", "plan");
  g_assert_nonnull (strstr (reminder->reason, "10/12/2026"));
  review_late = reminders (fixture->caseworker, "2026-12-11", NULL);
  expect (review_late, "plan_review", stay, SHELTER_REMINDER_OVERDUE, "2026-12-10", "caseworker",
          "plan");
}

/* The 90-day limit: admitted 01/09 it is reached on 30/11, reminded from 14 days before;
 * admitted 01/08 it is reached on 30/10 and passed from that day until a manager decides;
 * an extension to 31/12 is passed from 01/01. */
static void
test_stay_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ShelterStay) near = admit (fixture, "Gần", "1990-01-01", fixture->women,
                                        "2026-09-01T09:00:00+07:00");
  g_autoptr (ShelterStay) past = admit (fixture, "Quá", "1990-01-01", fixture->women,
                                        "2026-08-01T09:00:00+07:00");
  g_autoptr (GPtrArray) near_before = reminders (fixture->manager, "2026-11-15", NULL);
  g_autoptr (GPtrArray) near_from = reminders (fixture->manager, "2026-11-16", NULL);
  g_autoptr (GPtrArray) past_before = reminders (fixture->manager, "2026-10-29", NULL);
  g_autoptr (GPtrArray) past_on = reminders (fixture->manager, "2026-10-30", NULL);
  g_autoptr (GPtrArray) past_after = reminders (fixture->manager, "2026-10-31", NULL);
  g_autoptr (GPtrArray) caseworker = reminders (fixture->caseworker, "2026-10-31",
                                                "caseworker");
  g_autoptr (GPtrArray) extended = NULL;
  g_autoptr (GPtrArray) extension_over = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_null (find (near_before, "stay_limit_near", near));
  reminder = expect (near_from, "stay_limit_near", near, SHELTER_REMINDER_SOON, "2026-11-30",
                     "manager", "stay");
  g_assert_nonnull (strstr (reminder->reason, "30/11/2026"));
  g_assert_nonnull (strstr (reminder->reason, "14 days"));

  expect (past_before, "stay_limit_near", past, SHELTER_REMINDER_SOON, "2026-10-30", "manager",
          "stay");
  g_assert_null (find (past_before, "stay_limit_past", past));
  reminder = expect (past_on, "stay_limit_past", past, SHELTER_REMINDER_TODAY, "2026-10-30",
                     "manager", "stay");
  g_assert_nonnull (strstr (reminder->reason, "30/10/2026"));
  g_assert_null (find (past_on, "stay_limit_near", past));
  expect (past_after, "stay_limit_past", past, SHELTER_REMINDER_OVERDUE, "2026-10-30",
          "manager", "stay");
  g_assert_null (find (caseworker, "stay_limit_past", past));

  g_assert_true (shelter_stay_extend (fixture->manager, shelter_stay_get_id (past), "2026-12-31",
                                      "Quyết định 12/QĐ-TTBTXH", &error));
  g_assert_no_error (error);
  extended = reminders (fixture->manager, "2026-12-31", NULL);
  g_assert_null (find (extended, "stay_limit_past", past));
  extension_over = reminders (fixture->manager, "2027-01-01", NULL);
  reminder = expect (extension_over, "stay_limit_past", past, SHELTER_REMINDER_TODAY,
                     "2027-01-01", "manager", "stay");
  g_assert_nonnull (strstr (reminder->reason, "31/12/2026"));

  /* The resident's page, which asks for that stay alone, shows the same. */
  {
    g_autoptr (GPtrArray) own = shelter_reminders_for_stay (fixture->manager,
                                                            shelter_stay_get_id (past),
                                                            "2027-01-01", &error);

    g_assert_no_error (error);
    expect (own, "stay_limit_past", past, SHELTER_REMINDER_TODAY, "2027-01-01", "manager",
            "stay");
    g_assert_null (find (own, "stay_limit_near", near));
  }
}

/* Admitted 01/09: the 60 funded meal days end on 30/10. Reminded from 23/10 (53 used, the
 * first day beyond on 31/10), then on 31/10 itself. */
static void
test_meal_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = admit (fixture, "Thu", "1990-01-01", fixture->women,
                                        "2026-09-01T09:00:00+07:00");
  g_autoptr (GPtrArray) before = reminders (fixture->manager, "2026-10-22", NULL);
  g_autoptr (GPtrArray) week = reminders (fixture->manager, "2026-10-23", NULL);
  g_autoptr (GPtrArray) due = reminders (fixture->manager, "2026-10-31", NULL);
  g_autoptr (GPtrArray) late = reminders (fixture->manager, "2026-11-02", NULL);
  ShelterReminder *reminder;

  g_assert_null (find (before, "meal_days_ending", stay));
  reminder = expect (week, "meal_days_ending", stay, SHELTER_REMINDER_SOON, "2026-10-31",
                     "manager", "meals");
  g_assert_cmpstr (reminder->reason, ==, "53 of 60 funded meal days used");
  reminder = expect (due, "meal_days_ending", stay, SHELTER_REMINDER_TODAY, "2026-10-31",
                     "manager", "meals");
  g_assert_cmpstr (reminder->reason, ==, "60 of 60 funded meal days used; 1 days beyond");
  expect (late, "meal_days_ending", stay, SHELTER_REMINDER_OVERDUE, "2026-10-31", "manager",
          "meals");
}

/* A girl in the room for under 16 turns 16 on 20/11: a move, from that day. */
static void
test_outgrown_room (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 girls = test_add_room (fixture->caseworker, "A102", "female", "child", 4);
  g_autoptr (ShelterStay) girl = admit (fixture, "Mai", "2010-11-20", girls,
                                        "2026-10-01T09:00:00+07:00");
  g_autoptr (GPtrArray) before = reminders (fixture->caseworker, "2026-11-19", NULL);
  g_autoptr (GPtrArray) due = reminders (fixture->caseworker, "2026-11-20", NULL);

  g_assert_null (find (before, "outgrown_room", girl));
  expect (due, "outgrown_room", girl, SHELTER_REMINDER_TODAY, "2026-11-20", "caseworker",
          "stay");
}

/* Admitted 01/10 with no family reached: flagged from 01/11 (31 days); reached on 10/11,
 * flagged again from 11/12. */
static void
test_no_family_contact (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = admit (fixture, "Hoa", "1999-01-01", fixture->women,
                                        "2026-10-01T10:00:00+07:00");
  g_autoptr (GPtrArray) before = reminders (fixture->caseworker, "2026-10-31", NULL);
  g_autoptr (GPtrArray) due = reminders (fixture->caseworker, "2026-11-01", NULL);
  g_autoptr (GPtrArray) reached = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  ShelterRelativeInput relative = {
    .person_id = shelter_stay_get_person_id (stay), .full_name = "Lò Thị Xuân",
    .relation = "mother", .phone = "+84 912 345 678", .may_contact = TRUE, .safety = "safe",
  };
  ShelterContactInput contact = { shelter_stay_get_id (stay), 0, "2026-11-10", "commune",
                                  "Trần Thị Lan", "reached", "Qua Công an xã" };
  ShelterReminder *reminder;

  g_assert_null (find (before, "no_family_contact", stay));
  reminder = expect (due, "no_family_contact", stay, SHELTER_REMINDER_TODAY, "2026-11-01",
                     "caseworker", "family");
  g_assert_nonnull (strstr (reminder->reason, "01/10/2026"));

  contact.relative_id = shelter_family_save_relative (fixture->caseworker, &relative, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_family_record_contact (fixture->caseworker, &contact, &error), >, 0);
  g_assert_no_error (error);
  reached = reminders (fixture->caseworker, "2026-12-10", NULL);
  g_assert_null (find (reached, "no_family_contact", stay));
  again = reminders (fixture->caseworker, "2026-12-11", NULL);
  reminder = expect (again, "no_family_contact", stay, SHELTER_REMINDER_TODAY, "2026-12-11",
                     "caseworker", "family");
  g_assert_nonnull (strstr (reminder->reason, "10/11/2026"));
  g_assert_null (strstr (reminder->reason, "Xuân"));
}

/* Sent on Friday 20/11 with Monday 23/11 a holiday: the answer is due on Tuesday 24/11
 * (1 working day) and late from 25/11; answered on 24/11, the first result is due on
 * Monday 30/11 (5 working days) and late from 01/12. */
static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const shared[] = { "birth_date", "health_summary", NULL };
  ShelterPartnerInput hospital = { "hospital", "Bệnh viện Đa khoa tỉnh Lào Cai",
                                   "BS. Nguyễn Văn Thử", "0912 000 101", "ctxh@example.vn",
                                   NULL, "Khám bệnh", FALSE };
  ShelterReferralDecision decision = { "2026-11-20", "agrees", "person", NULL, shared,
                                       "Thiếu máu nhẹ", "Bị lừa bán sang Trung Quốc" };
  g_autoptr (ShelterStay) stay = admit (fixture, "Mai", "1998-03-04", fixture->women,
                                        "2026-11-01T10:00:00+07:00");
  g_autoptr (ShelterSession) later = session_at (fixture, "caseworker",
                                                 "2026-11-24T15:00:00+07:00");
  g_autoptr (GPtrArray) holiday = NULL;
  g_autoptr (GPtrArray) answer_before = NULL;
  g_autoptr (GPtrArray) answer_late = NULL;
  g_autoptr (GPtrArray) result_before = NULL;
  g_autoptr (GPtrArray) result_late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;
  gint64 partner, id;

  g_assert_true (shelter_holidays_add (fixture->admin, "2026-11-23", "Ngày nghỉ bù", &error));
  g_assert_no_error (error);
  partner = shelter_partners_add (fixture->manager, &hospital, &error);
  g_assert_no_error (error);
  id = shelter_referrals_create (fixture->caseworker, shelter_stay_get_id (stay), partner,
                                 "Khám chuyên khoa", &error);
  g_assert_no_error (error);
  g_assert_true (shelter_referrals_record_assessment (fixture->caseworker, id, "2026-11-20",
                                                      "low", "Nguy cơ thấp", "Muốn đi khám",
                                                      &error));
  g_assert_true (shelter_referrals_record_offer (fixture->caseworker, id, "2026-11-20",
                                                 "Khám miễn phí", &error));
  g_assert_true (shelter_referrals_record_decision (fixture->caseworker, id, &decision, &error));
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_no_error (error);

  holiday = reminders (fixture->caseworker, "2026-11-23", NULL);
  g_assert_null (find (holiday, "referral_answer", stay));
  answer_before = reminders (fixture->caseworker, "2026-11-24", NULL);
  g_assert_null (find (answer_before, "referral_answer", stay));
  answer_late = reminders (fixture->caseworker, "2026-11-25", NULL);
  reminder = expect (answer_late, "referral_answer", stay, SHELTER_REMINDER_TODAY, "2026-11-25",
                     "caseworker", "referrals");
  g_assert_nonnull (strstr (reminder->reason, "20/11/2026"));
  g_assert_nonnull (strstr (reminder->reason, "24/11/2026"));
  g_assert_null (strstr (reminder->reason, "Bệnh viện"));

  g_assert_true (shelter_referrals_record_answer (later, id, "2026-11-24", TRUE, NULL, &error));
  g_assert_no_error (error);
  result_before = reminders (fixture->caseworker, "2026-11-30", NULL);
  g_assert_null (find (result_before, "referral_result", stay));
  g_assert_null (find (result_before, "referral_answer", stay));
  result_late = reminders (fixture->caseworker, "2026-12-01", NULL);
  reminder = expect (result_late, "referral_result", stay, SHELTER_REMINDER_TODAY, "2026-12-01",
                     "caseworker", "referrals");
  g_assert_nonnull (strstr (reminder->reason, "30/11/2026"));
}

/* Discharged on 15/09: the first follow-up is due on 15/10, reminded from 08/10 to the
 * caseworker it is assigned to, overdue from 16/10, and urgent then for someone the last
 * follow-up found at risk. */
static ShelterStay *
discharged (Fixture    *fixture,
            const char *given,
            const char *situation)
{
  g_autoptr (ShelterStay) stay = admit (fixture, given, "1998-03-04", fixture->women,
                                        "2026-05-04T09:00:00+07:00");
  ShelterFollowUpInput input = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge_stay (fixture->caseworker, stay, "2026-09-15T10:00:00+07:00",
                                         "goals_reached", &error));
  g_assert_no_error (error);
  g_assert_true (shelter_db_begin (fixture->db, &error));
  g_assert_true (_shelter_follow_up_schedule (fixture->caseworker, shelter_stay_get_id (stay),
                                              "2026-09-15", "test.caseworker", &error));
  g_assert_true (shelter_db_commit (fixture->db, &error));
  g_assert_no_error (error);

  /* A visit not planned, on 01/10. */
  input.stay_id = shelter_stay_get_id (stay);
  input.done_on = "2026-10-01";
  input.method = "visit";
  input.done_by = "Nguyễn Thị Thử";
  input.situation = situation;
  input.living = "with_family";
  input.activity = "working";
  input.next_step = "Gọi lại";
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), >, 0);
  g_assert_no_error (error);
  return shelter_stay_store_get (fixture->db, shelter_stay_get_id (stay), NULL);
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterStay) stable = discharged (fixture, "Mai", "stable");
  g_autoptr (ShelterStay) at_risk = discharged (fixture, "Lan", "at_risk");
  g_autoptr (GPtrArray) before = reminders (fixture->caseworker, "2026-10-07", NULL);
  g_autoptr (GPtrArray) week = reminders (fixture->caseworker, "2026-10-08", NULL);
  g_autoptr (GPtrArray) due = reminders (fixture->caseworker, "2026-10-15", NULL);
  g_autoptr (GPtrArray) late = reminders (fixture->caseworker, "2026-10-16", NULL);
  ShelterReminder *reminder;

  g_assert_null (find (before, "follow_up_due", stable));
  g_assert_null (find (before, "follow_up_due", at_risk));
  reminder = expect (week, "follow_up_due", stable, SHELTER_REMINDER_SOON, "2026-10-15",
                     "caseworker", "follow-up");
  g_assert_cmpstr (reminder->assignee, ==, "test.caseworker");
  g_assert_nonnull (strstr (reminder->reason, "15/09/2026"));
  g_assert_nonnull (strstr (reminder->reason, "15/10/2026"));
  g_assert_false (reminder->urgent);
  reminder = expect (week, "follow_up_due", at_risk, SHELTER_REMINDER_SOON, "2026-10-15",
                     "caseworker", "follow-up");
  g_assert_false (reminder->urgent);
  reminder = expect (due, "follow_up_due", stable, SHELTER_REMINDER_TODAY, "2026-10-15",
                     "caseworker", "follow-up");
  g_assert_false (reminder->urgent);

  reminder = expect (late, "follow_up_due", stable, SHELTER_REMINDER_OVERDUE, "2026-10-15",
                     "caseworker", "follow-up");
  g_assert_false (reminder->urgent);
  reminder = expect (late, "follow_up_due", at_risk, SHELTER_REMINDER_OVERDUE, "2026-10-15",
                     "caseworker", "follow-up");
  g_assert_true (reminder->urgent);
  /* At risk: at the top of the list. */
  g_assert_true (g_ptr_array_index (late, 0) == reminder ||
                 ((ShelterReminder *) g_ptr_array_index (late, 0))->urgency ==
                 SHELTER_REMINDER_OVERDUE);
}

/* Consent could not be given at reception; to be asked again from 25/11. */
static void
test_consent_ask_again (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Dua", "female",
                                                      "1999-09-09");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_status (intake, "not_now");
  shelter_intake_set_consent_not_now_reason (intake, "Đang hoảng loạn");
  shelter_intake_set_consent_ask_again_on (intake, "2026-11-25");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->women,
                                 "2026-11-21T16:30:00+07:00", &error);
  g_assert_no_error (error);

  before = reminders (fixture->caseworker, "2026-11-24", NULL);
  g_assert_null (find (before, "consent_ask_again", stay));
  due = reminders (fixture->caseworker, "2026-11-25", NULL);
  reminder = expect (due, "consent_ask_again", stay, SHELTER_REMINDER_TODAY, "2026-11-25",
                     "caseworker", "overview");
  g_assert_nonnull (strstr (reminder->reason, "25/11/2026"));
  g_assert_null (strstr (reminder->reason, "hoảng loạn"));
  late = reminders (fixture->caseworker, "2026-11-26", NULL);
  expect (late, "consent_ask_again", stay, SHELTER_REMINDER_OVERDUE, "2026-11-25", "caseworker",
          "overview");
}

/* A high risk assessed on 20/11, to be reviewed on 20/12. */
static void
test_safety_review (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = admit (fixture, "Mai", "1998-03-04", fixture->women,
                                        "2026-11-02T09:00:00+07:00");
  ShelterRiskInput risk = {
    shelter_stay_get_id (stay), "2026-11-20", "high", "Đường dây đang tìm chị",
    "Không cho thăm gặp", "2026-12-20",
  };
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) late = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), >, 0);
  g_assert_no_error (error);

  before = reminders (fixture->manager, "2026-12-19", NULL);
  g_assert_null (find (before, "safety_review", stay));
  due = reminders (fixture->manager, "2026-12-20", NULL);
  reminder = expect (due, "safety_review", stay, SHELTER_REMINDER_TODAY, "2026-12-20",
                     "caseworker", "safety");
  g_assert_nonnull (strstr (reminder->reason, "20/11/2026"));
  g_assert_nonnull (strstr (reminder->reason, "20/12/2026"));
  g_assert_null (strstr (reminder->reason, "Đường dây"));
  late = reminders (fixture->caseworker, "2026-12-21", NULL);
  expect (late, "safety_review", stay, SHELTER_REMINDER_OVERDUE, "2026-12-20", "caseworker",
          "safety");
}

/* A room for men with 2 beds: one man in it is not 90%; a second arriving on 20/11 is. */
static void
test_capacity_high (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 men = test_add_room (fixture->caseworker, "B101", "male", "adult", 2);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GPtrArray) caseworker = NULL;
  const char *names[] = { "Tuấn", "Hùng" };
  const char *at[] = { "2026-11-10T09:00:00+07:00", "2026-11-20T09:00:00+07:00" };
  ShelterReminder *reminder;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Văn", names[i], "male",
                                                          "1990-01-01");
      g_autoptr (ShelterIntake) intake = shelter_intake_new ();
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;

      shelter_intake_set_handed_over_by (intake, "self");
      stay = shelter_receive_person (fixture->manager, person, intake, men, at[i], &error);
      g_assert_no_error (error);
    }

  before = reminders (fixture->manager, "2026-11-19", NULL);
  g_assert_null (find (before, "capacity_high", NULL));
  due = reminders (fixture->manager, "2026-11-20", NULL);
  reminder = expect (due, "capacity_high", NULL, SHELTER_REMINDER_SOON, "2026-11-27", "manager",
                     "planning");
  g_assert_true (reminder->urgent);
  g_assert_nonnull (strstr (reminder->reason, "2 beds"));
  g_assert_null (strstr (reminder->reason, "Văn"));
  /* The managers act on it. */
  caseworker = reminders (fixture->manager, "2026-11-20", "caseworker");
  g_assert_null (find (caseworker, "capacity_high", NULL));
}

/* A backup made today (22/11) is old from 25/11; one that failed on 26/11 is urgent. */
static void
test_backups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = test_path ("reminders.maiam-backup");
  g_autofree char *bad = test_path ("no-such-folder/reminders.maiam-backup");
  g_autoptr (ShelterSession) later = session_at (fixture, "administrator",
                                                 "2026-11-26T09:00:00+07:00");
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) old = NULL;
  g_autoptr (GPtrArray) failed = NULL;
  g_autoptr (GPtrArray) caseworker = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReminder *reminder;

  g_assert_true (shelter_backup_create (fixture->admin, good, NULL, &error));
  g_assert_no_error (error);
  fresh = reminders (fixture->admin, "2026-11-22", NULL);
  g_assert_null (find (fresh, "backup_failed", NULL));
  g_assert_null (find (fresh, "backup_old", NULL));
  before = reminders (fixture->admin, "2026-11-24", NULL);
  g_assert_null (find (before, "backup_old", NULL));
  old = reminders (fixture->admin, "2026-11-25", NULL);
  reminder = expect (old, "backup_old", NULL, SHELTER_REMINDER_TODAY, "2026-11-25",
                     "administrator", "backups");
  g_assert_false (reminder->urgent);
  g_assert_nonnull (strstr (reminder->reason, "22/11/2026"));

  g_assert_false (shelter_backup_create (later, bad, NULL, &error));
  g_assert_nonnull (error);
  failed = reminders (fixture->admin, "2026-11-26", NULL);
  reminder = expect (failed, "backup_failed", NULL, SHELTER_REMINDER_TODAY, "2026-11-26",
                     "administrator", "backups");
  g_assert_true (reminder->urgent);
  g_assert_nonnull (strstr (reminder->reason, "26/11/2026"));
  g_assert_null (find (failed, "backup_old", NULL));
  caseworker = reminders (fixture->caseworker, "2026-11-26", NULL);
  g_assert_null (find (caseworker, "backup_failed", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/reminders/case-file", test_case_file);
  ADD ("/reminders/health-check-roles", test_health_check_and_roles);
  ADD ("/reminders/absence", test_absence);
  ADD ("/reminders/protected-no-name", test_protected_no_name);
  ADD ("/reminders/sort", test_sort);
  ADD ("/reminders/report-due", test_report_due);
  ADD ("/reminders/health-check-periodic", test_health_check_periodic);
  ADD ("/reminders/counselling-planned", test_counselling_planned);
  ADD ("/reminders/plan", test_plan);
  ADD ("/reminders/stay-limits", test_stay_limits);
  ADD ("/reminders/meal-days", test_meal_days);
  ADD ("/reminders/outgrown-room", test_outgrown_room);
  ADD ("/reminders/no-family-contact", test_no_family_contact);
  ADD ("/reminders/referrals", test_referrals);
  ADD ("/reminders/follow-up", test_follow_up);
  ADD ("/reminders/consent-ask-again", test_consent_ask_again);
  ADD ("/reminders/safety-review", test_safety_review);
  ADD ("/reminders/capacity-high", test_capacity_high);
  ADD ("/reminders/backups", test_backups);

  return g_test_run ();
}
