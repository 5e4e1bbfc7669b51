/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-service-store"

#include "config.h"

#include <string.h>

#include "shelter-db-private.h"
#include "shelter-service-store.h"

void
shelter_service_row_free (ShelterServiceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->subkind);
  g_free (row->support_type);
  g_free (row->done_on);
  g_free (row->staff_user);
  g_free (row->staff_name);
  g_free (row->provider);
  g_free (row->description);
  g_free (row->outcome);
  g_free (row->next_on);
  g_free (row->confidential_note);
  g_free (row->voided_at);
  g_free (row->void_reason);
  g_free (row->created_by);
  g_free (row->case_code);
  g_free (row->full_name);
  g_clear_pointer (&row->details, g_hash_table_unref);
  g_free (row);
}

gint64
shelter_service_store_insert (ShelterDb                   *db,
                              const ShelterServiceInsert  *service,
                              GHashTable                  *details,
                              const ShelterStamp          *stamp,
                              GError                     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO service (stay_id, kind, subkind, support_type, done_on, "
                              "staff_user, provider, description, outcome, cost_dong, next_on, "
                              "confidential_note, entitlement_exception_id, created_at, "
                              "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, "
                              "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14, ?15)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, service->stay_id);
  _shelter_db_bind_text (stmt, 2, service->kind);
  _shelter_db_bind_text (stmt, 3, service->subkind);
  _shelter_db_bind_text (stmt, 4, service->support_type);
  _shelter_db_bind_text (stmt, 5, service->done_on);
  _shelter_db_bind_text (stmt, 6, service->staff_user);
  _shelter_db_bind_text (stmt, 7, service->provider);
  _shelter_db_bind_text (stmt, 8, service->description);
  _shelter_db_bind_text (stmt, 9, service->outcome);
  if (service->cost_dong >= 0)
    sqlite3_bind_int64 (stmt, 10, service->cost_dong);
  _shelter_db_bind_text (stmt, 11, service->next_on);
  _shelter_db_bind_text (stmt, 12, service->confidential_note);
  if (service->exception_id > 0)
    sqlite3_bind_int64 (stmt, 13, service->exception_id);
  sqlite3_bind_text (stmt, 14, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  if (id == 0 || details == NULL)
    return id;

  {
    GHashTableIter iter;
    gpointer name, value;

    g_hash_table_iter_init (&iter, details);
    while (g_hash_table_iter_next (&iter, &name, &value))
      {
        gboolean ok;

        stmt = _shelter_db_prepare (db,
                                    "INSERT INTO service_detail (service_id, name, value) "
                                    "VALUES (?1, ?2, ?3)",
                                    error);
        if (stmt == NULL)
          return 0;
        sqlite3_bind_int64 (stmt, 1, id);
        _shelter_db_bind_text (stmt, 2, name);
        _shelter_db_bind_text (stmt, 3, value);
        ok = _shelter_db_exec_stmt (db, stmt, error);
        _shelter_db_release (db, stmt);
        if (!ok)
          return 0;
      }
  }
  return id;
}

#define ROW_SELECT \
  "SELECT s.id, s.stay_id, st.person_id, s.kind, s.subkind, s.support_type, s.done_on, " \
  "s.staff_user, u.full_name, s.provider, s.description, s.outcome, s.cost_dong, s.next_on, " \
  "s.confidential_note, s.entitlement_exception_id, s.voided_at, s.void_reason, " \
  "s.created_by, s.version, p.case_code, " \
  "trim(replace(p.family_name || ' ' || p.middle_name || ' ' || p.given_name, '  ', ' ')), " \
  "p.high_protection " \
  "FROM service s JOIN stay st ON st.id = s.stay_id JOIN person p ON p.id = st.person_id " \
  "LEFT JOIN staff_user u ON u.username = s.staff_user "

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

static ShelterServiceRow *
read_row (sqlite3_stmt *stmt)
{
  ShelterServiceRow *row = g_new0 (ShelterServiceRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->stay_id = sqlite3_column_int64 (stmt, 1);
  row->person_id = sqlite3_column_int64 (stmt, 2);
  row->kind = dup_column (stmt, 3);
  row->subkind = dup_column (stmt, 4);
  row->support_type = dup_column (stmt, 5);
  row->done_on = dup_column (stmt, 6);
  row->staff_user = dup_column (stmt, 7);
  row->staff_name = dup_column (stmt, 8);
  row->provider = dup_column (stmt, 9);
  row->description = dup_column (stmt, 10);
  row->outcome = dup_column (stmt, 11);
  row->cost_dong = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1
                                                                 : sqlite3_column_int64 (stmt, 12);
  row->next_on = dup_column (stmt, 13);
  row->confidential_note = dup_column (stmt, 14);
  row->exception_id = sqlite3_column_int64 (stmt, 15);
  row->voided_at = dup_column (stmt, 16);
  row->void_reason = dup_column (stmt, 17);
  row->created_by = dup_column (stmt, 18);
  row->version = sqlite3_column_int64 (stmt, 19);
  row->case_code = dup_column (stmt, 20);
  row->full_name = dup_column (stmt, 21);
  row->high_protection = sqlite3_column_int (stmt, 22) != 0;
  row->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return row;
}

static gboolean
read_details (ShelterDb          *db,
              ShelterServiceRow  *row,
              GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _shelter_db_prepare (db, "SELECT name, value FROM service_detail WHERE service_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (row->details, dup_column (stmt, 0), dup_column (stmt, 1));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}

/* Steps @stmt to the end into rows with their details, and hands it back. */
static GPtrArray *
read_rows (ShelterDb     *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_service_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    if (!read_details (db, g_ptr_array_index (rows, i), error))
      return NULL;
  return g_steal_pointer (&rows);
}

ShelterServiceRow *
shelter_service_store_get (ShelterDb  *db,
                           gint64      id,
                           GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, ROW_SELECT "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = read_rows (db, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   "There is no service %" G_GINT64_FORMAT ".", id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

gboolean
shelter_service_store_void (ShelterDb           *db,
                            gint64               id,
                            gint64               version,
                            const char          *reason,
                            const ShelterStamp  *stamp,
                            GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE service SET voided_at = ?3, voided_by = ?4, "
                              "void_reason = ?5, updated_at = ?3, updated_by = ?4, "
                              "version = version + 1 "
                              "WHERE id = ?1 AND version = ?2 AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 5, reason);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           "The service was changed by someone else.");
      return FALSE;
    }
  return ok;
}

GPtrArray *
shelter_service_store_list_person (ShelterDb  *db,
                                   gint64      person_id,
                                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              ROW_SELECT "WHERE st.person_id = ?1 "
                              "ORDER BY s.done_on DESC, s.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, error);
}

GPtrArray *
shelter_service_store_list (ShelterDb                  *db,
                            const ShelterServiceQuery  *query,
                            guint                       offset,
                            guint                       limit,
                            GError                    **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Dates bound as a range so that the newest-first index walks only the days asked for;
   * kind, staff member and stay have indexes of their own, which SQLite uses only when the
   * statement names them ("?1 IS NULL OR s.kind = ?1" would keep it from any): one
   * statement per combination of what is asked, each prepared once. A stay has few
   * services: with one, kind and staff member are only checked ("+"), so that SQLite
   * does not walk every stay's services of that kind instead. */
  sql = g_strdup_printf (ROW_SELECT "WHERE s.voided_at IS NULL "
                         "AND s.done_on BETWEEN ?3 AND ?4 %s%s%s%s"
                         "ORDER BY s.done_on DESC, s.id DESC LIMIT ?6 OFFSET ?7",
                         query->kind == NULL || *query->kind == '\0' ? ""
                           : query->stay_id != 0 ? "AND +s.kind = ?1 " : "AND s.kind = ?1 ",
                         query->staff_user == NULL || *query->staff_user == '\0' ? ""
                           : query->stay_id != 0 ? "AND +s.staff_user = ?2 "
                           : "AND s.staff_user = ?2 ",
                         query->stay_id != 0 ? "AND s.stay_id = ?5 " : "",
                         query->match != NULL
                           ? "AND st.person_id IN (SELECT rowid FROM person_search "
                             "WHERE person_search MATCH ?8) "
                             "AND (?9 OR p.high_protection = 0) "
                           : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, query->kind);
  _shelter_db_bind_text (stmt, 2, query->staff_user);
  sqlite3_bind_text (stmt, 3, query->from != NULL ? query->from : "0000-00-00", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, query->to != NULL ? query->to : "9999-99-99", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, query->stay_id);
  sqlite3_bind_int64 (stmt, 6, limit);
  sqlite3_bind_int64 (stmt, 7, offset);
  if (query->match != NULL)
    {
      _shelter_db_bind_text (stmt, 8, query->match);
      sqlite3_bind_int (stmt, 9, query->match_protected ? 1 : 0);
    }
  return read_rows (db, stmt, error);
}

GPtrArray *
shelter_service_store_newest_of_open_stays (ShelterDb   *db,
                                            const char  *kind,
                                            const char  *on,
                                            gint64       stay_id,
                                            GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (kind != NULL && on != NULL, NULL);

  /* One probe of service_stay per open stay (the kind only checked: by service_kind,
   * SQLite would walk every service of the kind for each stay). */
  sql = g_strdup_printf (ROW_SELECT "WHERE s.id IN (SELECT (SELECT v.id FROM service v "
                         " WHERE v.stay_id = o.id AND +v.kind = ?1 AND v.voided_at IS NULL "
                         " AND v.done_on <= ?2 ORDER BY v.done_on DESC, v.id DESC LIMIT 1) "
                         " FROM stay o WHERE o.discharged_at IS NULL AND o.voided_at IS NULL%s) "
                         "ORDER BY s.done_on DESC, s.id DESC",
                         stay_id != 0 ? " AND o.id = ?3" : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, on, -1, SQLITE_TRANSIENT);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 3, stay_id);
  return read_rows (db, stmt, error);
}

GStrv
shelter_entitlement_store_allowed (ShelterDb   *db,
                                   const char  *person_type,
                                   const char  *nationality_status,
                                   const char  *scope,
                                   const char  *on,
                                   GError     **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT DISTINCT support_type FROM entitlement "
                              "WHERE person_type = ?1 AND nationality_status = ?2 "
                              "AND (scope = 'any' OR scope = ?3) "
                              "AND valid_from <= ?4 AND (valid_to IS NULL OR valid_to >= ?4) "
                              "ORDER BY support_type",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, person_type);
  _shelter_db_bind_text (stmt, 2, nationality_status);
  _shelter_db_bind_text (stmt, 3, scope);
  _shelter_db_bind_text (stmt, 4, on);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _shelter_db_column_text (stmt, 0));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

gint64
shelter_entitlement_store_find_exception (ShelterDb   *db,
                                          gint64       stay_id,
                                          const char  *support_type,
                                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "SELECT coalesce(max(id), 0) FROM entitlement_exception "
                              "WHERE stay_id = ?1 AND support_type = ?2",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, support_type);
  id = _shelter_db_step_count (db, stmt, error);
  return id < 0 ? 0 : id;
}

gint64
shelter_entitlement_store_add_exception (ShelterDb           *db,
                                         gint64               stay_id,
                                         const char          *support_type,
                                         const char          *reason,
                                         const ShelterStamp  *stamp,
                                         GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO entitlement_exception (stay_id, support_type, reason, "
                              "decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, support_type);
  _shelter_db_bind_text (stmt, 3, reason);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, stamp->at, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

char *
shelter_medical_restricted_store_get (ShelterDb   *db,
                                      gint64       person_id,
                                      const char  *field,
                                      char       **recorded_on,
                                      GError     **error)
{
  sqlite3_stmt *stmt;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT value, recorded_on FROM medical_restricted "
                              "WHERE person_id = ?1 AND field = ?2 "
                              "ORDER BY recorded_on DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _shelter_db_bind_text (stmt, 2, field);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      value = dup_column (stmt, 0);
      if (recorded_on != NULL)
        *recorded_on = dup_column (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return value;
}

gint64
shelter_medical_restricted_store_add (ShelterDb           *db,
                                      gint64               person_id,
                                      const char          *field,
                                      const char          *value,
                                      const char          *recorded_on,
                                      const char          *note,
                                      const ShelterStamp  *stamp,
                                      GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO medical_restricted (person_id, field, value, "
                              "recorded_on, note, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _shelter_db_bind_text (stmt, 2, field);
  _shelter_db_bind_text (stmt, 3, value);
  _shelter_db_bind_text (stmt, 4, recorded_on);
  _shelter_db_bind_text (stmt, 5, note);
  sqlite3_bind_text (stmt, 6, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

static GArray *
read_due_rows (ShelterDb     *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterHealthCheckDueRow));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterHealthCheckDueRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      row.person_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (row.since, _shelter_db_column_text (stmt, 2) != NULL
                              ? _shelter_db_column_text (stmt, 2) : "", sizeof row.since);
      g_array_append_val (rows, row);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GArray *
shelter_service_store_arrival_check_missing (ShelterDb   *db,
                                             const char  *cutoff,
                                             gint64       stay_id,
                                             GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* One stay is named in the statement itself, so that SQLite starts from it. */
  sql = g_strdup_printf ("SELECT st.id, st.person_id, st.admitted_at FROM stay st "
                         "WHERE st.discharged_at IS NULL AND st.voided_at IS NULL "
                         "AND st.admitted_at <= ?1 %s"
                         "AND NOT EXISTS (SELECT 1 FROM service s WHERE s.stay_id = st.id "
                         "AND s.kind = 'medical' AND s.subkind IN ('arrival_check', "
                         "'periodic_check') AND s.voided_at IS NULL) "
                         "ORDER BY st.admitted_at",
                         stay_id != 0 ? "AND st.id = ?2 " : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, cutoff);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 2, stay_id);
  return read_due_rows (db, stmt, error);
}

GArray *
shelter_service_store_periodic_check_due (ShelterDb   *db,
                                          const char  *cutoff,
                                          gint64       stay_id,
                                          GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* One stay is named in the statement itself, so that SQLite starts from it. */
  sql = g_strdup_printf ("SELECT stay_id, person_id, last FROM ("
                         "SELECT st.id AS stay_id, st.person_id AS person_id, "
                         "coalesce((SELECT max(s.done_on) FROM service s "
                         "WHERE s.stay_id = st.id AND s.kind = 'medical' "
                         "AND s.subkind IN ('arrival_check', 'periodic_check') "
                         "AND s.voided_at IS NULL), substr(st.admitted_at, 1, 10)) AS last "
                         "FROM stay st WHERE st.discharged_at IS NULL "
                         "AND st.voided_at IS NULL %s) "
                         "WHERE last <= ?1 ORDER BY last",
                         stay_id != 0 ? "AND st.id = ?2" : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, cutoff);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 2, stay_id);
  return read_due_rows (db, stmt, error);
}

GArray *
shelter_service_store_open_stays (ShelterDb  *db,
                                  GError    **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterServiceDemoStay));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT st.id, p.person_type, p.nationality_status, p.sex, "
                              "p.birth_date, st.admitted_at, i.trafficking_scope "
                              "FROM stay st JOIN person p ON p.id = st.person_id "
                              "LEFT JOIN intake i ON i.stay_id = st.id "
                              "WHERE st.discharged_at IS NULL AND st.voided_at IS NULL "
                              "ORDER BY st.admitted_at, st.id",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterServiceDemoStay row = { 0 };
      const char *text;

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (row.person_type, _shelter_db_column_text (stmt, 1), sizeof row.person_type);
      g_strlcpy (row.nationality_status, _shelter_db_column_text (stmt, 2),
                 sizeof row.nationality_status);
      g_strlcpy (row.sex, _shelter_db_column_text (stmt, 3), sizeof row.sex);
      if ((text = _shelter_db_column_text (stmt, 4)) != NULL)
        g_strlcpy (row.birth_date, text, sizeof row.birth_date);
      g_strlcpy (row.admitted_at, _shelter_db_column_text (stmt, 5), sizeof row.admitted_at);
      if ((text = _shelter_db_column_text (stmt, 6)) != NULL)
        g_strlcpy (row.scope, text, sizeof row.scope);
      g_array_append_val (rows, row);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
