/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-holiday-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-holiday-store.h"

GHashTable *
shelter_holiday_store_between (ShelterDb   *db,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  stmt = _shelter_db_prepare (db, "SELECT day FROM holiday WHERE day BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (days, g_strdup (_shelter_db_column_text (stmt, 0)));
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}
