/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "shelter-ctl.h"
#include "shelter-meals.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "shelter-text.h"
#include "test-common.h"

/* The clock of every session is 2026-11-22 09:00 +07:00. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;   /* a caseworker */
  ShelterSession *manager;
  ShelterSession *medical;
  ShelterSession *counsellor;
  ShelterSession *admin;
  gint64          women;
  gint64          men;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-01-01T08:00:00+07:00" };

  fixture->db = test_db_new ();
  fixture->session = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->medical = test_session_new (fixture->db, "medical");
  fixture->counsellor = test_session_new (fixture->db, "counsellor");
  fixture->admin = test_session_new (fixture->db, "administrator");
  fixture->women = test_add_room (fixture->session, "A101", "female", "adult", 12);
  fixture->men = test_add_room (fixture->session, "B101", "male", "adult", 4);
  /* The centre is in province 01; its rates are those of province 01. */
  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội thử nghiệm");
  shelter_centre_set_province_scheme (centre, "2025");
  shelter_centre_set_province_code (centre, "01");
  g_assert_true (shelter_centre_store_save (fixture->db, centre, &stamp, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->counsellor);
  g_clear_object (&fixture->medical);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

static gint64
receive_full (Fixture     *fixture,
              const char  *given,
              const char  *sex,
              gboolean     protected,
              const char  *at)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", sex[0] == 'f' ? "Thị" : "Văn", given,
                                                      sex, "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_high_protection (person, protected);
  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->session, person, intake,
                                 sex[0] == 'f' ? fixture->women : fixture->men, at, &error);
  g_assert_no_error (error);
  return shelter_stay_get_id (stay);
}

static gint64
receive (Fixture     *fixture,
         const char  *given,
         const char  *at)
{
  return receive_full (fixture, given, "female", FALSE, at);
}

static void
set_diet (ShelterSession *session,
          gint64          stay,
          const char     *diet,
          const char     *note,
          const char     *allergies,
          const char     *from)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (shelter_diet_set (session, stay, diet, note, allergies, from, &error), >, 0);
  g_assert_no_error (error);
}

static void
away (Fixture    *fixture,
      gint64      stay,
      const char *from,
      const char *back_on,
      const char *returned_at)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (shelter_absence_start (fixture->session, stay, "hospital", from, back_on, NULL,
                                          &error), >, 0);
  g_assert_no_error (error);
  if (returned_at != NULL)
    {
      g_assert_true (shelter_absence_end (fixture->session, stay, returned_at, &error));
      g_assert_no_error (error);
    }
}

static gint64
add_rate (ShelterSession *session,
          const char     *kind,
          const char     *province,
          gint64          amount,
          const char     *from)
{
  g_autoptr (GError) error = NULL;
  gint64 id = shelter_rates_add (session, kind, province, amount,
                                 "Quyết định số 99/2026/QĐ-UBND (thử nghiệm)", from, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
case_code_of (Fixture *fixture,
              gint64   stay_id)
{
  g_autoptr (ShelterStay) stay = shelter_stay_store_get (fixture->db, stay_id, NULL);
  g_autoptr (ShelterPerson) person = shelter_person_store_get (fixture->db,
                                                               shelter_stay_get_person_id (stay),
                                                               NULL);

  return g_strdup (shelter_person_get_case_code (person));
}

/* The day checked by hand: Friday 20/11/2026.
 *   Mai   admitted 01/11, normal diet                          -> eats, normal
 *   Lan   admitted 01/11, vegetarian from 01/11                -> eats, vegetarian
 *   Hoa   admitted 01/11, soft from 15/11 (after an operation) -> eats, soft or medical
 *   Bích  admitted 01/11, under high protection, allergic to
 *         peanuts (normal diet)                                -> eats, normal + allergy
 *   Đào   admitted 01/11, in hospital from 18/11 10:00, back
 *         21/11: away the whole of the 20th                    -> not counted (away 1)
 *   Cúc   admitted 01/11, leaves for hospital 20/11 08:00,
 *         back 21/11: at the centre when the 20th began        -> eats, normal
 *   Xuân  admitted 21/11                                       -> not yet staying
 *   Lan's vegetarian diet is replaced by normal from 21/11, which does not touch the 20th.
 * Residents: Mai, Lan, Hoa, Bích, Cúc = 5; away 1.
 * By diet: normal 3 (Mai, Bích, Cúc), vegetarian 1 (Lan), soft 1 (Hoa), infant 0, other 0;
 * 3 + 1 + 1 = 5 portions at each of breakfast, lunch and dinner. With allergies: 1 (Bích).
 * Special list: Lan, Hoa (by name) and Bích (case code only) = 3.
 * On 21/11: Đào and Cúc are back on that day and Xuân arrives: 5 - 0 + 1 (Đào) + 1 (Xuân)
 * = 7 residents, none away; vegetarian 0 since Lan is normal again. */
static void
test_kitchen_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bich_code = NULL;
  gint64 mai, lan, hoa, bich, dao, cuc;

  mai = receive (fixture, "Mai", "2026-11-01T09:00:00+07:00");
  lan = receive (fixture, "Lan", "2026-11-01T09:00:00+07:00");
  hoa = receive (fixture, "Hoa", "2026-11-01T09:00:00+07:00");
  bich = receive_full (fixture, "Bích", "female", TRUE, "2026-11-01T09:00:00+07:00");
  dao = receive (fixture, "Đào", "2026-11-01T09:00:00+07:00");
  cuc = receive (fixture, "Cúc", "2026-11-01T09:00:00+07:00");
  receive (fixture, "Xuân", "2026-11-21T15:00:00+07:00");
  g_assert_cmpint (mai, >, 0);
  bich_code = case_code_of (fixture, bich);

  set_diet (fixture->session, lan, "vegetarian", NULL, NULL, "2026-11-01");
  set_diet (fixture->session, lan, "normal", NULL, NULL, "21/11/2026");
  set_diet (fixture->medical, hoa, "soft_medical", "Cháo, thức ăn mềm sau mổ", NULL, "15/11/2026");
  set_diet (fixture->session, bich, "normal", NULL, "Đậu phộng", "2026-11-01");
  away (fixture, dao, "2026-11-18T10:00:00+07:00", "2026-11-21", "2026-11-21T16:00:00+07:00");
  away (fixture, cuc, "2026-11-20T08:00:00+07:00", "2026-11-21", "2026-11-21T10:00:00+07:00");

  sheet = shelter_kitchen_sheet_load (fixture->session, "20/11/2026", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->day, ==, "2026-11-20");
  g_assert_cmpuint (g_strv_length (sheet->meals), ==, 3);
  g_assert_cmpstr (sheet->meals[0], ==, "Breakfast");
  g_assert_cmpstr (sheet->meals[2], ==, "Dinner");
  g_assert_cmpuint (sheet->residents, ==, 5);
  g_assert_cmpuint (sheet->away, ==, 1);
  for (guint meal = 0; meal < 3; meal++)
    {
      g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, meal, "normal"), ==, 3);
      g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, meal, "vegetarian"), ==, 1);
      g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, meal, "soft_medical"), ==, 1);
      g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, meal, "infant"), ==, 0);
      g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, meal, "other"), ==, 0);
    }
  g_assert_cmpuint (sheet->with_allergies, ==, 1);
  g_assert_cmpuint (sheet->special->len, ==, 3);
  for (guint i = 0; i < sheet->special->len; i++)
    {
      ShelterKitchenEntry *entry = g_ptr_array_index (sheet->special, i);

      if (g_str_equal (entry->case_code, bich_code))
        {
          g_assert_null (entry->name);
          g_assert_cmpstr (entry->allergies, ==, "Đậu phộng");
        }
      else
        g_assert_nonnull (entry->name);
      if (g_strcmp0 (entry->name, "Lò Thị Hoa") == 0)
        {
          g_assert_cmpstr (entry->diet, ==, "soft_medical");
          g_assert_cmpstr (entry->note, ==, "Cháo, thức ăn mềm sau mổ");
        }
    }
  g_clear_pointer (&sheet, shelter_kitchen_sheet_free);

  sheet = shelter_kitchen_sheet_load (fixture->session, "2026-11-21", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->residents, ==, 7);
  g_assert_cmpuint (sheet->away, ==, 0);
  g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, 1, "vegetarian"), ==, 0);
  g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, 1, "normal"), ==, 6);
}

/* The name of a resident under high protection is on no kitchen sheet, neither for a
 * counsellor (who may not identify them) nor printed by a manager (who may). */
static void
test_kitchen_hides_protected (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *sessions[] = { "counsellor", "manager", "administrator" };
  g_autofree char *code = NULL;
  gint64 hidden;

  hidden = receive_full (fixture, "Kín", "female", TRUE, "2026-11-02T09:00:00+07:00");
  receive (fixture, "Mơ", "2026-11-02T09:00:00+07:00");
  set_diet (fixture->session, hidden, "vegetarian", NULL, NULL, NULL);
  code = case_code_of (fixture, hidden);

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autoptr (ShelterSession) session = test_session_new (fixture->db, sessions[i]);
      g_autoptr (ShelterKitchenSheet) sheet = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *pdf = test_path ("kitchen.pdf");

      sheet = shelter_kitchen_sheet_load (session, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sheet->day, ==, "2026-11-22");
      g_assert_cmpuint (sheet->residents, ==, 2);
      text = shelter_kitchen_sheet_dup_text (sheet);
      g_assert_null (strstr (text, "Kín"));
      g_assert_nonnull (strstr (text, code));
      g_assert_nonnull (strstr (text, "Vegetarian"));
      g_assert_true (shelter_kitchen_sheet_write_pdf (session, sheet, pdf, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      g_unlink (pdf);
    }
  /* Each export is in the audit trail. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'export' AND entity = 'kitchen_sheet'"), ==, 3);
}

/* A stay from 01/08/2026 to today 22/11/2026: 31 + 30 + 31 + 22 = 114 days. In hospital
 * from 10/09 08:00 to 14/09 17:00: away the whole of 11, 12 and 13/09 = 3 days, so
 * 111 meal days. Funded limit 60 (the seeded default): the 60th meal day is 02/10
 * (Aug 31 + Sep 1-10 10 + Sep 14-30 17 + Oct 1-2 2 = 60); 51 days beyond (Oct 3-31 29 +
 * Nov 1-22 22).
 * Rates of province 01: none before 05/08, 40.000 ₫ from 05/08, 50.000 ₫ from 20/09
 * (which ends the first on 19/09). Province 79's rate does not apply.
 *   funded: 01-04/08 unpriced (4); 05/08-19/09 at 40.000: 27 + 10 + 6 = 43 days =
 *   1.720.000 ₫; 20/09-02/10 at 50.000: 11 + 2 = 13 days = 650.000 ₫ -> 2.370.000 ₫,
 *   4 + 43 + 13 = 60.
 *   beyond: 51 days at 50.000 = 2.550.000 ₫, none unpriced. */
static void
test_meal_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterMealDays) days = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autofree char *funded = NULL;
  g_autofree char *beyond = NULL;
  ShelterMealPeriod *period;
  gint64 stay, first;

  stay = receive (fixture, "Thu", "2026-08-01T09:00:00+07:00");
  away (fixture, stay, "2026-09-10T08:00:00+07:00", "2026-09-14", "2026-09-14T17:00:00+07:00");
  add_rate (fixture->manager, "meals_per_day", "79", 99999, "2026-01-01");
  first = add_rate (fixture->manager, "meals_per_day", NULL, 40000, "05/08/2026");
  add_rate (fixture->admin, "meals_per_day", NULL, 50000, "2026-09-20");

  rates = shelter_rates_list (fixture->counsellor, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rates->len; i++)
    {
      ShelterRateRow *rate = g_ptr_array_index (rates, i);

      if (rate->id == first)
        g_assert_cmpstr (rate->valid_to, ==, "2026-09-19");
    }

  days = shelter_meal_days_count (fixture->session, stay, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (days->first_day, ==, "2026-08-01");
  g_assert_cmpstr (days->last_day, ==, "2026-11-22");
  g_assert_cmpuint (days->limit_days, ==, 60);
  g_assert_cmpuint (days->away_days, ==, 3);
  g_assert_cmpuint (days->days, ==, 111);
  g_assert_cmpuint (days->funded_days, ==, 60);
  g_assert_cmpuint (days->beyond_days, ==, 51);
  g_assert_cmpuint (days->funded_unpriced, ==, 4);
  g_assert_cmpuint (days->beyond_unpriced, ==, 0);
  g_assert_cmpint (days->funded_dong, ==, 2370000);
  g_assert_cmpint (days->beyond_dong, ==, 2550000);
  funded = shelter_text_format_money (days->funded_dong);
  beyond = shelter_text_format_money (days->beyond_dong);
  g_assert_cmpstr (funded, ==, "2.370.000 ₫");
  g_assert_cmpstr (beyond, ==, "2.550.000 ₫");

  g_assert_cmpuint (days->periods->len, ==, 4);
  period = g_ptr_array_index (days->periods, 0);
  g_assert_cmpstr (period->first_day, ==, "2026-08-01");
  g_assert_cmpstr (period->last_day, ==, "2026-08-04");
  g_assert_cmpint (period->rate_dong, ==, -1);
  g_assert_null (period->legal_basis);
  g_assert_true (period->funded);
  period = g_ptr_array_index (days->periods, 1);
  g_assert_cmpuint (period->days, ==, 43);
  g_assert_cmpint (period->rate_dong, ==, 40000);
  period = g_ptr_array_index (days->periods, 2);
  g_assert_cmpstr (period->first_day, ==, "2026-09-20");
  g_assert_cmpstr (period->last_day, ==, "2026-10-02");
  g_assert_cmpuint (period->days, ==, 13);
  g_assert_true (period->funded);
  period = g_ptr_array_index (days->periods, 3);
  g_assert_cmpstr (period->first_day, ==, "2026-10-03");
  g_assert_cmpuint (period->days, ==, 51);
  g_assert_false (period->funded);
  g_assert_cmpint (period->rate_dong, ==, 50000);
}

/* Without any rate nothing is priced at 0 ₫: every day is unpriced. */
static void
test_meal_days_unpriced (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ShelterMealDays) days = NULL;
  g_autoptr (GError) error = NULL;
  gint64 stay = receive (fixture, "Sen", "2026-11-13T09:00:00+07:00");

  days = shelter_meal_days_count (fixture->session, stay, &error);
  g_assert_no_error (error);
  /* 13 to 22/11: 10 days, within the limit, none priced. */
  g_assert_cmpuint (days->days, ==, 10);
  g_assert_cmpuint (days->funded_unpriced, ==, 10);
  g_assert_cmpint (days->funded_dong, ==, 0);
  g_assert_cmpuint (days->periods->len, ==, 1);
  g_assert_cmpint (((ShelterMealPeriod *) g_ptr_array_index (days->periods, 0))->rate_dong, ==, -1);

  g_clear_pointer (&days, shelter_meal_days_free);
  days = shelter_meal_days_count (fixture->admin, stay, &error);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_assert_null (days);
}

static void
test_diet_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  gint64 stay = receive (fixture, "Nga", "2026-11-10T14:00:00+07:00");

  /* Before the admission day, with the reason. */
  g_assert_cmpint (shelter_diet_set (fixture->session, stay, "vegetarian", NULL, NULL,
                                     "09/11/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DIET_FROM);
  g_assert_nonnull (strstr (error->message, "10/11/2026"));
  g_clear_error (&error);
  /* In the future. */
  g_assert_cmpint (shelter_diet_set (fixture->session, stay, "vegetarian", NULL, NULL,
                                     "2026-11-23", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DIET_FROM);
  g_clear_error (&error);
  /* Not a day. */
  g_assert_cmpint (shelter_diet_set (fixture->session, stay, "vegetarian", NULL, NULL,
                                     "31/02/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DIET_FROM);
  g_clear_error (&error);
  /* A soft or medical diet says what to cook. */
  g_assert_cmpint (shelter_diet_set (fixture->medical, stay, "soft_medical", "  ", NULL, NULL,
                                     &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DIET_NOTE);
  g_clear_error (&error);
  g_assert_cmpint (shelter_diet_set (fixture->session, stay, "halal", NULL, NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DIET_KIND);
  g_clear_error (&error);
  /* A counsellor records no diet; medical staff no vegetarian one. */
  g_assert_cmpint (shelter_diet_set (fixture->counsellor, stay, "normal", NULL, NULL, NULL,
                                     &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (shelter_diet_set (fixture->medical, stay, "vegetarian", NULL, NULL, NULL,
                                     &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* Nothing was written; then the admission day itself is fine. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM diet"), ==, 0);
  set_diet (fixture->medical, stay, "soft_medical", "Cháo loãng", NULL, "10/11/2026");
  history = shelter_diet_history (fixture->counsellor, stay, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (shelter_diet_find (history, "2026-11-10")->kind, ==, "soft_medical");
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'set_diet'"), ==, 1);
}

static void
test_rate_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *basis = "Quyết định số 1/2026/QĐ-UBND";

  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 0, basis,
                                      "2026-01-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_AMOUNT);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, -40000, basis,
                                      "2026-01-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_AMOUNT);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 40000, " ",
                                      "2026-01-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_BASIS);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 40000, basis,
                                      "31/02/2026", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_FROM);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 40000, basis,
                                      "2026-03-01", "2026-02-28", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_TO);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "travel", NULL, 40000, basis,
                                      "2026-03-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_KIND);
  g_clear_error (&error);
  g_assert_cmpint (shelter_rates_add (fixture->session, "meals_per_day", NULL, 40000, basis,
                                      "2026-03-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM rate"), ==, 0);

  add_rate (fixture->manager, "meals_per_day", NULL, 40000, "2026-03-01");
  /* Not on or before the start of the rate already recorded. */
  g_assert_cmpint (shelter_rates_add (fixture->manager, "meals_per_day", NULL, 45000, basis,
                                      "2026-03-01", NULL, &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_FROM);
  g_assert_nonnull (strstr (error->message, "01/03/2026"));
  g_clear_error (&error);
  /* The clothing kit is another kind: its own history. */
  add_rate (fixture->manager, "clothing_kit", NULL, 750000, "2026-01-01");
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM rate WHERE valid_to IS NULL"),
                   ==, 2);
  /* The schema refuses a zero amount however it comes. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'add_rate'"), ==, 2);
}

static void
test_clothing_kit (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *with_pads[] = { "clothes", "underwear", "sanitary_pads", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterClothingKitRow) kit = NULL;
  gint64 man, woman, later;

  man = receive_full (fixture, "Hùng", "male", FALSE, "2026-11-20T10:00:00+07:00");
  woman = receive (fixture, "Liên", "2026-11-20T10:00:00+07:00");
  later = receive (fixture, "Vy", "2026-11-21T10:00:00+07:00");
  g_assert_false (g_strv_contains (shelter_clothing_kit_items_for ("male"), "sanitary_pads"));
  g_assert_true (g_strv_contains (shelter_clothing_kit_items_for ("female"), "sanitary_pads"));

  /* Sanitary pads for a man are refused on the items. */
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man, with_pads, "2026-11-20",
                                               &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_KIT_ITEMS);
  g_clear_error (&error);
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man, NULL, "2026-11-20",
                                               &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_KIT_ITEMS);
  g_clear_error (&error);
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man,
                                               shelter_clothing_kit_items_for ("male"),
                                               "19/11/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_KIT_DATE);
  g_clear_error (&error);
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man,
                                               shelter_clothing_kit_items_for ("male"),
                                               "23/11/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_KIT_DATE);
  g_clear_error (&error);
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->counsellor, man,
                                               shelter_clothing_kit_items_for ("male"),
                                               "20/11/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* No rate yet: the kit has no cost, not 0 ₫. */
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man,
                                               shelter_clothing_kit_items_for ("male"),
                                               "20/11/2026", &error), >, 0);
  g_assert_no_error (error);
  kit = shelter_clothing_kit_get (fixture->session, man, &error);
  g_assert_cmpint (kit->cost_dong, ==, -1);
  g_assert_cmpstr (kit->items, ==, "clothes,underwear,towel,slippers,toothbrush_paste,soap");
  g_assert_cmpstr (kit->issued_by, ==, "test.caseworker");
  g_clear_pointer (&kit, shelter_clothing_kit_row_free);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM clothing_kit WHERE cost_dong "
                                            "IS NULL"), ==, 1);

  /* One kit a stay. */
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, man,
                                               shelter_clothing_kit_items_for ("male"),
                                               "21/11/2026", &error), ==, 0);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "20/11/2026"));
  g_clear_error (&error);

  /* A rate from 21/11: the kit of the 20th has none, that of the 21st costs it. */
  add_rate (fixture->manager, "clothing_kit", NULL, 750000, "2026-11-21");
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, woman, with_pads, "2026-11-20",
                                               &error), >, 0);
  g_assert_no_error (error);
  kit = shelter_clothing_kit_get (fixture->session, woman, &error);
  g_assert_cmpint (kit->cost_dong, ==, -1);
  g_clear_pointer (&kit, shelter_clothing_kit_row_free);
  g_assert_cmpint (shelter_clothing_kit_issue (fixture->session, later,
                                               shelter_clothing_kit_items_for ("female"), NULL,
                                               &error), >, 0);
  kit = shelter_clothing_kit_get (fixture->session, later, &error);
  g_assert_cmpint (kit->cost_dong, ==, 750000);
  g_assert_cmpstr (kit->issued_on, ==, "2026-11-22");
  g_assert_nonnull (strstr (kit->items, "sanitary_pads"));
}

static void
test_meal_schedule (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterKitchenSheet) sheet = NULL;

  g_assert_false (shelter_settings_set (fixture->admin, SHELTER_SETTING_MEAL_SCHEDULE,
                                        "breakfast;lunch", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_false (shelter_settings_set (fixture->admin, SHELTER_SETTING_MEAL_SCHEDULE,
                                        "breakfast;lunch;Bữa phụ;bua phu", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING);
  g_clear_error (&error);
  g_assert_true (shelter_settings_set (fixture->admin, SHELTER_SETTING_MEAL_SCHEDULE,
                                       "breakfast; lunch ;Bữa phụ chiều;dinner", &error));
  g_assert_no_error (error);
  receive (fixture, "Tâm", "2026-11-02T09:00:00+07:00");
  sheet = shelter_kitchen_sheet_load (fixture->counsellor, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (sheet->meals), ==, 4);
  g_assert_cmpstr (sheet->meals[1], ==, "Lunch");
  g_assert_cmpstr (sheet->meals[2], ==, "Bữa phụ chiều");
  g_assert_cmpuint (shelter_kitchen_sheet_count (sheet, 2, "normal"), ==, 1);
}

static GString *printed;

static void
capture_print (const char *text)
{
  g_string_append (printed, text);
}

/* shelterctl kitchen prints the counts of the same sheet. */
static void
test_ctl_kitchen (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  char *argv[] = { "shelterctl", "kitchen", (char *) shelter_db_get_path (fixture->db),
                   "--date", "2026-11-20", NULL };
  GPrintFunc old;
  gint64 stay;
  int status;

  stay = receive (fixture, "Yến", "2026-11-02T09:00:00+07:00");
  receive (fixture, "Quế", "2026-11-02T09:00:00+07:00");
  set_diet (fixture->session, stay, "vegetarian", NULL, NULL, "2026-11-02");
  sheet = shelter_kitchen_sheet_load (fixture->session, "2026-11-20", &error);
  g_assert_no_error (error);
  expected = shelter_kitchen_sheet_dup_text (sheet);

  printed = g_string_new (NULL);
  old = g_set_print_handler (capture_print);
  status = shelter_ctl_run (G_N_ELEMENTS (argv) - 1, argv);
  g_set_print_handler (old);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (printed->str, ==, expected);
  g_assert_nonnull (strstr (printed->str, "Breakfast\t1\t1\t0\t0\t0\t2\n"));
  g_string_free (printed, TRUE);
}

static void
test_money (void)
{
  const struct { gint64 dong; const char *text; } cases[] = {
    { 0, "0 ₫" }, { 999, "999 ₫" }, { 1000, "1.000 ₫" }, { 1500000, "1.500.000 ₫" },
    { 40000, "40.000 ₫" }, { -2500, "-2.500 ₫" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = shelter_text_format_money (cases[i].dong);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/meals/kitchen-counts", test_kitchen_counts);
  ADD ("/app/meals/kitchen-hides-protected", test_kitchen_hides_protected);
  ADD ("/app/meals/meal-days-limit-and-rate-change", test_meal_days);
  ADD ("/app/meals/meal-days-unpriced", test_meal_days_unpriced);
  ADD ("/app/meals/diet-refusals", test_diet_refusals);
  ADD ("/app/meals/rate-refusals", test_rate_refusals);
  ADD ("/app/meals/clothing-kit", test_clothing_kit);
  ADD ("/app/meals/schedule", test_meal_schedule);
  ADD ("/app/meals/shelterctl-kitchen", test_ctl_kitchen);
#undef ADD
  g_test_add_func ("/app/meals/money", test_money);

  return g_test_run ();
}
