/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-family.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */
#define TODAY "2026-11-22"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *admin;
  gint64          room;
  ShelterStay    *stay;       /* a woman admitted on 2026-09-01 */
  gint64          person_id;
} Fixture;

static ShelterStay *
admit (Fixture    *fixture,
       const char *given,
       const char *birth,
       const char *admitted_at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  stay = shelter_admit_person (fixture->caseworker, person, fixture->room, admitted_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  return stay;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  fixture->stay = admit (fixture, "Mai", "1998-03-04", "2026-09-01T10:00:00+07:00");
  fixture->person_id = shelter_stay_get_person_id (fixture->stay);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->stay);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static gint64
add_relative (Fixture    *fixture,
              const char *name,
              const char *relation,
              gboolean    may_contact,
              const char *safety,
              gboolean    involved,
              const char *reason)
{
  g_autoptr (GError) error = NULL;
  ShelterRelativeInput input = {
    .person_id = fixture->person_id, .full_name = name, .relation = relation,
    .phone = "+84 912 345 678", .province_code = "01", .commune_code = "00004",
    .address_detail = "Ngõ 5", .may_contact = may_contact, .safety = safety,
    .involved = involved, .safety_reason = reason,
  };
  gint64 id = shelter_family_save_relative (fixture->caseworker, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
contact (Fixture     *fixture,
         gint64       stay_id,
         gint64       relative_id,
         const char  *on,
         const char  *result,
         GError     **error)
{
  ShelterContactInput input = { stay_id, relative_id, on, "commune", "Trần Thị Lan", result,
                                "Qua Công an xã" };

  return shelter_family_record_contact (fixture->caseworker, &input, error);
}

static void
test_relative_stored (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  ShelterRelativeRow *row;

  add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  add_relative (fixture, "Giàng A Sử", "husband", TRUE, "unknown", TRUE, "Đã bán vợ qua biên giới");
  rows = shelter_family_list_relatives (fixture->medical, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->phone, ==, "0912345678");
  g_assert_cmpstr (row->commune_code, ==, "00004");
  /* Involved: unsafe and not to be contacted, whatever the form said. */
  row = g_ptr_array_index (rows, 1);
  g_assert_true (row->involved);
  g_assert_false (row->may_contact);
  g_assert_cmpstr (row->safety, ==, "unsafe");
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'add_relative'"),
                   ==, 2);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 mother = add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  ShelterRelativeInput input = {
    .person_id = fixture->person_id, .full_name = "  ", .relation = "mother",
    .may_contact = TRUE, .safety = "safe",
  };
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (shelter_family_save_relative (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RELATIVE_NAME);
  g_clear_error (&error);

  input.full_name = "Lò Thị Xuân";
  input.phone = "0123 456";
  g_assert_cmpint (shelter_family_save_relative (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RELATIVE_PHONE);
  g_clear_error (&error);

  input.phone = NULL;
  input.province_code = "01";
  input.commune_code = "99999";
  g_assert_cmpint (shelter_family_save_relative (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RELATIVE_ADDRESS);
  g_clear_error (&error);

  input.commune_code = NULL;
  input.safety = "unsafe";
  g_assert_cmpint (shelter_family_save_relative (fixture->caseworker, &input, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RELATIVE_SAFETY_REASON);
  g_clear_error (&error);

  /* A contact in the future, or before the resident came. */
  g_assert_cmpint (contact (fixture, shelter_stay_get_id (fixture->stay), mother, "2026-11-23",
                            "reached", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CONTACT_DATE);
  g_clear_error (&error);
  g_assert_cmpint (contact (fixture, shelter_stay_get_id (fixture->stay), mother, "2026-08-31",
                            "reached", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CONTACT_DATE);
  g_clear_error (&error);
  g_assert_cmpint (contact (fixture, shelter_stay_get_id (fixture->stay), mother, TODAY,
                            "answered", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CONTACT_RESULT);
  g_clear_error (&error);

  /* A visit in the future. */
  {
    ShelterVisitInput visit = { shelter_stay_get_id (fixture->stay), mother, NULL,
                                "2026-11-22T10:00:00+07:00", "Hoàng Văn Thắng", NULL };

    g_assert_cmpint (shelter_family_record_visit (fixture->caseworker, &visit, NULL, &error),
                     ==, 0);
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_VISIT_TIME);
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_contact"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_visit"), ==, 0);
}

static void
test_contact_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 stay_id = shelter_stay_get_id (fixture->stay);
  gint64 mother = add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  gint64 husband = add_relative (fixture, "Giàng A Sử", "husband", TRUE, "unsafe", TRUE,
                                 "Đã bán vợ qua biên giới");
  gint64 uncle = add_relative (fixture, "Lò Văn Pản", "aunt_uncle", FALSE, "unknown", FALSE,
                               "Nạn nhân không muốn chú biết mình ở đâu");
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (contact (fixture, stay_id, husband, "2026-11-20", "reached", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CONTACT_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "Đã bán vợ qua biên giới"));
  g_clear_error (&error);

  g_assert_cmpint (contact (fixture, stay_id, uncle, "2026-11-20", "reached", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CONTACT_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "không muốn chú biết"));
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_contact"), ==, 0);

  g_assert_cmpint (contact (fixture, stay_id, mother, "2026-11-20", "no_answer", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM family_contact WHERE result = 'no_answer' "
                               "AND method = 'commune' AND contacted_on = '2026-11-20'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'family_contact'"),
                   ==, 1);
}

static void
test_visit_refused_recorded (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 stay_id = shelter_stay_get_id (fixture->stay);
  gint64 mother = add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  gint64 husband = add_relative (fixture, "Giàng A Sử", "husband", TRUE, "unsafe", TRUE,
                                 "Đã bán vợ qua biên giới");
  g_autoptr (GError) error = NULL;
  ShelterVisitInput visit = { stay_id, husband, NULL, "2026-11-21T15:00:00+07:00",
                              "Hoàng Văn Thắng", NULL };
  gint64 refused = 0;

  /* An involved relative, on no list: refused, and the attempt kept. */
  g_assert_cmpint (shelter_family_record_visit (fixture->caseworker, &visit, &refused, &error),
                   ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_VISIT_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (refused, >, 0);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM family_visit WHERE refused = 1 "
                               "AND visitor_name = 'Giàng A Sử' AND ban_id IS NULL"), ==, 1);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'visit_refused'"),
                   ==, 1);

  /* The mother may visit. */
  visit.relative_id = mother;
  g_assert_cmpint (shelter_family_record_visit (fixture->caseworker, &visit, &refused, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (refused, ==, 0);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM family_visit WHERE refused = 0"), ==, 1);
  {
    g_autoptr (GPtrArray) visits = shelter_family_list_visits (fixture->medical,
                                                               fixture->person_id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (visits->len, ==, 2);
  }
}

static void
test_visit_banned (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 stay_id = shelter_stay_get_id (fixture->stay);
  g_autoptr (GError) error = NULL;
  ShelterVisitInput visit = { stay_id, 0, "vàng a páo", "2026-11-21T15:00:00+07:00",
                              "Hoàng Văn Thắng", NULL };
  gint64 ban, refused = 0;

  ban = shelter_family_add_visit_ban (fixture->caseworker, fixture->person_id, 0, "Vàng A Páo",
                                      "Người môi giới, đang bị truy nã", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ban, >, 0);

  /* By name, letter case aside. */
  g_assert_cmpint (shelter_family_record_visit (fixture->caseworker, &visit, &refused, &error),
                   ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_VISIT_REFUSED);
  g_assert_nonnull (strstr (error->message, "truy nã"));
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM family_visit WHERE refused = 1 AND ban_id "
                               "IS NOT NULL AND refusal_reason LIKE '%truy nã%'"), ==, 1);

  /* Someone else is let in. */
  visit.visitor_name = "Lò Thị Xuân";
  g_assert_cmpint (shelter_family_record_visit (fixture->caseworker, &visit, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* A ban needs a reason. */
  g_assert_cmpint (shelter_family_add_visit_ban (fixture->caseworker, fixture->person_id, 0,
                                                 "Lý Văn Hải", " ", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_VISIT_BAN_REASON);
}

static gboolean
flagged (Fixture *fixture,
         gint64   stay_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = shelter_family_no_contact (fixture->medical, &error);
  ShelterNoContactRow *one;
  gboolean listed = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (((ShelterNoContactRow *) g_ptr_array_index (rows, i))->stay_id == stay_id)
      listed = TRUE;
  /* The resident's page asks for their stay alone: the same answer. */
  one = shelter_family_no_contact_for_stay (fixture->medical, stay_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (one != NULL, ==, listed);
  g_clear_pointer (&one, shelter_no_contact_row_free);
  return listed;
}

static void
test_no_contact_month (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterStay) thirty = admit (fixture, "Hoa", "1999-01-01",
                                          "2026-10-23T10:00:00+07:00");
  g_autoptr (ShelterStay) thirty_one = admit (fixture, "Lan", "1999-01-01",
                                              "2026-10-22T10:00:00+07:00");
  g_autoptr (ShelterStay) child = admit (fixture, "Pà", "2016-01-01",
                                         "2026-09-01T10:00:00+07:00");
  g_autoptr (GError) error = NULL;
  gint64 stay_id = shelter_stay_get_id (fixture->stay);
  gint64 mother = add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);

  /* Staying exactly 30 days: not yet; 31: flagged. */
  g_assert_false (flagged (fixture, shelter_stay_get_id (thirty)));
  g_assert_true (flagged (fixture, shelter_stay_get_id (thirty_one)));
  g_assert_true (flagged (fixture, stay_id));

  /* Reached 31 days ago, or not reached lately: still flagged. */
  g_assert_cmpint (contact (fixture, stay_id, mother, "2026-10-22", "reached", &error), >, 0);
  g_assert_cmpint (contact (fixture, stay_id, mother, "2026-11-21", "no_answer", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (flagged (fixture, stay_id));
  /* Reached exactly 30 days ago: not flagged. */
  g_assert_cmpint (contact (fixture, stay_id, mother, "2026-10-23", "reached", &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (flagged (fixture, stay_id));

  /* A child whose family is being traced is left out; flagged again once found. */
  g_assert_true (flagged (fixture, shelter_stay_get_id (child)));
  g_assert_cmpint (shelter_family_open_tracing (fixture->caseworker, shelter_stay_get_id (child),
                                                "UBND xã; Công an huyện", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (flagged (fixture, shelter_stay_get_id (child)));
  g_assert_true (shelter_family_update_tracing (fixture->caseworker,
                                                shelter_stay_get_id (child), 1, "found",
                                                "UBND xã; Công an huyện", "Tìm thấy bà ngoại",
                                                &error));
  g_assert_no_error (error);
  g_assert_true (flagged (fixture, shelter_stay_get_id (child)));

  /* Tracing is for children only. */
  g_assert_cmpint (shelter_family_open_tracing (fixture->caseworker, stay_id, NULL, NULL,
                                                &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  ShelterSession *readers[] = { fixture->medical, fixture->admin };
  gint64 mother = add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  ShelterRelativeInput input = {
    .person_id = fixture->person_id, .full_name = "Lò Văn Pản", .relation = "father",
    .may_contact = TRUE, .safety = "safe",
  };
  ShelterContactInput contact_input = { shelter_stay_get_id (fixture->stay), mother,
                                        "2026-11-20", "phone", "Lan", "reached", NULL };
  ShelterVisitInput visit = { shelter_stay_get_id (fixture->stay), mother, NULL,
                              "2026-11-21T15:00:00+07:00", "Thắng", NULL };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_assert_cmpint (shelter_family_save_relative (readers[i], &input, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (shelter_family_record_contact (readers[i], &contact_input, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (shelter_family_record_visit (readers[i], &visit, NULL, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (shelter_family_add_visit_ban (readers[i], fixture->person_id, 0, "X",
                                                     "Y", &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  /* The administrator does not read case files. */
  g_assert_null (shelter_family_list_relatives (fixture->admin, fixture->person_id, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* The manager records too. */
  g_assert_cmpint (shelter_family_save_relative (fixture->manager, &input, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_relative"), ==, 2);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_contact"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM family_visit"), ==, 0);
}

static void
test_protected_masked (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) seen_by_caseworker = NULL;
  g_autoptr (GPtrArray) seen_by_manager = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  ShelterRelativeRow *row;

  add_relative (fixture, "Lò Thị Xuân", "mother", TRUE, "safe", FALSE, NULL);
  {
    g_autoptr (ShelterPerson) person = shelter_person_open (fixture->manager, fixture->person_id,
                                                            &error);

    g_assert_no_error (error);
    shelter_person_set_high_protection (person, TRUE);
    g_assert_true (shelter_person_save (fixture->manager, person, NULL, &error));
    g_assert_no_error (error);
  }

  seen_by_caseworker = shelter_family_list_relatives (fixture->caseworker, fixture->person_id,
                                                      &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (seen_by_caseworker, 0);
  g_assert_cmpstr (row->full_name, ==, "Lò Thị Xuân");
  g_assert_null (row->phone);
  g_assert_null (row->province_code);
  g_assert_null (row->address_detail);

  seen_by_manager = shelter_family_list_relatives (fixture->manager, fixture->person_id, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (seen_by_manager, 0);
  g_assert_cmpstr (row->phone, ==, "0912345678");
  g_assert_cmpstr (row->province_code, ==, "01");

  /* The caseworker judges the mother unsafe, from what they were shown (no phone, no
   * address): the judgement changes, the phone and address the manager sees stay. */
  {
    ShelterRelativeRow *shown = g_ptr_array_index (seen_by_caseworker, 0);
    g_autoptr (GPtrArray) after = NULL;
    ShelterRelativeInput edit = {
      .id = shown->id, .version = shown->version, .person_id = fixture->person_id,
      .full_name = shown->full_name, .relation = shown->relation, .may_contact = FALSE,
      .safety = "unsafe", .safety_reason = "Bà ngoại báo mẹ có liên lạc với đối tượng môi giới",
    };

    g_assert_cmpint (shelter_family_save_relative (fixture->caseworker, &edit, &error), >, 0);
    g_assert_no_error (error);
    after = shelter_family_list_relatives (fixture->manager, fixture->person_id, &error);
    g_assert_no_error (error);
    row = g_ptr_array_index (after, 0);
    g_assert_cmpstr (row->safety, ==, "unsafe");
    g_assert_cmpstr (row->phone, ==, "0912345678");
    g_assert_cmpstr (row->province_code, ==, "01");
    g_assert_cmpstr (row->address_detail, ==, "Ngõ 5");
  }

  flags = shelter_family_no_contact (fixture->caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_null (((ShelterNoContactRow *) g_ptr_array_index (flags, 0))->full_name);
  g_assert_nonnull (((ShelterNoContactRow *) g_ptr_array_index (flags, 0))->case_code);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/app/family/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("relative-stored", test_relative_stored);
  ADD ("rejects-bad-input", test_bad_input);
  ADD ("contact-refused", test_contact_refused);
  ADD ("visit-refused-recorded", test_visit_refused_recorded);
  ADD ("visit-banned", test_visit_banned);
  ADD ("no-contact-month", test_no_contact_month);
  ADD ("permissions", test_permissions);
  ADD ("protected-masked", test_protected_masked);
#undef ADD

  return g_test_run ();
}
