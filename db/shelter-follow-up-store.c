/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-follow-up-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-follow-up-store.h"

void
shelter_follow_up_store_row_free (ShelterFollowUpStoreRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->full_name);
  g_free (row->discharged_on);
  g_free (row->due_on);
  g_free (row->method);
  g_free (row->assigned_to);
  g_free (row->assigned_name);
  g_free (row->status);
  g_free (row->done_on);
  g_free (row->done_by);
  g_free (row->situation);
  g_free (row->living);
  g_free (row->activity);
  g_free (row->activity_note);
  g_free (row->support);
  g_free (row->next_step);
  g_free (row->notes);
  g_free (row->cancel_reason);
  g_free (row);
}

void
shelter_case_closure_store_row_free (ShelterCaseClosureStoreRow *row)
{
  if (row == NULL)
    return;
  g_free (row->closed_on);
  g_free (row->closed_by);
  g_free (row->reason);
  g_free (row->summary);
  g_free (row);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

/* Steps an UPDATE guarded by a version; STALE when no row changed. */
static gboolean
update_stmt (ShelterDb     *db,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  gboolean ok = _shelter_db_exec_stmt (db, stmt, error);

  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           "The follow-up was changed by someone else.");
      return FALSE;
    }
  return ok;
}

gint64
shelter_follow_up_store_insert (ShelterDb                      *db,
                                const ShelterFollowUpStoreRow  *row,
                                const ShelterStamp             *stamp,
                                GError                        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO follow_up (stay_id, due_on, method, assigned_to, "
                              "status, done_on, done_by, situation, living, activity, activity_note, "
                              "support, next_step, notes, created_at, created_by, updated_at, "
                              "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                              "?12, ?13, ?14, ?15, ?16, ?15, ?16)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->due_on);
  _shelter_db_bind_text (stmt, 3, row->method);
  _shelter_db_bind_text (stmt, 4, row->assigned_to);
  _shelter_db_bind_text (stmt, 5, row->status);
  _shelter_db_bind_text (stmt, 6, row->done_on);
  _shelter_db_bind_text (stmt, 7, row->done_by);
  _shelter_db_bind_text (stmt, 8, row->situation);
  _shelter_db_bind_text (stmt, 9, row->living);
  _shelter_db_bind_text (stmt, 10, row->activity);
  _shelter_db_bind_text (stmt, 11, row->activity_note);
  _shelter_db_bind_text (stmt, 12, row->support);
  _shelter_db_bind_text (stmt, 13, row->next_step);
  _shelter_db_bind_text (stmt, 14, row->notes);
  _shelter_db_bind_text (stmt, 15, stamp->at);
  _shelter_db_bind_text (stmt, 16, stamp->actor);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_follow_up_store_set_done (ShelterDb                      *db,
                                  const ShelterFollowUpStoreRow  *row,
                                  const ShelterStamp             *stamp,
                                  GError                        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE follow_up SET status = 'done', method = ?3, done_on = ?4, "
                              "done_by = ?5, situation = ?6, living = ?7, activity = ?8, "
                              "activity_note = ?9, support = ?10, next_step = ?11, notes = ?12, "
                              "updated_at = ?13, updated_by = ?14, version = version + 1 "
                              "WHERE id = ?1 AND version = ?2 AND status = 'planned'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->version);
  _shelter_db_bind_text (stmt, 3, row->method);
  _shelter_db_bind_text (stmt, 4, row->done_on);
  _shelter_db_bind_text (stmt, 5, row->done_by);
  _shelter_db_bind_text (stmt, 6, row->situation);
  _shelter_db_bind_text (stmt, 7, row->living);
  _shelter_db_bind_text (stmt, 8, row->activity);
  _shelter_db_bind_text (stmt, 9, row->activity_note);
  _shelter_db_bind_text (stmt, 10, row->support);
  _shelter_db_bind_text (stmt, 11, row->next_step);
  _shelter_db_bind_text (stmt, 12, row->notes);
  _shelter_db_bind_text (stmt, 13, stamp->at);
  _shelter_db_bind_text (stmt, 14, stamp->actor);
  return update_stmt (db, stmt, error);
}

gboolean
shelter_follow_up_store_reschedule (ShelterDb           *db,
                                    gint64               id,
                                    gint64               version,
                                    const char          *due_on,
                                    const char          *method,
                                    const char          *assigned_to,
                                    const ShelterStamp  *stamp,
                                    GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE follow_up SET due_on = ?3, method = ?4, assigned_to = ?5, "
                              "updated_at = ?6, updated_by = ?7, version = version + 1 "
                              "WHERE id = ?1 AND version = ?2 AND status = 'planned'",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, version);
  _shelter_db_bind_text (stmt, 3, due_on);
  _shelter_db_bind_text (stmt, 4, method);
  _shelter_db_bind_text (stmt, 5, assigned_to);
  _shelter_db_bind_text (stmt, 6, stamp->at);
  _shelter_db_bind_text (stmt, 7, stamp->actor);
  return update_stmt (db, stmt, error);
}

gint64
shelter_follow_up_store_cancel_planned (ShelterDb           *db,
                                        gint64               stay_id,
                                        const char          *reason,
                                        const ShelterStamp  *stamp,
                                        GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db,
                              "UPDATE follow_up SET status = 'cancelled', cancel_reason = ?2, "
                              "updated_at = ?3, updated_by = ?4, version = version + 1 "
                              "WHERE stay_id = ?1 AND status = 'planned'",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, reason);
  _shelter_db_bind_text (stmt, 3, stamp->at);
  _shelter_db_bind_text (stmt, 4, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok ? _shelter_db_changes (db) : -1;
}

/* Columns 0-24. */
#define FOLLOW_UP_SELECT \
  "SELECT f.id, f.version, f.stay_id, st.person_id, p.case_code, " \
  "trim(replace(p.family_name || ' ' || p.middle_name || ' ' || p.given_name, '  ', ' ')), " \
  "p.high_protection, coalesce(d.discharged_on, substr(st.discharged_at, 1, 10)), f.due_on, " \
  "f.method, f.assigned_to, u.full_name, f.status, f.done_on, f.done_by, f.situation, " \
  "f.living, f.activity, f.activity_note, f.support, f.next_step, f.notes, f.cancel_reason " \
  "FROM follow_up f JOIN stay st ON st.id = f.stay_id JOIN person p ON p.id = st.person_id " \
  "LEFT JOIN discharge d ON d.stay_id = f.stay_id " \
  "LEFT JOIN staff_user u ON u.username = f.assigned_to "

static ShelterFollowUpStoreRow *
read_row (sqlite3_stmt *stmt)
{
  ShelterFollowUpStoreRow *row = g_new0 (ShelterFollowUpStoreRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->version = sqlite3_column_int64 (stmt, 1);
  row->stay_id = sqlite3_column_int64 (stmt, 2);
  row->person_id = sqlite3_column_int64 (stmt, 3);
  row->case_code = dup_column (stmt, 4);
  row->full_name = dup_column (stmt, 5);
  row->high_protection = sqlite3_column_int (stmt, 6) != 0;
  row->discharged_on = dup_column (stmt, 7);
  row->due_on = dup_column (stmt, 8);
  row->method = dup_column (stmt, 9);
  row->assigned_to = dup_column (stmt, 10);
  row->assigned_name = dup_column (stmt, 11);
  row->status = dup_column (stmt, 12);
  row->done_on = dup_column (stmt, 13);
  row->done_by = dup_column (stmt, 14);
  row->situation = dup_column (stmt, 15);
  row->living = dup_column (stmt, 16);
  row->activity = dup_column (stmt, 17);
  row->activity_note = dup_column (stmt, 18);
  row->support = dup_column (stmt, 19);
  row->next_step = dup_column (stmt, 20);
  row->notes = dup_column (stmt, 21);
  row->cancel_reason = dup_column (stmt, 22);
  return row;
}

static GPtrArray *
read_rows (ShelterDb     *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_follow_up_store_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

ShelterFollowUpStoreRow *
shelter_follow_up_store_get (ShelterDb  *db,
                             gint64      id,
                             GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, FOLLOW_UP_SELECT "WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = read_rows (db, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   "There is no follow-up %" G_GINT64_FORMAT ".", id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
shelter_follow_up_store_list_for_stay (ShelterDb  *db,
                                       gint64      stay_id,
                                       GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, FOLLOW_UP_SELECT "WHERE f.stay_id = ?1 "
                              "ORDER BY coalesce(f.done_on, f.due_on), f.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  return read_rows (db, stmt, error);
}

GPtrArray *
shelter_follow_up_store_list_due (ShelterDb   *db,
                                  const char  *until,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, FOLLOW_UP_SELECT "WHERE f.status = 'planned' AND "
                              "f.due_on <= ?1 AND NOT EXISTS (SELECT 1 FROM case_closure c "
                              "WHERE c.stay_id = f.stay_id) ORDER BY f.due_on, p.case_code, f.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, until);
  return read_rows (db, stmt, error);
}

gint64
shelter_follow_up_store_count (ShelterDb   *db,
                               gint64       stay_id,
                               const char  *status,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db, "SELECT count(*) FROM follow_up WHERE stay_id = ?1 AND "
                              "status = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, status);
  return _shelter_db_step_count (db, stmt, error);
}

GPtrArray *
shelter_follow_up_store_alerts_after (ShelterDb   *db,
                                      const char  *action,
                                      gint64       after_id,
                                      GError     **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_follow_up_store_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT a.id, f.id, f.stay_id, p.case_code, f.situation "
                              "FROM audit_log a JOIN follow_up f ON f.id = a.entity_id "
                              "JOIN stay st ON st.id = f.stay_id "
                              "JOIN person p ON p.id = st.person_id "
                              "WHERE a.id > ?1 AND a.entity = 'follow_up' AND a.action = ?2 "
                              "AND f.situation IN ('at_risk', 're_trafficked') ORDER BY a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  _shelter_db_bind_text (stmt, 2, action);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterFollowUpStoreRow *row = g_new0 (ShelterFollowUpStoreRow, 1);

      row->audit_id = sqlite3_column_int64 (stmt, 0);
      row->id = sqlite3_column_int64 (stmt, 1);
      row->stay_id = sqlite3_column_int64 (stmt, 2);
      row->case_code = dup_column (stmt, 3);
      row->situation = dup_column (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
shelter_follow_up_store_audit_last_id (ShelterDb  *db,
                                       gint64     *last_id,
                                       GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, "SELECT coalesce(max(id), 0) FROM audit_log", error);
  if (stmt == NULL)
    return FALSE;
  id = _shelter_db_step_count (db, stmt, error);
  if (id < 0)
    return FALSE;
  *last_id = id;
  return TRUE;
}

gboolean
shelter_case_closure_store_insert (ShelterDb                         *db,
                                   const ShelterCaseClosureStoreRow  *row,
                                   const ShelterStamp                *stamp,
                                   GError                           **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO case_closure (stay_id, closed_on, closed_by, early, "
                              "reason, summary, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->closed_on);
  _shelter_db_bind_text (stmt, 3, row->closed_by);
  sqlite3_bind_int (stmt, 4, row->early ? 1 : 0);
  _shelter_db_bind_text (stmt, 5, row->reason);
  _shelter_db_bind_text (stmt, 6, row->summary);
  _shelter_db_bind_text (stmt, 7, stamp->at);
  _shelter_db_bind_text (stmt, 8, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

ShelterCaseClosureStoreRow *
shelter_case_closure_store_get (ShelterDb  *db,
                                gint64      stay_id,
                                GError    **error)
{
  ShelterCaseClosureStoreRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT stay_id, closed_on, closed_by, early, reason, summary "
                              "FROM case_closure WHERE stay_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (ShelterCaseClosureStoreRow, 1);
      row->stay_id = sqlite3_column_int64 (stmt, 0);
      row->closed_on = dup_column (stmt, 1);
      row->closed_by = dup_column (stmt, 2);
      row->early = sqlite3_column_int (stmt, 3) != 0;
      row->reason = dup_column (stmt, 4);
      row->summary = dup_column (stmt, 5);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  return row;
}
