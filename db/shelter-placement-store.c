/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-placement-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-placement-store.h"

static const char *const band_codes[4] = { "child", "youth", "adult", "elderly" };

gboolean
shelter_age_band_store_get (ShelterDb  *db,
                            int         min_age[4],
                            int         max_age[4],
                            GError    **error)
{
  sqlite3_stmt *stmt;
  guint found = 0;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, "SELECT code, min_age, max_age FROM age_band", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (guint i = 0; i < 4; i++)
      if (g_strcmp0 (_shelter_db_column_text (stmt, 0), band_codes[i]) == 0)
        {
          min_age[i] = sqlite3_column_int (stmt, 1);
          max_age[i] = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1
                                                                   : sqlite3_column_int (stmt, 2);
          found++;
        }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  if (found != 4)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT,
                           "The table of age groups is incomplete.");
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_age_band_store_set (ShelterDb           *db,
                            const int            min_age[4],
                            const int            max_age[4],
                            const ShelterStamp  *stamp,
                            GError             **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  for (guint i = 0; i < 4; i++)
    {
      sqlite3_stmt *stmt;
      gboolean ok;

      stmt = _shelter_db_prepare (db,
                                  "UPDATE age_band SET min_age = ?2, max_age = ?3, "
                                  "updated_at = ?4, updated_by = ?5 WHERE code = ?1",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, band_codes[i], -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, min_age[i]);
      if (max_age[i] < 0)
        sqlite3_bind_null (stmt, 3);
      else
        sqlite3_bind_int (stmt, 3, max_age[i]);
      sqlite3_bind_text (stmt, 4, stamp->at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, stamp->actor, -1, SQLITE_TRANSIENT);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gint64
shelter_placement_store_current_room (ShelterDb  *db,
                                      gint64      stay_id,
                                      char      **started_at,
                                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 room_id = 0;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "SELECT room_id, started_at FROM placement WHERE stay_id = ? "
                              "AND ended_at IS NULL AND voided_at IS NULL "
                              "ORDER BY started_at DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      room_id = sqlite3_column_int64 (stmt, 0);
      if (started_at != NULL)
        *started_at = g_strdup (_shelter_db_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return room_id;
}

gboolean
shelter_placement_store_set_override (ShelterDb           *db,
                                      gint64               placement_id,
                                      const char          *reason,
                                      const ShelterStamp  *stamp,
                                      GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE placement SET override_reason = ?2, updated_at = ?3, "
                              "updated_by = ?4 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, placement_id);
  _shelter_db_bind_text (stmt, 2, reason);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gint64
shelter_absence_store_insert (ShelterDb           *db,
                              gint64               stay_id,
                              const char          *kind,
                              const char          *started_at,
                              const char          *planned_return_on,
                              const char          *note,
                              const ShelterStamp  *stamp,
                              GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO absence (stay_id, kind, note, started_at, "
                              "planned_return_on, created_at, created_by, updated_at, updated_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, kind);
  _shelter_db_bind_text (stmt, 3, note);
  _shelter_db_bind_text (stmt, 4, started_at);
  _shelter_db_bind_text (stmt, 5, planned_return_on);
  sqlite3_bind_text (stmt, 6, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, stamp->actor, -1, SQLITE_TRANSIENT);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gint64
shelter_absence_store_get_open (ShelterDb   *db,
                                gint64       stay_id,
                                char       **kind,
                                char       **started_at,
                                char       **planned_return_on,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, started_at, planned_return_on, kind FROM absence "
                              "WHERE stay_id = ? AND returned_at IS NULL AND voided_at IS NULL "
                              "ORDER BY started_at DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (started_at != NULL)
        *started_at = g_strdup (_shelter_db_column_text (stmt, 1));
      if (planned_return_on != NULL)
        *planned_return_on = g_strdup (_shelter_db_column_text (stmt, 2));
      if (kind != NULL)
        *kind = g_strdup (_shelter_db_column_text (stmt, 3));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_absence_store_end (ShelterDb           *db,
                           gint64               absence_id,
                           const char          *returned_at,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int changed;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE absence SET returned_at = ?2, updated_at = ?3, "
                              "updated_by = ?4, version = version + 1 "
                              "WHERE id = ?1 AND returned_at IS NULL AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, absence_id);
  _shelter_db_bind_text (stmt, 2, returned_at);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  changed = _shelter_db_changes (db);
  _shelter_db_release (db, stmt);
  return ok && changed > 0;
}

GArray *
shelter_absence_store_overdue (ShelterDb   *db,
                               const char  *today,
                               GError     **error)
{
  g_autoptr (GArray) stays = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT a.stay_id FROM absence a JOIN stay s ON s.id = a.stay_id "
                              "WHERE a.returned_at IS NULL AND a.voided_at IS NULL "
                              "AND s.discharged_at IS NULL AND a.planned_return_on < ? "
                              "ORDER BY a.planned_return_on",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (stays, id);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&stays);
}

GArray *
shelter_placement_store_occupancy_at (ShelterDb   *db,
                                      const char  *at,
                                      GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (ShelterRoomOccupancyRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Times of one centre share the +07:00 offset, so they compare as text. */
  stmt = _shelter_db_prepare (db,
                              "SELECT p.room_id, count(*), "
                              "sum(EXISTS (SELECT 1 FROM absence a WHERE a.stay_id = p.stay_id "
                              "AND a.voided_at IS NULL AND a.started_at <= ?1 "
                              "AND (a.returned_at IS NULL OR a.returned_at > ?1))) "
                              "FROM placement p WHERE p.voided_at IS NULL AND p.started_at <= ?1 "
                              "AND (p.ended_at IS NULL OR p.ended_at > ?1) GROUP BY p.room_id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, at);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterRoomOccupancyRow row = {
        sqlite3_column_int64 (stmt, 0),
        (guint) sqlite3_column_int (stmt, 1),
        (guint) sqlite3_column_int (stmt, 2),
      };
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

#define STAYS_AT_SELECT \
  "SELECT s.id, p.room_id, substr(s.admitted_at, 1, 10), s.person_id, " \
  "coalesce(pe.birth_date, ''), " \
  "coalesce((SELECT max(e.extended_to) FROM stay_extension e WHERE e.stay_id = s.id), '') " \
  "FROM placement p JOIN stay s ON s.id = p.stay_id JOIN person pe ON pe.id = s.person_id " \
  "WHERE p.voided_at IS NULL AND s.voided_at IS NULL " \
  "AND p.started_at <= ?1 AND (p.ended_at IS NULL OR p.ended_at > ?1)"

static GArray *
read_stays_at (ShelterDb     *db,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterCapacityStayRow));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterCapacityStayRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      row.room_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (row.admitted_on, _shelter_db_column_text (stmt, 2), sizeof row.admitted_on);
      row.person_id = sqlite3_column_int64 (stmt, 3);
      g_strlcpy (row.birth_date, _shelter_db_column_text (stmt, 4), sizeof row.birth_date);
      g_strlcpy (row.extended_to, _shelter_db_column_text (stmt, 5), sizeof row.extended_to);
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
shelter_capacity_store_stays_at (ShelterDb   *db,
                                 const char  *at,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, STAYS_AT_SELECT, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, at);
  return read_stays_at (db, stmt, error);
}

GArray *
shelter_capacity_store_stay_at (ShelterDb   *db,
                                const char  *at,
                                gint64       stay_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, STAYS_AT_SELECT " AND p.stay_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, stay_id);
  return read_stays_at (db, stmt, error);
}

GArray *
shelter_capacity_store_arrivals (ShelterDb   *db,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  g_autoptr (GArray) rooms = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* The room each stay received from @from to @to began in. */
  stmt = _shelter_db_prepare (db,
                              "SELECT (SELECT p.room_id FROM placement p WHERE p.stay_id = s.id "
                              "AND p.voided_at IS NULL ORDER BY p.started_at, p.id LIMIT 1) "
                              "FROM stay s WHERE s.voided_at IS NULL "
                              "AND s.admitted_at >= ?1 AND s.admitted_at < ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, from);
  _shelter_db_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 room_id = sqlite3_column_int64 (stmt, 0);

      if (room_id > 0)
        g_array_append_val (rooms, room_id);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rooms);
}

GArray *
shelter_placement_store_room_nights (ShelterDb          *db,
                                     const char *const  *bounds,
                                     guint               n_periods,
                                     GError            **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (ShelterRoomNightsRow));
  g_autoptr (GString) sql = g_string_new ("WITH period (k, first, next) AS (VALUES ");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (bounds != NULL && n_periods >= 1 && n_periods <= 100, NULL);

  /* (0, ?2, ?3), (1, ?3, ?4), ...: ?1 is the first day of all, ?(n + 2) the end. */
  for (guint k = 0; k < n_periods; k++)
    g_string_append_printf (sql, "%s(%u, ?%u, ?%u)", k > 0 ? ", " : "", k, k + 2, k + 3);
  /* Days are the local dates of the times (their first ten characters, all in +07:00): the
   * nights of a placement in a period are the days from the later of its first day and
   * the period's up to, not including, the earliest of the day it ended, the day the stay
   * ended and the period's end. The placements are read once (CROSS JOIN keeps them
   * outside), each matched with the few periods it overlaps. */
  g_string_append_printf (sql,
                          ") SELECT period.k, p.room_id, sum(max(0, CAST(round("
                          "julianday(min(coalesce(substr(p.ended_at, 1, 10), period.next), "
                          "coalesce(substr(s.discharged_at, 1, 10), period.next), period.next)) - "
                          "julianday(max(substr(p.started_at, 1, 10), period.first))) AS INTEGER))) "
                          "FROM placement p JOIN stay s ON s.id = p.stay_id CROSS JOIN period "
                          "WHERE p.voided_at IS NULL AND s.voided_at IS NULL "
                          "AND substr(p.started_at, 1, 10) < ?%u "
                          "AND (p.ended_at IS NULL OR substr(p.ended_at, 1, 10) > ?1) "
                          "AND (s.discharged_at IS NULL OR substr(s.discharged_at, 1, 10) > ?1) "
                          "AND substr(p.started_at, 1, 10) < period.next "
                          "AND (p.ended_at IS NULL OR substr(p.ended_at, 1, 10) > period.first) "
                          "AND (s.discharged_at IS NULL "
                          "OR substr(s.discharged_at, 1, 10) > period.first) "
                          "GROUP BY period.k, p.room_id",
                          n_periods + 2);
  stmt = _shelter_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, bounds[0]);
  for (guint k = 0; k <= n_periods; k++)
    _shelter_db_bind_text (stmt, k + 2, bounds[k]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterRoomNightsRow row = {
        (guint) sqlite3_column_int (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      if (row.period < n_periods && row.nights > 0)
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

int
shelter_stay_limit_store_days (ShelterDb   *db,
                               const char  *kind,
                               const char  *on,
                               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 days;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db,
                              "SELECT coalesce ((SELECT days FROM stay_limit WHERE kind = ?1 "
                              "AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2) "
                              "ORDER BY valid_from DESC LIMIT 1), 0)",
                              error);
  if (stmt == NULL)
    return -1;
  _shelter_db_bind_text (stmt, 1, kind);
  _shelter_db_bind_text (stmt, 2, on);
  days = _shelter_db_step_count (db, stmt, error);
  return (int) days;
}

GArray *
shelter_placement_store_room_residents (ShelterDb   *db,
                                        gint64       room_id,
                                        const char  *at,
                                        GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterRoomResidentRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT s.id, s.person_id, EXISTS (SELECT 1 FROM absence a "
                              "WHERE a.stay_id = s.id AND a.voided_at IS NULL "
                              "AND a.started_at <= ?2 AND (a.returned_at IS NULL "
                              "OR a.returned_at > ?2)) "
                              "FROM placement p JOIN stay s ON s.id = p.stay_id "
                              "JOIN person pe ON pe.id = s.person_id "
                              "WHERE p.room_id = ?1 AND p.voided_at IS NULL AND p.started_at <= ?2 "
                              "AND (p.ended_at IS NULL OR p.ended_at > ?2) ORDER BY pe.sort_key",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  _shelter_db_bind_text (stmt, 2, at);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterRoomResidentRow row = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int (stmt, 2) != 0,
      };
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

gboolean
shelter_stay_extension_store_insert (ShelterDb           *db,
                                     gint64               stay_id,
                                     const char          *extended_to,
                                     const char          *decision,
                                     const ShelterStamp  *stamp,
                                     GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO stay_extension (stay_id, extended_to, decision, "
                              "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, extended_to);
  _shelter_db_bind_text (stmt, 3, decision);
  sqlite3_bind_text (stmt, 4, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

