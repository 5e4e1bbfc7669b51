/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "test-common.h"

static char *tmpdir;

static void
remove_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) dir = NULL;
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (tmpdir == NULL)
    return;
  dir = g_file_new_for_path (tmpdir);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *path = g_build_filename (tmpdir, g_file_info_get_name (info), NULL);
      g_unlink (path);
      g_object_unref (info);
    }
  g_rmdir (tmpdir);
}

const char *
test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr (GError) error = NULL;

      tmpdir = g_dir_make_tmp ("shelter-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (remove_tmpdir);
    }
  return tmpdir;
}

char *
test_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (test_tmpdir (), unique, NULL);
}

ShelterDb *
test_db_new (void)
{
  g_autofree char *path = test_path ("test.db");
  g_autoptr (GError) error = NULL;
  ShelterDb *db;

  db = shelter_db_open (path, SHELTER_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

ShelterSession *
test_session_new (ShelterDb  *db,
                  const char *role)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new (vietnam, 2026, 11, 22, 9, 0, 0);
  ShelterSession *session;

  if (g_str_equal (role, "operator"))
    session = shelter_session_new_for_operator (db);
  else
    {
      g_autoptr (ShelterUser) user = shelter_user_new ();
      g_autofree char *username = g_strdup_printf ("test.%s", role);

      shelter_user_set_username (user, username);
      shelter_user_set_full_name (user, "Nguyễn Thị Thử");
      shelter_user_set_role (user, role);
      session = shelter_session_new_for_user (db, user);
    }
  shelter_session_set_clock (session, now);
  return session;
}

gint64
test_add_room (ShelterSession *session,
               const char     *code,
               const char     *use,
               const char     *age_group,
               guint           beds)
{
  g_autoptr (ShelterSession) admin = test_session_new (shelter_session_get_db (session),
                                                       "operator");
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autoptr (GError) error = NULL;

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, code);
  shelter_room_set_building (room, "Nhà A");
  shelter_room_set_sex_use (room, use);
  shelter_room_set_age_group (room, age_group);
  shelter_room_set_beds (room, beds);
  shelter_room_set_area_m2 (room, beds * 6.0);
  shelter_room_set_opened_on (room, "2020-01-01");
  shelter_rooms_add (admin, room, &error);
  g_assert_no_error (error);
  return shelter_room_get_id (room);
}

ShelterPerson *
test_person_new (const char *family,
                 const char *middle,
                 const char *given,
                 const char *sex,
                 const char *birth_date)
{
  ShelterPerson *person = shelter_person_new ();

  shelter_person_set_family_name (person, family);
  shelter_person_set_middle_name (person, middle);
  shelter_person_set_given_name (person, given);
  shelter_person_set_sex (person, sex);
  shelter_person_set_birth_date (person, birth_date);
  shelter_person_set_birth_precision (person, birth_date == NULL ? "unknown"
                                      : (strlen (birth_date) == 4 ? "year" : "day"));
  shelter_person_set_person_type (person, "victim");
  return person;
}

gint64
test_count (ShelterDb  *db,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_assert_cmpint (sqlite3_open_v2 (shelter_db_get_path (db), &handle, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

void
test_add_account (ShelterDb  *db,
                  const char *username,
                  const char *full_name,
                  const char *role)
{
  g_autoptr (ShelterUser) user = shelter_user_new ();
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-01-01T00:00:00+07:00" };

  shelter_user_set_username (user, username);
  shelter_user_set_full_name (user, full_name);
  shelter_user_set_role (user, role);
  shelter_user_set_active (user, TRUE);
  g_assert_true (shelter_user_store_insert (db, user, NULL, &stamp, &error));
  g_assert_no_error (error);
}
