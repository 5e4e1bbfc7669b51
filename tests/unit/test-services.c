/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-audit.h"
#include "shelter-reception.h"
#include "shelter-services.h"
#include "shelter-settings.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */
#define TODAY "2026-11-22"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *counsellor;
  ShelterSession *admin;
  gint64          women;
  gint64          family;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->counsellor = test_session_new (fixture->db, "counsellor");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->women = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  fixture->family = test_add_room (fixture->caseworker, "C101", "family", "any", 20);
  /* The accounts of the sessions, so that they can be named on a record. */
  test_add_account (fixture->db, "test.caseworker", "Trần Thị Lan", "caseworker");
  test_add_account (fixture->db, "test.manager", "Hoàng Văn Thắng", "manager");
  test_add_account (fixture->db, "test.medical", "Lê Thị Hoa", "medical");
  test_add_account (fixture->db, "test.counsellor", "Phạm Ngọc Minh", "counsellor");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->counsellor);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

/* Receives a woman of @type and @nationality ("citizen", "foreigner"...), trafficked in
 * @scope ("domestic", "abroad" or NULL) on @at. */
static ShelterStay *
receive (Fixture     *fixture,
         const char  *given,
         const char  *birth,
         const char  *type,
         const char  *nationality,
         const char  *scope,
         gint64       linked_person,
         const char  *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female", birth);
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_person_set_person_type (person, type);
  shelter_person_set_nationality_status (person, nationality);
  if (g_str_equal (nationality, "foreigner"))
    shelter_person_set_nationality (person, "LA");
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Lò Văn Pản");
  if (scope != NULL)
    shelter_intake_set_trafficking_scope (intake, scope);
  if (g_strcmp0 (scope, "abroad") == 0)
    shelter_intake_set_destination_country (intake, "CN");
  if (linked_person > 0)
    shelter_intake_set_linked_person_id (intake, linked_person);
  stay = shelter_receive_person (fixture->caseworker, person, intake,
                                 g_str_equal (type, "accompanying_minor") ? fixture->family
                                                                           : fixture->women,
                                 at, &error);
  g_assert_no_error (error);
  return stay;
}

static ShelterStay *
receive_victim (Fixture    *fixture,
                const char *at)
{
  return receive (fixture, "Mai", "1998-03-04", "victim", "citizen", "abroad", 0, at);
}

/* A valid record of @kind/@subkind for @stay by @staff on @on; the caller adds the rest. */
static ShelterServiceRecord
record_of (ShelterStay *stay,
           const char  *kind,
           const char  *subkind,
           const char  *staff,
           const char  *on)
{
  ShelterServiceRecord record = {
    .stay_id = shelter_stay_get_id (stay), .kind = kind, .subkind = subkind,
    .done_on = on, .staff_user = staff, .description = "Đã thực hiện", .cost_dong = -1,
  };

  return record;
}

/* Entitlements: one refusal for each row of the matrix that says no, with the reason. */
static void
test_entitlement_refusals (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterStay) mother = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (ShelterStay) child = NULL;
  g_autoptr (ShelterStay) abroad = receive (fixture, "Hoa", "2000-01-01", "being_identified",
                                            "citizen", "abroad", 0,
                                            "2026-11-01T11:00:00+07:00");
  g_autoptr (ShelterStay) in_country = receive (fixture, "Lan", "2000-01-01", "being_identified",
                                                "citizen", "domestic", 0,
                                                "2026-11-01T11:30:00+07:00");
  g_autoptr (ShelterStay) foreigner = receive (fixture, "Noy", "2012-01-01", "victim",
                                               "foreigner", "domestic", 0,
                                               "2026-11-01T12:00:00+07:00");
  g_autoptr (GHashTable) course = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) school = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record;
  gint64 id;

  child = receive (fixture, "Páo", "2016-06-01", "accompanying_minor", "citizen", NULL,
                   shelter_stay_get_person_id (mother), "2026-11-01T10:05:00+07:00");

  g_hash_table_insert (course, "trade", "May công nghiệp");
  g_hash_table_insert (course, "from_on", "2026-11-10");
  g_hash_table_insert (school, "school", "Trường THCS Tân Phong");
  g_hash_table_insert (school, "grade", "8");
  g_hash_table_insert (school, "from_on", "2026-11-10");

  /* An accompanying child: a to h, no vocational training (i). */
  record = record_of (child, "vocational", "training_course", "test.caseworker", "2026-11-10");
  record.details = course;
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
  g_assert_cmpstr (error->message, ==,
                   "Vocational training and job counselling (i) is not among the supports a "
                   "child accompanying a victim is entitled to (a to h). A manager may record "
                   "an exception.");
  g_clear_error (&error);
  /* ... while the mother, a victim, may have it. */
  record.stay_id = shelter_stay_get_id (mother);
  id = shelter_services_record (fixture->caseworker, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* A person being identified, trafficked abroad: a to d, no legal aid (đ). */
  record = record_of (abroad, "legal", "legal_aid", "test.caseworker", "2026-11-05");
  record.provider = "Trung tâm Trợ giúp pháp lý nhà nước tỉnh";
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
  g_assert_cmpstr (error->message, ==,
                   "Legal aid (đ) is not among the supports a person being identified abroad "
                   "is entitled to (a to d). A manager may record an exception.");
  g_clear_error (&error);
  /* Legal counselling (d) is within a to d. */
  record.subkind = "legal_counselling";
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  g_assert_no_error (error);
  /* In Vietnam, a to g: legal aid yes, schooling (h) no. */
  record = record_of (in_country, "legal", "legal_aid", "test.caseworker", "2026-11-05");
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  g_assert_no_error (error);
  record = record_of (in_country, "schooling", "schooling", "test.caseworker", "2026-11-10");
  record.details = school;
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
  g_assert_true (strstr (error->message, "(a to g)") != NULL);
  g_clear_error (&error);

  /* A foreigner: a, b, c, d, đ, g; no schooling (h), no travel costs (e). */
  record = record_of (foreigner, "schooling", "schooling", "test.caseworker", "2026-11-10");
  record.details = school;
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
  g_assert_cmpstr (error->message, ==,
                   "Schooling (h) is not among the supports a foreign victim of trafficking is "
                   "entitled to (a to đ, g). A manager may record an exception.");
  g_clear_error (&error);
  record = record_of (foreigner, "travel", "travel_costs", "test.caseworker", "2026-11-10");
  record.cost_dong = 300000;
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
  g_clear_error (&error);

  /* Nothing refused was written. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM service"), ==, 3);
}

/* The matrix is data: a row that ends changes the answer for the days after it. */
static void
test_entitlements_are_data (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_auto (GStrv) allowed = NULL;
  g_autofree char *who = NULL;
  g_autoptr (GError) error = NULL;

  allowed = shelter_services_entitlements (fixture->caseworker, shelter_stay_get_id (stay),
                                           TODAY, &who, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (allowed), ==, 10);
  g_assert_cmpstr (who, ==, "a victim of trafficking");
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM entitlement WHERE valid_from = '2025-07-01' "
                               "AND legal_basis LIKE 'Luật Phòng, chống mua bán người 2024%'"),
                   >, 0);
}

/* A manager's exception lets a refused service through, for that stay and type only. */
static void
test_exception (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterStay) abroad = receive (fixture, "Hoa", "2000-01-01", "being_identified",
                                            "citizen", "abroad", 0,
                                            "2026-11-01T11:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = record_of (abroad, "legal", "legal_aid", "test.caseworker",
                                           "2026-11-05");
  gint64 exception, id;

  /* A caseworker may not decide it; a manager must give a reason. */
  g_assert_cmpint (shelter_services_add_exception (fixture->caseworker,
                                                   shelter_stay_get_id (abroad), "dd",
                                                   "Cần luật sư cho phiên tòa", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (shelter_services_add_exception (fixture->manager,
                                                   shelter_stay_get_id (abroad), "dd", "  ",
                                                   &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_EXCEPTION_REASON);
  g_clear_error (&error);

  exception = shelter_services_add_exception (fixture->manager, shelter_stay_get_id (abroad),
                                              "dd", "Cần luật sư cho phiên tòa xét xử đối tượng "
                                              "mua bán người", &error);
  g_assert_no_error (error);
  g_assert_cmpint (exception, >, 0);
  id = shelter_services_record (fixture->caseworker, &record, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM service "
                                            "WHERE entitlement_exception_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'add_exception'"), ==, 1);
  /* Not for another support type. */
  record.kind = "travel";
  record.subkind = "travel_costs";
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED);
}

/* Bad input is refused with the field named. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-10T10:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record;

  /* Before admission. */
  record = record_of (stay, "medical", "examination", "test.medical", "2026-11-09");
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DATE);
  g_assert_true (g_str_has_prefix (error->message, "Date: the resident was admitted on 10/11/2026"));
  g_clear_error (&error);
  /* In the future. */
  record.done_on = "2026-11-23";
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DATE);
  g_clear_error (&error);
  /* Not a date. */
  record.done_on = "22/11/2026";
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DATE);
  g_clear_error (&error);
  /* A negative cost. */
  record.done_on = "2026-11-12";
  record.cost_dong = -5000;
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_COST);
  g_clear_error (&error);
  record.cost_dong = -1;
  /* A next date before the service. */
  record.next_on = "2026-11-11";
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_NEXT_DATE);
  g_clear_error (&error);
  record.next_on = "2026-12-12";
  /* A staff member whose role may not record medical care. */
  record.staff_user = "test.counsellor";
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_STAFF);
  g_assert_cmpstr (error->message, ==,
                   "Staff member: Phạm Ngọc Minh is Counsellor and may not give Medical care. "
                   "Choose someone whose role does, or name the outside provider.");
  g_clear_error (&error);
  /* Neither staff nor provider. */
  record.staff_user = NULL;
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_STAFF);
  g_clear_error (&error);
  record.staff_user = "test.medical";
  /* A required field of the subkind. */
  record.subkind = "hospital_referral";
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DETAIL);
  g_assert_true (g_str_has_prefix (error->message, "Hospital:"));
  g_clear_error (&error);
  record.subkind = "examination";
  /* A role that may not record the kind at all. */
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (shelter_services_record (fixture->admin, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  record.kind = "psychological";
  record.subkind = "counselling";
  g_assert_cmpint (shelter_services_record (fixture->manager, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM service"), ==, 0);

  /* The same, right, is written with its audit entry. */
  record = record_of (stay, "medical", "examination", "test.medical", "2026-11-12");
  record.cost_dong = 0;
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'record_service'"), ==, 1);
}

/* A service after the discharge belongs to the follow-up. */
static void
test_after_discharge (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record;

  g_assert_true (shelter_discharge_stay (fixture->manager, stay, "2026-11-15T10:00:00+07:00",
                                         "goals_reached", &error));
  g_assert_no_error (error);
  record = record_of (stay, "legal", "legal_counselling", "test.caseworker", "2026-11-16");
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DATE);
  g_clear_error (&error);
  /* On the day of discharge it still counts. */
  record.done_on = "2026-11-15";
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  g_assert_no_error (error);
}

static ShelterServiceEntry *
find_entry (GPtrArray *entries,
            gint64     id)
{
  for (guint i = 0; i < entries->len; i++)
    if (shelter_service_entry_get_id (g_ptr_array_index (entries, i)) == id)
      return g_ptr_array_index (entries, i);
  g_assert_not_reached ();
}

/* The counsellor's note: read by counsellors only, never by a manager or a caseworker. */
static void
test_psychological_note (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = record_of (stay, "psychological", "counselling",
                                           "test.counsellor", "2026-11-20");
  ShelterSession *readers[] = { fixture->manager, fixture->caseworker, fixture->medical,
                                fixture->counsellor };
  gint64 id;

  g_hash_table_insert (details, "format", "individual");
  record.details = details;
  record.next_on = "2026-11-27";
  record.confidential_note = "Kể về người chú đã bán mình";
  id = shelter_services_record (fixture->counsellor, &record, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (readers); i++)
    {
      g_autoptr (GPtrArray) timeline = NULL;
      g_autoptr (GPtrArray) list = NULL;
      ShelterServiceFilter filter = { 0 };
      ShelterServiceEntry *entry;
      gboolean counsellor = readers[i] == fixture->counsellor;

      timeline = shelter_services_list_person (readers[i], shelter_stay_get_person_id (stay),
                                               &error);
      g_assert_no_error (error);
      entry = find_entry (timeline, id);
      /* Everyone sees that there was a session and when the next one is. */
      g_assert_cmpstr (shelter_service_entry_get_next_on (entry), ==, "2026-11-27");
      g_assert_cmpstr (shelter_service_entry_get_detail (entry, "format"), ==, "individual");
      if (counsellor)
        g_assert_cmpstr (shelter_service_entry_get_confidential_note (entry), ==,
                         "Kể về người chú đã bán mình");
      else
        g_assert_null (shelter_service_entry_get_confidential_note (entry));

      list = shelter_services_list (readers[i], &filter, 0, 50, &error);
      g_assert_no_error (error);
      entry = find_entry (list, id);
      if (!counsellor)
        g_assert_null (shelter_service_entry_get_confidential_note (entry));
    }
  /* The counsellor's reads are in the trail; the note is not. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "action = 'view_restricted' AND actor = "
                                            "'test.counsellor'"), ==, 2);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "details LIKE '%người chú%'"), ==, 0);

  /* Only psychological services keep a note. */
  record = record_of (stay, "legal", "legal_counselling", "test.caseworker", "2026-11-20");
  record.confidential_note = "Bí mật";
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_NOTE);
}

/* HIV status and pregnancy: medical staff only. */
static void
test_restricted_medical (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  gint64 person = shelter_stay_get_person_id (stay);
  ShelterSession *others[] = { fixture->manager, fixture->caseworker, fixture->counsellor,
                               fixture->admin };
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_false (shelter_services_set_restricted (fixture->caseworker, person,
                                                   SHELTER_RESTRICTED_HIV_STATUS, "negative",
                                                   "2026-11-02", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_services_set_restricted (fixture->medical, person,
                                                   SHELTER_RESTRICTED_HIV_STATUS, "maybe",
                                                   "2026-11-02", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RESTRICTED_VALUE);
  g_clear_error (&error);
  g_assert_true (shelter_services_set_restricted (fixture->medical, person,
                                                  SHELTER_RESTRICTED_HIV_STATUS, "positive",
                                                  "2026-11-02", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *hidden = shelter_services_get_restricted (others[i], person,
                                                                 SHELTER_RESTRICTED_HIV_STATUS,
                                                                 &error);

      g_assert_null (hidden);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  value = shelter_services_get_restricted (fixture->medical, person,
                                           SHELTER_RESTRICTED_HIV_STATUS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "positive");
  /* The value is not in the trail; the read is. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "details LIKE '%positive%'"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "action = 'view_restricted' AND actor = "
                                            "'test.medical'"), ==, 1);
}

static gboolean
flagged (Fixture                    *fixture,
         ShelterHealthCheckFlagKind  kind,
         gint64                      stay_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) flags = shelter_services_health_check_flags (fixture->medical, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterHealthCheckFlag *flag = &g_array_index (flags, ShelterHealthCheckFlag, i);

      if (flag->kind == kind && flag->stay_id == stay_id)
        return TRUE;
    }
  return FALSE;
}

/* No health check 24 hours after arrival: flagged; 23 hours: not yet. */
static void
test_arrival_check_flag (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterStay) late = receive_victim (fixture, "2026-11-21T08:00:00+07:00");
  g_autoptr (ShelterStay) fresh = receive (fixture, "Hoa", "2000-01-01", "victim", "citizen",
                                           "domestic", 0, "2026-11-21T10:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = record_of (late, "medical", "arrival_check", "test.medical",
                                           "2026-11-22");

  g_assert_true (flagged (fixture, SHELTER_HEALTH_CHECK_ARRIVAL, shelter_stay_get_id (late)));
  g_assert_false (flagged (fixture, SHELTER_HEALTH_CHECK_ARRIVAL, shelter_stay_get_id (fresh)));

  /* The hours are a setting. */
  g_assert_true (shelter_settings_set (fixture->admin, SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS,
                                       "12", &error));
  g_assert_no_error (error);
  g_assert_true (flagged (fixture, SHELTER_HEALTH_CHECK_ARRIVAL, shelter_stay_get_id (fresh)));
  g_assert_false (shelter_settings_set (fixture->admin,
                                        SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS, "0", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);

  /* Once done, no flag. */
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (flagged (fixture, SHELTER_HEALTH_CHECK_ARRIVAL, shelter_stay_get_id (late)));
}

/* Six months after the last check (or the admission), the periodic check is due. */
static void
test_periodic_check_flag (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (ShelterStay) old = receive_victim (fixture, "2026-04-01T10:00:00+07:00");
  g_autoptr (ShelterStay) checked = receive (fixture, "Hoa", "2000-01-01", "victim", "citizen",
                                             "domestic", 0, "2026-04-01T11:00:00+07:00");
  g_autoptr (ShelterStay) recent = receive (fixture, "Lan", "2000-01-01", "victim", "citizen",
                                            "domestic", 0, "2026-06-01T11:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = record_of (old, "medical", "arrival_check", "test.medical",
                                           "2026-04-01");

  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);
  record = record_of (checked, "medical", "periodic_check", "test.medical", "2026-10-01");
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (flagged (fixture, SHELTER_HEALTH_CHECK_PERIODIC, shelter_stay_get_id (old)));
  g_assert_false (flagged (fixture, SHELTER_HEALTH_CHECK_PERIODIC,
                           shelter_stay_get_id (checked)));
  g_assert_false (flagged (fixture, SHELTER_HEALTH_CHECK_PERIODIC,
                           shelter_stay_get_id (recent)));
  /* A voided check does not count. */
  {
    g_autoptr (GPtrArray) timeline = shelter_services_list_person (fixture->medical,
                                                                   shelter_stay_get_person_id (checked),
                                                                   &error);

    g_assert_no_error (error);
    g_assert_true (shelter_services_void (fixture->medical,
                                          shelter_service_entry_get_id (timeline->pdata[0]),
                                          "Ghi nhầm người", &error));
    g_assert_no_error (error);
  }
  g_assert_true (flagged (fixture, SHELTER_HEALTH_CHECK_PERIODIC,
                          shelter_stay_get_id (checked)));
}

/* The flags of one stay: its own only, both kinds, none once ended or checked; refused to
 * those who do not see residents. */
static void
test_stay_check_flags (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterStay) old = receive_victim (fixture, "2026-04-01T10:00:00+07:00");
  g_autoptr (ShelterStay) other = receive (fixture, "Hoa", "2000-01-01", "victim", "citizen",
                                           "domestic", 0, "2026-11-20T10:00:00+07:00");
  g_autoptr (ShelterStay) fresh = receive (fixture, "Lan", "2000-01-01", "victim", "citizen",
                                           "domestic", 0, "2026-11-22T09:00:00+07:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) flags = NULL;
  ShelterServiceRecord record;
  gboolean arrival = FALSE, periodic = FALSE;

  flags = shelter_services_health_check_flags_for_stay (fixture->caseworker,
                                                        shelter_stay_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 2);
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterHealthCheckFlag *flag = &g_array_index (flags, ShelterHealthCheckFlag, i);

      g_assert_cmpint (flag->stay_id, ==, shelter_stay_get_id (old));
      g_assert_cmpint (flag->person_id, ==, shelter_stay_get_person_id (old));
      if (flag->kind == SHELTER_HEALTH_CHECK_ARRIVAL)
        arrival = TRUE;
      else if (flag->kind == SHELTER_HEALTH_CHECK_PERIODIC)
        {
          periodic = TRUE;
          g_assert_true (g_str_has_prefix (flag->since, "2026-04-01"));
        }
    }
  g_assert_true (arrival && periodic);
  g_clear_pointer (&flags, g_array_unref);

  /* The other stay has its own arrival flag; the one admitted this morning none yet. */
  flags = shelter_services_health_check_flags_for_stay (fixture->medical,
                                                        shelter_stay_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpint (g_array_index (flags, ShelterHealthCheckFlag, 0).kind, ==,
                   SHELTER_HEALTH_CHECK_ARRIVAL);
  g_assert_cmpint (g_array_index (flags, ShelterHealthCheckFlag, 0).stay_id, ==,
                   shelter_stay_get_id (other));
  g_clear_pointer (&flags, g_array_unref);
  flags = shelter_services_health_check_flags_for_stay (fixture->medical,
                                                        shelter_stay_get_id (fresh), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 0);
  g_clear_pointer (&flags, g_array_unref);

  /* A check today clears both flags of the old stay, and only of it. */
  record = record_of (old, "medical", "arrival_check", "test.medical", "2026-11-22");
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  g_assert_no_error (error);
  flags = shelter_services_health_check_flags_for_stay (fixture->medical,
                                                        shelter_stay_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 0);
  g_clear_pointer (&flags, g_array_unref);
  flags = shelter_services_health_check_flags_for_stay (fixture->medical,
                                                        shelter_stay_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_clear_pointer (&flags, g_array_unref);

  /* A stay that does not exist has none. */
  flags = shelter_services_health_check_flags_for_stay (fixture->medical, 999999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 0);
  g_clear_pointer (&flags, g_array_unref);

  /* An administrator keeps the system, not case files: refused. */
  flags = shelter_services_health_check_flags_for_stay (fixture->admin,
                                                        shelter_stay_get_id (other), &error);
  g_assert_null (flags);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

/* The restricted value comes with its day, the newest one; none recorded, neither. */
static void
test_restricted_dated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  gint64 person = shelter_stay_get_person_id (stay);
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  /* The call must set the day to NULL, not leave what was there: a marker the test owns. */
  g_autofree char *marker = g_strdup ("unchanged");
  char *day = marker;

  value = shelter_services_get_restricted_dated (fixture->medical, person,
                                                 SHELTER_RESTRICTED_PREGNANCY, &day, &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_null (day);

  g_assert_true (shelter_services_set_restricted (fixture->medical, person,
                                                  SHELTER_RESTRICTED_PREGNANCY, "unknown",
                                                  "2026-11-02", &error));
  g_assert_true (shelter_services_set_restricted (fixture->medical, person,
                                                  SHELTER_RESTRICTED_PREGNANCY, "pregnant",
                                                  "2026-11-10", &error));
  g_assert_no_error (error);
  value = shelter_services_get_restricted_dated (fixture->medical, person,
                                                 SHELTER_RESTRICTED_PREGNANCY, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "pregnant");
  g_assert_cmpstr (day, ==, "2026-11-10");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&day, g_free);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                                            "action = 'view_restricted' AND actor = "
                                            "'test.medical'"), ==, 2);

  /* Others learn nothing, not even the day. */
  day = marker;
  value = shelter_services_get_restricted_dated (fixture->caseworker, person,
                                                 SHELTER_RESTRICTED_PREGNANCY, &day, &error);
  g_assert_null (value);
  g_assert_null (day);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

/* The centre's list: newest first, filtered by kind, staff, dates and resident; a
 * protected resident's name only to those who may know it. */
static void
test_centre_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ShelterStay) mai = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (ShelterStay) hoa = receive (fixture, "Hoa", "2000-01-01", "victim", "citizen",
                                         "domestic", 0, "2026-11-01T11:00:00+07:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  ShelterServiceFilter filter = { 0 };
  ShelterServiceRecord record;

  record = record_of (mai, "medical", "arrival_check", "test.medical", "2026-11-01");
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  record = record_of (hoa, "medical", "arrival_check", "test.medical", "2026-11-02");
  g_assert_cmpint (shelter_services_record (fixture->medical, &record, &error), >, 0);
  record = record_of (hoa, "legal", "legal_counselling", "test.caseworker", "2026-11-10");
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  record = record_of (mai, "legal", "legal_aid", "test.manager", "2026-11-20");
  record.provider = "Văn phòng Luật sư Hòa Bình";
  g_assert_cmpint (shelter_services_record (fixture->manager, &record, &error), >, 0);
  g_assert_no_error (error);

  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (shelter_service_entry_get_done_on (list->pdata[0]), ==, "2026-11-20");
  g_assert_cmpstr (shelter_service_entry_get_done_on (list->pdata[3]), ==, "2026-11-01");
  g_assert_cmpstr (shelter_service_entry_get_staff_name (list->pdata[3]), ==, "Lê Thị Hoa");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Paging. */
  list = shelter_services_list (fixture->caseworker, &filter, 3, 50, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.kind = "legal";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.staff_user = "test.caseworker";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (shelter_service_entry_get_subkind (list->pdata[0]), ==, "legal_counselling");
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.kind = NULL;
  filter.staff_user = NULL;
  filter.from = "2026-11-02";
  filter.to = "2026-11-10";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter.from = "02/11/2026";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_null (list);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DATE);
  g_clear_error (&error);

  /* By resident, diacritics optional. */
  filter.from = filter.to = NULL;
  filter.resident = "lo thi hoa";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (shelter_service_entry_get_resident_name (list->pdata[0]), ==, "Lò Thị Hoa");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.resident = NULL;
  filter.stay_id = shelter_stay_get_id (mai);
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Hoa comes under high protection: a caseworker sees her case code only, and cannot find
   * her by name; the manager can. */
  {
    g_autoptr (ShelterPerson) person = shelter_person_open (fixture->manager,
                                                            shelter_stay_get_person_id (hoa),
                                                            &error);
    g_assert_no_error (error);
    shelter_person_set_high_protection (person, TRUE);
    g_assert_true (shelter_person_save (fixture->manager, person, NULL, &error));
    g_assert_no_error (error);
  }
  filter.stay_id = shelter_stay_get_id (hoa);
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_null (shelter_service_entry_get_resident_name (list->pdata[0]));
  g_assert_nonnull (shelter_service_entry_get_case_code (list->pdata[0]));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = shelter_services_list (fixture->manager, &filter, 0, 50, &error);
  g_assert_cmpstr (shelter_service_entry_get_resident_name (list->pdata[0]), ==, "Lò Thị Hoa");
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.stay_id = 0;
  filter.resident = "hoa";
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = shelter_services_list (fixture->manager, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

/* A voided service stays in the timeline, marked, and leaves the centre's list. */
static void
test_void (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  ShelterServiceFilter filter = { 0 };
  ShelterServiceRecord record = record_of (stay, "travel", "travel_costs", "test.caseworker",
                                           "2026-11-20");
  gint64 id;

  record.cost_dong = 420000;
  id = shelter_services_record (fixture->caseworker, &record, &error);
  g_assert_no_error (error);
  /* Not by a role that may not record travel costs; not without a reason. */
  g_assert_false (shelter_services_void (fixture->medical, id, "Nhầm", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_services_void (fixture->caseworker, id, "", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_VOID_REASON);
  g_clear_error (&error);
  g_assert_true (shelter_services_void (fixture->caseworker, id, "Ghi hai lần", &error));
  g_assert_no_error (error);

  timeline = shelter_services_list_person (fixture->caseworker,
                                           shelter_stay_get_person_id (stay), &error);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_true (shelter_service_entry_get_voided (timeline->pdata[0]));
  g_assert_cmpstr (shelter_service_entry_get_void_reason (timeline->pdata[0]), ==, "Ghi hai lần");
  g_assert_cmpint (shelter_service_entry_get_cost_dong (timeline->pdata[0]), ==, 420000);
  list = shelter_services_list (fixture->caseworker, &filter, 0, 50, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM service"), ==, 1);
}

/* The fields of a kind: schooling for a child, a loan with its amount. */
static void
test_kind_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive_victim (fixture, "2026-11-01T10:00:00+07:00");
  g_autoptr (GHashTable) loan = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  ShelterServiceRecord record = record_of (stay, "vocational", "loan", "test.caseworker",
                                           "2026-11-20");

  g_hash_table_insert (loan, "amount", "-30000000");
  g_hash_table_insert (loan, "purpose", "Mua máy may");
  record.details = loan;
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DETAIL);
  g_assert_true (g_str_has_prefix (error->message, "Amount borrowed:"));
  g_clear_error (&error);
  g_hash_table_insert (loan, "amount", "30000000");
  g_hash_table_insert (loan, "colour", "red");
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SERVICE_DETAIL);
  g_clear_error (&error);
  g_hash_table_remove (loan, "colour");
  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  g_assert_no_error (error);

  timeline = shelter_services_list_person (fixture->caseworker,
                                           shelter_stay_get_person_id (stay), &error);
  g_assert_cmpstr (shelter_service_entry_get_support_type (timeline->pdata[0]), ==, "k");
  text = shelter_service_entry_dup_details_text (timeline->pdata[0]);
  g_assert_cmpstr (text, ==, "Amount borrowed: 30.000.000 ₫; Purpose of the loan: Mua máy may");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/services/entitlement-refusals", test_entitlement_refusals);
  ADD ("/app/services/entitlements-are-data", test_entitlements_are_data);
  ADD ("/app/services/exception", test_exception);
  ADD ("/app/services/bad-input", test_bad_input);
  ADD ("/app/services/after-discharge", test_after_discharge);
  ADD ("/app/services/psychological-note", test_psychological_note);
  ADD ("/app/services/restricted-medical", test_restricted_medical);
  ADD ("/app/services/arrival-check-flag", test_arrival_check_flag);
  ADD ("/app/services/periodic-check-flag", test_periodic_check_flag);
  ADD ("/app/services/stay-check-flags", test_stay_check_flags);
  ADD ("/app/services/restricted-dated", test_restricted_dated);
  ADD ("/app/services/centre-list", test_centre_list);
  ADD ("/app/services/void", test_void);
  ADD ("/app/services/kind-fields", test_kind_fields);
  return g_test_run ();
}
