/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-db"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shelter-db-private.h"
#include "shelter-statistics-store.h"

static void
copy_column (char         *dest,
             gsize         size,
             sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_strlcpy (dest, text != NULL ? text : "", size);
}

GArray *
shelter_statistics_store_received (ShelterDb   *db,
                                   const char  *first,
                                   const char  *next,
                                   GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterStatReceivedRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  /* Stays by the day they began; the admitted_at text starts with its local date. */
  stmt = _shelter_db_prepare (db,
                              "SELECT s.id, s.person_id, substr(s.admitted_at, 1, 10), p.sex, "
                              "coalesce(p.birth_date, ''), coalesce(p.ethnicity_code, ''), "
                              "coalesce(e.name, ''), p.person_type, p.nationality_status, "
                              "coalesce(i.trafficking_scope, ''), "
                              "coalesce(i.destination_country, ''), coalesce(c.name_vi, ''), "
                              "coalesce(i.handed_over_by, ''), coalesce(i.return_mode, ''), "
                              "coalesce((SELECT group_concat(purpose, ',') FROM intake_purpose ip "
                              "WHERE ip.stay_id = s.id), '') "
                              "FROM stay s JOIN person p ON p.id = s.person_id "
                              "LEFT JOIN intake i ON i.stay_id = s.id "
                              "LEFT JOIN ethnic_group e ON e.scheme = p.ethnicity_scheme "
                              "AND e.code = p.ethnicity_code "
                              "LEFT JOIN country c ON c.code = i.destination_country "
                              "WHERE s.voided_at IS NULL AND p.voided_at IS NULL "
                              "AND s.admitted_at >= ?1 AND s.admitted_at < ?2 "
                              "ORDER BY s.admitted_at, s.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, first);
  _shelter_db_bind_text (stmt, 2, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterStatReceivedRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      row.person_id = sqlite3_column_int64 (stmt, 1);
      copy_column (row.admitted_on, sizeof row.admitted_on, stmt, 2);
      copy_column (row.sex, sizeof row.sex, stmt, 3);
      copy_column (row.birth_date, sizeof row.birth_date, stmt, 4);
      copy_column (row.ethnicity_code, sizeof row.ethnicity_code, stmt, 5);
      copy_column (row.ethnicity_name, sizeof row.ethnicity_name, stmt, 6);
      copy_column (row.person_type, sizeof row.person_type, stmt, 7);
      copy_column (row.nationality_status, sizeof row.nationality_status, stmt, 8);
      copy_column (row.trafficking_scope, sizeof row.trafficking_scope, stmt, 9);
      copy_column (row.destination_country, sizeof row.destination_country, stmt, 10);
      copy_column (row.destination_name, sizeof row.destination_name, stmt, 11);
      copy_column (row.handed_over_by, sizeof row.handed_over_by, stmt, 12);
      copy_column (row.return_mode, sizeof row.return_mode, stmt, 13);
      copy_column (row.purposes, sizeof row.purposes, stmt, 14);
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
shelter_statistics_store_stays (ShelterDb   *db,
                                const char  *first,
                                const char  *next,
                                GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterStatStayRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT s.id, substr(s.admitted_at, 1, 10), "
                              "coalesce(substr(s.discharged_at, 1, 10), '') FROM stay s "
                              "WHERE s.voided_at IS NULL AND s.admitted_at < ?2 "
                              "AND (s.discharged_at IS NULL OR s.discharged_at >= ?1) "
                              "ORDER BY s.id",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, first);
  _shelter_db_bind_text (stmt, 2, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterStatStayRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      copy_column (row.admitted_on, sizeof row.admitted_on, stmt, 1);
      copy_column (row.discharged_on, sizeof row.discharged_on, stmt, 2);
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
shelter_statistics_store_absences (ShelterDb   *db,
                                   const char  *first,
                                   const char  *next,
                                   GError     **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterStatAbsenceRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT a.stay_id, substr(a.started_at, 1, 10), "
                              "coalesce(substr(a.returned_at, 1, 10), '') "
                              "FROM absence a JOIN stay s ON s.id = a.stay_id "
                              "WHERE a.voided_at IS NULL AND s.voided_at IS NULL "
                              "AND s.admitted_at < ?2 "
                              "AND (s.discharged_at IS NULL OR s.discharged_at >= ?1) "
                              "AND a.started_at < ?2 ORDER BY a.stay_id, a.started_at",
                              error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, first);
  _shelter_db_bind_text (stmt, 2, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterStatAbsenceRow row = { 0 };

      row.stay_id = sqlite3_column_int64 (stmt, 0);
      copy_column (row.started_on, sizeof row.started_on, stmt, 1);
      copy_column (row.returned_on, sizeof row.returned_on, stmt, 2);
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

/* Each returns key, key2, a, b, c. */
static const char *const count_sql[] = {
  [SHELTER_STAT_QUERY_IN_CARE_AT_END] =
    "SELECT '', '', count(*), count(DISTINCT person_id), 0 FROM stay "
    "WHERE voided_at IS NULL AND substr(admitted_at, 1, 10) < ?2 "
    "AND (discharged_at IS NULL OR substr(discharged_at, 1, 10) >= ?2) AND ?1 = ?1",
  /* The discharge's own record when there is one (the discharge assistant), the stay's
   * reason otherwise. Destination kind from what was recorded. */
  [SHELTER_STAT_QUERY_DISCHARGES] =
    "SELECT coalesce(d.reason, s.discharge_reason, 'other'), "
    "CASE WHEN d.stay_id IS NULL THEN 'not_recorded' "
    "WHEN d.country_code IS NOT NULL THEN 'country' "
    "WHEN d.facility_partner_id IS NOT NULL OR d.facility_name IS NOT NULL THEN 'facility' "
    "WHEN d.province_code IS NOT NULL THEN 'address' ELSE 'none' END, "
    "count(*), count(DISTINCT s.person_id), 0 "
    "FROM stay s LEFT JOIN discharge d ON d.stay_id = s.id "
    "WHERE s.voided_at IS NULL AND s.discharged_at IS NOT NULL "
    "AND s.discharged_at >= ?1 AND s.discharged_at < ?2 GROUP BY 1, 2",
  /* The period's services, one row each: counted by kind and person in count_services(),
   * which is several times faster than SQLite's GROUP BY on a temporary b-tree. The index
   * service_done holds every column read (0014-report-indexes.sql). */
  [SHELTER_STAT_QUERY_SERVICES] =
    "SELECT v.kind, s.person_id, v.cost_dong FROM service v JOIN stay s ON s.id = v.stay_id "
    "WHERE v.voided_at IS NULL AND s.voided_at IS NULL "
    "AND v.done_on >= ?1 AND v.done_on < ?2",
  [SHELTER_STAT_QUERY_CLOTHING_KITS] =
    "SELECT '', '', count(*), count(DISTINCT s.person_id), coalesce(sum(k.cost_dong), 0) "
    "FROM clothing_kit k JOIN stay s ON s.id = k.stay_id "
    "WHERE s.voided_at IS NULL AND k.issued_on >= ?1 AND k.issued_on < ?2",
  /* Referrals sent in the period, by where they stand now. */
  [SHELTER_STAT_QUERY_REFERRALS] =
    "SELECT r.status, r.direction, count(*), 0, 0 FROM referral r "
    "WHERE r.sent_on IS NOT NULL AND r.sent_on >= ?1 AND r.sent_on < ?2 GROUP BY 1, 2",
  [SHELTER_STAT_QUERY_FOLLOW_UPS] =
    "SELECT f.situation, '', count(*), count(DISTINCT s.person_id), 0 "
    "FROM follow_up f JOIN stay s ON s.id = f.stay_id "
    "WHERE f.status = 'done' AND s.voided_at IS NULL "
    "AND f.done_on >= ?1 AND f.done_on < ?2 GROUP BY f.situation "
    "UNION ALL SELECT '*', '', count(*), count(DISTINCT s.person_id), 0 "
    "FROM follow_up f JOIN stay s ON s.id = f.stay_id "
    "WHERE f.status = 'done' AND s.voided_at IS NULL "
    "AND f.done_on >= ?1 AND f.done_on < ?2",
};

typedef struct
{
  ShelterStatCountRow  count;
  GHashTable          *people;   /* person ids given this kind */
} KindCount;

static void
kind_count_clear (KindCount *kind)
{
  g_clear_pointer (&kind->people, g_hash_table_unref);
}

static int
compare_kind_counts (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const KindCount *) a)->count.key, ((const KindCount *) b)->count.key);
}

/* Steps @stmt (kind, person, cost per service) into one row per kind, in the kinds' order
 * (people, services, cost), then '*' for all kinds. */
static GArray *
count_services (ShelterDb     *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr (GArray) kinds = g_array_new (FALSE, TRUE, sizeof (KindCount));
  /* Owns the people's ids; each kind's set points at the same ones. */
  g_autoptr (GHashTable) everyone = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, NULL);
  GArray *rows;
  ShelterStatCountRow all = { .key = "*" };
  int rc;

  g_array_set_clear_func (kinds, (GDestroyNotify) kind_count_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = _shelter_db_column_text (stmt, 0) ?: "";
      gint64 person_id = sqlite3_column_int64 (stmt, 1);
      gint64 cost = sqlite3_column_int64 (stmt, 2);
      KindCount *kind = NULL;
      gint64 *stored_id;

      for (guint k = 0; k < kinds->len && kind == NULL; k++)
        if (strcmp (g_array_index (kinds, KindCount, k).count.key, key) == 0)
          kind = &g_array_index (kinds, KindCount, k);
      if (kind == NULL)
        {
          KindCount added = { { { 0 } }, g_hash_table_new (g_int64_hash, g_int64_equal) };

          g_strlcpy (added.count.key, key, sizeof added.count.key);
          g_array_append_val (kinds, added);
          kind = &g_array_index (kinds, KindCount, kinds->len - 1);
        }
      kind->count.b++;
      kind->count.c += cost;
      all.b++;
      all.c += cost;

      stored_id = g_hash_table_lookup (everyone, &person_id);
      if (stored_id == NULL)
        {
          stored_id = g_new (gint64, 1);
          *stored_id = person_id;
          g_hash_table_add (everyone, stored_id);
        }
      g_hash_table_add (kind->people, stored_id);
    }
  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      return NULL;
    }

  rows = g_array_new (FALSE, TRUE, sizeof (ShelterStatCountRow));
  g_array_sort (kinds, compare_kind_counts);
  for (guint k = 0; k < kinds->len; k++)
    {
      KindCount *kind = &g_array_index (kinds, KindCount, k);

      kind->count.a = g_hash_table_size (kind->people);
      g_array_append_val (rows, kind->count);
    }
  all.a = g_hash_table_size (everyone);
  g_array_append_val (rows, all);
  return rows;
}

GArray *
shelter_statistics_store_count (ShelterDb         *db,
                                ShelterStatQuery   query,
                                const char        *first,
                                const char        *next,
                                GError           **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShelterStatCountRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (query < G_N_ELEMENTS (count_sql), NULL);

  stmt = _shelter_db_prepare (db, count_sql[query], error);
  if (stmt == NULL)
    return NULL;
  _shelter_db_bind_text (stmt, 1, first);
  _shelter_db_bind_text (stmt, 2, next);
  if (query == SHELTER_STAT_QUERY_SERVICES)
    return count_services (db, stmt, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterStatCountRow row = { 0 };

      copy_column (row.key, sizeof row.key, stmt, 0);
      copy_column (row.key2, sizeof row.key2, stmt, 1);
      row.a = sqlite3_column_int64 (stmt, 2);
      row.b = sqlite3_column_int64 (stmt, 3);
      row.c = sqlite3_column_int64 (stmt, 4);
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
