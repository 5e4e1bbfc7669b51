/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelterctl"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shelter-bench.h"
#include "shelter-ctl.h"
#include "shelter-demo.h"
#include "shelter-residents-model.h"
#include "shelter-stores.h"

/* shelterctl bench [DB] [--residents N] [--seed S] [--json FILE] [--runs R]: the targets of
 * design.md measured on DB, or on a generated centre kept in a cache folder by seed, size and
 * schema version. The measurements run on a copy, so that neither is changed. */

#define TARGET_FIRST_FRAME_MS 1500.0
#define TARGET_LIST_MEMORY_MB   50.0

static int
bench_usage (GOptionContext *context,
             const char     *message)
{
  g_printerr ("shelterctl: %s\n", message);
  g_printerr ("%s", g_option_context_get_help (context, TRUE, NULL));
  return 2;
}

static int
bench_fail (GError *error)
{
  g_printerr ("shelterctl: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

/* Where generated centres are kept between runs. */
static char *
cache_folder (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "vn.maiam.Shelter",
                                              "bench", NULL);

  if (g_mkdir_with_parents (folder, 0700) == 0)
    return g_steal_pointer (&folder);
  g_clear_pointer (&folder, g_free);
  folder = g_build_filename (g_get_tmp_dir (), "shelter-bench", NULL);
  g_mkdir_with_parents (folder, 0700);
  return g_steal_pointer (&folder);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  if (GPOINTER_TO_INT (user_data))
    g_printerr ("%u/%u\r", done, total);
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* What design.md's centre has and the demo does not make: about 1.2 stays a resident and
 * ten service records a stay. Both steps leave a centre that has them already as it is. */
static gboolean
complete_centre (const char  *path,
                 GError     **error)
{
  g_autoptr (ShelterDb) db = NULL;
  g_autofree char *stays_text = NULL, *services_text = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 stays, services;

  /* Just made: the integrity check, a read of the whole file, would add minutes at a
   * million residents. */
  db = shelter_db_open (path, SHELTER_DB_OPEN_CHECKED, error);
  if (db == NULL || (stays = shelter_bench_store_add_earlier_stays (db, error)) < 0 ||
      (services = shelter_bench_store_add_service_history (db, 10, error)) < 0 ||
      !shelter_db_checkpoint (db, error))
    return FALSE;
  if (stays == 0 && services == 0)
    return TRUE;
  stays_text = g_strdup_printf ("%" G_GINT64_FORMAT, stays);
  services_text = g_strdup_printf ("%" G_GINT64_FORMAT, services);
  g_printerr (_("Added %s earlier stays and %s service records in %.1f s.\n"), stays_text,
              services_text, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* The generated centre of @residents and @seed for this schema, made when missing. */
static char *
cached_centre (const char  *folder,
               guint        residents,
               guint32      seed,
               double      *generated_s,
               GError     **error)
{
  g_autofree char *name = g_strdup_printf ("centre-v%d-n%u-s%u.db",
                                           shelter_db_latest_schema_version (), residents, seed);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *partial = NULL;
  gboolean upgraded = FALSE;
  gint64 start;

  *generated_s = NAN;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  /* Made beside, then renamed: an interrupted run leaves no half-made centre to reuse. */
  partial = g_strconcat (path, ".partial", NULL);

  /* A centre of an older schema is upgraded rather than made again (a million residents
   * take a while): the same data, as a user's database would be. */
  for (int version = shelter_db_latest_schema_version () - 1; version > 0 && !upgraded; version--)
    {
      g_autofree char *old_name = g_strdup_printf ("centre-v%d-n%u-s%u.db", version, residents,
                                                   seed);
      g_autofree char *old = g_build_filename (folder, old_name, NULL);
      g_autoptr (ShelterDb) db = NULL;

      if (!g_file_test (old, G_FILE_TEST_EXISTS) || g_rename (old, partial) != 0)
        continue;
      g_printerr (_("Upgrading %s…\n"), old);
      db = shelter_db_open (partial, SHELTER_DB_OPEN_CHECKED, error);
      if (db == NULL || !shelter_db_checkpoint (db, error))
        return NULL;
      if (shelter_db_get_pre_migration_backup (db) != NULL)
        g_unlink (shelter_db_get_pre_migration_backup (db));
      upgraded = TRUE;
    }

  if (!upgraded)
    {
      g_printerr (_("Generating a demo centre of %u residents in %s…\n"), residents, path);
      start = g_get_monotonic_time ();
      if (!shelter_demo_create (partial, residents, seed, TRUE, progress_cb,
                                GINT_TO_POINTER (isatty (fileno (stderr))), error))
        return NULL;
      *generated_s = (g_get_monotonic_time () - start) / 1e6;
    }

  if (!complete_centre (partial, error))
    {
      remove_database (partial);
      return NULL;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      remove_database (partial);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* A copy of @source at @copy through SQLite's backup, upgraded to this version first. The
 * integrity check is left out here (the benchmark times it on a line of its own). */
static gboolean
copy_database (const char  *source,
               const char  *copy,
               GError     **error)
{
  g_autoptr (ShelterDb) db = shelter_db_open (source, SHELTER_DB_OPEN_CHECKED, error);

  return db != NULL && shelter_db_backup_to (db, copy, error);
}

/* The peak resident memory of this process so far, in MB (VmHWM). */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return NAN;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : NAN;
}

/* `shelterctl bench --list-memory DB`, run as a child: opens the Residents list as the
 * page does (in residence and everyone, first screen) and prints the peak memory. */
static int
list_memory_probe (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_CHECKED, &error);
  g_autoptr (ShelterSession) session = NULL;
  ShelterResidentFilter filters[] = { SHELTER_RESIDENT_FILTER_IN_RESIDENCE,
                                      SHELTER_RESIDENT_FILTER_ALL };
  GPtrArray *models = g_ptr_array_new_with_free_func (g_object_unref);

  if (db == NULL)
    return bench_fail (g_steal_pointer (&error));
  session = shelter_session_new_for_operator (db);
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      ShelterResidentsModel *model = shelter_residents_model_new (session);
      guint n;

      if (!shelter_residents_model_set_filter (model, filters[f], &error) ||
          !shelter_residents_model_set_order (model, SHELTER_RESIDENT_ORDER_NAME, FALSE, &error))
        return bench_fail (g_steal_pointer (&error));
      n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint i = 0; i < MIN (n, 50); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
      g_ptr_array_add (models, model);
    }
  g_print ("peak-rss-mb %.1f\n", peak_rss_mb ());
  g_ptr_array_unref (models);
  return EXIT_SUCCESS;
}

/* Runs @argv, waits for it and returns its standard output; @max_rss_mb is its peak
 * memory, @elapsed_ms from the start until the line "first frame" appeared (or the end). */
static char *
run_child (char       **argv,
           double      *elapsed_ms,
           double      *max_rss_mb,
           GError     **error)
{
  GPid pid;
  int out_fd = -1, status = 0;
  GString *output = g_string_new (NULL);
  gint64 start = g_get_monotonic_time ();
  char buffer[4096];
  ssize_t n;
  struct rusage usage;

  *elapsed_ms = NAN;
  if (!g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, error))
    {
      g_string_free (output, TRUE);
      return NULL;
    }
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      {
        g_string_append_len (output, buffer, n);
        if (isnan (*elapsed_ms) && strstr (output->str, "first frame") != NULL)
          *elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
      }
  close (out_fd);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  if (isnan (*elapsed_ms))
    *elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;
  *max_rss_mb = usage.ru_maxrss / 1024.0;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_string_free (output, TRUE);
      return NULL;
    }
  return g_string_free (output, FALSE);
}

static char *
self_path (void)
{
  return g_file_read_link ("/proc/self/exe", NULL);
}

/* The peak memory of a child process opening the Residents list on @path, in MB. */
static double
list_memory (const char  *path,
             GError     **error)
{
  g_autofree char *self = self_path ();
  char *argv[] = { self, (char *) "bench", (char *) "--list-memory", (char *) path, NULL };
  g_autofree char *output = NULL;
  double elapsed, rss;
  const char *figure;

  output = run_child (argv, &elapsed, &rss, error);
  if (output == NULL)
    return NAN;
  figure = strstr (output, "peak-rss-mb ");
  return figure != NULL ? g_ascii_strtod (figure + 12, NULL) : NAN;
}

/* The window's binary: $SHELTER_BIN, or ui/shelter beside shelterctl in the build tree, or
 * shelter beside it when installed. */
static char *
find_shelter_binary (void)
{
  const char *env = g_getenv ("SHELTER_BIN");
  g_autofree char *self = self_path ();
  g_autofree char *folder = NULL;
  char *candidate;

  if (env != NULL && *env != '\0')
    return g_file_test (env, G_FILE_TEST_IS_EXECUTABLE) ? g_strdup (env) : NULL;
  if (self == NULL)
    return NULL;
  folder = g_path_get_dirname (self);
  candidate = g_build_filename (folder, "..", "ui", "shelter", NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);
  candidate = g_build_filename (folder, "shelter", NULL);
  if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
    return candidate;
  g_free (candidate);
  return NULL;
}

static void
bench_window (const char *path,
              guint       runs,
              GPtrArray  *lines)
{
  g_autoptr (ShelterBenchLine) start = shelter_bench_line_new ("first_frame",
                                                               _("Start to first frame"),
                                                               "ms", TARGET_FIRST_FRAME_MS);
  g_autoptr (ShelterBenchLine) memory = shelter_bench_line_new ("window_memory",
                                                                _("Window’s peak memory"),
                                                                "MB", NAN);
  g_autofree char *binary = find_shelter_binary ();
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));

  memory->target_on_median = TRUE;
  if (binary == NULL)
    {
      start->state = memory->state = SHELTER_BENCH_NOT_BUILT;
      start->note = g_strdup (_("no shelter binary; set SHELTER_BIN"));
    }
  else if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      start->state = memory->state = SHELTER_BENCH_SKIPPED;
      start->note = g_strdup (_("no display"));
    }
  else
    {
      for (guint run = 0; run <= runs; run++)
        {
          char *argv[] = { binary, (char *) "--quit-after-first-frame", (char *) "--database",
                           (char *) path, NULL };
          g_autoptr (GError) error = NULL;
          g_autofree char *output = NULL;
          double elapsed, rss;

          output = run_child (argv, &elapsed, &rss, &error);
          if (output == NULL || strstr (output, "first frame") == NULL)
            {
              start->state = memory->state = SHELTER_BENCH_SKIPPED;
              start->note = g_strdup (error != NULL ? error->message : _("no first frame"));
              break;
            }
          /* The first start also reads the file from disk into the system's cache. */
          if (run > 0)
            {
              g_array_append_val (times, elapsed);
              g_array_append_val (sizes, rss);
            }
        }
      shelter_bench_line_set_samples (start, times);
      shelter_bench_line_set_samples (memory, sizes);
      memory->note = g_strdup ("the sign-in page: the list opens after signing in");
    }
  if (memory->note == NULL && start->note != NULL)
    memory->note = g_strdup (start->note);
  g_ptr_array_add (lines, g_steal_pointer (&start));
  g_ptr_array_add (lines, g_steal_pointer (&memory));
}

static gboolean
bench_list_memory (const char  *folder,
                   const char  *path,
                   guint32      seed,
                   GPtrArray   *lines,
                   GError     **error)
{
  g_autoptr (ShelterBenchLine) line = shelter_bench_line_new ("list_memory",
                                                              _("Memory of the open list over an empty centre"),
                                                              "MB", TARGET_LIST_MEMORY_MB);
  double generated, empty_mb, full_mb;
  g_autofree char *empty = cached_centre (folder, 0, seed, &generated, error);

  if (empty == NULL)
    return FALSE;
  empty_mb = list_memory (empty, error);
  if (isnan (empty_mb))
    return FALSE;
  full_mb = list_memory (path, error);
  if (isnan (full_mb))
    return FALSE;
  line->target_on_median = TRUE;
  line->runs = 1;
  line->median = line->p95 = full_mb - empty_mb;
  line->note = g_strdup_printf ("peak RSS %.1f MB, empty centre %.1f MB", full_mb, empty_mb);
  g_ptr_array_add (lines, g_steal_pointer (&line));
  return TRUE;
}

static char *
describe_machine (void)
{
  struct utsname name;
  g_autofree char *model = NULL;
  g_autofree char *cpuinfo = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *line = strstr (cpuinfo, "model name");

      if (line != NULL && (line = strchr (line, ':')) != NULL)
        model = g_strndup (line + 2, strcspn (line + 2, "\n"));
    }
  if (uname (&name) != 0)
    return g_strdup ("?");
  return g_strdup_printf ("%s %s, %s, %u cores", name.sysname, name.release,
                          model != NULL ? model : name.machine, g_get_num_processors ());
}

int
shelter_ctl_bench (int    argc,
                   char **argv)
{
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("[DB] — time what design.md sets targets for"));
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GPtrArray) lines =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_bench_line_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *json = NULL, *folder = NULL, *source = NULL, *work = NULL;
  g_autofree char *machine = NULL, *date = NULL, *table = NULL, *work_name = NULL;
  g_autofree char *residents_text = NULL, *stays_text = NULL, *services_text = NULL;
  g_autofree char *generated_text = NULL, *runs_text = NULL, *schema_text = NULL;
  gboolean window = TRUE, memory_probe = FALSE;
  double generated_s = NAN;
  gint64 people, stays, services;
  int residents = 100000, runs = 30;
  gint64 seed = 1;
  gboolean ok;
  GOptionEntry entries[] = {
    { "residents", 'n', 0, G_OPTION_ARG_INT, &residents,
      N_("Residents of the generated centre (default 100000)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"), "S" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, N_("Time each measurement R times (default 30)"),
      "R" },
    { "json", 'j', 0, G_OPTION_ARG_FILENAME, &json, N_("Write the results as JSON to FILE"),
      "FILE" },
    { "no-window", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &window,
      N_("Do not start the window"), NULL },
    { "list-memory", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &memory_probe, NULL, NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bench_usage (context, error->message);
  if (argc > 2)
    return bench_usage (context, _("Give at most the path of one database."));
  if (memory_probe)
    return argc == 2 ? list_memory_probe (argv[1])
                     : bench_usage (context, _("Give the path of the database."));
  if (residents < 1 || residents > 2000000)
    return bench_usage (context, _("--residents must be between 1 and 2000000."));
  if (seed < 0 || seed > G_MAXUINT32)
    return bench_usage (context, _("--seed must be between 0 and 4294967295."));
  if (runs < 1 || runs > 100000)
    return bench_usage (context, _("--runs must be between 1 and 100000."));

  folder = cache_folder ();
  if (argc == 2)
    source = g_strdup (argv[1]);
  else if ((source = cached_centre (folder, (guint) residents, (guint32) seed, &generated_s,
                                    &error)) == NULL)
    return bench_fail (g_steal_pointer (&error));

  /* Intakes are saved and protected views audited: on a copy, never on the source. */
  work_name = g_strdup_printf ("work-%d.db", (int) getpid ());
  work = g_build_filename (folder, work_name, NULL);
  if (!copy_database (source, work, &error) ||
      (db = shelter_db_open (work, SHELTER_DB_OPEN_CHECKED, &error)) == NULL)
    {
      remove_database (work);
      return bench_fail (g_steal_pointer (&error));
    }
  session = shelter_session_new_for_operator (db);

  people = shelter_bench_store_count_rows (db, "person", NULL);
  stays = shelter_bench_store_count_rows (db, "stay", NULL);
  services = shelter_bench_store_count_rows (db, "service", NULL);
  g_printerr (_("Measuring on %s…\n"), source);

  ok = shelter_bench_run (session, work, (guint) runs, lines, &error) &&
       bench_list_memory (folder, work, (guint32) seed, lines, &error);
  if (ok && window)
    bench_window (work, (guint) MIN (runs, 5), lines);
  else if (ok)
    {
      ShelterBenchLine *line = shelter_bench_line_new ("first_frame", _("Start to first frame"),
                                                       "ms", TARGET_FIRST_FRAME_MS);

      line->state = SHELTER_BENCH_SKIPPED;
      line->note = g_strdup ("--no-window");
      g_ptr_array_add (lines, line);
    }
  g_clear_object (&session);
  g_clear_object (&db);
  remove_database (work);
  if (!ok)
    return bench_fail (g_steal_pointer (&error));

  machine = describe_machine ();
  date = g_date_time_format (now, "%Y-%m-%d %H:%M %z");
  residents_text = g_strdup_printf ("%" G_GINT64_FORMAT, people);
  stays_text = g_strdup_printf ("%" G_GINT64_FORMAT, stays);
  services_text = g_strdup_printf ("%" G_GINT64_FORMAT, services);
  runs_text = g_strdup_printf ("%d", runs);
  schema_text = g_strdup_printf ("%d", shelter_db_latest_schema_version ());
  generated_text = isnan (generated_s) ? NULL : g_strdup_printf ("%.1f", generated_s);

  /* Scripts read the figures from the JSON; this is for people. */
  g_print ("# %s — %s\n", date, machine);
  g_print (_("# %s residents, %s stays, %s service records, schema %s, %s runs\n"),
           residents_text, stays_text, services_text, schema_text, runs_text);
  if (generated_text != NULL)
    g_print (_("# the centre was generated in %s s\n"), generated_text);
  table = shelter_bench_format_table (lines);
  g_print ("%s", table);

  if (json != NULL)
    {
      const char *info[] = { "date", date, "machine", machine, "database", source,
                             "residents", residents_text, "stays", stays_text,
                             "service_records", services_text, "schema", schema_text,
                             "runs", runs_text,
                             generated_text != NULL ? "generated_s" : NULL, generated_text,
                             NULL };
      g_autofree char *text = shelter_bench_format_json (lines, info);

      if (!g_file_set_contents (json, text, -1, &error))
        return bench_fail (g_steal_pointer (&error));
    }
  return EXIT_SUCCESS;
}
