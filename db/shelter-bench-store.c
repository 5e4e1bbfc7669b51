/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-bench-store"

#include "config.h"

#include "shelter-bench-store.h"
#include "shelter-db-private.h"

static gint64
run_once (sqlite3     *handle,
          const char  *sql,
          const char  *fts_query,
          int          limit,
          gint64      *first_column)
{
  sqlite3_stmt *stmt = NULL;
  gint64 rows = 0;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return -rc;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (rows == 0 && first_column != NULL)
        *first_column = sqlite3_column_int64 (stmt, 0);
      rows++;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? rows : -rc;
}

gint64
shelter_bench_store_raw_search (ShelterDb   *db,
                                const char  *fts_query,
                                guint        limit,
                                GError     **error)
{
  sqlite3 *handle;
  gint64 n_matches = 0;
  gint64 rows;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  /* The same steps as the store's search (count, then sort, walk or check words),
   * hand-written. */
  handle = _shelter_db_get_handle (db);
  rows = run_once (handle,
                   "SELECT count(*) FROM (SELECT rowid FROM person_search "
                   "WHERE person_search MATCH ?1 LIMIT ?2)",
                   fts_query, 10001, &n_matches);
  if (rows >= 0 && n_matches > 10000)
    {
      g_autofree char *terms = g_strdelimit (g_strdup (fts_query), "\"*", ' ');

      rows = run_once (handle,
                       "SELECT p.id FROM person p INDEXED BY person_sort "
                       "JOIN person_search_content c ON c.id = p.id "
                       "WHERE p.voided_at IS NULL AND shelter_has_word_prefixes (c.c0, ?1) "
                       "ORDER BY p.sort_key LIMIT ?2",
                       terms, (int) limit, NULL);
    }
  else if (rows >= 0)
    rows = run_once (handle,
                     n_matches > 1000
                       ? "SELECT p.id FROM person p INDEXED BY person_sort "
                         "WHERE p.voided_at IS NULL AND p.id IN "
                         "(SELECT rowid FROM person_search WHERE person_search MATCH ?1) "
                         "ORDER BY p.sort_key LIMIT ?2"
                       : "SELECT p.id FROM person_search s JOIN person p ON p.id = s.rowid "
                         "WHERE person_search MATCH ?1 AND p.voided_at IS NULL "
                         "ORDER BY p.sort_key LIMIT ?2",
                     fts_query, (int) limit, NULL);
  if (rows < 0)
    {
      _shelter_db_set_error (db, (int) -rows, error);
      return -1;
    }
  return rows;
}
