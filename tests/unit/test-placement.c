/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shelter-capacity.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "test-common.h"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;   /* a caseworker */
  ShelterSession *manager;
  gint64          women;
  gint64          men;
  gint64          girls;
  gint64          family;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->session = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->women = test_add_room (fixture->session, "A101", "female", "adult", 2);
  fixture->men = test_add_room (fixture->session, "B101", "male", "adult", 4);
  fixture->girls = test_add_room (fixture->session, "A102", "female", "child", 4);
  fixture->family = test_add_room (fixture->session, "C101", "family", "any", 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

static ShelterStay *
receive (Fixture     *fixture,
         const char  *given,
         const char  *birth,
         gint64       room,
         const char  *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  /* For a child, a parent or guardian consents. */
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Lò Văn Pản");
  stay = shelter_receive_person (fixture->session, person, intake, room, at, &error);
  g_assert_no_error (error);
  return stay;
}

static const char *
reason_for (GPtrArray  *options,
            const char *code)
{
  for (guint i = 0; i < options->len; i++)
    {
      ShelterPlacementOption *option = g_ptr_array_index (options, i);

      if (g_str_equal (shelter_room_get_code (option->room), code))
        return option->reason;
    }
  g_assert_not_reached ();
}

/* Bands follow each other from 0 without gap or overlap; a change moves people between
 * groups. */
static void
test_age_bands (Fixture       *fixture,
                gconstpointer  data)
{
  ShelterAgeBands bands, changed;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (shelter_age_bands_load (fixture->db, &bands, &error));
  g_assert_cmpstr (shelter_age_bands_group (&bands, 15), ==, "child");
  g_assert_cmpstr (shelter_age_bands_group (&bands, 16), ==, "youth");
  g_assert_cmpstr (shelter_age_bands_group (&bands, 60), ==, "elderly");
  g_assert_null (shelter_age_bands_group (&bands, -1));
  label = shelter_age_bands_label (&bands, "youth");
  g_assert_cmpstr (label, ==, "for 16-17");
  g_clear_pointer (&label, g_free);
  label = shelter_age_bands_label (&bands, "child");
  g_assert_cmpstr (label, ==, "for under 16");

  changed = bands;
  changed.max_age[0] = 14;
  /* 15 now belongs to no group. */
  g_assert_false (shelter_age_bands_save (fixture->manager, &changed, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_AGE_BANDS);
  g_clear_error (&error);
  changed.max_age[0] = 16;
  /* 16 in two groups. */
  g_assert_false (shelter_age_bands_save (fixture->manager, &changed, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_AGE_BANDS);
  g_clear_error (&error);
  /* Adults up to 150 would leave the elderly starting at 151: refused by name, not by the
   * database. */
  changed = bands;
  changed.max_age[2] = 150;
  changed.min_age[3] = 151;
  g_assert_false (shelter_age_bands_save (fixture->manager, &changed, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_AGE_BANDS);
  g_clear_error (&error);
  changed = bands;
  changed.min_age[0] = 1;
  g_assert_false (shelter_age_bands_save (fixture->manager, &changed, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_AGE_BANDS);
  g_clear_error (&error);

  changed = bands;
  changed.max_age[0] = 14;
  changed.min_age[1] = 15;
  g_assert_false (shelter_age_bands_save (fixture->session, &changed, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (shelter_age_bands_save (fixture->manager, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_age_bands_load (fixture->db, &bands, &error));
  g_assert_cmpstr (shelter_age_bands_group (&bands, 15), ==, "youth");
  /* The rooms board and the room lists name the groups with the bounds now in force. */
  g_clear_pointer (&label, g_free);
  label = shelter_age_bands_title (&bands, "child");
  g_assert_cmpstr (label, ==, "Children under 15");
  g_clear_pointer (&label, g_free);
  label = shelter_age_bands_title (&bands, "youth");
  g_assert_cmpstr (label, ==, "Aged 15 to 17");
  g_clear_pointer (&label, g_free);
  label = shelter_age_bands_title (&bands, "elderly");
  g_assert_cmpstr (label, ==, "Elderly, 60 and over");
}

/* Each room comes with the reason it does not suit, in the desk's words. */
static void
test_options_explain (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) adult = NULL;
  g_autoptr (GPtrArray) girl = NULL;
  g_autoptr (GPtrArray) small_child = NULL;
  g_autoptr (ShelterStay) first = receive (fixture, "Một", "1990-01-01", fixture->women, NULL);
  g_autoptr (ShelterStay) second = receive (fixture, "Hai", "1991-01-01", fixture->women, NULL);
  g_autoptr (GError) error = NULL;

  adult = shelter_placement_options (fixture->session, "female", 30, "victim", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reason_for (adult, "A101"), ==, "full");
  g_assert_cmpstr (reason_for (adult, "B101"), ==, "male room");
  g_assert_cmpstr (reason_for (adult, "A102"), ==, "for under 16");
  g_assert_null (reason_for (adult, "C101"));

  girl = shelter_placement_options (fixture->session, "female", 15, "victim", NULL, &error);
  g_assert_null (reason_for (girl, "A102"));
  g_assert_cmpstr (reason_for (girl, "A101"), ==, "for 18-59");

  /* A four-year-old who came with the mother goes with her into a family room. */
  small_child = shelter_placement_options (fixture->session, "female", 4, "accompanying_minor",
                                           NULL, &error);
  g_assert_nonnull (strstr (reason_for (small_child, "A102"), "family room"));
  g_assert_null (reason_for (small_child, "C101"));
}

/* A room that does not suit: a manager may place there with a written reason; a caseworker
 * may not; the reason stays on the placement and in the audit trail. */
static void
test_override_at_reception (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (ShelterPerson) girl = test_person_new ("Sùng", "Thị", "Chơ", "female", "2011-05-05");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (girl, "victim");
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Sùng Thị Mỷ");

  stay = shelter_receive_person (fixture->session, girl, intake, fixture->women, NULL, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  g_clear_error (&error);
  stay = shelter_receive_person_overriding (fixture->session, girl, intake, fixture->women, NULL,
                                            "Phòng trẻ em đã đầy", &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  stay = shelter_receive_person_overriding (fixture->manager, girl, intake, fixture->women, NULL,
                                            "  ", &error);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_OVERRIDE_REASON);
  g_clear_error (&error);

  stay = shelter_receive_person_overriding (fixture->manager, girl, intake, fixture->women, NULL,
                                            "Phòng trẻ em đang sửa, ở cùng chị gái", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE override_reason "
                                            "= 'Phòng trẻ em đang sửa, ở cùng chị gái'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = 'admit' "
                                            "AND details LIKE '%override: Phòng trẻ em%'"), ==, 1);
}

static void
test_moves_keep_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Ba", "1995-01-01", fixture->women,
                                          "2026-11-10T09:00:00+07:00");
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_stay_get_id (stay);

  /* Refusals, each naming its field. */
  g_assert_false (shelter_move_resident (fixture->session, id, fixture->family,
                                         "2026-11-20T09:00:00+07:00", " ", NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_MOVE_REASON);
  g_clear_error (&error);
  g_assert_false (shelter_move_resident (fixture->session, id, fixture->family,
                                         "2026-11-09T09:00:00+07:00", "Ở cùng con", NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_MOVED_AT);
  g_clear_error (&error);
  g_assert_false (shelter_move_resident (fixture->session, id, fixture->family,
                                         "2026-12-20T09:00:00+07:00", "Ở cùng con", NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_MOVED_AT);
  g_clear_error (&error);
  g_assert_false (shelter_move_resident (fixture->session, id, fixture->women, NULL, "Không đổi",
                                         NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROOM);
  g_clear_error (&error);
  g_assert_false (shelter_move_resident (fixture->session, id, fixture->men, NULL, "Nhầm",
                                         NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  g_clear_error (&error);

  g_assert_true (shelter_move_resident (fixture->session, id, fixture->family,
                                        "2026-11-20T09:00:00+07:00", "Ở cùng con", NULL, &error));
  g_assert_no_error (error);
  /* From, to, when and why stay in the history. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE room_id = 1 AND "
                                            "ended_at = '2026-11-20T09:00:00+07:00'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE room_id = 4 AND "
                                            "reason = 'Ở cùng con' AND ended_at IS NULL"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = 'move' "
                                            "AND details LIKE '%from: A101%to: C101%'"), ==, 1);

  /* A manager may move her to a room that does not suit, with the reason kept. */
  g_assert_true (shelter_move_resident (fixture->manager, id, fixture->girls, NULL,
                                        "Chăm sóc các em nhỏ ban đêm",
                                        "Thiếu người trông trẻ đêm nay", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE room_id = 3 AND "
                                            "override_reason IS NOT NULL"), ==, 1);
}

/* Two desks, two connections to the same file, one free bed: the second is told the bed
 * was just taken, and nothing of hers is written. */
static void
test_race_for_last_bed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterStay) first = receive (fixture, "Bốn", "1990-01-01", fixture->women, NULL);
  g_autoptr (ShelterDb) other_db = shelter_db_open (shelter_db_get_path (fixture->db),
                                                    SHELTER_DB_OPEN_DEFAULT, NULL);
  g_autoptr (ShelterSession) other_desk = test_session_new (other_db, "caseworker");
  g_autoptr (ShelterPerson) late = test_person_new ("Vàng", "Thị", "Năm", "female", "1992-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) second = NULL;
  g_autoptr (ShelterStay) refused = NULL;
  g_autoptr (GPtrArray) seen = NULL;
  g_autoptr (GError) error = NULL;

  /* Both desks see the last bed free. */
  seen = shelter_placement_options (other_desk, "female", 33, "victim", NULL, &error);
  g_assert_null (reason_for (seen, "A101"));
  second = receive (fixture, "Sáu", "1993-01-01", fixture->women, NULL);

  shelter_intake_set_handed_over_by (intake, "self");
  refused = shelter_receive_person (other_desk, late, intake, fixture->women, NULL, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL);
  g_assert_nonnull (strstr (error->message, "just taken"));
  g_assert_null (refused);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person WHERE given_name = 'Năm'"),
                   ==, 0);
}

/* An absence keeps the bed, has a planned return, and is flagged once past it. */
static void
test_absences (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Bảy", "1988-01-01", fixture->women,
                                          "2026-11-01T09:00:00+07:00");
  g_autoptr (GArray) overdue = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_stay_get_id (stay);

  g_assert_cmpint (shelter_absence_start (fixture->session, id, "holiday", NULL, "2026-11-25",
                                          NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_KIND);
  g_clear_error (&error);
  g_assert_cmpint (shelter_absence_start (fixture->session, id, "hospital",
                                          "2026-11-15T08:00:00+07:00", "2026-11-14", NULL,
                                          &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_RETURN);
  g_clear_error (&error);
  g_assert_cmpint (shelter_absence_start (fixture->session, id, "hospital",
                                          "2026-10-15T08:00:00+07:00", "2026-11-14", NULL,
                                          &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_START);
  g_clear_error (&error);

  g_assert_cmpint (shelter_absence_start (fixture->session, id, "hospital",
                                          "2026-11-15T08:00:00+07:00", "2026-11-20",
                                          "Bệnh viện tỉnh, viêm phổi", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_absence_start (fixture->session, id, "court", NULL, "2026-11-30",
                                          NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_clear_error (&error);

  /* The bed stays hers: the room counts her as occupying it, and away. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE room_id = 1 "
                                            "AND ended_at IS NULL"), ==, 1);
  {
    g_autoptr (GPtrArray) rooms = shelter_rooms_occupancy_on (fixture->session, "2026-11-16",
                                                              &error);
    g_autoptr (GPtrArray) before = shelter_rooms_occupancy_on (fixture->session, "2026-10-31",
                                                               &error);
    ShelterRoomOccupancy *women = g_ptr_array_index (rooms, 0);
    ShelterRoomOccupancy *women_before = g_ptr_array_index (before, 0);

    g_assert_no_error (error);
    g_assert_cmpstr (shelter_room_get_code (women->room), ==, "A101");
    g_assert_cmpuint (women->occupied, ==, 1);
    g_assert_cmpuint (women->absent, ==, 1);
    g_assert_cmpuint (women->free, ==, 1);
    g_assert_cmpuint (women_before->occupied, ==, 0);
    g_assert_cmpuint (women_before->free, ==, 2);
  }
  /* Today is 22/11, past the planned return of 20/11: listed, and flagged on the absence. */
  {
    g_autoptr (ShelterAbsence) away = shelter_absence_get_open (fixture->session, id, &error);

    g_assert_no_error (error);
    g_assert_true (away->overdue);
  }
  overdue = shelter_absences_overdue (fixture->session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (g_array_index (overdue, gint64, 0), ==, id);

  g_assert_false (shelter_absence_end (fixture->session, id, "2026-11-14T08:00:00+07:00", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ABSENCE_RETURN);
  g_clear_error (&error);
  g_assert_true (shelter_absence_end (fixture->session, id, "2026-11-21T17:00:00+07:00", &error));
  g_assert_no_error (error);
  g_assert_false (shelter_absence_end (fixture->session, id, NULL, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_pointer (&overdue, g_array_unref);
  overdue = shelter_absences_overdue (fixture->session, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
}

/* Whether a resident is away now, and until when: for those who may see residents. */
static void
test_open_absence (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Tám", "1987-01-01", fixture->women,
                                          "2026-11-01T09:00:00+07:00");
  g_autoptr (ShelterSession) administrator = test_session_new (fixture->db, "administrator");
  g_autoptr (ShelterAbsence) absence = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_stay_get_id (stay);

  absence = shelter_absence_get_open (fixture->session, id, &error);
  g_assert_no_error (error);
  g_assert_null (absence);

  g_assert_cmpint (shelter_absence_start (fixture->session, id, "court",
                                          "2026-11-18T08:00:00+07:00", "2026-11-23", NULL,
                                          &error), >, 0);
  g_assert_no_error (error);
  absence = shelter_absence_get_open (fixture->session, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (absence);
  g_assert_cmpstr (absence->kind, ==, "court");
  g_assert_cmpstr (absence->started_at, ==, "2026-11-18T08:00:00+07:00");
  g_assert_cmpstr (absence->planned_return_on, ==, "2026-11-23");
  /* Due back tomorrow: not overdue yet. */
  g_assert_false (absence->overdue);
  g_clear_pointer (&absence, shelter_absence_free);

  absence = shelter_absence_get_open (administrator, id, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_null (absence);
  g_clear_error (&error);

  g_assert_true (shelter_absence_end (fixture->session, id, "2026-11-21T17:00:00+07:00",
                                      &error));
  absence = shelter_absence_get_open (fixture->session, id, &error);
  g_assert_no_error (error);
  g_assert_null (absence);
}

/* The forecast on a small centre worked out by hand. Today is 22/11/2026; the stay limit
 * is 90 days. Women's room A101 (2 beds): Một, received 01/09/2026, reaches her limit on
 * 30/11 (8 days: week 2); Hai, received 20/10/2026, on 18/01/2027 (57 days: week 9). Over
 * the last 52 weeks four women were received there (these two, and two who left), so 4/52
 * = 0.0769 arrivals a week; a new arrival stays the whole 12 weeks (90 days is 13 weeks).
 * Expected at the end of week 1: 2 + 0.0769 = 2.08; week 2: 2 - 1 + 0.154 = 1.15;
 * week 9: 0 + 0.692; week 12: 0.923. 2.08 passes 90% of 2 beds: an alert. */
static void
test_forecast_by_hand (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterStay) left_early = receive (fixture, "Ba", "1990-01-01", fixture->women,
                                                "2025-12-01T09:00:00+07:00");
  g_autoptr (ShelterStay) left_later = NULL;
  g_autoptr (ShelterStay) first = NULL;
  g_autoptr (ShelterStay) second = NULL;
  g_autoptr (ShelterStay) too_old = NULL;
  g_autofree ShelterCapacityForecast *forecast = NULL;
  ShelterCapacitySegment *women;
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge_stay (fixture->session, left_early, "2026-01-01T09:00:00+07:00",
                                         "goals_reached", &error));
  left_later = receive (fixture, "Bốn", "1990-01-01", fixture->women, "2026-01-10T09:00:00+07:00");
  g_assert_true (shelter_discharge_stay (fixture->session, left_later, "2026-02-10T09:00:00+07:00",
                                         "goals_reached", &error));
  /* Received more than 52 weeks ago: not counted in the arrival rate. */
  too_old = receive (fixture, "Năm", "1990-01-01", fixture->women, "2025-11-01T09:00:00+07:00");
  g_assert_true (shelter_discharge_stay (fixture->session, too_old, "2025-11-20T09:00:00+07:00",
                                         "goals_reached", &error));
  first = receive (fixture, "Một", "1990-01-01", fixture->women, "2026-09-01T09:00:00+07:00");
  second = receive (fixture, "Hai", "1991-01-01", fixture->women, "2026-10-20T09:00:00+07:00");

  forecast = shelter_capacity_forecast (fixture->session, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (forecast->today, ==, "2026-11-22");
  g_assert_cmpstr (shelter_capacity_segment_code (2), ==, "women");
  women = &forecast->segments[2];
  g_assert_cmpuint (women->beds, ==, 2);
  g_assert_cmpuint (women->occupied, ==, 2);
  g_assert_cmpuint (women->free, ==, 0);
  g_assert_cmpuint (women->stay_limit_days, ==, 90);
  g_assert_cmpfloat_with_epsilon (women->arrivals_per_week, 4.0 / 52, 1e-9);
  g_assert_cmpuint (women->departures[1], ==, 1);
  g_assert_cmpuint (women->departures[8], ==, 1);
  g_assert_cmpfloat_with_epsilon (women->expected[0], 2 + 4.0 / 52, 1e-9);
  g_assert_cmpfloat_with_epsilon (women->expected[1], 1 + 2 * 4.0 / 52, 1e-9);
  g_assert_cmpfloat_with_epsilon (women->expected[8], 0 + 9 * 4.0 / 52, 1e-9);
  g_assert_cmpfloat_with_epsilon (women->expected[11], 12 * 4.0 / 52, 1e-9);
  g_assert_true (shelter_capacity_segment_alert (forecast, 2));

  /* The men's room: 4 beds, nobody, no arrivals. */
  g_assert_cmpuint (forecast->segments[3].beds, ==, 4);
  g_assert_cmpfloat_with_epsilon (forecast->segments[3].expected[11], 0, 1e-9);
  g_assert_false (shelter_capacity_segment_alert (forecast, 3));
}

/* Who is in a room, in name order, with those away marked; a protected identity is masked
 * for a caseworker and shown to the manager. */
static void
test_room_residents (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (ShelterStay) hoa = receive (fixture, "Hoa", "1990-01-01", fixture->women,
                                         "2026-11-01T09:00:00+07:00");
  g_autoptr (ShelterPerson) protected_person = test_person_new ("Đỗ", "Thị", "An", "female",
                                                                "1992-02-02");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) an = NULL;
  g_autoptr (GPtrArray) seen = NULL;
  g_autoptr (GPtrArray) seen_by_manager = NULL;
  g_autoptr (GError) error = NULL;
  ShelterRoomResident *first, *second;

  shelter_person_set_high_protection (protected_person, TRUE);
  shelter_intake_set_handed_over_by (intake, "self");
  an = shelter_receive_person (fixture->session, protected_person, intake, fixture->women,
                               "2026-11-02T09:00:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_absence_start (fixture->session, shelter_stay_get_id (hoa), "court",
                                          "2026-11-21T08:00:00+07:00", "2026-11-23", NULL,
                                          &error), >, 0);

  seen = shelter_room_residents (fixture->session, fixture->women, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 2);
  /* "An" before "Hoa" by given name; her name is masked for the caseworker. */
  first = g_ptr_array_index (seen, 0);
  second = g_ptr_array_index (seen, 1);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (first->summary), ==,
                   "Protected identity");
  g_assert_false (first->absent);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (second->summary), ==, "Lò Thị Hoa");
  g_assert_true (second->absent);
  g_assert_cmpint (second->stay_id, ==, shelter_stay_get_id (hoa));

  seen_by_manager = shelter_room_residents (fixture->manager, fixture->women, &error);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (
                     ((ShelterRoomResident *) g_ptr_array_index (seen_by_manager, 0))->summary),
                   ==, "Đỗ Thị An");
}

static const ShelterPlacementFlag *
flag_of (GPtrArray *flags,
         gint64     stay_id)
{
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterPlacementFlag *flag = g_ptr_array_index (flags, i);

      if (flag->stay_id == stay_id)
        return flag;
    }
  return NULL;
}

/* From two months a stay is flagged before its 90-day limit; past it, until a manager
 * records a decision to extend; a girl who turned 16 in the room for under 16 is flagged
 * for a move. Today is 22/11/2026. */
static void
test_flags_and_extensions (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterStay) near = receive (fixture, "Gần", "1990-01-01", fixture->women,
                                          "2026-09-01T09:00:00+07:00");
  g_autoptr (ShelterStay) past = receive (fixture, "Quá", "1990-01-01", fixture->women,
                                          "2026-08-01T09:00:00+07:00");
  g_autoptr (ShelterStay) girl = receive (fixture, "Mai", "2010-11-20", fixture->girls,
                                          "2026-10-01T09:00:00+07:00");
  g_autoptr (ShelterStay) recent = receive (fixture, "Mới", "2012-01-01", fixture->girls,
                                            "2026-11-01T09:00:00+07:00");
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  const ShelterPlacementFlag *flag;

  flags = shelter_placement_flags (fixture->session, &error);
  g_assert_no_error (error);
  flag = flag_of (flags, shelter_stay_get_id (near));
  g_assert_nonnull (flag);
  g_assert_cmpstr (flag->kind, ==, "limit_near");
  g_assert_cmpstr (flag->limit_on, ==, "2026-11-30");
  flag = flag_of (flags, shelter_stay_get_id (past));
  g_assert_cmpstr (flag->kind, ==, "limit_passed");
  g_assert_cmpstr (flag->limit_on, ==, "2026-10-30");
  flag = flag_of (flags, shelter_stay_get_id (girl));
  g_assert_cmpstr (flag->kind, ==, "age_group");
  g_assert_null (flag_of (flags, shelter_stay_get_id (recent)));
  g_clear_pointer (&flags, g_ptr_array_unref);

  /* A resident's page asks for one stay and sees the same flag, and only that one. */
  flags = shelter_placement_flags_for_stay (fixture->session, shelter_stay_get_id (girl), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpstr (flag_of (flags, shelter_stay_get_id (girl))->kind, ==, "age_group");
  g_clear_pointer (&flags, g_ptr_array_unref);
  flags = shelter_placement_flags_for_stay (fixture->session, shelter_stay_get_id (past), &error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpstr (flag_of (flags, shelter_stay_get_id (past))->kind, ==, "limit_passed");
  g_clear_pointer (&flags, g_ptr_array_unref);
  flags = shelter_placement_flags_for_stay (fixture->session, shelter_stay_get_id (recent), &error);
  g_assert_cmpuint (flags->len, ==, 0);
  g_clear_pointer (&flags, g_ptr_array_unref);
  /* The administrator keeps the accounts, not the residents: refused, for one stay too. */
  {
    g_autoptr (ShelterSession) administrator = test_session_new (fixture->db, "administrator");

    g_assert_null (shelter_placement_flags_for_stay (administrator, shelter_stay_get_id (girl),
                                                     &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  /* Only a manager decides, for a day ahead, with the decision written. */
  g_assert_false (shelter_stay_extend (fixture->session, shelter_stay_get_id (past), "2026-12-31",
                                       "QĐ 12/QĐ-TTBTXH", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_stay_extend (fixture->manager, shelter_stay_get_id (past), "2026-11-20",
                                       "QĐ 12/QĐ-TTBTXH", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  /* Dates reach app/ as YYYY-MM-DD; a day typed as on screen is not taken for one. */
  g_assert_false (shelter_stay_extend (fixture->manager, shelter_stay_get_id (past), "31/12/2026",
                                       "QĐ 12/QĐ-TTBTXH", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  g_assert_false (shelter_stay_extend (fixture->manager, shelter_stay_get_id (past), "2026-12-31",
                                       "  ", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_OVERRIDE_REASON);
  g_clear_error (&error);
  g_assert_true (shelter_stay_extend (fixture->manager, shelter_stay_get_id (past), "2026-12-31",
                                      "Quyết định 12/QĐ-TTBTXH: chờ xác minh gia đình", &error));
  g_assert_no_error (error);

  flags = shelter_placement_flags (fixture->session, &error);
  g_assert_null (flag_of (flags, shelter_stay_get_id (past)));
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "action = 'extend_stay'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/app/placement/age-bands", test_age_bands);
  ADD ("/app/placement/options-explain", test_options_explain);
  ADD ("/app/placement/override-at-reception", test_override_at_reception);
  ADD ("/app/placement/moves-keep-history", test_moves_keep_history);
  ADD ("/app/placement/race-for-last-bed", test_race_for_last_bed);
  ADD ("/app/placement/absences", test_absences);
  ADD ("/app/capacity/forecast-by-hand", test_forecast_by_hand);
  ADD ("/app/placement/room-residents", test_room_residents);
  ADD ("/app/capacity/flags-and-extensions", test_flags_and_extensions);
  ADD ("/app/placement/open-absence", test_open_absence);

  return g_test_run ();
}
