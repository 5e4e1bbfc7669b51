/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-plan-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-plan-store.h"

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

static void
assessment_area_row_free (ShelterAssessmentAreaRow *row)
{
  g_free (row->area);
  g_free (row->level);
  g_free (row->note);
  g_free (row);
}

void
shelter_assessment_row_free (ShelterAssessmentRow *row)
{
  if (row == NULL)
    return;
  g_free (row->assessed_on);
  g_free (row->assessed_by);
  g_free (row->created_at);
  g_clear_pointer (&row->areas, g_ptr_array_unref);
  g_free (row);
}

void
shelter_plan_row_free (ShelterPlanRow *row)
{
  if (row == NULL)
    return;
  g_free (row->status);
  g_free (row->drafted_by);
  g_free (row->drafted_at);
  g_free (row->approved_by);
  g_free (row->approved_at);
  g_free (row->review_on);
  g_free (row->started_at);
  g_free (row->started_by);
  g_free (row->closed_at);
  g_free (row->closed_by);
  g_free (row->close_reason);
  g_free (row);
}

void
shelter_goal_row_free (ShelterGoalRow *row)
{
  if (row == NULL)
    return;
  g_free (row->area);
  g_free (row->goal);
  g_free (row->services);
  g_free (row->support_type);
  g_free (row->responsible);
  g_free (row->target_on);
  g_free (row->status);
  g_free (row->status_note);
  g_free (row);
}

void
shelter_progress_note_row_free (ShelterProgressNoteRow *row)
{
  if (row == NULL)
    return;
  g_free (row->written_on);
  g_free (row->written_by);
  g_free (row->text);
  g_free (row);
}

/* Needs assessments */

gint64
shelter_assessment_store_insert (ShelterDb           *db,
                                 gint64               stay_id,
                                 const char          *assessed_on,
                                 const char          *assessed_by,
                                 GPtrArray           *areas,
                                 const ShelterStamp  *stamp,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);
  g_return_val_if_fail (areas != NULL, 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO needs_assessment (stay_id, assessed_on, assessed_by, "
                              "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, assessed_on);
  _shelter_db_bind_text (stmt, 3, assessed_by);
  _shelter_db_bind_text (stmt, 4, stamp->at);
  _shelter_db_bind_text (stmt, 5, stamp->actor);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  if (id == 0)
    return 0;

  for (guint i = 0; i < areas->len; i++)
    {
      const ShelterAssessmentAreaRow *area = g_ptr_array_index (areas, i);
      gboolean ok;

      stmt = _shelter_db_prepare (db,
                                  "INSERT INTO needs_assessment_area (assessment_id, area, level, "
                                  "note) VALUES (?1, ?2, ?3, ?4)",
                                  error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      _shelter_db_bind_text (stmt, 2, area->area);
      _shelter_db_bind_text (stmt, 3, area->level);
      _shelter_db_bind_text (stmt, 4, area->note);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
      if (!ok)
        return 0;
    }
  return id;
}

static ShelterAssessmentRow *
read_assessment (ShelterDb     *db,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr (ShelterAssessmentRow) row = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (ShelterAssessmentRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->assessed_on = dup_column (stmt, 2);
      row->assessed_by = dup_column (stmt, 3);
      row->created_at = dup_column (stmt, 4);
      row->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) assessment_area_row_free);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  if (row == NULL)
    return NULL;

  stmt = _shelter_db_prepare (db,
                              "SELECT area, level, note FROM needs_assessment_area "
                              "WHERE assessment_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterAssessmentAreaRow *area = g_new0 (ShelterAssessmentAreaRow, 1);

      area->area = dup_column (stmt, 0);
      area->level = dup_column (stmt, 1);
      area->note = dup_column (stmt, 2);
      g_ptr_array_add (row->areas, area);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&row);
}

ShelterAssessmentRow *
shelter_assessment_store_latest (ShelterDb  *db,
                                 gint64      stay_id,
                                 GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, stay_id, assessed_on, assessed_by, created_at "
                              "FROM needs_assessment WHERE stay_id = ?1 "
                              "ORDER BY assessed_on DESC, id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  return read_assessment (db, stmt, error);
}

ShelterAssessmentRow *
shelter_assessment_store_get (ShelterDb  *db,
                              gint64      id,
                              GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  ShelterAssessmentRow *row;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, stay_id, assessed_on, assessed_by, created_at "
                              "FROM needs_assessment WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  row = read_assessment (db, stmt, &local_error);
  if (row == NULL && local_error == NULL)
    g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 "There is no needs assessment %" G_GINT64_FORMAT ".", id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

/* Plans */

gint64
shelter_plan_store_insert (ShelterDb           *db,
                           gint64               stay_id,
                           gint64               assessment_id,
                           const char          *review_on,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO support_plan (stay_id, assessment_id, status, "
                              "drafted_by, drafted_at, review_on, created_at, created_by, "
                              "updated_at, updated_by) VALUES (?1, ?2, 'draft', ?3, ?4, ?5, "
                              "?4, ?3, ?4, ?3)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  _shelter_db_bind_text (stmt, 4, stamp->at);
  _shelter_db_bind_text (stmt, 5, review_on);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

#define PLAN_SELECT \
  "SELECT id, stay_id, assessment_id, status, drafted_by, drafted_at, approved_by, " \
  "approved_at, review_on, started_at, started_by, closed_at, closed_by, close_reason, " \
  "version FROM support_plan "

static ShelterPlanRow *
read_plan (ShelterDb     *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  ShelterPlanRow *row = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (ShelterPlanRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->stay_id = sqlite3_column_int64 (stmt, 1);
      row->assessment_id = sqlite3_column_int64 (stmt, 2);
      row->status = dup_column (stmt, 3);
      row->drafted_by = dup_column (stmt, 4);
      row->drafted_at = dup_column (stmt, 5);
      row->approved_by = dup_column (stmt, 6);
      row->approved_at = dup_column (stmt, 7);
      row->review_on = dup_column (stmt, 8);
      row->started_at = dup_column (stmt, 9);
      row->started_by = dup_column (stmt, 10);
      row->closed_at = dup_column (stmt, 11);
      row->closed_by = dup_column (stmt, 12);
      row->close_reason = dup_column (stmt, 13);
      row->version = sqlite3_column_int64 (stmt, 14);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  return row;
}

ShelterPlanRow *
shelter_plan_store_get (ShelterDb  *db,
                        gint64      id,
                        GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  ShelterPlanRow *row;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, PLAN_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  row = read_plan (db, stmt, &local_error);
  if (row == NULL && local_error == NULL)
    g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 "There is no support plan %" G_GINT64_FORMAT ".", id);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return row;
}

ShelterPlanRow *
shelter_plan_store_latest (ShelterDb  *db,
                           gint64      stay_id,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, PLAN_SELECT "WHERE stay_id = ?1 ORDER BY id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  return read_plan (db, stmt, error);
}

gboolean
shelter_plan_store_update (ShelterDb           *db,
                           ShelterPlanRow      *row,
                           const ShelterStamp  *stamp,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE support_plan SET status = ?3, approved_by = ?4, "
                              "approved_at = ?5, review_on = ?6, started_at = ?7, "
                              "started_by = ?8, closed_at = ?9, closed_by = ?10, "
                              "close_reason = ?11, assessment_id = ?12, updated_at = ?13, "
                              "updated_by = ?14, version = version + 1 "
                              "WHERE id = ?1 AND version = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, row->version);
  _shelter_db_bind_text (stmt, 3, row->status);
  _shelter_db_bind_text (stmt, 4, row->approved_by);
  _shelter_db_bind_text (stmt, 5, row->approved_at);
  _shelter_db_bind_text (stmt, 6, row->review_on);
  _shelter_db_bind_text (stmt, 7, row->started_at);
  _shelter_db_bind_text (stmt, 8, row->started_by);
  _shelter_db_bind_text (stmt, 9, row->closed_at);
  _shelter_db_bind_text (stmt, 10, row->closed_by);
  _shelter_db_bind_text (stmt, 11, row->close_reason);
  sqlite3_bind_int64 (stmt, 12, row->assessment_id);
  _shelter_db_bind_text (stmt, 13, stamp->at);
  _shelter_db_bind_text (stmt, 14, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           "The support plan was changed by someone else.");
      return FALSE;
    }
  if (ok)
    row->version++;
  return ok;
}

/* Goals */

gint64
shelter_goal_store_insert (ShelterDb             *db,
                           gint64                 plan_id,
                           guint                  position,
                           const ShelterGoalRow  *goal,
                           const ShelterStamp    *stamp,
                           GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO plan_goal (plan_id, position, area, goal, services, "
                              "support_type, responsible, target_on, created_at, created_by, "
                              "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                              "?9, ?10, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, position);
  _shelter_db_bind_text (stmt, 3, goal->area);
  _shelter_db_bind_text (stmt, 4, goal->goal);
  _shelter_db_bind_text (stmt, 5, goal->services);
  _shelter_db_bind_text (stmt, 6, goal->support_type);
  _shelter_db_bind_text (stmt, 7, goal->responsible);
  _shelter_db_bind_text (stmt, 8, goal->target_on);
  _shelter_db_bind_text (stmt, 9, stamp->at);
  _shelter_db_bind_text (stmt, 10, stamp->actor);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_goal_store_withdraw_all (ShelterDb           *db,
                                 gint64               plan_id,
                                 const ShelterStamp  *stamp,
                                 GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE plan_goal SET withdrawn_at = ?2, updated_at = ?2, "
                              "updated_by = ?3 WHERE plan_id = ?1 AND withdrawn_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  _shelter_db_bind_text (stmt, 2, stamp->at);
  _shelter_db_bind_text (stmt, 3, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

#define GOAL_SELECT \
  "SELECT id, plan_id, area, goal, services, support_type, responsible, target_on, status, " \
  "status_note FROM plan_goal "

static GPtrArray *
read_goals (ShelterDb     *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_goal_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterGoalRow *row = g_new0 (ShelterGoalRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->plan_id = sqlite3_column_int64 (stmt, 1);
      row->area = dup_column (stmt, 2);
      row->goal = dup_column (stmt, 3);
      row->services = dup_column (stmt, 4);
      row->support_type = dup_column (stmt, 5);
      row->responsible = dup_column (stmt, 6);
      row->target_on = dup_column (stmt, 7);
      row->status = dup_column (stmt, 8);
      row->status_note = dup_column (stmt, 9);
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

GPtrArray *
shelter_goal_store_list (ShelterDb  *db,
                         gint64      plan_id,
                         GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              GOAL_SELECT "WHERE plan_id = ?1 AND withdrawn_at IS NULL "
                              "ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  return read_goals (db, stmt, error);
}

ShelterGoalRow *
shelter_goal_store_get (ShelterDb  *db,
                        gint64      id,
                        GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, GOAL_SELECT "WHERE id = ?1 AND withdrawn_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = read_goals (db, stmt, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   "There is no goal %" G_GINT64_FORMAT ".", id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

gboolean
shelter_goal_store_set_status (ShelterDb           *db,
                               gint64               id,
                               const char          *status,
                               const char          *note,
                               const ShelterStamp  *stamp,
                               GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE plan_goal SET status = ?2, status_note = ?3, "
                              "updated_at = ?4, updated_by = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _shelter_db_bind_text (stmt, 2, status);
  _shelter_db_bind_text (stmt, 3, note);
  _shelter_db_bind_text (stmt, 4, stamp->at);
  _shelter_db_bind_text (stmt, 5, stamp->actor);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

/* Progress notes */

gint64
shelter_progress_note_store_insert (ShelterDb           *db,
                                    gint64               plan_id,
                                    gint64               goal_id,
                                    const char          *written_on,
                                    const char          *text,
                                    const ShelterStamp  *stamp,
                                    GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO plan_progress_note (plan_id, goal_id, written_on, "
                              "written_by, text, created_at, created_by) VALUES (?1, ?2, ?3, "
                              "?4, ?5, ?6, ?4)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (goal_id > 0)
    sqlite3_bind_int64 (stmt, 2, goal_id);
  _shelter_db_bind_text (stmt, 3, written_on);
  _shelter_db_bind_text (stmt, 4, stamp->actor);
  _shelter_db_bind_text (stmt, 5, text);
  _shelter_db_bind_text (stmt, 6, stamp->at);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

GPtrArray *
shelter_progress_note_store_list (ShelterDb  *db,
                                  gint64      plan_id,
                                  GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_progress_note_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, plan_id, goal_id, written_on, written_by, text "
                              "FROM plan_progress_note WHERE plan_id = ?1 "
                              "ORDER BY written_on DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterProgressNoteRow *row = g_new0 (ShelterProgressNoteRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->plan_id = sqlite3_column_int64 (stmt, 1);
      row->goal_id = sqlite3_column_int64 (stmt, 2);
      row->written_on = dup_column (stmt, 3);
      row->written_by = dup_column (stmt, 4);
      row->text = dup_column (stmt, 5);
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

GArray *
shelter_plan_store_reviews_due (ShelterDb   *db,
                                const char  *cutoff,
                                gint64       stay_id,
                                GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterPlanReviewDueRow));
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* One stay is named in the statement itself, so that SQLite starts from its plans. */
  sql = g_strdup_printf ("SELECT sp.stay_id, st.person_id, sp.id, sp.review_on "
                         "FROM support_plan sp JOIN stay st ON st.id = sp.stay_id "
                         "WHERE sp.status IN ('approved', 'in_progress') %s"
                         "AND sp.review_on <= ?1 AND st.discharged_at IS NULL "
                         "AND st.voided_at IS NULL ORDER BY sp.review_on, sp.id",
                         stay_id != 0 ? "AND sp.stay_id = ?2 " : "");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, cutoff);
  if (stay_id != 0)
    sqlite3_bind_int64 (stmt, 2, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterPlanReviewDueRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      row.person_id = sqlite3_column_int64 (stmt, 1);
      row.plan_id = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (row.review_on, _shelter_db_column_text (stmt, 3), sizeof row.review_on);
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
