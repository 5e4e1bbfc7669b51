/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-admission"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-admission-private.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define NAME_MAX_CHARS 200
/* The database holds a given name of at most 100 characters. */
#define GIVEN_NAME_MAX_CHARS 100
#define OLDEST_AGE 120
/* A clock a few minutes apart on two desks must not make "now" a future time. */
#define CLOCK_SKEW_SECONDS (5 * 60)

static gboolean
is_name_char (gunichar c)
{
  /* Ethnic-minority names carry hyphens and apostrophes: "H'Hen Niê", "Ê-đê". */
  return g_unichar_isalpha (c) || g_unichar_ismark (c) || c == ' ' || c == '-' ||
         c == '\'' || c == 0x2019 || c == '.';
}

/* Cleans a name in place through @set and checks it; @label names the field. */
static gboolean
check_name (ShelterPerson  *person,
            const char     *value,
            void          (*set) (ShelterPerson *, const char *),
            ShelterField    field,
            const char     *label,
            gboolean        required,
            GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean invalid = FALSE;
  int max_chars = field == SHELTER_FIELD_GIVEN_NAME ? GIVEN_NAME_MAX_CHARS : NAME_MAX_CHARS;

  clean = shelter_text_clean (value, &invalid);
  if (invalid)
    return shelter_field_error (error, field,
                                _("%s: the text contains characters that are not letters. "
                                  "Type the name again."), label);
  if (clean == NULL)
    {
      set (person, NULL);
      if (required)
        return shelter_field_error (error, field, _("%s: enter the name. If it is not known, enter "
                                                    "the name the person is called by."), label);
      return TRUE;
    }
  if (g_utf8_strlen (clean, -1) > max_chars)
    return shelter_field_error (error, field, _("%s: at most %d characters."), label, max_chars);
  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_name_char (g_utf8_get_char (p)))
      return shelter_field_error (error, field,
                                  _("%s: use letters only (spaces, hyphens and apostrophes are "
                                    "allowed), not digits or signs."), label);
  set (person, clean);
  return TRUE;
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The 11-digit mobile prefixes renumbered in 2018 and their 10-digit replacements. */
static const struct
{
  const char *old_prefix;
  const char *new_prefix;
} renumbered_mobiles[] = {
  { "0162", "032" }, { "0163", "033" }, { "0164", "034" }, { "0165", "035" },
  { "0166", "036" }, { "0167", "037" }, { "0168", "038" }, { "0169", "039" },
  { "0120", "070" }, { "0121", "079" }, { "0122", "077" }, { "0126", "076" },
  { "0128", "078" }, { "0123", "083" }, { "0124", "084" }, { "0125", "085" },
  { "0127", "081" }, { "0129", "082" }, { "0186", "056" }, { "0188", "058" },
  { "0199", "059" },
};

/* Keeps digits only, writes +84 or 84 as the 0 it stands for, and converts an old 11-digit
 * mobile number to its 10-digit form. NULL when the text holds anything else. */
static char *
normalize_phone (const char *phone)
{
  GString *digits = g_string_new (NULL);
  const char *p = phone;
  gboolean international = FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+')
    {
      international = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '.' && *p != '-' && *p != '(' && *p != ')')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  /* 84 912 345 678 (with or without +, or 0084) is 0912 345 678. */
  if (g_str_has_prefix (digits->str, "0084"))
    g_string_erase (digits, 0, 2);
  if (g_str_has_prefix (digits->str, "84") && (international || digits->len == 11 ||
                                               digits->len == 12))
    g_string_overwrite_len (g_string_erase (digits, 0, 1), 0, "0", 1);

  if (digits->len == 11)
    for (guint i = 0; i < G_N_ELEMENTS (renumbered_mobiles); i++)
      if (g_str_has_prefix (digits->str, renumbered_mobiles[i].old_prefix))
        {
          g_string_erase (digits, 0, 4);
          g_string_prepend (digits, renumbered_mobiles[i].new_prefix);
          break;
        }
  return g_string_free (digits, FALSE);
}

static int
birth_year_of (ShelterPerson *person)
{
  const char *birth = shelter_person_get_birth_date (person);
  unsigned year;

  if (birth == NULL || sscanf (birth, "%4u", &year) != 1)
    return -1;
  return (int) year;
}

static gboolean
check_birth (ShelterPerson  *person,
             GDateTime      *now,
             GError        **error)
{
  const char *precision = shelter_person_get_birth_precision (person);
  const char *birth = shelter_person_get_birth_date (person);
  int this_year = g_date_time_get_year (now);
  GDate today;

  if (precision == NULL)
    precision = birth != NULL ? (strlen (birth) == 4 ? "year" : "day") : "unknown";
  if (!shelter_enum_is_valid (&shelter_enum_birth_precision, precision))
    return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                _("Date of birth: choose exact date, year only, estimated age or "
                                  "unknown."));
  shelter_person_set_birth_precision (person, precision);

  if (g_str_equal (precision, "unknown"))
    {
      shelter_person_set_birth_date (person, NULL);
      return TRUE;
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  this_year);

  if (g_str_equal (precision, "day"))
    {
      GDate date;

      g_date_clear (&date, 1);
      if (birth == NULL || strlen (birth) != 10 || !shelter_text_parse_date (birth, &date))
        return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                    _("Date of birth: enter a real date as dd/mm/yyyy, or choose "
                                      "“year only” if only the year is known."));
      if (g_date_compare (&date, &today) > 0)
        return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                    _("Date of birth: the date is in the future. Check the year."));
    }
  else if (!all_digits (birth, 4))
    return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                _("Date of birth: enter the year of birth with four digits."));

  if (birth_year_of (person) > this_year)
    return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                _("Date of birth: the year is in the future. Check the year."));
  if (birth_year_of (person) < this_year - OLDEST_AGE)
    return shelter_field_error (error, SHELTER_FIELD_BIRTH_DATE,
                                _("Date of birth: the person would be over %d years old. "
                                  "Check the year."), OLDEST_AGE);
  return TRUE;
}

/* CCCD: 3 digits province of registration (001-096), 1 digit century and sex, 2 digits
 * year of birth, 6 digits serial. A number that cannot be a CCCD is refused; one that
 * disagrees with the sex or birth year only warns (see shelter_person_warnings()), since
 * the form may be the one that is wrong. */
static gboolean
check_cccd (const char  *number,
            GError     **error)
{
  int province = (number[0] - '0') * 100 + (number[1] - '0') * 10 + (number[2] - '0');

  if (province < 1 || province > 96)
    return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                _("ID number: the first three digits (%.3s) are not a province code. "
                                  "Check the number on the card."), number);
  return TRUE;
}

GPtrArray *
shelter_person_warnings (ShelterPerson *person)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  const char *number = shelter_person_get_id_number (person);
  const char *sex = shelter_person_get_sex (person);
  int year = birth_year_of (person);
  int century_sex;

  g_return_val_if_fail (SHELTER_IS_PERSON (person), warnings);

  if (g_strcmp0 (shelter_person_get_id_paper (person), "cccd") != 0 || !all_digits (number, 12))
    return warnings;

  /* Even digits are men, odd are women; each pair is a century from 1900. */
  century_sex = number[3] - '0';
  if (g_strcmp0 (sex, "female") == 0 && century_sex % 2 == 0)
    g_ptr_array_add (warnings, g_strdup (_("ID number: the fourth digit says the card belongs "
                                           "to a man. Check the number and the sex.")));
  else if (g_strcmp0 (sex, "male") == 0 && century_sex % 2 == 1)
    g_ptr_array_add (warnings, g_strdup (_("ID number: the fourth digit says the card belongs "
                                           "to a woman. Check the number and the sex.")));

  if (year > 0 && g_strcmp0 (shelter_person_get_birth_precision (person), "estimated") != 0)
    {
      int card_year = 1900 + (century_sex / 2) * 100 + (number[4] - '0') * 10 + (number[5] - '0');

      if (card_year != year)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("ID number: digits 4 to 6 give the year of birth "
                                            "%d, but the date of birth says %d. Check both."),
                                          card_year, year));
    }
  return warnings;
}

static gboolean
check_papers (ShelterPerson  *person,
              GError        **error)
{
  const char *paper = shelter_person_get_id_paper (person);
  g_autofree char *number = NULL;
  gboolean invalid = FALSE;

  if (paper == NULL)
    paper = "none";
  if (!shelter_enum_is_valid (&shelter_enum_id_paper, paper))
    return shelter_field_error (error, SHELTER_FIELD_ID_PAPER,
                                _("ID paper: choose CCCD, old CMND, passport or no papers."));
  shelter_person_set_id_paper (person, paper);

  number = shelter_text_clean (shelter_person_get_id_number (person), &invalid);
  if (invalid)
    return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                _("ID number: the text contains control characters. Type the "
                                  "number again."));
  if (number != NULL)
    {
      /* Numbers are read off cards with spaces between the groups. */
      g_autoptr (GString) compact = g_string_new (NULL);
      for (const char *p = number; *p != '\0'; p++)
        if (*p != ' ' && *p != '.' && *p != '-')
          g_string_append_c (compact, g_ascii_toupper (*p));
      g_free (number);
      number = g_strdup (compact->str);
    }

  if (g_str_equal (paper, "none"))
    {
      if (number != NULL)
        return shelter_field_error (error, SHELTER_FIELD_ID_PAPER,
                                    _("ID paper: a number was entered, so choose which paper it is."));
      shelter_person_set_id_number (person, NULL);
      return TRUE;
    }

  if (number == NULL)
    return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                _("ID number: enter the number of the paper, or choose “no papers”."));

  if (g_str_equal (paper, "cccd"))
    {
      if (!all_digits (number, 12))
        return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                    _("ID number: a CCCD number has exactly 12 digits."));
      if (!check_cccd (number, error))
        return FALSE;
    }
  else if (g_str_equal (paper, "cmnd"))
    {
      if (!all_digits (number, 9) && !all_digits (number, 12))
        return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                    _("ID number: an old CMND number has 9 digits (12 on the last "
                                      "cards issued)."));
    }
  else
    {
      gsize length = strlen (number);
      gboolean alnum = length >= 5 && length <= 20;

      for (gsize i = 0; alnum && i < length; i++)
        alnum = g_ascii_isalnum (number[i]);
      if (!alnum)
        return shelter_field_error (error, SHELTER_FIELD_ID_NUMBER,
                                    _("ID number: a passport number has 5 to 20 letters and digits."));
    }
  shelter_person_set_id_number (person, number);
  return TRUE;
}

char *
_shelter_phone_normalize (const char *phone)
{
  g_autofree char *normalized = NULL;
  gboolean mobile, landline;

  g_return_val_if_fail (phone != NULL, NULL);

  normalized = normalize_phone (phone);
  /* Mobiles: 10 digits, 03/05/07/08/09. Landlines: 11 digits, 02 and the area code. */
  mobile = normalized != NULL && all_digits (normalized, 10) && normalized[0] == '0' &&
           strchr ("35789", normalized[1]) != NULL;
  landline = normalized != NULL && all_digits (normalized, 11) && normalized[0] == '0' &&
             normalized[1] == '2';
  return mobile || landline ? g_steal_pointer (&normalized) : NULL;
}

static gboolean
check_phone (ShelterPerson  *person,
             GError        **error)
{
  const char *phone = shelter_person_get_phone (person);
  g_autofree char *normalized = NULL;

  if (phone == NULL)
    return TRUE;
  normalized = _shelter_phone_normalize (phone);
  if (normalized == NULL)
    return shelter_field_error (error, SHELTER_FIELD_PHONE,
                                _("Phone: a mobile number has 10 digits and starts with 03, 05, 07, "
                                  "08 or 09; a landline has 11 digits and starts with 02 (+84 counts "
                                  "as 0)."));
  shelter_person_set_phone (person, normalized);
  return TRUE;
}

static gboolean
check_code (const char    *code,
            gsize          length,
            ShelterField   field,
            const char    *message,
            GError       **error)
{
  if (code != NULL && !all_digits (code, length))
    return shelter_field_error (error, field, "%s", message);
  return TRUE;
}

/* Cleans a free-text field (an alias, the languages, a street) in place through @set and
 * checks its length; @label names the field. */
static gboolean
check_text (ShelterPerson  *person,
            const char     *value,
            void          (*set) (ShelterPerson *, const char *),
            ShelterField    field,
            const char     *label,
            GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean invalid = FALSE;

  clean = shelter_text_clean (value, &invalid);
  if (invalid)
    return shelter_field_error (error, field,
                                _("%s: the text contains characters that cannot be stored. "
                                  "Type it again."), label);
  if (clean != NULL && g_utf8_strlen (clean, -1) > NAME_MAX_CHARS)
    return shelter_field_error (error, field, _("%s: at most %d characters."), label, NAME_MAX_CHARS);
  set (person, clean);
  return TRUE;
}

/* An address as codes of a scheme (the permanent residence, the hometown): the scheme is
 * today's or the 63-province one of older papers, the province has 2 digits and the commune
 * 5. Without codes there is no scheme either. */
static gboolean
check_address (ShelterPerson  *person,
               const char     *scheme_property,
               const char     *province_code,
               const char     *commune_code,
               ShelterField    field,
               const char     *scheme_message,
               const char     *province_message,
               const char     *commune_message,
               GError        **error)
{
  g_autofree char *scheme = NULL;

  if (province_code == NULL && commune_code == NULL)
    {
      g_object_set (person, scheme_property, NULL, NULL);
      return TRUE;
    }
  g_object_get (person, scheme_property, &scheme, NULL);
  if (g_strcmp0 (scheme, "vn-2025-07") != 0 && g_strcmp0 (scheme, "vn-63") != 0)
    return shelter_field_error (error, field, "%s", scheme_message);
  return check_code (province_code, 2, field, province_message, error) &&
         check_code (commune_code, 5, field, commune_message, error);
}

gboolean
shelter_person_validate (ShelterPerson  *person,
                         GDateTime      *now,
                         GError        **error)
{
  const char *status;

  g_return_val_if_fail (SHELTER_IS_PERSON (person), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_name (person, shelter_person_get_family_name (person),
                   shelter_person_set_family_name, SHELTER_FIELD_FAMILY_NAME,
                   _("Family name"), FALSE, error) ||
      !check_name (person, shelter_person_get_middle_name (person),
                   shelter_person_set_middle_name, SHELTER_FIELD_MIDDLE_NAME,
                   _("Middle name"), FALSE, error) ||
      !check_name (person, shelter_person_get_given_name (person),
                   shelter_person_set_given_name, SHELTER_FIELD_GIVEN_NAME,
                   _("Given name"), TRUE, error))
    return FALSE;

  if (!shelter_enum_is_valid (&shelter_enum_sex, shelter_person_get_sex (person)))
    return shelter_field_error (error, SHELTER_FIELD_SEX, _("Sex: choose female or male."));

  if (!check_birth (person, now, error))
    return FALSE;

  if (!shelter_enum_is_valid (&shelter_enum_person_type, shelter_person_get_person_type (person)))
    return shelter_field_error (error, SHELTER_FIELD_PERSON_TYPE,
                                _("Person type: choose victim, person being identified, accompanying "
                                  "child or other protected person."));

  status = shelter_person_get_nationality_status (person);
  if (status == NULL)
    status = "citizen";
  if (!shelter_enum_is_valid (&shelter_enum_nationality_status, status))
    return shelter_field_error (error, SHELTER_FIELD_NATIONALITY,
                                _("Nationality: choose Vietnamese citizen, stateless person or "
                                  "foreigner."));
  shelter_person_set_nationality_status (person, status);
  if (g_str_equal (status, "citizen"))
    {
      if (shelter_person_get_nationality (person) == NULL)
        shelter_person_set_nationality (person, "VN");
      else if (g_strcmp0 (shelter_person_get_nationality (person), "VN") != 0)
        return shelter_field_error (error, SHELTER_FIELD_NATIONALITY,
                                    _("Nationality: a Vietnamese citizen has Vietnamese nationality; "
                                      "choose “foreigner” for another country."));
    }
  else if (g_str_equal (status, "foreigner"))
    {
      const char *country = shelter_person_get_nationality (person);

      if (country == NULL || strlen (country) != 2 || g_str_equal (country, "VN") ||
          !g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1]))
        return shelter_field_error (error, SHELTER_FIELD_NATIONALITY,
                                    _("Nationality: choose the country of the foreigner."));
    }
  else
    shelter_person_set_nationality (person, NULL);

  if (!check_papers (person, error) || !check_phone (person, error))
    return FALSE;

  if ((shelter_person_get_ethnicity_code (person) == NULL) !=
      (shelter_person_get_ethnicity_scheme (person) == NULL))
    return shelter_field_error (error, SHELTER_FIELD_ETHNICITY,
                                _("Ethnicity: choose the ethnic group from the list."));
  if (!check_code (shelter_person_get_ethnicity_code (person), 2, SHELTER_FIELD_ETHNICITY,
                   _("Ethnicity: choose the ethnic group from the list."), error))
    return FALSE;

  if (!check_text (person, shelter_person_get_other_names (person),
                   shelter_person_set_other_names, SHELTER_FIELD_OTHER_NAMES,
                   _("Other names"), error))
    return FALSE;

  if (shelter_person_get_religion (person) != NULL &&
      !shelter_enum_is_valid (&shelter_enum_religion, shelter_person_get_religion (person)))
    return shelter_field_error (error, SHELTER_FIELD_RELIGION,
                                _("Religion: choose the religion from the list, or “not recorded”."));

  if (!check_text (person, shelter_person_get_languages (person),
                   shelter_person_set_languages, SHELTER_FIELD_LANGUAGES,
                   _("Languages"), error))
    return FALSE;

  if (!check_address (person, "home-scheme", shelter_person_get_home_province_code (person),
                      shelter_person_get_home_commune_code (person), SHELTER_FIELD_HOME_ADDRESS,
                      _("Permanent residence: choose the province and commune from the "
                        "list."),
                      _("Permanent residence: choose the province from the list."),
                      _("Permanent residence: choose the commune from the list."), error) ||
      !check_text (person, shelter_person_get_home_detail (person),
                   shelter_person_set_home_detail, SHELTER_FIELD_HOME_ADDRESS,
                   _("Street, village or hamlet"), error) ||
      !check_address (person, "origin-scheme", shelter_person_get_origin_province_code (person),
                      shelter_person_get_origin_commune_code (person),
                      SHELTER_FIELD_ORIGIN_ADDRESS,
                      _("Hometown: choose the province and commune from the list."),
                      _("Hometown: choose the province from the list."),
                      _("Hometown: choose the commune from the list."), error))
    return FALSE;
  return TRUE;
}

GArray *
shelter_person_find_similar (ShelterSession  *session,
                             ShelterPerson   *person,
                             GError         **error)
{
  g_autoptr (ShelterPerson) probe = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;

  /* Compared as they would be stored: names in NFC without stray spaces, the ID number
   * without its spaces. A form that does not validate yet still gets its matches. */
  probe = shelter_person_new ();
  shelter_person_set_id (probe, shelter_person_get_id (person));
  shelter_person_set_family_name (probe, shelter_person_get_family_name (person));
  shelter_person_set_middle_name (probe, shelter_person_get_middle_name (person));
  shelter_person_set_given_name (probe, shelter_person_get_given_name (person));
  shelter_person_set_sex (probe, shelter_person_get_sex (person));
  shelter_person_set_birth_date (probe, shelter_person_get_birth_date (person));
  shelter_person_set_birth_precision (probe, shelter_person_get_birth_precision (person));
  shelter_person_set_id_paper (probe, shelter_person_get_id_paper (person));
  shelter_person_set_id_number (probe, shelter_person_get_id_number (person));
  shelter_person_set_home_province_code (probe, shelter_person_get_home_province_code (person));
  check_name (probe, shelter_person_get_family_name (probe), shelter_person_set_family_name,
              SHELTER_FIELD_FAMILY_NAME, "", FALSE, NULL);
  check_name (probe, shelter_person_get_middle_name (probe), shelter_person_set_middle_name,
              SHELTER_FIELD_MIDDLE_NAME, "", FALSE, NULL);
  check_name (probe, shelter_person_get_given_name (probe), shelter_person_set_given_name,
              SHELTER_FIELD_GIVEN_NAME, "", FALSE, NULL);
  check_papers (probe, NULL);

  return shelter_person_store_find_similar (shelter_session_get_db (session), probe, error);
}

static GDateTime *
parse_time (const char     *iso,
            ShelterField    field,
            const char     *label,
            GDateTime      *now,
            GError        **error)
{
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");

  time = g_date_time_new_from_iso8601 (iso, vietnam);
  if (time == NULL)
    {
      shelter_field_error (error, field, _("%s: enter the date and time as dd/mm/yyyy hh:mm."), label);
      return NULL;
    }
  if (g_date_time_difference (time, now) > (GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND)
    {
      shelter_field_error (error, field, _("%s: the time is in the future. Check the date."), label);
      return NULL;
    }
  return g_steal_pointer (&time);
}

static char *
next_case_code (ShelterDb  *db,
                int         year,
                GError    **error)
{
  /* YYYY-NNNN, sequential per year of reception, never reused (the counter only grows). */
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);
  gint64 serial = shelter_person_store_next_serial (db, prefix, error);

  if (serial < 0)
    return NULL;
  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, serial);
}

static char *
search_words_for (ShelterPerson *person)
{
  g_autofree char *text = g_strjoin (" ",
                                     shelter_person_get_family_name (person) ?: "",
                                     shelter_person_get_middle_name (person) ?: "",
                                     shelter_person_get_given_name (person) ?: "",
                                     /* Found by an alias too. */
                                     shelter_person_get_other_names (person) ?: "",
                                     shelter_person_get_case_code (person) ?: "",
                                     shelter_person_get_id_number (person) ?: "",
                                     shelter_person_get_phone (person) ?: "",
                                     NULL);
  return shelter_text_fold (text);
}

ShelterStay *
shelter_admit_person (ShelterSession  *session,
                      ShelterPerson   *person,
                      gint64           room_id,
                      const char      *admitted_at,
                      GError         **error)
{
  return _shelter_admit_with (session, person, room_id, admitted_at, NULL, NULL, NULL, error);
}

ShelterStay *
_shelter_admit_with (ShelterSession    *session,
                     ShelterPerson     *person,
                     gint64             room_id,
                     const char        *admitted_at,
                     const char        *override_reason,
                     ShelterAdmitExtra  extra,
                     gpointer           extra_data,
                     GError           **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  g_autoptr (ShelterRoom) room = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterStay) open_stay = NULL;
  g_autofree char *admitted_iso = NULL;
  g_autofree char *stamp_at = NULL;
  g_autoptr (GString) details = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterDb *db;
  ShelterStamp stamp;
  g_autofree char *unsuitable = NULL;
  ShelterAgeBands bands;
  gint64 placement_id;
  gboolean inserted_person = FALSE;
  GDate admitted_date;
  int age;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return NULL;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  if (admitted_at == NULL)
    admitted = g_date_time_ref (now);
  else if ((admitted = parse_time (admitted_at, SHELTER_FIELD_ADMITTED_AT, _("Admission time"), now,
                                  error)) == NULL)
    return NULL;
  admitted_iso = shelter_session_format_time (admitted);

  if (!shelter_person_validate (person, now, error))
    return NULL;

  if (room_id <= 0)
    {
      shelter_field_error (error, SHELTER_FIELD_ROOM, _("Room: choose the room the person goes to."));
      return NULL;
    }

  stamp_at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = stamp_at;

  if (!shelter_db_begin (db, error))
    return NULL;

  /* Everything the decision depends on is read inside the write transaction, so two
   * desks cannot both take the last bed or the same case code. */
  room = shelter_room_store_get (db, room_id, &local_error);
  if (room == NULL)
    goto failed;

  g_date_clear (&admitted_date, 1);
  g_date_set_dmy (&admitted_date, g_date_time_get_day_of_month (admitted),
                  g_date_time_get_month (admitted), g_date_time_get_year (admitted));
  age = shelter_text_age_on (shelter_person_get_birth_date (person), &admitted_date);
  if (shelter_person_get_birth_date (person) != NULL &&
      strncmp (admitted_iso, shelter_person_get_birth_date (person),
               strlen (shelter_person_get_birth_date (person))) < 0)
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ADMITTED_AT,
                   _("Admission time: it is before the date of birth. Check both dates."));
      goto failed;
    }

  if (g_strcmp0 (shelter_room_get_opened_on (room), admitted_iso) > 0 ||
      (shelter_room_get_closed_on (room) != NULL &&
       g_strcmp0 (shelter_room_get_closed_on (room), admitted_iso) <= 0))
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE,
                   _("Room %s is not open on that date. Choose another room."), shelter_room_get_code (room));
      goto failed;
    }

  if (!shelter_age_bands_load (db, &bands, &local_error))
    goto failed;
  unsuitable = shelter_placement_unsuitability (
    &bands, room, shelter_person_get_sex (person), age,
    g_strcmp0 (shelter_person_get_person_type (person), "accompanying_minor") == 0,
    shelter_settings_get_int (db, SHELTER_SETTING_CHILD_WITH_PARENT_AGE, 6), NULL);
  if (shelter_room_get_beds_free (room) == 0)
    {
      /* The list the desk chose from showed a free bed: someone else took it since. */
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL,
                   _("The last bed in room %s was just taken, perhaps from another desk. "
                     "Choose another room."),
                   shelter_room_get_code (room));
      goto failed;
    }
  if (unsuitable != NULL && override_reason == NULL)
    {
      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE,
                   _("Room %s does not suit this person (%s). Choose another room."),
                   shelter_room_get_code (room), unsuitable);
      goto failed;
    }
  if (unsuitable == NULL)
    override_reason = NULL;

  if (shelter_person_get_id (person) > 0)
    {
      /* A person who comes back gets a new stay on the same record. */
      open_stay = shelter_stay_store_get_open (db, shelter_person_get_id (person), &local_error);
      if (local_error != NULL)
        goto failed;
      if (open_stay != NULL)
        {
          g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE,
                       _("The person with case code %s is already staying at the centre. "
                         "End that stay first."),
                       shelter_person_get_case_code (person));
          goto failed;
        }
    }
  else
    {
      g_autofree char *case_code = next_case_code (db, g_date_time_get_year (admitted),
                                                   &local_error);
      g_autoptr (GBytes) sort_key = NULL;
      g_autofree char *words = NULL;

      if (case_code == NULL)
        goto failed;
      shelter_person_set_case_code (person, case_code);
      /* From here a failure must give the person back without the code the rollback
       * takes away again (a full disk fails the insert itself). */
      inserted_person = TRUE;
      sort_key = shelter_text_name_sort_key (shelter_person_get_family_name (person),
                                             shelter_person_get_middle_name (person),
                                             shelter_person_get_given_name (person));
      words = search_words_for (person);
      if (!shelter_person_store_insert (db, person, sort_key, words, &stamp, &local_error))
        goto failed;
    }

  stay = shelter_stay_new ();
  shelter_stay_set_person_id (stay, shelter_person_get_id (person));
  shelter_stay_set_admitted_at (stay, admitted_iso);
  if (!shelter_stay_store_insert (db, stay, &stamp, &local_error))
    goto failed;

  placement_id = shelter_stay_store_place (db, shelter_stay_get_id (stay), room_id, admitted_iso,
                                           "admission", &stamp, &local_error);
  if (placement_id == 0 ||
      (override_reason != NULL &&
       !shelter_placement_store_set_override (db, placement_id, override_reason, &stamp,
                                              &local_error)))
    goto failed;

  details = g_string_new (NULL);
  g_string_append_printf (details, "case_code: %s\nperson_id: %" G_GINT64_FORMAT "\n"
                          "person_type: %s\nadmitted_at: %s\nroom: %s",
                          shelter_person_get_case_code (person),
                          shelter_person_get_id (person),
                          shelter_person_get_person_type (person),
                          admitted_iso, shelter_room_get_code (room));
  if (override_reason != NULL)
    g_string_append_printf (details, "\noverride: %s", override_reason);
  if (extra != NULL &&
      !extra (session, person, stay, age, &stamp, details, extra_data, &local_error))
    goto failed;
  if (!shelter_audit_record (session, stamp.at, "admit", "stay", shelter_stay_get_id (stay),
                             details->str, &local_error))
    goto failed;

  /* A failed commit rolls back by itself. */
  if (shelter_db_commit (db, &local_error))
    return g_steal_pointer (&stay);
  goto forget_insert;

failed:
  shelter_db_rollback (db);
forget_insert:
  if (inserted_person)
    {
      /* The insert was undone with the transaction: the person is new again. */
      shelter_person_set_id (person, 0);
      shelter_person_set_version (person, 0);
      shelter_person_set_case_code (person, NULL);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

ShelterPerson *
shelter_person_open (ShelterSession  *session,
                     gint64           person_id,
                     GError         **error)
{
  g_autoptr (ShelterPerson) person = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  person = shelter_person_store_get (db, person_id, error);
  if (person == NULL)
    return NULL;

  if (shelter_person_get_high_protection (person))
    {
      g_autoptr (GDateTime) now = NULL;
      g_autofree char *at = NULL;
      g_autofree char *details = NULL;

      if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY, error))
        return NULL;
      now = shelter_session_now (session);
      at = shelter_session_format_time (now);
      details = g_strdup_printf ("case_code: %s\nshown: the whole record",
                                 shelter_person_get_case_code (person));
      if (!shelter_db_begin (db, error))
        return NULL;
      if (!shelter_audit_record (session, at, "view_restricted", "person", person_id, details,
                                 error))
        {
          shelter_db_rollback (db);
          return NULL;
        }
      if (!shelter_db_commit (db, error))
        return NULL;
    }
  return g_steal_pointer (&person);
}

static void
note_person_changes (GString       *details,
                     ShelterPerson *before,
                     ShelterPerson *after)
{
  static const struct
  {
    const char *property;
    gboolean    restricted;
  } fields[] = {
    { "family-name", FALSE }, { "middle-name", FALSE }, { "given-name", FALSE },
    { "sex", FALSE }, { "birth-date", FALSE }, { "birth-precision", FALSE },
    { "ethnicity-scheme", FALSE }, { "ethnicity-code", FALSE }, { "nationality", FALSE },
    { "nationality-status", FALSE }, { "id-paper", FALSE }, { "id-number", TRUE },
    { "phone", TRUE }, { "home-scheme", FALSE }, { "home-province-code", FALSE },
    { "home-commune-code", FALSE }, { "person-type", FALSE }, { "other-names", FALSE },
    { "religion", TRUE }, { "languages", FALSE },
    /* The street or the village finds the person's family, like the phone. */
    { "home-detail", TRUE }, { "origin-scheme", FALSE }, { "origin-province-code", FALSE },
    { "origin-commune-code", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      g_object_get (before, fields[i].property, &old_value, NULL);
      g_object_get (after, fields[i].property, &new_value, NULL);
      shelter_audit_note_change (details, fields[i].property, old_value, new_value,
                                 fields[i].restricted);
    }
  if (shelter_person_get_interpreter_needed (before) !=
      shelter_person_get_interpreter_needed (after))
    shelter_audit_note_change (details, "interpreter-needed",
                               shelter_person_get_interpreter_needed (before) ? "yes" : "no",
                               shelter_person_get_interpreter_needed (after) ? "yes" : "no",
                               FALSE);
  if (shelter_person_get_high_protection (before) != shelter_person_get_high_protection (after))
    shelter_audit_note_change (details, "high-protection",
                               shelter_person_get_high_protection (before) ? "yes" : "no",
                               shelter_person_get_high_protection (after) ? "yes" : "no", FALSE);
}

gboolean
shelter_person_save (ShelterSession  *session,
                     ShelterPerson   *person,
                     ShelterPerson  **current,
                     GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GBytes) sort_key = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *words = NULL;
  gint64 version_before;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), FALSE);
  g_return_val_if_fail (shelter_person_get_id (person) > 0, FALSE);

  version_before = shelter_person_get_version (person);

  /* Editing a resident is the caseworker's work, like receiving one. */
  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;
  now = shelter_session_now (session);
  if (!shelter_person_validate (person, now, error))
    return FALSE;

  db = shelter_session_get_db (session);
  at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;

  if (!shelter_db_begin (db, error))
    return FALSE;
  stored = shelter_person_store_get (db, shelter_person_get_id (person), &local_error);
  if (stored == NULL)
    goto failed;
  if (shelter_person_get_version (stored) != shelter_person_get_version (person))
    {
      g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE,
                   _("This record was changed by someone else after you opened it. "
                     "Nothing was overwritten: their version is shown; make your changes "
                     "again on it."));
      goto failed;
    }
  if (shelter_person_get_high_protection (stored) &&
      !shelter_session_check (session, SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY, &local_error))
    goto failed;

  /* The case code is the person's for good. */
  shelter_person_set_case_code (person, shelter_person_get_case_code (stored));
  note_person_changes (details, stored, person);
  sort_key = shelter_text_name_sort_key (shelter_person_get_family_name (person),
                                         shelter_person_get_middle_name (person),
                                         shelter_person_get_given_name (person));
  words = search_words_for (person);
  if (!shelter_person_store_update (db, person, sort_key, words, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "update", "person", shelter_person_get_id (person),
                             details->str, &local_error))
    goto failed;
  if (!shelter_db_commit (db, error))
    {
      shelter_person_set_version (person, version_before);
      return FALSE;
    }
  return TRUE;

failed:
  shelter_db_rollback (db);
  if (g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE) && current != NULL)
    *current = shelter_person_store_get (db, shelter_person_get_id (person), NULL);
  /* Whatever the store wrote was undone: so is the version it counted. */
  shelter_person_set_version (person, version_before);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_discharge_stay (ShelterSession  *session,
                        ShelterStay     *stay,
                        const char      *discharged_at,
                        const char      *reason_code,
                        GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) discharged = NULL;
  g_autofree char *discharged_iso = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  ShelterStamp stamp;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_STAY (stay), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return FALSE;

  if (!shelter_enum_is_valid (&shelter_enum_discharge_reason, reason_code))
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGE_REASON,
                                _("Reason: choose why the support ends."));

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  if (discharged_at == NULL)
    discharged = g_date_time_ref (now);
  else if ((discharged = parse_time (discharged_at, SHELTER_FIELD_DISCHARGED_AT, _("End date"), now,
                                    error)) == NULL)
    return FALSE;

  admitted = g_date_time_new_from_iso8601 (shelter_stay_get_admitted_at (stay), NULL);
  if (admitted != NULL && g_date_time_compare (discharged, admitted) < 0)
    return shelter_field_error (error, SHELTER_FIELD_DISCHARGED_AT,
                                _("End date: it is before the admission. Check the date."));

  discharged_iso = shelter_session_format_time (discharged);
  stamp_at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = stamp_at;

  if (!shelter_db_begin (db, error))
    return FALSE;

  shelter_stay_set_discharged_at (stay, discharged_iso);
  shelter_stay_set_discharge_reason (stay, reason_code);
  details = g_strdup_printf ("discharged_at: -> %s\ndischarge_reason: -> %s",
                             discharged_iso, reason_code);

  if (!shelter_stay_store_discharge (db, stay, &stamp, &local_error) ||
      !shelter_stay_store_end_placements (db, shelter_stay_get_id (stay), discharged_iso,
                                          &stamp, &local_error) ||
      !shelter_audit_record (session, stamp.at, "discharge", "stay", shelter_stay_get_id (stay),
                             details, &local_error))
    {
      shelter_db_rollback (db);
      shelter_stay_set_discharged_at (stay, NULL);
      shelter_stay_set_discharge_reason (stay, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

ShelterStay *
_shelter_admit_unplaced (ShelterSession      *session,
                         ShelterPerson       *person,
                         const char          *admitted_at,
                         const ShelterStamp  *stamp,
                         GError             **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autofree char *admitted_iso = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (person), NULL);
  g_return_val_if_fail (admitted_at != NULL && stamp != NULL, NULL);

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  if ((admitted = parse_time (admitted_at, SHELTER_FIELD_ADMITTED_AT, _("Admission time"), now,
                              error)) == NULL)
    return NULL;
  admitted_iso = shelter_session_format_time (admitted);
  if (!shelter_person_validate (person, now, error))
    return NULL;
  if (shelter_person_get_birth_date (person) != NULL &&
      strncmp (admitted_iso, shelter_person_get_birth_date (person),
               strlen (shelter_person_get_birth_date (person))) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_ADMITTED_AT,
                           _("Admission time: it is before the date of birth. Check both dates."));
      return NULL;
    }

  if (shelter_person_get_id (person) > 0)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (ShelterStay) open_stay = shelter_stay_store_get_open (db, shelter_person_get_id (person),
                                                                       &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (open_stay != NULL)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE,
                       _("The person with case code %s is already staying at the centre. "
                         "End that stay first."),
                       shelter_person_get_case_code (person));
          return NULL;
        }
    }
  else
    {
      g_autofree char *case_code = next_case_code (db, g_date_time_get_year (admitted), error);
      g_autoptr (GBytes) sort_key = NULL;
      g_autofree char *words = NULL;

      if (case_code == NULL)
        return NULL;
      shelter_person_set_case_code (person, case_code);
      sort_key = shelter_text_name_sort_key (shelter_person_get_family_name (person),
                                             shelter_person_get_middle_name (person),
                                             shelter_person_get_given_name (person));
      words = search_words_for (person);
      if (!shelter_person_store_insert (db, person, sort_key, words, stamp, error))
        {
          shelter_person_set_case_code (person, NULL);
          return NULL;
        }
    }

  stay = shelter_stay_new ();
  shelter_stay_set_person_id (stay, shelter_person_get_id (person));
  shelter_stay_set_admitted_at (stay, admitted_iso);
  if (!shelter_stay_store_insert (db, stay, stamp, error))
    return NULL;
  return g_steal_pointer (&stay);
}
