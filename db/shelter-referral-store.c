/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referral-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-referral-store.h"

typedef enum
{
  COL_TEXT,
  COL_INT,    /* 0 stored as NULL */
  COL_MONEY,  /* -1 stored as NULL */
} ColumnType;

#define REFERRAL_COLUMNS "direction, stay_id, subject, partner_id, purpose, status, risk_level, risk_assessment, assessed_on, person_opinion, agency_offer, agency_agreed_on, decision, decided_on, consent_by, consent_guardian, legal_ground, legal_ground_by, health_summary, case_summary, sent_on, sent_by, answered_on, decline_reason, departure_mode, departed_on, escort, guardian, allowance_dong, result_on, result_note, completed_on, handover_note, withdrawn_at, withdrawn_by, withdraw_reason"
#define N_REFERRAL_COLUMNS 36
#define REFERRAL_INSERT "INSERT INTO referral (" REFERRAL_COLUMNS ", created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?37, ?38)"
#define REFERRAL_UPDATE "UPDATE referral SET direction = ?1, stay_id = ?2, subject = ?3, partner_id = ?4, purpose = ?5, status = ?6, risk_level = ?7, risk_assessment = ?8, assessed_on = ?9, person_opinion = ?10, agency_offer = ?11, agency_agreed_on = ?12, decision = ?13, decided_on = ?14, consent_by = ?15, consent_guardian = ?16, legal_ground = ?17, legal_ground_by = ?18, health_summary = ?19, case_summary = ?20, sent_on = ?21, sent_by = ?22, answered_on = ?23, decline_reason = ?24, departure_mode = ?25, departed_on = ?26, escort = ?27, guardian = ?28, allowance_dong = ?29, result_on = ?30, result_note = ?31, completed_on = ?32, handover_note = ?33, withdrawn_at = ?34, withdrawn_by = ?35, withdraw_reason = ?36, updated_at = ?37, updated_by = ?38, version = version + 1 WHERE id = ?39 AND version = ?40"

static const struct
{
  ColumnType type;
  glong      offset;
} referral_columns[] = {
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, direction) },
  { COL_INT, G_STRUCT_OFFSET (ShelterReferralRow, stay_id) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, subject) },
  { COL_INT, G_STRUCT_OFFSET (ShelterReferralRow, partner_id) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, purpose) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, status) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, risk_level) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, risk_assessment) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, assessed_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, person_opinion) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, agency_offer) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, agency_agreed_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, decision) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, decided_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, consent_by) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, consent_guardian) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, legal_ground) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, legal_ground_by) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, health_summary) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, case_summary) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, sent_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, sent_by) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, answered_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, decline_reason) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, departure_mode) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, departed_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, escort) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, guardian) },
  { COL_MONEY, G_STRUCT_OFFSET (ShelterReferralRow, allowance_dong) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, result_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, result_note) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, completed_on) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, handover_note) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, withdrawn_at) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, withdrawn_by) },
  { COL_TEXT, G_STRUCT_OFFSET (ShelterReferralRow, withdraw_reason) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (referral_columns) == N_REFERRAL_COLUMNS);

static char *
dup_column (sqlite3_stmt *stmt,
            int           index)
{
  return g_strdup (_shelter_db_column_text (stmt, index));
}

/* Partners */

void
shelter_partner_row_free (ShelterPartnerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->kind);
  g_free (row->name);
  g_free (row->contact_person);
  g_free (row->phone);
  g_free (row->email);
  g_free (row->address);
  g_free (row->services);
  g_free (row);
}

static void
bind_partner (sqlite3_stmt            *stmt,
              const ShelterPartnerRow *row,
              const ShelterStamp      *stamp)
{
  _shelter_db_bind_text (stmt, 1, row->kind);
  _shelter_db_bind_text (stmt, 2, row->name);
  _shelter_db_bind_text (stmt, 3, row->contact_person);
  _shelter_db_bind_text (stmt, 4, row->phone);
  _shelter_db_bind_text (stmt, 5, row->email);
  _shelter_db_bind_text (stmt, 6, row->address);
  _shelter_db_bind_text (stmt, 7, row->services);
  sqlite3_bind_int (stmt, 8, row->active ? 1 : 0);
  _shelter_db_bind_text (stmt, 9, stamp->at);
  _shelter_db_bind_text (stmt, 10, stamp->actor);
}

gint64
shelter_partner_store_insert (ShelterDb                *db,
                              const ShelterPartnerRow  *row,
                              const ShelterStamp       *stamp,
                              GError                  **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO partner (kind, name, contact_person, phone, email, "
                              "address, services, active, created_at, created_by, updated_at, "
                              "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return 0;
  bind_partner (stmt, row, stamp);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  return id;
}

gboolean
shelter_partner_store_update (ShelterDb           *db,
                              ShelterPartnerRow   *row,
                              const ShelterStamp  *stamp,
                              GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "UPDATE partner SET kind = ?1, name = ?2, contact_person = ?3, "
                              "phone = ?4, email = ?5, address = ?6, services = ?7, active = ?8, "
                              "updated_at = ?9, updated_by = ?10, version = version + 1 "
                              "WHERE id = ?11 AND version = ?12",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_partner (stmt, row, stamp);
  sqlite3_bind_int64 (stmt, 11, row->id);
  sqlite3_bind_int64 (stmt, 12, row->version);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           "The partner was changed by someone else.");
      return FALSE;
    }
  if (ok)
    row->version++;
  return ok;
}

#define PARTNER_SELECT \
  "SELECT id, kind, name, contact_person, phone, email, address, services, active, version " \
  "FROM partner "

static ShelterPartnerRow *
read_partner (sqlite3_stmt *stmt)
{
  ShelterPartnerRow *row = g_new0 (ShelterPartnerRow, 1);

  row->id = sqlite3_column_int64 (stmt, 0);
  row->kind = dup_column (stmt, 1);
  row->name = dup_column (stmt, 2);
  row->contact_person = dup_column (stmt, 3);
  row->phone = dup_column (stmt, 4);
  row->email = dup_column (stmt, 5);
  row->address = dup_column (stmt, 6);
  row->services = dup_column (stmt, 7);
  row->active = sqlite3_column_int (stmt, 8) != 0;
  row->version = sqlite3_column_int64 (stmt, 9);
  return row;
}

ShelterPartnerRow *
shelter_partner_store_get (ShelterDb  *db,
                           gint64      id,
                           GError    **error)
{
  ShelterPartnerRow *row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, PARTNER_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = read_partner (stmt);
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  else if (row == NULL)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 "There is no partner %" G_GINT64_FORMAT ".", id);
  return row;
}

GPtrArray *
shelter_partner_store_list (ShelterDb  *db,
                            gboolean    all,
                            GError    **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, PARTNER_SELECT "WHERE ?1 OR active = 1 ORDER BY kind, name, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, all ? 1 : 0);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_partner_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_partner (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* Referrals */

void
shelter_referral_row_free (ShelterReferralRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (referral_columns); i++)
    if (referral_columns[i].type == COL_TEXT)
      g_free (G_STRUCT_MEMBER (char *, row, referral_columns[i].offset));
  g_free (row->created_at);
  g_free (row->created_by);
  g_strfreev (row->shared_fields);
  g_free (row);
}

static void
bind_referral (sqlite3_stmt             *stmt,
               const ShelterReferralRow *row,
               const ShelterStamp       *stamp)
{
  for (guint i = 0; i < G_N_ELEMENTS (referral_columns); i++)
    {
      int index = i + 1;

      switch (referral_columns[i].type)
        {
        case COL_TEXT:
          _shelter_db_bind_text (stmt, index,
                                 G_STRUCT_MEMBER (char *, row, referral_columns[i].offset));
          break;
        case COL_INT:
          {
            gint64 value = G_STRUCT_MEMBER (gint64, row, referral_columns[i].offset);

            if (value == 0)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_int64 (stmt, index, value);
          }
          break;
        case COL_MONEY:
          {
            gint64 value = G_STRUCT_MEMBER (gint64, row, referral_columns[i].offset);

            if (value < 0)
              sqlite3_bind_null (stmt, index);
            else
              sqlite3_bind_int64 (stmt, index, value);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  _shelter_db_bind_text (stmt, N_REFERRAL_COLUMNS + 1, stamp->at);
  _shelter_db_bind_text (stmt, N_REFERRAL_COLUMNS + 2, stamp->actor);
}

static gboolean
write_shared_fields (ShelterDb                 *db,
                     const ShelterReferralRow  *row,
                     gint64                     id,
                     GError                   **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _shelter_db_prepare (db, "DELETE FROM referral_shared_field WHERE referral_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  for (guint i = 0; ok && row->shared_fields != NULL && row->shared_fields[i] != NULL; i++)
    {
      stmt = _shelter_db_prepare (db,
                                  "INSERT OR IGNORE INTO referral_shared_field (referral_id, "
                                  "field) VALUES (?1, ?2)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      _shelter_db_bind_text (stmt, 2, row->shared_fields[i]);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
    }
  return ok;
}

gint64
shelter_referral_store_insert (ShelterDb                 *db,
                               const ShelterReferralRow  *row,
                               const ShelterStamp        *stamp,
                               GError                   **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHELTER_IS_DB (db), 0);

  stmt = _shelter_db_prepare (db, REFERRAL_INSERT, error);
  if (stmt == NULL)
    return 0;
  bind_referral (stmt, row, stamp);
  if (_shelter_db_exec_stmt (db, stmt, error))
    id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);
  if (id != 0 && !write_shared_fields (db, row, id, error))
    return 0;
  return id;
}

gboolean
shelter_referral_store_update (ShelterDb           *db,
                               ShelterReferralRow  *row,
                               const ShelterStamp  *stamp,
                               GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db, REFERRAL_UPDATE, error);
  if (stmt == NULL)
    return FALSE;
  bind_referral (stmt, row, stamp);
  sqlite3_bind_int64 (stmt, N_REFERRAL_COLUMNS + 3, row->id);
  sqlite3_bind_int64 (stmt, N_REFERRAL_COLUMNS + 4, row->version);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  if (ok && _shelter_db_changes (db) == 0)
    {
      g_set_error_literal (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                           "The referral was changed by someone else.");
      return FALSE;
    }
  if (!ok || !write_shared_fields (db, row, row->id, error))
    return FALSE;
  row->version++;
  return TRUE;
}

#define REFERRAL_SELECT \
  "SELECT " REFERRAL_COLUMNS ", id, created_at, created_by, version FROM referral "

static ShelterReferralRow *
read_referral (sqlite3_stmt *stmt)
{
  ShelterReferralRow *row = g_new0 (ShelterReferralRow, 1);
  int n = N_REFERRAL_COLUMNS;

  for (guint i = 0; i < G_N_ELEMENTS (referral_columns); i++)
    switch (referral_columns[i].type)
      {
      case COL_TEXT:
        G_STRUCT_MEMBER (char *, row, referral_columns[i].offset) = dup_column (stmt, i);
        break;
      case COL_INT:
        G_STRUCT_MEMBER (gint64, row, referral_columns[i].offset) = sqlite3_column_int64 (stmt, i);
        break;
      case COL_MONEY:
        G_STRUCT_MEMBER (gint64, row, referral_columns[i].offset) =
          sqlite3_column_type (stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, i);
        break;
      default:
        g_assert_not_reached ();
      }
  row->id = sqlite3_column_int64 (stmt, n);
  row->created_at = dup_column (stmt, n + 1);
  row->created_by = dup_column (stmt, n + 2);
  row->version = sqlite3_column_int64 (stmt, n + 3);
  return row;
}

static gboolean
read_shared_fields (ShelterDb           *db,
                    ShelterReferralRow  *row,
                    GError             **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = _shelter_db_prepare (db,
                              "SELECT field FROM referral_shared_field WHERE referral_id = ?1 "
                              "ORDER BY field",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, _shelter_db_column_text (stmt, 0));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    return _shelter_db_set_error (db, rc, error);
  g_strfreev (row->shared_fields);
  row->shared_fields = g_strv_builder_end (builder);
  return TRUE;
}

ShelterReferralRow *
shelter_referral_store_get (ShelterDb  *db,
                            gint64      id,
                            GError    **error)
{
  g_autoptr (ShelterReferralRow) row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db, REFERRAL_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    row = read_referral (stmt);
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  if (row == NULL)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                   "There is no referral %" G_GINT64_FORMAT ".", id);
      return NULL;
    }
  if (!read_shared_fields (db, row, error))
    return NULL;
  return g_steal_pointer (&row);
}

GPtrArray *
shelter_referral_store_list (ShelterDb   *db,
                             const char  *direction,
                             gint64       stay_id,
                             gboolean     open_only,
                             GError     **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* One stay's referrals through the stay's index, the open ones through the status's,
   * which "?2 = 0 OR stay_id = ?2" would keep SQLite from using: a statement for each
   * case, each prepared once. */
  sql = g_strdup_printf (REFERRAL_SELECT
                         "WHERE (?1 IS NULL OR direction = ?1) %s%s"
                         "ORDER BY id DESC",
                         stay_id != 0 ? "AND stay_id = ?2 " : "AND ?2 = 0 ",
                         open_only ? "AND ?3 = 1 AND status IN ('sent', 'accepted') "
                                   : "AND ?3 = 0 ");
  stmt = _shelter_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, direction);
  sqlite3_bind_int64 (stmt, 2, stay_id);
  sqlite3_bind_int (stmt, 3, open_only ? 1 : 0);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_referral_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_referral (stmt));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    if (!read_shared_fields (db, g_ptr_array_index (rows, i), error))
      return NULL;
  return g_steal_pointer (&rows);
}
