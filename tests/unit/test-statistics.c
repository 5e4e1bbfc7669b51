/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shelter-ctl.h"
#include "shelter-meals.h"
#include "shelter-reception.h"
#include "shelter-services.h"
#include "shelter-statistics.h"
#include "shelter-stay-limits.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. The hand-counted centre, for the
 * third quarter of 2026 (01/07 to 30/09):
 *   An    received 20/06 (before the quarter), discharged 10/07: a stay across the start.
 *   Bình  born 01/08/2008, received 01/08/2026, her 18th birthday: band 18-59; two
 *         purposes (sexual exploitation, forced labour); still in care.
 *   Chi   no birth date, received 05/07, discharged 30/09, the last day of the quarter.
 *   Dung  received 02/07, discharged 20/07, received again 10/08: a re-admission.
 * Received: 4 stays, 3 people. Discharged: 3 (An, Chi, Dung's first stay). In care at
 * the end: 2 (Bình, Dung). Ages: 18-59: 3, unknown: 1. Purposes: sexual exploitation 1,
 * forced labour 1, not recorded 3, total 4 people. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *manager;
  ShelterSession *caseworker;
  gint64          room;
  gint64          stays[5];
} Fixture;

static ShelterStay *
receive (Fixture       *fixture,
         ShelterPerson *person,
         const char    *day,
         const char   **purposes)
{
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("%sT10:00:00+07:00", day);
  ShelterStay *stay;

  shelter_intake_set_handed_over_by (intake, "self");
  if (purposes != NULL)
    {
      shelter_intake_set_trafficking_purposes (intake, purposes);
      shelter_intake_set_trafficking_scope (intake, "domestic");
    }
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room, at,
                                 &error);
  g_assert_no_error (error);
  return stay;
}

static void
discharge (Fixture     *fixture,
           ShelterStay *stay,
           const char  *day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *at = g_strdup_printf ("%sT15:00:00+07:00", day);

  g_assert_true (shelter_discharge_stay (fixture->caseworker, stay, at, "own_request", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *two[] = { "sexual_exploitation", "forced_labour", NULL };
  g_autoptr (ShelterPerson) an = test_person_new ("Lò", "Thị", "An", "female", "1990-01-01");
  g_autoptr (ShelterPerson) binh = test_person_new ("Hà", "Thị", "Bình", "female",
                                                    "2008-08-01");
  g_autoptr (ShelterPerson) chi = test_person_new ("Vàng", "Thị", "Chi", "female", NULL);
  g_autoptr (ShelterPerson) dung = test_person_new ("Sùng", "Thị", "Dung", "female",
                                                    "1998-03-04");
  g_autoptr (ShelterStay) an_stay = NULL;
  g_autoptr (ShelterStay) binh_stay = NULL;
  g_autoptr (ShelterStay) chi_stay = NULL;
  g_autoptr (ShelterStay) dung_stay = NULL;
  g_autoptr (ShelterStay) dung_again = NULL;

  fixture->db = test_db_new ();
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);

  an_stay = receive (fixture, an, "2026-06-20", NULL);
  discharge (fixture, an_stay, "2026-07-10");
  dung_stay = receive (fixture, dung, "2026-07-02", NULL);
  chi_stay = receive (fixture, chi, "2026-07-05", NULL);
  discharge (fixture, dung_stay, "2026-07-20");
  binh_stay = receive (fixture, binh, "2026-08-01", two);
  dung_again = receive (fixture, dung, "2026-08-10", NULL);
  discharge (fixture, chi_stay, "2026-09-30");
  fixture->stays[0] = shelter_stay_get_id (an_stay);
  fixture->stays[1] = shelter_stay_get_id (dung_stay);
  fixture->stays[2] = shelter_stay_get_id (chi_stay);
  fixture->stays[3] = shelter_stay_get_id (binh_stay);
  fixture->stays[4] = shelter_stay_get_id (dung_again);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->db);
}

static ShelterStatTable *
table_named (GPtrArray  *tables,
             const char *code)
{
  for (guint i = 0; i < tables->len; i++)
    {
      ShelterStatTable *table = g_ptr_array_index (tables, i);

      if (g_str_equal (table->code, code))
        return table;
    }
  g_assert_not_reached ();
}

static gint64
cell (ShelterStatTable *table,
      const char       *label,
      guint             column)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      ShelterStatRow *row = g_ptr_array_index (table->rows, i);

      if (g_str_equal (row->label, label))
        return row->cells[column];
    }
  g_assert_not_reached ();
}

static GPtrArray *
compute (Fixture    *fixture,
         const char *text,
         gboolean    suppress)
{
  g_autoptr (GError) error = NULL;
  ShelterPeriod period;
  GPtrArray *tables;

  g_assert_true (shelter_period_parse (text, "2026-11-22", &period, &error));
  g_assert_no_error (error);
  tables = shelter_statistics_compute (fixture->manager, &period, suppress, &error);
  g_assert_no_error (error);
  return tables;
}

static void
test_periods (void)
{
  static const struct { const char *text; const char *first; const char *last; } good[] = {
    { "2026-Q3", "2026-07-01", "2026-09-30" },
    { "2026-H1", "2026-01-01", "2026-06-30" },
    { "2026-H2", "2026-07-01", "2026-12-31" },
    { "2026", "2026-01-01", "2026-12-31" },
    { "stat-2026", "2025-12-15", "2026-12-14" },
    { "2026-03-01..2026-05-31", "2026-03-01", "2026-05-31" },
    { "01/03/2026..31/05/2026", "2026-03-01", "2026-05-31" },
  };
  static const char *bad[] = { "2026-Q5", "26", "Q3-2026", "stat-", "2026-03-01..", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      ShelterPeriod period;

      g_assert_true (shelter_period_parse (good[i].text, "2026-11-22", &period, &error));
      g_assert_cmpstr (period.first, ==, good[i].first);
      g_assert_cmpstr (period.last, ==, good[i].last);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      ShelterPeriod period;

      g_assert_false (shelter_period_parse (bad[i], "2026-11-22", &period, &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_PERIOD);
      g_assert_nonnull (strstr (error->message, "--period"));
    }
  {
    g_autoptr (GError) error = NULL;
    ShelterPeriod period;

    g_assert_false (shelter_period_parse ("2026-05-31..2026-03-01", "2026-11-22", &period,
                                          &error));
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REPORT_PERIOD);
    g_assert_nonnull (strstr (error->message, "before the start"));
    g_clear_error (&error);
    g_assert_false (shelter_period_parse ("2027-Q1", "2026-11-22", &period, &error));
    g_assert_nonnull (strstr (error->message, "future"));
  }
}

static void
test_hand_counted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) tables = compute (fixture, "2026-Q3", FALSE);
  ShelterStatTable *summary = table_named (tables, "summary");
  ShelterStatTable *age = table_named (tables, "received_by_age");
  ShelterStatTable *purpose = table_named (tables, "received_by_purpose");
  ShelterStatTable *reasons = table_named (tables, "discharges_by_reason");
  ShelterStatTable *nights = table_named (tables, "bed_nights");

  g_assert_cmpint (cell (summary, "Received in the period (new stays)", 0), ==, 4);
  g_assert_cmpint (cell (summary, "Received in the period (new stays)", 1), ==, 3);
  g_assert_cmpint (cell (summary, "Discharged in the period", 0), ==, 3);
  g_assert_cmpint (cell (summary, "In care at the end of the period", 0), ==, 2);
  g_assert_null (summary->total);

  g_assert_cmpint (cell (age, "Under 16", 0), ==, 0);
  g_assert_cmpint (cell (age, "16–17", 0), ==, 0);
  g_assert_cmpint (cell (age, "18–59", 0), ==, 3);
  g_assert_cmpint (cell (age, "60 and over", 0), ==, 0);
  g_assert_cmpint (cell (age, "Birth date unknown", 0), ==, 1);
  g_assert_cmpint (age->total->cells[0], ==, 4);

  g_assert_cmpint (cell (purpose, "Sexual exploitation", 0), ==, 1);
  g_assert_cmpint (cell (purpose, "Forced labour", 0), ==, 1);
  g_assert_cmpint (cell (purpose, "Not recorded", 0), ==, 3);
  g_assert_cmpint (purpose->total->cells[0], ==, 4);
  g_assert_nonnull (strstr (purpose->counts, "once in each purpose"));

  g_assert_cmpint (reasons->total->cells[0], ==, 3);
  /* Bed-nights in Q3: An 9 (01/07-09/07), Dung 18 + 52 (02/07-19/07, 10/08-30/09),
   * Chi 87 (05/07-29/09), Bình 61 (01/08-30/09). */
  g_assert_cmpint (nights->total->cells[0], ==, 9 + 18 + 52 + 87 + 61);

  /* The quarter before: An alone, received and in care at its end. */
  {
    g_autoptr (GPtrArray) q2 = compute (fixture, "2026-Q2", FALSE);

    summary = table_named (q2, "summary");
    g_assert_cmpint (cell (summary, "Received in the period (new stays)", 0), ==, 1);
    g_assert_cmpint (cell (summary, "In care at the end of the period", 0), ==, 1);
    g_assert_cmpint (cell (summary, "Discharged in the period", 0), ==, 0);
  }
}

static void
record_travel (Fixture    *fixture,
               guint       stay,
               const char *day,
               gint64      cost)
{
  g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  ShelterServiceRecord record = {
    .stay_id = fixture->stays[stay], .kind = "travel", .subkind = "travel_costs",
    .done_on = day, .provider = "Bến xe khách tỉnh", .description = "Vé xe khách",
    .cost_dong = cost, .details = details,
  };

  g_assert_cmpint (shelter_services_record (fixture->caseworker, &record, &error), >, 0);
  g_assert_no_error (error);
}

/* Services in Q3: Dung twice (one a stay, one the next), Chi once; An's in June is Q2's.
 * The people count Dung once; a quarter without any service still has its total row. */
static void
test_services_counted (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *travel = shelter_service_kind_label ("travel");
  g_autoptr (GPtrArray) q3 = NULL;
  g_autoptr (GPtrArray) q2 = NULL;
  g_autoptr (GPtrArray) q1 = NULL;
  ShelterStatTable *services;

  record_travel (fixture, 1, "2026-07-15", 100000);
  record_travel (fixture, 4, "2026-08-20", 50000);
  record_travel (fixture, 2, "2026-07-20", 30000);
  record_travel (fixture, 0, "2026-06-25", 10000);

  q3 = compute (fixture, "2026-Q3", FALSE);
  services = table_named (q3, "services");
  g_assert_cmpint (cell (services, travel, 0), ==, 2);
  g_assert_cmpint (cell (services, travel, 1), ==, 3);
  g_assert_cmpint (cell (services, travel, 2), ==, 180000);
  g_assert_cmpint (services->total->cells[0], ==, 2);
  g_assert_cmpint (services->total->cells[1], ==, 3);
  g_assert_cmpint (services->total->cells[2], ==, 180000);

  q2 = compute (fixture, "2026-Q2", FALSE);
  services = table_named (q2, "services");
  g_assert_cmpint (cell (services, travel, 1), ==, 1);
  g_assert_cmpint (services->total->cells[2], ==, 10000);

  q1 = compute (fixture, "2026-Q1", FALSE);
  services = table_named (q1, "services");
  g_assert_cmpint (services->total->cells[0], ==, 0);
  g_assert_cmpint (services->total->cells[1], ==, 0);
  g_assert_cmpint (services->total->cells[2], ==, 0);
}

/* Meal days with 30 funded days from the admission and a rate of 40.000 ₫ from 01/08,
 * in Q3:
 *   An    01/07-10/07: 10 funded, unpriced (her stay began 20/06: days 12 to 21).
 *   Dung  02/07-20/07: 19 funded, unpriced.
 *   Chi   05/07-03/08 funded (27 unpriced, 3 priced), 04/08-30/09: 58 past the limit.
 *   Bình  01/08-30/08 funded, 31/08-30/09: 31 past the limit.
 *   Dung  again 10/08-08/09 funded, 09/09-30/09: 22 past the limit.
 * Within the limit: 119 days, 63 priced (2.520.000 ₫), 56 without a rate. Past it: 111
 * days, 4.440.000 ₫. */
static void
test_meal_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  ShelterStamp stamp = { "test", "2026-01-01T08:00:00+07:00" };
  ShelterStatTable *meals;
  gint64 days = 0, funded = 0, cost = 0;

  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội thử nghiệm");
  shelter_centre_set_province_scheme (centre, "2025");
  shelter_centre_set_province_code (centre, "01");
  g_assert_true (shelter_centre_store_save (fixture->db, centre, &stamp, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_stay_limits_add (fixture->manager, "funded_meals", 30,
                                            "Nghị định 20/2021/NĐ-CP", "2026-01-01", &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 40000,
                                      "Quyết định số 99/2026/QĐ-UBND (thử nghiệm)",
                                      "2026-08-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  {
    g_autoptr (GPtrArray) tables = compute (fixture, "2026-Q3", FALSE);

    meals = table_named (tables, "meal_days");
    g_assert_cmpint (cell (meals, "Within the funded limit", 0), ==, 119);
    g_assert_cmpint (cell (meals, "Within the funded limit", 1), ==, 63 * 40000);
    g_assert_cmpint (cell (meals, "Within the funded limit", 2), ==, 56);
    g_assert_cmpint (cell (meals, "Past the funded limit", 0), ==, 111);
    g_assert_cmpint (cell (meals, "Past the funded limit", 1), ==, 111 * 40000);
    g_assert_cmpint (cell (meals, "Past the funded limit", 2), ==, 0);
    g_assert_cmpint (meals->total->cells[0], ==, 230);
  }

  /* Over every day of every stay, the period's figures are the stays' own meal days. */
  for (guint i = 0; i < G_N_ELEMENTS (fixture->stays); i++)
    {
      g_autoptr (ShelterMealDays) stay_days = shelter_meal_days_count (fixture->manager,
                                                                       fixture->stays[i],
                                                                       &error);

      g_assert_no_error (error);
      days += stay_days->days;
      funded += stay_days->funded_days;
      cost += stay_days->funded_dong + stay_days->beyond_dong;
    }
  {
    g_autoptr (GPtrArray) tables = compute (fixture, "2026-06-01..2026-11-22", FALSE);

    meals = table_named (tables, "meal_days");
    g_assert_cmpint (meals->total->cells[0], ==, days);
    g_assert_cmpint (cell (meals, "Within the funded limit", 0), ==, funded);
    g_assert_cmpint (meals->total->cells[1], ==, cost);
  }
}

static void
test_suppression (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GPtrArray) tables = compute (fixture, "2026-Q3", TRUE);
  ShelterStatTable *summary = table_named (tables, "summary");
  ShelterStatTable *age = table_named (tables, "received_by_age");

  g_assert_cmpint (cell (summary, "Received in the period (new stays)", 0), ==, 4);
  g_assert_cmpint (cell (summary, "Received in the period (new stays)", 1), ==, 3);
  g_assert_cmpint (cell (summary, "In care at the end of the period", 0), ==,
                   SHELTER_STAT_SUPPRESSED);
  g_assert_cmpint (cell (age, "Birth date unknown", 0), ==, SHELTER_STAT_SUPPRESSED);
  g_assert_cmpint (cell (age, "Under 16", 0), ==, 0);   /* zero says nothing about anyone */
  g_assert_cmpint (age->total->cells[0], ==, 4);
}

static void
test_permission (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ShelterPeriod period;

  g_assert_true (shelter_period_parse ("2026-Q3", "2026-11-22", &period, NULL));
  g_assert_null (shelter_statistics_compute (fixture->caseworker, &period, FALSE, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  {
    g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");

    g_assert_null (shelter_statistics_compute (admin, &period, FALSE, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  }
}

/* What shelterctl prints goes out as TAP comments, not as lines TAP does not know. */
static void
print_as_comment (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      fprintf (stdout, "# %s\n", lines[i]);
}

static int
run_ctl (const char *db,
         const char *period,
         const char *format,
         const char *output)
{
  char *argv[] = { "shelterctl", "report", (char *) db, "--period", (char *) period,
                   "--format", (char *) format, "--output", (char *) output, NULL };
  GPrintFunc previous = g_set_print_handler (print_as_comment);
  int status = shelter_ctl_run (G_N_ELEMENTS (argv) - 1, argv);

  g_set_print_handler (previous);
  return status;
}

static void
test_ctl_csv (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *output = test_path ("q3.csv");
  g_autofree char *missing = test_path ("no-such-folder/q3.csv");
  g_autofree char *contents = NULL;
  const char *db = shelter_db_get_path (fixture->db);
  gsize length;

  g_assert_cmpint (run_ctl (db, "2026-Q3", "csv", output), ==, 0);
  g_assert_true (g_file_get_contents (output, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (contents, "Received in the period (new stays),4,3\r\n"));
  g_assert_nonnull (strstr (contents, "18–59,3\r\n"));
  g_assert_null (strstr (contents, "Bình"));
  g_assert_null (strstr (contents, "Dung"));

  /* Refusals leave no file. */
  g_assert_cmpint (run_ctl (db, "2026-Q3", "xlsx", missing), !=, 0);
  g_assert_cmpint (run_ctl (db, "2026-Q3", "odt", missing), !=, 0);
  g_assert_cmpint (run_ctl (db, "2027-Q1", "csv", missing), !=, 0);
  g_assert_cmpint (run_ctl (db, "2026-Q3", "csv", missing), !=, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/statistics/periods", test_periods);
  g_test_add ("/statistics/hand-counted", Fixture, NULL, fixture_set_up, test_hand_counted,
              fixture_tear_down);
  g_test_add ("/statistics/meal-days", Fixture, NULL, fixture_set_up, test_meal_days,
              fixture_tear_down);
  g_test_add ("/statistics/services-counted", Fixture, NULL, fixture_set_up,
              test_services_counted, fixture_tear_down);
  g_test_add ("/statistics/suppression", Fixture, NULL, fixture_set_up, test_suppression,
              fixture_tear_down);
  g_test_add ("/statistics/permission", Fixture, NULL, fixture_set_up, test_permission,
              fixture_tear_down);
  g_test_add ("/statistics/ctl-csv", Fixture, NULL, fixture_set_up, test_ctl_csv,
              fixture_tear_down);
  return g_test_run ();
}
