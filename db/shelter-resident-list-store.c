/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-list-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-resident-list-store.h"

/* The person's latest stay that was not voided. */
#define LATEST_STAY \
  "(SELECT s.id FROM stay s WHERE s.person_id = p.id AND s.voided_at IS NULL " \
  " ORDER BY s.admitted_at DESC LIMIT 1)"

#define CURRENT_ROOM_OF(stay) \
  "(SELECT r.code FROM placement pl JOIN room r ON r.id = pl.room_id " \
  " WHERE pl.stay_id = " stay " AND pl.ended_at IS NULL AND pl.voided_at IS NULL " \
  " ORDER BY pl.started_at DESC LIMIT 1)"

static const char *
order_expression (ShelterResidentOrder order)
{
  switch (order)
    {
    case SHELTER_RESIDENT_ORDER_CASE_CODE:
      return "p.case_code";
    case SHELTER_RESIDENT_ORDER_SEX:
      return "p.sex";
    case SHELTER_RESIDENT_ORDER_AGE:
      /* Youngest first: the latest birth date first; unknown ages last. */
      return "p.birth_date IS NULL, p.birth_date DESC";
    case SHELTER_RESIDENT_ORDER_ROOM:
      return "(SELECT r.code FROM placement pl JOIN room r ON r.id = pl.room_id "
             " WHERE pl.stay_id = " LATEST_STAY " AND pl.ended_at IS NULL "
             " AND pl.voided_at IS NULL LIMIT 1) IS NULL, "
             "(SELECT r.code FROM placement pl JOIN room r ON r.id = pl.room_id "
             " WHERE pl.stay_id = " LATEST_STAY " AND pl.ended_at IS NULL "
             " AND pl.voided_at IS NULL LIMIT 1)";
    case SHELTER_RESIDENT_ORDER_ADMITTED:
      return "(SELECT max(s.admitted_at) FROM stay s WHERE s.person_id = p.id "
             " AND s.voided_at IS NULL)";
    case SHELTER_RESIDENT_ORDER_NAME:
    default:
      return "p.sort_key";
    }
}

GArray *
shelter_resident_list_store_ids (ShelterDb             *db,
                                 ShelterResidentFilter  filter,
                                 ShelterResidentOrder   order,
                                 gboolean               descending,
                                 GError               **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *sql = NULL;
  g_autofree char *direction = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Each sort key gets the direction; the name breaks ties so equal keys stay stable. */
  direction = g_strdup (descending ? " DESC" : " ASC");
  /* By name, the name is the key already: "p.sort_key, p.sort_key" would make SQLite sort
   * again what the index gives in order. */
  sql = g_strdup_printf ("SELECT p.id FROM person p %s WHERE p.voided_at IS NULL "
                         "ORDER BY %s%s%s, p.id",
                         filter == SHELTER_RESIDENT_FILTER_IN_RESIDENCE
                           ? "JOIN stay open_stay ON open_stay.person_id = p.id "
                             "AND open_stay.discharged_at IS NULL "
                             "AND open_stay.voided_at IS NULL"
                           : "",
                         order_expression (order),
                         order == SHELTER_RESIDENT_ORDER_AGE || order == SHELTER_RESIDENT_ORDER_ROOM
                           ? "" : direction,
                         order == SHELTER_RESIDENT_ORDER_NAME ? "" : ", p.sort_key");
  /* The age and room orders carry their own NULLS-LAST term; flip them as a whole. */
  if (descending && (order == SHELTER_RESIDENT_ORDER_AGE || order == SHELTER_RESIDENT_ORDER_ROOM))
    {
      g_free (sql);
      sql = g_strdup_printf ("SELECT id FROM (SELECT p.id AS id, row_number () OVER "
                             "(ORDER BY %s, p.sort_key, p.id) AS n FROM person p %s "
                             "WHERE p.voided_at IS NULL) ORDER BY n DESC",
                             order_expression (order),
                             filter == SHELTER_RESIDENT_FILTER_IN_RESIDENCE
                               ? "JOIN stay open_stay ON open_stay.person_id = p.id "
                                 "AND open_stay.discharged_at IS NULL "
                                 "AND open_stay.voided_at IS NULL"
                               : "");
    }

  rc = sqlite3_prepare_v2 (_shelter_db_get_handle (db), sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

ShelterResidentSummary *
shelter_resident_list_store_get (ShelterDb  *db,
                                 gint64      person_id,
                                 GError    **error)
{
  ShelterResidentSummary *summary = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT p.case_code, p.family_name, p.middle_name, p.given_name, "
                              "p.sex, p.birth_date, p.birth_precision, p.high_protection, "
                              "s.admitted_at, s.discharged_at, " CURRENT_ROOM_OF ("s.id") ", p.person_type "
                              "FROM person p LEFT JOIN stay s ON s.id = " LATEST_STAY " "
                              "WHERE p.id = ? AND p.voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *parts[3] = {
        _shelter_db_column_text (stmt, 1),
        _shelter_db_column_text (stmt, 2),
        _shelter_db_column_text (stmt, 3),
      };
      GString *full_name = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        if (parts[i] != NULL && *parts[i] != '\0')
          {
            if (full_name->len > 0)
              g_string_append_c (full_name, ' ');
            g_string_append (full_name, parts[i]);
          }

      summary = shelter_resident_summary_new (person_id,
                                              _shelter_db_column_text (stmt, 0),
                                              full_name->str,
                                              _shelter_db_column_text (stmt, 4),
                                              _shelter_db_column_text (stmt, 5),
                                              _shelter_db_column_text (stmt, 6),
                                              _shelter_db_column_text (stmt, 11),
                                              _shelter_db_column_text (stmt, 10),
                                              _shelter_db_column_text (stmt, 8),
                                              _shelter_db_column_text (stmt, 9),
                                              sqlite3_column_int (stmt, 7) != 0);
      g_string_free (full_name, TRUE);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 _("This person’s record no longer exists."));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return summary;
}
