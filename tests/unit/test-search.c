/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "shelter-text.h"
#include "test-common.h"

static const char *const given_names[] = {
  "An", "Bích", "Chi", "Dung", "Đào", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh",
  "Mai", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Sen", "Thảo", "Trang", "Tuyết", "Vân", "Yến",
};

/* Writes people straight through the store, faster than admissions: the search only reads
 * what the store keeps. */
static void
insert_people (ShelterDb  *db,
               const char *family,
               guint       n)
{
  static guint serial;
  ShelterStamp stamp = { "test", "2026-11-22T09:00:00+07:00" };
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ShelterPerson) person = shelter_person_new ();
      g_autoptr (GBytes) sort_key = NULL;
      g_autofree char *code = g_strdup_printf ("T-%06u", ++serial);
      g_autofree char *name = g_strdup_printf ("%s Thị %s", family,
                                               given_names[i % G_N_ELEMENTS (given_names)]);
      g_autofree char *words = shelter_text_fold (name);

      shelter_person_set_case_code (person, code);
      shelter_person_set_family_name (person, family);
      shelter_person_set_middle_name (person, "Thị");
      shelter_person_set_given_name (person, given_names[i % G_N_ELEMENTS (given_names)]);
      shelter_person_set_sex (person, "female");
      shelter_person_set_person_type (person, "other_protected");
      sort_key = shelter_text_name_sort_key (family, "Thị",
                                             given_names[i % G_N_ELEMENTS (given_names)]);
      g_assert_true (shelter_person_store_insert (db, person, sort_key, words, &stamp, &error));
      g_assert_no_error (error);
    }
  g_assert_true (shelter_db_commit (db, &error));
}

static void
void_person (ShelterDb *db,
             gint64     id)
{
  sqlite3 *handle = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE person SET voided_at = 'x', voided_by = 'x', "
                                          "void_reason = 'test' WHERE id = %" G_GINT64_FORMAT, id);

  g_assert_cmpint (sqlite3_open (shelter_db_get_path (db), &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* The names of @ids, to compare orders. */
static char *
names_of (ShelterDb *db,
          GArray    *ids)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ShelterPerson) person = shelter_person_store_get (db, g_array_index (ids, gint64, i),
                                                                   NULL);
      g_autofree char *name = shelter_person_dup_full_name (person);

      g_string_append_printf (names, "%s;", name);
    }
  return g_string_free (names, FALSE);
}

/* A search that matches thousands of people walks the names in order instead of sorting
 * every match: the first screen must be the same people in the same order either way, and
 * voided records stay out. */
static void
test_many_matches_first_screen (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (GArray) many = NULL;
  g_autoptr (GArray) few = NULL;
  g_autoptr (GArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *many_names = NULL;
  g_autofree char *expected_names = NULL;
  g_autoptr (GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));

  insert_people (db, "Nguyễn", 1500);
  insert_people (db, "Quách", 30);
  void_person (db, 1);   /* one "Nguyễn Thị An" no longer on record */

  /* 1,499 living matches: more than the search sorts. */
  many = shelter_residents_search (session, "nguyen", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (many->len, ==, 50);

  /* The same first screen, worked out the slow way: every match, sorted. */
  all = shelter_residents_search (session, "nguyen", 100000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1499);
  for (guint i = 0; i < 50; i++)
    g_array_append_val (expected, g_array_index (all, gint64, i));
  many_names = names_of (db, many);
  expected_names = names_of (db, expected);
  g_assert_cmpstr (many_names, ==, expected_names);
  /* Given names first: "An" before "Bích". */
  g_assert_true (g_str_has_prefix (many_names, "Nguyễn Thị An;"));
  for (guint i = 0; i < many->len; i++)
    g_assert_cmpint (g_array_index (many, gint64, i), !=, 1);

  /* More than ten thousand: each person's words are checked on the way. */
  insert_people (db, "Nguyễn", 10000);
  g_clear_pointer (&many, g_array_unref);
  g_clear_pointer (&all, g_array_unref);
  g_clear_pointer (&many_names, g_free);
  g_clear_pointer (&expected_names, g_free);
  g_array_set_size (expected, 0);
  many = shelter_residents_search (session, "thi ng", 50, &error);
  g_assert_no_error (error);
  all = shelter_residents_search (session, "thi ng", 100000, &error);
  g_assert_cmpuint (all->len, ==, 11500);  /* and one Quách Thị Ngọc */
  for (guint i = 0; i < 50; i++)
    g_array_append_val (expected, g_array_index (all, gint64, i));
  many_names = names_of (db, many);
  expected_names = names_of (db, expected);
  g_assert_cmpstr (many_names, ==, expected_names);
  for (guint i = 0; i < many->len; i++)
    g_assert_cmpint (g_array_index (many, gint64, i), !=, 1);
  /* Every word typed must begin a word of the person's: no word begins with "nga". */
  g_clear_pointer (&many, g_array_unref);
  many = shelter_residents_search (session, "thi nga", 50, &error);
  g_assert_cmpuint (many->len, ==, 0);

  /* Few matches: sorted as well. */
  few = shelter_residents_search (session, "quach hoa", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (few->len, ==, 1);
  g_clear_pointer (&few, g_array_unref);
  /* One letter, as the first key pressed: the first screen of everyone with a word in n. */
  few = shelter_residents_search (session, "N", 50, &error);
  g_assert_cmpuint (few->len, ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/search/many-matches-first-screen", test_many_matches_first_screen);

  return g_test_run ();
}
