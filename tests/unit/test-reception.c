/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shelter-calendar.h"
#include "shelter-enums.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "test-common.h"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;
  gint64          women;
  gint64          girls;
  gint64          family;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->session = test_session_new (fixture->db, "caseworker");
  fixture->women = test_add_room (fixture->session, "A101", "female", "adult", 4);
  fixture->girls = test_add_room (fixture->session, "A102", "female", "child", 4);
  fixture->family = test_add_room (fixture->session, "C101", "family", "any", 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

/* A woman handed over by the border guard after being trafficked abroad. */
static ShelterIntake *
border_guard_intake (void)
{
  ShelterIntake *intake = shelter_intake_new ();
  const char *purposes[] = { "forced_marriage", "sexual_exploitation", NULL };
  const char *belongings[] = { "  Điện thoại Oppo  màu đen ", "", "Giấy thông hành số 123", NULL };

  shelter_intake_set_handed_over_by (intake, "border_guard");
  shelter_intake_set_officer_name (intake, "Thiếu tá Lò Văn Thành");
  shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  shelter_intake_set_trafficking_purposes (intake, purposes);
  shelter_intake_set_trafficking_scope (intake, "abroad");
  shelter_intake_set_destination_country (intake, "CN");
  shelter_intake_set_return_mode (intake, "foreign_handover");
  shelter_intake_set_identification_status (intake, "identified");
  shelter_intake_set_consent_record (intake, TRUE);
  shelter_intake_set_belongings (intake, belongings);
  shelter_intake_set_health_at_arrival (intake, "Mệt, sốt nhẹ.\r\n\r\n\r\nVết bầm ở tay trái.");
  return intake;
}

static void
test_receive_writes_intake (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Giàng", "Thị", "Mỷ", "female", "2000-03-05");
  g_autoptr (ShelterIntake) intake = border_guard_intake ();
  g_autoptr (ShelterIntake) stored = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  const char * const *belongings;
  const char * const *purposes;

  shelter_person_set_person_type (person, "victim");
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women,
                                 "2026-11-21T16:30:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  g_assert_cmpstr (shelter_intake_get_record_number (intake), ==, "BBTN-2026-0001");
  g_assert_cmpstr (shelter_person_get_case_code (person), ==, "2026-0001");

  stored = shelter_intake_open (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (shelter_intake_get_record_number (stored), ==, "BBTN-2026-0001");
  g_assert_cmpstr (shelter_intake_get_officer_unit (stored), ==,
                   "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  g_assert_cmpstr (shelter_intake_get_destination_country (stored), ==, "CN");
  purposes = shelter_intake_get_trafficking_purposes (stored);
  g_assert_cmpuint (g_strv_length ((char **) purposes), ==, 2);
  g_assert_cmpstr (purposes[0], ==, "forced_marriage");
  /* Belongings are trimmed, blank lines dropped, order kept. */
  belongings = shelter_intake_get_belongings (stored);
  g_assert_cmpuint (g_strv_length ((char **) belongings), ==, 2);
  g_assert_cmpstr (belongings[0], ==, "Điện thoại Oppo màu đen");
  g_assert_cmpstr (belongings[1], ==, "Giấy thông hành số 123");
  /* A note keeps its lines, with one empty line at most between paragraphs. */
  g_assert_cmpstr (shelter_intake_get_health_at_arrival (stored), ==,
                   "Mệt, sốt nhẹ.\n\nVết bầm ở tay trái.");
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = 'admit' "
                                            "AND details LIKE '%intake_record: BBTN-2026-0001%'"),
                   ==, 1);
}

static void
test_record_numbers_per_year (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *admitted[] = { "2025-12-31T23:30:00+07:00", "2026-01-01T00:10:00+07:00",
                             "2025-12-31T23:50:00+07:00", "2026-01-02T08:00:00+07:00" };
  const char *expected[] = { "BBTN-2025-0001", "BBTN-2026-0001", "BBTN-2025-0002",
                             "BBTN-2026-0002" };

  for (guint i = 0; i < G_N_ELEMENTS (admitted); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Trần", "Thị", "Lan", "female",
                                                          "1990-01-01");
      g_autoptr (ShelterIntake) intake = shelter_intake_new ();
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;

      shelter_intake_set_handed_over_by (intake, "self");
      shelter_intake_set_consent_record (intake, TRUE);
      stay = shelter_receive_person (fixture->session, person, intake, fixture->family,
                                     admitted[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (shelter_intake_get_record_number (intake), ==, expected[i]);
    }
}

/* Spoils one field of a valid intake in the way case @which says. */
static ShelterField
spoil_intake (ShelterIntake *i,
              guint          which,
              const char   **what)
{
  g_autofree char *long_text = g_strnfill (201, 'x');

  switch (which)
    {
    case 0:
      *what = "no handover";
      shelter_intake_set_handed_over_by (i, NULL);
      return SHELTER_FIELD_HANDED_OVER_BY;
    case 1:
      *what = "unknown handover";
      shelter_intake_set_handed_over_by (i, "army");
      return SHELTER_FIELD_HANDED_OVER_BY;
    case 2:
      *what = "no unit";
      shelter_intake_set_officer_unit (i, " ");
      return SHELTER_FIELD_OFFICER_UNIT;
    case 3:
      *what = "long unit";
      shelter_intake_set_officer_unit (i, long_text);
      return SHELTER_FIELD_OFFICER_UNIT;
    case 4:
      *what = "abroad without country";
      shelter_intake_set_destination_country (i, NULL);
      return SHELTER_FIELD_DESTINATION_COUNTRY;
    case 5:
      *what = "abroad to Vietnam";
      shelter_intake_set_destination_country (i, "VN");
      return SHELTER_FIELD_DESTINATION_COUNTRY;
    case 6:
      *what = "bad purpose";
      {
        const char *p[] = { "tourism", NULL };
        shelter_intake_set_trafficking_purposes (i, p);
      }
      return SHELTER_FIELD_TRAFFICKING_PURPOSES;
    case 7:
      *what = "purpose twice";
      {
        const char *p[] = { "forced_labour", "forced_labour", NULL };
        shelter_intake_set_trafficking_purposes (i, p);
      }
      return SHELTER_FIELD_TRAFFICKING_PURPOSES;
    case 8:
      *what = "not now without reason";
      shelter_intake_set_consent_status (i, "not_now");
      shelter_intake_set_consent_ask_again_on (i, "2026-11-25");
      return SHELTER_FIELD_CONSENT_REASON;
    case 9:
      *what = "not now without date";
      shelter_intake_set_consent_status (i, "not_now");
      shelter_intake_set_consent_not_now_reason (i, "Hoảng loạn");
      return SHELTER_FIELD_CONSENT_ASK_AGAIN;
    case 10:
      *what = "ask again before reception";
      shelter_intake_set_consent_status (i, "not_now");
      shelter_intake_set_consent_not_now_reason (i, "Sốc");
      shelter_intake_set_consent_ask_again_on (i, "2026-11-01");
      return SHELTER_FIELD_CONSENT_ASK_AGAIN;
    case 11:
      *what = "guardian without name";
      shelter_intake_set_consent_given_by (i, "guardian");
      return SHELTER_FIELD_GUARDIAN_NAME;
    case 12:
      *what = "share without agencies";
      shelter_intake_set_consent_share (i, TRUE);
      return SHELTER_FIELD_CONSENT_AGENCIES;
    case 13:
      *what = "cannot sign without reason";
      shelter_intake_set_person_signs (i, FALSE);
      return SHELTER_FIELD_NOT_SIGNED_REASON;
    case 14:
      *what = "belonging too long";
      {
        const char *b[] = { "Túi xách", long_text, NULL };
        shelter_intake_set_belongings (i, b);
      }
      return SHELTER_FIELD_BELONGINGS;
    case 15:
      *what = "control characters";
      shelter_intake_set_urgent_needs (i, "Cần\x01 thuốc");
      return SHELTER_FIELD_URGENT_NEEDS;
    default:
      return (ShelterField) -1;
    }
}

/* Each refusal names the field, and nothing of the refused intake is written. */
static void
test_refusals_name_the_field (Fixture       *fixture,
                              gconstpointer  data)
{
  ShelterField field;
  const char *what = NULL;

  for (guint c = 0; ; c++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Vàng", "Thị", "Sua", "female",
                                                          "1998-01-01");
      g_autoptr (ShelterIntake) intake = border_guard_intake ();
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;

      shelter_person_set_person_type (person, "victim");
      field = spoil_intake (intake, c, &what);
      if (field == (ShelterField) -1)
        break;
      g_test_message ("case: %s", what);
      stay = shelter_receive_person (fixture->session, person, intake, fixture->women,
                                     "2026-11-21T16:30:00+07:00", &error);
      g_assert_error (error, SHELTER_FIELD_ERROR, (int) field);
      g_assert_null (stay);
      g_assert_null (shelter_intake_get_record_number (intake));
      g_assert_cmpint (shelter_person_get_id (person), ==, 0);
    }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake_belonging"), ==, 0);
  /* A refused intake does not use up a number. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM case_code_counter"), ==, 0);
}

/* Trafficking details are kept only for the person types they apply to. */
static void
test_trafficking_only_where_it_applies (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "1970-02-02");
  g_autoptr (ShelterIntake) intake = border_guard_intake ();
  g_autoptr (ShelterIntake) stored = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (person, "other_protected");
  shelter_intake_set_handed_over_by (intake, "commune");
  shelter_intake_set_officer_unit (intake, "UBND xã Tả Van");
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women, NULL, &error);
  g_assert_no_error (error);
  stored = shelter_intake_open (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_null (shelter_intake_get_trafficking_purposes (stored));
  g_assert_null (shelter_intake_get_destination_country (stored));
  g_assert_null (shelter_intake_get_identification_status (stored));
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake_purpose"), ==, 0);
}

/* A child's consent is given by a parent or guardian; an accompanying child is linked to
 * the adult's case, who must be staying. */
static void
test_child_consent_and_link (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (ShelterPerson) mother = test_person_new ("Sùng", "Thị", "Dợ", "female", "1995-05-05");
  g_autoptr (ShelterPerson) child = test_person_new ("Sùng", "A", "Páo", "male", "2021-06-01");
  g_autoptr (ShelterIntake) mother_intake = border_guard_intake ();
  g_autoptr (ShelterIntake) child_intake = shelter_intake_new ();
  g_autoptr (ShelterStay) mother_stay = NULL;
  g_autoptr (ShelterStay) child_stay = NULL;
  g_autoptr (ShelterIntake) stored = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (mother, "victim");
  mother_stay = shelter_receive_person (fixture->session, mother, mother_intake, fixture->family,
                                        "2026-11-21T10:00:00+07:00", &error);
  g_assert_no_error (error);

  shelter_person_set_person_type (child, "accompanying_minor");
  shelter_intake_set_handed_over_by (child_intake, "border_guard");
  shelter_intake_set_officer_unit (child_intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  shelter_intake_set_consent_record (child_intake, TRUE);

  /* Not linked to anyone. */
  child_stay = shelter_receive_person (fixture->session, child, child_intake, fixture->family,
                                       "2026-11-21T10:05:00+07:00", &error);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_LINKED_PERSON);
  g_clear_error (&error);

  /* Linked, but the consent is the child's own. */
  shelter_intake_set_linked_person_id (child_intake, shelter_person_get_id (mother));
  child_stay = shelter_receive_person (fixture->session, child, child_intake, fixture->family,
                                       "2026-11-21T10:05:00+07:00", &error);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CONSENT);
  g_clear_error (&error);

  shelter_intake_set_consent_given_by (child_intake, "guardian");
  shelter_intake_set_guardian_name (child_intake, "Sùng Thị Dợ (mẹ)");
  child_stay = shelter_receive_person (fixture->session, child, child_intake, fixture->family,
                                       "2026-11-21T10:05:00+07:00", &error);
  g_assert_no_error (error);
  stored = shelter_intake_open (fixture->session, shelter_stay_get_id (child_stay), &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_intake_get_linked_person_id (stored), ==, shelter_person_get_id (mother));
  g_assert_cmpstr (shelter_intake_get_guardian_name (stored), ==, "Sùng Thị Dợ (mẹ)");

  /* Once the mother has left, another child cannot be linked to her. */
  {
    g_autoptr (ShelterPerson) sibling = test_person_new ("Sùng", "Thị", "Mai", "female",
                                                         "2022-01-01");
    g_autoptr (ShelterIntake) sibling_intake = shelter_intake_new ();
    g_autoptr (ShelterStay) sibling_stay = NULL;

    g_assert_true (shelter_discharge_stay (fixture->session, mother_stay,
                                           "2026-11-21T15:00:00+07:00", "goals_reached", &error));
    g_assert_no_error (error);
    shelter_person_set_person_type (sibling, "accompanying_minor");
    shelter_intake_set_handed_over_by (sibling_intake, "self");
    shelter_intake_set_consent_given_by (sibling_intake, "guardian");
    shelter_intake_set_guardian_name (sibling_intake, "Sùng Thị Dợ");
    shelter_intake_set_linked_person_id (sibling_intake, shelter_person_get_id (mother));
    sibling_stay = shelter_receive_person (fixture->session, sibling, sibling_intake,
                                           fixture->family, "2026-11-21T16:00:00+07:00", &error);
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_LINKED);
    g_assert_null (sibling_stay);
  }
}

/* "Could not consent now" keeps the reason and the date to ask again, and no consent. */
static void
test_consent_not_now (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Hờ", "Thị", "Dua", "female", "1999-09-09");
  g_autoptr (ShelterIntake) intake = border_guard_intake ();
  g_autoptr (ShelterIntake) stored = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (person, "being_identified");
  shelter_intake_set_consent_status (intake, "not_now");
  shelter_intake_set_consent_photo (intake, TRUE);
  shelter_intake_set_consent_not_now_reason (intake, "Đang hoảng loạn, chỉ nói tiếng H'Mông");
  shelter_intake_set_consent_ask_again_on (intake, "2026-11-23");
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women,
                                 "2026-11-21T16:30:00+07:00", &error);
  g_assert_no_error (error);
  stored = shelter_intake_open (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_cmpstr (shelter_intake_get_consent_status (stored), ==, "not_now");
  g_assert_cmpstr (shelter_intake_get_consent_ask_again_on (stored), ==, "2026-11-23");
  g_assert_false (shelter_intake_get_consent_photo (stored));
  g_assert_false (shelter_intake_get_consent_record (stored));
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Giàng", "Thị", "Mỷ", "female", "2000-03-05");
  g_autoptr (ShelterIntake) intake = border_guard_intake ();
  g_autoptr (GPtrArray) warnings = NULL;

  shelter_person_set_person_type (person, "victim");
  warnings = shelter_intake_warnings (intake, person);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  shelter_intake_set_identification_status (intake, "in_progress");
  shelter_intake_set_return_mode (intake, NULL);
  shelter_intake_set_officer_name (intake, NULL);
  warnings = shelter_intake_warnings (intake, person);
  g_assert_cmpuint (warnings->len, ==, 3);
}

static void
test_drafts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ShelterSession) other_desk = test_session_new (fixture->db, "manager");
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr (GVariant) loaded = NULL;
  g_autofree char *saved_at = NULL;
  g_autoptr (GError) error = NULL;
  const char *given = NULL;

  /* Nothing yet. */
  loaded = shelter_intake_draft_load (fixture->session, &saved_at, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  g_variant_builder_add (&builder, "{sv}", "given-name", g_variant_new_string ("Đào"));
  g_variant_builder_add (&builder, "{sv}", "step", g_variant_new_int32 (2));
  g_assert_true (shelter_intake_draft_save (fixture->session, g_variant_builder_end (&builder),
                                            &error));
  g_assert_no_error (error);

  loaded = shelter_intake_draft_load (fixture->session, &saved_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (g_variant_lookup (loaded, "given-name", "&s", &given));
  g_assert_cmpstr (given, ==, "Đào");
  g_assert_cmpstr (saved_at, ==, "2026-11-22T09:00:00+07:00");
  g_clear_pointer (&loaded, g_variant_unref);

  /* A draft is its author's only. */
  loaded = shelter_intake_draft_load (other_desk, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (loaded);

  /* Receiving the person removes the draft. */
  {
    g_autoptr (ShelterPerson) person = test_person_new ("Nguyễn", "Thị", "Đào", "female",
                                                        "2001-01-01");
    g_autoptr (ShelterIntake) intake = shelter_intake_new ();
    g_autoptr (ShelterStay) stay = NULL;

    shelter_intake_set_handed_over_by (intake, "hotline");
    shelter_intake_set_officer_unit (intake, "Tổng đài 111");
    stay = shelter_receive_person (fixture->session, person, intake, fixture->women, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake_draft"), ==, 0);
}

/* A draft written by another version, or damaged, is refused with a message and removed. */
static void
test_unreadable_drafts (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *payloads[] = { "{'given-name': <'Mai'", "[1, 2, 3]" };
  g_autoptr (GVariant) loaded = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    {
      g_assert_true (shelter_intake_draft_store_put (fixture->db, "test.caseworker",
                                                     SHELTER_INTAKE_DRAFT_FORMAT,
                                                     "2026-11-22T08:00:00+07:00", payloads[i],
                                                     &error));
      loaded = shelter_intake_draft_load (fixture->session, NULL, &error);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_DRAFT_UNREADABLE);
      g_assert_null (loaded);
      g_assert_nonnull (strstr (error->message, "22/11/2026"));
      g_clear_error (&error);
      g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake_draft"), ==, 0);
    }

  g_assert_true (shelter_intake_draft_store_put (fixture->db, "test.caseworker", 99,
                                                 "2026-11-22T08:00:00+07:00", "{}", &error));
  loaded = shelter_intake_draft_load (fixture->session, NULL, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_DRAFT_UNREADABLE);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM intake_draft"), ==, 0);
}

static ShelterStay *
receive_simple (Fixture    *fixture,
                const char *id_paper,
                const char *admitted_at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Phạm", "Thị", "Hương", "female", "1990-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  if (g_strcmp0 (id_paper, "cmnd") == 0)
    {
      shelter_person_set_id_paper (person, "cmnd");
      shelter_person_set_id_number (person, "012345678");
    }
  shelter_intake_set_handed_over_by (intake, "police");
  shelter_intake_set_officer_unit (intake, "Công an phường Hoàn Kiếm");
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women, admitted_at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

static const ShelterCaseFileItem *
find_item (ShelterCaseFile *file,
           const char      *kind)
{
  for (guint i = 0; i < file->items->len; i++)
    {
      ShelterCaseFileItem *item = &g_array_index (file->items, ShelterCaseFileItem, i);

      if (g_str_equal (item->kind, kind))
        return item;
    }
  g_assert_not_reached ();
}

/* The case file is due 10 working days after reception: received Friday 13/11/2026, the
 * deadline skips two weekends and lands on Friday 27/11. */
static void
test_case_file_deadline_and_marks (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_simple (fixture, "none", "2026-11-13T15:00:00+07:00");
  g_autoptr (ShelterStay) with_papers = receive_simple (fixture, "cmnd", "2026-11-13T15:30:00+07:00");
  g_autoptr (ShelterCaseFile) file = NULL;
  g_autoptr (GError) error = NULL;

  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->reception_date, ==, "2026-11-13");
  g_assert_cmpstr (file->deadline, ==, "2026-11-27");
  g_assert_cmpuint (file->items->len, ==, 5);
  /* No papers: no ID copy to collect. */
  g_assert_false (find_item (file, "id_copy")->required);
  g_assert_cmpuint (file->n_missing, ==, 4);
  g_assert_false (shelter_case_file_is_overdue (file, "2026-11-27"));
  g_assert_true (shelter_case_file_is_overdue (file, "2026-11-28"));
  g_clear_pointer (&file, shelter_case_file_free);

  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (with_papers), &error);
  g_assert_true (find_item (file, "id_copy")->required);
  g_assert_cmpuint (file->n_missing, ==, 5);
  g_clear_pointer (&file, shelter_case_file_free);

  /* Marks: not before the reception, not in the future, not twice. */
  g_assert_false (shelter_case_file_mark_received (fixture->session, shelter_stay_get_id (stay),
                                                   "declaration", "2026-11-12", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DOCUMENT_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_case_file_mark_received (fixture->session, shelter_stay_get_id (stay),
                                                   "declaration", "2026-11-23", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DOCUMENT_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_case_file_mark_received (fixture->session, shelter_stay_get_id (stay),
                                                   "passport_photo", NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DOCUMENT_DATE);
  g_clear_error (&error);

  for (guint i = 0; i < shelter_enum_case_document.n_values; i++)
    {
      const char *kind = shelter_enum_case_document.values[i].code;

      if (g_str_equal (kind, "id_copy"))
        continue;
      g_assert_true (shelter_case_file_mark_received (fixture->session,
                                                      shelter_stay_get_id (stay), kind,
                                                      "2026-11-16", &error));
      g_assert_no_error (error);
    }
  g_assert_false (shelter_case_file_mark_received (fixture->session, shelter_stay_get_id (stay),
                                                   "declaration", NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_clear_error (&error);

  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_cmpuint (file->n_missing, ==, 0);
  g_assert_cmpstr (find_item (file, "declaration")->received_on, ==, "2026-11-16");
  g_assert_false (shelter_case_file_is_overdue (file, "2026-12-31"));
  g_clear_pointer (&file, shelter_case_file_free);

  /* Taking a mark back keeps it in the history, voided. */
  g_assert_true (shelter_case_file_unmark (fixture->session, shelter_stay_get_id (stay),
                                           "declaration", "Nhầm hồ sơ", &error));
  g_assert_no_error (error);
  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_cmpuint (file->n_missing, ==, 1);
  g_assert_null (find_item (file, "declaration")->received_on);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM case_document WHERE "
                                            "void_reason = 'Nhầm hồ sơ'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "action IN ('receive_document', 'unmark_document')"),
                   ==, 5);
  /* A second take-back finds nothing to undo. */
  g_assert_false (shelter_case_file_unmark (fixture->session, shelter_stay_get_id (stay),
                                            "declaration", NULL, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
}

static void
test_case_file_deadline_setting (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");
  g_autoptr (ShelterStay) stay = receive_simple (fixture, "none", "2026-11-13T15:00:00+07:00");
  g_autoptr (ShelterCaseFile) file = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_CASE_FILE_WORKING_DAYS, "5", &error));
  g_assert_no_error (error);
  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->working_days, ==, 5);
  g_assert_cmpstr (file->deadline, ==, "2026-11-20");
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ShelterSession) counsellor = test_session_new (fixture->db, "counsellor");
  g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");
  g_autoptr (ShelterStay) stay = receive_simple (fixture, "none", NULL);
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Pọm", "female", "1999-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterIntake) opened = NULL;
  g_autoptr (ShelterStay) refused = NULL;
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr (GError) error = NULL;

  shelter_intake_set_handed_over_by (intake, "self");
  refused = shelter_receive_person (counsellor, person, intake, fixture->women, NULL, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_false (shelter_case_file_mark_received (counsellor, shelter_stay_get_id (stay),
                                                   "declaration", NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_false (shelter_intake_draft_save (counsellor, g_variant_builder_end (&builder), &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* The administrator keeps the system, not the case files. */
  opened = shelter_intake_open (admin, shelter_stay_get_id (stay), &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_null (opened);
}

/* A resident under high protection: the intake is shown only to roles that may know who
 * they are. */
static void
test_protected_intake (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterSession) manager = test_session_new (fixture->db, "manager");
  g_autoptr (ShelterPerson) person = test_person_new ("Đỗ", "Thị", "Hằng", "female", "1997-07-07");
  g_autoptr (ShelterIntake) intake = border_guard_intake ();
  g_autoptr (ShelterIntake) opened = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (person, "victim");
  shelter_person_set_high_protection (person, TRUE);
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women, NULL, &error);
  g_assert_no_error (error);

  opened = shelter_intake_open (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  opened = shelter_intake_open (manager, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_nonnull (opened);
}

/* The administrator keeps the holidays; a new one moves the case-file deadline. */
static void
test_holidays_move_deadlines (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");
  g_autoptr (ShelterStay) stay = receive_simple (fixture, "none", "2026-11-13T15:00:00+07:00");
  g_autoptr (ShelterCaseFile) file = NULL;
  g_autoptr (GPtrArray) holidays = NULL;
  g_autoptr (GError) error = NULL;
  guint n_before;

  holidays = shelter_holidays_list (fixture->session, 2026, &error);
  g_assert_no_error (error);
  n_before = holidays->len;
  g_assert_cmpuint (n_before, >, 5);
  g_clear_pointer (&holidays, g_ptr_array_unref);

  /* A day off decided for Friday 20/11: the deadline moves to Monday 30/11. */
  g_assert_true (shelter_holidays_add (admin, "2026-11-20", "  Nghỉ  bù ", &error));
  g_assert_no_error (error);
  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_cmpstr (file->deadline, ==, "2026-11-30");
  g_clear_pointer (&file, shelter_case_file_free);
  holidays = shelter_holidays_list (fixture->session, 2026, &error);
  g_assert_cmpuint (holidays->len, ==, n_before + 1);
  g_clear_pointer (&holidays, g_ptr_array_unref);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM holiday WHERE name = 'Nghỉ bù'"),
                   ==, 1);

  /* Refusals name the field. */
  g_assert_false (shelter_holidays_add (admin, "2026-11-20", "Nghỉ bù", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_holidays_add (admin, "24/12/2026", "Giáng sinh", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_holidays_add (admin, "2026-02-30", "Ngày lạ", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE);
  g_clear_error (&error);
  g_assert_false (shelter_holidays_add (admin, "2026-12-24", "   ", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_NAME);
  g_clear_error (&error);
  g_assert_false (shelter_holidays_add (fixture->session, "2026-12-24", "Giáng sinh", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Removed again: the deadline is back, and both changes are in the audit trail. */
  g_assert_true (shelter_holidays_remove (admin, "2026-11-20", &error));
  g_assert_no_error (error);
  file = shelter_case_file_get (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_cmpstr (file->deadline, ==, "2026-11-27");
  g_assert_false (shelter_holidays_remove (admin, "2026-11-20", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HOLIDAY_DATE);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE entity = 'holiday' "
                                            "AND details LIKE '%Nghỉ bù%'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/app/reception/writes-intake", test_receive_writes_intake);
  ADD ("/app/reception/record-numbers-per-year", test_record_numbers_per_year);
  ADD ("/app/reception/refusals-name-the-field", test_refusals_name_the_field);
  ADD ("/app/reception/trafficking-only-where-it-applies", test_trafficking_only_where_it_applies);
  ADD ("/app/reception/child-consent-and-link", test_child_consent_and_link);
  ADD ("/app/reception/consent-not-now", test_consent_not_now);
  ADD ("/app/reception/warnings", test_warnings);
  ADD ("/app/reception/drafts", test_drafts);
  ADD ("/app/reception/unreadable-drafts", test_unreadable_drafts);
  ADD ("/app/case-file/deadline-and-marks", test_case_file_deadline_and_marks);
  ADD ("/app/case-file/deadline-setting", test_case_file_deadline_setting);
  ADD ("/app/calendar/holidays-move-deadlines", test_holidays_move_deadlines);
  ADD ("/app/reception/permissions", test_permissions);
  ADD ("/app/reception/protected-intake", test_protected_intake);

  return g_test_run ();
}
