/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "shelter-demo.h"
#include "test-common.h"

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, i),
                              i + 1 == sqlite3_column_count (stmt) ? '\n' : '|');
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (out, FALSE);
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autofree char *text = query_text (path, sql);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_creates_realistic_centre (void)
{
  g_autofree char *path = test_path ("demo.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_demo_create (path, 400, 7, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (path, "SELECT count(*) FROM person"), ==, 400);
  g_assert_cmpint (count (path, "SELECT count(*) FROM room"), >=, 10);
  g_assert_cmpint (count (path, "SELECT count(DISTINCT role) FROM staff_user"), ==, 5);
  g_assert_cmpint (count (path, "SELECT count(*) FROM centre"), ==, 1);
  /* Some at the centre today, most gone home. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM stay WHERE discharged_at IS NULL"), >, 10);
  g_assert_cmpint (count (path, "SELECT count(*) FROM stay WHERE discharged_at IS NOT NULL"), >,
                   100);
  /* Nguyễn is the most common family name, as in the country. */
  g_autofree char *top = query_text (path, "SELECT family_name FROM person GROUP BY family_name "
                                           "ORDER BY count(*) DESC LIMIT 1");
  g_assert_cmpstr (top, ==, "Nguyễn\n");
  /* Homes are communes of the 2025 scheme that exist. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM person p WHERE home_commune_code IS NOT NULL "
                                "AND NOT EXISTS (SELECT 1 FROM admin_unit u WHERE u.scheme = "
                                "p.home_scheme AND u.level = 'commune' "
                                "AND u.code = p.home_commune_code "
                                "AND u.parent_code = p.home_province_code)"), ==, 0);
  /* Every admission is in the audit trail. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM audit_log WHERE action = 'admit'"), ==,
                   count (path, "SELECT count(*) FROM stay"));
}

/* The discharges of the last months are recorded with their checklist, and their
 * follow-ups show: some done, some overdue, cases closed. */
static void
test_discharges_and_follow_ups (void)
{
  g_autofree char *path = test_path ("demo.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_demo_create (path, 400, 7, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Recorded discharges, each in the audit trail, ended stays all. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge"), >, 50);
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge d WHERE NOT EXISTS (SELECT 1 "
                                "FROM audit_log a WHERE a.action = 'discharge' "
                                "AND a.entity = 'stay' AND a.entity_id = d.stay_id "
                                "AND a.actor IN ('canbo.lan', 'giamdoc'))"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge d JOIN stay s "
                                "ON s.id = d.stay_id WHERE s.discharged_at IS NULL"), ==, 0);
  /* Most go home to a relative judged safe; the travel home is paid. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge d JOIN family_relative r "
                                "ON r.id = d.received_by_relative_id WHERE r.safety = 'safe'"),
                   >, 20);
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge d JOIN family_relative r "
                                "ON r.id = d.received_by_relative_id WHERE r.safety <> 'safe'"),
                   ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge "
                                "WHERE travel_service_id IS NOT NULL"), >, 10);
  /* A child goes only to a mother or father. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge d JOIN stay s ON s.id = d.stay_id "
                                "JOIN person p ON p.id = s.person_id JOIN family_relative r "
                                "ON r.id = d.received_by_relative_id "
                                "WHERE length(p.birth_date) = 10 "
                                "AND date(p.birth_date, '+18 years') > d.discharged_on "
                                "AND r.relation NOT IN ('mother', 'father')"), ==, 0);
  /* A few left items open, with a manager's reason. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge WHERE override_reason IS NOT NULL "
                                "AND override_by = 'giamdoc'"), >, 0);
  /* At most one death, and no follow-up after it. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM discharge WHERE reason = 'death'"), <=, 1);
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up f JOIN discharge d "
                                "ON d.stay_id = f.stay_id WHERE d.reason = 'death'"), ==, 0);

  /* Follow-ups done, at risk among them, one or two sold again... */
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up WHERE status = 'done'"), >, 30);
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up WHERE situation = 'at_risk' "
                                "AND next_step IS NOT NULL"), >, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up "
                                "WHERE situation = 're_trafficked'"), >=, 1);
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up "
                                "WHERE situation = 're_trafficked'"), <=, 2);
  /* ...others due and not done, so that the Follow-up section has work... */
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up WHERE status = 'planned' "
                                "AND due_on < date('now', '+7 hours')"), >, 0);
  /* ...and none done in the future nor before the discharge. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM follow_up f JOIN discharge d "
                                "ON d.stay_id = f.stay_id WHERE f.status = 'done' "
                                "AND (f.done_on < d.discharged_on "
                                "OR f.done_on > date('now', '+7 hours'))"), ==, 0);
  /* Cases closed, after their last follow-up or early with a reason. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM case_closure"), >, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM case_closure c WHERE early = 0 AND EXISTS "
                                "(SELECT 1 FROM follow_up f WHERE f.stay_id = c.stay_id "
                                "AND f.status = 'planned')"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM case_closure WHERE early = 1 "
                                "AND reason IS NOT NULL"), >=, 1);
}

static void
test_respects_rooms (void)
{
  g_autofree char *path = test_path ("demo.db");
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_demo_create (path, 600, 3, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Today no room holds more people than beds... */
  g_assert_cmpint (count (path, "SELECT count(*) FROM room r WHERE r.beds < (SELECT count(*) "
                                "FROM placement p WHERE p.room_id = r.id AND p.ended_at IS NULL)"),
                   ==, 0);
  /* ...nor did it on any day of its history: at each placement's start, count the
   * placements of the room that overlap that moment. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM placement a JOIN room r ON r.id = a.room_id "
                                "WHERE r.beds < (SELECT count(*) FROM placement b "
                                "WHERE b.room_id = a.room_id AND b.started_at <= a.started_at "
                                "AND (b.ended_at IS NULL OR b.ended_at > a.started_at))"),
                   ==, 0);
  /* Nobody sleeps in a room of the other sex. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM placement pl JOIN stay s ON s.id = pl.stay_id "
                                "JOIN person p ON p.id = s.person_id JOIN room r "
                                "ON r.id = pl.room_id WHERE r.sex_use <> 'family' "
                                "AND r.sex_use <> p.sex"), ==, 0);
  /* Children under 16 at admission are never in an adults' room. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM placement pl JOIN stay s ON s.id = pl.stay_id "
                                "JOIN person p ON p.id = s.person_id JOIN room r "
                                "ON r.id = pl.room_id WHERE r.age_group = 'adult' "
                                "AND p.birth_date IS NOT NULL AND length(p.birth_date) = 10 "
                                "AND date(p.birth_date, '+16 years') > substr(s.admitted_at, 1, 10)"),
                   ==, 0);
}

static void
test_deterministic (void)
{
  g_autofree char *a = test_path ("a.db");
  g_autofree char *b = test_path ("b.db");
  g_autofree char *c = test_path ("c.db");
  g_autofree char *people_a = NULL;
  g_autofree char *people_b = NULL;
  g_autofree char *people_c = NULL;
  const char *sql = "SELECT case_code, family_name, middle_name, given_name, birth_date, "
                    "home_commune_code FROM person ORDER BY id";

  g_assert_true (shelter_demo_create (a, 150, 42, FALSE, NULL, NULL, NULL));
  g_assert_true (shelter_demo_create (b, 150, 42, FALSE, NULL, NULL, NULL));
  g_assert_true (shelter_demo_create (c, 150, 43, FALSE, NULL, NULL, NULL));
  people_a = query_text (a, sql);
  people_b = query_text (b, sql);
  people_c = query_text (c, sql);
  g_assert_cmpstr (people_a, ==, people_b);
  g_assert_cmpstr (people_a, !=, people_c);

  /* The discharges and their follow-ups too. */
  {
    const char *discharges = "SELECT stay_id, reason, received_by_relative_id, "
                             "commune_informed_on, reintegration_plan, override_reason "
                             "FROM discharge ORDER BY stay_id";
    const char *follow_ups = "SELECT stay_id, due_on, status, done_on, situation, next_step "
                             "FROM follow_up ORDER BY id";
    g_autofree char *discharges_a = query_text (a, discharges);
    g_autofree char *discharges_b = query_text (b, discharges);
    g_autofree char *follow_ups_a = query_text (a, follow_ups);
    g_autofree char *follow_ups_b = query_text (b, follow_ups);

    g_assert_cmpstr (discharges_a, !=, "");
    g_assert_cmpstr (discharges_a, ==, discharges_b);
    g_assert_cmpstr (follow_ups_a, ==, follow_ups_b);
  }
}

static void
test_refuses_existing_file (void)
{
  g_autofree char *path = test_path ("existing.db");
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;

  g_assert_true (g_file_set_contents (path, "sổ tay", -1, NULL));
  g_assert_false (shelter_demo_create (path, 10, 1, FALSE, NULL, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FILE_EXISTS);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, "sổ tay");

  g_clear_error (&error);
  g_assert_true (shelter_demo_create (path, 10, 1, TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_person_store_count (db, NULL), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/demo/creates-realistic-centre", test_creates_realistic_centre);
  g_test_add_func ("/app/demo/discharges-and-follow-ups", test_discharges_and_follow_ups);
  g_test_add_func ("/app/demo/respects-rooms", test_respects_rooms);
  g_test_add_func ("/app/demo/deterministic", test_deterministic);
  g_test_add_func ("/app/demo/refuses-existing-file", test_refuses_existing_file);

  return g_test_run ();
}
