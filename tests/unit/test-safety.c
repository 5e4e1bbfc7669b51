/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "shelter-meals.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-safety.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  gint64          women;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->women = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

static ShelterStay *
receive (Fixture    *fixture,
         const char *given,
         const char *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->women, at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

/* A text from an SQL query run straight on the file. */
static char *
query_text (ShelterDb  *db,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (shelter_db_get_path (db), &handle, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return text;
}

static void
exec_sql (ShelterDb  *db,
          const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (shelter_db_get_path (db), &handle, SQLITE_OPEN_READWRITE,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static gint64
protection_of (Fixture     *fixture,
               ShelterStay *stay)
{
  g_autofree char *sql = g_strdup_printf ("SELECT high_protection FROM person WHERE id = %"
                                          G_GINT64_FORMAT, shelter_stay_get_person_id (stay));

  return test_count (fixture->db, sql);
}

static ShelterRiskInput
risk_of (ShelterStay *stay,
         const char  *level)
{
  ShelterRiskInput input = {
    shelter_stay_get_id (stay), "2026-11-20", level, "Đường dây đang tìm chị",
    "Không cho thăm gặp; có cán bộ đi kèm khi ra ngoài", "2026-12-20",
  };

  return input;
}

/* "High" turns the protection on in the same transaction, and the identity is then masked
 * for a caseworker: the summary, the room panel and the kitchen sheet. A lower risk later
 * leaves it on. */
static void
test_high_protects (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00");
  gint64 person_id = shelter_stay_get_person_id (stay);
  g_autoptr (ShelterResidentSummary) before = NULL;
  g_autoptr (ShelterResidentSummary) after = NULL;
  g_autoptr (ShelterResidentSummary) managed = NULL;
  g_autoptr (GPtrArray) panel = NULL;
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;
  ShelterRiskInput input = risk_of (stay, "high");
  ShelterRoomResident *resident;
  gboolean turned_on = TRUE;

  before = shelter_residents_get_summary (fixture->caseworker, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (before), ==, "Lò Thị Mai");
  g_assert_cmpstr (shelter_resident_summary_get_room_code (before), ==, "A101");
  code = g_strdup (shelter_resident_summary_get_case_code (before));
  g_assert_cmpint (shelter_diet_set (fixture->caseworker, shelter_stay_get_id (stay),
                                     "vegetarian", NULL, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* The assessment fails after the protection was set: both are rolled back. */
  exec_sql (fixture->db, "CREATE TRIGGER test_fail BEFORE INSERT ON risk_assessment "
                         "BEGIN SELECT RAISE(ABORT, 'test'); END");
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, &turned_on,
                                               &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (turned_on);
  g_assert_cmpint (protection_of (fixture, stay), ==, 0);
  exec_sql (fixture->db, "DROP TRIGGER test_fail");

  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, &turned_on,
                                               &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (turned_on);
  g_assert_cmpint (protection_of (fixture, stay), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM risk_assessment WHERE "
                                            "protection_set = 1"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'protect' AND entity = 'person'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'assess_risk'"), ==, 1);

  /* The caseworker may no longer know who she is, nor where she sleeps. */
  after = shelter_residents_get_summary (fixture->caseworker, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (after), ==, "Protected identity");
  g_assert_null (shelter_resident_summary_get_room_code (after));
  g_assert_cmpstr (shelter_resident_summary_get_case_code (after), ==, code);
  panel = shelter_room_residents (fixture->caseworker, fixture->women, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (panel->len, ==, 1);
  resident = g_ptr_array_index (panel, 0);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (resident->summary), ==,
                   "Protected identity");
  g_assert_null (shelter_resident_summary_get_room_code (resident->summary));
  sheet = shelter_kitchen_sheet_load (fixture->caseworker, NULL, &error);
  g_assert_no_error (error);
  text = shelter_kitchen_sheet_dup_text (sheet);
  g_assert_null (strstr (text, "Mai"));
  g_assert_nonnull (strstr (text, code));
  /* The manager still may. */
  managed = shelter_residents_get_summary (fixture->manager, person_id, &error);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (managed), ==, "Lò Thị Mai");

  /* Lower: the protection stays until a manager turns it off; high again: no new "protect". */
  input = risk_of (stay, "low");
  input.assessed_on = "2026-11-21";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, &turned_on,
                                               &error), >, 0);
  g_assert_false (turned_on);
  g_assert_cmpint (protection_of (fixture, stay), ==, 1);
  input = risk_of (stay, "high");
  input.assessed_on = "2026-11-22";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->manager, &input, &turned_on,
                                               &error), >, 0);
  g_assert_false (turned_on);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'protect'"), ==, 1);
  /* History: three assessments, newest first; the level for everyone, reasons withheld. */
  {
    g_autoptr (GPtrArray) risks = shelter_safety_list_risks (fixture->caseworker, person_id,
                                                             &error);
    ShelterSafetyRow *current;

    g_assert_no_error (error);
    g_assert_cmpuint (risks->len, ==, 3);
    current = g_ptr_array_index (risks, 0);
    g_assert_cmpstr (current->level, ==, "high");
    g_assert_cmpstr (current->assessed_on, ==, "2026-11-22");
    g_assert_nonnull (current->measures);
    g_assert_null (current->reasons);
    g_assert_true (current->withheld);
    g_assert_cmpstr (((ShelterSafetyRow *) g_ptr_array_index (risks, 1))->level, ==, "low");
  }
}

static ShelterPoliceInput
police_of (ShelterStay *stay)
{
  ShelterPoliceInput input = {
    shelter_stay_get_id (stay), 0, "2026-11-22T08:30:00+07:00", "border_guard",
    "Đại úy Nguyễn Văn Hùng", "in_person", "CV-45/BP", "Đã báo về đối tượng lạ",
  };

  return input;
}

static void
assert_field (GError       *error,
              ShelterField  field)
{
  g_assert_error (error, SHELTER_FIELD_ERROR, (gint) field);
}

/* Informing the police: every field on the row and in the audit trail; refusals. */
static void
test_inform_police (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00");
  g_autoptr (ShelterStay) other = receive (fixture, "Hoa", "2026-11-02T09:00:00+07:00");
  g_autoptr (GError) error = NULL;
  g_autofree char *details = NULL;
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;
  ShelterPoliceInput input = police_of (stay);
  ShelterIncidentInput incident = { shelter_stay_get_id (stay), "2026-11-21",
                                    "Người lạ hỏi thăm ở cổng", "Một người đàn ông",
                                    "Bảo vệ không cho vào" };
  gint64 incident_id, other_incident, id;

  incident_id = shelter_safety_record_incident (fixture->caseworker, &incident, &error);
  g_assert_no_error (error);
  g_assert_cmpint (incident_id, >, 0);
  incident.stay_id = shelter_stay_get_id (other);
  other_incident = shelter_safety_record_incident (fixture->caseworker, &incident, &error);
  g_assert_no_error (error);

  /* Refusals, each naming its field; nothing is written. */
  input.unit = NULL;
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_UNIT);
  g_clear_error (&error);
  input = police_of (stay);
  input.unit = "army";
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_UNIT);
  g_clear_error (&error);
  input = police_of (stay);
  input.means = NULL;
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_MEANS);
  g_clear_error (&error);
  input = police_of (stay);
  input.means = "email";
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_MEANS);
  g_clear_error (&error);
  input = police_of (stay);
  input.informed_at = "2026-11-22T10:00:00+07:00"; /* an hour from now */
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_TIME);
  g_clear_error (&error);
  input.informed_at = "2026-11-01T10:00:00+07:00"; /* before the admission */
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_TIME);
  g_clear_error (&error);
  input.informed_at = "hôm qua";
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_TIME);
  g_clear_error (&error);
  input = police_of (stay);
  input.officer = "   ";
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_OFFICER);
  g_clear_error (&error);
  input = police_of (stay);
  input.incident_id = other_incident;
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &input, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_POLICE_INCIDENT);
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM police_report"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'inform_police'"), ==, 0);

  /* Recorded: a time given in UTC is kept in Vietnam's time. */
  input = police_of (stay);
  input.incident_id = incident_id;
  input.informed_at = "2026-11-22T01:30:00Z";
  id = shelter_safety_inform_police (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  row = query_text (fixture->db, "SELECT informed_at || '|' || unit || '|' || officer || '|' || "
                                 "means || '|' || reference || '|' || note || '|' || "
                                 "incident_id || '|' || created_by FROM police_report");
  expected = g_strdup_printf ("2026-11-22T08:30:00+07:00|border_guard|Đại úy Nguyễn Văn Hùng|"
                              "in_person|CV-45/BP|Đã báo về đối tượng lạ|%" G_GINT64_FORMAT
                              "|test.caseworker", incident_id);
  g_assert_cmpstr (row, ==, expected);
  details = query_text (fixture->db, "SELECT details FROM audit_log WHERE action = "
                                     "'inform_police' AND entity = 'police_report'");
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (details, "informed_at: 2026-11-22T08:30:00+07:00"));
  g_assert_nonnull (strstr (details, "unit: border_guard"));
  g_assert_nonnull (strstr (details, "officer: Đại úy Nguyễn Văn Hùng"));
  g_assert_nonnull (strstr (details, "means: in_person"));
  g_assert_nonnull (strstr (details, "reference: CV-45/BP"));
  g_free (expected);
  expected = g_strdup_printf ("incident: %" G_GINT64_FORMAT, incident_id);
  g_assert_nonnull (strstr (details, expected));
  /* The note is not copied into the trail. */
  g_assert_null (strstr (details, "Đã báo về"));
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'record_incident'"), ==, 2);
}

/* Who may record, and who reads the details of a protected resident. */
static void
test_permissions (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *refused[] = { "medical", "counsellor", "administrator" };
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00");
  gint64 person_id = shelter_stay_get_person_id (stay);
  ShelterRiskInput risk = risk_of (stay, "high");
  ShelterIncidentInput incident = { shelter_stay_get_id (stay), "2026-11-21",
                                    "Người lạ hỏi thăm ở cổng", "Một người đàn ông",
                                    "Bảo vệ không cho vào" };
  ShelterPoliceInput police = police_of (stay);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ShelterSession) session = test_session_new (fixture->db, refused[i]);

      g_assert_cmpint (shelter_safety_assess_risk (session, &risk, NULL, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (shelter_safety_record_incident (session, &incident, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpint (shelter_safety_inform_police (session, &police, &error), ==, 0);
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (protection_of (fixture, stay), ==, 0);
  {
    g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");

    g_assert_null (shelter_safety_list_risks (admin, person_id, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), >, 0);
  g_assert_cmpint (shelter_safety_record_incident (fixture->caseworker, &incident, &error), >, 0);
  g_assert_cmpint (shelter_safety_inform_police (fixture->caseworker, &police, &error), >, 0);
  g_assert_no_error (error);

  /* The resident is now protected: a medical session reads the level and the measures,
   * not the reasons, the incident or the reference. */
  {
    g_autoptr (ShelterSession) medical = test_session_new (fixture->db, "medical");
    g_autoptr (GPtrArray) risks = shelter_safety_list_risks (medical, person_id, &error);
    g_autoptr (GPtrArray) incidents = shelter_safety_list_incidents (medical, person_id, &error);
    g_autoptr (GPtrArray) reports = shelter_safety_list_reports (fixture->caseworker, person_id,
                                                                 &error);
    ShelterSafetyRow *row;

    g_assert_no_error (error);
    row = g_ptr_array_index (risks, 0);
    g_assert_cmpstr (row->level, ==, "high");
    g_assert_nonnull (row->measures);
    g_assert_null (row->reasons);
    row = g_ptr_array_index (incidents, 0);
    g_assert_true (row->withheld);
    g_assert_cmpstr (row->occurred_on, ==, "2026-11-21");
    g_assert_null (row->what);
    g_assert_null (row->involved);
    g_assert_null (row->actions);
    row = g_ptr_array_index (reports, 0);
    g_assert_true (row->withheld);
    g_assert_cmpstr (row->unit, ==, "border_guard");
    g_assert_null (row->reference);
    g_assert_null (row->officer);
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'view_restricted'"), ==, 0);
  /* The manager reads everything, and the reads are on the record. */
  {
    g_autoptr (GPtrArray) incidents = shelter_safety_list_incidents (fixture->manager,
                                                                     person_id, &error);
    g_autoptr (GPtrArray) reports = shelter_safety_list_reports (fixture->manager, person_id,
                                                                 &error);
    ShelterSafetyRow *row;

    g_assert_no_error (error);
    row = g_ptr_array_index (incidents, 0);
    g_assert_false (row->withheld);
    g_assert_cmpstr (row->what, ==, "Người lạ hỏi thăm ở cổng");
    row = g_ptr_array_index (reports, 0);
    g_assert_cmpstr (row->reference, ==, "CV-45/BP");
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'view_restricted'"), ==, 2);
}

/* Refusals of the forms' fields. */
static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00");
  g_autoptr (GError) error = NULL;
  ShelterRiskInput risk = risk_of (stay, "extreme");
  ShelterIncidentInput incident = { shelter_stay_get_id (stay), "2026-11-23", "x", NULL, "y" };

  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_RISK_LEVEL);
  g_clear_error (&error);
  risk = risk_of (stay, "medium");
  risk.measures = "";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_RISK_MEASURES);
  g_clear_error (&error);
  risk = risk_of (stay, "low");
  risk.review_on = "2026-11-20";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_RISK_REVIEW_DATE);
  g_clear_error (&error);
  risk = risk_of (stay, "low");
  risk.assessed_on = "2026-11-01";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &risk, NULL, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_RISK_DATE);
  g_clear_error (&error);
  g_assert_cmpint (shelter_safety_record_incident (fixture->caseworker, &incident, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_INCIDENT_DATE);
  g_clear_error (&error);
  incident.occurred_on = "2026-11-20";
  incident.actions = " ";
  g_assert_cmpint (shelter_safety_record_incident (fixture->caseworker, &incident, &error), ==, 0);
  assert_field (error, SHELTER_FIELD_INCIDENT_ACTIONS);
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM risk_assessment"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM safety_incident"), ==, 0);
}

/* The review flag: due on the day and after, only the newest assessment of open stays. */
static void
test_review_due (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ShelterStay) due = receive (fixture, "Mai", "2026-10-01T09:00:00+07:00");
  g_autoptr (ShelterStay) later = receive (fixture, "Hoa", "2026-10-01T09:00:00+07:00");
  g_autoptr (ShelterStay) reviewed = receive (fixture, "Lan", "2026-10-01T09:00:00+07:00");
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  ShelterRiskInput input;
  ShelterSafetyRow *row;

  g_assert_true (shelter_safety_review_is_due (fixture->caseworker, "2026-11-22"));
  g_assert_true (shelter_safety_review_is_due (fixture->caseworker, "2026-11-01"));
  g_assert_false (shelter_safety_review_is_due (fixture->caseworker, "2026-11-23"));
  g_assert_false (shelter_safety_review_is_due (fixture->caseworker, NULL));

  input = risk_of (due, "medium");
  input.assessed_on = "2026-10-05";
  input.review_on = "2026-11-22";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, NULL, &error), >, 0);
  input = risk_of (later, "low");
  input.assessed_on = "2026-10-05";
  input.review_on = "2026-11-23";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, NULL, &error), >, 0);
  input = risk_of (reviewed, "medium");
  input.assessed_on = "2026-10-05";
  input.review_on = "2026-11-05";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, NULL, &error), >, 0);
  input.assessed_on = "2026-11-05";
  input.review_on = "2027-02-05";
  g_assert_cmpint (shelter_safety_assess_risk (fixture->caseworker, &input, NULL, &error), >, 0);
  g_assert_no_error (error);

  flags = shelter_safety_reviews_due (fixture->caseworker, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  row = g_ptr_array_index (flags, 0);
  g_assert_cmpint (row->stay_id, ==, shelter_stay_get_id (due));
  g_assert_cmpstr (row->level, ==, "medium");
  g_assert_cmpstr (row->review_on, ==, "2026-11-22");
  g_clear_pointer (&flags, g_ptr_array_unref);

  /* A resident's page asks for its own stay: Mai's review is due, Lan's is not. */
  flags = shelter_safety_reviews_due (fixture->caseworker, shelter_stay_get_id (due), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  g_clear_pointer (&flags, g_ptr_array_unref);
  flags = shelter_safety_reviews_due (fixture->caseworker, shelter_stay_get_id (reviewed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 0);
}

/* The managers' notices: from any session, after the last one seen, naming the case and the
 * unit only; a caseworker is not told; -1 gives the newest id alone. */
static void
test_reports_after (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = receive (fixture, "Mai", "2026-11-02T09:00:00+07:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notices = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *case_code = NULL;
  ShelterPoliceInput input = police_of (stay);
  ShelterPoliceNotice *notice;
  gint64 first, second, mine, last = 42;

  /* None yet: from now on is 0. */
  notices = shelter_safety_reports_after (fixture->manager, -1, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 0);
  g_assert_cmpint (last, ==, 0);
  g_clear_pointer (&notices, g_ptr_array_unref);

  first = shelter_safety_inform_police (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* Signing in now: the newest id, and nothing before it. */
  last = 0;
  notices = shelter_safety_reports_after (fixture->manager, -1, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 0);
  g_assert_cmpint (last, ==, first);
  g_clear_pointer (&notices, g_ptr_array_unref);

  /* A caseworker is not told. */
  g_assert_null (shelter_safety_reports_after (fixture->caseworker, first, &last, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");

    g_assert_null (shelter_safety_reports_after (admin, -1, &last, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    g_clear_error (&error);
  }

  /* A caseworker at another desk informs the police; a manager then its own report. */
  input.unit = "police";
  second = shelter_safety_inform_police (fixture->caseworker, &input, &error);
  g_assert_no_error (error);
  mine = shelter_safety_inform_police (fixture->manager, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine, >, second);

  notices = shelter_safety_reports_after (fixture->manager, first, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 2);
  g_assert_cmpint (last, ==, mine);
  sql = g_strdup_printf ("SELECT p.case_code FROM person p JOIN stay s ON s.person_id = p.id "
                         "WHERE s.id = %" G_GINT64_FORMAT, shelter_stay_get_id (stay));
  case_code = query_text (fixture->db, sql);
  g_assert_nonnull (case_code);
  notice = g_ptr_array_index (notices, 0);
  g_assert_cmpint (notice->id, ==, second);
  g_assert_cmpstr (notice->case_code, ==, case_code);
  g_assert_cmpstr (notice->unit, ==, "police");
  g_assert_false (notice->own);
  /* Nothing names the resident. */
  g_assert_null (strstr (notice->case_code, "Mai"));
  g_assert_null (strstr (notice->case_code, "Lò"));
  notice = g_ptr_array_index (notices, 1);
  g_assert_cmpint (notice->id, ==, mine);
  g_assert_true (notice->own);
  g_clear_pointer (&notices, g_ptr_array_unref);

  /* Nothing new: still the newest. */
  notices = shelter_safety_reports_after (fixture->manager, mine, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 0);
  g_assert_cmpint (last, ==, mine);
  g_clear_pointer (&notices, g_ptr_array_unref);

  /* Another manager's session: the report is not its own. */
  {
    g_autoptr (ShelterSession) other = test_session_new (fixture->db, "manager");

    notices = shelter_safety_reports_after (other, second, &last, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (notices->len, ==, 1);
    g_assert_false (((ShelterPoliceNotice *) g_ptr_array_index (notices, 0))->own);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/safety/high-protects", test_high_protects);
  ADD ("/app/safety/inform-police", test_inform_police);
  ADD ("/app/safety/permissions", test_permissions);
  ADD ("/app/safety/reports-after", test_reports_after);
  ADD ("/app/safety/validation", test_validation);
  ADD ("/app/safety/review-due", test_review_due);
#undef ADD

  return g_test_run ();
}
