/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-bench-store"

#include "config.h"

#include <string.h>

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

/* Statements recorded while tracing, by connection. */
static GHashTable *traces; /* sqlite3 * -> GPtrArray of char * */

static int
trace_cb (unsigned int  type,
          void         *context,
          void         *p,
          void         *x)
{
  GPtrArray *statements = context;
  const char *sql;

  if (type != SQLITE_TRACE_STMT)
    return 0;
  sql = sqlite3_sql ((sqlite3_stmt *) p);
  if (sql == NULL)
    return 0;
  /* Transactions and savepoints have no plan worth a look. */
  if (g_ascii_strncasecmp (sql, "BEGIN", 5) == 0 || g_ascii_strncasecmp (sql, "COMMIT", 6) == 0 ||
      g_ascii_strncasecmp (sql, "ROLLBACK", 8) == 0 || g_ascii_strncasecmp (sql, "SAVEPOINT", 9) == 0 ||
      g_ascii_strncasecmp (sql, "RELEASE", 7) == 0 || g_ascii_strncasecmp (sql, "PRAGMA", 6) == 0)
    return 0;
  for (guint i = 0; i < statements->len; i++)
    if (strcmp (statements->pdata[i], sql) == 0)
      return 0;
  g_ptr_array_add (statements, g_strdup (sql));
  return 0;
}

void
shelter_bench_store_trace_start (ShelterDb *db)
{
  sqlite3 *handle;
  GPtrArray *statements;

  g_return_if_fail (SHELTER_IS_DB (db));

  handle = _shelter_db_get_handle (db);
  if (traces == NULL)
    traces = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  statements = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_replace (traces, handle, statements);
  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, statements);
}

GPtrArray *
shelter_bench_store_trace_stop (ShelterDb *db)
{
  sqlite3 *handle;
  gpointer statements = NULL;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  handle = _shelter_db_get_handle (db);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  if (traces == NULL || !g_hash_table_steal_extended (traces, handle, NULL, &statements))
    return g_ptr_array_new_with_free_func (g_free);
  return statements;
}

GPtrArray *
shelter_bench_store_query_plan (ShelterDb   *db,
                                const char  *sql,
                                GError     **error)
{
  g_autoptr (GPtrArray) plan = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *explain = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  handle = _shelter_db_get_handle (db);
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  rc = sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  /* Columns: id, parent, notused, detail. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (plan, g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

gint64
shelter_bench_store_count_rows (ShelterDb   *db,
                                const char  *table,
                                GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3 *handle;
  gint64 rows = -1;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  /* The name goes into the SQL: only a table of the schema. */
  for (const char *c = table; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      {
        _shelter_db_set_error (db, SQLITE_MISUSE, error);
        return -1;
      }
  handle = _shelter_db_get_handle (db);
  sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  rc = (int) -run_once (handle, sql, NULL, 0, &rows);
  if (rc > 0)
    {
      _shelter_db_set_error (db, rc, error);
      return -1;
    }
  return rows;
}

gint64
shelter_bench_store_add_service_history (ShelterDb   *db,
                                         guint        per_stay,
                                         GError     **error)
{
  static const char sql[] =
    "WITH RECURSIVE k (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?1), "
    "template AS (SELECT row_number () OVER (ORDER BY id) - 1 AS n, kind, subkind, "
    "  support_type, staff_user, provider, description, outcome, cost_dong, confidential_note "
    "  FROM service WHERE voided_at IS NULL AND entitlement_exception_id IS NULL), "
    "templates (c) AS (SELECT count(*) FROM template) "
    "INSERT INTO service (stay_id, kind, subkind, support_type, done_on, staff_user, provider, "
    "  description, outcome, cost_dong, confidential_note, created_at, created_by, updated_at, "
    "  updated_by) "
    "SELECT s.id, t.kind, t.subkind, t.support_type, "
    "  min (date (substr (s.admitted_at, 1, 10), '+' || (k.i * 3) || ' days'), "
    "       substr (s.discharged_at, 1, 10)), "
    "  t.staff_user, t.provider, t.description, t.outcome, t.cost_dong, t.confidential_note, "
    "  s.admitted_at, 'bench', s.admitted_at, 'bench' "
    "FROM stay s CROSS JOIN k CROSS JOIN templates "
    "JOIN template t ON t.n = (s.id * 7 + k.i) % templates.c "
    "WHERE s.discharged_at IS NOT NULL AND s.voided_at IS NULL "
    "  AND NOT EXISTS (SELECT 1 FROM service x WHERE x.stay_id = s.id)";
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  gint64 added;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  if (per_stay == 0)
    return 0;
  if (!shelter_db_begin (db, error))
    return -1;
  handle = _shelter_db_get_handle (db);
  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, (int) per_stay);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      _shelter_db_set_error (db, rc, error);
      shelter_db_rollback (db);
      return -1;
    }
  added = sqlite3_changes64 (handle);
  if (!shelter_db_commit (db, error))
    return -1;
  return added;
}
