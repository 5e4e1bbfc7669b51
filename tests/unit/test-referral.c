/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-calendar.h"
#include "shelter-reception.h"
#include "shelter-referral-letter.h"
#include "shelter-text.h"
#include "shelter-referrals.h"
#include "test-common.h"

/* Test sessions' clock: Sunday 2026-11-22 09:00 +07:00. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *admin;
  ShelterSession *medical;
  gint64          room;
  gint64          adult;
  gint64          child;
  gint64          hospital;
  gint64          no_contact;
} Fixture;

static gint64
receive (Fixture    *fixture,
         const char *given,
         const char *birth)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_person_type (person, "victim");
  shelter_person_set_nationality_status (person, "citizen");
  shelter_person_set_phone (person, "0912345678");
  shelter_intake_set_handed_over_by (intake, "self");
  if (g_str_has_prefix (birth, "2010"))
    {
      shelter_intake_set_consent_given_by (intake, "guardian");
      shelter_intake_set_guardian_name (intake, "Lò Văn Cha");
    }
  else
    shelter_intake_set_consent_given_by (intake, "person");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-11-01T10:00:00+07:00", &error);
  g_assert_no_error (error);
  return shelter_stay_get_id (stay);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ShelterPartnerInput hospital = { "hospital", "Bệnh viện Đa khoa tỉnh Lào Cai", "BS. Nguyễn Văn Thử",
                                   "0912 000 101", "ctxh@example.vn", NULL, "Khám bệnh", FALSE };
  ShelterPartnerInput school = { "vocational_school", "Trường Trung cấp Nghề tỉnh", NULL,
                                 NULL, NULL, NULL, NULL, FALSE };
  g_autoptr (GError) error = NULL;

  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  fixture->adult = receive (fixture, "Mai", "1998-03-04");
  fixture->child = receive (fixture, "Pằng", "2010-05-06");
  fixture->hospital = shelter_partners_add (fixture->manager, &hospital, &error);
  g_assert_no_error (error);
  fixture->no_contact = shelter_partners_add (fixture->admin, &school, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static const char * const shared_some[] = { "birth_date", "health_summary", NULL };

static gint64
draft (Fixture        *fixture,
       gint64          stay_id,
       const char     *risk,
       gboolean        consent)
{
  g_autoptr (GError) error = NULL;
  ShelterReferralDecision decision = { "2026-11-20", consent ? "agrees" : "refuses",
                                       consent ? "person" : NULL, NULL, shared_some,
                                       "Thiếu máu nhẹ", "Bị lừa bán sang Trung Quốc" };
  gint64 id = shelter_referrals_create (fixture->caseworker, stay_id, fixture->hospital,
                                        "Khám chuyên khoa", &error);

  g_assert_no_error (error);
  g_assert_true (shelter_referrals_record_assessment (fixture->caseworker, id, "2026-11-20", risk,
                                                      "Nguy cơ thấp", "Muốn đi khám", &error));
  g_assert_true (shelter_referrals_record_offer (fixture->caseworker, id, "2026-11-20",
                                                 "Khám miễn phí", &error));
  g_assert_true (shelter_referrals_record_decision (fixture->caseworker, id, &decision, &error));
  g_assert_no_error (error);
  return id;
}

static char *
status_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr (ShelterReferralRow) row = shelter_referrals_get (fixture->manager, id, NULL);

  return g_strdup (row->status);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 id;
  ShelterReferralDeparture alone = { "2026-11-21", "alone", NULL, NULL, 100000 };

  /* A partner without a contact person. */
  g_assert_cmpint (shelter_referrals_create (fixture->caseworker, fixture->adult,
                                             fixture->no_contact, "Học nghề", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_PARTNER);
  g_assert_nonnull (strstr (error->message, "contact person"));
  g_clear_error (&error);

  /* No consent, no sending; a manager's legal ground lets it go. */
  id = draft (fixture, fixture->adult, "low", FALSE);
  g_assert_false (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NO_CONSENT);
  g_clear_error (&error);
  g_assert_false (shelter_referrals_record_legal_ground (fixture->caseworker, id, "Điều 32 Luật",
                                                         shared_some, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_true (shelter_referrals_record_legal_ground (fixture->manager, id,
                                                        "Yêu cầu của cơ quan điều tra",
                                                        shared_some, &error));
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_no_error (error);

  /* An answer dated before sending. */
  g_assert_false (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-19", TRUE,
                                                   NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_ANSWER_DATE);
  g_clear_error (&error);

  /* A child leaving without a parent or legal guardian. */
  id = draft (fixture, fixture->child, "low", TRUE);
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-20", TRUE,
                                                  NULL, &error));
  g_assert_false (shelter_referrals_record_departure (fixture->caseworker, id, &alone, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_GUARDIAN);
  g_clear_error (&error);
  alone.guardian = "Lò Văn Cha";
  g_assert_true (shelter_referrals_record_departure (fixture->caseworker, id, &alone, &error));
  g_assert_no_error (error);

  /* A person at high risk goes escorted. */
  id = draft (fixture, fixture->adult, "high", TRUE);
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-20", TRUE,
                                                  NULL, &error));
  alone.guardian = NULL;
  g_assert_false (shelter_referrals_record_departure (fixture->caseworker, id, &alone, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_CHOICE);
}

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterReferralRow) row = NULL;
  g_autoptr (GPtrArray) overdue = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *result = NULL;
  gint64 id = draft (fixture, fixture->adult, "low", TRUE);

  /* Sent on Thursday 19/11; Monday 23/11 a holiday. */
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-19", &error));
  row = shelter_referrals_get (fixture->caseworker, id, &error);
  g_assert_true (shelter_referrals_deadlines (fixture->caseworker, row, &answer, &result, &error));
  g_assert_cmpstr (answer, ==, "2026-11-20");
  g_assert_cmpstr (result, ==, "2026-11-26");
  g_clear_pointer (&answer, g_free);
  g_clear_pointer (&result, g_free);
  g_assert_true (shelter_holidays_add (fixture->admin, "2026-11-23", "Ngày nghỉ bù", &error));
  g_assert_no_error (error);
  g_assert_true (shelter_referrals_deadlines (fixture->caseworker, row, &answer, &result, &error));
  g_assert_cmpstr (answer, ==, "2026-11-20");
  /* 20, (21-22 weekend), (23 holiday), 24, 25, 26, 27 */
  g_assert_cmpstr (result, ==, "2026-11-27");
  g_clear_pointer (&answer, g_free);
  g_clear_pointer (&result, g_free);

  /* Friday 20/11 -> Tuesday 24/11 across the weekend and the holiday. */
  g_free (row->sent_on);
  row->sent_on = g_strdup ("2026-11-20");
  g_assert_true (shelter_referrals_deadlines (fixture->caseworker, row, &answer, &result, &error));
  g_assert_cmpstr (answer, ==, "2026-11-24");
  g_assert_cmpstr (result, ==, "2026-11-30");

  /* Today (Sunday 22/11) the answer due on 20/11 is overdue. */
  overdue = shelter_referrals_overdue (fixture->caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpint (((ShelterReferralRow *) g_ptr_array_index (overdue, 0))->id, ==, id);
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-20", TRUE,
                                                  NULL, &error));
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = shelter_referrals_overdue (fixture->caseworker, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
}

static void
test_letter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterReferralLetter) letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = test_path ("letter.pdf");
  g_autofree char *pdf = NULL;
  gsize length;
  gint64 id = draft (fixture, fixture->adult, "low", TRUE);

  letter = shelter_referral_letter_load (fixture->caseworker, id, &error);
  g_assert_no_error (error);
  text = shelter_referral_letter_dup_text (letter);
  /* Consented: the date of birth and the health summary. */
  g_assert_nonnull (strstr (text, "04/03/1998"));
  g_assert_nonnull (strstr (text, "Thiếu máu nhẹ"));
  g_assert_nonnull (strstr (text, "BS. Nguyễn Văn Thử"));
  /* Not consented: the name, the phone, the case summary. */
  g_assert_null (strstr (text, "Mai"));
  g_assert_null (strstr (text, "0912345678"));
  g_assert_null (strstr (text, "Trung Quốc"));
  g_assert_true (shelter_referral_letter_write_pdf (fixture->caseworker, letter, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF", 4) == 0);
}

static void
test_handover (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterReferralLetter) record = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = test_path ("handover.pdf");
  g_autofree char *pdf = NULL;
  g_autofree char *completed_on = shelter_text_format_formal_date ("2026-11-21");
  ShelterReferralDeparture escorted = { "2026-11-21", "escorted", "Nguyễn Thị Hộ Tống", NULL, -1 };
  gsize length;
  gint64 id = draft (fixture, fixture->adult, "low", TRUE);

  /* Not completed yet: no record. */
  record = shelter_referral_handover_load (fixture->caseworker, id, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS);
  g_assert_null (record);
  g_clear_error (&error);
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-20", TRUE,
                                                  NULL, &error));
  g_assert_true (shelter_referrals_record_departure (fixture->caseworker, id, &escorted, &error));
  g_assert_true (shelter_referrals_complete (fixture->caseworker, id, "2026-11-21",
                                             "Hồ sơ bệnh án và thẻ BHYT", &error));
  g_assert_no_error (error);

  record = shelter_referral_handover_load (fixture->caseworker, id, &error);
  g_assert_no_error (error);
  text = shelter_referral_letter_dup_text (record);
  g_assert_nonnull (strstr (text, "HANDOVER RECORD"));
  /* The parties, the day, what was handed over. */
  g_assert_nonnull (strstr (text, "Bệnh viện Đa khoa tỉnh Lào Cai"));
  g_assert_nonnull (strstr (text, "BS. Nguyễn Văn Thử"));
  g_assert_nonnull (strstr (text, "Nguyễn Thị Hộ Tống"));
  g_assert_nonnull (strstr (text, completed_on));
  g_assert_nonnull (strstr (text, "Hồ sơ bệnh án và thẻ BHYT"));
  g_assert_nonnull (strstr (text, "/BBBG"));
  /* Consented: the date of birth and the health summary. */
  g_assert_nonnull (strstr (text, "04/03/1998"));
  g_assert_nonnull (strstr (text, "Thiếu máu nhẹ"));
  /* Not consented: the name, the phone, the case summary. */
  g_assert_null (strstr (text, "Mai"));
  g_assert_null (strstr (text, "0912345678"));
  g_assert_null (strstr (text, "Trung Quốc"));
  g_assert_true (shelter_referral_letter_write_pdf (fixture->caseworker, record, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF", 4) == 0);
}

static void
test_transitions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  ShelterReferralDeparture alone = { "2026-11-21", "alone", NULL, NULL, 100000 };
  gint64 id = draft (fixture, fixture->adult, "low", TRUE);
  gint64 other;

  g_assert_false (shelter_referrals_complete (fixture->caseworker, id, "2026-11-21", "x", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS);
  g_clear_error (&error);
  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-20", &error));
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, id, "2026-11-20", TRUE,
                                                  NULL, &error));
  g_assert_true (shelter_referrals_record_departure (fixture->caseworker, id, &alone, &error));
  g_assert_true (shelter_referrals_complete (fixture->caseworker, id, "2026-11-21",
                                             "Biên bản bàn giao số 12", &error));
  g_assert_no_error (error);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "completed");
  g_clear_pointer (&status, g_free);

  /* Declined with a reason. */
  other = draft (fixture, fixture->adult, "low", TRUE);
  g_assert_true (shelter_referrals_send (fixture->caseworker, other, "2026-11-20", &error));
  g_assert_false (shelter_referrals_record_answer (fixture->caseworker, other, "2026-11-20",
                                                   FALSE, NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_TEXT);
  g_clear_error (&error);
  g_assert_true (shelter_referrals_record_answer (fixture->caseworker, other, "2026-11-21",
                                                  FALSE, "Hết chỗ", &error));
  status = status_of (fixture, other);
  g_assert_cmpstr (status, ==, "declined");
  g_clear_pointer (&status, g_free);

  /* Withdrawal: not by another caseworker, but by a manager. */
  other = draft (fixture, fixture->adult, "low", TRUE);
  {
    g_autoptr (ShelterSession) colleague = NULL;
    g_autoptr (ShelterUser) user = shelter_user_new ();

    shelter_user_set_username (user, "canbo.khac");
    shelter_user_set_full_name (user, "Cán bộ khác");
    shelter_user_set_role (user, "caseworker");
    colleague = shelter_session_new_for_user (fixture->db, user);
    g_assert_false (shelter_referrals_withdraw (colleague, other, "Không cần nữa", &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }
  g_assert_true (shelter_referrals_withdraw (fixture->manager, other, "Cán bộ đã nghỉ việc", &error));
  g_assert_no_error (error);
  status = status_of (fixture, other);
  g_assert_cmpstr (status, ==, "withdrawn");
  g_assert_false (shelter_referrals_withdraw (fixture->manager, other, "Lần nữa", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_REFERRAL_STATUS);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'withdraw_referral'"), ==, 1);
}

static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ShelterPartnerInput police = { "police", "Công an tỉnh", "Đại úy A", NULL, NULL, NULL, NULL, FALSE };

  g_assert_cmpint (shelter_partners_add (fixture->caseworker, &police, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (shelter_referrals_create (fixture->medical, fixture->adult, fixture->hospital,
                                             "Khám", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (shelter_referrals_create (fixture->admin, fixture->adult, fixture->hospital,
                                             "Khám", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  police.contact_person = NULL;
  police.kind = "bakery";
  g_assert_cmpint (shelter_partners_add (fixture->manager, &police, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PARTNER_KIND);
}

static void
test_entries (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (ShelterReferralEntry) entry = NULL;
  g_autoptr (ShelterPerson) person = test_person_new ("Vàng", "Thị", "Sua", "female", "1999-01-02");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  gint64 id = draft (fixture, fixture->adult, "low", TRUE);
  gint64 hidden, incoming;

  g_assert_true (shelter_referrals_send (fixture->caseworker, id, "2026-11-19", &error));
  g_assert_no_error (error);

  /* A resident under high protection, and a person not received yet. */
  shelter_person_set_person_type (person, "victim");
  shelter_person_set_nationality_status (person, "citizen");
  shelter_person_set_high_protection (person, TRUE);
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "person");
  stay = shelter_receive_person (fixture->manager, person, intake, fixture->room,
                                 "2026-11-01T10:00:00+07:00", &error);
  g_assert_no_error (error);
  hidden = shelter_referrals_create (fixture->manager, shelter_stay_get_id (stay),
                                     fixture->hospital, "Khám", &error);
  g_assert_no_error (error);
  incoming = shelter_referrals_receive (fixture->caseworker, fixture->hospital, 0, "Chị H.",
                                        "Tiếp nhận", "2026-11-21", &error);
  g_assert_no_error (error);

  entries = shelter_referrals_list_entries (fixture->caseworker, "outgoing", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterReferralEntry *e = g_ptr_array_index (entries, i);

      g_assert_nonnull (shelter_referral_entry_get_case_code (e));
      g_assert_cmpstr (shelter_referral_entry_get_partner_name (e), ==,
                       "Bệnh viện Đa khoa tỉnh Lào Cai");
      g_assert_cmpstr (shelter_referral_entry_get_partner_contact (e), ==, "BS. Nguyễn Văn Thử");
      if (shelter_referral_entry_get_row (e)->id == hidden)
        {
          /* The caseworker may not know who the protected resident is. */
          g_assert_null (shelter_referral_entry_get_resident_name (e));
          g_assert_null (shelter_referral_entry_get_answer_due (e));
          g_assert_cmpint (shelter_referral_entry_get_overdue (e), ==, SHELTER_REFERRAL_ON_TIME);
        }
      else
        {
          g_assert_cmpint (shelter_referral_entry_get_row (e)->id, ==, id);
          g_assert_nonnull (strstr (shelter_referral_entry_get_resident_name (e), "Mai"));
          g_assert_cmpint (shelter_referral_entry_get_person_id (e), >, 0);
          /* Sent on Thursday 19: answer due Friday 20, first result Thursday 26. */
          g_assert_cmpstr (shelter_referral_entry_get_answer_due (e), ==, "2026-11-20");
          g_assert_cmpstr (shelter_referral_entry_get_result_due (e), ==, "2026-11-26");
          g_assert_cmpint (shelter_referral_entry_get_overdue (e), ==,
                           SHELTER_REFERRAL_ANSWER_OVERDUE);
        }
    }

  entry = shelter_referrals_get_entry (fixture->manager, hidden, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (shelter_referral_entry_get_resident_name (entry), "Sua"));
  g_clear_object (&entry);

  entry = shelter_referrals_get_entry (fixture->caseworker, incoming, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_referral_entry_get_person_id (entry), ==, 0);
  g_assert_null (shelter_referral_entry_get_case_code (entry));
  g_assert_null (shelter_referral_entry_get_resident_name (entry));
  g_assert_cmpstr (shelter_referral_entry_get_row (entry)->subject, ==, "Chị H.");
  g_clear_object (&entry);

  g_assert_null (shelter_referrals_list_entries (fixture->admin, NULL, 0, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/referral/refusals", test_refusals);
  ADD ("/referral/deadlines", test_deadlines);
  ADD ("/referral/letter", test_letter);
  ADD ("/referral/handover", test_handover);
  ADD ("/referral/transitions", test_transitions);
  ADD ("/referral/permissions", test_permissions);
  ADD ("/referral/entries", test_entries);
  return g_test_run ();
}
