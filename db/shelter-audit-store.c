/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-audit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-audit-store.h"
#include "shelter-db-private.h"

void
shelter_audit_row_clear (ShelterAuditRow *row)
{
  g_clear_pointer (&row->at, g_free);
  g_clear_pointer (&row->actor, g_free);
  g_clear_pointer (&row->action, g_free);
  g_clear_pointer (&row->entity, g_free);
  g_clear_pointer (&row->details, g_free);
  g_clear_pointer (&row->hash, g_free);
  row->id = 0;
  row->entity_id = 0;
}

gboolean
shelter_audit_store_append (ShelterDb           *db,
                            const ShelterStamp  *stamp,
                            const char          *action,
                            const char          *entity,
                            gint64               entity_id,
                            const char          *details,
                            const char          *hash,
                            GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (stamp != NULL && stamp->actor != NULL && stamp->at != NULL, FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO audit_log (at, actor, action, entity, entity_id, "
                              "details, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_TRANSIENT);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 5, entity_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, details ? details : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, hash ? hash : "", -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

char *
shelter_audit_store_last_hash (ShelterDb  *db,
                               GError    **error)
{
  sqlite3_stmt *stmt;
  char *hash = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    hash = g_strdup (_shelter_db_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    hash = g_strdup ("");
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return hash;
}

char *
shelter_audit_store_last_at (ShelterDb  *db,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  char *at = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* The log is append-only: the highest id is the last action recorded. */
  stmt = _shelter_db_prepare (db, "SELECT at FROM audit_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    at = g_strdup (_shelter_db_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    at = g_strdup ("");
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return at;
}

gint64
shelter_audit_store_count (ShelterDb  *db,
                           GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db, "SELECT count(*) FROM audit_log", error);
  if (stmt == NULL)
    return -1;
  return _shelter_db_step_count (db, stmt, error);
}

/* What an audit entry may be about that belongs to one person: the table its entity_id
 * points into, and whether that table names the person or one of their stays. Filtering the
 * log by a resident finds these too. */
static const struct
{
  const char *entity;
  const char *table;
  const char *link;  /* "person_id" or "stay_id" */
} person_entities[] = {
  { "person", "person", NULL },
  { "stay", "stay", "person_id" },
  { "service", "service", "stay_id" },
  { "needs_assessment", "needs_assessment", "stay_id" },
  { "support_plan", "support_plan", "stay_id" },
  { "relative", "family_relative", "person_id" },
  { "family_contact", "family_contact", "stay_id" },
  { "family_tracing", "family_tracing", "stay_id" },
  { "visit_ban", "family_visit_ban", "person_id" },
  { "visit", "family_visit", "stay_id" },
  { "risk_assessment", "risk_assessment", "stay_id" },
  { "safety_incident", "safety_incident", "stay_id" },
  { "police_report", "police_report", "stay_id" },
  { "referral", "referral", "stay_id" },
  { "follow_up", "follow_up", "stay_id" },
};

/* The ids query, written once from person_entities. ?5 is the resident's case code. */
static char *
dup_ids_query (void)
{
  GString *sql = g_string_new ("SELECT a.id FROM audit_log a WHERE "
                               "(?1 IS NULL OR a.actor = ?1) AND "
                               "(?2 IS NULL OR a.action = ?2) AND "
                               "(?3 IS NULL OR a.at >= ?3) AND "
                               "(?4 IS NULL OR a.at < ?4) AND "
                               "(?5 IS NULL");

  for (guint i = 0; i < G_N_ELEMENTS (person_entities); i++)
    {
      const char *link = person_entities[i].link;

      g_string_append_printf (sql, " OR (a.entity = '%s' AND a.entity_id IN (SELECT t.id FROM %s t ",
                              person_entities[i].entity, person_entities[i].table);
      if (link == NULL)
        g_string_append (sql, "WHERE t.case_code = ?5))");
      else if (g_str_equal (link, "stay_id"))
        g_string_append (sql, "JOIN stay s ON s.id = t.stay_id JOIN person p ON p.id = s.person_id "
                              "WHERE p.case_code = ?5))");
      else
        g_string_append (sql, "JOIN person p ON p.id = t.person_id WHERE p.case_code = ?5))");
    }
  g_string_append (sql, ") ORDER BY a.id DESC");
  return g_string_free (sql, FALSE);
}

GArray *
shelter_audit_store_ids (ShelterDb   *db,
                         const char  *actor,
                         const char  *action,
                         const char  *case_code,
                         const char  *from_date,
                         const char  *to_date,
                         GError     **error)
{
  static const char *query;
  static gsize query_written;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *to_exclusive = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Times carry their offset; every time written here is +07:00, so comparing the text
   * with a date prefix is comparing dates. The day after @to_date bounds it. */
  if (to_date != NULL)
    to_exclusive = g_strconcat (to_date, "T99", NULL);

  if (g_once_init_enter (&query_written))
    {
      query = dup_ids_query ();
      g_once_init_leave (&query_written, 1);
    }
  stmt = _shelter_db_prepare (db, query, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, actor);
  _shelter_db_bind_text (stmt, 2, action);
  _shelter_db_bind_text (stmt, 3, from_date);
  _shelter_db_bind_text (stmt, 4, to_exclusive);
  _shelter_db_bind_text (stmt, 5, case_code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
row_from_stmt (sqlite3_stmt    *stmt,
               ShelterAuditRow *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->at = g_strdup (_shelter_db_column_text (stmt, 1));
  row->actor = g_strdup (_shelter_db_column_text (stmt, 2));
  row->action = g_strdup (_shelter_db_column_text (stmt, 3));
  row->entity = g_strdup (_shelter_db_column_text (stmt, 4));
  row->entity_id = sqlite3_column_int64 (stmt, 5);
  row->details = g_strdup (_shelter_db_column_text (stmt, 6));
  row->hash = g_strdup (_shelter_db_column_text (stmt, 7));
}

gboolean
shelter_audit_store_get (ShelterDb        *db,
                         gint64            id,
                         ShelterAuditRow  *row,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "SELECT id, at, actor, action, entity, entity_id, details, hash "
                              "FROM audit_log WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row_from_stmt (stmt, row);
      found = TRUE;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 _("This audit entry does not exist."));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return found;
}

gboolean
shelter_audit_store_foreach (ShelterDb           *db,
                             ShelterAuditRowFunc  func,
                             gpointer             user_data,
                             GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Not from the cache: the walk may be long and callers may write meanwhile. */
  rc = sqlite3_prepare_v2 (_shelter_db_get_handle (db),
                           "SELECT id, at, actor, action, entity, entity_id, details, hash "
                           "FROM audit_log ORDER BY id",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterAuditRow row = { 0 };
      gboolean more;

      row_from_stmt (stmt, &row);
      more = func (&row, user_data);
      shelter_audit_row_clear (&row);
      if (!more)
        {
          rc = SQLITE_DONE;
          break;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  return TRUE;
}
