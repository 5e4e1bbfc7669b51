/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "shelter-demo.h"
#include "shelter-follow-up.h"
#include "shelter-reception.h"
#include "shelter-reminders.h"
#include "test-common.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the built shelterctl in the C locale so that messages are the English source. */
static void
ctl (Run        *run,
     const char *first,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SHELTERCTL"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

static void
test_check (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autofree char *text_file = test_path ("notes.db");
  g_autofree char *missing = test_path ("missing.db");
  g_auto (Run) good = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (Run) absent = { 0 };

  ctl (&good, "check", shelter_db_get_path (db), NULL);
  g_assert_true (g_spawn_check_wait_status (good.status, NULL));
  g_assert_true (strstr (good.out, "integrity: ok") != NULL);

  g_assert_true (g_file_set_contents (text_file, "hello", -1, NULL));
  ctl (&bad, "check", text_file, NULL);
  g_assert_false (g_spawn_check_wait_status (bad.status, NULL));
  g_assert_cmpuint (count_lines (bad.err), ==, 1);
  g_assert_true (strstr (bad.err, "not a Mái Ấm database") != NULL);

  ctl (&absent, "check", missing, NULL);
  g_assert_false (g_spawn_check_wait_status (absent.status, NULL));
  g_assert_cmpuint (count_lines (absent.err), ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_demo_rooms_search (void)
{
  g_autofree char *path = test_path ("demo.db");
  g_auto (Run) demo = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) rooms = { 0 };
  g_auto (Run) search = { 0 };
  g_auto (GStrv) lines = NULL;

  ctl (&demo, "demo", path, "--residents", "120", "--seed", "5", NULL);
  g_assert_true (g_spawn_check_wait_status (demo.status, NULL));
  ctl (&again, "demo", path, "--residents", "120", NULL);
  g_assert_false (g_spawn_check_wait_status (again.status, NULL));
  g_assert_true (strstr (again.err, "--force") != NULL);

  ctl (&rooms, "rooms", path, NULL);
  g_assert_true (g_spawn_check_wait_status (rooms.status, NULL));
  lines = g_strsplit (rooms.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 11);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      unsigned beds, occupied, absent, free_beds;

      /* code, building, name, use, age group, beds, occupied, absent, free */
      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      beds = atoi (fields[5]);
      occupied = atoi (fields[6]);
      absent = atoi (fields[7]);
      free_beds = atoi (fields[8]);
      g_assert_cmpuint (occupied + free_beds, ==, beds);
      g_assert_cmpuint (absent, <=, occupied);
    }
  g_clear_pointer (&lines, g_strfreev);

  /* On the day the rooms opened every bed was free; a malformed date is refused. */
  {
    g_auto (Run) before = { 0 };
    g_auto (Run) bad_date = { 0 };

    g_autofree char *opened = NULL;
    sqlite3 *handle = NULL;
    sqlite3_stmt *stmt = NULL;

    /* The day the rooms opened, before anyone was received. */
    g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT min(opened_on), "
                                         "min(opened_on) < (SELECT substr(min(admitted_at), 1, 10) "
                                         "FROM stay) FROM room", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    opened = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (handle);

    ctl (&before, "rooms", path, "--date", opened, NULL);
    g_assert_true (g_spawn_check_wait_status (before.status, NULL));
    lines = g_strsplit (before.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 11);
    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpstr (fields[6], ==, "0");
        g_assert_cmpstr (fields[8], ==, fields[5]);
      }
    ctl (&bad_date, "rooms", path, "--date", "1/6/2026", NULL);
    g_assert_false (g_spawn_check_wait_status (bad_date.status, NULL));
    g_assert_nonnull (strstr (bad_date.err, "YYYY-MM-DD"));
  }

  ctl (&search, "search", path, "nguyen", NULL);
  g_assert_true (g_spawn_check_wait_status (search.status, NULL));
  g_assert_true (strstr (search.out, "Nguyễn") != NULL);
  g_assert_true (strstr (search.out, "-0") != NULL);
}

static void
test_backup_restore_check (void)
{
  g_autofree char *path = test_path ("centre.db");
  g_autofree char *backup = test_path ("centre.maiam-backup");
  g_autofree char *passphrase = test_path ("passphrase.txt");
  g_autofree char *wrong = test_path ("wrong.txt");
  g_autofree char *target = test_path ("restored.db");
  g_auto (Run) demo = { 0 };
  g_auto (Run) backup_run = { 0 };
  g_auto (Run) bad_restore = { 0 };
  g_auto (Run) restore = { 0 };
  g_auto (Run) check = { 0 };

  ctl (&demo, "demo", path, "--residents", "40", NULL);
  g_assert_true (g_spawn_check_wait_status (demo.status, NULL));
  g_assert_true (g_file_set_contents (passphrase, "cụm mật khẩu dài\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "một cụm khác hẳn\n", -1, NULL));

  ctl (&backup_run, "backup", path, backup, "--passphrase-file", passphrase, NULL);
  g_assert_true (g_spawn_check_wait_status (backup_run.status, NULL));

  ctl (&bad_restore, "restore", backup, target, "--passphrase-file", wrong, NULL);
  g_assert_false (g_spawn_check_wait_status (bad_restore.status, NULL));
  g_assert_cmpuint (count_lines (bad_restore.err), ==, 1);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  ctl (&restore, "restore", backup, target, "--passphrase-file", passphrase, NULL);
  g_assert_true (g_spawn_check_wait_status (restore.status, NULL));
  ctl (&check, "check", target, NULL);
  g_assert_true (g_spawn_check_wait_status (check.status, NULL));
  g_assert_true (strstr (check.out, "chain whole") != NULL);
}

static void
test_intake_record (void)
{
  g_autofree char *path = test_path ("centre.db");
  g_autofree char *pdf = test_path ("BBTN.pdf");
  g_autofree char *code = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) demo = { 0 };
  g_auto (Run) search = { 0 };
  g_auto (Run) record = { 0 };
  g_auto (Run) unknown = { 0 };
  g_auto (Run) nothing = { 0 };
  GStatBuf st;

  ctl (&demo, "demo", path, "--residents", "20", NULL);
  g_assert_true (g_spawn_check_wait_status (demo.status, NULL));
  ctl (&search, "search", path, "thi", "--limit", "1", NULL);
  g_assert_true (g_spawn_check_wait_status (search.status, NULL));
  code = g_strndup (search.out, strcspn (search.out, "\t"));
  g_assert_cmpuint (strlen (code), >, 0);

  /* Every stay of the demo came in through the reception desk. */
  ctl (&record, "intake-record", path, code, "--output", pdf, "--text", NULL);
  g_assert_true (g_spawn_check_wait_status (record.status, NULL));
  g_assert_true (strstr (record.out, "INTAKE RECORD") != NULL);
  g_assert_true (strstr (record.out, code) != NULL);
  g_assert_true (strstr (record.out, "No.: BBTN-") != NULL);
  g_assert_true (strstr (record.err, pdf) != NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Recorded as the operating-system user who ran it. */
  db = shelter_db_open (path, SHELTER_DB_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                   "AND entity = 'stay' AND actor LIKE 'os:%'"), ==, 1);

  ctl (&unknown, "intake-record", path, "1999-9999", "--text", NULL);
  g_assert_false (g_spawn_check_wait_status (unknown.status, NULL));
  g_assert_cmpuint (count_lines (unknown.err), ==, 1);
  g_assert_true (strstr (unknown.err, "1999-9999") != NULL);

  ctl (&nothing, "intake-record", path, code, NULL);
  g_assert_false (g_spawn_check_wait_status (nothing.status, NULL));
  g_assert_true (strstr (nothing.err, "--output") != NULL);
}

/* shelterctl follow-ups: the overdue and due follow-ups, one a line; --until reaches
 * further; a malformed day is refused. */
static void
test_follow_ups (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) week = { 0 };
  g_auto (Run) later = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (GStrv) fields = NULL;
  gint64 room = test_add_room (session, "A101", "female", "any", 4);

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (session, person, intake, room, "2026-05-04T09:00:00+07:00",
                                 &error);
  g_assert_no_error (error);
  /* Discharged 16/09/2026: due 16/10 (overdue, whatever today is: the clock of shelterctl is
   * the real one, after 2026-11), 16/12/2026 and 16/03/2027. */
  g_assert_true (shelter_discharge_stay (session, stay, "2026-09-16T10:00:00+07:00",
                                         "goals_reached", &error));
  g_assert_true (shelter_db_begin (db, &error));
  g_assert_true (_shelter_follow_up_schedule (session, shelter_stay_get_id (stay), "2026-09-16",
                                              "test.caseworker", &error));
  g_assert_true (shelter_db_commit (db, &error));
  g_assert_no_error (error);

  ctl (&week, "follow-ups", shelter_db_get_path (db), "--until", "2026-11-29", NULL);
  g_assert_true (g_spawn_check_wait_status (week.status, NULL));
  g_assert_cmpuint (count_lines (week.out), ==, 1);
  fields = g_strsplit (g_strchomp (week.out), "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_true (g_str_has_prefix (fields[0], "2026-"));
  g_assert_cmpstr (fields[1], ==, "2026-10-16");
  g_assert_cmpstr (fields[2], ==, "call");
  g_assert_cmpstr (fields[3], ==, "test.caseworker");
  g_assert_cmpstr (fields[4], ==, "overdue");

  ctl (&later, "follow-ups", shelter_db_get_path (db), "--until", "2027-12-31", NULL);
  g_assert_true (g_spawn_check_wait_status (later.status, NULL));
  g_assert_cmpuint (count_lines (later.out), ==, 3);

  ctl (&bad, "follow-ups", shelter_db_get_path (db), "--until", "29/11/2026", NULL);
  g_assert_false (g_spawn_check_wait_status (bad.status, NULL));
  g_assert_nonnull (strstr (bad.err, "Until"));
}

/* shelterctl reminders: what the engine gives for the day and role, one a line (urgency,
 * kind, case code, since, role, what, why, action), never a name; a day written as on
 * screen is refused. */
static void
test_reminders (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterSession) operator = test_session_new (db, "operator");
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) day = { 0 };
  g_auto (Run) bad = { 0 };
  g_auto (GStrv) lines = NULL;
  gint64 room = test_add_room (session, "A101", "female", "any", 4);
  gboolean case_file = FALSE;

  /* Received on Monday 02/11/2026: the case file was due on 16/11, the health check at
   * arrival (the medical staff's) long ago. */
  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (session, person, intake, room, "2026-11-02T09:00:00+07:00",
                                 &error);
  g_assert_no_error (error);
  expected = shelter_reminders_for (operator, "2026-11-22", "caseworker", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >=, 1);

  ctl (&day, "reminders", shelter_db_get_path (db), "--date", "2026-11-22", "--role",
       "caseworker", NULL);
  g_assert_true (g_spawn_check_wait_status (day.status, NULL));
  g_assert_cmpuint (count_lines (day.out), ==, expected->len);
  g_assert_null (strstr (day.out, "Mai"));
  g_assert_null (strstr (day.out, "Lò"));
  lines = g_strsplit (g_strchomp (day.out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      ShelterReminder *reminder = g_ptr_array_index (expected, i);

      g_assert_cmpuint (g_strv_length (fields), ==, 8);
      g_assert_true (g_str_equal (fields[0], "overdue") || g_str_equal (fields[0], "today") ||
                     g_str_equal (fields[0], "soon"));
      g_assert_cmpstr (fields[1], ==, reminder->kind);
      g_assert_cmpstr (fields[4], ==, "caseworker");
      g_assert_cmpstr (fields[2], !=, "");
      if (g_str_equal (fields[1], "case_file_incomplete"))
        {
          case_file = TRUE;
          g_assert_cmpstr (fields[0], ==, "overdue");
          g_assert_cmpstr (fields[2], ==, shelter_person_get_case_code (person));
          g_assert_cmpstr (fields[3], ==, "2026-11-16");
          g_assert_cmpstr (fields[5], ==, "Case file incomplete");
        }
      g_assert_cmpstr (fields[1], !=, "health_check_arrival");
    }
  g_assert_true (case_file);

  ctl (&bad, "reminders", shelter_db_get_path (db), "--date", "22/11/2026", "--role",
       "caseworker", NULL);
  g_assert_false (g_spawn_check_wait_status (bad.status, &error));
  g_assert_error (error, G_SPAWN_EXIT_ERROR, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_cmpuint (count_lines (bad.err), ==, 1);
  /* The field named as the other commands name theirs ("Until"), with the form wanted. */
  g_assert_nonnull (strstr (bad.err, "Date:"));
  g_assert_nonnull (strstr (bad.err, "YYYY-MM-DD"));
}

static void
test_usage_errors (void)
{
  g_auto (Run) none = { 0 };
  g_auto (Run) unknown = { 0 };

  ctl (&none, NULL);
  g_assert_false (g_spawn_check_wait_status (none.status, NULL));
  ctl (&unknown, "frobnicate", NULL);
  g_assert_false (g_spawn_check_wait_status (unknown.status, NULL));
  g_assert_true (strstr (unknown.err, "frobnicate") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ctl/check", test_check);
  g_test_add_func ("/ctl/demo-rooms-search", test_demo_rooms_search);
  g_test_add_func ("/ctl/backup-restore-check", test_backup_restore_check);
  g_test_add_func ("/ctl/intake-record", test_intake_record);
  g_test_add_func ("/ctl/usage-errors", test_usage_errors);
  g_test_add_func ("/ctl/follow-ups", test_follow_ups);
  g_test_add_func ("/ctl/reminders", test_reminders);

  return g_test_run ();
}
