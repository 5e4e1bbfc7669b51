/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-placement.h"
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

/* Too many beds for the area is saved, with a warning that names the limit. */
static void
test_area_warning (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "administrator");
  g_autoptr (ShelterRoom) crowded = room_new ("A101", 4, 18.0, FALSE);
  g_autoptr (ShelterRoom) fits = room_new ("A102", 3, 18.0, FALSE);
  g_autoptr (ShelterRoom) care = room_new ("A103", 3, 18.0, TRUE);
  g_autoptr (ShelterRoom) care_fits = room_new ("A104", 2, 18.0, TRUE);
  g_autofree char *warning = NULL;
  g_autofree char *care_warning = NULL;
  g_autofree char *none = NULL;
  g_autofree char *care_none = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (shelter_rooms_max_beds (24.0, shelter_rooms_area_per_resident (db, FALSE)),
                    ==, 4);
  g_assert_cmpuint (shelter_rooms_max_beds (24.0, shelter_rooms_area_per_resident (db, TRUE)),
                    ==, 3);

  warning = shelter_rooms_area_warning (db, crowded);
  g_assert_cmpstr (warning, ==,
                   "18 m² allows at most 3 residents at 6 m² each; this room has 4 beds.");
  none = shelter_rooms_area_warning (db, fits);
  g_assert_null (none);
  /* 24-hour care rooms need 8 m² a resident. */
  care_warning = shelter_rooms_area_warning (db, care);
  g_assert_cmpstr (care_warning, ==,
                   "18 m² allows at most 2 residents at 8 m² each; this room has 3 beds.");
  care_none = shelter_rooms_area_warning (db, care_fits);
  g_assert_null (care_none);

  /* The user saw the warning and saves all the same. */
  g_assert_true (shelter_rooms_add (session, crowded, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_rooms_add (session, care, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT beds FROM room WHERE code = 'A101'"), ==, 4);
  g_assert_cmpint (test_count (db, "SELECT beds FROM room WHERE code = 'A103'"), ==, 3);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'room' "
                                   "AND action = 'create'"), ==, 2);
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
  g_autoptr (ShelterRoom) no_beds = room_new ("A104", 0, 12.0, FALSE);
  g_autoptr (ShelterRoom) negative_beds = room_new ("A105", (guint) -2, 12.0, FALSE);
  g_autoptr (ShelterRoom) negative_area = room_new ("A106", 2, -12.0, FALSE);
  g_autoptr (ShelterRoom) no_name = room_new ("A107", 2, 12.0, FALSE);
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
  g_assert_false (shelter_rooms_add (session, negative_area, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_AREA);
  g_assert_true (g_str_has_prefix (error->message, "Floor area:"));
  g_clear_error (&error);
  g_assert_false (shelter_rooms_add (session, no_beds, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_assert_true (g_str_has_prefix (error->message, "Beds:"));
  g_clear_error (&error);
  g_assert_false (shelter_rooms_add (session, negative_beds, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_clear_error (&error);
  shelter_room_set_name (no_name, " ");
  g_assert_false (shelter_rooms_add (session, no_name, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_NAME);
  g_assert_true (g_str_has_prefix (error->message, "Room name:"));
  g_clear_error (&error);
  shelter_room_set_sex_use (bad_use, "mixed");
  g_assert_false (shelter_rooms_add (session, bad_use, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_USE);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'room'"), ==, 1);
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
  g_autofree char *warning = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_settings_set (session, SHELTER_SETTING_AREA_PER_RESIDENT, "0,5", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_true (shelter_settings_set (session, SHELTER_SETTING_AREA_PER_RESIDENT, "8", &error));
  g_assert_no_error (error);
  warning = shelter_rooms_area_warning (db, four);
  g_assert_cmpstr (warning, ==,
                   "24 m² allows at most 3 residents at 8 m² each; this room has 4 beds.");
  g_assert_null (shelter_rooms_area_warning (db, three));
  g_assert_true (shelter_rooms_add (session, four, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_rooms_add (session, three, &error));
  g_assert_no_error (error);
}

/* The room as stored now, as a form would read it to edit. */
static ShelterRoom *
room_get (ShelterDb *db,
          gint64     id)
{
  g_autoptr (GError) error = NULL;
  ShelterRoom *room = shelter_room_store_get (db, id, &error);

  g_assert_no_error (error);
  return room;
}

static void
test_update_audited (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 id = test_add_room (session, "A101", "female", "adult", 2);
  g_autoptr (ShelterRoom) room = room_get (db, id);
  g_autoptr (ShelterRoom) saved = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (shelter_room_get_version (room), ==, 1);
  shelter_room_set_name (room, "  Phòng   nữ tầng 1 ");
  shelter_room_set_sex_use (room, "family");
  shelter_room_set_beds (room, 3);
  shelter_room_set_area_m2 (room, 20.5);
  shelter_room_set_care_24h (room, TRUE);
  shelter_room_set_accessible (room, TRUE);
  g_assert_true (shelter_rooms_update (session, room, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_room_get_version (room), ==, 2);

  saved = room_get (db, id);
  g_assert_cmpstr (shelter_room_get_name (saved), ==, "Phòng nữ tầng 1");
  g_assert_cmpstr (shelter_room_get_sex_use (saved), ==, "family");
  g_assert_cmpuint (shelter_room_get_beds (saved), ==, 3);
  g_assert_cmpfloat_with_epsilon (shelter_room_get_area_m2 (saved), 20.5, 1e-9);
  g_assert_true (shelter_room_get_care_24h (saved));
  g_assert_true (shelter_room_get_accessible (saved));
  g_assert_cmpint (shelter_room_get_version (saved), ==, 2);
  g_assert_cmpstr (shelter_room_get_opened_on (saved), ==, "2020-01-01");
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE updated_by = 'test.manager' "
                                   "AND updated_at = '2026-11-22T09:00:00+07:00'"), ==, 1);
  /* The trail says what changed, and only that. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                   "AND entity = 'room' AND details LIKE '%beds: 2 -> 3%' "
                                   "AND details LIKE '%use: female -> family%' "
                                   "AND details LIKE '%area_m2: 12.0 -> 20.5%' "
                                   "AND details LIKE '%care_24h: no -> yes%' "
                                   "AND details NOT LIKE '%code:%' "
                                   "AND details NOT LIKE '%age_group:%'"), ==, 1);
}

static void
test_update_stale (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 id = test_add_room (session, "A101", "female", "adult", 2);
  g_autoptr (ShelterRoom) mine = room_get (db, id);
  g_autoptr (ShelterRoom) theirs = room_get (db, id);
  g_autoptr (ShelterRoom) saved = NULL;
  g_autoptr (GError) error = NULL;

  shelter_room_set_name (theirs, "Phòng của họ");
  g_assert_true (shelter_rooms_update (session, theirs, &error));
  g_assert_no_error (error);

  shelter_room_set_name (mine, "Phòng của tôi");
  shelter_room_set_beds (mine, 1);
  g_assert_false (shelter_rooms_update (session, mine, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "someone else"));
  g_clear_error (&error);
  /* Nothing of mine was written, and my copy still has the version I read. */
  g_assert_cmpint (shelter_room_get_version (mine), ==, 1);
  saved = room_get (db, id);
  g_assert_cmpstr (shelter_room_get_name (saved), ==, "Phòng của họ");
  g_assert_cmpuint (shelter_room_get_beds (saved), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                   "AND entity = 'room'"), ==, 1);

  /* A closed-and-reopened room has moved on too. */
  g_assert_false (shelter_rooms_close (session, id, "2026-11-22", 1, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE closed_on IS NOT NULL"), ==, 0);
}

static void
test_update_rejects_bad_input (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 id = test_add_room (session, "A101", "female", "adult", 2);
  gint64 other = test_add_room (session, "A102", "female", "adult", 2);
  g_autoptr (ShelterRoom) room = room_get (db, id);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (other, >, 0);
  shelter_room_set_beds (room, 0);
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_clear_error (&error);
  shelter_room_set_beds (room, 2);
  shelter_room_set_area_m2 (room, 0);
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_AREA);
  g_clear_error (&error);
  shelter_room_set_area_m2 (room, 12);
  shelter_room_set_name (room, "");
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_NAME);
  g_clear_error (&error);
  shelter_room_set_name (room, "A");
  shelter_room_set_code (room, "A102");
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CODE);
  g_assert_nonnull (strstr (error->message, "A102"));
  g_clear_error (&error);
  g_assert_cmpint (shelter_room_get_version (room), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE version > 1"), ==, 0);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'update'"), ==, 0);
}

static void
test_caseworker_may_not_change (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  gint64 id = test_add_room (session, "A101", "female", "adult", 2);
  g_autoptr (ShelterRoom) room = room_get (db, id);
  g_autoptr (GError) error = NULL;

  shelter_room_set_beds (room, 1);
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_close (session, id, "2026-11-22", 1, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_reopen (session, id, 1, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE beds = 2 AND version = 1 "
                                   "AND closed_on IS NULL"), ==, 1);
}

static ShelterStay *
admit (ShelterSession *session,
       const char     *given,
       gint64          room_id)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Hà", "Thị", given, "female", "1990-01-01");
  g_autoptr (GError) error = NULL;
  ShelterStay *stay = shelter_admit_person (session, person, room_id,
                                            "2026-11-10T09:00:00+07:00", &error);

  g_assert_no_error (error);
  return stay;
}

/* Fewer beds than residents would leave someone without one. */
static void
test_update_keeps_beds_for_residents (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 id = test_add_room (session, "A101", "female", "adult", 3);
  g_autoptr (ShelterStay) first = admit (session, "Mai", id);
  g_autoptr (ShelterStay) second = admit (session, "Lan", id);
  g_autoptr (ShelterRoom) room = room_get (db, id);
  g_autoptr (GError) error = NULL;

  shelter_room_set_beds (room, 1);
  g_assert_false (shelter_rooms_update (session, room, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_BEDS);
  g_assert_nonnull (strstr (error->message, "2 residents are placed"));
  g_clear_error (&error);
  g_assert_cmpint (test_count (db, "SELECT beds FROM room"), ==, 3);

  shelter_room_set_beds (room, 2);
  g_assert_true (shelter_rooms_update (session, room, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT beds FROM room"), ==, 2);
}

static gboolean
offered (ShelterSession *session,
         gint64          room_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) options = shelter_placement_options (session, "female", 30, "victim",
                                                             NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < options->len; i++)
    {
      ShelterPlacementOption *option = g_ptr_array_index (options, i);

      if (shelter_room_get_id (option->room) == room_id)
        return TRUE;
    }
  return FALSE;
}

static void
test_close_and_reopen (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "manager");
  gint64 id = test_add_room (session, "A101", "female", "adult", 2);
  gint64 other = test_add_room (session, "A102", "female", "adult", 2);
  g_autoptr (ShelterStay) stay = admit (session, "Mai", id);
  g_autoptr (ShelterRoom) room = NULL;
  g_autoptr (GError) error = NULL;

  /* Occupied: says how many must move first. */
  g_assert_false (shelter_rooms_close (session, id, "2026-11-22", 1, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "1 resident is placed in room A101"));
  g_clear_error (&error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE closed_on IS NOT NULL"), ==, 0);

  g_assert_true (shelter_move_resident (session, shelter_stay_get_id (stay), other,
                                        "2026-11-20T09:00:00+07:00", "Sửa phòng", NULL, &error));
  g_assert_no_error (error);

  /* Not in the future, not before she left. */
  g_assert_false (shelter_rooms_close (session, id, "2026-11-23", 1, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON);
  g_clear_error (&error);
  g_assert_false (shelter_rooms_close (session, id, "2026-11-19", 1, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON);
  g_assert_nonnull (strstr (error->message, "20/11/2026"));
  g_clear_error (&error);
  g_assert_false (shelter_rooms_close (session, id, "22/11/2026", 1, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON);
  g_clear_error (&error);
  g_assert_true (offered (session, id));

  g_assert_true (shelter_rooms_close (session, id, "2026-11-20", 1, &error));
  g_assert_no_error (error);
  room = room_get (db, id);
  g_assert_cmpstr (shelter_room_get_closed_on (room), ==, "2026-11-20");
  g_assert_cmpint (shelter_room_get_version (room), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'close_room' "
                                   "AND entity = 'room' AND details LIKE '%2026-11-20%'"), ==, 1);
  /* Its history stays. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room"), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM placement WHERE room_id = 1"), ==, 1);

  /* Closed: not offered, nobody moves in, and it cannot be closed twice. */
  g_assert_false (offered (session, id));
  g_assert_true (offered (session, other));
  g_assert_false (shelter_move_resident (session, shelter_stay_get_id (stay), id, NULL,
                                         "Về phòng cũ", NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM);
  g_assert_nonnull (strstr (error->message, "closed"));
  g_clear_error (&error);
  g_assert_false (shelter_rooms_close (session, id, "2026-11-22", 2, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_clear_error (&error);

  /* Reopened with a stale version: refused; with the right one: offered again. */
  g_assert_false (shelter_rooms_reopen (session, id, 1, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_error (&error);
  g_assert_true (shelter_rooms_reopen (session, id, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM room WHERE closed_on IS NULL"), ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'reopen_room'"),
                   ==, 1);
  g_assert_true (offered (session, id));
  g_assert_false (shelter_rooms_reopen (session, id, 3, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
}

static void
test_close_not_before_opening (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "administrator");
  g_autoptr (ShelterRoom) room = room_new ("B201", 2, 12.0, FALSE);
  g_autoptr (GError) error = NULL;

  shelter_room_set_opened_on (room, "2026-11-15");
  g_assert_true (shelter_rooms_add (session, room, &error));
  g_assert_no_error (error);
  g_assert_false (shelter_rooms_close (session, shelter_room_get_id (room), "2026-11-14", 1,
                                       &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM_CLOSED_ON);
  g_assert_nonnull (strstr (error->message, "15/11/2026"));
  g_clear_error (&error);
  g_assert_true (shelter_rooms_close (session, shelter_room_get_id (room), "2026-11-15", 1,
                                      &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/rooms/area-warning", test_area_warning);
  g_test_add_func ("/app/rooms/rejects-bad-input", test_rejects_bad_input);
  g_test_add_func ("/app/rooms/caseworker-may-not-add", test_caseworker_may_not_add);
  g_test_add_func ("/app/rooms/list-counts-beds-used", test_list_counts_beds_used);

  g_test_add_func ("/app/rooms/area-rule-configurable", test_area_rule_configurable);
  g_test_add_func ("/app/rooms/update-audited", test_update_audited);
  g_test_add_func ("/app/rooms/update-stale", test_update_stale);
  g_test_add_func ("/app/rooms/update-rejects-bad-input", test_update_rejects_bad_input);
  g_test_add_func ("/app/rooms/caseworker-may-not-change", test_caseworker_may_not_change);
  g_test_add_func ("/app/rooms/update-keeps-beds-for-residents",
                   test_update_keeps_beds_for_residents);
  g_test_add_func ("/app/rooms/close-and-reopen", test_close_and_reopen);
  g_test_add_func ("/app/rooms/close-not-before-opening", test_close_not_before_opening);

  return g_test_run ();
}
