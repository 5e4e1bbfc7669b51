/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shelter-bench.h"
#include "shelter-demo.h"
#include "test-common.h"

/* `shelterctl bench` on a tiny centre with few runs, so that the benchmark cannot rot:
 * every line is there, measured or saying why not, and the table and the JSON agree. The
 * figures themselves are never asserted (timing is not a test). */

static const char *expected_codes[] = {
  "open", "search", "search_ratio", "search_cold", "list_first_screen", "list_first_screen_cold",
  "list_everyone", "list_end", "resident_page", "kitchen", "reminders", "forecast",
  "annual_report", "intake_save", "import", NULL
};

static ShelterBenchLine *
find_line (GPtrArray  *lines,
           const char *code)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (((ShelterBenchLine *) lines->pdata[i])->code, code))
      return lines->pdata[i];
  return NULL;
}

static void
test_measures_every_line (void)
{
  g_autofree char *path = test_path ("bench.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) lines =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_bench_line_free);
  g_autofree char *table = NULL;
  g_autofree char *json = NULL;
  const char *info[] = { "residents", "200", NULL };
  ShelterBenchLine *import;
  gint64 people;
  g_auto (GStrv) rows = NULL;

  g_assert_true (shelter_demo_create (path, 200, 3, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  session = shelter_session_new_for_operator (db);
  people = test_count (db, "SELECT count(*) FROM person");

  g_assert_true (shelter_bench_run (session, path, 2, lines, &error));
  g_assert_no_error (error);

  for (guint i = 0; expected_codes[i] != NULL; i++)
    {
      ShelterBenchLine *line = find_line (lines, expected_codes[i]);

      g_assert_nonnull (line);
      if (line->state != SHELTER_BENCH_MEASURED)
        continue;
      g_assert_cmpuint (line->runs, >=, 1);
      g_assert_false (isnan (line->median));
      g_assert_cmpfloat (line->median, >, 0);
      g_assert_cmpfloat (line->p95, >=, line->median * (g_str_equal (line->unit, "x") ? 0 : 1));
    }
  /* The search is timed on at least 50 desk queries. */
  g_assert_cmpstr (find_line (lines, "search")->note, !=, NULL);
  g_assert_cmpuint (find_line (lines, "search")->runs, >=, 100);
  /* The intakes were really saved, in the working copy: one warm-up and two timed. */
  g_assert_true (shelter_bench_line_passes (find_line (lines, "resident_page"))); /* no target */

  /* The import wrote the 10,000 rows of its spreadsheet. */
  import = find_line (lines, "import");
  g_assert_cmpint (import->state, ==, SHELTER_BENCH_MEASURED);
  g_assert_nonnull (strstr (import->note, "10000 people"));
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, people + 3 + 10000);
  table = shelter_bench_format_table (lines);
  rows = g_strsplit (table, "\n", -1);
  g_assert_true (g_str_has_prefix (rows[0], "What"));
  g_assert_cmpuint (g_strv_length (rows), ==, lines->len + 2);
  g_assert_nonnull (strstr (table, "Save an intake"));

  json = shelter_bench_format_json (lines, info);
  g_assert_true (g_str_has_prefix (json, "{\n  \"residents\": \"200\",\n  \"lines\": ["));
  g_assert_nonnull (strstr (json, "{\"code\": \"import\", \"what\": \"Import 10,000 residents from "
                                  "CSV\", \"unit\": \"ms\", \"state\": \"measured\", \"runs\": 1, "));
  g_assert_nonnull (strstr (json, "{\"code\": \"intake_save\""));
  g_assert_true (g_str_has_suffix (json, "}\n  ]\n}\n"));
}

static void
test_verdicts (void)
{
  g_autoptr (ShelterBenchLine) line = shelter_bench_line_new ("x", "x", "ms", 10);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *table = NULL;
  g_autofree char *json = NULL;

  for (double v = 20; v >= 1; v -= 1)
    g_array_append_val (samples, v);
  shelter_bench_line_set_samples (line, samples);
  g_assert_cmpuint (line->runs, ==, 20);
  g_assert_cmpfloat (line->median, ==, 11);
  g_assert_cmpfloat (line->p95, ==, 19);
  /* The target bounds the 95th percentile: 19 ms is over 10 ms. */
  g_assert_false (shelter_bench_line_passes (line));
  g_ptr_array_add (lines, line);
  table = shelter_bench_format_table (lines);
  g_assert_nonnull (strstr (table, "fail"));
  line->target_on_median = FALSE;
  line->target = 20;
  g_assert_true (shelter_bench_line_passes (line));
  g_clear_pointer (&table, g_free);

  /* What is not built says so and shows no number, in the table and the JSON. */
  line->state = SHELTER_BENCH_NOT_BUILT;
  g_assert_false (shelter_bench_line_passes (line));
  table = shelter_bench_format_table (lines);
  g_assert_nonnull (strstr (table, "not built"));
  g_assert_nonnull (strstr (table, "—           —"));
  g_assert_null (strstr (table, "11.0"));
  json = shelter_bench_format_json (lines, NULL);
  g_assert_nonnull (strstr (json, "\"state\": \"not_built\", \"runs\": 20, \"median\": null, "
                                  "\"p95\": null, \"target\": 20.000, \"target_on\": \"p95\", "
                                  "\"pass\": null"));
}

/* The command itself, as a user runs it: generates the centre once in the cache folder,
 * reuses it the second time, prints the table and writes the JSON. */
static void
test_command (void)
{
  const char *shelterctl = g_getenv ("SHELTERCTL");
  g_autofree char *cache = test_path ("cache");
  g_autofree char *json_path = test_path ("bench.json");
  g_autofree char *json = NULL;
  g_auto (GStrv) env = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *centre = NULL;

  if (shelterctl == NULL || !g_file_test (shelterctl, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shelterctl is not built");
      return;
    }
  env = g_get_environ ();
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);

  for (guint round = 0; round < 2; round++)
    {
      const char *argv[] = { shelterctl, "bench", "--residents", "150", "--runs", "1",
                             "--no-window", "--json", json_path, NULL };
      g_autofree char *out = NULL, *err = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "What"));
      g_assert_nonnull (strstr (out, "Search residents (first 50 hits)"));
      g_assert_nonnull (strstr (out, "Import 10,000 residents from CSV"));
      g_assert_nonnull (strstr (out, "Start to first frame"));
      /* Made once, then reused. */
      if (round == 0)
        g_assert_nonnull (strstr (err, "Generating"));
      else
        g_assert_null (strstr (err, "Generating a demo centre of 150"));
    }
  centre = g_strdup_printf ("%s/vn.maiam.Shelter/bench/centre-v%d-n150-s1.db", cache,
                            shelter_db_latest_schema_version ());
  g_assert_true (g_file_test (centre, G_FILE_TEST_EXISTS));
  /* design.md's centre: people come back (about 1.2 stays each; the first months of the
   * centre have no earlier stay to add), each stay with its intake and room, and the
   * ended stays with their services. */
  {
    g_autoptr (ShelterDb) db = shelter_db_open (centre, SHELTER_DB_OPEN_CHECKED, &error);
    gint64 people, stays, intakes, placements, services;
    g_autofree char *problems = NULL;

    g_assert_no_error (error);
    people = shelter_bench_store_count_rows (db, "person", &error);
    stays = shelter_bench_store_count_rows (db, "stay", &error);
    intakes = shelter_bench_store_count_rows (db, "intake", &error);
    placements = shelter_bench_store_count_rows (db, "placement", &error);
    services = shelter_bench_store_count_rows (db, "service", &error);
    g_assert_no_error (error);
    g_assert_cmpint (people, ==, 150);
    g_assert_cmpint (stays, >, people);
    g_assert_cmpint (stays, <=, people * 12 / 10);
    g_assert_cmpint (intakes, ==, stays);
    g_assert_cmpint (placements, >=, stays);
    g_assert_cmpint (services, >=, (stays - people) * 10);  /* the earlier stays ended */
    g_assert_true (shelter_db_check (db, FALSE, &problems, &error));
    g_assert_no_error (error);
  }
  /* The working copy is gone. */
  {
    g_autofree char *folder = g_path_get_dirname (centre);
    g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, "work-"));
  }
  g_assert_true (g_file_get_contents (json_path, &json, NULL, &error));
  g_assert_nonnull (strstr (json, "\"residents\": \"150\""));
  g_assert_nonnull (strstr (json, "\"code\": \"first_frame\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bench/measures-every-line", test_measures_every_line);
  g_test_add_func ("/bench/verdicts", test_verdicts);
  g_test_add_func ("/bench/command", test_command);
  return g_test_run ();
}
