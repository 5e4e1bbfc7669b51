/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "shelter-db.h"
#include "shelter-text.h"

/* The folding itself lives with the database, which folds names in SQL too (the import's
 * matching index); both must fold alike. */
char *
shelter_text_fold (const char *text)
{
  return shelter_db_fold_text (text);
}

char *
shelter_text_clean (const char *text,
                    gboolean   *invalid)
{
  g_autofree char *composed = NULL;
  GString *clean;
  gboolean pending_space = FALSE;

  if (invalid != NULL)
    *invalid = FALSE;
  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      if (invalid != NULL)
        *invalid = TRUE;
      return NULL;
    }

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  clean = g_string_new (NULL);
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isspace (c))
        {
          pending_space = clean->len > 0;
          continue;
        }
      /* Invisible formatting characters (zero-width space, direction marks) pasted from
       * other programs would make two equal names differ: drop them. But not the joiners,
       * which are part of what is written: an emoji such as a health worker is three
       * characters joined, and Persian or Hindi words need them to read right. */
      if (type == G_UNICODE_FORMAT && c != 0x200C && c != 0x200D)
        continue;
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_UNASSIGNED ||
          type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_SURROGATE)
        {
          if (invalid != NULL)
            *invalid = TRUE;
          g_string_free (clean, TRUE);
          return NULL;
        }
      if (pending_space)
        {
          g_string_append_c (clean, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

static UCollator *
vietnamese_collator (void)
{
  static UCollator *collator;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("vi", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Vietnamese collation: %s", u_errorName (status));
      g_once_init_leave (&initialized, 1);
    }
  return collator;
}

GBytes *
shelter_text_name_sort_key (const char *family_name,
                            const char *middle_name,
                            const char *given_name)
{
  static GMutex lock;
  g_autofree char *joined = NULL;
  g_autofree UChar *utf16 = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t utf16_len = 0;
  guint8 *key;
  int32_t key_len;

  /* Vietnamese lists sort by given name, then middle name, then family name. */
  joined = g_strjoin (" ", given_name ? given_name : "", middle_name ? middle_name : "",
                      family_name ? family_name : "", NULL);

  u_strFromUTF8 (NULL, 0, &utf16_len, joined, -1, &status);
  status = U_ZERO_ERROR;
  utf16 = g_new0 (UChar, utf16_len + 1);
  u_strFromUTF8 (utf16, utf16_len + 1, NULL, joined, -1, &status);
  if (U_FAILURE (status))
    return g_bytes_new (joined, strlen (joined));

  /* A UCollator may not be used from two threads at once. */
  g_mutex_lock (&lock);
  key_len = ucol_getSortKey (vietnamese_collator (), utf16, utf16_len, NULL, 0);
  key = g_malloc (key_len);
  ucol_getSortKey (vietnamese_collator (), utf16, utf16_len, key, key_len);
  g_mutex_unlock (&lock);

  /* Drop the terminating zero ICU appends: SQLite compares blobs by length too. */
  return g_bytes_new_take (key, key_len > 0 ? key_len - 1 : 0);
}

char *
shelter_text_search_query (const char *text)
{
  g_autofree char *folded = shelter_text_fold (text);
  g_auto (GStrv) words = NULL;
  GString *query;

  if (folded[0] == '\0')
    return NULL;

  words = g_strsplit (folded, " ", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      /* Folded words are letters and digits only, so quoting is all the escaping needed. */
      g_string_append_printf (query, "\"%s\"*", words[i]);
    }
  return g_string_free (query, FALSE);
}

static gboolean
parse_iso_date (const char *iso,
                GDate      *out)
{
  unsigned year, month, day;

  if (iso == NULL || strlen (iso) < 10 ||
      sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
shelter_text_format_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (strlen (iso) == 4)
    return g_strdup (iso);
  if (!parse_iso_date (iso, &date))
    return g_strdup (iso);
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

gboolean
shelter_text_parse_date (const char *text,
                         GDate      *out)
{
  unsigned day, month, year;
  char tail;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;

  if (sscanf (text, "%2u/%2u/%4u%c", &day, &month, &year, &tail) == 3 ||
      sscanf (text, "%2u-%2u-%4u%c", &day, &month, &year, &tail) == 3 ||
      sscanf (text, "%2u.%2u.%4u%c", &day, &month, &year, &tail) == 3)
    {
      if (year < 1000 || !g_date_valid_dmy (day, month, year))
        return FALSE;
      g_date_set_dmy (out, day, month, year);
      return TRUE;
    }
  if (strlen (text) == 10 && text[4] == '-')
    return parse_iso_date (text, out);
  return FALSE;
}

int
shelter_text_age_on (const char  *birth,
                     const GDate *on)
{
  GDate birth_date;
  unsigned year;
  int age;

  g_return_val_if_fail (on != NULL && g_date_valid (on), -1);

  if (birth == NULL)
    return -1;

  if (strlen (birth) == 4)
    {
      if (sscanf (birth, "%4u", &year) != 1)
        return -1;
      age = (int) g_date_get_year (on) - (int) year;
      return age >= 0 ? age : -1;
    }

  if (!parse_iso_date (birth, &birth_date))
    return -1;
  age = (int) g_date_get_year (on) - (int) g_date_get_year (&birth_date);
  if (g_date_get_month (on) < g_date_get_month (&birth_date) ||
      (g_date_get_month (on) == g_date_get_month (&birth_date) &&
       g_date_get_day (on) < g_date_get_day (&birth_date)))
    age--;
  return age >= 0 ? age : -1;
}

char *
shelter_text_clean_note (const char *text,
                         gboolean   *invalid)
{
  g_auto (GStrv) lines = NULL;
  GString *note;
  gboolean pending_blank = FALSE;

  if (invalid != NULL)
    *invalid = FALSE;
  if (text == NULL)
    return NULL;

  note = g_string_new (NULL);
  /* Windows and old Mac line ends arrive through the clipboard. */
  lines = g_regex_split_simple ("\r\n|\r|\n", text, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean line_invalid = FALSE;
      g_autofree char *line = shelter_text_clean (lines[i], &line_invalid);

      if (line_invalid)
        {
          if (invalid != NULL)
            *invalid = TRUE;
          g_string_free (note, TRUE);
          return NULL;
        }
      if (line == NULL)
        {
          pending_blank = note->len > 0;
          continue;
        }
      if (note->len > 0)
        g_string_append (note, pending_blank ? "\n\n" : "\n");
      pending_blank = FALSE;
      g_string_append (note, line);
    }

  if (note->len == 0)
    {
      g_string_free (note, TRUE);
      return NULL;
    }
  return g_string_free (note, FALSE);
}

char *
shelter_text_format_formal_date (const char *iso_date)
{
  g_autofree char *day = NULL;
  g_autofree char *month = NULL;
  GDate date;
  guint m;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  if (!parse_iso_date (iso_date, &date))
    return g_strdup (iso_date);

  /* Official papers write days under 10 and the months January and February with a
   * leading zero, other months without: "tháng 01", "tháng 02", "tháng 3", "tháng 12". */
  m = g_date_get_month (&date);
  day = g_strdup_printf ("%02u", (guint) g_date_get_day (&date));
  month = m < 3 ? g_strdup_printf ("%02u", m) : g_strdup_printf ("%u", m);
  /* Translators: a date written out in an official paper (the intake record, the handover
   * record), after the place: "Lào Cai, ngày 05 tháng 3 năm 2026". The first %s is the day
   * (two digits), the second the month (with a leading zero for 01 and 02 only), %d the
   * year. Vietnamese: "ngày %s tháng %s năm %d". */
  return g_strdup_printf (_("day %s month %s year %d"), day, month,
                          (int) g_date_get_year (&date));
}

char *
shelter_text_format_money (gint64 dong)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             dong < 0 ? (guint64) -(dong + 1) + 1 : (guint64) dong);
  GString *text = g_string_new (dong < 0 ? "-" : "");
  gsize n = strlen (digits);

  /* A dot between groups of three digits, a space before the sign. */
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }
  g_string_append (text, " ₫");
  return g_string_free (text, FALSE);
}

gboolean
shelter_text_is_iso_date (const char *text)
{
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  g_date_clear (&date, 1);
  return shelter_text_parse_date (text, &date);
}
