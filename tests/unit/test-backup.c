/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "shelter-backup.h"
#include "test-common.h"

static ShelterDb *
db_with_people (ShelterSession **session_out,
                guint            people)
{
  ShelterDb *db = test_db_new ();
  ShelterSession *session = test_session_new (db, "manager");
  gint64 room = test_add_room (session, "A101", "female", "adult", 20);

  for (guint i = 0; i < people; i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Hoàng", "Thị", "Nga", "female",
                                                          "1992-02-02");
      g_autoptr (ShelterStay) stay = shelter_admit_person (session, person, room, NULL, NULL);
      g_assert_nonnull (stay);
    }
  *session_out = session;
  return db;
}

static gint64
people_in (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return shelter_person_store_count (db, NULL);
}

static void
round_trip (const char *passphrase)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 3);
  g_autofree char *backup = test_path ("centre.maiam-backup");
  g_autofree char *target = test_path ("restored.db");
  g_autofree char *replaced = NULL;
  g_autoptr (GError) error = NULL;
  ShelterBackupInfo info = { 0 };
  GStatBuf st;

  g_assert_true (shelter_backup_create (session, backup, passphrase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (shelter_backup_verify (backup, passphrase, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, shelter_db_latest_schema_version ());
  g_assert_cmpint (info.encrypted, ==, passphrase != NULL);

  /* Into an existing database: the old one is kept aside, not overwritten. */
  g_assert_true (g_file_set_contents (target, "the old file", -1, NULL));
  g_assert_true (shelter_backup_restore_file (backup, passphrase, target, "os:test", NULL, &replaced,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in (target), ==, 3);
  g_assert_nonnull (replaced);
  {
    g_autofree char *old = NULL;
    g_assert_true (g_file_get_contents (replaced, &old, NULL, NULL));
    g_assert_cmpstr (old, ==, "the old file");
  }
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM backup_run WHERE ok = 1"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'backup'"), ==, 1);
}

static void
test_plain_round_trip (void)
{
  round_trip (NULL);
}

static void
test_encrypted_round_trip (void)
{
  round_trip ("cụm mật khẩu sao lưu");
}

static void
assert_restore_refused (const char   *backup,
                        const char   *passphrase,
                        GQuark        domain,
                        int           code)
{
  g_autofree char *target = test_path ("target.db");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (target, "the current database", -1, NULL));
  g_assert_false (shelter_backup_restore_file (backup, passphrase, target, "os:test", NULL, NULL,
                                               &error));
  g_assert_error (error, domain, code);
  /* Nothing was touched. */
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the current database");
}

static void
test_bad_backups (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 2);
  g_autofree char *plain = test_path ("plain.maiam-backup");
  g_autofree char *encrypted = test_path ("enc.maiam-backup");
  g_autofree char *truncated = test_path ("cut.maiam-backup");
  g_autofree char *truncated_enc = test_path ("cut-enc.maiam-backup");
  g_autofree char *stranger = test_path ("letter.maiam-backup");
  g_autofree char *newer = test_path ("newer.maiam-backup");
  g_autofree char *flipped = test_path ("flipped.maiam-backup");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (shelter_backup_create (session, plain, NULL, NULL));
  g_assert_true (shelter_backup_create (session, encrypted, "cụm mật khẩu sao lưu", NULL));

  g_assert_true (g_file_get_contents (plain, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  g_assert_true (g_file_set_contents (stranger, "Kính gửi trung tâm", -1, NULL));
  contents[12] = 99; /* data version 99 */
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  contents[12] = (char) shelter_db_latest_schema_version ();
  contents[length - 100] ^= 0x55; /* one changed byte */
  g_assert_true (g_file_set_contents (flipped, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (encrypted, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated_enc, contents, length - 1000, NULL));

  assert_restore_refused (truncated, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID);
  assert_restore_refused (truncated_enc, "cụm mật khẩu sao lưu", SHELTER_APP_ERROR,
                          SHELTER_APP_ERROR_BACKUP_INVALID);
  assert_restore_refused (stranger, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID);
  assert_restore_refused (newer, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_TOO_NEW);
  assert_restore_refused (flipped, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID);
  assert_restore_refused (encrypted, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE);
  assert_restore_refused (encrypted, "một cụm mật khẩu khác", SHELTER_APP_ERROR,
                          SHELTER_APP_ERROR_BACKUP_PASSPHRASE);
}

static void
test_short_passphrase_refused (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autofree char *backup = test_path ("short.maiam-backup");
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_backup_create (session, backup, "ngắn", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSPHRASE);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_caseworker_refused (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autofree char *backup = test_path ("cw.maiam-backup");
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_backup_create (session, backup, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_restore_in_session (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 2);
  g_autoptr (ShelterSession) admin = test_session_new (db, "administrator");
  g_autofree char *backup = test_path ("session.maiam-backup");
  g_autofree char *stranger = test_path ("stranger.maiam-backup");
  g_autofree char *path = g_strdup (shelter_db_get_path (db));
  g_autofree char *replaced = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room;

  g_assert_true (shelter_backup_create (session, backup, NULL, &error));
  g_assert_true (g_file_set_contents (stranger, "not a backup", -1, NULL));

  /* A bad backup changes nothing and the session goes on. */
  g_assert_false (shelter_backup_restore (admin, stranger, NULL, &replaced, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID);
  g_clear_error (&error);
  room = test_add_room (admin, "B101", "male", "adult", 2);
  g_assert_cmpint (room, >, 0);

  /* A good one replaces the database; the room added after the backup is in the old file. */
  g_assert_true (shelter_backup_restore (admin, backup, NULL, &replaced, &error));
  g_assert_no_error (error);
  g_assert_nonnull (replaced);
  {
    g_autoptr (ShelterDb) reopened = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterDb) old = shelter_db_open (replaced, SHELTER_DB_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpint (test_count (reopened, "SELECT count(*) FROM room WHERE code = 'B101'"), ==, 0);
    g_assert_cmpint (test_count (old, "SELECT count(*) FROM room WHERE code = 'B101'"), ==, 1);
    g_assert_cmpint (test_count (reopened, "SELECT count(*) FROM audit_log WHERE action = "
                                           "'restore' AND actor = 'test.administrator'"), ==, 1);
  }
}

static guint
count_backups (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, SHELTER_BACKUP_EXTENSION))
      n++;
  return n;
}

static void
test_scheduled (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autofree char *folder = test_path ("backups");
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GError) error = NULL;
  gboolean made = FALSE;

  g_assert_true (shelter_backup_run_scheduled (session, folder, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  /* The same day: nothing new. */
  g_assert_true (shelter_backup_run_scheduled (session, folder, &made, &error));
  g_assert_false (made);
  g_assert_cmpuint (count_backups (folder), ==, 1);

  /* Forty days in a row: 14 newest kept, plus the newest of each older month. */
  for (int day = 1; day <= 40; day++)
    {
      g_autoptr (GDateTime) start = g_date_time_new (vietnam, 2026, 11, 22, 9, 0, 0);
      g_autoptr (GDateTime) later = g_date_time_add_days (start, day);
      shelter_session_set_clock (session, later);
      g_assert_true (shelter_backup_run_scheduled (session, folder, &made, &error));
      g_assert_no_error (error);
      g_assert_true (made);
    }
  /* 41 backups, 22/11 to 01/01: the newest 14 (19/12 to 01/01), which hold January's and
   * December's newest, plus November's newest (30/11). */
  g_assert_cmpuint (count_backups (folder), ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/backup/plain-round-trip", test_plain_round_trip);
  g_test_add_func ("/app/backup/encrypted-round-trip", test_encrypted_round_trip);
  g_test_add_func ("/app/backup/bad-backups-change-nothing", test_bad_backups);
  g_test_add_func ("/app/backup/short-passphrase-refused", test_short_passphrase_refused);
  g_test_add_func ("/app/backup/caseworker-refused", test_caseworker_refused);
  g_test_add_func ("/app/backup/restore-in-session", test_restore_in_session);
  g_test_add_func ("/app/backup/scheduled-daily-and-pruned", test_scheduled);

  return g_test_run ();
}
