/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shelter-calendar.h"
#include "test-common.h"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;
  gint64          female_adult;
  gint64          female_child;
  gint64          male_adult;
  gint64          family;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->session = test_session_new (fixture->db, "caseworker");
  fixture->female_adult = test_add_room (fixture->session, "A101", "female", "adult", 2);
  fixture->female_child = test_add_room (fixture->session, "A102", "female", "child", 4);
  fixture->male_adult = test_add_room (fixture->session, "B101", "male", "adult", 4);
  fixture->family = test_add_room (fixture->session, "C101", "family", "any", 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

/* Nothing of a refused admission may remain. */
static void
assert_nothing_written (Fixture *fixture)
{
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM stay"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement"), ==, 0);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = 'admit'"),
                   ==, 0);
}

static void
test_admit_writes_everything (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Nguyễn", "Thị", "Mai", "female",
                                                      "2001-04-09");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) found = NULL;

  shelter_person_set_id_paper (person, "cccd");
  shelter_person_set_id_number (person, "001 301 012345");
  shelter_person_set_phone (person, "+84 912 345 678");

  stay = shelter_admit_person (fixture->session, person, fixture->female_adult,
                               "2026-11-21T16:30:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  g_assert_cmpstr (shelter_person_get_case_code (person), ==, "2026-0001");
  g_assert_cmpstr (shelter_stay_get_admitted_at (stay), ==, "2026-11-21T16:30:00+07:00");

  stored = shelter_person_store_get (fixture->db, shelter_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_given_name (stored), ==, "Mai");
  g_assert_cmpstr (shelter_person_get_id_number (stored), ==, "001301012345");
  g_assert_cmpstr (shelter_person_get_phone (stored), ==, "0912345678");
  g_assert_cmpstr (shelter_person_get_nationality (stored), ==, "VN");

  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE room_id = 1 "
                                            "AND ended_at IS NULL"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = 'admit' "
                                            "AND actor = 'test.caseworker' "
                                            "AND details LIKE '%2026-0001%'"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person WHERE created_by = "
                                            "'test.caseworker' AND version = 1"), ==, 1);

  /* The search index has the person, without diacritics and by phone. */
  found = shelter_residents_search (fixture->session, "nguyen thi mai", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = shelter_residents_search (fixture->session, "0912345678", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_case_codes_distinct (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "Lan", "Hoa", "Huệ" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Trần", "Thị", names[i], "female",
                                                          "2013-01-01");
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("2026-%04u", i + 1);

      stay = shelter_admit_person (fixture->session, person, fixture->female_child, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (shelter_person_get_case_code (person), ==, expected);
    }
}

static void
test_rejects_future_birth (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "2027-01-01");
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = NULL;

  stay = shelter_admit_person (fixture->session, person, fixture->female_adult, NULL, &error);
  g_assert_null (stay);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_BIRTH_DATE);
  assert_nothing_written (fixture);

  /* A future admission time is refused as well. */
  g_clear_error (&error);
  shelter_person_set_birth_date (person, "2000-01-01");
  stay = shelter_admit_person (fixture->session, person, fixture->female_adult,
                               "2026-12-01T09:00:00+07:00", &error);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ADMITTED_AT);
  assert_nothing_written (fixture);
}

static void
test_rejects_bad_names (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "   ", "female", "2000-01-01");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_name = g_string_new (NULL);

  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_GIVEN_NAME);

  g_clear_error (&error);
  for (guint i = 0; i < 201; i++)
    g_string_append (long_name, "ễ");
  shelter_person_set_given_name (person, long_name->str);
  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_GIVEN_NAME);

  g_clear_error (&error);
  shelter_person_set_given_name (person, "Hoa2");
  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_GIVEN_NAME);

  g_clear_error (&error);
  shelter_person_set_given_name (person, "Hoa");
  shelter_person_set_family_name (person, "Lê\x07");
  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FAMILY_NAME);
  assert_nothing_written (fixture);
}

static void
test_decomposed_name_stored_composed (Fixture       *fixture,
                                      gconstpointer  data)
{
  /* "Nguyễn" typed in decomposed form on a Mac keyboard. */
  g_autoptr (ShelterPerson) person = test_person_new ("Nguye\xcc\x82\xcc\x83n", "Thi\xcc\xa3",
                                                      "H\xe1\xbb\x93ng", "female", "1999");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  stay = shelter_admit_person (fixture->session, person, fixture->female_adult, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_family_name (person), ==, "Nguyễn");
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person WHERE family_name = "
                                            "'Nguyễn' AND birth_precision = 'year'"), ==, 1);
}

static void
test_rejects_wrong_id_numbers (Fixture       *fixture,
                               gconstpointer  data)
{
  static const struct
  {
    const char *paper;
    const char *number;
  } wrong[] = {
    { "cccd", "00130101234" },   /* 11 digits */
    { "cccd", "0013010123456" }, /* 13 digits */
    { "cccd", "001301O12345" },  /* a letter O */
    { "cccd", "099301012345" },  /* no province 099 */
    { "cmnd", "12345678" },
    { "passport", "AB" },
    { "none", "012345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2001-04-09");
      g_autoptr (GError) error = NULL;

      shelter_person_set_id_paper (person, wrong[i].paper);
      shelter_person_set_id_number (person, wrong[i].number);
      g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult,
                                           NULL, &error));
      g_assert_true (error->domain == SHELTER_FIELD_ERROR);
      g_assert_true (error->code == SHELTER_FIELD_ID_NUMBER || error->code == SHELTER_FIELD_ID_PAPER);
    }
  assert_nothing_written (fixture);
}

/* A CCCD that disagrees with the form's sex or birth year warns but does not block: at the
 * desk, the form is as likely to be wrong as the card. */
static void
test_cccd_mismatch_warns (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *numbers[] = { "001201012345", "001300012345" };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2001-04-09");
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GPtrArray) warnings = NULL;
      g_autoptr (GError) error = NULL;

      shelter_person_set_id_paper (person, "cccd");
      shelter_person_set_id_number (person, numbers[i]);
      stay = shelter_admit_person (fixture->session, person, fixture->female_adult, NULL, &error);
      g_assert_no_error (error);
      warnings = shelter_person_warnings (person);
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "ID number:"));
    }

  {
    g_autoptr (ShelterPerson) agreeing = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2001-04-09");
    g_autoptr (GPtrArray) none = NULL;

    shelter_person_set_id_paper (agreeing, "cccd");
    shelter_person_set_id_number (agreeing, "001301012345");
    none = shelter_person_warnings (agreeing);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_rejects_wrong_phone (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *wrong[] = { "0212345678", "091234567", "09123456789", "0912-abc-678" };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2001-04-09");
      g_autoptr (GError) error = NULL;

      shelter_person_set_phone (person, wrong[i]);
      g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult,
                                           NULL, &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PHONE);
    }
  assert_nothing_written (fixture);
}

static void
test_normalizes_phones (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *typed;
    const char *stored;
  } phones[] = {
    { "+84 912 345 678", "0912345678" },
    { "84912345678", "0912345678" },
    { "0084 912.345.678", "0912345678" },
    { "0169 234 5678", "0392345678" },   /* Viettel 0169 became 039 in 2018 */
    { "0123-456-7890", "0834567890" },   /* VinaPhone 0123 became 083 */
    { "024 3826 1234", "02438261234" },  /* a Hà Nội landline */
    { "+84 24 3826 1234", "02438261234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2001-04-09");
      g_autoptr (GDateTime) now = shelter_session_now (fixture->session);
      g_autoptr (GError) error = NULL;

      shelter_person_set_phone (person, phones[i].typed);
      g_assert_true (shelter_person_validate (person, now, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (shelter_person_get_phone (person), ==, phones[i].stored);
    }
}

static void
test_reception_before_birth (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (ShelterPerson) baby = test_person_new ("Lò", "Thị", "Mai", "female", "2026-06-01");
  g_autoptr (GError) error = NULL;

  g_assert_null (shelter_admit_person (fixture->session, baby, fixture->family,
                                       "2026-05-30T10:00:00+07:00", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ADMITTED_AT);
  assert_nothing_written (fixture);
}

static void
test_case_code_per_year (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *admitted[] = { "2025-12-31T23:30:00+07:00", "2026-01-01T00:10:00+07:00",
                             "2025-12-31T23:50:00+07:00", "2026-01-02T08:00:00+07:00" };
  const char *expected[] = { "2025-0001", "2026-0001", "2025-0002", "2026-0002" };

  /* Across the new year, each year counts from one; late entries of the old year go on
   * from where it stopped. */
  for (guint i = 0; i < G_N_ELEMENTS (admitted); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Trần", "Thị", "Lan", "female",
                                                          "1990-01-01");
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;

      stay = shelter_admit_person (fixture->session, person, fixture->family, admitted[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (shelter_person_get_case_code (person), ==, expected[i]);
    }
}

static void
test_finds_similar_people (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterPerson) first = test_person_new ("Nguyễn", "Thị", "Đào", "female", "2001-04-09");
  g_autoptr (ShelterPerson) same_name = test_person_new (" Nguyễn ", "Thị", "Đào", "female", "2001");
  g_autoptr (ShelterPerson) same_id = test_person_new ("Nguyễn", "Thi", "Dao", "female", "2001-04-09");
  g_autoptr (ShelterPerson) other_year = test_person_new ("Nguyễn", "Thị", "Đào", "female", "1999");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_home_scheme (first, "vn-2025-07");
  shelter_person_set_home_province_code (first, "15");
  shelter_person_set_id_paper (first, "cccd");
  shelter_person_set_id_number (first, "015301012345");
  stay = shelter_admit_person (fixture->session, first, fixture->female_adult, NULL, &error);
  g_assert_no_error (error);

  /* Same name, birth year and province: shown. */
  shelter_person_set_home_province_code (same_name, "15");
  found = shelter_person_find_similar (fixture->session, same_name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, shelter_person_get_id (first));
  g_clear_pointer (&found, g_array_unref);

  /* The ID number typed with spaces, the name spelled without diacritics: still shown. */
  shelter_person_set_id_paper (same_id, "cccd");
  shelter_person_set_id_number (same_id, "015 301 012345");
  found = shelter_person_find_similar (fixture->session, same_id, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_array_unref);

  /* Another birth year and no ID: someone else. */
  shelter_person_set_home_province_code (other_year, "15");
  found = shelter_person_find_similar (fixture->session, other_year, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  /* The person is not their own duplicate. */
  found = shelter_person_find_similar (fixture->session, first, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_working_days (Fixture       *fixture,
                   gconstpointer  data)
{
  GDate from, due;
  g_autoptr (GError) error = NULL;

  g_date_clear (&from, 1);
  g_date_clear (&due, 1);
  /* Friday 20/11/2026 + 10 working days: two weekends skipped -> Friday 04/12/2026. */
  g_date_set_dmy (&from, 20, 11, 2026);
  g_assert_true (shelter_calendar_add_working_days (fixture->db, &from, 10, &due, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&due), ==, 4);
  g_assert_cmpint (g_date_get_month (&due), ==, 12);

  /* Over Quốc khánh 2026 (Tue 1/9, Wed 2/9): Mon 31/08 + 3 -> Thu 3, Fri 4, Mon 07/09. */
  g_date_set_dmy (&from, 31, 8, 2026);
  g_assert_true (shelter_calendar_add_working_days (fixture->db, &from, 3, &due, &error));
  g_assert_cmpint (g_date_get_day (&due), ==, 7);
  g_assert_cmpint (g_date_get_month (&due), ==, 9);
}

/* Two desks edit the same resident: the first save wins, the second is refused, keeps what
 * it typed and gets the stored version to show. */
static void
test_edit_and_stale_edit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "1998-03-05");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) desk1 = NULL;
  g_autoptr (ShelterPerson) desk2 = NULL;
  g_autoptr (ShelterPerson) current = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GError) error = NULL;

  stay = shelter_admit_person (fixture->session, person, fixture->female_adult, NULL, &error);
  g_assert_no_error (error);
  desk1 = shelter_person_open (fixture->session, shelter_person_get_id (person), &error);
  desk2 = shelter_person_open (fixture->session, shelter_person_get_id (person), &error);
  g_assert_no_error (error);

  shelter_person_set_given_name (desk1, "  Huệ ");
  shelter_person_set_phone (desk1, "+84 912 345 678");
  g_assert_true (shelter_person_save (fixture->session, desk1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_person_get_version (desk1), ==, 2);
  g_assert_cmpstr (shelter_person_get_given_name (desk1), ==, "Huệ");

  shelter_person_set_given_name (desk2, "Hồng");
  g_assert_false (shelter_person_save (fixture->session, desk2, &current, &error));
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
  g_clear_error (&error);
  g_assert_cmpstr (shelter_person_get_given_name (desk2), ==, "Hồng");
  g_assert_cmpint (shelter_person_get_version (desk2), ==, 1);
  g_assert_nonnull (current);
  g_assert_cmpstr (shelter_person_get_given_name (current), ==, "Huệ");

  /* The search index follows the new name; the trail says what changed, phone masked. */
  found = shelter_residents_search (fixture->session, "hue", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                            "'update' AND details LIKE '%given-name: Hoa -> Huệ%' "
                                            "AND details LIKE '%phone: (hidden) -> (hidden)%' "
                                            "AND details NOT LIKE '%0912345678%'"), ==, 1);

  /* Bad input is refused with the field named, nothing saved. */
  shelter_person_set_birth_date (current, "2030-01-01");
  g_assert_false (shelter_person_save (fixture->session, current, NULL, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_BIRTH_DATE);
  g_clear_error (&error);

  /* A medical officer may read but not edit. */
  {
    g_autoptr (ShelterSession) medical = test_session_new (fixture->db, "medical");
    g_autoptr (ShelterPerson) seen = shelter_person_open (medical, shelter_person_get_id (person),
                                                          &error);
    g_assert_no_error (error);
    shelter_person_set_given_name (seen, "Hạnh");
    g_assert_false (shelter_person_save (medical, seen, NULL, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  }
}

static void
test_room_must_suit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (ShelterPerson) girl = test_person_new ("Giàng", "Thị", "Mỷ", "female", "2012-05-01");
  g_autoptr (ShelterPerson) man = test_person_new ("Lò", "Văn", "Sơn", "male", "1990-05-01");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  /* A 14-year-old girl is not placed in the women's room nor the men's. */
  g_assert_null (shelter_admit_person (fixture->session, girl, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  g_clear_error (&error);
  g_assert_null (shelter_admit_person (fixture->session, girl, fixture->male_adult, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  g_clear_error (&error);
  g_assert_null (shelter_admit_person (fixture->session, man, fixture->female_adult, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  assert_nothing_written (fixture);

  /* The family room takes anyone. */
  g_clear_error (&error);
  stay = shelter_admit_person (fixture->session, girl, fixture->family, NULL, &error);
  g_assert_no_error (error);
}

static void
test_unknown_age_needs_age_room (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new (NULL, NULL, "Hoa", "female", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE);
  assert_nothing_written (fixture);
}

static void
test_refuses_full_room (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterPerson) third = test_person_new ("Phạm", "Thị", "Lan", "female", "1995-01-01");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Phạm", "Thị", "Hà", "female",
                                                          "1995-01-01");
      g_autoptr (ShelterStay) stay = shelter_admit_person (fixture->session, person,
                                                           fixture->female_adult, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_null (shelter_admit_person (fixture->session, third, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (shelter_person_get_id (third), ==, 0);
}

static void
test_permission_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *refused[] = { "medical", "counsellor", "administrator" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ShelterSession) session = test_session_new (fixture->db, refused[i]);
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female",
                                                          "2000-01-01");
      g_autoptr (GError) error = NULL;

      g_assert_null (shelter_admit_person (session, person, fixture->female_adult, NULL, &error));
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    }
  assert_nothing_written (fixture);

  {
    g_autoptr (ShelterSession) manager = test_session_new (fixture->db, "manager");
    g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "2000-01-01");
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterStay) stay = shelter_admit_person (manager, person, fixture->female_adult,
                                                         NULL, &error);
    g_assert_no_error (error);
  }
}

static void
test_returning_person (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Vũ", "Thị", "Thu", "female", "1994-02-02");
  g_autoptr (ShelterStay) first = NULL;
  g_autoptr (ShelterStay) second = NULL;
  g_autoptr (GError) error = NULL;

  first = shelter_admit_person (fixture->session, person, fixture->female_adult,
                                "2026-06-01T10:00:00+07:00", &error);
  g_assert_no_error (error);

  /* Still in residence: no second stay. */
  g_assert_null (shelter_admit_person (fixture->session, person, fixture->female_adult, NULL,
                                       &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE);
  g_clear_error (&error);

  /* An end before the admission is refused; a proper one frees the bed. */
  g_assert_false (shelter_discharge_stay (fixture->session, first, "2026-05-01T10:00:00+07:00",
                                          "goals_reached", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_DISCHARGED_AT);
  g_clear_error (&error);
  g_assert_true (shelter_discharge_stay (fixture->session, first, "2026-09-01T10:00:00+07:00",
                                         "goals_reached", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM placement WHERE ended_at IS NULL"),
                   ==, 0);

  second = shelter_admit_person (fixture->session, person, fixture->female_adult, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM stay"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/app/admit/writes-person-stay-placement-audit", test_admit_writes_everything);
  ADD ("/app/admit/distinct-case-codes", test_case_codes_distinct);
  ADD ("/app/admit/rejects-future-dates", test_rejects_future_birth);
  ADD ("/app/admit/rejects-bad-names", test_rejects_bad_names);
  ADD ("/app/admit/stores-names-composed", test_decomposed_name_stored_composed);
  ADD ("/app/admit/rejects-wrong-id-numbers", test_rejects_wrong_id_numbers);
  ADD ("/app/admit/cccd-mismatch-warns", test_cccd_mismatch_warns);
  ADD ("/app/admit/rejects-wrong-phone", test_rejects_wrong_phone);
  ADD ("/app/admit/normalizes-phones", test_normalizes_phones);
  ADD ("/app/admit/rejects-reception-before-birth", test_reception_before_birth);
  ADD ("/app/admit/case-code-per-year", test_case_code_per_year);
  ADD ("/app/admit/finds-similar-people", test_finds_similar_people);
  ADD ("/app/calendar/working-days-skip-weekends-and-holidays", test_working_days);
  ADD ("/app/person/edit-and-stale-edit", test_edit_and_stale_edit);
  ADD ("/app/admit/room-must-suit-sex-and-age", test_room_must_suit);
  ADD ("/app/admit/unknown-age-refused-age-room", test_unknown_age_needs_age_room);
  ADD ("/app/admit/refuses-full-room", test_refuses_full_room);
  ADD ("/app/admit/refused-without-permission", test_permission_refused);
  ADD ("/app/admit/returning-person-new-stay", test_returning_person);

  return g_test_run ();
}
