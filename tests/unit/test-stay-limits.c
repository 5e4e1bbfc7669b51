/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shelter-capacity.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "shelter-stay-limits.h"
#include "test-common.h"

/* The placement rules the centre configures: stay limits with their legal basis, the age
 * groups of rooms, and the settings behind room areas, family rooms and staff ratios. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *manager;
  ShelterSession *caseworker;
  ShelterSession *administrator;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->administrator = test_session_new (fixture->db, "administrator");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->administrator);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->db);
}

static void
set_day (ShelterSession *session,
         int             month,
         int             day)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new (vietnam, 2026, month, day, 9, 0, 0);

  shelter_session_set_clock (session, now);
}

static guint
limit_days_today (ShelterSession *session)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GError) error = NULL;

  forecast = shelter_capacity_forecast (session, 4, &error);
  g_assert_no_error (error);
  /* The women's segment: every segment carries the same limit. */
  return forecast->segments[2].stay_limit_days;
}

/* The flag of the only stay flagged, and the day its limit is reached. */
static const char *
only_flag (ShelterSession  *session,
           char           **limit_on)
{
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  ShelterPlacementFlag *flag;

  flags = shelter_placement_flags (session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  flag = g_ptr_array_index (flags, 0);
  *limit_on = g_strdup (flag->limit_on);
  return g_intern_string (flag->kind);
}

static ShelterStay *
receive_adult (ShelterSession *session,
               gint64          room,
               const char     *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                      "1990-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (session, person, intake, room, at, &error);
  g_assert_no_error (error);
  return stay;
}

/* A new limit of 120 days from 01/12/2026 ends the default one on 30/11/2026; the planning
 * code counts with 90 days up to that day and with 120 from the next. */
static void
test_new_limit_ends_the_old (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) limits = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autofree char *limit_on = NULL;
  const ShelterStayLimit *limit;
  gint64 id;
  gint64 women;

  women = test_add_room (fixture->manager, "A101", "female", "adult", 2);
  /* 82 days before the fixed day: flagged as nearing the limit. */
  stay = receive_adult (fixture->caseworker, women, "2026-09-01T09:00:00+07:00");

  id = shelter_stay_limits_add (fixture->manager, "emergency_protection", 120,
                                "  Quyết định số 15/2026/QĐ-UBND   ngày 10/11/2026 ", "2026-12-01",
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  limits = shelter_stay_limits_list (fixture->caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 3);
  /* Emergency protection first, the newest first. */
  limit = g_ptr_array_index (limits, 0);
  g_assert_cmpint (limit->id, ==, id);
  g_assert_cmpstr (limit->kind, ==, "emergency_protection");
  g_assert_cmpuint (limit->days, ==, 120);
  g_assert_cmpstr (limit->legal_basis, ==, "Quyết định số 15/2026/QĐ-UBND ngày 10/11/2026");
  g_assert_cmpstr (limit->valid_from, ==, "2026-12-01");
  g_assert_null (limit->valid_to);
  limit = g_ptr_array_index (limits, 1);
  g_assert_cmpstr (limit->kind, ==, "emergency_protection");
  g_assert_cmpuint (limit->days, ==, 90);
  g_assert_cmpstr (limit->valid_from, ==, "2000-01-01");
  g_assert_cmpstr (limit->valid_to, ==, "2026-11-30");
  /* The meals limit is untouched. */
  limit = g_ptr_array_index (limits, 2);
  g_assert_cmpstr (limit->kind, ==, "funded_meals");
  g_assert_cmpuint (limit->days, ==, 60);
  g_assert_null (limit->valid_to);

  g_assert_cmpuint (shelter_stay_limits_find (limits, "emergency_protection", "2026-11-30")->days,
                    ==, 90);
  g_assert_cmpuint (shelter_stay_limits_find (limits, "emergency_protection", "2026-12-01")->days,
                    ==, 120);
  g_assert_cmpuint (shelter_stay_limits_find (limits, "funded_meals", "2026-12-01")->days, ==, 60);
  g_assert_null (shelter_stay_limits_find (limits, "emergency_protection", "1999-12-31"));

  /* What the planning code counts with, day by day. */
  g_assert_cmpuint (limit_days_today (fixture->manager), ==, 90);
  set_day (fixture->manager, 11, 30);
  g_assert_cmpuint (limit_days_today (fixture->manager), ==, 90);
  set_day (fixture->manager, 12, 1);
  g_assert_cmpuint (limit_days_today (fixture->manager), ==, 120);

  /* The stay of 01/09 reaches 90 days on 30/11: passed on that day; from 01/12 the limit is
   * 120 days, reached on 30/12. */
  set_day (fixture->caseworker, 11, 30);
  g_assert_cmpstr (only_flag (fixture->caseworker, &limit_on), ==, "limit_passed");
  g_assert_cmpstr (limit_on, ==, "2026-11-30");
  g_clear_pointer (&limit_on, g_free);
  set_day (fixture->caseworker, 12, 1);
  g_assert_cmpstr (only_flag (fixture->caseworker, &limit_on), ==, "limit_near");
  g_assert_cmpstr (limit_on, ==, "2026-12-30");

  /* On record, with what it ended. */
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'create' "
                               "AND entity = 'stay_limit' AND actor = 'test.manager' "
                               "AND details LIKE '%days: 120%' "
                               "AND details LIKE '%valid_from: 2026-12-01%' "
                               "AND details LIKE '%on 2026-11-30%'"),
                   ==, 1);
}

/* A limit recorded for later is followed, not the one in force today. */
static void
test_follows_a_later_limit (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (GPtrArray) limits = NULL;
  g_autoptr (GError) error = NULL;
  const ShelterStayLimit *limit;

  g_assert_cmpint (shelter_stay_limits_add (fixture->administrator, "funded_meals", 45,
                                            "Nghị định 20/2021/NĐ-CP", "2027-01-01", &error),
                   >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (shelter_stay_limits_add (fixture->manager, "funded_meals", 30,
                                            "Nghị định 76/2024/NĐ-CP", "2026-12-15", &error),
                   ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_STAY_LIMIT_FROM);
  g_assert_nonnull (strstr (error->message, "01/01/2027"));
  g_clear_error (&error);

  g_assert_cmpint (shelter_stay_limits_add (fixture->manager, "funded_meals", 30,
                                            "Nghị định 76/2024/NĐ-CP", "2027-01-01", &error),
                   ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_STAY_LIMIT_FROM);
  g_clear_error (&error);

  g_assert_cmpint (shelter_stay_limits_add (fixture->manager, "funded_meals", 30,
                                            "Nghị định 76/2024/NĐ-CP", "2027-03-01", &error),
                   >, 0);
  g_assert_no_error (error);

  limits = shelter_stay_limits_list (fixture->manager, &error);
  g_assert_no_error (error);
  /* 30 days from 01/03/2027, 45 days in January and February, 60 before. */
  limit = shelter_stay_limits_find (limits, "funded_meals", "2027-02-28");
  g_assert_cmpuint (limit->days, ==, 45);
  g_assert_cmpstr (limit->valid_to, ==, "2027-02-28");
  g_assert_cmpuint (shelter_stay_limits_find (limits, "funded_meals", "2027-03-01")->days, ==, 30);
  limit = shelter_stay_limits_find (limits, "funded_meals", "2026-12-31");
  g_assert_cmpuint (limit->days, ==, 60);
  g_assert_cmpstr (limit->valid_to, ==, "2026-12-31");
}

static void
assert_refused (ShelterSession *session,
                const char     *kind,
                guint           days,
                const char     *basis,
                const char     *valid_from,
                ShelterField    field,
                const char     *starts_with)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (shelter_stay_limits_add (session, kind, days, basis, valid_from, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, (int) field);
  g_assert_true (g_str_has_prefix (error->message, starts_with));
}

static void
test_add_refusals (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *basis = "Nghị định 103/2017/NĐ-CP ngày 12/9/2017";
  g_autofree char *too_long = g_strnfill (301, 'x');
  g_autoptr (GError) error = NULL;
  gint64 audited = test_count (fixture->db, "SELECT count(*) FROM audit_log");

  assert_refused (fixture->manager, "emergency_protection", 0, basis, "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_DAYS, "Days:");
  assert_refused (fixture->manager, "emergency_protection", 3651, basis, "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_DAYS, "Days:");
  assert_refused (fixture->manager, "emergency_protection", 120, "", "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_BASIS, "Legal basis:");
  assert_refused (fixture->manager, "emergency_protection", 120, "   ", "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_BASIS, "Legal basis:");
  assert_refused (fixture->manager, "emergency_protection", 120, NULL, "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_BASIS, "Legal basis:");
  assert_refused (fixture->manager, "emergency_protection", 120, too_long, "2026-12-01",
                  SHELTER_FIELD_STAY_LIMIT_BASIS, "Legal basis:");
  assert_refused (fixture->manager, "emergency_protection", 120, basis, "2026-02-30",
                  SHELTER_FIELD_STAY_LIMIT_FROM, "Valid from:");
  assert_refused (fixture->manager, "emergency_protection", 120, basis, "01/12/2026",
                  SHELTER_FIELD_STAY_LIMIT_FROM, "Valid from:");
  assert_refused (fixture->manager, "emergency_protection", 120, basis, NULL,
                  SHELTER_FIELD_STAY_LIMIT_FROM, "Valid from:");
  /* Before the default limit in force since 01/01/2000: the past is not rewritten. */
  assert_refused (fixture->manager, "emergency_protection", 120, basis, "1999-12-31",
                  SHELTER_FIELD_STAY_LIMIT_FROM,
                  "Valid from: a new limit cannot start before the one in force (01/01/2000).");

  g_assert_cmpint (shelter_stay_limits_add (fixture->manager, "meals", 30, basis, "2026-12-01",
                                            &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_clear_error (&error);

  /* A caseworker reads the limits but does not set them. */
  g_assert_cmpint (shelter_stay_limits_add (fixture->caseworker, "emergency_protection", 120,
                                            basis, "2026-12-01", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Nothing written, nothing on record. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM stay_limit"), ==, 2);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM stay_limit "
                                            "WHERE valid_to IS NOT NULL"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log"), ==, audited);
}

static void
assert_bands_refused (ShelterSession        *session,
                      const ShelterAgeBands *bands,
                      const char            *says)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_age_bands_save (session, bands, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_AGE_BANDS);
  g_assert_true (g_str_has_prefix (error->message, "Age groups:"));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_age_bands (Fixture       *fixture,
                gconstpointer  data)
{
  ShelterAgeBands overlap = { { 0, 16, 17, 60 }, { 15, 17, 59, -1 } };
  ShelterAgeBands gap = { { 0, 16, 19, 60 }, { 15, 17, 59, -1 } };
  ShelterAgeBands moved = { { 0, 16, 18, 65 }, { 15, 17, 64, -1 } };
  ShelterAgeBands loaded;
  g_autoptr (GError) error = NULL;

  assert_bands_refused (fixture->manager, &overlap, "overlap");
  assert_bands_refused (fixture->manager, &gap, "belong to no group");

  g_assert_true (shelter_age_bands_load (fixture->db, &loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loaded.min_age[2], ==, 18);
  g_assert_cmpint (loaded.max_age[2], ==, 59);

  g_assert_false (shelter_age_bands_save (fixture->caseworker, &moved, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_true (shelter_age_bands_save (fixture->manager, &moved, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_age_bands_load (fixture->db, &loaded, &error));
  g_assert_cmpint (loaded.max_age[2], ==, 64);
  g_assert_cmpint (loaded.min_age[3], ==, 65);
  g_assert_cmpint (loaded.max_age[3], ==, -1);
}

static void
assert_setting_refused (ShelterSession *session,
                        const char     *key,
                        const char     *value,
                        GQuark          domain,
                        int             code)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_settings_set (session, key, value, &error));
  g_assert_error (error, domain, code);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  const char *keys[] = {
    SHELTER_SETTING_AREA_PER_RESIDENT, SHELTER_SETTING_AREA_PER_RESIDENT_CARE,
    SHELTER_SETTING_CHILD_WITH_PARENT_AGE, SHELTER_SETTING_STAFF_CAREGIVERS,
    SHELTER_SETTING_STAFF_SOCIAL_WORKERS, SHELTER_SETTING_STAFF_MEDICAL,
    SHELTER_SETTING_STAFF_COUNSELLORS,
  };
  g_autoptr (GError) error = NULL;

  /* An administrator's settings: a manager is refused. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    assert_setting_refused (fixture->manager, keys[i], "7", SHELTER_APP_ERROR,
                            SHELTER_APP_ERROR_PERMISSION_DENIED);

  assert_setting_refused (fixture->administrator, SHELTER_SETTING_AREA_PER_RESIDENT, "0",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  assert_setting_refused (fixture->administrator, SHELTER_SETTING_AREA_PER_RESIDENT_CARE, "abc",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  assert_setting_refused (fixture->administrator, SHELTER_SETTING_CHILD_WITH_PARENT_AGE, "0",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  assert_setting_refused (fixture->administrator, SHELTER_SETTING_CHILD_WITH_PARENT_AGE, "18",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  assert_setting_refused (fixture->administrator, SHELTER_SETTING_STAFF_CAREGIVERS, "-1",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  assert_setting_refused (fixture->administrator, SHELTER_SETTING_STAFF_MEDICAL, "two",
                          SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);

  /* Nothing stored: the defaults hold. */
  g_assert_cmpfloat (shelter_rooms_area_per_resident (fixture->db, FALSE), ==, 6.0);
  g_assert_cmpfloat (shelter_rooms_area_per_resident (fixture->db, TRUE), ==, 8.0);
  g_assert_cmpint (shelter_settings_get_int (fixture->db, SHELTER_SETTING_CHILD_WITH_PARENT_AGE,
                                             6), ==, 6);

  g_assert_true (shelter_settings_set (fixture->administrator, SHELTER_SETTING_AREA_PER_RESIDENT,
                                       "6.5", &error));
  g_assert_no_error (error);
  g_assert_true (shelter_settings_set (fixture->administrator,
                                       SHELTER_SETTING_CHILD_WITH_PARENT_AGE, "7", &error));
  g_assert_true (shelter_settings_set (fixture->administrator, SHELTER_SETTING_STAFF_CAREGIVERS,
                                       "0", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (shelter_rooms_area_per_resident (fixture->db, FALSE), ==, 6.5);
  g_assert_cmpint (shelter_settings_get_int (fixture->db, SHELTER_SETTING_CHILD_WITH_PARENT_AGE,
                                             6), ==, 7);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'setting' "
                               "AND actor = 'test.administrator'"),
                   ==, 3);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/app/stay-limits/new-limit-ends-the-old", test_new_limit_ends_the_old);
  ADD_TEST ("/app/stay-limits/follows-a-later-limit", test_follows_a_later_limit);
  ADD_TEST ("/app/stay-limits/refusals", test_add_refusals);
  ADD_TEST ("/app/placement/age-bands-refuse-overlap-and-gap", test_age_bands);
  ADD_TEST ("/app/settings/placement-rules-admin-only-and-checked", test_settings);

  return g_test_run ();
}
