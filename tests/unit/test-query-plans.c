/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shelter-bench.h"
#include "shelter-capacity.h"
#include "shelter-demo.h"
#include "shelter-import.h"
#include "shelter-meals.h"
#include "shelter-reminders.h"
#include "shelter-statistics.h"
#include "test-common.h"

/* The hot queries stay on their indexes: every statement the search, the Residents list, a
 * resident's page, today's reminders, the kitchen sheet, the forecast, the annual report and
 * the import's check run is traced on a small demo centre, and SQLite's plan for it must not read a whole table
 * that grows with the residents. The plans do not depend on the size of the file (the
 * program never runs ANALYZE), so a small centre shows what a large one would do. */

/* Tables with a row or more per resident, stay or event. The others (rooms, settings,
 * reference lists) are small whatever the centre's size. */
static const char *growing_tables[] = {
  "person", "stay", "placement", "intake", "intake_purpose", "intake_belonging",
  "case_document", "audit_log", "absence", "stay_extension", "diet", "service",
  "service_detail", "medical_restricted", "needs_assessment", "needs_assessment_area",
  "support_plan", "plan_goal", "plan_progress_note", "family_relative", "family_contact",
  "family_tracing", "family_visit_ban", "family_visit", "referral", "referral_shared_field",
  "risk_assessment", "safety_incident", "police_report", "discharge", "discharge_belonging",
  "follow_up", "case_closure", "clothing_kit", "entitlement_exception", "person_search_content",
  NULL
};

/* Whole reads that are meant, each with its reason. The overlap of a stay or a placement
 * with a period or a day has two ends and no index can bound both: those reads are linear
 * by nature, used by the reports and the occupancy history only, and the benchmark keeps
 * their time in sight (a report may grow with the data, design.md). */
static const struct
{
  const char *table;
  const char *fragment;
} meant_reads[] = {
  { "audit_log", "ORDER BY id DESC LIMIT 1" },            /* the last row only, by rowid */
  { "stay", "(discharged_at IS NULL OR substr(discharged_at, 1, 10) >= ?2)" }, /* in care at a day */
  { "stay", "(s.discharged_at IS NULL OR s.discharged_at >= ?1) ORDER BY s.id" }, /* overlapping a period */
  { "placement", "WITH period (k, first, next)" },         /* bed-nights over periods */
  /* The absences of the stays overlapping a period (occupancy history): a few per stay. */
  { "absence", "FROM absence a JOIN stay s ON s.id = a.stay_id WHERE a.voided_at IS NULL AND s.voided_at IS NULL AND s.admitted_at < ?2 AND (s.discharged_at IS NULL OR" },
  /* The list of everyone on record is every person, in the name index's order. */
  { "person", "SELECT p.id FROM person p  WHERE p.voided_at IS NULL ORDER BY p.sort_key ASC, p.id" },
};

/* A SCAN reads the whole table, in rowid or in an index's order ("SCAN stay USING INDEX
 * stay_admitted" too); only the rowid lookups of virtual tables are not. */
static gboolean
scan_is_meant (const char *sql,
               const char *step)
{
  return strstr (step, " VIRTUAL TABLE INDEX ") != NULL;
}

static gboolean
read_is_meant (const char *table,
               const char *sql)
{
  for (guint i = 0; i < G_N_ELEMENTS (meant_reads); i++)
    if (g_str_equal (table, meant_reads[i].table) && strstr (sql, meant_reads[i].fragment) != NULL)
      return TRUE;
  return FALSE;
}

/* The table a step reads whole ("SCAN stay", "SCAN s" aliases resolved from @sql is not
 * attempted: the plan names the table unless the query gives an alias, and then it prints
 * the alias; both are checked against the growing tables and against the aliases the SQL
 * declares for them). */
static const char *
scanned_growing_table (const char *sql,
                       const char *step)
{
  g_auto (GStrv) words = NULL;
  const char *name;

  if (!g_str_has_prefix (step, "SCAN ") || scan_is_meant (sql, step))
    return NULL;
  words = g_strsplit (step + 5, " ", 2);
  name = words[0];
  for (guint i = 0; growing_tables[i] != NULL; i++)
    {
      g_autofree char *aliased = g_strdup_printf ("%s %s", growing_tables[i], name);
      g_autofree char *aliased_as = g_strdup_printf ("%s AS %s", growing_tables[i], name);

      if (g_str_equal (name, growing_tables[i]) || strstr (sql, aliased) != NULL ||
          strstr (sql, aliased_as) != NULL)
        return growing_tables[i];
    }
  return NULL;
}

/* The statements of @statements whose plan reads a growing table whole, one line each:
 * the table, the step and the SQL. Empty when every hot query uses its index. */
static GPtrArray *
whole_table_reads (ShelterDb *db,
                   GPtrArray *statements)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = statements->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) plan = shelter_bench_store_query_plan (db, sql, &error);

      /* Statements on temporary tables of the moment may not prepare again later. */
      if (plan == NULL)
        continue;
      for (guint s = 0; s < plan->len; s++)
        {
          const char *table = scanned_growing_table (sql, plan->pdata[s]);

          if (table != NULL && !read_is_meant (table, sql))
            g_ptr_array_add (problems, g_strdup_printf ("%s: %s\n  in %s", table,
                                                        (char *) plan->pdata[s], sql));
        }
    }
  return problems;
}

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;
} Fixture;

static char *centre_path;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = test_path ("centre.db");
  g_autoptr (ShelterDb) source = NULL;

  /* One demo centre for the whole file; each test works on its own copy. */
  if (centre_path == NULL)
    {
      centre_path = test_path ("demo.db");
      g_assert_true (shelter_demo_create (centre_path, 300, 11, FALSE, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  source = shelter_db_open (centre_path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_db_backup_to (source, copy, &error));
  g_assert_no_error (error);
  fixture->db = shelter_db_open (copy, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->session = shelter_session_new_for_operator (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

static void
open_list (ShelterSession        *session,
           ShelterResidentFilter  filter)
{
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  g_autoptr (GError) error = NULL;
  guint n;

  g_assert_true (shelter_residents_model_set_filter (model, filter, &error));
  g_assert_true (shelter_residents_model_set_order (model, SHELTER_RESIDENT_ORDER_NAME, FALSE,
                                                    &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < MIN (n, 50); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), n - 1));
}

/* An old spreadsheet's rows, each looked up among the people on record by ID number and by
 * name, birth year and province. */
static void
check_import (ShelterSession *session)
{
  static const char csv[] =
    "Họ và tên,Ngày sinh,Giới tính,Tỉnh,Quê quán,Số CCCD,Ngày tiếp nhận\n"
    "Lò Thị Mai,03/05/1990,Nữ,Hà Nội,Lào Cai,001190012345,01/10/2026\n"
    "Vang Thi Dua,2001,Nữ,Lao Cai,,,02/10/2026\n";
  g_autofree char *path = test_path ("old-records.csv");
  g_autoptr (ShelterImport) import = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  import = shelter_import_open (session, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_import_check (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shelter_import_get_n_rows (import), ==, 2);
}

/* Runs the hot paths of the program on @session, tracing their statements. */
static GPtrArray *
trace_hot_paths (ShelterSession *session)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GPtrArray) tables = NULL;
  ShelterPeriod period;
  GPtrArray *statements;

  queries = shelter_bench_desk_queries (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queries->len, >=, 50);
  ids = shelter_resident_list_store_ids (db, SHELTER_RESIDENT_FILTER_ALL,
                                         SHELTER_RESIDENT_ORDER_NAME, FALSE, &error);
  g_assert_no_error (error);

  shelter_bench_store_trace_start (db);
  for (guint q = 0; q < queries->len; q++)
    {
      g_autoptr (GArray) hits = shelter_residents_search (session, queries->pdata[q], 50, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  open_list (session, SHELTER_RESIDENT_FILTER_IN_RESIDENCE);
  open_list (session, SHELTER_RESIDENT_FILTER_ALL);
  /* People in residence and people gone home, with all their tabs. */
  for (guint i = 0; i < ids->len; i += 13)
    {
      g_assert_true (shelter_bench_load_resident_page (session, g_array_index (ids, gint64, i),
                                                       &error));
      g_assert_no_error (error);
    }
  reminders = shelter_reminders_for (session, NULL, NULL, &error);
  g_assert_no_error (error);
  sheet = shelter_kitchen_sheet_load (session, NULL, &error);
  g_assert_no_error (error);
  forecast = shelter_capacity_forecast (session, 12, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_period_parse ("2026", "2026-11-22", &period, &error));
  tables = shelter_statistics_compute (session, &period, TRUE, &error);
  g_assert_no_error (error);
  check_import (session);
  statements = shelter_bench_store_trace_stop (db);
  /* Enough of the program ran for the test to mean something. */
  g_assert_cmpuint (statements->len, >, 40);
  return statements;
}

static char *
join_problems (GPtrArray *problems)
{
  g_ptr_array_add (problems, NULL);
  return g_strjoinv ("\n", (char **) problems->pdata);
}

static void
test_hot_queries_use_indexes (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GPtrArray) statements = trace_hot_paths (fixture->session);
  g_autoptr (GPtrArray) problems = whole_table_reads (fixture->db, statements);
  g_autofree char *text = NULL;

  if (problems->len > 0)
    {
      text = join_problems (problems);
      g_test_message ("Whole-table reads:\n%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The check can fail: without the index on stays by person, opening a resident's page
 * reads every stay, and the check names the table. */
static void
test_dropped_index_is_reported (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr (GPtrArray) statements = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup (shelter_db_get_path (fixture->db));
  sqlite3 *handle = NULL;
  gboolean named = FALSE;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP INDEX stay_person", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (handle);
  /* A new connection sees the schema without it. */
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
  fixture->db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->session = shelter_session_new_for_operator (fixture->db);

  statements = trace_hot_paths (fixture->session);
  problems = whole_table_reads (fixture->db, statements);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    named = named || g_str_has_prefix (problems->pdata[i], "stay: SCAN");
  g_assert_true (named);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/query-plans/hot-queries-use-indexes", Fixture, NULL, fixture_set_up,
              test_hot_queries_use_indexes, fixture_tear_down);
  g_test_add ("/query-plans/dropped-index-is-reported", Fixture, NULL, fixture_set_up,
              test_dropped_index_is_reported, fixture_tear_down);
  return g_test_run ();
}
