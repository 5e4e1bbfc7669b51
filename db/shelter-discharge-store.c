/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-discharge-store"

#include "config.h"

#include "shelter-db-private.h"
#include "shelter-discharge-store.h"

static void
belonging_clear (gpointer data)
{
  ShelterBelongingReturned *belonging = data;

  g_free (belonging->description);
  g_free (belonging->note);
}

void
shelter_discharge_row_free (ShelterDischargeRow *row)
{
  if (row == NULL)
    return;
  g_free (row->case_code);
  g_free (row->reason);
  g_free (row->discharged_at);
  g_free (row->discharged_on);
  g_free (row->admitted_at);
  g_free (row->address_scheme);
  g_free (row->province_code);
  g_free (row->commune_code);
  g_free (row->address_detail);
  g_free (row->destination);
  g_free (row->facility_name);
  g_free (row->country_code);
  g_free (row->received_by);
  g_free (row->family_not_needed);
  g_free (row->commune_informed_on);
  g_free (row->commune_informed_whom);
  g_free (row->police_informed_on);
  g_free (row->police_informed_whom);
  g_free (row->travel_not_needed);
  g_free (row->reintegration_plan);
  g_free (row->checklist);
  g_free (row->override_reason);
  g_free (row->override_by);
  g_free (row->override_by_name);
  g_free (row->death_cause);
  g_free (row->death_informed);
  g_free (row->created_at);
  g_free (row->created_by);
  g_free (row->created_by_name);
  g_clear_pointer (&row->belongings, g_array_unref);
  g_free (row);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
shelter_discharge_store_insert (ShelterDb                  *db,
                                const ShelterDischargeRow  *row,
                                const ShelterStamp         *stamp,
                                GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO discharge (stay_id, reason, discharged_on, "
                              "address_scheme, province_code, commune_code, address_detail, "
                              "facility_partner_id, facility_name, country_code, "
                              "received_by_relative_id, received_by_name, family_not_needed, "
                              "commune_informed_on, commune_informed_whom, police_informed_on, "
                              "police_informed_whom, travel_service_id, travel_not_needed, "
                              "reintegration_plan, checklist, override_reason, override_by, "
                              "death_cause, death_informed, created_at, created_by) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, "
                              "?27)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->stay_id);
  _shelter_db_bind_text (stmt, 2, row->reason);
  _shelter_db_bind_text (stmt, 3, row->discharged_on);
  _shelter_db_bind_text (stmt, 4, row->address_scheme);
  _shelter_db_bind_text (stmt, 5, row->province_code);
  _shelter_db_bind_text (stmt, 6, row->commune_code);
  _shelter_db_bind_text (stmt, 7, row->address_detail);
  bind_id (stmt, 8, row->facility_partner_id);
  /* A partner of the directory is named by the directory. */
  _shelter_db_bind_text (stmt, 9, row->facility_partner_id > 0 ? NULL : row->facility_name);
  _shelter_db_bind_text (stmt, 10, row->country_code);
  bind_id (stmt, 11, row->received_by_relative_id);
  _shelter_db_bind_text (stmt, 12, row->received_by_relative_id > 0 ? NULL : row->received_by);
  _shelter_db_bind_text (stmt, 13, row->family_not_needed);
  _shelter_db_bind_text (stmt, 14, row->commune_informed_on);
  _shelter_db_bind_text (stmt, 15, row->commune_informed_whom);
  _shelter_db_bind_text (stmt, 16, row->police_informed_on);
  _shelter_db_bind_text (stmt, 17, row->police_informed_whom);
  bind_id (stmt, 18, row->travel_service_id);
  _shelter_db_bind_text (stmt, 19, row->travel_not_needed);
  _shelter_db_bind_text (stmt, 20, row->reintegration_plan);
  _shelter_db_bind_text (stmt, 21, row->checklist);
  _shelter_db_bind_text (stmt, 22, row->override_reason);
  _shelter_db_bind_text (stmt, 23, row->override_by);
  _shelter_db_bind_text (stmt, 24, row->death_cause);
  _shelter_db_bind_text (stmt, 25, row->death_informed);
  _shelter_db_bind_text (stmt, 26, stamp->at);
  _shelter_db_bind_text (stmt, 27, stamp->actor);
  if (!_shelter_db_exec_stmt (db, stmt, error))
    {
      _shelter_db_release (db, stmt);
      return FALSE;
    }
  _shelter_db_release (db, stmt);

  for (guint i = 0; row->belongings != NULL && i < row->belongings->len; i++)
    {
      ShelterBelongingReturned *belonging = &g_array_index (row->belongings,
                                                            ShelterBelongingReturned, i);
      gboolean ok;

      stmt = _shelter_db_prepare (db,
                                  "INSERT INTO discharge_belonging (stay_id, position, returned, "
                                  "note) VALUES (?1, ?2, ?3, ?4)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->stay_id);
      sqlite3_bind_int (stmt, 2, (int) belonging->position);
      sqlite3_bind_int (stmt, 3, belonging->returned ? 1 : 0);
      _shelter_db_bind_text (stmt, 4, belonging->note);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (_shelter_db_column_text (stmt, column));
}

ShelterDischargeRow *
shelter_discharge_store_get (ShelterDb  *db,
                             gint64      stay_id,
                             GError    **error)
{
  g_autoptr (ShelterDischargeRow) row = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT d.stay_id, s.person_id, p.case_code, d.reason, "
                              "s.discharged_at, d.discharged_on, s.admitted_at, d.address_scheme, "
                              "d.province_code, d.commune_code, d.address_detail, "
                              "d.facility_partner_id, coalesce (pa.name, d.facility_name), "
                              "d.country_code, d.received_by_relative_id, d.received_by_name, "
                              "d.family_not_needed, d.commune_informed_on, "
                              "d.commune_informed_whom, d.police_informed_on, "
                              "d.police_informed_whom, d.travel_service_id, sv.cost_dong, "
                              "d.travel_not_needed, d.reintegration_plan, d.checklist, "
                              "d.override_reason, d.override_by, d.death_cause, d.death_informed, "
                              "d.created_at, d.created_by, u.full_name, o.full_name "
                              "FROM discharge d JOIN stay s ON s.id = d.stay_id "
                              "JOIN person p ON p.id = s.person_id "
                              "LEFT JOIN partner pa ON pa.id = d.facility_partner_id "
                              "LEFT JOIN service sv ON sv.id = d.travel_service_id "
                              "LEFT JOIN staff_user u ON u.username = d.created_by "
                              "LEFT JOIN staff_user o ON o.username = d.override_by "
                              "WHERE d.stay_id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row = g_new0 (ShelterDischargeRow, 1);
      row->stay_id = sqlite3_column_int64 (stmt, 0);
      row->person_id = sqlite3_column_int64 (stmt, 1);
      row->case_code = dup_column (stmt, 2);
      row->reason = dup_column (stmt, 3);
      row->discharged_at = dup_column (stmt, 4);
      row->discharged_on = dup_column (stmt, 5);
      row->admitted_at = dup_column (stmt, 6);
      row->address_scheme = dup_column (stmt, 7);
      row->province_code = dup_column (stmt, 8);
      row->commune_code = dup_column (stmt, 9);
      row->address_detail = dup_column (stmt, 10);
      row->facility_partner_id = sqlite3_column_int64 (stmt, 11);
      row->facility_name = dup_column (stmt, 12);
      row->country_code = dup_column (stmt, 13);
      row->received_by_relative_id = sqlite3_column_int64 (stmt, 14);
      row->received_by = dup_column (stmt, 15);
      row->family_not_needed = dup_column (stmt, 16);
      row->commune_informed_on = dup_column (stmt, 17);
      row->commune_informed_whom = dup_column (stmt, 18);
      row->police_informed_on = dup_column (stmt, 19);
      row->police_informed_whom = dup_column (stmt, 20);
      row->travel_service_id = sqlite3_column_int64 (stmt, 21);
      row->travel_cost_dong = sqlite3_column_type (stmt, 22) == SQLITE_NULL
                              ? -1 : sqlite3_column_int64 (stmt, 22);
      row->travel_not_needed = dup_column (stmt, 23);
      row->reintegration_plan = dup_column (stmt, 24);
      row->checklist = dup_column (stmt, 25);
      row->override_reason = dup_column (stmt, 26);
      row->override_by = dup_column (stmt, 27);
      row->death_cause = dup_column (stmt, 28);
      row->death_informed = dup_column (stmt, 29);
      row->created_at = dup_column (stmt, 30);
      row->created_by = dup_column (stmt, 31);
      row->created_by_name = dup_column (stmt, 32);
      row->override_by_name = dup_column (stmt, 33);
    }
  else if (rc != SQLITE_DONE)
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  if (row == NULL)
    return NULL;

  row->belongings = g_array_new (FALSE, TRUE, sizeof (ShelterBelongingReturned));
  g_array_set_clear_func (row->belongings, belonging_clear);
  stmt = _shelter_db_prepare (db,
                              "SELECT b.position, b.description, coalesce (r.returned, 0), r.note "
                              "FROM intake_belonging b LEFT JOIN discharge_belonging r "
                              "ON r.stay_id = b.stay_id AND r.position = b.position "
                              "WHERE b.stay_id = ?1 ORDER BY b.position",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, stay_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShelterBelongingReturned belonging = { 0 };

      belonging.position = (guint) sqlite3_column_int (stmt, 0);
      belonging.description = dup_column (stmt, 1);
      belonging.returned = sqlite3_column_int (stmt, 2) != 0;
      belonging.note = dup_column (stmt, 3);
      g_array_append_val (row->belongings, belonging);
    }
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      _shelter_db_release (db, stmt);
      return NULL;
    }
  _shelter_db_release (db, stmt);
  return g_steal_pointer (&row);
}
