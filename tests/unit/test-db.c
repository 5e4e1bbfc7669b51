/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "test-common.h"

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static int
compare_names (const char **a,
               const char **b)
{
  return strcmp (*a, *b);
}

static void
test_create_private (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  struct stat st;

  g_assert_cmpint (g_stat (shelter_db_get_path (db), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (shelter_db_get_schema_version (db), ==, shelter_db_latest_schema_version ());
  g_assert_cmpint (shelter_db_latest_schema_version (), >=, 1);
  g_assert_null (shelter_db_get_pre_migration_backup (db));
}

static void
test_missing_refused (void)
{
  g_autofree char *path = test_path ("missing.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_MISSING);
  g_assert_true (strstr (error->message, path) != NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database_untouched (void)
{
  g_autofree char *path = test_path ("notes.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "Danh sách đối tượng\n", -1, NULL));
  before = file_checksum (path);
  db = shelter_db_open (path, SHELTER_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* An empty file is not a database either: SQLite would silently turn it into one. */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = shelter_db_open (path, SHELTER_DB_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE);
}

static void
test_other_program_refused (void)
{
  g_autofree char *path = test_path ("other.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  exec_raw (path, "CREATE TABLE contacts (name TEXT)");
  before = file_checksum (path);
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_newer (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterDb) again = NULL;

  path = g_strdup (shelter_db_get_path (db));
  g_clear_object (&db);
  exec_raw (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999");
  before = file_checksum (path);

  again = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_TOO_NEW);
  g_assert_true (strstr (error->message, "999") != NULL);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_backup_before_migrate (void)
{
  g_autofree char *path = test_path ("old.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterDb) backup = NULL;
  struct stat st;

  /* A Mái Ấm file at data version 0: marked as ours, nothing migrated yet. */
  exec_raw (path, "PRAGMA application_id = 1296124237");
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_db_get_schema_version (db), ==, shelter_db_latest_schema_version ());

  g_assert_nonnull (shelter_db_get_pre_migration_backup (db));
  g_assert_true (g_file_test (shelter_db_get_pre_migration_backup (db), G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (shelter_db_get_pre_migration_backup (db), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* The backup is the file as it was: still at data version 0. */
  backup = shelter_db_open (shelter_db_get_pre_migration_backup (db), SHELTER_DB_OPEN_READ_ONLY,
                            &error);
  g_assert_null (backup);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_READ_ONLY);
}

static void
test_corrupt_detected (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autofree char *path = g_strdup (shelter_db_get_path (db));
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  g_clear_object (&db);
  exec_raw (path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  /* Scribble over pages in the middle of the file, as a failing disk would. */
  for (gsize i = 4 * 4096; i < 8 * 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  before = file_checksum (path);

  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_audit_append_only (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  ShelterStamp stamp = { "test", "2026-11-22T09:00:00+07:00" };
  g_autoptr (GError) error = NULL;
  sqlite3 *handle = NULL;
  char *message = NULL;

  shelter_audit_store_append (db, &stamp, "create", "room", 1, "code: A101", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_audit_store_count (db, NULL), ==, 1);

  /* As anyone with the sqlite3 tool would try: */
  g_assert_cmpint (sqlite3_open (shelter_db_get_path (db), &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit_log SET actor = 'someone'", NULL, NULL,
                                 &message), !=, SQLITE_OK);
  g_assert_true (strstr (message, "append-only") != NULL);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit_log", NULL, NULL, &message), !=,
                   SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (handle);

  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE actor = 'test'"), ==, 1);
}

static void
test_reference_seeded (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (GPtrArray) provinces = NULL;
  g_autoptr (GPtrArray) communes = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  g_autoptr (ShelterReferenceEntry) unit = NULL;

  provinces = shelter_reference_store_provinces (db, "vn-2025-07", NULL);
  g_assert_cmpuint (provinces->len, ==, 34);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM admin_unit WHERE scheme = 'vn-2025-07' "
                                   "AND level = 'commune'"), ==, 3321);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM admin_unit WHERE scheme = 'vn-63' "
                                   "AND level = 'province'"), ==, 63);
  /* The same code means different provinces in the two schemes. */
  unit = shelter_reference_store_admin_unit (db, "vn-2025-07", "province", "01", NULL);
  g_assert_cmpstr (unit->name, ==, "Hà Nội");
  communes = shelter_reference_store_communes (db, "vn-63", "01", NULL);
  g_assert_cmpuint (communes->len, >, 500);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM ethnic_group WHERE scheme = 'qd121-1979'"),
                   >=, 54);
  countries = shelter_reference_store_countries (db, NULL);
  for (guint i = 0; i < countries->len; i++)
    {
      ShelterReferenceEntry *country = g_ptr_array_index (countries, i);
      if (g_str_equal (country->code, "VN"))
        g_assert_cmpstr (country->full_name, ==, "Việt Nam");
    }
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM admin_unit_mapping WHERE kind = 'full'"),
                   >, 1000);
}

static void
test_stale_update_refused (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "1998-03-05");
  g_autoptr (ShelterPerson) desk1 = NULL;
  g_autoptr (ShelterPerson) desk2 = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GBytes) key = g_bytes_new_static ("k", 1);
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-11-22T09:00:00+07:00" };
  gint64 room = test_add_room (session, "A101", "female", "adult", 4);

  stay = shelter_admit_person (session, person, room, NULL, &error);
  g_assert_no_error (error);

  /* Two desks open the same record; the first saves, the second is refused. */
  desk1 = shelter_person_store_get (db, shelter_person_get_id (person), &error);
  desk2 = shelter_person_store_get (db, shelter_person_get_id (person), &error);
  shelter_person_set_phone (desk1, "0912345678");
  g_assert_true (shelter_person_store_update (db, desk1, key, "le thi hoa", &stamp, &error));
  g_assert_no_error (error);
  shelter_person_set_phone (desk2, "0987654321");
  g_assert_false (shelter_person_store_update (db, desk2, key, "le thi hoa", &stamp, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);

  stored = shelter_person_store_get (db, shelter_person_get_id (person), NULL);
  g_assert_cmpstr (shelter_person_get_phone (stored), ==, "0912345678");
  g_assert_cmpint (shelter_person_get_version (stored), ==, 2);
}

static void
test_transaction_nesting (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  ShelterStamp stamp = { "test", "2026-11-22T09:00:00+07:00" };
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_db_begin (db, &error));
  shelter_audit_store_append (db, &stamp, "a", "x", 1, "", "", &error);
  g_assert_true (shelter_db_begin (db, &error));
  shelter_audit_store_append (db, &stamp, "b", "x", 2, "", "", &error);
  shelter_db_rollback (db);
  g_assert_true (shelter_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'a'"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'b'"), ==, 0);
}

/* A centre on data version 3 (before the whole intake) comes through the upgrade with its
 * people found by the search as before: the index is rebuilt from the words it held. */
static void
test_migrates_from_version_3 (void)
{
  g_autofree char *path = test_path ("v3.db");
  g_auto (GStrv) names = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GError) error = NULL;
  GString *script = g_string_new ("BEGIN;");
  g_autofree char *sql = NULL;

  /* The schema files register with the first database opened. */
  db = test_db_new ();
  g_clear_object (&db);

  names = g_resources_enumerate_children ("/vn/maiam/Shelter/db/schema/", 0, &error);
  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc) compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = g_strconcat ("/vn/maiam/Shelter/db/schema/", names[i], NULL);
      g_autoptr (GBytes) bytes = NULL;

      if (g_ascii_strtoll (names[i], NULL, 10) > 3)
        continue;
      bytes = g_resources_lookup_data (resource, 0, &error);
      g_assert_no_error (error);
      g_string_append_len (script, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_string_append_c (script, '\n');
    }
  g_string_append (script,
                   "INSERT INTO person (id, case_code, family_name, middle_name, given_name, "
                   "sort_key, sex, person_type, created_at, created_by, updated_at, updated_by) "
                   "VALUES (1, '2025-0007', 'Nguyễn', 'Thị', 'Đào', x'01', 'female', 'victim', "
                   "'2025-05-01T09:00:00+07:00', 'old', '2025-05-01T09:00:00+07:00', 'old');"
                   "INSERT INTO person_search (rowid, words) VALUES (1, 'nguyen thi dao 2025 0007');"
                   "PRAGMA application_id = 1296124237; PRAGMA user_version = 3; COMMIT;");
  sql = g_string_free (script, FALSE);
  exec_raw (path, sql);

  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_db_get_schema_version (db), ==, shelter_db_latest_schema_version ());
  g_assert_nonnull (shelter_db_get_pre_migration_backup (db));

  found = shelter_person_store_search (db, "\"dao\"* \"ng\"*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  person = shelter_person_store_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_case_code (person), ==, "2025-0007");
  g_assert_false (shelter_person_get_interpreter_needed (person));
  g_assert_null (shelter_person_get_origin_province_code (person));
  /* The import's lookup column is filled for people recorded before it existed. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM person "
                                   "WHERE folded_name = 'nguyen thi dao'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/db/open/creates-private-file", test_create_private);
  g_test_add_func ("/db/open/refuses-missing", test_missing_refused);
  g_test_add_func ("/db/open/refuses-not-a-database", test_not_a_database_untouched);
  g_test_add_func ("/db/open/refuses-other-program", test_other_program_refused);
  g_test_add_func ("/db/open/detects-corruption", test_corrupt_detected);
  g_test_add_func ("/db/migrate/refuses-newer", test_refuses_newer);
  g_test_add_func ("/db/migrate/backs-up-first", test_backup_before_migrate);
  g_test_add_func ("/db/migrate/from-version-3", test_migrates_from_version_3);
  g_test_add_func ("/db/audit/append-only", test_audit_append_only);
  g_test_add_func ("/db/reference/seeded", test_reference_seeded);
  g_test_add_func ("/db/person/refuses-stale-update", test_stale_update_refused);
  g_test_add_func ("/db/transaction/nesting", test_transaction_nesting);

  return g_test_run ();
}
