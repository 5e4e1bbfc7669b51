/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drill: the power fails at any moment. A long write (a demo centre of thousands of people
 * built over an existing file, and bursts of intakes) is SIGKILLed at 20 moments drawn from
 * a seeded generator (DRILL_SEED, printed, to replay a failure); after each, the file is
 * sound and every intake the writer reported done is there whole. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include <sqlite3.h>

#include "drill-common.h"
#include "shelter-audit.h"
#include "test-common.h"

#define ROUNDS 20
#define INTAKES_PER_BURST 150
#define DEMO_RESIDENTS 3000

typedef struct
{
  char   *case_code;
  gint64  person_id;
  gint64  stay_id;
  char   *record_number;
} Reported;

static void
reported_clear (gpointer data)
{
  Reported *r = data;

  g_free (r->case_code);
  g_free (r->record_number);
}

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs @argv, kills it after @delay_ms unless it ended first; returns its stdout and
 * whether it ended by itself, successfully. */
static char *
run_and_kill (const char * const *argv,
              guint               delay_ms,
              gboolean           *finished)
{
  g_autoptr (GSubprocess) process = drill_spawn (FALSE, argv);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean ended = FALSE, timed_out = FALSE;
  guint timeout;

  g_subprocess_wait_async (process, NULL, wait_cb, &ended);
  timeout = g_timeout_add (delay_ms, timeout_cb, &timed_out);
  while (!ended && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  else
    g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  /* The pending wait must land before its flag goes out of scope. */
  while (!ended)
    g_main_context_iteration (NULL, TRUE);
  *finished = g_subprocess_get_if_exited (process) &&
              g_subprocess_get_exit_status (process) == 0;
  if (g_subprocess_get_if_exited (process) && g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed before it was killed: %s%s", argv[0], out, err);
  return g_steal_pointer (&out);
}

static void
assert_reported_whole (const char *path,
                       GArray     *reported)
{
  struct sqlite3 *handle = drill_open (path);

  for (guint i = 0; i < reported->len; i++)
    {
      Reported *r = &g_array_index (reported, Reported, i);
      g_autofree char *person = g_strdup_printf ("SELECT count(*) FROM person WHERE id = %"
                                                 G_GINT64_FORMAT " AND case_code = '%s'",
                                                 r->person_id, r->case_code);
      g_autofree char *stay = g_strdup_printf ("SELECT count(*) FROM stay WHERE id = %"
                                               G_GINT64_FORMAT " AND person_id = %"
                                               G_GINT64_FORMAT " AND discharged_at IS NULL",
                                               r->stay_id, r->person_id);
      g_autofree char *placement = g_strdup_printf ("SELECT count(*) FROM placement WHERE "
                                                    "stay_id = %" G_GINT64_FORMAT
                                                    " AND ended_at IS NULL", r->stay_id);
      g_autofree char *intake = g_strdup_printf ("SELECT count(*) FROM intake WHERE stay_id = %"
                                                 G_GINT64_FORMAT " AND record_number = '%s'",
                                                 r->stay_id, r->record_number);
      g_autofree char *audit = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE "
                                                "action = 'admit' AND entity = 'stay' AND "
                                                "entity_id = %" G_GINT64_FORMAT
                                                " AND details LIKE '%%%s%%'",
                                                r->stay_id, r->record_number);

      g_assert_cmpint (drill_count_on (handle, person), ==, 1);
      g_assert_cmpint (drill_count_on (handle, stay), ==, 1);
      g_assert_cmpint (drill_count_on (handle, placement), ==, 1);
      g_assert_cmpint (drill_count_on (handle, intake), ==, 1);
      g_assert_cmpint (drill_count_on (handle, audit), ==, 1);
    }
  sqlite3_close (handle);
}

/* Nothing half-written anywhere: no person without a stay, no stay without its placement,
 * intake and audit entry. */
static void
assert_nothing_half_written (const char *path)
{
  g_assert_cmpint (drill_count (path, "SELECT count(*) FROM person p WHERE NOT EXISTS "
                                      "(SELECT 1 FROM stay s WHERE s.person_id = p.id)"), ==, 0);
  g_assert_cmpint (drill_count (path, "SELECT count(*) FROM stay s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM placement p WHERE p.stay_id = s.id)"), ==, 0);
  g_assert_cmpint (drill_count (path, "SELECT count(*) FROM stay s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM intake i WHERE i.stay_id = s.id)"), ==, 0);
  g_assert_cmpint (drill_count (path, "SELECT count(*) FROM stay s WHERE NOT EXISTS "
                                      "(SELECT 1 FROM audit_log a WHERE a.action = 'admit' AND "
                                      "a.entity = 'stay' AND a.entity_id = s.id)"), ==, 0);
}

static void
remove_leftovers (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *prefix = g_strconcat (target, ".tmp-", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (path, prefix) && !g_str_has_suffix (path, "-wal") &&
          !g_str_has_suffix (path, "-shm") && !g_str_has_suffix (path, "-journal"))
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);
          gint64 people;

          /* The half-built demo is not the centre's file, but it must be sound as far as it
           * went: the demo commits batch by batch. */
          if (g_file_test (path, G_FILE_TEST_EXISTS) && drill_count (path, "SELECT 1") == 1)
            {
              people = drill_assert_sound (path);
              g_test_message ("  left a half-built demo with %" G_GINT64_FORMAT " people", people);
            }
          g_remove (wal);
          g_remove (shm);
          g_remove (path);
        }
    }
}

static void
test_kill_at_any_moment (void)
{
  const char *seed_text = g_getenv ("DRILL_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : 13;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GArray) reported = g_array_new (FALSE, TRUE, sizeof (Reported));
  g_autofree char *centre = test_path ("centre.db");
  g_autofree char *target = test_path ("old-centre.db");
  g_autofree char *target_copy = test_path ("old-centre-copy.db");
  g_autofree char *target_sum = NULL;
  const char *shelterctl = g_getenv ("SHELTERCTL");
  gint64 rooms[ROUNDS / 2];
  guint kills = 0;

  g_array_set_clear_func (reported, reported_clear);
  g_test_message ("DRILL_SEED=%u", seed);
  g_assert_nonnull (shelterctl);

  /* The centre whose intakes are killed: a demo, with rooms enough for every burst. */
  {
    const char *argv[] = { shelterctl, "demo", centre, "--residents", "1000", "--seed", "13", NULL };
    g_autoptr (GSubprocess) demo = drill_spawn (FALSE, argv);
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = NULL;
    g_autoptr (ShelterSession) session = NULL;

    g_subprocess_wait_check (demo, NULL, &error);
    g_assert_no_error (error);
    db = shelter_db_open (centre, SHELTER_DB_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    session = test_session_new (db, "operator");
    for (guint i = 0; i < G_N_ELEMENTS (rooms); i++)
      {
        g_autofree char *code = g_strdup_printf ("DRILL%02u", i);
        rooms[i] = test_add_room (session, code, "female", "adult", 200);
      }
  }
  /* The file a demo is built over with --force: it must stay as it was until the new one
   * is complete. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (target, SHELTER_DB_OPEN_CREATE, &error);

    g_assert_no_error (error);
  }
  target_sum = drill_file_checksum (target);
  {
    g_autoptr (GFile) from = g_file_new_for_path (target);
    g_autoptr (GFile) to = g_file_new_for_path (target_copy);
    g_autoptr (GError) error = NULL;

    g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }

  for (guint round = 0; round < ROUNDS; round++)
    {
      gboolean finished = FALSE;

      if (round % 2 == 0)
        {
          g_autofree char *room = g_strdup_printf ("%" G_GINT64_FORMAT, rooms[round / 2]);
          g_autofree char *count = g_strdup_printf ("%d", INTAKES_PER_BURST);
          g_autofree char *tag = g_strdup_printf ("r%u", round);
          const char *argv[] = { DRILL_WRITER, "intakes", centre, room, count, tag, NULL };
          /* A burst takes a quarter of a second on an idle machine and a few on a busy
           * one: kill within the first, or an idle machine finishes before the kill. */
          guint delay = g_rand_int_range (rand, 5, 300);
          g_autofree char *out = run_and_kill (argv, delay, &finished);
          g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
          guint before = reported->len;
          gint64 in_file;

          for (guint i = 0; lines[i] != NULL; i++)
            {
              g_auto (GStrv) words = g_strsplit (lines[i], " ", -1);
              Reported r;

              if (g_strv_length (words) != 5 || !g_str_equal (words[0], "done"))
                continue;
              r.case_code = g_strdup (words[1]);
              r.person_id = g_ascii_strtoll (words[2], NULL, 10);
              r.stay_id = g_ascii_strtoll (words[3], NULL, 10);
              r.record_number = g_strdup (words[4]);
              g_array_append_val (reported, r);
            }
          g_test_message ("round %u: intakes killed after %u ms, %u reported done%s", round,
                          delay, reported->len - before, finished ? " (finished first)" : "");

          drill_assert_sound (centre);
          assert_reported_whole (centre, reported);
          assert_nothing_half_written (centre);
          /* At most one intake more than reported: committed, killed before it printed. */
          in_file = drill_count (centre, "SELECT count(*) FROM intake "
                                         "WHERE officer_name LIKE 'Drill %'");
          g_assert_cmpint (in_file, >=, reported->len);
          g_assert_cmpint (in_file, <=, reported->len + (round / 2 + 1));
        }
      else
        {
          g_autofree char *seed_arg = g_strdup_printf ("%u", round);
          g_autofree char *residents = g_strdup_printf ("%d", DEMO_RESIDENTS);
          const char *argv[] = { shelterctl, "demo", target, "--force", "--residents", residents,
                                 "--seed", seed_arg, NULL };
          /* The demo takes 2.5 s on an idle machine: kill within the first 2. */
          guint delay = g_rand_int_range (rand, 20, 2000);
          g_autofree char *out = run_and_kill (argv, delay, &finished);

          g_test_message ("round %u: demo killed after %u ms%s", round, delay,
                          finished ? " (finished first)" : "");
          if (finished)
            {
              /* Complete, or it would not have replaced the old file. */
              g_assert_cmpint (drill_assert_sound (target), ==, DEMO_RESIDENTS);
              g_assert_true (g_file_set_contents (target, "", 0, NULL));
              {
                g_autoptr (GFile) from = g_file_new_for_path (target_copy);
                g_autoptr (GFile) to = g_file_new_for_path (target);
                g_autoptr (GError) error = NULL;

                g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
                g_assert_no_error (error);
              }
            }
          else
            {
              g_autofree char *sum = drill_file_checksum (target);

              g_assert_cmpstr (sum, ==, target_sum);
            }
          remove_leftovers (target);
        }
      kills += finished ? 0 : 1;
    }

  /* The app opens the centre after all that, and its audit trail is still one chain. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (centre, SHELTER_DB_OPEN_DEFAULT, &error);
    gint64 entries = 0, first_broken = -1;

    g_assert_no_error (error);
    g_assert_true (shelter_audit_verify_chain (db, &entries, &first_broken, &error));
    g_assert_no_error (error);
    g_assert_cmpint (first_broken, ==, 0);
  }

  /* A drill whose writers always finished first killed nothing. */
  g_assert_cmpuint (kills, >=, ROUNDS / 2);
  g_assert_cmpuint (reported->len, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/drills/kill-at-any-moment", test_kill_at_any_moment);
  return g_test_run ();
}
