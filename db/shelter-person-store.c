/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-person-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-db-private.h"
#include "shelter-person-store.h"

#define PERSON_COLUMNS \
  "case_code, family_name, middle_name, given_name, sex, birth_date, birth_precision, " \
  "ethnicity_scheme, ethnicity_code, nationality, nationality_status, id_paper, id_number, " \
  "phone, home_scheme, home_province_code, home_commune_code, person_type, high_protection, " \
  "other_names, religion, languages, interpreter_needed, home_detail, origin_scheme, " \
  "origin_province_code, origin_commune_code"
#define N_PERSON_COLUMNS 27
/* person.folded_name from the bound family, middle and given names (0013-import-match.sql). */
#define FOLDED_NAME "shelter_fold(?2 || ' ' || ?3 || ' ' || ?4)"

/* Up to this many matches a search sorts them, each match's sort key read from a narrow
 * index (about 6 ms for 10,000 at 100,000 residents). Beyond, so many match (a family
 * name, one letter typed) that walking the names in order and checking each person's
 * words fills the screen sooner, unless the matches stand together late in that order: a
 * common given name at a million residents (lists sort by given name first). The walk
 * then gives up after SEARCH_WALK_MS and the matches are sorted after all. Measured with
 * shelterctl bench. */
#define SEARCH_SORT_AT_MOST 10000
#define SEARCH_WALK_MS 4

/* Binds the person's fields to parameters 1..27 in PERSON_COLUMNS order. */
static void
bind_person (sqlite3_stmt  *stmt,
             ShelterPerson *person)
{
  _shelter_db_bind_text (stmt, 1, shelter_person_get_case_code (person));
  /* Family and middle names may be unknown; the columns hold "" rather than NULL so
   * that names compare and concatenate simply. */
  sqlite3_bind_text (stmt, 2, shelter_person_get_family_name (person) ?: "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, shelter_person_get_middle_name (person) ?: "", -1,
                     SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 4, shelter_person_get_given_name (person));
  _shelter_db_bind_text (stmt, 5, shelter_person_get_sex (person));
  _shelter_db_bind_text (stmt, 6, shelter_person_get_birth_date (person));
  _shelter_db_bind_text (stmt, 7, shelter_person_get_birth_precision (person));
  _shelter_db_bind_text (stmt, 8, shelter_person_get_ethnicity_scheme (person));
  _shelter_db_bind_text (stmt, 9, shelter_person_get_ethnicity_code (person));
  _shelter_db_bind_text (stmt, 10, shelter_person_get_nationality (person));
  _shelter_db_bind_text (stmt, 11, shelter_person_get_nationality_status (person));
  _shelter_db_bind_text (stmt, 12, shelter_person_get_id_paper (person));
  _shelter_db_bind_text (stmt, 13, shelter_person_get_id_number (person));
  _shelter_db_bind_text (stmt, 14, shelter_person_get_phone (person));
  _shelter_db_bind_text (stmt, 15, shelter_person_get_home_scheme (person));
  _shelter_db_bind_text (stmt, 16, shelter_person_get_home_province_code (person));
  _shelter_db_bind_text (stmt, 17, shelter_person_get_home_commune_code (person));
  _shelter_db_bind_text (stmt, 18, shelter_person_get_person_type (person));
  sqlite3_bind_int (stmt, 19, shelter_person_get_high_protection (person) ? 1 : 0);
  _shelter_db_bind_text (stmt, 20, shelter_person_get_other_names (person));
  _shelter_db_bind_text (stmt, 21, shelter_person_get_religion (person));
  _shelter_db_bind_text (stmt, 22, shelter_person_get_languages (person));
  sqlite3_bind_int (stmt, 23, shelter_person_get_interpreter_needed (person) ? 1 : 0);
  _shelter_db_bind_text (stmt, 24, shelter_person_get_home_detail (person));
  _shelter_db_bind_text (stmt, 25, shelter_person_get_origin_scheme (person));
  _shelter_db_bind_text (stmt, 26, shelter_person_get_origin_province_code (person));
  _shelter_db_bind_text (stmt, 27, shelter_person_get_origin_commune_code (person));
}

static gboolean
write_search_words (ShelterDb   *db,
                    gint64       person_id,
                    const char  *words,
                    gboolean     replace,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (replace)
    {
      stmt = _shelter_db_prepare (db, "DELETE FROM person_search WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      ok = _shelter_db_exec_stmt (db, stmt, error);
      _shelter_db_release (db, stmt);
      if (!ok)
        return FALSE;
    }

  stmt = _shelter_db_prepare (db, "INSERT INTO person_search (rowid, words) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, words ? words : "", -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  _shelter_db_release (db, stmt);
  return ok;
}

gboolean
shelter_person_store_insert (ShelterDb           *db,
                             ShelterPerson       *person,
                             GBytes              *sort_key,
                             const char          *search_words,
                             const ShelterStamp  *stamp,
                             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), FALSE);
  g_return_val_if_fail (sort_key != NULL, FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO person (" PERSON_COLUMNS ", sort_key, created_at, "
                              "created_by, updated_at, updated_by, version, folded_name) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                              "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, "
                              "?28, ?29, ?30, ?29, ?30, 1, " FOLDED_NAME ")",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_blob (stmt, N_PERSON_COLUMNS + 1, g_bytes_get_data (sort_key, NULL),
                     (int) g_bytes_get_size (sort_key), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, N_PERSON_COLUMNS + 2, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, N_PERSON_COLUMNS + 3, stamp->actor, -1, SQLITE_TRANSIENT);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  id = sqlite3_last_insert_rowid (_shelter_db_get_handle (db));
  _shelter_db_release (db, stmt);

  if (!ok || !write_search_words (db, id, search_words, FALSE, error))
    return FALSE;

  shelter_person_set_id (person, id);
  shelter_person_set_version (person, 1);
  return TRUE;
}

gboolean
shelter_person_store_update (ShelterDb           *db,
                             ShelterPerson       *person,
                             GBytes              *sort_key,
                             const char          *search_words,
                             const ShelterStamp  *stamp,
                             GError             **error)
{
  sqlite3_stmt *stmt;
  gint64 id, version;
  gboolean ok;
  int changed;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), FALSE);
  g_return_val_if_fail (shelter_person_get_id (person) > 0, FALSE);

  id = shelter_person_get_id (person);
  version = shelter_person_get_version (person);

  stmt = _shelter_db_prepare (db,
                              "UPDATE person SET case_code = ?1, family_name = ?2, "
                              "middle_name = ?3, given_name = ?4, sex = ?5, birth_date = ?6, "
                              "birth_precision = ?7, ethnicity_scheme = ?8, ethnicity_code = ?9, "
                              "nationality = ?10, nationality_status = ?11, id_paper = ?12, "
                              "id_number = ?13, phone = ?14, home_scheme = ?15, "
                              "home_province_code = ?16, home_commune_code = ?17, "
                              "person_type = ?18, high_protection = ?19, other_names = ?20, "
                              "religion = ?21, languages = ?22, interpreter_needed = ?23, "
                              "home_detail = ?24, origin_scheme = ?25, "
                              "origin_province_code = ?26, origin_commune_code = ?27, "
                              "sort_key = ?28, updated_at = ?29, updated_by = ?30, "
                              "folded_name = " FOLDED_NAME ", version = version + 1 "
                              "WHERE id = ?31 AND version = ?32 AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_person (stmt, person);
  sqlite3_bind_blob (stmt, N_PERSON_COLUMNS + 1, g_bytes_get_data (sort_key, NULL),
                     (int) g_bytes_get_size (sort_key), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, N_PERSON_COLUMNS + 2, stamp->at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, N_PERSON_COLUMNS + 3, stamp->actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, N_PERSON_COLUMNS + 4, id);
  sqlite3_bind_int64 (stmt, N_PERSON_COLUMNS + 5, version);
  ok = _shelter_db_exec_stmt (db, stmt, error);
  changed = _shelter_db_changes (db);
  _shelter_db_release (db, stmt);
  if (!ok)
    return FALSE;

  if (changed == 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("This record was changed by someone else after you opened it. "
                     "Nothing was overwritten: reopen it to see their changes, "
                     "then make yours again."));
      return FALSE;
    }

  if (!write_search_words (db, id, search_words, TRUE, error))
    return FALSE;
  shelter_person_set_version (person, version + 1);
  return TRUE;
}

ShelterPerson *
shelter_person_store_get (ShelterDb  *db,
                          gint64      id,
                          GError    **error)
{
  g_autoptr (ShelterPerson) person = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT " PERSON_COLUMNS ", version FROM person "
                              "WHERE id = ? AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      person = shelter_person_new ();
      shelter_person_set_id (person, id);
      shelter_person_set_case_code (person, _shelter_db_column_text (stmt, 0));
      shelter_person_set_family_name (person, _shelter_db_column_text (stmt, 1));
      shelter_person_set_middle_name (person, _shelter_db_column_text (stmt, 2));
      shelter_person_set_given_name (person, _shelter_db_column_text (stmt, 3));
      shelter_person_set_sex (person, _shelter_db_column_text (stmt, 4));
      shelter_person_set_birth_date (person, _shelter_db_column_text (stmt, 5));
      shelter_person_set_birth_precision (person, _shelter_db_column_text (stmt, 6));
      shelter_person_set_ethnicity_scheme (person, _shelter_db_column_text (stmt, 7));
      shelter_person_set_ethnicity_code (person, _shelter_db_column_text (stmt, 8));
      shelter_person_set_nationality (person, _shelter_db_column_text (stmt, 9));
      shelter_person_set_nationality_status (person, _shelter_db_column_text (stmt, 10));
      shelter_person_set_id_paper (person, _shelter_db_column_text (stmt, 11));
      shelter_person_set_id_number (person, _shelter_db_column_text (stmt, 12));
      shelter_person_set_phone (person, _shelter_db_column_text (stmt, 13));
      shelter_person_set_home_scheme (person, _shelter_db_column_text (stmt, 14));
      shelter_person_set_home_province_code (person, _shelter_db_column_text (stmt, 15));
      shelter_person_set_home_commune_code (person, _shelter_db_column_text (stmt, 16));
      shelter_person_set_person_type (person, _shelter_db_column_text (stmt, 17));
      shelter_person_set_high_protection (person, sqlite3_column_int (stmt, 18) != 0);
      shelter_person_set_other_names (person, _shelter_db_column_text (stmt, 19));
      shelter_person_set_religion (person, _shelter_db_column_text (stmt, 20));
      shelter_person_set_languages (person, _shelter_db_column_text (stmt, 21));
      shelter_person_set_interpreter_needed (person, sqlite3_column_int (stmt, 22) != 0);
      shelter_person_set_home_detail (person, _shelter_db_column_text (stmt, 23));
      shelter_person_set_origin_scheme (person, _shelter_db_column_text (stmt, 24));
      shelter_person_set_origin_province_code (person, _shelter_db_column_text (stmt, 25));
      shelter_person_set_origin_commune_code (person, _shelter_db_column_text (stmt, 26));
      shelter_person_set_version (person, sqlite3_column_int64 (stmt, 27));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                 _("This person’s record no longer exists."));
  else
    _shelter_db_set_error (db, rc, error);
  _shelter_db_release (db, stmt);
  return g_steal_pointer (&person);
}

gint64
shelter_person_store_next_serial (ShelterDb   *db,
                                  const char  *prefix,
                                  GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 serial = -1;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);
  g_return_val_if_fail (prefix != NULL, -1);

  stmt = _shelter_db_prepare (db,
                              "INSERT INTO case_code_counter (prefix, last_serial) VALUES (?1, 1) "
                              "ON CONFLICT (prefix) DO UPDATE SET last_serial = last_serial + 1 "
                              "RETURNING last_serial",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      serial = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      serial = -1;
    }
  _shelter_db_release (db, stmt);
  return serial;
}

/* Steps @stmt, whose first column is a person's id, into @ids; returns the last result. */
static int
step_ids (sqlite3_stmt *stmt,
          GArray       *ids)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return rc;
}

/* The same, releasing the statement; @ids, or NULL with @error. */
static GArray *
read_ids (ShelterDb     *db,
          sqlite3_stmt  *stmt,
          GArray        *ids,
          GError       **error)
{
  int rc = step_ids (stmt, ids);

  _shelter_db_release (db, stmt);
  if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

GArray *
shelter_person_store_search (ShelterDb   *db,
                             const char  *fts_query,
                             guint        limit,
                             GError     **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 n_matches;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (fts_query != NULL, NULL);

  stmt = _shelter_db_prepare (db,
                              "SELECT count(*) FROM (SELECT rowid FROM person_search "
                              "WHERE person_search MATCH ?1 LIMIT ?2)",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, SEARCH_SORT_AT_MOST + 1);
  n_matches = _shelter_db_step_count (db, stmt, error);
  if (n_matches < 0)
    return NULL;

  /* The words are read from the index's own content table (FTS5's documented
   * "%_content", column c0); INDEXED BY keeps the planner from choosing the sort. */
  if (n_matches > SEARCH_SORT_AT_MOST)
    {
      g_autofree char *terms = g_strdelimit (g_strdup (fts_query), "\"*", ' ');
      int rc;

      stmt = _shelter_db_prepare (db,
                                  "SELECT p.id FROM person p INDEXED BY person_sort "
                                  "JOIN person_search_content c ON c.id = p.id "
                                  "WHERE p.voided_at IS NULL "
                                  "AND shelter_has_word_prefixes (c.c0, ?1) "
                                  "ORDER BY p.sort_key LIMIT ?2",
                                  error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, terms, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) limit);
      _shelter_db_limit_time (db, SEARCH_WALK_MS);
      rc = step_ids (stmt, ids);
      _shelter_db_limit_time (db, 0);
      _shelter_db_release (db, stmt);
      if (rc == SQLITE_DONE)
        return g_steal_pointer (&ids);
      if (rc != SQLITE_INTERRUPT)
        {
          _shelter_db_set_error (db, rc, error);
          return NULL;
        }
      g_array_set_size (ids, 0);
    }

  stmt = _shelter_db_prepare (db,
                              "SELECT p.id FROM person_search s "
                              "JOIN person p INDEXED BY person_id_sort ON p.id = s.rowid "
                              "WHERE person_search MATCH ?1 AND p.voided_at IS NULL "
                              "ORDER BY p.sort_key LIMIT ?2",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) limit);
  return read_ids (db, stmt, g_steal_pointer (&ids), error);
}

gint64
shelter_person_store_count (ShelterDb  *db,
                            GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);

  stmt = _shelter_db_prepare (db, "SELECT count(*) FROM person WHERE voided_at IS NULL", error);
  if (stmt == NULL)
    return -1;
  return _shelter_db_step_count (db, stmt, error);
}

GArray *
shelter_person_store_find_similar (ShelterDb      *db,
                                   ShelterPerson  *person,
                                   GError        **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *birth_year = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);

  if (shelter_person_get_birth_date (person) != NULL)
    birth_year = g_strndup (shelter_person_get_birth_date (person), 4);

  stmt = _shelter_db_prepare (db,
                              "SELECT id FROM person WHERE voided_at IS NULL AND id <> ?1 AND "
                              "((?2 IS NOT NULL AND id_number = ?2) OR "
                              " (given_name = ?5 AND family_name = ?3 AND middle_name = ?4 AND "
                              "  ?6 IS NOT NULL AND substr (birth_date, 1, 4) = ?6 AND "
                              "  ?7 IS NOT NULL AND home_province_code = ?7)) "
                              "ORDER BY sort_key LIMIT 20",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, shelter_person_get_id (person));
  _shelter_db_bind_text (stmt, 2, shelter_person_get_id_number (person));
  sqlite3_bind_text (stmt, 3, shelter_person_get_family_name (person) ?: "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, shelter_person_get_middle_name (person) ?: "", -1,
                     SQLITE_TRANSIENT);
  _shelter_db_bind_text (stmt, 5, shelter_person_get_given_name (person));
  _shelter_db_bind_text (stmt, 6, birth_year);
  _shelter_db_bind_text (stmt, 7, shelter_person_get_home_province_code (person));
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

gint64
shelter_person_store_find_by_case_code (ShelterDb   *db,
                                        const char  *case_code,
                                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (db), -1);
  g_return_val_if_fail (case_code != NULL, -1);

  stmt = _shelter_db_prepare (db,
                              "SELECT id FROM person WHERE case_code = ?1 AND voided_at IS NULL",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, case_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _shelter_db_set_error (db, rc, error);
      id = -1;
    }
  _shelter_db_release (db, stmt);
  return id;
}
