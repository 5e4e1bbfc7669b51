/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shelter-follow-up.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *admin;
  gint64          women;
} Fixture;

static void exec_sql (ShelterDb  *db,
                      const char *sql);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->women = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
}

/* The caseworker's account, for assigning follow-ups to it. */
static void
add_caseworker_account (Fixture *fixture)
{
  exec_sql (fixture->db, "INSERT INTO staff_user (username, full_name, role, created_at, "
            "created_by, updated_at, updated_by) VALUES ('test.caseworker', 'Nguyễn Thị Thử', "
            "'caseworker', '2026-01-01T00:00:00+07:00', 'test', '2026-01-01T00:00:00+07:00', "
            "'test')");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static void
exec_sql (ShelterDb  *db,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (shelter_db_get_path (db), &handle, SQLITE_OPEN_READWRITE,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static ShelterStay *
receive (Fixture    *fixture,
         const char *given,
         const char *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->women, at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

/* Receives a resident, discharges them on @day (YYYY-MM-DD) for @reason and writes the
 * schedule as the discharge does (not after a death). */
static ShelterStay *
discharged (Fixture    *fixture,
            const char *given,
            const char *admitted_at,
            const char *day,
            const char *reason)
{
  g_autoptr (ShelterStay) stay = receive (fixture, given, admitted_at);
  g_autofree char *at = g_strdup_printf ("%sT10:00:00+07:00", day);
  g_autoptr (GError) error = NULL;
  ShelterDb *db = fixture->db;

  g_assert_true (shelter_discharge_stay (fixture->caseworker, stay, at, reason, &error));
  g_assert_no_error (error);
  if (!g_str_equal (reason, "death"))
    {
      g_assert_true (shelter_db_begin (db, &error));
      g_assert_true (_shelter_follow_up_schedule (fixture->caseworker,
                                                  shelter_stay_get_id (stay), day,
                                                  "test.caseworker", &error));
      g_assert_no_error (error);
      g_assert_true (shelter_db_commit (db, &error));
    }
  return shelter_stay_store_get (db, shelter_stay_get_id (stay), NULL);
}

static GPtrArray *
list_for (Fixture     *fixture,
          ShelterStay *stay)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *rows = shelter_follow_up_list_for_stay (fixture->caseworker,
                                                     shelter_stay_get_id (stay), &error);

  g_assert_no_error (error);
  return rows;
}

static ShelterFollowUpRow *
row_at (GPtrArray *rows,
        guint      index)
{
  return g_ptr_array_index (rows, index);
}

static ShelterFollowUpInput
stable_on (ShelterStay *stay,
           const char  *day)
{
  ShelterFollowUpInput input = { 0 };

  input.stay_id = shelter_stay_get_id (stay);
  input.done_on = day;
  input.method = "visit";
  input.done_by = "Nguyễn Thị Thử";
  input.situation = "stable";
  input.living = "with_family";
  input.activity = "working";
  input.activity_note = "Làm công nhân may ở Bắc Ninh";
  input.next_step = "Gọi lại sau hai tháng";
  return input;
}

/* 1, 3 and 6 months after the day of discharge, by call, assigned to who discharged; 31
 * January plus one month is the last day of February. */
static void
test_schedule_default (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-01-05T09:00:00+07:00",
                                             "2026-01-31", "goals_reached");
  g_autoptr (GPtrArray) rows = list_for (fixture, stay);
  g_autoptr (GArray) months = shelter_follow_up_months (fixture->db);

  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (row_at (rows, 0)->due_on, ==, "2026-02-28");
  g_assert_cmpstr (row_at (rows, 1)->due_on, ==, "2026-04-30");
  g_assert_cmpstr (row_at (rows, 2)->due_on, ==, "2026-07-31");
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (row_at (rows, i)->status, ==, "planned");
      g_assert_cmpstr (row_at (rows, i)->method, ==, "call");
      g_assert_cmpstr (row_at (rows, i)->assigned_to, ==, "test.caseworker");
      g_assert_cmpstr (row_at (rows, i)->discharged_on, ==, "2026-01-31");
    }
}

/* A leap year's February keeps its 29th. */
static void
test_schedule_leap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = receive (fixture, "Lan", "2026-11-02T09:00:00+07:00");
  g_autoptr (GPtrArray) rows = NULL;
  ShelterDb *db = fixture->db;

  /* Only the schedule: 31 January 2028 is a day like another for it. */
  g_assert_true (shelter_db_begin (db, &error));
  g_assert_true (_shelter_follow_up_schedule (fixture->caseworker, shelter_stay_get_id (stay),
                                              "2028-01-31", NULL, &error));
  g_assert_true (shelter_db_commit (db, &error));
  g_assert_no_error (error);
  rows = list_for (fixture, stay);
  g_assert_cmpstr (row_at (rows, 0)->due_on, ==, "2028-02-29");
  g_assert_null (row_at (rows, 0)->assigned_to);
}

/* The administrator changes the months; bad lists are refused naming the field, and others
 * may not change them. */
static void
test_months_setting (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *bad[] = { "", "3, 1, 6", "1, 3", "0, 6", "1, 1, 6", "một, ba", "1, 61",
                               "1;3;6" };
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GArray) months = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (shelter_follow_up_set_months (fixture->admin, bad[i], &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_MONTHS);
      g_assert_true (g_str_has_prefix (error->message, "Follow-up months:"));
      g_clear_error (&error);
      /* The centre's settings use case checks the months the same way. */
      g_assert_false (shelter_settings_set (fixture->admin, SHELTER_SETTING_FOLLOW_UP_MONTHS,
                                            bad[i], &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_MONTHS);
      g_clear_error (&error);
    }
  g_assert_false (shelter_follow_up_set_months (fixture->manager, "2,4,6,12", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_true (shelter_follow_up_set_months (fixture->admin, " 2, 4,6 , 12 ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM setting WHERE key = "
                               "'follow_up_months' AND value = '2,4,6,12'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                               "'setting' AND details LIKE '%follow_up_months%'"), ==, 1);
  months = shelter_follow_up_months (fixture->db);
  g_assert_cmpuint (months->len, ==, 4);

  stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00", "2026-08-31",
                     "community_reintegration");
  rows = list_for (fixture, stay);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (row_at (rows, 0)->due_on, ==, "2026-10-31");
  g_assert_cmpstr (row_at (rows, 1)->due_on, ==, "2026-12-31");
  g_assert_cmpstr (row_at (rows, 2)->due_on, ==, "2027-02-28");
  g_assert_cmpstr (row_at (rows, 3)->due_on, ==, "2027-08-31");
}

/* A planned follow-up filled in: done with what was found, one audit entry. */
static void
test_record_planned (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const support[] = { "loan", "training", NULL };
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (GPtrArray) before = list_for (fixture, stay);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  ShelterFollowUpInput input = stable_on (stay, "2026-10-16");
  ShelterFollowUpRow *done;
  g_autofree char *sql = NULL;
  gint64 id;

  input.id = row_at (before, 0)->id;
  input.version = row_at (before, 0)->version;
  input.support = support;
  id = shelter_follow_up_record (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, input.id);

  after = list_for (fixture, stay);
  g_assert_cmpuint (after->len, ==, 3);
  done = row_at (after, 0);
  g_assert_cmpstr (done->status, ==, "done");
  g_assert_cmpstr (done->done_on, ==, "2026-10-16");
  g_assert_cmpstr (done->method, ==, "visit");
  g_assert_cmpstr (done->situation, ==, "stable");
  g_assert_cmpstr (done->living, ==, "with_family");
  g_assert_cmpstr (done->activity_note, ==, "Làm công nhân may ở Bắc Ninh");
  g_assert_cmpuint (g_strv_length (done->support), ==, 2);
  g_assert_cmpstr (done->support[1], ==, "training");
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND "
                         "entity_id = %" G_GINT64_FORMAT " AND action = 'record_follow_up'", id);
  g_assert_cmpint (test_count (fixture->db, sql), ==, 1);

  /* Filling it in again from the same form is refused: it changed. */
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
}

/* One not planned is added (an extra visit); the planned ones stay. */
static void
test_record_extra (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  ShelterFollowUpInput input = stable_on (stay, "2026-09-30");

  g_assert_cmpint (shelter_follow_up_record (fixture->manager, &input, &error), >, 0);
  g_assert_no_error (error);
  rows = list_for (fixture, stay);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (row_at (rows, 0)->status, ==, "done");
  g_assert_cmpstr (row_at (rows, 0)->due_on, ==, "2026-09-30");
  g_assert_cmpstr (row_at (rows, 1)->status, ==, "planned");
}

/* The refusals of a follow-up, each with its field or reason. */
static void
test_record_refusals (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (ShelterStay) open = receive (fixture, "Hoa", "2026-11-02T09:00:00+07:00");
  g_autoptr (ShelterStay) died = discharged (fixture, "Vân", "2026-05-04T09:00:00+07:00",
                                             "2026-09-20", "death");
  g_autoptr (GPtrArray) rows = list_for (fixture, stay);
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (2001, 'a');
  ShelterFollowUpInput input;

  /* Before the discharge */
  input = stable_on (stay, "2026-09-14");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_DATE);
  g_assert_nonnull (strstr (error->message, "15/09/2026"));
  g_clear_error (&error);
  /* In the future */
  input = stable_on (stay, "2026-11-23");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_DATE);
  g_clear_error (&error);
  /* Not a date */
  input = stable_on (stay, "22/11/2026");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_DATE);
  g_clear_error (&error);
  /* Without the situation */
  input = stable_on (stay, "2026-10-15");
  input.situation = NULL;
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_SITUATION);
  g_assert_true (g_str_has_prefix (error->message, "Situation:"));
  g_clear_error (&error);
  /* A method not known, a support not known */
  input = stable_on (stay, "2026-10-15");
  input.method = "letter";
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_METHOD);
  g_clear_error (&error);
  {
    static const char * const support[] = { "loan", "house", NULL };

    input = stable_on (stay, "2026-10-15");
    input.support = support;
    g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_SUPPORT);
    g_clear_error (&error);
  }
  /* Text too long */
  input = stable_on (stay, "2026-10-15");
  input.notes = long_text;
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_NOTES);
  g_assert_true (g_str_has_prefix (error->message, "Notes"));
  g_clear_error (&error);
  input = stable_on (stay, "2026-10-15");
  input.next_step = long_text;
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_NEXT_STEP);
  g_clear_error (&error);
  /* A stay not discharged */
  input = stable_on (open, "2026-11-20");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "not been discharged"));
  g_clear_error (&error);
  /* After a death: nothing scheduled, nothing recorded */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up f JOIN stay s ON "
                               "s.id = f.stay_id WHERE s.discharge_reason = 'death'"), ==, 0);
  input = stable_on (died, "2026-10-15");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "death"));
  g_clear_error (&error);
  /* A stale version of a planned one */
  input = stable_on (stay, "2026-10-15");
  input.id = row_at (rows, 0)->id;
  input.version = row_at (rows, 0)->version;
  g_assert_true (shelter_follow_up_reschedule (fixture->caseworker, input.id, input.version,
                                               "2026-10-20", "visit", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_error (&error);
  /* Nothing was written by any of these */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up WHERE status = "
                               "'done'"), ==, 0);
  /* A closed case */
  g_assert_true (shelter_follow_up_close_case (fixture->caseworker, shelter_stay_get_id (stay),
                                               "Chuyển đi nơi khác, mất liên lạc", NULL,
                                               &error));
  g_assert_no_error (error);
  input = stable_on (stay, "2026-10-15");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CASE_CLOSED);
}

/* A planned follow-up changed: day, method, staff member; an unknown account, a day before
 * the discharge and a stale version are refused. */
static void
test_reschedule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (GPtrArray) rows = list_for (fixture, stay);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  ShelterFollowUpRow *planned = row_at (rows, 1);

  add_caseworker_account (fixture);
  g_assert_false (shelter_follow_up_reschedule (fixture->caseworker, planned->id,
                                                planned->version, "2026-12-20", "commune",
                                                "nobody.here", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_ASSIGNED);
  g_clear_error (&error);
  g_assert_false (shelter_follow_up_reschedule (fixture->caseworker, planned->id,
                                                planned->version, "2026-09-01", "commune",
                                                NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_follow_up_reschedule (fixture->caseworker, planned->id,
                                                planned->version, "2026-12-20", "fax",
                                                NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_METHOD);
  g_clear_error (&error);

  g_assert_true (shelter_follow_up_reschedule (fixture->caseworker, planned->id,
                                               planned->version, "2026-12-20", "commune",
                                               "test.caseworker", &error));
  g_assert_no_error (error);
  after = list_for (fixture, stay);
  g_assert_cmpstr (row_at (after, 1)->due_on, ==, "2026-12-20");
  g_assert_cmpstr (row_at (after, 1)->method, ==, "commune");
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                               "'reschedule_follow_up' AND details LIKE '%2026-12-15 -> "
                               "2026-12-20%'"), ==, 1);
  g_assert_false (shelter_follow_up_reschedule (fixture->manager, planned->id, planned->version,
                                                "2026-12-21", "visit", NULL, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
}

/* What is due this week and overdue, not of closed cases; names withheld for protected
 * residents from those who may not know them. */
static void
test_due_list (Fixture       *fixture,
               gconstpointer  data)
{
  /* Due 16/10 (overdue), 16/12, 16/03 */
  g_autoptr (ShelterStay) overdue = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                                "2026-09-16", "goals_reached");
  /* Due 25/11 (this week), ... */
  g_autoptr (ShelterStay) this_week = discharged (fixture, "Lan", "2026-05-04T09:00:00+07:00",
                                                  "2026-10-25", "goals_reached");
  /* Due 10/12: not yet */
  g_autoptr (ShelterStay) later = discharged (fixture, "Hoa", "2026-05-04T09:00:00+07:00",
                                              "2026-11-10", "goals_reached");
  /* Overdue but closed */
  g_autoptr (ShelterStay) closed = discharged (fixture, "Vân", "2026-05-04T09:00:00+07:00",
                                               "2026-09-10", "goals_reached");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) for_manager = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (later);
  add_caseworker_account (fixture);
  g_assert_true (shelter_follow_up_close_case (fixture->manager, shelter_stay_get_id (closed),
                                               "Đã chuyển ra nước ngoài làm việc", NULL,
                                               &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE person SET high_protection = 1 WHERE id = %" G_GINT64_FORMAT,
                         shelter_stay_get_person_id (this_week));
  exec_sql (fixture->db, sql);

  rows = shelter_follow_up_list_due (fixture->caseworker, "2026-11-29", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (row_at (rows, 0)->due_on, ==, "2026-10-16");
  g_assert_cmpint (row_at (rows, 0)->stay_id, ==, shelter_stay_get_id (overdue));
  g_assert_cmpstr (row_at (rows, 0)->resident_name, ==, "Lò Thị Mai");
  g_assert_cmpstr (row_at (rows, 0)->assigned_name, ==, "Nguyễn Thị Thử");
  g_assert_cmpstr (row_at (rows, 1)->due_on, ==, "2026-11-25");
  g_assert_nonnull (row_at (rows, 1)->case_code);
  g_assert_null (row_at (rows, 1)->resident_name);

  for_manager = shelter_follow_up_list_due (fixture->manager, "2026-11-29", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row_at (for_manager, 1)->resident_name, ==, "Lò Thị Lan");

  g_assert_null (shelter_follow_up_list_due (fixture->caseworker, "29/11/2026", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FOLLOW_UP_DATE);
}

/* "At risk" and "re-trafficked" reach the managers with the case code, never the name. */
static void
test_alerts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (ShelterStay) other = discharged (fixture, "Lan", "2026-05-04T09:00:00+07:00",
                                              "2026-09-15", "goals_reached");
  g_autoptr (GPtrArray) rows = list_for (fixture, stay);
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GPtrArray) alerts = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GPtrArray) own = NULL;
  g_autoptr (GError) error = NULL;
  ShelterFollowUpInput input;
  ShelterFollowUpAlert *alert;
  gint64 last = 0, newest = 0, after = 0;

  none = shelter_follow_up_alerts_after (fixture->manager, -1, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (last, >, 0);

  g_assert_null (shelter_follow_up_alerts_after (fixture->caseworker, last, &newest, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* The planned one, written before the last id seen, is filled in now: it is heard. */
  input = stable_on (stay, "2026-10-20");
  input.id = row_at (rows, 0)->id;
  input.version = row_at (rows, 0)->version;
  input.situation = "at_risk";
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), >, 0);
  input = stable_on (other, "2026-10-21");
  g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), >, 0);
  input = stable_on (other, "2026-10-22");
  input.situation = "re_trafficked";
  g_assert_cmpint (shelter_follow_up_record (fixture->manager, &input, &error), >, 0);
  g_assert_no_error (error);

  alerts = shelter_follow_up_alerts_after (fixture->manager, last, &newest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, 2);
  alert = g_ptr_array_index (alerts, 0);
  g_assert_cmpstr (alert->situation, ==, "at_risk");
  g_assert_true (g_str_has_prefix (alert->case_code, "2026-"));
  g_assert_false (alert->own);
  alert = g_ptr_array_index (alerts, 1);
  g_assert_cmpstr (alert->situation, ==, "re_trafficked");
  g_assert_true (alert->own);
  g_assert_cmpint (newest, >, last);

  later = shelter_follow_up_alerts_after (fixture->manager, newest, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);
  g_assert_cmpint (after, ==, newest);
  own = shelter_follow_up_alerts_after (fixture->manager, last, &after, &error);
  g_assert_cmpuint (own->len, ==, 2);
}

/* The case closes after the last planned follow-up with no reason; earlier only with one,
 * which cancels what is left. */
static void
test_close_case (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ShelterStay) early = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                              "2026-09-15", "goals_reached");
  g_autoptr (ShelterStay) normal = discharged (fixture, "Lan", "2026-01-05T09:00:00+07:00",
                                               "2026-02-10", "goals_reached");
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) cancelled = NULL;
  g_autoptr (ShelterCaseClosureRow) closure = NULL;
  g_autoptr (GError) error = NULL;
  gint64 early_id = shelter_stay_get_id (early);
  gint64 normal_id = shelter_stay_get_id (normal);
  g_autofree char *sql = NULL;

  g_assert_null (shelter_follow_up_get_closure (fixture->caseworker, early_id, &error));
  g_assert_no_error (error);

  /* Early without a reason */
  g_assert_false (shelter_follow_up_close_case (fixture->caseworker, early_id, "  ", "Ổn định",
                                                &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CASE_CLOSURE_REASON);
  g_assert_nonnull (strstr (error->message, "3 follow-ups"));
  g_clear_error (&error);
  g_assert_true (shelter_follow_up_close_case (fixture->caseworker, early_id,
                                               "Gia đình chuyển vào Nam, không liên lạc được",
                                               "Lần cuối biết tin: ổn định", &error));
  g_assert_no_error (error);
  cancelled = list_for (fixture, early);
  for (guint i = 0; i < cancelled->len; i++)
    {
      g_assert_cmpstr (row_at (cancelled, i)->status, ==, "cancelled");
      g_assert_cmpstr (row_at (cancelled, i)->cancel_reason, ==,
                       "Gia đình chuyển vào Nam, không liên lạc được");
    }
  closure = shelter_follow_up_get_closure (fixture->caseworker, early_id, &error);
  g_assert_nonnull (closure);
  g_assert_true (closure->early);
  g_assert_cmpstr (closure->closed_on, ==, "2026-11-22");
  g_assert_cmpstr (closure->closed_by, ==, "test.caseworker");
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'close_case' AND "
                         "entity = 'stay' AND entity_id = %" G_GINT64_FORMAT, early_id);
  g_assert_cmpint (test_count (fixture->db, sql), ==, 1);
  /* Twice */
  g_assert_false (shelter_follow_up_close_case (fixture->caseworker, early_id, "Lại", NULL,
                                                &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CASE_CLOSED);
  g_clear_error (&error);

  /* Normal: every planned one done (due 10/03, 10/05, 10/08) */
  rows = list_for (fixture, normal);
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterFollowUpInput input = stable_on (normal, row_at (rows, i)->due_on);

      input.id = row_at (rows, i)->id;
      input.version = row_at (rows, i)->version;
      g_assert_cmpint (shelter_follow_up_record (fixture->caseworker, &input, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (shelter_follow_up_close_case (fixture->caseworker, normal_id, NULL,
                                               "Đã ổn định, có việc làm", &error));
  g_assert_no_error (error);
  g_clear_pointer (&closure, shelter_case_closure_row_free);
  closure = shelter_follow_up_get_closure (fixture->manager, normal_id, &error);
  g_assert_false (closure->early);
  g_assert_null (closure->reason);
  g_assert_cmpstr (closure->summary, ==, "Đã ổn định, có việc làm");
}

/* A medical account reads the follow-ups but records, changes and closes nothing. */
static void
test_medical_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = discharged (fixture, "Mai", "2026-05-04T09:00:00+07:00",
                                             "2026-09-15", "goals_reached");
  g_autoptr (GPtrArray) rows = list_for (fixture, stay);
  g_autoptr (GPtrArray) read = NULL;
  g_autoptr (GError) error = NULL;
  ShelterFollowUpInput input = stable_on (stay, "2026-10-15");
  gint64 last;

  g_assert_cmpint (shelter_follow_up_record (fixture->medical, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_follow_up_reschedule (fixture->medical, row_at (rows, 0)->id,
                                                row_at (rows, 0)->version, "2026-10-20",
                                                "visit", NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_follow_up_close_case (fixture->medical, shelter_stay_get_id (stay),
                                                "Lý do", NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (shelter_follow_up_alerts_after (fixture->medical, -1, &last, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_follow_up_set_months (fixture->medical, "1,3,6", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  read = shelter_follow_up_list_due (fixture->medical, "2026-11-29", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up WHERE status <> "
                               "'planned'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/follow-up/schedule/default", test_schedule_default);
  ADD ("/follow-up/schedule/leap", test_schedule_leap);
  ADD ("/follow-up/schedule/setting", test_months_setting);
  ADD ("/follow-up/record/planned", test_record_planned);
  ADD ("/follow-up/record/extra", test_record_extra);
  ADD ("/follow-up/record/refusals", test_record_refusals);
  ADD ("/follow-up/reschedule", test_reschedule);
  ADD ("/follow-up/due", test_due_list);
  ADD ("/follow-up/alerts", test_alerts);
  ADD ("/follow-up/close", test_close_case);
  ADD ("/follow-up/medical", test_medical_refused);

  return g_test_run ();
}
