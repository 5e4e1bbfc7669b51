/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "shelter-backup.h"
#include "shelter-settings.h"
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

/* Finding the backups of a database that cannot be opened */

#define HEADER_BYTES 32

/* Moves the time a backup says it was made by @days: only its header is changed, which is
 * all that finding backups reads. */
static void
shift_created (const char *backup,
               int         days)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint64 created = 0;

  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  for (int i = 7; i >= 0; i--)
    created = (created << 8) | (guint8) contents[16 + i];
  created += (gint64) days * 86400;
  for (int i = 0; i < 8; i++)
    contents[16 + i] = (char) ((created >> (8 * i)) & 0xff);
  g_assert_true (g_file_set_contents (backup, contents, length, NULL));
}

static char *
new_folder (const char *name)
{
  char *folder = test_path (name);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static const ShelterBackupFound *
found_at (GPtrArray *found,
          guint      i)
{
  return g_ptr_array_index (found, i);
}

/* Two centres back up into the same folder, beside files that are no backups or cut short:
 * each database is offered its own, the newest first, found through the user's record. */
static void
test_find_own_newest_first (void)
{
  g_autoptr (ShelterSession) session_a = NULL;
  g_autoptr (ShelterDb) db_a = db_with_people (&session_a, 2);
  g_autoptr (ShelterSession) session_b = NULL;
  g_autoptr (ShelterDb) db_b = db_with_people (&session_b, 1);
  g_autofree char *folder = new_folder ("shared-backups");
  g_autofree char *older = g_build_filename (folder, "a-older.maiam-backup", NULL);
  g_autofree char *newer = g_build_filename (folder, "a-newer.maiam-backup", NULL);
  g_autofree char *other = g_build_filename (folder, "b.maiam-backup", NULL);
  g_autofree char *cut = g_build_filename (folder, "a-cut.maiam-backup", NULL);
  g_autofree char *letter = g_build_filename (folder, "letter.maiam-backup", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) found_a = NULL;
  g_autoptr (GPtrArray) found_b = NULL;
  gsize length;

  g_assert_true (shelter_backup_create (session_a, older, NULL, NULL));
  g_assert_true (shelter_backup_create (session_a, newer, "cụm mật khẩu sao lưu", NULL));
  g_assert_true (shelter_backup_create (session_b, other, NULL, NULL));
  shift_created (older, -2);
  /* The other centre's backup is the newest of the folder. */
  shift_created (other, 1);
  /* A newer backup of A cut short before its identity, and a letter. */
  g_assert_true (g_file_get_contents (newer, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, HEADER_BYTES + 2, NULL));
  g_assert_true (g_file_set_contents (letter, "Kính gửi trung tâm", -1, NULL));

  found_a = shelter_backup_find_for_database (shelter_db_get_path (db_a));
  g_assert_cmpuint (found_a->len, ==, 2);
  g_assert_cmpstr (found_at (found_a, 0)->path, ==, newer);
  g_assert_true (found_at (found_a, 0)->encrypted);
  g_assert_cmpint (found_at (found_a, 0)->schema_version, ==, shelter_db_latest_schema_version ());
  g_assert_cmpstr (found_at (found_a, 1)->path, ==, older);
  g_assert_false (found_at (found_a, 1)->encrypted);
  g_assert_cmpint (found_at (found_a, 0)->created_unix, >, found_at (found_a, 1)->created_unix);

  found_b = shelter_backup_find_for_database (shelter_db_get_path (db_b));
  g_assert_cmpuint (found_b->len, ==, 1);
  g_assert_cmpstr (found_at (found_b, 0)->path, ==, other);

  /* What is offered can be restored: the newest of A holds A's two people. */
  {
    g_autofree char *target = test_path ("a-restored.db");
    g_autoptr (GError) error = NULL;

    g_assert_true (shelter_backup_restore_file (found_at (found_a, 0)->path,
                                                "cụm mật khẩu sao lưu", target, "os:test",
                                                NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (people_in (target), ==, 2);
  }
}

/* Without the user's record (another account, or it was lost), the folder the damaged
 * database's own settings name is looked in, and the default folder. */
static void
test_find_without_record (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autoptr (ShelterSession) admin = test_session_new (db, "administrator");
  g_autofree char *folder = new_folder ("setting-backups");
  g_autofree char *by_hand = g_build_filename (folder, "by-hand.maiam-backup", NULL);
  g_autofree char *record = g_build_filename (g_get_user_data_dir (), "vn.maiam.Shelter",
                                              "backup-places.ini", NULL);
  g_autofree char *default_folder = shelter_backup_default_folder ();
  g_autofree char *path = g_strdup (shelter_db_get_path (db));
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  gboolean made = FALSE;

  g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_BACKUP_FOLDER, folder, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_create (session, by_hand, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_run_scheduled (session, default_folder, &made, &error));
  g_assert_no_error (error);
  g_assert_true (made);
  shift_created (by_hand, -1);
  g_assert_true (g_file_test (record, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (record), ==, 0);
  shelter_db_close (db);

  found = shelter_backup_find_for_database (path);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (g_str_has_prefix (found_at (found, 0)->path, default_folder));
  g_assert_cmpstr (found_at (found, 1)->path, ==, by_hand);
}

/* A database moved to another folder is still known by the id it keeps. */
static void
test_find_moved_database (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autofree char *folder = new_folder ("moved-backups");
  g_autofree char *backup = g_build_filename (folder, "centre.maiam-backup", NULL);
  g_autofree char *moved = test_path ("moved.db");
  g_autofree char *path = g_strdup (shelter_db_get_path (db));
  g_autoptr (GPtrArray) found = NULL;

  g_assert_true (shelter_backup_create (session, backup, NULL, NULL));
  shelter_db_close (db);
  g_assert_cmpint (g_rename (path, moved), ==, 0);

  /* The record knows the old path only: the backup, in the default folder, is known by
   * the id the moved file still keeps. */
  {
    g_autofree char *default_folder = shelter_backup_default_folder ();
    g_autofree char *there = g_build_filename (default_folder, "centre.maiam-backup", NULL);

    g_assert_cmpint (g_mkdir_with_parents (default_folder, 0700), ==, 0);
    g_assert_cmpint (g_rename (backup, there), ==, 0);
    found = shelter_backup_find_for_database (moved);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (found_at (found, 0)->path, ==, there);
    g_assert_cmpstr (found_at (found, 0)->database_path, ==, path);
  }
}

static void
test_find_nothing (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autoptr (ShelterSession) other_session = NULL;
  g_autoptr (ShelterDb) other = db_with_people (&other_session, 1);
  g_autofree char *default_folder = shelter_backup_default_folder ();
  g_autofree char *missing = test_path ("never-made.db");
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) found_missing = NULL;
  gboolean made = FALSE;

  /* Another centre's automatic backup in the default folder is not this one's. */
  g_assert_true (shelter_backup_run_scheduled (other_session, default_folder, &made, NULL));
  g_assert_true (made);

  found = shelter_backup_find_for_database (shelter_db_get_path (db));
  g_assert_cmpuint (found->len, ==, 0);
  found_missing = shelter_backup_find_for_database (missing);
  g_assert_cmpuint (found_missing->len, ==, 0);
}

/* A backup of format 1 (no identity), as Mái Ấm wrote them before: still restorable, still
 * described, never offered on a guess. Made from a new one: the header's format byte, the
 * identity left out, the checksum of the database alone. */
static void
test_format_1_still_restorable (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 3);
  g_autofree char *folder = new_folder ("old-backups");
  g_autofree char *modern = test_path ("modern.maiam-backup");
  g_autofree char *old = g_build_filename (folder, "old.maiam-backup", NULL);
  g_autofree char *target = test_path ("from-old.db");
  g_autofree char *contents = NULL;
  g_autoptr (GByteArray) v1 = g_byte_array_new ();
  g_autoptr (ShelterBackupFound) described = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  guchar digest[crypto_generichash_BYTES];
  gsize length, identity_length, payload;

  g_assert_true (shelter_backup_create (session, modern, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (modern, &contents, &length, NULL));
  g_assert_cmpint (contents[8], ==, 2);
  identity_length = (guint8) contents[32] | ((guint8) contents[33] << 8) |
                    ((guint8) contents[34] << 16) | ((gsize) (guint8) contents[35] << 24);
  payload = HEADER_BYTES + 4 + identity_length + sizeof digest;
  g_assert_cmpuint (payload, <, length);

  contents[8] = 1;
  g_byte_array_append (v1, (guint8 *) contents, HEADER_BYTES);
  crypto_generichash (digest, sizeof digest, (guint8 *) contents + payload, length - payload,
                      NULL, 0);
  g_byte_array_append (v1, digest, sizeof digest);
  g_byte_array_append (v1, (guint8 *) contents + payload, length - payload);
  g_assert_true (g_file_set_contents (old, (char *) v1->data, v1->len, NULL));

  described = shelter_backup_describe (old, &error);
  g_assert_no_error (error);
  g_assert_null (described->database_path);
  g_assert_false (described->encrypted);
  g_assert_true (shelter_backup_restore_file (old, NULL, target, "os:test", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in (target), ==, 3);

  g_assert_cmpint (g_unlink (modern), ==, 0);
  found = shelter_backup_find_for_database (shelter_db_get_path (db));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (found_at (found, i)->path, !=, old);
}

/* The identity is part of what the checksum covers: a backup cannot be made to look like
 * another database's without it showing. */
static void
test_identity_tamper_detected (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autofree char *backup = test_path ("id.maiam-backup");
  g_autofree char *contents = NULL;
  char *at;
  gsize length;

  g_assert_true (shelter_backup_create (session, backup, NULL, NULL));
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  /* The header holds zero bytes: searched byte by byte. */
  at = NULL;
  for (gsize i = 0; at == NULL && i + 5 < length; i++)
    if (memcmp (contents + i, "Path=", 5) == 0)
      at = contents + i;
  g_assert_nonnull (at);
  at[5] = at[5] == '/' ? '_' : '/';
  g_assert_true (g_file_set_contents (backup, contents, length, NULL));
  assert_restore_refused (backup, NULL, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID);
}

/* A passphrase typed in NFD (as some keyboards and macOS send Vietnamese) makes a backup
 * that the same passphrase typed in NFC on another computer opens, and the other way round. */
static void
test_passphrase_nfd_nfc (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 2);
  const char *composed = "Mật khẩu sao lưu của Trung tâm";
  g_autofree char *decomposed = g_utf8_normalize (composed, -1, G_NORMALIZE_NFD);
  g_autofree char *from_nfd = test_path ("typed-nfd.maiam-backup");
  g_autofree char *from_nfc = test_path ("typed-nfc.maiam-backup");
  g_autofree char *target = test_path ("restored-nfd.db");
  g_autoptr (GError) error = NULL;
  ShelterBackupInfo info = { 0 };

  g_assert_cmpstr (decomposed, !=, composed);
  g_assert_true (shelter_backup_create (session, from_nfd, decomposed, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_create (session, from_nfc, composed, &error));
  g_assert_no_error (error);

  g_assert_true (shelter_backup_verify (from_nfd, composed, &info, &error));
  g_assert_no_error (error);
  g_assert_true (info.encrypted);
  g_assert_true (shelter_backup_verify (from_nfd, decomposed, &info, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_verify (from_nfc, decomposed, &info, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_restore_file (from_nfd, composed, target, "os:test", NULL, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in (target), ==, 2);
  g_assert_true (shelter_backup_restore_file (from_nfc, decomposed, target, "os:test", NULL,
                                              NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in (target), ==, 2);

  /* Still only the right letters open it. */
  assert_restore_refused (from_nfd, "Mat khau sao luu cua Trung tam", SHELTER_APP_ERROR,
                          SHELTER_APP_ERROR_BACKUP_PASSPHRASE);
}

/* A tab, a line break or an escape sequence in a passphrase could not be typed again at
 * restore time: refused naming the passphrase, and no backup is made or recorded. */
static void
test_passphrase_control_refused (void)
{
  static const char *refused[] = {
    "mật khẩu\tsao lưu dài", "mật khẩu sao lưu\ndòng hai", "\x1b[31mmật khẩu sao lưu",
    "mật khẩu\x01 sao lưu",
  };
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 1);
  g_autofree char *backup = test_path ("control.maiam-backup");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (shelter_backup_create (session, backup, refused[i], &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSPHRASE);
      g_assert_true (g_str_has_prefix (error->message, "Passphrase"));
      g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM backup_run"), ==, 0);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action LIKE 'backup%'"),
                   ==, 0);
}

/* Encrypts the plain backup @plain into @encrypted as the app did before passphrases were
 * put in NFC: the key derived from @passphrase byte for byte. */
static void
encrypt_as_before (const char *plain,
                   const char *passphrase,
                   const char *encrypted)
{
  g_autofree char *contents = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 limits[16];
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_state state;
  gsize length, lead, offset;
  guint32 identity_length;

  g_assert_cmpint (sodium_init (), >=, 0);
  g_assert_true (g_file_get_contents (plain, &contents, &length, NULL));
  identity_length = (guint8) contents[32] | ((guint8) contents[33] << 8) |
                    ((guint8) contents[34] << 16) | ((guint32) (guint8) contents[35] << 24);
  lead = HEADER_BYTES + 4 + identity_length;
  contents[9] |= 0x01; /* encrypted */
  g_byte_array_append (out, (guint8 *) contents, lead);

  randombytes_buf (salt, sizeof salt);
  for (int i = 0; i < 8; i++)
    {
      limits[i] = ((guint64) crypto_pwhash_OPSLIMIT_INTERACTIVE >> (8 * i)) & 0xff;
      limits[8 + i] = ((guint64) crypto_pwhash_MEMLIMIT_INTERACTIVE >> (8 * i)) & 0xff;
    }
  g_assert_cmpint (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), salt,
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE,
                                  crypto_pwhash_ALG_ARGON2ID13), ==, 0);
  crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, key);
  g_byte_array_append (out, salt, sizeof salt);
  g_byte_array_append (out, limits, sizeof limits);
  g_byte_array_append (out, stream_header, sizeof stream_header);

  /* After the lead, a plain backup holds its checksum, then the database. */
  offset = lead + crypto_generichash_BYTES;
  for (gboolean first = TRUE, final = FALSE; !final; first = FALSE)
    {
      gsize n = MIN (length - offset, 64 * 1024);
      guint8 cipher[64 * 1024 + crypto_secretstream_xchacha20poly1305_ABYTES];
      unsigned long long cipher_length;

      final = n < 64 * 1024;
      crypto_secretstream_xchacha20poly1305_push (&state, cipher, &cipher_length,
                                                  (guint8 *) contents + offset, n,
                                                  first ? (guint8 *) contents : NULL,
                                                  first ? lead : 0,
                                                  final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                                        : 0);
      g_byte_array_append (out, cipher, cipher_length);
      offset += n;
    }
  g_assert_true (g_file_set_contents (encrypted, (char *) out->data, out->len, NULL));
}

/* A backup made before this change with a passphrase typed in NFD still opens with the
 * passphrase typed the same way (its key came from those bytes). */
static void
test_passphrase_from_before_nfc (void)
{
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterDb) db = db_with_people (&session, 3);
  g_autofree char *decomposed = g_utf8_normalize ("Hoa mai nở sớm ở Lào Cai", -1,
                                                  G_NORMALIZE_NFD);
  g_autofree char *wrong = g_utf8_normalize ("Hoa mai nở muộn ở Lào Cai", -1, G_NORMALIZE_NFD);
  g_autofree char *plain = test_path ("before-plain.maiam-backup");
  g_autofree char *old = test_path ("before-nfd.maiam-backup");
  g_autofree char *target = test_path ("from-before.db");
  g_autoptr (GError) error = NULL;
  ShelterBackupInfo info = { 0 };

  g_assert_true (shelter_backup_create (session, plain, NULL, &error));
  g_assert_no_error (error);
  encrypt_as_before (plain, decomposed, old);

  g_assert_true (shelter_backup_verify (old, decomposed, &info, &error));
  g_assert_no_error (error);
  g_assert_true (info.encrypted);
  g_assert_true (shelter_backup_restore_file (old, decomposed, target, "os:test", NULL, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (people_in (target), ==, 3);
  /* A wrong passphrase is still refused after both tries, and changes nothing. */
  assert_restore_refused (old, wrong, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE);
}

int
main (int   argc,
      char *argv[])
{
  /* Backups note where they went in the user's data folder: a folder of the test's own. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/app/backup/plain-round-trip", test_plain_round_trip);
  g_test_add_func ("/app/backup/encrypted-round-trip", test_encrypted_round_trip);
  g_test_add_func ("/app/backup/bad-backups-change-nothing", test_bad_backups);
  g_test_add_func ("/app/backup/short-passphrase-refused", test_short_passphrase_refused);
  g_test_add_func ("/app/backup/caseworker-refused", test_caseworker_refused);
  g_test_add_func ("/app/backup/restore-in-session", test_restore_in_session);
  g_test_add_func ("/app/backup/scheduled-daily-and-pruned", test_scheduled);
  g_test_add_func ("/app/backup/find/own-newest-first", test_find_own_newest_first);
  g_test_add_func ("/app/backup/find/without-record", test_find_without_record);
  g_test_add_func ("/app/backup/find/moved-database", test_find_moved_database);
  g_test_add_func ("/app/backup/find/nothing", test_find_nothing);
  g_test_add_func ("/app/backup/format-1-still-restorable", test_format_1_still_restorable);
  g_test_add_func ("/app/backup/identity-tamper-detected", test_identity_tamper_detected);
  g_test_add_func ("/app/backup/passphrase/nfd-and-nfc", test_passphrase_nfd_nfc);
  g_test_add_func ("/app/backup/passphrase/control-refused", test_passphrase_control_refused);
  g_test_add_func ("/app/backup/passphrase/from-before-nfc", test_passphrase_from_before_nfc);

  return g_test_run ();
}
