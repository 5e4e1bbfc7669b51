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

  /* The same steps as the store's search (count, then sort or check words), hand-written. */
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
                     "SELECT p.id FROM person_search s "
                     "JOIN person p INDEXED BY person_id_sort ON p.id = s.rowid "
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

/* Runs @sql (no parameters) and returns the rows it changed, or -1 with @error set. */
static gint64
run_change (ShelterDb   *db,
            const char  *sql,
            GError     **error)
{
  sqlite3 *handle = _shelter_db_get_handle (db);
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _shelter_db_set_error (db, rc, error);
      return -1;
    }
  return sqlite3_changes64 (handle);
}

gint64
shelter_bench_store_add_earlier_stays (ShelterDb  *db,
                                       GError    **error)
{
  /* Each person's first stay, when the centre was open 60 days before it. */
  static const char add_stays[] =
    "INSERT INTO stay (person_id, admitted_at, discharged_at, discharge_reason, created_at, "
    "  created_by, updated_at, updated_by) "
    "SELECT s.person_id, date (substr (s.admitted_at, 1, 10), '-60 days') "
    "  || substr (s.admitted_at, 11), "
    "  date (substr (s.admitted_at, 1, 10), '-30 days') || 'T10:00:00+07:00', "
    "  'community_reintegration', s.created_at, 'bench', s.created_at, 'bench' "
    "FROM stay s WHERE s.voided_at IS NULL AND s.person_id % 5 = 0 "
    "  AND s.id = (SELECT min (x.id) FROM stay x WHERE x.person_id = s.person_id) "
    "  AND s.admitted_at >= date ((SELECT min (admitted_at) FROM stay), '+60 days') "
    "ORDER BY s.admitted_at";
  /* The intake, its purposes and the room of the stay that came after. */
  static const char add_details[] =
    "CREATE TEMP TABLE bench_earlier AS SELECT e.id AS earlier, "
    "  (SELECT min (x.id) FROM stay x WHERE x.person_id = e.person_id AND x.id <> e.id) AS later "
    "  FROM stay e WHERE e.created_by = 'bench'; "
    "INSERT INTO intake (stay_id, record_number, handed_over_by, officer_name, officer_unit, "
    "  received_place, linked_person_id, trafficking_scope, destination_country, return_mode, "
    "  identification_status, identification_document, consent_status, consent_record, "
    "  consent_share, consent_share_agencies, consent_photo, consent_given_by, guardian_name, "
    "  consent_not_now_reason, consent_ask_again_on, health_at_arrival, urgent_needs, "
    "  safety_note, person_signs, not_signed_reason, created_at, created_by, updated_at, "
    "  updated_by) "
    "SELECT b.earlier, 'BENCH-' || b.earlier, i.handed_over_by, i.officer_name, i.officer_unit, "
    "  i.received_place, NULL, i.trafficking_scope, i.destination_country, i.return_mode, "
    "  i.identification_status, i.identification_document, i.consent_status, i.consent_record, "
    "  i.consent_share, i.consent_share_agencies, i.consent_photo, i.consent_given_by, "
    "  i.guardian_name, i.consent_not_now_reason, i.consent_ask_again_on, i.health_at_arrival, "
    "  i.urgent_needs, i.safety_note, i.person_signs, i.not_signed_reason, i.created_at, 'bench', "
    "  i.updated_at, 'bench' "
    "FROM bench_earlier b JOIN intake i ON i.stay_id = b.later; "
    "INSERT INTO intake_purpose (stay_id, purpose) "
    "SELECT b.earlier, p.purpose FROM bench_earlier b "
    "JOIN intake_purpose p ON p.stay_id = b.later; "
    "INSERT INTO placement (stay_id, room_id, started_at, ended_at, created_at, created_by, "
    "  updated_at, updated_by) "
    "SELECT e.id, (SELECT p.room_id FROM placement p WHERE p.stay_id = b.later "
    "  ORDER BY p.started_at LIMIT 1), e.admitted_at, e.discharged_at, e.created_at, 'bench', "
    "  e.created_at, 'bench' "
    "FROM bench_earlier b JOIN stay e ON e.id = b.earlier "
    "WHERE EXISTS (SELECT 1 FROM placement p WHERE p.stay_id = b.later); "
    "DROP TABLE bench_earlier;";
  gint64 existing, added;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  if (!shelter_db_begin (db, error))
    return -1;
  if (run_once (_shelter_db_get_handle (db),
                "SELECT count(*) FROM stay WHERE created_by = 'bench'", NULL, 0, &existing) < 0 ||
      (added = existing > 0 ? 0 : run_change (db, add_stays, error)) < 0 ||
      (added > 0 && run_change (db, add_details, error) < 0))
    {
      if (error != NULL && *error == NULL)
        _shelter_db_set_error (db, SQLITE_ERROR, error);
      shelter_db_rollback (db);
      return -1;
    }
  if (!shelter_db_commit (db, error))
    return -1;
  return added;
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
