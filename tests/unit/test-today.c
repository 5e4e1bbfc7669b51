/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-today.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *admin;
  gint64          women;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->women = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static ShelterStay *
receive (Fixture    *fixture,
         const char *given,
         const char *at,
         gboolean    protected)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_person_set_high_protection (person, protected);
  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->women, at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

static GPtrArray *
movements (ShelterSession *session,
           const char     *on)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = shelter_today_movements (session, on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* Who came today and who left today, each once, in that order and by time; not who came
 * yesterday; a voided stay not at all. */
static void
test_arrivals_and_departures (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (ShelterStay) yesterday = receive (fixture, "Mai", "2026-11-21T16:00:00+07:00",
                                               FALSE);
  g_autoptr (ShelterStay) late = receive (fixture, "Lan", "2026-11-22T08:40:00+07:00", FALSE);
  g_autoptr (ShelterStay) early = receive (fixture, "Hoa", "2026-11-22T07:15:00+07:00", FALSE);
  g_autoptr (ShelterStay) leaving = receive (fixture, "Súa", "2026-10-01T10:00:00+07:00",
                                             FALSE);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) other_day = NULL;
  g_autoptr (GError) error = NULL;
  ShelterTodayMovement *m;

  g_assert_true (shelter_discharge_stay (fixture->caseworker, leaving,
                                         "2026-11-22T08:50:00+07:00", "goals_reached", &error));
  g_assert_no_error (error);

  list = movements (fixture->caseworker, NULL);
  g_assert_cmpuint (list->len, ==, 3);
  m = g_ptr_array_index (list, 0);
  g_assert_cmpint (m->kind, ==, SHELTER_TODAY_ARRIVAL);
  g_assert_cmpint (m->stay_id, ==, shelter_stay_get_id (early));
  g_assert_cmpstr (m->resident_name, ==, "Lò Thị Hoa");
  g_assert_cmpstr (m->room, ==, "A101");
  m = g_ptr_array_index (list, 1);
  g_assert_cmpint (m->kind, ==, SHELTER_TODAY_ARRIVAL);
  g_assert_cmpint (m->stay_id, ==, shelter_stay_get_id (late));
  m = g_ptr_array_index (list, 2);
  g_assert_cmpint (m->kind, ==, SHELTER_TODAY_DEPARTURE);
  g_assert_cmpint (m->stay_id, ==, shelter_stay_get_id (leaving));
  g_assert_cmpstr (m->resident_name, ==, "Lò Thị Súa");
  g_assert_cmpstr (m->detail, ==, "goals_reached");
  g_assert_cmpstr (m->room, ==, "A101");
  g_assert_true (g_str_has_prefix (m->at, "2026-11-22T08:50"));

  /* Yesterday: Mai only. */
  other_day = movements (fixture->caseworker, "2026-11-21");
  g_assert_cmpuint (other_day->len, ==, 1);
  g_assert_cmpint (((ShelterTodayMovement *) g_ptr_array_index (other_day, 0))->stay_id, ==,
                   shelter_stay_get_id (yesterday));
}

/* An absence planned to end today is listed until she is back. */
static void
test_returns (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-01T10:00:00+07:00", FALSE);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  ShelterTodayMovement *m;

  g_assert_cmpint (shelter_absence_start (fixture->caseworker, shelter_stay_get_id (stay),
                                          "hospital", "2026-11-20T10:00:00+07:00",
                                          "2026-11-22", NULL, &error), >, 0);
  g_assert_no_error (error);
  list = movements (fixture->caseworker, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  m = g_ptr_array_index (list, 0);
  g_assert_cmpint (m->kind, ==, SHELTER_TODAY_RETURN);
  g_assert_cmpstr (m->detail, ==, "hospital");
  g_assert_cmpstr (m->at, ==, "2026-11-22");

  g_assert_true (shelter_absence_end (fixture->caseworker, shelter_stay_get_id (stay),
                                      "2026-11-22T08:00:00+07:00", &error));
  g_assert_no_error (error);
  after = movements (fixture->caseworker, NULL);
  g_assert_cmpuint (after->len, ==, 0);
}

/* A resident under high protection: the case code for a caseworker, with no name, room or
 * reason; all of it for the manager. */
static void
test_protected_withheld (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-22T08:00:00+07:00", TRUE);
  g_autoptr (GPtrArray) seen_by_caseworker = movements (fixture->caseworker, NULL);
  g_autoptr (GPtrArray) seen_by_manager = movements (fixture->manager, NULL);
  ShelterTodayMovement *m;

  g_assert_cmpuint (seen_by_caseworker->len, ==, 1);
  m = g_ptr_array_index (seen_by_caseworker, 0);
  g_assert_nonnull (m->case_code);
  g_assert_null (m->resident_name);
  g_assert_null (m->room);
  m = g_ptr_array_index (seen_by_manager, 0);
  g_assert_cmpstr (m->resident_name, ==, "Lò Thị Mai");
  g_assert_cmpstr (m->room, ==, "A101");
}

/* The administrator does not see residents. */
static void
test_refused_to_administrator (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = shelter_today_movements (fixture->admin, NULL, &error);

  g_assert_null (list);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/today/arrivals-and-departures", test_arrivals_and_departures);
  ADD ("/app/today/returns", test_returns);
  ADD ("/app/today/protected-withheld", test_protected_withheld);
  ADD ("/app/today/refused-to-administrator", test_refused_to_administrator);
#undef ADD

  return g_test_run ();
}
