/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "shelter-text.h"

static void
test_fold (void)
{
  /* "Đặng Thị Ánh" typed precomposed (NFC) and decomposed (NFD) folds the same. */
  const char *nfc = "\xc4\x90\xe1\xba\xb7ng Th\xe1\xbb\x8b \xc3\x81nh";
  const char *nfd = "\xc4\x90" "a\xcc\xa3\xcc\x86" "ng Thi\xcc\xa3 A\xcc\x81nh";
  g_autofree char *a = shelter_text_fold (nfc);
  g_autofree char *b = shelter_text_fold (nfd);
  g_autofree char *c = shelter_text_fold ("  HS-2026-00012 ");
  g_autofree char *d = shelter_text_fold ("đường ĐỨC");

  g_assert_cmpstr (a, ==, "dang thi anh");
  g_assert_cmpstr (b, ==, "dang thi anh");
  g_assert_cmpstr (c, ==, "hs 2026 00012");
  g_assert_cmpstr (d, ==, "duong duc");
}

static void
test_clean (void)
{
  const char *nfd = "Thi\xcc\xa3";
  gboolean invalid = FALSE;
  g_autofree char *a = shelter_text_clean ("  Nguyễn   Thị\tMai  ", &invalid);
  g_autofree char *b = shelter_text_clean (nfd, &invalid);
  g_autofree char *c = shelter_text_clean ("Mai\xe2\x80\x8b", &invalid);
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;

  g_assert_cmpstr (a, ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (b, ==, "Th\xe1\xbb\x8b");
  g_assert_cmpstr (c, ==, "Mai");
  g_assert_false (invalid);
  d = shelter_text_clean ("Mai\x01", &invalid);
  g_assert_null (d);
  g_assert_true (invalid);
  e = shelter_text_clean ("Mai\xff", &invalid);
  g_assert_null (e);
  g_assert_true (invalid);
  g_assert_null (shelter_text_clean ("   ", &invalid));
  g_assert_false (invalid);
}

static int
compare_keys (GBytes *a,
              GBytes *b)
{
  return g_bytes_compare (a, b);
}

static void
test_sort_key_vietnamese_order (void)
{
  /* By given name first; then the Vietnamese alphabet: a ă â ... d đ ..., tones after. */
  const char *given_in_order[] = { "An", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đức", "Yến" };
  g_autoptr (GBytes) previous = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (given_in_order); i++)
    {
      GBytes *key = shelter_text_name_sort_key ("Nguyễn", "Thị", given_in_order[i]);
      if (previous != NULL)
        g_assert_cmpint (compare_keys (previous, key), <, 0);
      g_clear_pointer (&previous, g_bytes_unref);
      previous = key;
    }

  {
    /* Given name beats family name: "Trần Văn An" before "Bùi Thị Bình". */
    g_autoptr (GBytes) an = shelter_text_name_sort_key ("Trần", "Văn", "An");
    g_autoptr (GBytes) binh = shelter_text_name_sort_key ("Bùi", "Thị", "Bình");
    g_autoptr (GBytes) lan_a = shelter_text_name_sort_key ("Lê", "Thị", "Lan");
    g_autoptr (GBytes) lan_b = shelter_text_name_sort_key ("Lê", "Ngọc", "Lan");
    g_assert_cmpint (compare_keys (an, binh), <, 0);
    /* Same given name: the middle name decides. */
    g_assert_cmpint (compare_keys (lan_b, lan_a), <, 0);
  }
}

static void
test_search_query (void)
{
  g_autofree char *q = shelter_text_search_query ("Nguyen thi  LAN");
  g_autofree char *r = shelter_text_search_query ("\"OR\" NOT *");

  g_assert_cmpstr (q, ==, "\"nguyen\"* \"thi\"* \"lan\"*");
  g_assert_cmpstr (r, ==, "\"or\"* \"not\"*");
  g_assert_null (shelter_text_search_query (" -*- "));
}

static void
test_dates (void)
{
  g_autofree char *a = shelter_text_format_date ("2026-03-05");
  g_autofree char *b = shelter_text_format_date ("2026-11-22T09:30:00+07:00");
  g_autofree char *c = shelter_text_format_date ("1998");
  GDate date, on;

  g_assert_cmpstr (a, ==, "05/03/2026");
  g_assert_cmpstr (b, ==, "22/11/2026");
  g_assert_cmpstr (c, ==, "1998");

  g_date_clear (&date, 1);
  g_assert_true (shelter_text_parse_date ("5/3/2026", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 5);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_false (shelter_text_parse_date ("31/02/2026", &date));
  g_assert_false (shelter_text_parse_date ("05/03/26", &date));
  g_assert_false (shelter_text_parse_date ("hôm qua", &date));

  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 22, 11, 2026);
  g_assert_cmpint (shelter_text_age_on ("2010-11-22", &on), ==, 16);
  g_assert_cmpint (shelter_text_age_on ("2010-11-23", &on), ==, 15);
  g_assert_cmpint (shelter_text_age_on ("1990", &on), ==, 36);
  g_assert_cmpint (shelter_text_age_on (NULL, &on), ==, -1);
  g_assert_cmpint (shelter_text_age_on ("2030-01-01", &on), ==, -1);
}

static void
test_formal_date (void)
{
  /* The source strings (the tests run in the C locale): a leading zero for days under 10
   * and for January and February only. */
  const struct
  {
    const char *iso;
    const char *expected;
  } cases[] = {
    { "2026-03-05", "day 05 month 3 year 2026" },
    { "2026-01-01", "day 01 month 01 year 2026" },
    { "2026-02-28", "day 28 month 02 year 2026" },
    { "2026-12-12", "day 12 month 12 year 2026" },
    { "2026-10-09T23:30:00+07:00", "day 09 month 10 year 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formal = shelter_text_format_formal_date (cases[i].iso);
      g_assert_cmpstr (formal, ==, cases[i].expected);
    }
  {
    g_autofree char *empty = shelter_text_format_formal_date (NULL);
    g_autofree char *bad = shelter_text_format_formal_date ("2026-02-30");

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (bad, ==, "2026-02-30");
  }
}

static void
test_formal_date_vietnamese (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *march = NULL;
  g_autofree char *january = NULL;
  g_autofree char *december = NULL;
  const char *localedir = g_getenv ("SHELTER_LOCALEDIR");

  if (localedir == NULL || setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("No Vietnamese locale on this computer");
      return;
    }
  g_setenv ("LANGUAGE", "vi", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  march = shelter_text_format_formal_date ("2026-03-05");
  january = shelter_text_format_formal_date ("2026-01-01");
  december = shelter_text_format_formal_date ("2026-12-12");
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);

  if (g_str_equal (march, "day 05 month 3 year 2026"))
    {
      g_test_skip ("po/vi.po does not translate the formal date yet");
      return;
    }
  g_assert_cmpstr (march, ==, "ngày 05 tháng 3 năm 2026");
  g_assert_cmpstr (january, ==, "ngày 01 tháng 01 năm 2026");
  g_assert_cmpstr (december, ==, "ngày 12 tháng 12 năm 2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/text/fold-ignores-diacritics-and-form", test_fold);
  g_test_add_func ("/app/text/clean", test_clean);
  g_test_add_func ("/app/text/vietnamese-name-order", test_sort_key_vietnamese_order);
  g_test_add_func ("/app/text/search-query", test_search_query);
  g_test_add_func ("/app/text/dates-and-ages", test_dates);
  g_test_add_func ("/app/text/formal-date", test_formal_date);
  g_test_add_func ("/app/text/formal-date-vietnamese", test_formal_date_vietnamese);

  return g_test_run ();
}
