/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "drill-common.h"

sqlite3 *
drill_open (const char *path)
{
  sqlite3 *handle = NULL;

  /* Read-write: a write-ahead log left by a killed writer is replayed, as the app would. */
  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 10000);
  return handle;
}

gint64
drill_count_on (sqlite3    *handle,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

gint64
drill_count (const char *path,
             const char *sql)
{
  sqlite3 *handle = drill_open (path);
  gint64 count = drill_count_on (handle, sql);

  sqlite3_close (handle);
  return count;
}

gint64
drill_assert_sound (const char *path)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  sqlite3 *handle = drill_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 people;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (problems, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpstr (problems->str, ==, "ok\n");

  g_string_truncate (problems, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA foreign_key_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (problems, "%s row %lld -> %s\n", sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (problems->str, ==, "");

  if (drill_count_on (handle, "SELECT count(*) FROM sqlite_schema WHERE name = 'person'") == 0)
    {
      sqlite3_close (handle);
      return -1;
    }

  /* The index holds exactly the people, and is sound by FTS5's own check. */
  people = drill_count_on (handle, "SELECT count(*) FROM person");
  g_assert_cmpint (drill_count_on (handle, "SELECT count(*) FROM person_search_content"), ==, people);
  g_assert_cmpint (drill_count_on (handle, "SELECT count(*) FROM person p WHERE NOT EXISTS "
                                     "(SELECT 1 FROM person_search_content c WHERE c.id = p.id)"),
                   ==, 0);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO person_search (person_search) "
                                         "VALUES ('integrity-check')", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  /* A sample spread over the table (the newest included): each found by its case code. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT p.id, p.case_code, "
                                       "  (SELECT group_concat (s.rowid) FROM person_search s "
                                       "   WHERE person_search MATCH replace (p.case_code, '-', ' ')) "
                                       "FROM person p "
                                       "WHERE p.id % (SELECT max (1, count(*) / 25) FROM person) = 0 "
                                       "   OR p.id = (SELECT max (id) FROM person)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
      const char *found = (const char *) sqlite3_column_text (stmt, 2);
      g_auto (GStrv) ids = g_strsplit (found != NULL ? found : "", ",", -1);

      if (!g_strv_contains ((const char * const *) ids, id))
        g_error ("%s: person %s (%s) is not found by the search index (found: %s)", path, id,
                 sqlite3_column_text (stmt, 1), found);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return people;
}

char *
drill_file_checksum (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

GSubprocess *
drill_spawn (gboolean            with_stdin,
             const char * const *argv)
{
  g_autoptr (GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  GSubprocess *process;

  if (with_stdin)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  process = g_subprocess_newv (argv, flags, &error);
  g_assert_no_error (error);
  return process;
}
