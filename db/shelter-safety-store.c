/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-safety-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-safety-store.h"

void
shelter_safety_row_free (ShelterSafetyRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->created_at);
  g_free (row->created_by);
  g_free (row->assessed_on);
  g_free (row->level);
  g_free (row->reasons);
  g_free (row->measures);
  g_free (row->review_on);
  g_free (row->occurred_on);
  g_free (row->what);
  g_free (row->involved);
  g_free (row->actions);
  g_free (row->informed_at);
  g_free (row->unit);
  g_free (row->officer);
  g_free (row->means);
  g_free (row->reference);
  g_free (row->note);
  g_free (row);
}

static gint64
finish_insert (ShelterDb     *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  gint64 id = 0;

  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gint64
shelter_safety_store_insert_risk (ShelterDb               *db,
                                  const ShelterSafetyRow  *row,
                                  const ShelterStamp      *stamp,
                                  GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO risk_assessment (stay_id, assessed_on, level, reasons, "
                              "measures, review_on, protection_set, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->assessed_on);
  _shelter_db_bind_text (stmt, 3, row->level);
  _shelter_db_bind_text (stmt, 4, row->reasons);
  _shelter_db_bind_text (stmt, 5, row->measures);
  _shelter_db_bind_text (stmt, 6, row->review_on);
  sqlite3_bind_int (stmt, 7, row->protection_set ? 1 : 0);
  _shelter_db_bind_text (stmt, 8, stamp->at);
  _shelter_db_bind_text (stmt, 9, stamp->actor);
  return finish_insert (db, stmt, error);
}

gint64
shelter_safety_store_insert_incident (ShelterDb               *db,
                                      const ShelterSafetyRow  *row,
                                      const ShelterStamp      *stamp,
                                      GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO safety_incident (stay_id, occurred_on, what, involved, "
                              "actions, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->occurred_on);
  _shelter_db_bind_text (stmt, 3, row->what);
  _shelter_db_bind_text (stmt, 4, row->involved);
  _shelter_db_bind_text (stmt, 5, row->actions);
  _shelter_db_bind_text (stmt, 6, stamp->at);
  _shelter_db_bind_text (stmt, 7, stamp->actor);
  return finish_insert (db, stmt, error);
}

gint64
shelter_safety_store_insert_police (ShelterDb               *db,
                                    const ShelterSafetyRow  *row,
                                    const ShelterStamp      *stamp,
                                    GError                 **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO police_report (stay_id, incident_id, informed_at, unit, "
                              "officer, means, reference, note, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  if (row->incident_id > 0)
    sqlite3_bind_int64 (stmt, 2, row->incident_id);
  _shelter_db_bind_text (stmt, 3, row->informed_at);
  _shelter_db_bind_text (stmt, 4, row->unit);
  _shelter_db_bind_text (stmt, 5, row->officer);
  _shelter_db_bind_text (stmt, 6, row->means);
  _shelter_db_bind_text (stmt, 7, row->reference);
  _shelter_db_bind_text (stmt, 8, row->note);
  _shelter_db_bind_text (stmt, 9, stamp->at);
  _shelter_db_bind_text (stmt, 10, stamp->actor);
  return finish_insert (db, stmt, error);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

/* Columns 0-6 are common: id, stay_id, person_id, case_code, high_protection, created_at,
 * created_by; the table's own follow. */
#define COMMON_COLUMNS "x.id, x.stay_id, st.person_id, p.case_code, p.high_protection, " \
                       "x.created_at, x.created_by, "
#define COMMON_JOIN    "JOIN stay st ON st.id = x.stay_id JOIN person p ON p.id = st.person_id "

typedef enum { KIND_RISK, KIND_INCIDENT, KIND_POLICE } Kind;

static ShelterSafetyRow *
read_row (sqlite3_stmt *stmt,
          Kind          kind)
{
  ShelterSafetyRow *row = g_new0 (ShelterSafetyRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->stay_id = sqlite3_column_int64 (stmt, 1);
  row->person_id = sqlite3_column_int64 (stmt, 2);
  row->case_code = dup_column (stmt, 3);
  row->high_protection = sqlite3_column_int (stmt, 4) != 0;
  row->created_at = dup_column (stmt, 5);
  row->created_by = dup_column (stmt, 6);
  switch (kind)
    {
    case KIND_RISK:
      row->assessed_on = dup_column (stmt, 7);
      row->level = dup_column (stmt, 8);
      row->reasons = dup_column (stmt, 9);
      row->measures = dup_column (stmt, 10);
      row->review_on = dup_column (stmt, 11);
      row->protection_set = sqlite3_column_int (stmt, 12) != 0;
      break;
    case KIND_INCIDENT:
      row->occurred_on = dup_column (stmt, 7);
      row->what = dup_column (stmt, 8);
      row->involved = dup_column (stmt, 9);
      row->actions = dup_column (stmt, 10);
      break;
    case KIND_POLICE:
    default:
      row->incident_id = sqlite3_column_int64 (stmt, 7);
      row->informed_at = dup_column (stmt, 8);
      row->unit = dup_column (stmt, 9);
      row->officer = dup_column (stmt, 10);
      row->means = dup_column (stmt, 11);
      row->reference = dup_column (stmt, 12);
      row->note = dup_column (stmt, 13);
      break;
    }
  return row;
}

static GPtrArray *
read_rows (ShelterDb     *db,
           sqlite3_stmt  *stmt,
           Kind           kind,
           GError       **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_safety_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt, kind));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
shelter_safety_store_list_risks (ShelterDb  *db,
                                 gint64      person_id,
                                 GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " COMMON_COLUMNS "x.assessed_on, x.level, x.reasons, "
                              "x.measures, x.review_on, x.protection_set "
                              "FROM risk_assessment x " COMMON_JOIN
                              "WHERE st.person_id = ?1 "
                              "ORDER BY x.assessed_on DESC, x.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, KIND_RISK, error);
}

GPtrArray *
shelter_safety_store_list_incidents (ShelterDb  *db,
                                     gint64      person_id,
                                     GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " COMMON_COLUMNS "x.occurred_on, x.what, x.involved, "
                              "x.actions FROM safety_incident x " COMMON_JOIN
                              "WHERE st.person_id = ?1 "
                              "ORDER BY x.occurred_on DESC, x.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, KIND_INCIDENT, error);
}

GPtrArray *
shelter_safety_store_list_police (ShelterDb  *db,
                                  gint64      person_id,
                                  GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " COMMON_COLUMNS "x.incident_id, x.informed_at, x.unit, "
                              "x.officer, x.means, x.reference, x.note "
                              "FROM police_report x " COMMON_JOIN
                              "WHERE st.person_id = ?1 "
                              "ORDER BY x.informed_at DESC, x.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  return read_rows (db, stmt, KIND_POLICE, error);
}

GPtrArray *
shelter_safety_store_police_after (ShelterDb  *db,
                                   gint64      after_id,
                                   GError    **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_safety_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " COMMON_COLUMNS "x.unit "
                              "FROM police_report x " COMMON_JOIN
                              "WHERE x.id > ?1 ORDER BY x.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterSafetyRow *row = g_new0 (ShelterSafetyRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->person_id = sqlite3_column_int64 (stmt, 2);
      row->case_code = dup_column (stmt, 3);
      row->high_protection = sqlite3_column_int (stmt, 4) != 0;
      row->created_at = dup_column (stmt, 5);
      row->created_by = dup_column (stmt, 6);
      row->unit = dup_column (stmt, 7);
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
shelter_safety_store_police_last_id (ShelterDb  *db,
                                     gint64     *last_id,
                                     GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (last_id != NULL, FALSE);

  stmt = _shelter_db_prepare (db, "SELECT COALESCE(MAX(id), 0) FROM police_report", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *last_id = sqlite3_column_int64 (stmt, 0);
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW)
    {
      _shelter_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gint64
shelter_safety_store_incident_stay (ShelterDb  *db,
                                    gint64      incident_id,
                                    GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 stay_id = 0;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db, "SELECT stay_id FROM safety_incident WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, incident_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay_id = sqlite3_column_int64 (stmt, 0);
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  return stay_id;
}

gboolean
shelter_safety_store_protect_person (ShelterDb           *db,
                                     gint64               person_id,
                                     const ShelterStamp  *stamp,
                                     gboolean            *changed,
                                     GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE person SET high_protection = 1, updated_at = ?2, "
                              "updated_by = ?3, version = version + 1 "
                              "WHERE id = ?1 AND high_protection = 0",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  _shelter_db_bind_text (stmt, 2, stamp->at);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (ok && changed != NULL)
    *changed = _shelter_db_changes (db) > 0;
  return ok;
}

GPtrArray *
shelter_safety_store_review_due (ShelterDb   *db,
                                 const char  *day,
                                 gint64       stay_id,
                                 GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* The newest assessment of each open stay: the greatest (assessed_on, id). One stay is
   * named in the statement itself, so that SQLite starts from it rather than from every
   * open stay. */
  sql = g_strdup_printf ("SELECT " COMMON_COLUMNS "x.assessed_on, x.level, x.reasons, "
                         "x.measures, x.review_on, x.protection_set "
                         "FROM risk_assessment x " COMMON_JOIN
                         "WHERE st.discharged_at IS NULL AND st.voided_at IS NULL "
                         "AND p.voided_at IS NULL %s"
                         "AND x.review_on <= ?1 AND NOT EXISTS (SELECT 1 FROM "
                         "risk_assessment y WHERE y.stay_id = x.stay_id AND "
                         "(y.assessed_on > x.assessed_on OR (y.assessed_on = x.assessed_on "
                         "AND y.id > x.id))) "
                         "ORDER BY x.review_on, x.id",
                         stay_id != 0 ? "AND x.stay_id = ?2 " : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, day);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 2, stay_id);
  return read_rows (db, stmt, KIND_RISK, error);
}
