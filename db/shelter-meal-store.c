/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-meal-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-meal-store.h"

/* ---- Diets ------------------------------------------------------------------------------- */

void
shelter_diet_row_free (ShelterDietRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->note);
  g_free (row->allergies);
  g_free (row->valid_from);
  g_free (row->created_at);
  g_free (row->created_by);
  g_free (row);
}

gint64
shelter_diet_store_insert (ShelterDb           *db,
                           gint64               stay_id,
                           const char          *kind,
                           const char          *note,
                           const char          *allergies,
                           const char          *valid_from,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);
  g_return_val_if_fail (stamp != NULL, 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO diet (stay_id, kind, note, allergies, valid_from, "
                              "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, kind);
  _shelter_db_bind_text (stmt, 3, note);
  _shelter_db_bind_text (stmt, 4, allergies);
  _shelter_db_bind_text (stmt, 5, valid_from);
  sqlite3_bind_text (stmt, 6, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

GPtrArray *
shelter_diet_store_list (ShelterDb  *db,
                         gint64      stay_id,
                         GError    **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_diet_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, stay_id, kind, note, allergies, valid_from, created_at, "
                              "created_by FROM diet WHERE stay_id = ?1 "
                              "ORDER BY valid_from DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterDietRow *row = g_new0 (ShelterDietRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->kind = g_strdup (_shelter_db_column_text (stmt, 2));
      row->note = g_strdup (_shelter_db_column_text (stmt, 3));
      row->allergies = g_strdup (_shelter_db_column_text (stmt, 4));
      row->valid_from = g_strdup (_shelter_db_column_text (stmt, 5));
      row->created_at = g_strdup (_shelter_db_column_text (stmt, 6));
      row->created_by = g_strdup (_shelter_db_column_text (stmt, 7));
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

/* ---- The kitchen ------------------------------------------------------------------------- */

void
shelter_kitchen_row_free (ShelterKitchenRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->family_name);
  g_free (row->middle_name);
  g_free (row->given_name);
  g_free (row->diet);
  g_free (row->note);
  g_free (row->allergies);
  g_free (row);
}

GPtrArray *
shelter_kitchen_store_day (ShelterDb   *db,
                           const char  *day,
                           GError     **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_kitchen_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT s.id, p.id, p.case_code, p.family_name, p.middle_name, "
                              "p.given_name, p.high_protection, "
                              "EXISTS (SELECT 1 FROM absence a WHERE a.stay_id = s.id "
                              "AND a.voided_at IS NULL AND substr(a.started_at, 1, 10) < ?1 "
                              "AND (a.returned_at IS NULL OR substr(a.returned_at, 1, 10) > ?1)), "
                              "d.kind, d.note, d.allergies "
                              /* The stays of the day first, found through the index on
                               * their end (open, or ended on or after the day: timestamps
                               * compared whole, as their dates would be), then their
                               * people: sorting those few hundred is cheaper than walking
                               * every person on record by name (CROSS JOIN keeps that
                               * order; "+" keeps SQLite off the admission index, which
                               * bounds nothing for today). */
                              "FROM stay s CROSS JOIN person p ON p.id = s.person_id "
                              "LEFT JOIN diet d ON d.id = (SELECT id FROM diet WHERE "
                              "stay_id = s.id AND valid_from <= ?1 "
                              "ORDER BY valid_from DESC, id DESC LIMIT 1) "
                              "WHERE s.voided_at IS NULL AND p.voided_at IS NULL "
                              "AND +s.admitted_at < date (?1, '+1 day') "
                              "AND (s.discharged_at IS NULL OR s.discharged_at >= ?1) "
                              "ORDER BY p.sort_key, p.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterKitchenRow *row = g_new0 (ShelterKitchenRow, 1);

      row->stay_id = sqlite3_column_int64 (stmt, 0);
      row->person_id = sqlite3_column_int64 (stmt, 1);
      row->case_code = g_strdup (_shelter_db_column_text (stmt, 2));
      row->family_name = g_strdup (_shelter_db_column_text (stmt, 3));
      row->middle_name = g_strdup (_shelter_db_column_text (stmt, 4));
      row->given_name = g_strdup (_shelter_db_column_text (stmt, 5));
      row->high_protection = sqlite3_column_int (stmt, 6) != 0;
      row->away = sqlite3_column_int (stmt, 7) != 0;
      row->diet = g_strdup (_shelter_db_column_text (stmt, 8));
      row->note = g_strdup (_shelter_db_column_text (stmt, 9));
      row->allergies = g_strdup (_shelter_db_column_text (stmt, 10));
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

void
shelter_away_span_clear (ShelterAwaySpan *span)
{
  g_clear_pointer (&span->started_on, g_free);
  g_clear_pointer (&span->returned_on, g_free);
}

GArray *
shelter_meal_store_absences (ShelterDb  *db,
                             gint64      stay_id,
                             GError    **error)
{
  g_autoptr (GArray) spans = g_array_new (FALSE, TRUE, sizeof (ShelterAwaySpan));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  g_array_set_clear_func (spans, (GDestroyNotify) shelter_away_span_clear);
  stmt = _shelter_db_prepare (db,
                              "SELECT substr(started_at, 1, 10), substr(returned_at, 1, 10) "
                              "FROM absence WHERE stay_id = ?1 AND voided_at IS NULL "
                              "ORDER BY started_at",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterAwaySpan span;

      span.started_on = g_strdup (_shelter_db_column_text (stmt, 0));
      span.returned_on = g_strdup (_shelter_db_column_text (stmt, 1));
      g_array_append_val (spans, span);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&spans);
}

/* ---- Rates ------------------------------------------------------------------------------- */

void
shelter_rate_row_free (ShelterRateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->province_code);
  g_free (row->legal_basis);
  g_free (row->valid_from);
  g_free (row->valid_to);
  g_free (row->created_at);
  g_free (row->created_by);
  g_free (row);
}

GPtrArray *
shelter_rate_store_list (ShelterDb   *db,
                         const char  *kind,
                         const char  *province_code,
                         GError     **error)
{
  g_autoptr (GPtrArray) rows =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_rate_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, kind, province_code, amount_dong, legal_basis, "
                              "valid_from, valid_to, created_at, created_by FROM rate "
                              "WHERE (?1 IS NULL OR kind = ?1) "
                              "AND (?2 IS NULL OR province_code = ?2) "
                              "ORDER BY kind, province_code, valid_from DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, kind);
  _shelter_db_bind_text (stmt, 2, province_code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterRateRow *row = g_new0 (ShelterRateRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->kind = g_strdup (_shelter_db_column_text (stmt, 1));
      row->province_code = g_strdup (_shelter_db_column_text (stmt, 2));
      row->amount_dong = sqlite3_column_int64 (stmt, 3);
      row->legal_basis = g_strdup (_shelter_db_column_text (stmt, 4));
      row->valid_from = g_strdup (_shelter_db_column_text (stmt, 5));
      row->valid_to = g_strdup (_shelter_db_column_text (stmt, 6));
      row->created_at = g_strdup (_shelter_db_column_text (stmt, 7));
      row->created_by = g_strdup (_shelter_db_column_text (stmt, 8));
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

gint64
shelter_rate_store_insert (ShelterDb           *db,
                           const char          *kind,
                           const char          *province_code,
                           gint64               amount_dong,
                           const char          *legal_basis,
                           const char          *valid_from,
                           const char          *valid_to,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);
  g_return_val_if_fail (stamp != NULL, 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO rate (kind, province_code, amount_dong, legal_basis, "
                              "valid_from, valid_to, created_at, created_by, updated_at, "
                              "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return 0;
  _shelter_db_bind_text (stmt, 1, kind);
  _shelter_db_bind_text (stmt, 2, province_code);
  sqlite3_bind_int64 (stmt, 3, amount_dong);
  _shelter_db_bind_text (stmt, 4, legal_basis);
  _shelter_db_bind_text (stmt, 5, valid_from);
  _shelter_db_bind_text (stmt, 6, valid_to);
  sqlite3_bind_text (stmt, 7, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_rate_store_close (ShelterDb           *db,
                          gint64               rate_id,
                          const char          *valid_to,
                          const ShelterStamp  *stamp,
                          GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE rate SET valid_to = ?2, updated_at = ?3, updated_by = ?4, "
                              "version = version + 1 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rate_id);
  _shelter_db_bind_text (stmt, 2, valid_to);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

/* ---- Clothing kits ----------------------------------------------------------------------- */

void
shelter_clothing_kit_row_free (ShelterClothingKitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->issued_on);
  g_free (row->issued_by);
  g_free (row->items);
  g_free (row->created_at);
  g_free (row);
}

gint64
shelter_clothing_kit_store_insert (ShelterDb           *db,
                                   gint64               stay_id,
                                   const char          *issued_on,
                                   const char          *issued_by,
                                   const char          *items,
                                   gint64               rate_id,
                                   gint64               cost_dong,
                                   const ShelterStamp  *stamp,
                                   GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);
  g_return_val_if_fail (stamp != NULL, 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO clothing_kit (stay_id, issued_on, issued_by, items, "
                              "rate_id, cost_dong, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, issued_on);
  _shelter_db_bind_text (stmt, 3, issued_by);
  _shelter_db_bind_text (stmt, 4, items);
  if (rate_id > 0)
    {
      sqlite3_bind_int64 (stmt, 5, rate_id);
      sqlite3_bind_int64 (stmt, 6, cost_dong);
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  sqlite3_bind_text (stmt, 7, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

ShelterClothingKitRow *
shelter_clothing_kit_store_get (ShelterDb  *db,
                                gint64      stay_id,
                                GError    **error)
{
  ShelterClothingKitRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, stay_id, issued_on, issued_by, items, rate_id, "
                              "cost_dong, created_at FROM clothing_kit WHERE stay_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (ShelterClothingKitRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->issued_on = g_strdup (_shelter_db_column_text (stmt, 2));
      row->issued_by = g_strdup (_shelter_db_column_text (stmt, 3));
      row->items = g_strdup (_shelter_db_column_text (stmt, 4));
      row->rate_id = sqlite3_column_int64 (stmt, 5);
      row->cost_dong = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                       ? -1 : sqlite3_column_int64 (stmt, 6);
      row->created_at = g_strdup (_shelter_db_column_text (stmt, 7));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return row;
}
