/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-intake-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-intake-store.h"

#define INTAKE_COLUMNS \
  "record_number, handed_over_by, officer_name, officer_unit, received_place, " \
  "linked_person_id, trafficking_scope, destination_country, return_mode, " \
  "identification_status, identification_document, consent_status, consent_record, " \
  "consent_share, consent_share_agencies, consent_photo, consent_given_by, guardian_name, " \
  "consent_not_now_reason, consent_ask_again_on, health_at_arrival, urgent_needs, " \
  "safety_note, person_signs, not_signed_reason"

static void
bind_int64_or_null (sqlite3_stmt *stmt,
                    int           index,
                    gint64        value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
insert_list (ShelterDb           *db,
             gint64               stay_id,
             const char * const  *items,
             gboolean             with_position,
             GError             **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      gboolean ok;

      if (with_position)
        stmt = _shelter_db_prepare (db,
                                    "INSERT INTO intake_belonging (stay_id, position, description) "
                                    "VALUES (?1, ?2, ?3)",
                                    error);
      else
        stmt = _shelter_db_prepare (db,
                                    "INSERT INTO intake_purpose (stay_id, purpose) VALUES (?1, ?3)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, stay_id);
      if (with_position)
        sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, items[i], -1, SQLITE_TRANSIENT);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
shelter_intake_store_insert (ShelterDb           *db,
                             ShelterIntake       *intake,
                             const ShelterStamp  *stamp,
                             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 stay_id;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_INTAKE (intake), FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  stay_id = shelter_intake_get_stay_id (intake);
  stmt = _shelter_db_prepare (db,
                              "INSERT INTO intake (stay_id, " INTAKE_COLUMNS ", created_at, "
                              "created_by, updated_at, updated_by, version) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                              "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
                              "?27, ?28, ?27, ?28, 1)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, shelter_intake_get_record_number (intake));
  _shelter_db_bind_text (stmt, 3, shelter_intake_get_handed_over_by (intake));
  _shelter_db_bind_text (stmt, 4, shelter_intake_get_officer_name (intake));
  _shelter_db_bind_text (stmt, 5, shelter_intake_get_officer_unit (intake));
  _shelter_db_bind_text (stmt, 6, shelter_intake_get_received_place (intake));
  bind_int64_or_null (stmt, 7, shelter_intake_get_linked_person_id (intake));
  _shelter_db_bind_text (stmt, 8, shelter_intake_get_trafficking_scope (intake));
  _shelter_db_bind_text (stmt, 9, shelter_intake_get_destination_country (intake));
  _shelter_db_bind_text (stmt, 10, shelter_intake_get_return_mode (intake));
  _shelter_db_bind_text (stmt, 11, shelter_intake_get_identification_status (intake));
  _shelter_db_bind_text (stmt, 12, shelter_intake_get_identification_document (intake));
  _shelter_db_bind_text (stmt, 13, shelter_intake_get_consent_status (intake));
  sqlite3_bind_int (stmt, 14, shelter_intake_get_consent_record (intake));
  sqlite3_bind_int (stmt, 15, shelter_intake_get_consent_share (intake));
  _shelter_db_bind_text (stmt, 16, shelter_intake_get_consent_share_agencies (intake));
  sqlite3_bind_int (stmt, 17, shelter_intake_get_consent_photo (intake));
  _shelter_db_bind_text (stmt, 18, shelter_intake_get_consent_given_by (intake));
  _shelter_db_bind_text (stmt, 19, shelter_intake_get_guardian_name (intake));
  _shelter_db_bind_text (stmt, 20, shelter_intake_get_consent_not_now_reason (intake));
  _shelter_db_bind_text (stmt, 21, shelter_intake_get_consent_ask_again_on (intake));
  _shelter_db_bind_text (stmt, 22, shelter_intake_get_health_at_arrival (intake));
  _shelter_db_bind_text (stmt, 23, shelter_intake_get_urgent_needs (intake));
  _shelter_db_bind_text (stmt, 24, shelter_intake_get_safety_note (intake));
  sqlite3_bind_int (stmt, 25, shelter_intake_get_person_signs (intake));
  _shelter_db_bind_text (stmt, 26, shelter_intake_get_not_signed_reason (intake));
  sqlite3_bind_text (stmt, 27, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 28, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (!ok)
    return FALSE;

  if (!insert_list (db, stay_id, shelter_intake_get_trafficking_purposes (intake), FALSE, error) ||
      !insert_list (db, stay_id, shelter_intake_get_belongings (intake), TRUE, error))
    return FALSE;

  shelter_intake_set_version (intake, 1);
  shelter_intake_set_received_by (intake, stamp->actor);
  return TRUE;
}

/* The purposes (in the enumeration's stored order) or the belongings (by position). */
static char **
read_list (ShelterDb  *db,
           gint64      stay_id,
           gboolean    belongings,
           GError    **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (belongings)
    stmt = _shelter_db_prepare (db,
                                "SELECT description FROM intake_belonging WHERE stay_id = ? "
                                "ORDER BY position",
                                error);
  else
    stmt = _shelter_db_prepare (db,
                                "SELECT purpose FROM intake_purpose WHERE stay_id = ? "
                                "ORDER BY rowid",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _shelter_db_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      _shelter_db_release (db, stmt);
      return NULL;
    }
  _shelter_db_release (db, stmt);
  return g_strv_builder_end (builder);
}

ShelterIntake *
shelter_intake_store_get (ShelterDb  *db,
                          gint64      stay_id,
                          GError    **error)
{
  g_autoptr (ShelterIntake) intake = NULL;
  g_auto (GStrv) purposes = NULL;
  g_auto (GStrv) belongings = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " INTAKE_COLUMNS ", version, created_by FROM intake "
                              "WHERE stay_id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      intake = shelter_intake_new ();
      shelter_intake_set_stay_id (intake, stay_id);
      shelter_intake_set_record_number (intake, _shelter_db_column_text (stmt, 0));
      shelter_intake_set_handed_over_by (intake, _shelter_db_column_text (stmt, 1));
      shelter_intake_set_officer_name (intake, _shelter_db_column_text (stmt, 2));
      shelter_intake_set_officer_unit (intake, _shelter_db_column_text (stmt, 3));
      shelter_intake_set_received_place (intake, _shelter_db_column_text (stmt, 4));
      shelter_intake_set_linked_person_id (intake, sqlite3_column_int64 (stmt, 5));
      shelter_intake_set_trafficking_scope (intake, _shelter_db_column_text (stmt, 6));
      shelter_intake_set_destination_country (intake, _shelter_db_column_text (stmt, 7));
      shelter_intake_set_return_mode (intake, _shelter_db_column_text (stmt, 8));
      shelter_intake_set_identification_status (intake, _shelter_db_column_text (stmt, 9));
      shelter_intake_set_identification_document (intake, _shelter_db_column_text (stmt, 10));
      shelter_intake_set_consent_status (intake, _shelter_db_column_text (stmt, 11));
      shelter_intake_set_consent_record (intake, sqlite3_column_int (stmt, 12) != 0);
      shelter_intake_set_consent_share (intake, sqlite3_column_int (stmt, 13) != 0);
      shelter_intake_set_consent_share_agencies (intake, _shelter_db_column_text (stmt, 14));
      shelter_intake_set_consent_photo (intake, sqlite3_column_int (stmt, 15) != 0);
      shelter_intake_set_consent_given_by (intake, _shelter_db_column_text (stmt, 16));
      shelter_intake_set_guardian_name (intake, _shelter_db_column_text (stmt, 17));
      shelter_intake_set_consent_not_now_reason (intake, _shelter_db_column_text (stmt, 18));
      shelter_intake_set_consent_ask_again_on (intake, _shelter_db_column_text (stmt, 19));
      shelter_intake_set_health_at_arrival (intake, _shelter_db_column_text (stmt, 20));
      shelter_intake_set_urgent_needs (intake, _shelter_db_column_text (stmt, 21));
      shelter_intake_set_safety_note (intake, _shelter_db_column_text (stmt, 22));
      shelter_intake_set_person_signs (intake, sqlite3_column_int (stmt, 23) != 0);
      shelter_intake_set_not_signed_reason (intake, _shelter_db_column_text (stmt, 24));
      shelter_intake_set_version (intake, sqlite3_column_int64 (stmt, 25));
      shelter_intake_set_received_by (intake, _shelter_db_column_text (stmt, 26));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  if (intake == NULL)
    return NULL;

  if ((purposes = read_list (db, stay_id, FALSE, error)) == NULL ||
      (belongings = read_list (db, stay_id, TRUE, error)) == NULL)
    return NULL;
  shelter_intake_set_trafficking_purposes (intake, (const char * const *) purposes);
  shelter_intake_set_belongings (intake, (const char * const *) belongings);
  return g_steal_pointer (&intake);
}

gboolean
shelter_case_document_store_list (ShelterDb  *db,
                                  gint64      stay_id,
                                  GPtrArray  *kinds,
                                  GPtrArray  *received_on,
                                  GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "SELECT kind, received_on FROM case_document "
                              "WHERE stay_id = ? AND voided_at IS NULL ORDER BY received_on, id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (kinds, g_strdup (_shelter_db_column_text (stmt, 0)));
      g_ptr_array_add (received_on, g_strdup (_shelter_db_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return rc == SQLITE_DONE;
}

gboolean
shelter_case_document_store_insert (ShelterDb           *db,
                                    gint64               stay_id,
                                    const char          *kind,
                                    const char          *received_on,
                                    const ShelterStamp  *stamp,
                                    GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO case_document (stay_id, kind, received_on, created_at, "
                              "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?5)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, kind);
  _shelter_db_bind_text (stmt, 3, received_on);
  sqlite3_bind_text (stmt, 4, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_case_document_store_void (ShelterDb           *db,
                                  gint64               stay_id,
                                  const char          *kind,
                                  const char          *reason,
                                  const ShelterStamp  *stamp,
                                  GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  int changed;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE case_document SET voided_at = ?3, voided_by = ?4, "
                              "void_reason = ?5, updated_at = ?3, updated_by = ?4, "
                              "version = version + 1 "
                              "WHERE stay_id = ?1 AND kind = ?2 AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  _shelter_db_bind_text (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, stamp->actor, -1, SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 5, reason);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  changed = _shelter_db_changes (db);
  _shelter_db_release (db, stmt);
  return ok && changed > 0;
}

gboolean
shelter_intake_draft_store_put (ShelterDb   *db,
                                const char  *owner,
                                int          format,
                                const char  *saved_at,
                                const char  *payload,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO intake_draft (owner, format, saved_at, payload) "
                              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (owner) DO UPDATE SET "
                              "format = excluded.format, saved_at = excluded.saved_at, "
                              "payload = excluded.payload",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, owner);
  sqlite3_bind_int (stmt, 2, format);
  _shelter_db_bind_text (stmt, 3, saved_at);
  _shelter_db_bind_text (stmt, 4, payload);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_intake_draft_store_get (ShelterDb   *db,
                                const char  *owner,
                                int         *format,
                                char       **saved_at,
                                char       **payload,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "SELECT format, saved_at, payload FROM intake_draft WHERE owner = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, owner);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      found = TRUE;
      *format = sqlite3_column_int (stmt, 0);
      *saved_at = g_strdup (_shelter_db_column_text (stmt, 1));
      *payload = g_strdup (_shelter_db_column_text (stmt, 2));
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return found;
}

gboolean
shelter_intake_draft_store_delete (ShelterDb   *db,
                                   const char  *owner,
                                   GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, "DELETE FROM intake_draft WHERE owner = ?", error);
  if (stmt == NULL)
    return FALSE;
  _shelter_db_bind_text (stmt, 1, owner);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}
