/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-capacity.h"
#include "shelter-compliance.h"
#include "shelter-ctl.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "test-common.h"

/* Occupancy history and compliance (issue 5). The clock of test sessions is fixed at
 * 2026-11-22 09:00 +07:00: the current month, November, counts the nights of 1 to 21. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *manager;
  ShelterSession *admin;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->admin = test_session_new (fixture->db, "administrator");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->db);
}

/* A room added through the use case, with its area, care and the days it opened and
 * closed (NULL: still open). */
static gint64
add_room (Fixture    *fixture,
          const char *code,
          const char *use,
          const char *age_group,
          guint       beds,
          double      area_m2,
          gboolean    care_24h,
          const char *opened_on,
          const char *closed_on)
{
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autoptr (GError) error = NULL;

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, code);
  shelter_room_set_building (room, "Nhà A");
  shelter_room_set_sex_use (room, use);
  shelter_room_set_age_group (room, age_group);
  shelter_room_set_beds (room, beds);
  shelter_room_set_area_m2 (room, area_m2);
  shelter_room_set_care_24h (room, care_24h);
  shelter_room_set_opened_on (room, opened_on);
  shelter_room_set_closed_on (room, closed_on);
  g_assert_true (shelter_rooms_add (fixture->admin, room, &error));
  g_assert_no_error (error);
  return shelter_room_get_id (room);
}

/* Received through the reception use case, which takes a past time of admission. */
static gint64
receive (Fixture    *fixture,
         const char *given,
         const char *sex,
         const char *birth,
         gint64      room,
         const char *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", sex[0] == 'f' ? "Thị" : "Văn",
                                                      given, sex, birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Lò Văn Pản");
  stay = shelter_receive_person (fixture->manager, person, intake, room, at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  return shelter_stay_get_id (stay);
}

static void
discharge (Fixture    *fixture,
           gint64      stay_id,
           const char *at)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (fixture->db, stay_id, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (stay);
  g_assert_true (shelter_discharge_stay (fixture->manager, stay, at, "goals_reached", &error));
  g_assert_no_error (error);
}

enum { GIRLS, BOYS, WOMEN, MEN, ELDERLY, FAMILIES };

static void
assert_cell (const ShelterOccupancyMonth *month,
             guint                        segment,
             guint                        occupied,
             guint                        available)
{
  const ShelterOccupancyCell *cell = &month->segments[segment];

  g_assert_cmpuint (cell->occupied, ==, occupied);
  g_assert_cmpuint (cell->available, ==, available);
  if (available == 0)
    g_assert_true (isnan (cell->rate));
  else
    g_assert_cmpfloat_with_epsilon (cell->rate, (double) occupied / available, 1e-9);
}

/* A small centre whose bed-nights are counted by hand.
 *
 * Rooms (all built through the use cases):
 *   A101 women, 2 beds, open since 2020, closed on 16/10/2026 (its last night: 15/10)
 *   A102 women, 3 beds, opened on 11/10/2026
 *   B201 boys,  2 beds, open since 2020
 * People (received and discharged through the use cases, with past times):
 *   Mai:  A101 from 01/10 08:00, discharged 10/10 09:00        -> A101 nights 1-9 Oct = 9
 *   Lan:  A101 from 05/10 10:00, moved to A102 on 12/10 15:00  -> A101 nights 5-11 Oct = 7,
 *         in hospital 03/11 to 06/11 (keeps her bed, counts)      A102 12-31 Oct = 20,
 *                                                                  A102 1-21 Nov = 21
 *   Cúc:  A102 from 20/10 08:00, discharged the same day 17:00 -> no night
 *   Hoa:  A102 from 20/11 20:00                                -> nights 20-21 Nov = 2
 *   Tuấn: B201 from 31/10 23:00, discharged 02/11 07:00        -> nights 31 Oct, 1 Nov = 1 + 1
 *
 * Women, September: available 30 nights x 2 beds (A101) = 60; occupied 0.
 * Women, October: available 15 x 2 (A101, 1-15) + 21 x 3 (A102, 11-31) = 30 + 63 = 93;
 *                 occupied 9 + 7 + 20 + 0 = 36, rate 36/93.
 * Women, November (1-21, today is the 22nd): available 21 x 3 (A102) = 63;
 *                 occupied 21 + 2 = 23, rate 23/63.
 * Boys: September 30 x 2 = 60, none; October 31 x 2 = 62, occupied 1; November 21 x 2 = 42,
 *       occupied 1. Other segments have no room: 0 of 0, no rate. */
static void
test_occupancy_history (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree ShelterOccupancyHistory *history = NULL;
  g_autoptr (GError) error = NULL;
  gint64 a101, a102, b201, mai, lan, cuc, tuan;

  a101 = add_room (fixture, "A101", "female", "adult", 2, 12, FALSE, "2020-01-01",
                   "2026-10-16");
  a102 = add_room (fixture, "A102", "female", "adult", 3, 18, FALSE, "2026-10-11", NULL);
  b201 = add_room (fixture, "B201", "male", "child", 2, 12, FALSE, "2020-01-01", NULL);

  mai = receive (fixture, "Mai", "female", "1992-03-04", a101, "2026-10-01T08:00:00+07:00");
  lan = receive (fixture, "Lan", "female", "1990-05-06", a101, "2026-10-05T10:00:00+07:00");
  discharge (fixture, mai, "2026-10-10T09:00:00+07:00");
  g_assert_true (shelter_move_resident (fixture->manager, lan, a102,
                                        "2026-10-12T15:00:00+07:00", "Phòng mới", NULL, &error));
  g_assert_no_error (error);
  cuc = receive (fixture, "Cúc", "female", "1993-07-08", a102, "2026-10-20T08:00:00+07:00");
  discharge (fixture, cuc, "2026-10-20T17:00:00+07:00");
  tuan = receive (fixture, "Tuấn", "male", "2014-09-10", b201, "2026-10-31T23:00:00+07:00");
  discharge (fixture, tuan, "2026-11-02T07:00:00+07:00");
  g_assert_cmpint (shelter_absence_start (fixture->manager, lan, "hospital",
                                          "2026-11-03T08:00:00+07:00", "2026-11-06", NULL,
                                          &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (shelter_absence_end (fixture->manager, lan, "2026-11-06T10:00:00+07:00",
                                      &error));
  g_assert_no_error (error);
  receive (fixture, "Hoa", "female", "1995-11-12", a102, "2026-11-20T20:00:00+07:00");

  history = shelter_capacity_occupancy_history (fixture->manager, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpstr (history->today, ==, "2026-11-22");
  g_assert_cmpuint (history->months, ==, 3);

  g_assert_cmpstr (history->month[0].month, ==, "2026-09");
  g_assert_cmpstr (history->month[0].first, ==, "2026-09-01");
  g_assert_cmpstr (history->month[0].last, ==, "2026-09-30");
  g_assert_cmpuint (history->month[0].nights, ==, 30);
  assert_cell (&history->month[0], WOMEN, 0, 60);
  assert_cell (&history->month[0], BOYS, 0, 60);
  assert_cell (&history->month[0], GIRLS, 0, 0);

  g_assert_cmpstr (history->month[1].month, ==, "2026-10");
  g_assert_cmpuint (history->month[1].nights, ==, 31);
  assert_cell (&history->month[1], WOMEN, 36, 93);
  assert_cell (&history->month[1], BOYS, 1, 62);
  assert_cell (&history->month[1], MEN, 0, 0);
  assert_cell (&history->month[1], ELDERLY, 0, 0);
  assert_cell (&history->month[1], FAMILIES, 0, 0);

  g_assert_cmpstr (history->month[2].month, ==, "2026-11");
  g_assert_cmpstr (history->month[2].last, ==, "2026-11-21");
  g_assert_cmpuint (history->month[2].nights, ==, 21);
  assert_cell (&history->month[2], WOMEN, 23, 63);
  assert_cell (&history->month[2], BOYS, 1, 42);

  /* Twelve months reach back to December 2025, when only A101 and B201 stood. */
  g_clear_pointer (&history, g_free);
  history = shelter_capacity_occupancy_history (fixture->manager, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (history->month[0].month, ==, "2025-12");
  assert_cell (&history->month[0], WOMEN, 0, 31 * 2);
  g_assert_cmpstr (history->month[11].month, ==, "2026-11");
  assert_cell (&history->month[10], WOMEN, 36, 93);
}

/* On the 1st of a month nothing of it is over: no night, no rate. */
static void
test_occupancy_first_of_month (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) first = g_date_time_new (vietnam, 2026, 12, 1, 6, 0, 0);
  g_autofree ShelterOccupancyHistory *history = NULL;
  g_autoptr (GError) error = NULL;

  add_room (fixture, "A101", "female", "adult", 2, 12, FALSE, "2020-01-01", NULL);
  shelter_session_set_clock (fixture->manager, first);
  history = shelter_capacity_occupancy_history (fixture->manager, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (history->month[0].month, ==, "2026-11");
  assert_cell (&history->month[0], WOMEN, 0, 30 * 2);
  g_assert_cmpstr (history->month[1].month, ==, "2026-12");
  g_assert_cmpuint (history->month[1].nights, ==, 0);
  assert_cell (&history->month[1], WOMEN, 0, 0);
}

/* A role without VIEW_ROOMS (none of the five has it withheld, so an account whose role
 * is unknown, as after a role is retired) is refused everything here. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ShelterSession) stranger = test_session_new (fixture->db, "volunteer");
  g_autoptr (GError) error = NULL;
  ShelterStaffRatios ratios;

  g_assert_false (shelter_session_may (stranger, SHELTER_PERMISSION_VIEW_ROOMS));
  g_assert_null (shelter_capacity_occupancy_history (stranger, 12, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_null (shelter_compliance_rooms (stranger, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_compliance_staff (stranger, &ratios, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

static void
set_setting (Fixture    *fixture,
             const char *key,
             const char *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_settings_set (fixture->admin, key, value, &error));
  g_assert_no_error (error);
}

static const ShelterRoomCompliance *
find_compliance (GPtrArray  *rooms,
                 const char *code)
{
  for (guint i = 0; i < rooms->len; i++)
    {
      const ShelterRoomCompliance *room = g_ptr_array_index (rooms, i);

      if (g_str_equal (shelter_room_get_code (room->room), code))
        return room;
    }
  return NULL;
}

/* 20 m² with 4 beds gives 5 m² a bed, under the 6 m² of the rules: the area allows 3
 * (floor (20 / 6)), so the beds and the 4 residents placed now are flagged. 16 m² of
 * 24-hour care with 2 beds gives 8 m² a bed, exactly the 8 m² required: not flagged. */
static void
test_compliance_rooms (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  const ShelterRoomCompliance *crowded, *care, *closed;
  gint64 a201;

  /* The room was built when the centre counted 5 m² a resident; the rule is 6 m² now. */
  set_setting (fixture, SHELTER_SETTING_AREA_PER_RESIDENT, "5");
  a201 = add_room (fixture, "A201", "female", "adult", 4, 20, FALSE, "2020-01-01", NULL);
  set_setting (fixture, SHELTER_SETTING_AREA_PER_RESIDENT, "6");
  add_room (fixture, "Y101", "female", "elderly", 2, 16, TRUE, "2020-01-01", NULL);
  add_room (fixture, "Z101", "male", "adult", 2, 12, FALSE, "2020-01-01", "2026-01-01");
  receive (fixture, "Một", "female", "1990-01-01", a201, NULL);
  receive (fixture, "Hai", "female", "1991-01-01", a201, NULL);
  receive (fixture, "Ba", "female", "1992-01-01", a201, NULL);
  receive (fixture, "Bốn", "female", "1993-01-01", a201, NULL);

  rooms = shelter_compliance_rooms (fixture->manager, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rooms);
  /* Open rooms only. */
  g_assert_cmpuint (rooms->len, ==, 2);
  closed = find_compliance (rooms, "Z101");
  g_assert_null (closed);

  crowded = find_compliance (rooms, "A201");
  g_assert_nonnull (crowded);
  g_assert_cmpfloat (crowded->area_m2, ==, 20.0);
  g_assert_cmpuint (crowded->beds, ==, 4);
  g_assert_cmpuint (crowded->residents, ==, 4);
  g_assert_cmpfloat_with_epsilon (crowded->m2_per_bed, 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (crowded->m2_per_resident, 5.0, 1e-9);
  g_assert_cmpfloat (crowded->required_m2, ==, 6.0);
  g_assert_cmpuint (crowded->max_beds, ==, 3);
  g_assert_true (crowded->beds_exceed);
  g_assert_true (crowded->residents_exceed);

  care = find_compliance (rooms, "Y101");
  g_assert_nonnull (care);
  g_assert_cmpuint (care->beds, ==, 2);
  g_assert_cmpuint (care->residents, ==, 0);
  g_assert_cmpfloat_with_epsilon (care->m2_per_bed, 8.0, 1e-9);
  g_assert_true (isnan (care->m2_per_resident));
  g_assert_cmpfloat (care->required_m2, ==, 8.0);
  g_assert_cmpuint (care->max_beds, ==, 2);
  g_assert_false (care->beds_exceed);
  g_assert_false (care->residents_exceed);
}

/* No staff entered: no ratio. 10 residents and 4 caregivers: 2.5 residents per caregiver;
 * a count of 0 is "not entered". */
static void
test_compliance_staff (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const names[] = { "Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám",
                                       "Chín", "Mười" };
  g_autoptr (GError) error = NULL;
  ShelterStaffRatios ratios;
  gint64 rooms[2];

  g_assert_true (shelter_compliance_staff (fixture->manager, &ratios, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ratios.n_entered, ==, 0);
  g_assert_cmpuint (ratios.residents, ==, 0);
  for (guint r = 0; r < SHELTER_STAFF_N_ROLES; r++)
    {
      g_assert_cmpuint (ratios.staff[r], ==, 0);
      g_assert_true (isnan (ratios.residents_per_staff[r]));
    }

  rooms[0] = test_add_room (fixture->manager, "A101", "female", "adult", 5);
  rooms[1] = test_add_room (fixture->manager, "A102", "female", "adult", 5);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    receive (fixture, names[i], "female", "1990-01-01", rooms[i % 2], NULL);
  set_setting (fixture, SHELTER_SETTING_STAFF_CAREGIVERS, "4");
  set_setting (fixture, SHELTER_SETTING_STAFF_COUNSELLORS, "0");

  g_assert_true (shelter_compliance_staff (fixture->manager, &ratios, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ratios.residents, ==, 10);
  g_assert_cmpuint (ratios.n_entered, ==, 1);
  g_assert_cmpuint (ratios.staff[SHELTER_STAFF_CAREGIVERS], ==, 4);
  g_assert_cmpfloat_with_epsilon (ratios.residents_per_staff[SHELTER_STAFF_CAREGIVERS], 2.5,
                                  1e-9);
  g_assert_true (isnan (ratios.residents_per_staff[SHELTER_STAFF_COUNSELLORS]));
  g_assert_true (isnan (ratios.residents_per_staff[SHELTER_STAFF_MEDICAL]));
}

/* `shelterctl occupancy DB --months 2`, run in a child process through the command's own
 * function. shelterctl uses the real clock, so the check is on last month, complete: the
 * 2 beds of a room open since 2020 over all its nights, none used. */
static void
test_ctl_occupancy (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (ShelterDb) db = test_db_new ();
      g_autoptr (ShelterSession) session = test_session_new (db, "manager");
      char *argv[] = { "shelterctl", "occupancy", NULL, "--months", "2", NULL };
      g_autofree char *path = g_strdup (shelter_db_get_path (db));

      test_add_room (session, "A101", "female", "adult", 2);
      g_clear_object (&session);
      g_clear_object (&db);
      argv[2] = path;
      g_setenv ("LC_ALL", "C", TRUE);
      exit (shelter_ctl_run (G_N_ELEMENTS (argv) - 1, argv));
    }
  else
    {
      g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
      g_autoptr (GDateTime) now = g_date_time_new_now (vietnam);
      g_autoptr (GDateTime) last_month = g_date_time_add_months (now, -1);
      g_autofree char *month = g_date_time_format (last_month, "%Y-%m");
      GDate date;
      g_autofree char *women = NULL;
      g_autofree char *women_pattern = NULL;
      g_autofree char *men_pattern = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, g_date_time_get_month (last_month),
                      g_date_time_get_year (last_month));
      women = g_strdup_printf ("\n%s\twomen\t0\t%u\t0.000\n", month,
                               2 * g_date_get_days_in_month (g_date_get_month (&date),
                                                             g_date_get_year (&date)));
      women_pattern = g_strconcat ("*", women, "*", NULL);
      /* Segments without a room have no rate. */
      men_pattern = g_strdup_printf ("*\n%s\tmen\t0\t0\t-\n*", month);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("# month\tcode\toccupied\tavailable\trate\n*");
      g_test_trap_assert_stdout (women_pattern);
      g_test_trap_assert_stdout (men_pattern);
    }
}

static void
test_ctl_occupancy_months (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (ShelterDb) db = test_db_new ();
      char *argv[] = { "shelterctl", "occupancy", NULL, "--months", "25", NULL };
      g_autofree char *path = g_strdup (shelter_db_get_path (db));

      g_clear_object (&db);
      argv[2] = path;
      g_setenv ("LC_ALL", "C", TRUE);
      exit (shelter_ctl_run (G_N_ELEMENTS (argv) - 1, argv));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*--months must be between 1 and 24.*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/app/capacity/occupancy-history", Fixture, NULL,
              fixture_set_up, test_occupancy_history, fixture_tear_down);
  g_test_add ("/app/capacity/occupancy-first-of-month", Fixture, NULL,
              fixture_set_up, test_occupancy_first_of_month, fixture_tear_down);
  g_test_add ("/app/capacity/refused-without-view-rooms", Fixture, NULL,
              fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/app/compliance/rooms-area", Fixture, NULL,
              fixture_set_up, test_compliance_rooms, fixture_tear_down);
  g_test_add ("/app/compliance/staff-ratios", Fixture, NULL,
              fixture_set_up, test_compliance_staff, fixture_tear_down);
  g_test_add_func ("/ctl/occupancy/prints-months", test_ctl_occupancy);
  g_test_add_func ("/ctl/occupancy/refuses-too-many-months", test_ctl_occupancy_months);

  return g_test_run ();
}
