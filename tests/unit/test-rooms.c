/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-settings.h"
#include "test-common.h"

static ShelterRoom *
room_new (const char *code,
          guint       beds,
          double      area,
          gboolean    care_24h)
{
  ShelterRoom *room = shelter_room_new ();

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, "Phòng nữ");
  shelter_room_set_sex_use (room, "female");
  shelter_room_set_age_group (room, "adult");
  shelter_room_set_beds (room, beds);
  shelter_room_set_area_m2 (room, area);
  shelter_room_set_care_24h (room, care_24h);
  return room;
}

static void
test_beds_limited_by_area (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "administrator");
  g_autoptr (ShelterRoom) crowded = room_new ("A101", 5, 24.0, FALSE);
  g_autoptr (ShelterRoom) care = room_new ("A102", 4, 24.0, TRUE);
  g_autoptr (ShelterRoom) fine = room_new ("A103", 4, 24.0, FALSE);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (shelter_rooms_max_beds (24.0, shelter_rooms_area_per_resident (db, FALSE)),
                    ==, 4);
  g_assert_cmpuint (shelter_rooms_max_beds (24.0, shelter_rooms_area_per_resident (db, TRUE)),
                    ==, 3);

  g_assert_false (shelter_rooms_add (session, crowded, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_assert_true (strstr (error->message, "4") != NULL);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_add (session, care, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_clear_error (&error);
  g_assert_true (shelter_rooms_add (session, fine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'room'"), ==, 1);
}

static void
test_rejects_bad_input (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  g_autoptr (ShelterRoom) first = room_new ("A101", 2, 12.0, FALSE);
  g_autoptr (ShelterRoom) duplicate = room_new (" A101 ", 2, 12.0, FALSE);
  g_autoptr (ShelterRoom) no_code = room_new ("  ", 2, 12.0, FALSE);
  g_autoptr (ShelterRoom) no_area = room_new ("A102", 2, 0, FALSE);
  g_autoptr (ShelterRoom) bad_use = room_new ("A103", 2, 12.0, FALSE);
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_rooms_add (session, first, &error));
  g_assert_false (shelter_rooms_add (session, duplicate, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CODE);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_add (session, no_code, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CODE);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_add (session, no_area, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_AREA);
  g_clear_error (&error);
  shelter_room_set_sex_use (bad_use, "mixed");
  g_assert_false (shelter_rooms_add (session, bad_use, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room"), ==, 1);
}

static void
test_caseworker_may_not_add (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterRoom) room = room_new ("A101", 2, 12.0, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;

  g_assert_false (shelter_rooms_add (session, room, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room"), ==, 0);

  /* ...but sees the rooms. */
  rooms = shelter_rooms_list (session, NULL);
  g_assert_nonnull (rooms);
}

static void
test_list_counts_beds_used (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  gint64 room_id = test_add_room (session, "A101", "female", "adult", 3);
  g_autoptr (ShelterPerson) person = test_person_new ("Hà", "Thị", "Mai", "female", "1990-01-01");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  ShelterRoom *room;

  stay = shelter_admit_person (session, person, room_id, NULL, &error);
  g_assert_no_error (error);
  rooms = shelter_rooms_list (session, &error);
  g_assert_cmpuint (rooms->len, ==, 1);
  room = g_ptr_array_index (rooms, 0);
  g_assert_cmpuint (shelter_room_get_beds_used (room), ==, 1);
  g_assert_cmpuint (shelter_room_get_beds_free (room), ==, 2);
}

/* The centre may set its own area per resident: at 8 m² a 24 m² room takes 3. */
static void
test_area_rule_configurable (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "administrator");
  g_autoptr (ShelterRoom) four = room_new ("A201", 4, 24.0, FALSE);
  g_autoptr (ShelterRoom) three = room_new ("A202", 3, 24.0, FALSE);
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_settings_set (session, SHELTER_SETTING_AREA_PER_RESIDENT, "0,5", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_true (shelter_settings_set (session, SHELTER_SETTING_AREA_PER_RESIDENT, "8", &error));
  g_assert_no_error (error);
  g_assert_false (shelter_rooms_add (session, four, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_assert_nonnull (strstr (error->message, "8 m²"));
  g_clear_error (&error);
  g_assert_true (shelter_rooms_add (session, three, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/rooms/beds-limited-by-area", test_beds_limited_by_area);
  g_test_add_func ("/app/rooms/rejects-bad-input", test_rejects_bad_input);
  g_test_add_func ("/app/rooms/caseworker-may-not-add", test_caseworker_may_not_add);
  g_test_add_func ("/app/rooms/list-counts-beds-used", test_list_counts_beds_used);

  g_test_add_func ("/app/rooms/area-rule-configurable", test_area_rule_configurable);

  return g_test_run ();
}
