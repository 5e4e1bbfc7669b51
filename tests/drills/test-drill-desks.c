/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drill: two desks at once on one database file, each its own process (drill-writer), as
 * two computers of the centre sharing the file would be. */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "drill-common.h"
#include "shelter-audit.h"
#include "shelter-reception.h"
#include "shelter-statistics.h"
#include "test-common.h"

#define INTAKES_PER_DESK 40

static GPtrArray *
done_lines (const char *out)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *done = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "done "))
      g_ptr_array_add (done, g_strdup (lines[i]));
  return done;
}

/* Waits for a desk; returns its stdout, failing the test if it failed or ever showed
 * SQLite's own words. */
static char *
finish_desk (GSubprocess *desk)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (desk, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (desk))
    g_error ("a desk failed: %s%s", out, err);
  g_assert_null (strstr (out, "database is locked"));
  g_assert_null (strstr (err, "database is locked"));
  return g_steal_pointer (&out);
}

static void
assert_audit_chain_whole (ShelterDb *db)
{
  g_autoptr (GError) error = NULL;
  gint64 entries = 0, first_broken = -1;

  g_assert_true (shelter_audit_verify_chain (db, &entries, &first_broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_broken, ==, 0);
}

static void
test_concurrent_intakes (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *room = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           test_add_room (session, "A101", "female", "adult",
                                                          200));
  g_autofree char *count = g_strdup_printf ("%d", INTAKES_PER_DESK);
  const char *path = shelter_db_get_path (db);
  const char *argv_a[] = { DRILL_WRITER, "intakes", path, room, count, "a", NULL };
  const char *argv_b[] = { DRILL_WRITER, "intakes", path, room, count, "b", NULL };
  g_autoptr (GSubprocess) desk_a = drill_spawn (FALSE, argv_a);
  g_autoptr (GSubprocess) desk_b = drill_spawn (FALSE, argv_b);
  g_autofree char *out_a = finish_desk (desk_a);
  g_autofree char *out_b = finish_desk (desk_b);
  g_autoptr (GPtrArray) done_a = done_lines (out_a);
  g_autoptr (GPtrArray) done_b = done_lines (out_b);

  g_assert_cmpuint (done_a->len, ==, INTAKES_PER_DESK);
  g_assert_cmpuint (done_b->len, ==, INTAKES_PER_DESK);
  for (guint d = 0; d < 2; d++)
    {
      GPtrArray *done = d == 0 ? done_a : done_b;

      for (guint i = 0; i < done->len; i++)
        {
          g_auto (GStrv) words = g_strsplit (done->pdata[i], " ", -1);

          /* Distinct case codes and record numbers, however the desks interleaved. */
          g_assert_true (g_hash_table_add (codes, g_strdup (words[1])));
          g_assert_true (g_hash_table_add (records, g_strdup (words[4])));
        }
    }
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM intake"), ==, 2 * INTAKES_PER_DESK);
  g_assert_cmpint (test_count (db, "SELECT count(DISTINCT case_code) FROM person"),
                   ==, 2 * INTAKES_PER_DESK);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'admit'"),
                   ==, 2 * INTAKES_PER_DESK);
  drill_assert_sound (path);
  /* Each audit entry chains onto the one the other desk wrote just before. */
  assert_audit_chain_whole (db);
}

/* Reads one line of a desk's stdout. */
static char *
read_line (GDataInputStream *stream)
{
  g_autoptr (GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  const char       *given;
  const char       *phone;
  char             *result;
  char             *held;
  char             *current;
} Desk;

static void
desk_start (Desk       *desk,
            const char *path,
            const char *person_id,
            const char *given,
            const char *phone)
{
  const char *argv[] = { DRILL_WRITER, "edit", path, person_id, given, phone, NULL };

  desk->process = drill_spawn (TRUE, argv);
  desk->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (desk->process));
  desk->given = given;
  desk->phone = phone;
}

static void
desk_finish (Desk *desk)
{
  g_autoptr (GError) error = NULL;
  char *line;

  desk->result = read_line (desk->out);
  desk->held = read_line (desk->out);
  while ((line = read_line (desk->out)) != NULL)
    {
      if (g_str_has_prefix (line, "current "))
        desk->current = line;
      else
        g_free (line);
    }
  g_subprocess_wait_check (desk->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&desk->out);
  g_clear_object (&desk->process);
}

static void
test_concurrent_edits (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Sua", "female",
                                                      "1999-04-02");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *person_id = NULL;
  g_autofree char *read_a = NULL;
  g_autofree char *read_b = NULL;
  g_autofree char *expected_held = NULL;
  g_autofree char *expected_current = NULL;
  gint64 room = test_add_room (session, "A101", "female", "adult", 4);
  Desk desks[2] = { { 0 }, { 0 } };
  Desk *winner, *loser;

  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_record (intake, TRUE);
  stay = shelter_receive_person (session, person, intake, room, "2026-11-21T10:00:00+07:00",
                                 &error);
  g_assert_no_error (error);
  person_id = g_strdup_printf ("%" G_GINT64_FORMAT, shelter_person_get_id (person));

  desk_start (&desks[0], shelter_db_get_path (db), person_id, "Mai", "0912345678");
  desk_start (&desks[1], shelter_db_get_path (db), person_id, "Hoa", "0987654321");
  /* Both desks have the record open at the same version before either saves. */
  read_a = read_line (desks[0].out);
  read_b = read_line (desks[1].out);
  g_assert_cmpstr (read_a, ==, "read 1");
  g_assert_cmpstr (read_b, ==, "read 1");
  for (guint d = 0; d < 2; d++)
    {
      GOutputStream *in = g_subprocess_get_stdin_pipe (desks[d].process);

      g_output_stream_write_all (in, "go\n", 3, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint d = 0; d < 2; d++)
    desk_finish (&desks[d]);

  /* One wins, the other is refused. */
  g_assert_true (g_str_equal (desks[0].result, "saved") != g_str_equal (desks[1].result, "saved"));
  winner = g_str_equal (desks[0].result, "saved") ? &desks[0] : &desks[1];
  loser = winner == &desks[0] ? &desks[1] : &desks[0];
  g_test_message ("the winner typed %s; the loser was told: %s", winner->given, loser->result);
  {
    g_autofree char *stale = g_strdup_printf ("refused %d ", SHELTER_DB_ERROR_STALE);

    g_assert_true (g_str_has_prefix (loser->result, stale));
  }
  g_assert_nonnull (strstr (loser->result, "changed by someone else"));
  g_assert_null (strstr (loser->result, "locked"));

  /* The loser's desk still holds what was typed, at the version it read: nothing lost. */
  expected_held = g_strdup_printf ("held %s %s 1", loser->given, loser->phone);
  g_assert_cmpstr (loser->held, ==, expected_held);
  /* And it is shown the winner's version to make its changes again on. */
  expected_current = g_strdup_printf ("current %s %s 2", winner->given, winner->phone);
  g_assert_cmpstr (loser->current, ==, expected_current);

  stored = shelter_person_open (session, shelter_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_given_name (stored), ==, winner->given);
  g_assert_cmpstr (shelter_person_get_phone (stored), ==, winner->phone);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                   "AND entity = 'person'"), ==, 1);

  for (guint d = 0; d < 2; d++)
    {
      g_free (desks[d].result);
      g_free (desks[d].held);
      g_free (desks[d].current);
    }
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  (*(guint *) user_data)++;
}

/* The totals of the breakdowns of people received in one report. */
static gint64
received_total (GPtrArray *tables)
{
  gint64 total = -1;

  for (guint i = 0; i < tables->len; i++)
    {
      ShelterStatTable *table = tables->pdata[i];

      if (!g_str_has_prefix (table->code, "received_by_") || table->total == NULL)
        continue;
      /* Those two count only the people brought back from abroad. */
      if (g_str_equal (table->code, "received_by_destination") ||
          g_str_equal (table->code, "received_by_return_mode"))
        continue;
      if (total < 0)
        total = table->total->cells[0];
      /* Every breakdown of one report counts the same receptions. */
      g_assert_cmpint (table->total->cells[0], ==, total);
    }
  return total;
}

static void
test_report_while_writing (void)
{
  g_autofree char *path = test_path ("centre.db");
  const char *shelterctl = g_getenv ("SHELTERCTL");
  const char *demo_argv[] = { shelterctl, "demo", path, "--residents", "400", NULL };
  g_autoptr (GSubprocess) demo = drill_spawn (FALSE, demo_argv);
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) manager = NULL;
  g_autoptr (ShelterSession) operator = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) desk_a = NULL;
  g_autoptr (GSubprocess) desk_b = NULL;
  g_autofree char *room_a = NULL;
  g_autofree char *room_b = NULL;
  g_autofree char *count = g_strdup_printf ("%d", INTAKES_PER_DESK);
  ShelterPeriod period;
  gint64 first = -1, last = -1;
  guint ended = 0, reports = 0;

  g_subprocess_wait_check (demo, NULL, &error);
  g_assert_no_error (error);
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  manager = test_session_new (db, "manager");
  operator = test_session_new (db, "operator");
  room_a = g_strdup_printf ("%" G_GINT64_FORMAT, test_add_room (operator, "DR1", "female",
                                                                "adult", 100));
  room_b = g_strdup_printf ("%" G_GINT64_FORMAT, test_add_room (operator, "DR2", "female",
                                                                "adult", 100));
  g_assert_true (shelter_period_parse ("2026", "2026-11-22", &period, &error));

  {
    const char *argv_a[] = { DRILL_WRITER, "intakes", path, room_a, count, "a", NULL };
    const char *argv_b[] = { DRILL_WRITER, "intakes", path, room_b, count, "b", NULL };

    desk_a = drill_spawn (FALSE, argv_a);
    desk_b = drill_spawn (FALSE, argv_b);
  }
  g_subprocess_wait_async (desk_a, NULL, wait_cb, &ended);
  g_subprocess_wait_async (desk_b, NULL, wait_cb, &ended);

  /* Reports one after the other for as long as the desks write. */
  while (ended < 2 || reports == 0)
    {
      g_autoptr (GPtrArray) tables = shelter_statistics_compute (manager, &period, FALSE, &error);

      g_assert_no_error (error);
      g_assert_nonnull (tables);
      last = received_total (tables);
      if (first < 0)
        first = last;
      reports++;
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_test_message ("%u reports while two desks wrote; received %" G_GINT64_FORMAT
                  " at first, %" G_GINT64_FORMAT " at the end", reports, first, last);
  {
    g_autofree char *out_a = finish_desk (desk_a);
    g_autofree char *out_b = finish_desk (desk_b);
  }
  /* The desks' receptions (in 2026) are all counted once they are done. */
  {
    g_autoptr (GPtrArray) tables = shelter_statistics_compute (manager, &period, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (received_total (tables), >=, 2 * INTAKES_PER_DESK);
    g_assert_cmpint (received_total (tables), >=, first);
  }
  drill_assert_sound (path);
}

/* Another desk holds the write lock past the busy wait: the save is refused in the
 * program's words, never SQLite's, and goes through once the other desk is done. */
static void
test_busy_is_translated (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Vàng", "Thị", "Dở", "female",
                                                      "1998-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (session, "A101", "female", "adult", 4);
  sqlite3 *other = drill_open (shelter_db_get_path (db));

  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_record (intake, TRUE);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  /* A third desk starting meanwhile opens the file: opening only reads. */
  {
    g_autoptr (ShelterDb) third = shelter_db_open (shelter_db_get_path (db),
                                                   SHELTER_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_false (shelter_db_is_read_only (third));
  }
  stay = shelter_receive_person (session, person, intake, room, "2026-11-21T10:00:00+07:00",
                                 &error);
  g_assert_null (stay);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_BUSY);
  g_assert_null (strstr (error->message, "locked"));
  g_assert_null (strstr (error->message, "SQLITE"));
  g_assert_nonnull (strstr (error->message, "try again"));
  /* Nothing changed in what the desk holds. */
  g_assert_cmpint (shelter_person_get_id (person), ==, 0);
  g_assert_null (shelter_person_get_case_code (person));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  stay = shelter_receive_person (session, person, intake, room, "2026-11-21T10:00:00+07:00",
                                 &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drills/desks/concurrent-intakes", test_concurrent_intakes);
  g_test_add_func ("/drills/desks/concurrent-edits", test_concurrent_edits);
  g_test_add_func ("/drills/desks/report-while-writing", test_report_while_writing);
  g_test_add_func ("/drills/desks/busy-is-translated", test_busy_is_translated);
  return g_test_run ();
}
