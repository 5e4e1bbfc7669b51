/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-family-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-family-store.h"

void
shelter_relative_row_free (ShelterRelativeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->full_name);
  g_free (row->relation);
  g_free (row->phone);
  g_free (row->address_scheme);
  g_free (row->province_code);
  g_free (row->commune_code);
  g_free (row->address_detail);
  g_free (row->safety);
  g_free (row->safety_reason);
  g_free (row);
}

void
shelter_contact_row_free (ShelterContactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->relative_name);
  g_free (row->relation);
  g_free (row->contacted_on);
  g_free (row->method);
  g_free (row->made_by);
  g_free (row->result);
  g_free (row->notes);
  g_free (row);
}

void
shelter_tracing_row_free (ShelterTracingRow *row)
{
  if (row == NULL)
    return;
  g_free (row->status);
  g_free (row->opened_on);
  g_free (row->agencies);
  g_free (row->note);
  g_free (row);
}

void
shelter_visit_ban_row_free (ShelterVisitBanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->visitor_name);
  g_free (row->reason);
  g_free (row->created_at);
  g_free (row);
}

void
shelter_visit_row_free (ShelterVisitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->visitor_name);
  g_free (row->visited_at);
  g_free (row->approved_by);
  g_free (row->refusal_reason);
  g_free (row->notes);
  g_free (row);
}

void
shelter_no_contact_row_free (ShelterNoContactRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->full_name);
  g_free (row->admitted_on);
  g_free (row->last_reached_on);
  g_free (row);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* Steps an INSERT and hands back the new id, or 0. */
static gint64
insert_stmt (ShelterDb     *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  gint64 id = 0;

  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

/* Steps an UPDATE guarded by a version; STALE when no row changed. */
static gboolean
update_stmt (ShelterDb     *db,
             sqlite3_stmt  *stmt,
             const char    *what,
             GError       **error)
{
  gboolean ok = _shelter_db_exec_stmt (db, stmt, error);

  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   "The %s was changed by someone else.", what);
      return FALSE;
    }
  return ok;
}

typedef gpointer (*ReadRow) (sqlite3_stmt *stmt);

/* Steps @stmt to the end into rows read by @read, and hands it back. */
static GPtrArray *
read_rows (ShelterDb       *db,
           sqlite3_stmt    *stmt,
           ReadRow          read,
           GDestroyNotify   free_row,
           GError         **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* The single row of @rows, or NULL with NOT_FOUND. */
static gpointer
single_row (GPtrArray   *rows,
            const char  *what,
            gint64       id,
            GError     **error)
{
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   "There is no %s %" G_GINT64_FORMAT ".", what, id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ---- Relatives ---------------------------------------------------------------------------- */

#define RELATIVE_SELECT \
  "SELECT id, person_id, full_name, relation, phone, address_scheme, province_code, " \
  "commune_code, address_detail, may_contact, safety, involved, safety_reason, version " \
  "FROM family_relative "

static gpointer
read_relative (sqlite3_stmt *stmt)
{
  ShelterRelativeRow *row = g_new0 (ShelterRelativeRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->full_name = dup_column (stmt, 2);
  row->relation = dup_column (stmt, 3);
  row->phone = dup_column (stmt, 4);
  row->address_scheme = dup_column (stmt, 5);
  row->province_code = dup_column (stmt, 6);
  row->commune_code = dup_column (stmt, 7);
  row->address_detail = dup_column (stmt, 8);
  row->may_contact = sqlite3_column_int (stmt, 9) != 0;
  row->safety = dup_column (stmt, 10);
  row->involved = sqlite3_column_int (stmt, 11) != 0;
  row->safety_reason = dup_column (stmt, 12);
  row->version = sqlite3_column_int64 (stmt, 13);
  return row;
}

static void
bind_relative (sqlite3_stmt             *stmt,
               const ShelterRelativeRow *row,
               const ShelterStamp       *stamp)
{
  _shelter_db_bind_text (stmt, 2, row->full_name);
  _shelter_db_bind_text (stmt, 3, row->relation);
  _shelter_db_bind_text (stmt, 4, row->phone);
  _shelter_db_bind_text (stmt, 5, row->address_scheme);
  _shelter_db_bind_text (stmt, 6, row->province_code);
  _shelter_db_bind_text (stmt, 7, row->commune_code);
  _shelter_db_bind_text (stmt, 8, row->address_detail);
  sqlite3_bind_int (stmt, 9, row->may_contact ? 1 : 0);
  _shelter_db_bind_text (stmt, 10, row->safety);
  sqlite3_bind_int (stmt, 11, row->involved ? 1 : 0);
  _shelter_db_bind_text (stmt, 12, row->safety_reason);
  sqlite3_bind_text (stmt, 13, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, stamp->actor, -1, SQLITE_TRANSIENT);
}

gint64
shelter_relative_store_insert (ShelterDb                 *db,
                               const ShelterRelativeRow  *row,
                               const ShelterStamp        *stamp,
                               GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO family_relative (person_id, full_name, relation, "
                              "phone, address_scheme, province_code, commune_code, "
                              "address_detail, may_contact, safety, involved, safety_reason, "
                              "created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, "
                              "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?14)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->person_id);
  bind_relative (stmt, row, stamp);
  return insert_stmt (db, stmt, error);
}

gboolean
shelter_relative_store_update (ShelterDb                 *db,
                               const ShelterRelativeRow  *row,
                               const ShelterStamp        *stamp,
                               GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE family_relative SET full_name = ?2, relation = ?3, "
                              "phone = ?4, address_scheme = ?5, province_code = ?6, "
                              "commune_code = ?7, address_detail = ?8, may_contact = ?9, "
                              "safety = ?10, involved = ?11, safety_reason = ?12, "
                              "updated_at = ?13, updated_by = ?14, version = version + 1 "
                              "WHERE id = ?1 AND version = ?15",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  bind_relative (stmt, row, stamp);
  sqlite3_bind_int64 (stmt, 15, row->version);
  return update_stmt (db, stmt, "relative", error);
}

ShelterRelativeRow *
shelter_relative_store_get (ShelterDb  *db,
                            gint64      id,
                            GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, RELATIVE_SELECT "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = read_rows (db, stmt, read_relative, (GDestroyNotify) shelter_relative_row_free, error);
  return single_row (rows, "relative", id, error);
}

GPtrArray *
shelter_relative_store_list (ShelterDb  *db,
                             gint64      person_id,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, RELATIVE_SELECT "WHERE person_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, read_relative, (GDestroyNotify) shelter_relative_row_free, error);
}

/* ---- Contacts ----------------------------------------------------------------------------- */

gint64
shelter_contact_store_insert (ShelterDb                *db,
                              const ShelterContactRow  *row,
                              const ShelterStamp       *stamp,
                              GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO family_contact (stay_id, relative_id, contacted_on, "
                              "method, made_by, result, notes, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  sqlite3_bind_int64 (stmt, 2, row->relative_id);
  _shelter_db_bind_text (stmt, 3, row->contacted_on);
  _shelter_db_bind_text (stmt, 4, row->method);
  _shelter_db_bind_text (stmt, 5, row->made_by);
  _shelter_db_bind_text (stmt, 6, row->result);
  _shelter_db_bind_text (stmt, 7, row->notes);
  sqlite3_bind_text (stmt, 8, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, stamp->actor, -1, SQLITE_TRANSIENT);
  return insert_stmt (db, stmt, error);
}

static gpointer
read_contact (sqlite3_stmt *stmt)
{
  ShelterContactRow *row = g_new0 (ShelterContactRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->stay_id = sqlite3_column_int64 (stmt, 1);
  row->relative_id = sqlite3_column_int64 (stmt, 2);
  row->relative_name = dup_column (stmt, 3);
  row->relation = dup_column (stmt, 4);
  row->contacted_on = dup_column (stmt, 5);
  row->method = dup_column (stmt, 6);
  row->made_by = dup_column (stmt, 7);
  row->result = dup_column (stmt, 8);
  row->notes = dup_column (stmt, 9);
  return row;
}

GPtrArray *
shelter_contact_store_list (ShelterDb  *db,
                            gint64      person_id,
                            GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT c.id, c.stay_id, c.relative_id, r.full_name, r.relation, "
                              "c.contacted_on, c.method, c.made_by, c.result, c.notes "
                              "FROM family_contact c JOIN stay s ON s.id = c.stay_id "
                              "JOIN family_relative r ON r.id = c.relative_id "
                              "WHERE s.person_id = ? ORDER BY c.contacted_on DESC, c.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, read_contact, (GDestroyNotify) shelter_contact_row_free, error);
}

/* ---- Tracing ------------------------------------------------------------------------------ */

gint64
shelter_tracing_store_insert (ShelterDb                *db,
                              const ShelterTracingRow  *row,
                              const ShelterStamp       *stamp,
                              GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO family_tracing (stay_id, status, opened_on, agencies, "
                              "note, created_at, created_by, updated_at, updated_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->status);
  _shelter_db_bind_text (stmt, 3, row->opened_on);
  _shelter_db_bind_text (stmt, 4, row->agencies);
  _shelter_db_bind_text (stmt, 5, row->note);
  sqlite3_bind_text (stmt, 6, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, stamp->actor, -1, SQLITE_TRANSIENT);
  return insert_stmt (db, stmt, error);
}

gboolean
shelter_tracing_store_update (ShelterDb                *db,
                              const ShelterTracingRow  *row,
                              const ShelterStamp       *stamp,
                              GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE family_tracing SET status = ?2, agencies = ?3, note = ?4, "
                              "updated_at = ?5, updated_by = ?6, version = version + 1 "
                              "WHERE id = ?1 AND version = ?7",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  _shelter_db_bind_text (stmt, 2, row->status);
  _shelter_db_bind_text (stmt, 3, row->agencies);
  _shelter_db_bind_text (stmt, 4, row->note);
  sqlite3_bind_text (stmt, 5, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, row->version);
  return update_stmt (db, stmt, "family tracing", error);
}

static gpointer
read_tracing (sqlite3_stmt *stmt)
{
  ShelterTracingRow *row = g_new0 (ShelterTracingRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->stay_id = sqlite3_column_int64 (stmt, 1);
  row->status = dup_column (stmt, 2);
  row->opened_on = dup_column (stmt, 3);
  row->agencies = dup_column (stmt, 4);
  row->note = dup_column (stmt, 5);
  row->version = sqlite3_column_int64 (stmt, 6);
  return row;
}

ShelterTracingRow *
shelter_tracing_store_get_for_stay (ShelterDb  *db,
                                    gint64      stay_id,
                                    GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, stay_id, status, opened_on, agencies, note, version "
                              "FROM family_tracing WHERE stay_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rows = read_rows (db, stmt, read_tracing, (GDestroyNotify) shelter_tracing_row_free, error);
  return single_row (rows, "family tracing of stay", stay_id, error);
}

/* ---- Visits ------------------------------------------------------------------------------- */

gint64
shelter_visit_ban_store_insert (ShelterDb                 *db,
                                const ShelterVisitBanRow  *row,
                                const ShelterStamp        *stamp,
                                GError                   **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO family_visit_ban (person_id, visitor_name, "
                              "relative_id, reason, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->person_id);
  _shelter_db_bind_text (stmt, 2, row->visitor_name);
  bind_id (stmt, 3, row->relative_id);
  _shelter_db_bind_text (stmt, 4, row->reason);
  sqlite3_bind_text (stmt, 5, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, stamp->actor, -1, SQLITE_TRANSIENT);
  return insert_stmt (db, stmt, error);
}

static gpointer
read_ban (sqlite3_stmt *stmt)
{
  ShelterVisitBanRow *row = g_new0 (ShelterVisitBanRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->visitor_name = dup_column (stmt, 2);
  row->relative_id = sqlite3_column_int64 (stmt, 3);
  row->reason = dup_column (stmt, 4);
  row->created_at = dup_column (stmt, 5);
  return row;
}

GPtrArray *
shelter_visit_ban_store_list (ShelterDb  *db,
                              gint64      person_id,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, person_id, visitor_name, relative_id, reason, "
                              "created_at FROM family_visit_ban WHERE person_id = ? ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, read_ban, (GDestroyNotify) shelter_visit_ban_row_free, error);
}

gint64
shelter_visit_store_insert (ShelterDb              *db,
                            const ShelterVisitRow  *row,
                            const ShelterStamp     *stamp,
                            GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO family_visit (stay_id, visitor_name, relative_id, "
                              "visited_at, approved_by, refused, refusal_reason, ban_id, notes, "
                              "created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->visitor_name);
  bind_id (stmt, 3, row->relative_id);
  _shelter_db_bind_text (stmt, 4, row->visited_at);
  _shelter_db_bind_text (stmt, 5, row->approved_by);
  sqlite3_bind_int (stmt, 6, row->refused ? 1 : 0);
  _shelter_db_bind_text (stmt, 7, row->refusal_reason);
  bind_id (stmt, 8, row->ban_id);
  _shelter_db_bind_text (stmt, 9, row->notes);
  sqlite3_bind_text (stmt, 10, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, stamp->actor, -1, SQLITE_TRANSIENT);
  return insert_stmt (db, stmt, error);
}

static gpointer
read_visit (sqlite3_stmt *stmt)
{
  ShelterVisitRow *row = g_new0 (ShelterVisitRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->stay_id = sqlite3_column_int64 (stmt, 1);
  row->visitor_name = dup_column (stmt, 2);
  row->relative_id = sqlite3_column_int64 (stmt, 3);
  row->visited_at = dup_column (stmt, 4);
  row->approved_by = dup_column (stmt, 5);
  row->refused = sqlite3_column_int (stmt, 6) != 0;
  row->refusal_reason = dup_column (stmt, 7);
  row->ban_id = sqlite3_column_int64 (stmt, 8);
  row->notes = dup_column (stmt, 9);
  return row;
}

GPtrArray *
shelter_visit_store_list (ShelterDb  *db,
                          gint64      person_id,
                          GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT v.id, v.stay_id, v.visitor_name, v.relative_id, "
                              "v.visited_at, v.approved_by, v.refused, v.refusal_reason, "
                              "v.ban_id, v.notes FROM family_visit v "
                              "JOIN stay s ON s.id = v.stay_id WHERE s.person_id = ? "
                              "ORDER BY v.visited_at DESC, v.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, read_visit, (GDestroyNotify) shelter_visit_row_free, error);
}

/* ---- The month without contact ------------------------------------------------------------ */

static gpointer
read_no_contact (sqlite3_stmt *stmt)
{
  ShelterNoContactRow *row = g_new0 (ShelterNoContactRow, 1);

  row->stay_id = sqlite3_column_int64 (stmt, 0);
  row->person_id = sqlite3_column_int64 (stmt, 1);
  row->case_code = dup_column (stmt, 2);
  row->full_name = dup_column (stmt, 3);
  row->high_protection = sqlite3_column_int (stmt, 4) != 0;
  row->admitted_on = dup_column (stmt, 5);
  row->last_reached_on = dup_column (stmt, 6);
  return row;
}

GPtrArray *
shelter_family_store_no_contact (ShelterDb   *db,
                                 const char  *cutoff,
                                 gint64       stay_id,
                                 GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* One stay is named in the statement itself ("?2 = 0 OR s.id = ?2" would read every open
   * stay): a resident's page asks for its own. */
  sql = g_strdup_printf ("SELECT s.id, p.id, p.case_code, "
                         "trim(replace(p.family_name || ' ' || p.middle_name || ' ' || "
                         "p.given_name, '  ', ' ')), p.high_protection, "
                         "substr(s.admitted_at, 1, 10), "
                         "(SELECT max(c.contacted_on) FROM family_contact c "
                         " WHERE c.stay_id = s.id AND c.result = 'reached') AS last "
                         "FROM stay s JOIN person p ON p.id = s.person_id "
                         "WHERE s.discharged_at IS NULL AND s.voided_at IS NULL "
                         "AND substr(s.admitted_at, 1, 10) < ?1 %s"
                         "AND (last IS NULL OR last < ?1) "
                         "AND NOT EXISTS (SELECT 1 FROM family_tracing t "
                         " WHERE t.stay_id = s.id AND t.status IN ('open', 'in_progress')) "
                         "ORDER BY s.admitted_at, s.id",
                         stay_id != 0 ? "AND s.id = ?2 " : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, cutoff);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 2, stay_id);
  return read_rows (db, stmt, read_no_contact, (GDestroyNotify) shelter_no_contact_row_free,
                   error);
}
