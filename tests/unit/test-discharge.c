/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-meals.h"
#include "shelter-reception.h"
#include "shelter-services.h"
#include "shelter-support-plan.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */
#define TODAY "2026-11-22"
#define MORNING "2026-11-22T08:00:00+07:00"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  gint64          room;
  gint64          stay_id;    /* a victim received on 01/09/2026 with two belongings */
  gint64          person_id;
  gint64          mother;     /* her mother, judged safe and reached */
  gint64          brother;    /* her brother, involved in the trafficking */
} Fixture;

static gint64
receive (Fixture    *fixture,
         const char *given,
         const char *birth,
         const char *person_type)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  const char *purposes[] = { "forced_marriage", NULL };
  const char *belongings[] = { "Điện thoại Oppo màu đen", "Giấy thông hành số 123", NULL };

  shelter_person_set_person_type (person, person_type);
  shelter_person_set_home_scheme (person, "vn-2025-07");
  shelter_person_set_home_province_code (person, "01");
  shelter_intake_set_handed_over_by (intake, "border_guard");
  shelter_intake_set_officer_name (intake, "Thiếu tá Lò Văn Thành");
  shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  if (g_str_equal (person_type, "victim"))
    {
      shelter_intake_set_trafficking_purposes (intake, purposes);
      shelter_intake_set_trafficking_scope (intake, "abroad");
      shelter_intake_set_destination_country (intake, "CN");
      shelter_intake_set_return_mode (intake, "foreign_handover");
      shelter_intake_set_identification_status (intake, "identified");
    }
  shelter_intake_set_consent_record (intake, TRUE);
  if (g_str_has_prefix (birth, "2012"))
    {
      shelter_intake_set_consent_given_by (intake, "guardian");
      shelter_intake_set_guardian_name (intake, "Lò Văn Sinh");
    }
  shelter_intake_set_belongings (intake, belongings);
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-09-01T10:00:00+07:00", &error);
  g_assert_no_error (error);
  return shelter_stay_get_id (stay);
}

static gint64
add_relative (Fixture    *fixture,
              gint64      person_id,
              const char *name,
              const char *relation,
              const char *safety,
              gboolean    involved)
{
  g_autoptr (GError) error = NULL;
  ShelterRelativeInput input = {
    .person_id = person_id, .full_name = name, .relation = relation,
    .province_code = "01", .may_contact = !involved, .safety = safety, .involved = involved,
    .safety_reason = g_str_equal (safety, "unsafe") ? "Đã đưa nạn nhân sang biên giới." : NULL,
  };
  gint64 id = shelter_family_save_relative (fixture->caseworker, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
reach (Fixture *fixture,
       gint64   stay_id,
       gint64   relative_id)
{
  g_autoptr (GError) error = NULL;
  ShelterContactInput contact = {
    .stay_id = stay_id, .relative_id = relative_id, .contacted_on = "2026-11-10",
    .method = "phone", .made_by = "Cán bộ Lan", .result = "reached",
  };

  g_assert_cmpint (shelter_family_record_contact (fixture->caseworker, &contact, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-01-01T08:00:00+07:00" };

  fixture->db = test_db_new ();
  /* The travel home is a service given by the staff member who discharges. */
  test_add_account (fixture->db, "test.caseworker", "Trần Thị Lan", "caseworker");
  test_add_account (fixture->db, "test.manager", "Hoàng Văn Thắng", "manager");
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  /* The centre is in province 01: the travel meal rate is that of province 01. */
  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội thử nghiệm");
  shelter_centre_set_province_scheme (centre, "2025");
  shelter_centre_set_province_code (centre, "01");
  g_assert_true (shelter_centre_store_save (fixture->db, centre, &stamp, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "travel_meal_per_day", NULL, 150000,
                                      "Quyết định số 99/2026/QĐ-UBND (thử nghiệm)",
                                      "2026-01-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  fixture->stay_id = receive (fixture, "Mai", "1998-03-04", "victim");
  fixture->person_id = test_count (fixture->db, "SELECT person_id FROM stay ORDER BY id LIMIT 1");
  fixture->mother = add_relative (fixture, fixture->person_id, "Lò Thị Hoa", "mother", "safe",
                                  FALSE);
  fixture->brother = add_relative (fixture, fixture->person_id, "Lò Văn Páo", "sibling",
                                   "unsafe", TRUE);
  reach (fixture, fixture->stay_id, fixture->mother);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static const ShelterBelongingReturn all_returned[] = {
  { 1, TRUE, NULL }, { 2, TRUE, NULL },
};

/* A return home with every item of the checklist done. */
static ShelterDischargeInput
complete_return (Fixture *fixture)
{
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id,
    .reason = "goals_reached",
    .discharged_at = MORNING,
    .province_code = "01",
    .commune_code = "00004",
    .address_detail = "Thôn Nậm Cang",
    .received_by_relative_id = fixture->mother,
    .commune_informed_on = "2026-11-18",
    .commune_informed_whom = "Ông Sùng A Tủa, cán bộ tư pháp xã",
    .police_informed_on = "2026-11-19",
    .police_informed_whom = "Công an tỉnh, Phòng PC02",
    .travel_fare_dong = 350000,
    .travel_days = 2,
    .belongings = all_returned,
    .n_belongings = G_N_ELEMENTS (all_returned),
    .reintegration_plan = "Về sống với mẹ; học nghề may tại huyện; vay vốn Ngân hàng CSXH.",
  };
  return input;
}

static ShelterDischargeItemState
state_of (GPtrArray                *items,
          ShelterDischargeItemKind  kind)
{
  return ((ShelterDischargeItem *) g_ptr_array_index (items, kind))->state;
}

static const char *
detail_of (GPtrArray                *items,
           ShelterDischargeItemKind  kind)
{
  return ((ShelterDischargeItem *) g_ptr_array_index (items, kind))->detail;
}

static gint64
count (Fixture    *fixture,
       const char *format,
       gint64      id)
{
  g_autofree char *sql = g_strdup_printf (format, id);

  return test_count (fixture->db, sql);
}

/* A support plan in progress with one goal, achieved when @achieve. */
static gint64
plan_in_progress (Fixture  *fixture,
                  gboolean  achieve)
{
  g_autoptr (GError) error = NULL;
  ShelterNeedInput needs[] = { { "livelihood", "high", NULL } };
  ShelterGoalInput goals[] = {
    { "livelihood", "Có nghề để tự nuôi sống", "Học nghề may", "i", "canbo", "2026-12-31" },
  };
  gint64 plan_id;
  gint64 goal_id;

  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id,
                                                "2026-09-05", needs, 1, &error), >, 0);
  plan_id = shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, goals, 1,
                                        "2026-12-01", &error);
  g_assert_no_error (error);
  g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, 1, "2026-12-01", &error));
  g_assert_true (shelter_support_plan_start (fixture->manager, plan_id, 2, &error));
  g_assert_no_error (error);
  goal_id = count (fixture, "SELECT id FROM plan_goal WHERE plan_id = %" G_GINT64_FORMAT, plan_id);
  if (achieve)
    {
      g_assert_true (shelter_support_plan_set_goal_status (fixture->caseworker, goal_id,
                                                           "achieved", NULL, &error));
      g_assert_no_error (error);
    }
  return plan_id;
}

static void
test_return_home_in_one_go (Fixture       *fixture,
                            gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ShelterDischargeRow) row = NULL;
  g_autoptr (GError) error = NULL;
  gint64 plan_id = plan_in_progress (fixture, TRUE);

  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  /* An adult: the guardian does not apply; everything else is done. */
  for (guint kind = 0; kind < SHELTER_N_DISCHARGE_ITEMS; kind++)
    g_assert_cmpint (state_of (items, kind), ==,
                     kind == SHELTER_DISCHARGE_ITEM_GUARDIAN ? SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE
                                                             : SHELTER_DISCHARGE_ITEM_DONE);
  /* The fare and two days of meals at the rate: 350.000 + 2 × 150.000. */
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), "650.000"));

  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);

  /* The stay closes, the bed is freed, the plan completed, the travel paid, the schedule
   * written, and one audit entry says so. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stay WHERE id = %" G_GINT64_FORMAT
                          " AND discharged_at = '" MORNING "' AND discharge_reason = "
                          "'goals_reached'", fixture->stay_id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM placement WHERE stay_id = %"
                          G_GINT64_FORMAT " AND ended_at IS NULL", fixture->stay_id), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM support_plan WHERE id = %"
                          G_GINT64_FORMAT " AND status = 'completed'", plan_id), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT cost_dong FROM service WHERE stay_id = %"
                          G_GINT64_FORMAT " AND kind = 'travel'", fixture->stay_id), ==, 650000);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM follow_up WHERE stay_id = %"
                          G_GINT64_FORMAT " AND status = 'planned' AND due_on IN "
                          "('2026-12-22', '2027-02-22', '2027-05-22')", fixture->stay_id), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'discharge' "
                          "AND entity = 'stay' AND entity_id = %" G_GINT64_FORMAT,
                          fixture->stay_id), ==, 1);

  row = shelter_discharge_get (fixture->caseworker, fixture->stay_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpstr (row->reason, ==, "goals_reached");
  g_assert_cmpstr (row->discharged_on, ==, TODAY);
  g_assert_nonnull (strstr (row->destination, "Thôn Nậm Cang, "));
  g_assert_nonnull (strstr (row->destination, "Hà Nội"));
  g_assert_cmpstr (row->received_by, ==, "Lò Thị Hoa (Mother)");
  g_assert_cmpint (row->travel_cost_dong, ==, 650000);
  g_assert_null (row->override_reason);
  g_assert_cmpuint (row->belongings->len, ==, 2);
  g_assert_cmpstr (g_array_index (row->belongings, ShelterBelongingReturned, 1).description, ==,
                   "Giấy thông hành số 123");
  g_assert_true (g_array_index (row->belongings, ShelterBelongingReturned, 1).returned);
  g_assert_nonnull (strstr (row->checklist, "guardian=not_applicable"));
  g_assert_nonnull (strstr (row->checklist, "travel=done"));
}

static void
test_open_items_block_until_a_manager_overrides (Fixture       *fixture,
                                                 gconstpointer  data)
{
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id, .reason = "community_reintegration",
    .discharged_at = MORNING, .province_code = "01",
  };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ShelterDischargeRow) row = NULL;
  g_autoptr (GError) error = NULL;

  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_COMMUNE), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_POLICE), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_BELONGINGS), ==,
                   SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_REINTEGRATION), ==,
                   SHELTER_DISCHARGE_ITEM_OPEN);
  /* An adult: no guardian. No plan: nothing to close. */
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_GUARDIAN), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_PLAN), ==, SHELTER_DISCHARGE_ITEM_DONE);

  /* A caseworker, and a manager without a reason, are refused with the open items named. */
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CHECKLIST_OPEN);
  g_assert_nonnull (strstr (error->message, "Commune People’s Committee informed"));
  g_clear_error (&error);
  g_assert_false (shelter_discharge (fixture->manager, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CHECKLIST_OPEN);
  g_clear_error (&error);
  /* A caseworker cannot override. */
  input.override_reason = "Người được hỗ trợ tự ý rời trung tâm, gia đình đã được báo.";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stay WHERE id = %" G_GINT64_FORMAT
                          " AND discharged_at IS NULL", fixture->stay_id), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM discharge"), ==, 0);

  /* A manager goes on; the record keeps the reason, who, and what was open. */
  g_assert_true (shelter_discharge (fixture->manager, &input, &error));
  g_assert_no_error (error);
  row = shelter_discharge_get (fixture->manager, fixture->stay_id, &error);
  g_assert_cmpstr (row->override_reason, ==, input.override_reason);
  g_assert_cmpstr (row->override_by, ==, "test.manager");
  g_assert_nonnull (strstr (row->checklist, "commune=open"));
  g_assert_nonnull (strstr (row->checklist, "plan=done"));
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'discharge' AND details LIKE '%override:%'"), ==, 1);
}

static void
test_unsafe_relative_is_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  input.received_by_relative_id = fixture->brother;
  input.override_reason = "Gia đình xin đón về.";
  items = shelter_discharge_check (fixture->manager, &input, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_UNSAFE_FAMILY);
  g_assert_nonnull (strstr (error->message, "Lò Văn Páo"));
  g_clear_error (&error);
  /* No override lifts it. */
  g_assert_false (shelter_discharge (fixture->manager, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_UNSAFE_FAMILY);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM discharge"), ==, 0);
}

static void
test_relative_not_judged_or_not_reached (Fixture       *fixture,
                                         gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 aunt = add_relative (fixture, fixture->person_id, "Lò Thị Dợ", "aunt_uncle", "unknown",
                              FALSE);

  input.received_by_relative_id = aunt;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), "Lò Thị Dợ"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A relative of someone else is not theirs to receive. */
  {
    gint64 other_stay = receive (fixture, "Sợ", "1999-01-01", "victim");
    gint64 other_person = count (fixture, "SELECT person_id FROM stay WHERE id = %"
                                 G_GINT64_FORMAT, other_stay);
    gint64 stranger = add_relative (fixture, other_person, "Vàng Thị Chi", "mother", "safe",
                                    FALSE);

    input.received_by_relative_id = stranger;
    g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_RECEIVER);
    g_clear_error (&error);
  }

  /* Community reintegration: no relative, with a reason, is "not needed". */
  input.reason = "community_reintegration";
  input.received_by_relative_id = 0;
  input.family_not_needed = "Chị muốn sống tự lập ở Hà Nội, đã có việc làm.";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_NEEDED);
  g_clear_pointer (&items, g_ptr_array_unref);
  /* A return to the family needs the relative. */
  input.reason = "goals_reached";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==, SHELTER_DISCHARGE_ITEM_OPEN);
}

static void
test_items_follow_the_reason (Fixture       *fixture,
                              gconstpointer  data)
{
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id, .reason = "transfer", .discharged_at = MORNING,
  };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  /* A transfer names the receiving facility. */
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_FACILITY);
  g_clear_error (&error);
  input.facility_name = "Làng trẻ em SOS Hà Nội";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_COMMUNE), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_REINTEGRATION), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  /* A trafficking case: the police are told whatever the reason. */
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_POLICE), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_BELONGINGS), ==,
                   SHELTER_DISCHARGE_ITEM_OPEN);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A repatriation names a country from the list. */
  input.reason = "repatriation";
  input.country_code = "XX";
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_COUNTRY);
  g_clear_error (&error);
  input.country_code = "LA";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_COMMUNE), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A return home names the province, and one that exists. */
  input.reason = "own_request";
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_PROVINCE);
  g_clear_error (&error);
  input.province_code = "99";
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_PROVINCE);
  g_clear_error (&error);
  input.province_code = "01";
  input.commune_code = "99999";
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_COMMUNE);
}

static void
test_police_only_for_trafficking_cases (Fixture       *fixture,
                                        gconstpointer  data)
{
  gint64 stay_id = receive (fixture, "Thị", "1960-05-05", "other_protected");
  ShelterDischargeInput input = {
    .stay_id = stay_id, .reason = "transfer", .discharged_at = MORNING,
    .facility_name = "Trung tâm Bảo trợ xã hội tỉnh Lào Cai",
  };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_POLICE), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
}

static void
test_a_child_goes_to_a_parent_or_guardian (Fixture       *fixture,
                                           gconstpointer  data)
{
  gint64 stay_id = receive (fixture, "Pằng", "2012-06-01", "victim");
  gint64 person_id = count (fixture, "SELECT person_id FROM stay WHERE id = %" G_GINT64_FORMAT,
                            stay_id);
  gint64 aunt = add_relative (fixture, person_id, "Lò Thị Dợ", "aunt_uncle", "safe", FALSE);
  gint64 father = add_relative (fixture, person_id, "Lò Văn Sinh", "father", "safe", FALSE);
  ShelterDischargeInput input = {
    .stay_id = stay_id, .reason = "goals_reached", .discharged_at = MORNING,
    .province_code = "01", .received_by_relative_id = aunt,
  };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  reach (fixture, stay_id, aunt);
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_FAMILY), ==, SHELTER_DISCHARGE_ITEM_DONE);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_GUARDIAN), ==,
                   SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_GUARDIAN), "14"));
  g_clear_pointer (&items, g_ptr_array_unref);

  input.received_by_relative_id = father;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_GUARDIAN), ==,
                   SHELTER_DISCHARGE_ITEM_DONE);
}

static void
test_travel_and_belongings (Fixture       *fixture,
                            gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  const ShelterBelongingReturn kept_silently[] = { { 1, TRUE, NULL }, { 2, FALSE, NULL } };
  const ShelterBelongingReturn kept[] = { { 1, TRUE, NULL }, { 2, FALSE, "Công an giữ làm chứng cứ" } };
  const ShelterBelongingReturn unknown[] = { { 3, TRUE, NULL } };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  input.belongings = kept_silently;
  input.n_belongings = 2;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_BELONGINGS), ==,
                   SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_BELONGINGS),
                            "Giấy thông hành số 123"));
  g_clear_pointer (&items, g_ptr_array_unref);
  input.belongings = kept;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_BELONGINGS), ==,
                   SHELTER_DISCHARGE_ITEM_DONE);
  g_clear_pointer (&items, g_ptr_array_unref);
  input.belongings = unknown;
  input.n_belongings = 1;
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_BELONGINGS);
  g_clear_error (&error);
  input.belongings = kept;
  input.n_belongings = 2;

  /* No travel money: a reason makes it "not needed"; a negative fare is refused. */
  input.travel_fare_dong = 0;
  input.travel_days = 0;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_clear_pointer (&items, g_ptr_array_unref);
  input.travel_not_needed = "Gia đình tự đến đón bằng xe riêng.";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==,
                   SHELTER_DISCHARGE_ITEM_NOT_NEEDED);
  g_clear_pointer (&items, g_ptr_array_unref);
  input.travel_fare_dong = -5;
  g_assert_null (shelter_discharge_check (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_TRAVEL_FARE);
  g_clear_error (&error);

  /* Meal days with no rate in force on the day: the item says where to add it. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM rate"), ==, 1);
  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (shelter_db_get_path (fixture->db), &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "UPDATE rate SET valid_from = '2027-01-01'", NULL,
                                   NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }
  input.travel_fare_dong = 200000;
  input.travel_days = 1;
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), "Rates"));
  g_clear_pointer (&items, g_ptr_array_unref);
  /* A travel service recorded during the stay counts as paid. */
  input.travel_fare_dong = 0;
  input.travel_days = 0;
  input.travel_not_needed = NULL;
  {
    g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
    ShelterServiceRecord record = {
      .stay_id = fixture->stay_id, .kind = "travel", .subkind = "travel_costs",
      .done_on = "2026-11-20", .staff_user = "test.caseworker", .description = "Vé xe khách về Lào Cai",
      .cost_dong = 420000, .details = details,
    };

    g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
    g_assert_no_error (error);
  }
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), ==, SHELTER_DISCHARGE_ITEM_DONE);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_TRAVEL), "420.000"));
}

static void
test_plan_goals_and_draft (Fixture       *fixture,
                           gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 plan_id = plan_in_progress (fixture, FALSE);

  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_cmpint (state_of (items, SHELTER_DISCHARGE_ITEM_PLAN), ==, SHELTER_DISCHARGE_ITEM_OPEN);
  g_assert_nonnull (strstr (detail_of (items, SHELTER_DISCHARGE_ITEM_PLAN), "Support Plan"));
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CHECKLIST_OPEN);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM support_plan WHERE id = %"
                          G_GINT64_FORMAT " AND status = 'in_progress'", plan_id), ==, 1);
}

static void
test_draft_plan_is_cancelled (Fixture       *fixture,
                              gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  ShelterNeedInput needs[] = { { "health", "low", NULL } };
  ShelterGoalInput goals[] = {
    { "health", "Khỏe mạnh", "Khám định kỳ", "b", "canbo", "2026-12-31" },
  };
  g_autoptr (GError) error = NULL;
  gint64 plan_id;

  g_assert_cmpint (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id,
                                                "2026-09-05", needs, 1, &error), >, 0);
  plan_id = shelter_support_plan_draft (fixture->caseworker, fixture->stay_id, goals, 1, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM support_plan WHERE id = %"
                          G_GINT64_FORMAT " AND status = 'cancelled' AND closed_at IS NOT NULL",
                          plan_id), ==, 1);
}

static void
test_death (Fixture       *fixture,
            gconstpointer  data)
{
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id, .reason = "death",
  };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ShelterDischargeRow) row = NULL;
  g_autoptr (GError) error = NULL;

  /* A death without its date or without who was told is refused. */
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  input.discharged_at = "2026-11-21T23:40:00+07:00";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DEATH_INFORMED);
  g_clear_error (&error);

  input.death_informed = "Mẹ (bà Lò Thị Hoa), Công an xã, Sở Y tế.";
  items = shelter_discharge_check (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  for (guint kind = 0; kind < SHELTER_N_DISCHARGE_ITEMS; kind++)
    g_assert_cmpint (state_of (items, kind), ==, SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
  /* Nothing is scheduled after a death. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up"), ==, 0);
  row = shelter_discharge_get (fixture->caseworker, fixture->stay_id, &error);
  g_assert_cmpstr (row->discharged_on, ==, "2026-11-21");
  g_assert_null (row->death_cause);
  g_assert_cmpstr (row->death_informed, ==, input.death_informed);
}

static void
test_dates_and_twice (Fixture       *fixture,
                      gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GError) error = NULL;

  input.discharged_at = "2026-08-31T10:00:00+07:00";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_assert_nonnull (strstr (error->message, "01/09/2026"));
  g_clear_error (&error);
  input.discharged_at = "2026-11-23T10:00:00+07:00";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  input.discharged_at = "22/11/2026";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  input.discharged_at = MORNING;
  input.commune_informed_on = "2026-12-01";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_COMMUNE_DATE);
  g_clear_error (&error);
  input.commune_informed_on = "2026-11-18";
  input.reason = "no_such_reason";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_REASON);
  g_clear_error (&error);
  input.reason = "goals_reached";

  /* Text too long, and control characters, are refused naming the field. */
  {
    g_autofree char *long_text = g_strnfill (4001, 'a');

    input.reintegration_plan = long_text;
    g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_REINTEGRATION);
    g_clear_error (&error);
  }
  input.reintegration_plan = "Về với mẹ";
  input.commune_informed_whom = "Ông A\x07";
  g_assert_false (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGE_COMMUNE_WHOM);
  g_clear_error (&error);
  input.commune_informed_whom = "Ông Sùng A Tủa";

  /* Once, not twice: a second desk gets told. */
  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
  g_assert_false (shelter_discharge (fixture->manager, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_DISCHARGED);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM discharge"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM follow_up"), ==, 3);
}

static void
test_permission_in_app (Fixture       *fixture,
                        gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  /* Medical staff see the checklist but do not discharge. */
  items = shelter_discharge_check (fixture->medical, &input, &error);
  g_assert_no_error (error);
  g_assert_false (shelter_discharge (fixture->medical, &input, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM discharge"), ==, 0);
}

static void
test_coming_back (Fixture       *fixture,
                  gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterPerson) probe = NULL;
  g_autoptr (ShelterStay) again = NULL;
  g_autoptr (ShelterDischargeRow) old = NULL;
  g_autoptr (GArray) similar = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);

  /* Reception's duplicate check finds her by name, birth year and home. */
  probe = test_person_new ("Lò", "Thị", "Mai", "female", "1998-03-04");
  shelter_person_set_home_province_code (probe, "01");
  similar = shelter_person_find_similar (fixture->caseworker, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 1);
  g_assert_cmpint (g_array_index (similar, gint64, 0), ==, fixture->person_id);

  /* A new stay on the same person; the old one keeps its discharge and follow-ups. */
  person = shelter_person_open (fixture->caseworker, fixture->person_id, &error);
  g_assert_no_error (error);
  again = shelter_admit_person (fixture->caseworker, person, fixture->room,
                                "2026-11-22T08:30:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_stay_get_person_id (again), ==, fixture->person_id);
  g_assert_cmpint (shelter_stay_get_id (again), !=, fixture->stay_id);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM stay WHERE person_id = %"
                          G_GINT64_FORMAT, fixture->person_id), ==, 2);
  old = shelter_discharge_get (fixture->caseworker, fixture->stay_id, &error);
  g_assert_nonnull (old);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM follow_up WHERE stay_id = %"
                          G_GINT64_FORMAT, fixture->stay_id), ==, 3);
  g_assert_null (shelter_discharge_get (fixture->caseworker, shelter_stay_get_id (again), &error));
  g_assert_no_error (error);
}

static void
test_protected_destination_withheld (Fixture       *fixture,
                                     gconstpointer  data)
{
  ShelterDischargeInput input = complete_return (fixture);
  g_autoptr (ShelterDischargeRow) for_caseworker = NULL;
  g_autoptr (ShelterDischargeRow) for_manager = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM person WHERE id = %" G_GINT64_FORMAT,
                          fixture->person_id), ==, 1);
  {
    sqlite3 *handle = NULL;

    g_assert_cmpint (sqlite3_open (shelter_db_get_path (fixture->db), &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "UPDATE person SET high_protection = 1", NULL, NULL,
                                   NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }
  for_caseworker = shelter_discharge_get (fixture->caseworker, fixture->stay_id, &error);
  g_assert_no_error (error);
  g_assert_null (for_caseworker->destination);
  g_assert_null (for_caseworker->received_by);
  for_manager = shelter_discharge_get (fixture->manager, fixture->stay_id, &error);
  g_assert_nonnull (strstr (for_manager->destination, "Thôn Nậm Cang"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/discharge/return-home-in-one-go", test_return_home_in_one_go);
  ADD ("/discharge/open-items-block-until-override", test_open_items_block_until_a_manager_overrides);
  ADD ("/discharge/unsafe-relative-refused", test_unsafe_relative_is_refused);
  ADD ("/discharge/relative-not-judged-or-not-reached", test_relative_not_judged_or_not_reached);
  ADD ("/discharge/items-follow-the-reason", test_items_follow_the_reason);
  ADD ("/discharge/police-only-for-trafficking", test_police_only_for_trafficking_cases);
  ADD ("/discharge/child-to-parent-or-guardian", test_a_child_goes_to_a_parent_or_guardian);
  ADD ("/discharge/travel-and-belongings", test_travel_and_belongings);
  ADD ("/discharge/plan-goals-open", test_plan_goals_and_draft);
  ADD ("/discharge/draft-plan-cancelled", test_draft_plan_is_cancelled);
  ADD ("/discharge/death", test_death);
  ADD ("/discharge/dates-and-twice", test_dates_and_twice);
  ADD ("/discharge/permission-in-app", test_permission_in_app);
  ADD ("/discharge/coming-back", test_coming_back);
  ADD ("/discharge/protected-destination-withheld", test_protected_destination_withheld);
#undef ADD

  return g_test_run ();
}
