/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-statistics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-capacity.h"
#include "shelter-discharge.h"
#include "shelter-enums.h"
#include "shelter-follow-up.h"
#include "shelter-meals.h"
#include "shelter-referrals.h"
#include "shelter-reference.h"
#include "shelter-services.h"
#include "shelter-settings.h"
#include "shelter-statistics.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define DEFAULT_AGE_BANDS "16,18,60"
#define DEFAULT_SUPPRESS_BELOW 3
#define MAX_AGE_BANDS 8
#define KINH_CODE "01"

/* ---- Periods ---------------------------------------------------------------------------- */

static gboolean
period_refuse (GError     **error,
               const char  *text)
{
  return shelter_field_error (error, SHELTER_FIELD_REPORT_PERIOD,
                              _("--period: “%s” is not a period. Write a quarter (2026-Q3), "
                                "a half-year (2026-H1), a year (2026), a statistical year "
                                "(stat-2026: 15/12/2025 to 14/12/2026) or a range of days "
                                "(2026-03-01..2026-05-31)."),
                              text);
}

static gboolean
read_year (const char *text,
           gsize       length,
           int        *year)
{
  if (length != 4)
    return FALSE;
  for (gsize i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  *year = atoi (text);
  return *year >= 1990 && *year <= 2200;
}

static void
date_text (const GDate *date,
           char         out[11])
{
  g_date_strftime (out, 11, "%Y-%m-%d", date);
}

gboolean
shelter_period_parse (const char     *text,
                      const char     *today,
                      ShelterPeriod  *period,
                      GError        **error)
{
  g_autofree char *clean = NULL;
  const char *dots;
  GDate first;
  GDate last;
  GDate next;
  gsize length;
  int year;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text == NULL || *(clean = g_strstrip (g_strdup (text))) == '\0')
    return shelter_field_error (error, SHELTER_FIELD_REPORT_PERIOD,
                                _("--period: give the period of the report, such as 2026-Q3."));
  length = strlen (clean);
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  memset (period, 0, sizeof *period);

  if ((dots = strstr (clean, "..")) != NULL)
    {
      g_autofree char *from = g_strndup (clean, dots - clean);

      if (!shelter_text_parse_date (g_strstrip (from), &first) ||
          !shelter_text_parse_date (g_strstrip ((char *) dots + 2) , &last))
        return period_refuse (error, text);
      if (g_date_compare (&last, &first) < 0)
        {
          char a[11], b[11];

          g_autofree char *start = NULL;
          g_autofree char *end = NULL;

          date_text (&first, a);
          date_text (&last, b);
          start = shelter_text_format_date (a);
          end = shelter_text_format_date (b);
          return shelter_field_error (error, SHELTER_FIELD_REPORT_PERIOD,
                                      _("--period: the end (%s) is before the start (%s)."),
                                      end, start);
        }
      period->kind = SHELTER_PERIOD_RANGE;
    }
  else if (g_str_has_prefix (clean, "stat-") && read_year (clean + 5, length - 5, &year))
    {
      g_date_set_dmy (&first, 15, G_DATE_DECEMBER, year - 1);
      g_date_set_dmy (&last, 14, G_DATE_DECEMBER, year);
      period->kind = SHELTER_PERIOD_STAT_YEAR;
    }
  else if (length == 7 && clean[4] == '-' && read_year (clean, 4, &year) &&
           ((clean[5] == 'Q' && clean[6] >= '1' && clean[6] <= '4') ||
            (clean[5] == 'H' && clean[6] >= '1' && clean[6] <= '2')))
    {
      int part = clean[6] - '0';
      int months = clean[5] == 'Q' ? 3 : 6;

      g_date_set_dmy (&first, 1, (GDateMonth) ((part - 1) * months + 1), year);
      last = first;
      g_date_add_months (&last, months);
      g_date_subtract_days (&last, 1);
      period->kind = clean[5] == 'Q' ? SHELTER_PERIOD_QUARTER : SHELTER_PERIOD_HALF;
    }
  else if (read_year (clean, length, &year))
    {
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, year);
      period->kind = SHELTER_PERIOD_YEAR;
    }
  else
    return period_refuse (error, text);

  date_text (&first, period->first);
  date_text (&last, period->last);
  next = last;
  g_date_add_days (&next, 1);
  date_text (&next, period->next);
  if (today != NULL && strcmp (period->first, today) > 0)
    {
      g_autofree char *start = shelter_text_format_date (period->first);

      return shelter_field_error (error, SHELTER_FIELD_REPORT_PERIOD,
                                  _("--period: the period starts on %s, in the future; there "
                                    "is nothing to count yet."),
                                  start);
    }
  return TRUE;
}

char *
shelter_period_format (const ShelterPeriod *period)
{
  g_autofree char *first = shelter_text_format_date (period->first);
  g_autofree char *last = shelter_text_format_date (period->last);

  return g_strdup_printf ("%s – %s", first, last);
}

/* ---- Tables ----------------------------------------------------------------------------- */

static void
stat_row_free (ShelterStatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->cells);
  g_free (row);
}

void
shelter_stat_table_free (ShelterStatTable *table)
{
  if (table == NULL)
    return;
  g_free (table->code);
  g_free (table->title);
  g_free (table->counts);
  g_free (table->label_header);
  g_strfreev (table->headers);
  g_free (table->kinds);
  g_ptr_array_unref (table->rows);
  stat_row_free (table->total);
  g_free (table);
}

/* @columns: pairs of (kind, header), @n_columns of them. */
static ShelterStatTable *
table_new (const char *code,
           const char *title,
           const char *counts,
           const char *label_header,
           guint       n_columns,
           ...)
{
  ShelterStatTable *table = g_new0 (ShelterStatTable, 1);
  va_list args;

  table->code = g_strdup (code);
  table->title = g_strdup (title);
  table->counts = g_strdup (counts);
  table->label_header = g_strdup (label_header);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->kinds = g_new0 (ShelterStatColumnKind, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stat_row_free);
  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->kinds[i] = va_arg (args, ShelterStatColumnKind);
      table->headers[i] = g_strdup (va_arg (args, const char *));
    }
  va_end (args);
  return table;
}

static ShelterStatRow *
row_new (const ShelterStatTable *table,
         const char             *label)
{
  ShelterStatRow *row = g_new0 (ShelterStatRow, 1);

  row->label = g_strdup (label);
  row->cells = g_new0 (gint64, table->n_columns);
  return row;
}

/* The row labelled @label, added at the end when there is none. */
static ShelterStatRow *
table_row (ShelterStatTable *table,
           const char       *label)
{
  ShelterStatRow *row;

  for (guint i = 0; i < table->rows->len; i++)
    {
      row = g_ptr_array_index (table->rows, i);
      if (g_strcmp0 (row->label, label) == 0)
        return row;
    }
  row = row_new (table, label);
  g_ptr_array_add (table->rows, row);
  return row;
}

/* The total row: the sum of each column, unless the caller set it already. */
static ShelterStatTable *
table_finish (ShelterStatTable *table)
{
  if (table->total != NULL)
    return table;
  table->total = row_new (table, _("Total"));
  for (guint i = 0; i < table->rows->len; i++)
    {
      ShelterStatRow *row = g_ptr_array_index (table->rows, i);

      for (guint c = 0; c < table->n_columns; c++)
        table->total->cells[c] += row->cells[c];
    }
  return table;
}

static void
suppress_row (ShelterStatTable *table,
              ShelterStatRow   *row,
              guint             below)
{
  for (guint c = 0; c < table->n_columns; c++)
    if (table->kinds[c] == SHELTER_STAT_COLUMN_COUNT && row->cells[c] > 0 &&
        row->cells[c] < (gint64) below)
      row->cells[c] = SHELTER_STAT_SUPPRESSED;
}

void
shelter_stat_table_suppress (ShelterStatTable *table,
                             guint             below)
{
  g_return_if_fail (table != NULL);

  if (below <= 1)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    suppress_row (table, g_ptr_array_index (table->rows, i), below);
  if (table->total != NULL)
    suppress_row (table, table->total, below);
  table->suppressed_below = below;
}

/* ---- The statistics --------------------------------------------------------------------- */

/* Ascending ages from 1 to 150, comma-separated, into @bounds; 0 when @text is not that. */
static guint
parse_age_bands (const char *text,
                 int         bounds[MAX_AGE_BANDS])
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      long age = strtol (g_strstrip (parts[i]), &end, 10);

      if (end == parts[i] || *end != '\0' || age <= 0 || age > 150 || n == MAX_AGE_BANDS ||
          (n > 0 && age <= bounds[n - 1]))
        return 0;
      bounds[n++] = (int) age;
    }
  return n;
}

gboolean
shelter_statistics_check_age_bands (const char  *value,
                                    GError     **error)
{
  int bounds[MAX_AGE_BANDS];

  g_return_val_if_fail (value != NULL, FALSE);

  if (parse_age_bands (value, bounds) == 0)
    return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                _("Age bands in reports: enter the ages at which the bands "
                                  "after the first start, ascending and separated by commas, "
                                  "such as 16, 18, 60 (at most 8 ages)."));
  return TRUE;
}

gboolean
shelter_statistics_check_suppress_below (const char  *value,
                                         GError     **error)
{
  gint64 below;

  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_ascii_string_to_signed (value, 10, 2, 20, &below, NULL))
    return shelter_field_error (error, SHELTER_FIELD_SETTING,
                                _("Small counts in reports: enter a number of people from 2 "
                                  "to 20."));
  return TRUE;
}

/* The age bands of the setting: the lower bounds after 0. The default when the setting is
 * not a list of ascending ages. */
static guint
age_bands (ShelterDb *db,
           int        bounds[MAX_AGE_BANDS])
{
  g_autofree char *value = shelter_settings_get (db, SHELTER_SETTING_REPORT_AGE_BANDS,
                                                 DEFAULT_AGE_BANDS);
  guint n = parse_age_bands (value, bounds);

  return n > 0 ? n : parse_age_bands (DEFAULT_AGE_BANDS, bounds);
}

static char *
age_band_label (const int *bounds,
                guint      n,
                guint      band)
{
  if (band == 0)
    return g_strdup_printf (_("Under %d"), bounds[0]);
  if (band == n)
    return g_strdup_printf (_("%d and over"), bounds[n - 1]);
  return g_strdup_printf (_("%d–%d"), bounds[band - 1], bounds[band] - 1);
}

#define NOT_RECORDED _("Not recorded")

/* A table of the receptions with one column, its rows the values of @enumeration in order
 * (all of them, zero or not). */
static ShelterStatTable *
received_table (const char        *code,
                const char        *title,
                const char        *counts,
                const char        *label_header,
                const ShelterEnum *enumeration)
{
  ShelterStatTable *table = table_new (code, title, counts, label_header, 1,
                                       SHELTER_STAT_COLUMN_COUNT, _("People received"));

  if (enumeration != NULL)
    for (guint i = 0; i < enumeration->n_values; i++)
      table_row (table, shelter_enum_label (enumeration, enumeration->values[i].code));
  return table;
}

static void
tally (ShelterStatTable  *table,
       const ShelterEnum *enumeration,
       const char        *code)
{
  const char *label = code == NULL || *code == '\0' ? NOT_RECORDED
                      : enumeration != NULL ? shelter_enum_label (enumeration, code) : code;

  table_row (table, label)->cells[0]++;
}

/* Bed-nights by segment for the nights of the period that are over (up to last night). */
static ShelterStatTable *
bed_nights_table (ShelterDb            *db,
                  const ShelterPeriod  *period,
                  const char           *today,
                  GError              **error)
{
  g_autoptr (ShelterStatTable) table = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GArray) nights = NULL;
  g_autoptr (GHashTable) room_segments = NULL;
  const char *end = strcmp (period->next, today) > 0 ? today : period->next;
  const char *bounds[2] = { period->first, end };
  gint64 available[SHELTER_CAPACITY_N_SEGMENTS] = { 0 };
  gint64 occupied[SHELTER_CAPACITY_N_SEGMENTS] = { 0 };
  GDate from;
  GDate to;

  table = table_new ("bed_nights", _("Bed-nights and occupancy by segment"),
                     _("For each night of the period that is over, one bed-night for each "
                       "person placed in a room of the segment (someone away keeps their "
                       "bed), and the beds of the rooms open that night. Occupancy is the "
                       "share of available bed-nights used, in whole percent."),
                     _("Segment"), 3,
                     SHELTER_STAT_COLUMN_COUNT, _("Bed-nights used"),
                     SHELTER_STAT_COLUMN_COUNT, _("Bed-nights available"),
                     SHELTER_STAT_COLUMN_PERCENT, _("Occupancy (%)"));
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if ((rooms = shelter_room_store_list (db, error)) == NULL)
    return NULL;
  if (strcmp (period->first, end) < 0)
    {
      if ((nights = shelter_placement_store_room_nights (db, bounds, 1, error)) == NULL)
        return NULL;
      room_segments = shelter_capacity_segments_by_room (rooms);
      shelter_text_parse_date (period->first, &from);
      shelter_text_parse_date (end, &to);
      for (guint r = 0; r < rooms->len; r++)
        {
          ShelterRoom *room = g_ptr_array_index (rooms, r);
          const char *opened = shelter_room_get_opened_on (room);
          const char *closed = shelter_room_get_closed_on (room);
          GDate start = from;
          GDate stop = to;
          GDate day;

          g_date_clear (&day, 1);
          if (opened != NULL && shelter_text_parse_date (opened, &day) &&
              g_date_compare (&day, &start) > 0)
            start = day;
          if (closed != NULL && shelter_text_parse_date (closed, &day) &&
              g_date_compare (&day, &stop) < 0)
            stop = day;
          if (g_date_compare (&start, &stop) < 0)
            available[shelter_capacity_room_segment (room)] +=
              (gint64) shelter_room_get_beds (room) * g_date_days_between (&start, &stop);
        }
      for (guint i = 0; i < nights->len; i++)
        {
          const ShelterRoomNightsRow *row = &g_array_index (nights, ShelterRoomNightsRow, i);
          guint segment;

          if (shelter_capacity_find_segment (room_segments, row->room_id, &segment))
            occupied[segment] += row->nights;
        }
    }
  for (guint s = 0; s < SHELTER_CAPACITY_N_SEGMENTS; s++)
    {
      ShelterStatRow *row = table_row (table, shelter_capacity_segment_label (s));

      row->cells[0] = occupied[s];
      row->cells[1] = available[s];
      row->cells[2] = available[s] > 0 ? (occupied[s] * 100 + available[s] / 2) / available[s] : 0;
    }
  table_finish (table);
  table->total->cells[2] = table->total->cells[1] > 0
    ? (table->total->cells[0] * 100 + table->total->cells[1] / 2) / table->total->cells[1] : 0;
  return g_steal_pointer (&table);
}

static const struct
{
  const char *code;
  const char *label;
} destination_kinds[] = {
  { "address", N_("Home, community or family (an address)") },
  { "facility", N_("Another facility") },
  { "country", N_("Another country") },
  { "none", N_("No destination (death, contact lost)") },
  { "not_recorded", N_("Not recorded (discharged before the discharge record)") },
};

static const char *const referral_statuses[] = {
  "sent", "accepted", "declined", "completed", "withdrawn",
};

static guint32
julian_of (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || strlen (iso) < 10 || !shelter_text_parse_date (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

/* The funded-meal limit in force on @day (YYYY-MM-DD) in @limits, newest first per kind;
 * 0 when none, as shelter_stay_limit_store_days() reads it. */
static guint
funded_meal_limit_on (GPtrArray  *limits,
                      const char *day)
{
  for (guint i = 0; i < limits->len; i++)
    {
      const ShelterStayLimitRow *limit = g_ptr_array_index (limits, i);

      if (g_str_equal (limit->kind, "funded_meals") && strcmp (limit->valid_from, day) <= 0 &&
          (limit->valid_to == NULL || strcmp (limit->valid_to, day) >= 0))
        return (guint) MAX (limit->days, 0);
    }
  return 0;
}

/* Meal days of the period, counted as shelter_meal_days_count() counts a stay's (every day
 * from the admission to the discharge or today, whole days away left out, funded up to the
 * limit in force on the admission day, priced at the meals_per_day rate of the day) but
 * only the days that fall in the period: a stay that began before it has used part of its
 * funded days already. */
static ShelterStatTable *
meal_days_table (ShelterDb            *db,
                 const ShelterPeriod  *period,
                 const char           *today,
                 GError              **error)
{
  g_autoptr (ShelterStatTable) table = NULL;
  g_autoptr (GArray) stays = NULL;
  g_autoptr (GArray) absences = NULL;
  g_autoptr (GPtrArray) limits = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autofree char *province = NULL;
  g_autofree gint64 *rate_of_day = NULL;
  ShelterStatRow *funded, *beyond;
  guint32 period_first = julian_of (period->first);
  guint32 period_last = MIN (julian_of (period->last), julian_of (today));
  guint next_absence = 0;

  table = table_new ("meal_days", _("Meal days and their cost"),
                     _("For each day of the period up to today, one meal day for each "
                       "person in care who was not away the whole day. Days within the "
                       "funded limit in force on the day of admission are counted apart "
                       "from those past it; the cost is at the meal rate of each day, and "
                       "days without a rate are counted but not priced."),
                     _("Days"), 3,
                     SHELTER_STAT_COLUMN_COUNT, _("Meal days"),
                     SHELTER_STAT_COLUMN_DONG, _("Cost (đồng)"),
                     SHELTER_STAT_COLUMN_COUNT, _("Days without a rate"));
  funded = table_row (table, _("Within the funded limit"));
  beyond = table_row (table, _("Past the funded limit"));

  if (period_first == 0 || period_last < period_first)
    return table_finish (g_steal_pointer (&table));
  if ((stays = shelter_statistics_store_stays (db, period->first, period->next,
                                               error)) == NULL ||
      (absences = shelter_statistics_store_absences (db, period->first, period->next,
                                                     error)) == NULL ||
      (limits = shelter_stay_limit_store_list (db, error)) == NULL)
    return NULL;
  province = shelter_rates_centre_province (db);
  if ((rates = shelter_rate_store_list (db, "meals_per_day", province, error)) == NULL)
    return NULL;

  /* The rate of each day of the period, looked up once rather than once a meal day. */
  rate_of_day = g_new (gint64, period_last - period_first + 1);
  for (guint32 j = period_first; j <= period_last; j++)
    {
      GDate date;
      char iso[11];
      const ShelterRateRow *rate;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, j);
      date_text (&date, iso);
      rate = shelter_rates_find (rates, "meals_per_day", province, iso);
      rate_of_day[j - period_first] = rate != NULL ? rate->amount_dong : -1;
    }

  for (guint i = 0; i < stays->len; i++)
    {
      const ShelterStatStayRow *stay = &g_array_index (stays, ShelterStatStayRow, i);
      guint32 first = julian_of (stay->admitted_on);
      guint32 last = stay->discharged_on[0] != '\0' && strcmp (stay->discharged_on, today) < 0
                     ? julian_of (stay->discharged_on) : julian_of (today);
      guint limit = funded_meal_limit_on (limits, stay->admitted_on);
      guint first_absence, end_absence;
      guint ordinal = 0;

      if (first == 0 || last == 0)
        continue;
      /* Absences and stays come in stay order: this stay's absences are the next run. */
      while (next_absence < absences->len &&
             g_array_index (absences, ShelterStatAbsenceRow, next_absence).stay_id < stay->stay_id)
        next_absence++;
      first_absence = end_absence = next_absence;
      while (end_absence < absences->len &&
             g_array_index (absences, ShelterStatAbsenceRow, end_absence).stay_id == stay->stay_id)
        end_absence++;

      for (guint32 j = first; j <= MIN (last, period_last); j++)
        {
          gboolean away = FALSE;
          gboolean within;

          for (guint a = first_absence; a < end_absence && !away; a++)
            {
              const ShelterStatAbsenceRow *span = &g_array_index (absences, ShelterStatAbsenceRow, a);
              guint32 left = julian_of (span->started_on);
              guint32 back = span->returned_on[0] != '\0' ? julian_of (span->returned_on) : G_MAXUINT32;

              away = left < j && j < back;
            }
          if (away)
            continue;
          ordinal++;
          if (j < period_first)
            continue;
          within = limit == 0 || ordinal <= limit;
          {
            ShelterStatRow *row = within ? funded : beyond;
            gint64 rate = rate_of_day[j - period_first];

            row->cells[0]++;
            if (rate >= 0)
              row->cells[1] += rate;
            else
              row->cells[2]++;
          }
        }
    }
  return table_finish (g_steal_pointer (&table));
}

GPtrArray *
shelter_statistics_compute (ShelterSession       *session,
                            const ShelterPeriod  *period,
                            gboolean              suppress,
                            GError              **error)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_stat_table_free);
  g_autoptr (GArray) received = NULL;
  g_autoptr (GArray) in_care = NULL;
  g_autoptr (GArray) discharges = NULL;
  g_autoptr (GArray) services = NULL;
  g_autoptr (GArray) kits = NULL;
  g_autoptr (GArray) referrals = NULL;
  g_autoptr (GArray) follow_ups = NULL;
  g_autoptr (GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;
  ShelterStatTable *summary, *sex, *age, *ethnic_kind, *ethnic_group, *type, *nationality;
  ShelterStatTable *scope, *destination, *purpose, *handed, *returned, *table;
  int bounds[MAX_AGE_BANDS];
  guint n_bands;
  gint64 discharged_stays = 0;
  gint64 discharged_people = 0;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_REPORTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  today = g_date_time_format (now, "%Y-%m-%d");
  n_bands = age_bands (db, bounds);

  if ((received = shelter_statistics_store_received (db, period->first, period->next,
                                                     error)) == NULL ||
      (in_care = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_IN_CARE_AT_END,
                                                 period->first, period->next, error)) == NULL ||
      (discharges = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_DISCHARGES,
                                                    period->first, period->next,
                                                    error)) == NULL ||
      (services = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_SERVICES,
                                                  period->first, period->next, error)) == NULL ||
      (kits = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_CLOTHING_KITS,
                                              period->first, period->next, error)) == NULL ||
      (referrals = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_REFERRALS,
                                                   period->first, period->next,
                                                   error)) == NULL ||
      (follow_ups = shelter_statistics_store_count (db, SHELTER_STAT_QUERY_FOLLOW_UPS,
                                                    period->first, period->next,
                                                    error)) == NULL)
    return NULL;

  /* The summary. */
  summary = table_new ("summary", _("People received, in care and discharged"),
                       _("Stays: each reception counts once, so someone received twice "
                         "counts twice; people: each person once. The rows measure "
                         "different things and have no total."),
                       _("Figure"), 2,
                       SHELTER_STAT_COLUMN_COUNT, _("Stays"),
                       SHELTER_STAT_COLUMN_COUNT, _("People"));
  for (guint i = 0; i < received->len; i++)
    {
      ShelterStatReceivedRow *row = &g_array_index (received, ShelterStatReceivedRow, i);

      g_hash_table_add (people, &row->person_id);
    }
  table = summary;
  {
    ShelterStatRow *row = table_row (table, _("Received in the period (new stays)"));

    row->cells[0] = received->len;
    row->cells[1] = g_hash_table_size (people);
  }
  for (guint i = 0; i < discharges->len; i++)
    {
      ShelterStatCountRow *row = &g_array_index (discharges, ShelterStatCountRow, i);

      discharged_stays += row->a;
      discharged_people += row->b;  /* a person is discharged once a stay */
    }
  {
    ShelterStatRow *row = table_row (table, _("Discharged in the period"));

    row->cells[0] = discharged_stays;
    row->cells[1] = discharged_people;
    row = table_row (table, _("In care at the end of the period"));
    row->cells[0] = g_array_index (in_care, ShelterStatCountRow, 0).a;
    row->cells[1] = g_array_index (in_care, ShelterStatCountRow, 0).b;
  }
  /* No total: a row of zeros would read as a figure. */
  summary->total = NULL;
  g_ptr_array_add (tables, summary);

  if ((table = bed_nights_table (db, period, today, error)) == NULL)
    return NULL;
  g_ptr_array_add (tables, table);

  /* The breakdowns of those received. */
#define RECEIVED_COUNTS _("Each reception in the period counts once (someone received twice counts twice).")
  sex = received_table ("received_by_sex", _("People received by sex"), RECEIVED_COUNTS,
                        _("Sex"), &shelter_enum_sex);
  age = received_table ("received_by_age", _("People received by age at reception"),
                        _("Each reception in the period counts once, in the age band of the "
                          "person’s age on the day of reception (on a birthday, the new age). "
                          "A birth year alone counts from 1 January."),
                        _("Age band"), NULL);
  for (guint b = 0; b <= n_bands; b++)
    {
      g_autofree char *label = age_band_label (bounds, n_bands, b);

      table_row (age, label);
    }
  table_row (age, _("Birth date unknown"));
  ethnic_kind = received_table ("received_by_ethnic_kind",
                                _("People received: Kinh and ethnic minorities"),
                                RECEIVED_COUNTS, _("Ethnicity"), NULL);
  table_row (ethnic_kind, _("Kinh"));
  table_row (ethnic_kind, _("Ethnic minorities"));
  ethnic_group = received_table ("received_by_ethnic_group",
                                 _("People received by ethnic group"),
                                 RECEIVED_COUNTS, _("Ethnic group"), NULL);
  type = received_table ("received_by_person_type", _("People received by person type"),
                         RECEIVED_COUNTS, _("Person type"), &shelter_enum_person_type);
  nationality = received_table ("received_by_nationality",
                                _("People received by nationality status"), RECEIVED_COUNTS,
                                _("Nationality status"), &shelter_enum_nationality_status);
  scope = received_table ("received_by_scope",
                          _("People received: trafficked in the country or abroad"),
                          RECEIVED_COUNTS, _("Where"), &shelter_enum_trafficking_scope);
  destination = received_table ("received_by_destination",
                                _("People received by destination country"),
                                _("Receptions of people trafficked abroad, by the country "
                                  "they were taken to."),
                                _("Country"), NULL);
  purpose = received_table ("received_by_purpose", _("People received by purpose of trafficking"),
                            _("A person counts once in each purpose that applies to them, so "
                              "the rows add up to more than the total, which counts people "
                              "(receptions)."),
                            _("Purpose"), &shelter_enum_trafficking_purpose);
  handed = received_table ("received_by_handed_over", _("People received by who handed them over"),
                           RECEIVED_COUNTS, _("Handed over by"), &shelter_enum_handed_over_by);
  returned = received_table ("received_by_return_mode", _("People received by how they returned"),
                             _("Receptions of people trafficked abroad, by how they came back."),
                             _("How they returned"), &shelter_enum_return_mode);

  for (guint i = 0; i < received->len; i++)
    {
      ShelterStatReceivedRow *row = &g_array_index (received, ShelterStatReceivedRow, i);
      GDate on;
      int years;

      tally (sex, &shelter_enum_sex, row->sex);
      g_date_clear (&on, 1);
      years = shelter_text_parse_date (row->admitted_on, &on) && row->birth_date[0] != '\0'
              ? shelter_text_age_on (row->birth_date, &on) : -1;
      if (years < 0)
        table_row (age, _("Birth date unknown"))->cells[0]++;
      else
        {
          guint band = 0;

          while (band < n_bands && years >= bounds[band])
            band++;
          ((ShelterStatRow *) g_ptr_array_index (age->rows, band))->cells[0]++;
        }
      if (row->ethnicity_code[0] == '\0')
        {
          table_row (ethnic_kind, NOT_RECORDED)->cells[0]++;
          table_row (ethnic_group, NOT_RECORDED)->cells[0]++;
        }
      else
        {
          table_row (ethnic_kind, g_str_equal (row->ethnicity_code, KINH_CODE)
                                  ? _("Kinh") : _("Ethnic minorities"))->cells[0]++;
          table_row (ethnic_group, row->ethnicity_name[0] != '\0' ? row->ethnicity_name
                                                                  : row->ethnicity_code)->cells[0]++;
        }
      tally (type, &shelter_enum_person_type, row->person_type);
      tally (nationality, &shelter_enum_nationality_status, row->nationality_status);
      tally (scope, &shelter_enum_trafficking_scope, row->trafficking_scope);
      tally (handed, &shelter_enum_handed_over_by, row->handed_over_by);
      if (g_str_equal (row->trafficking_scope, "abroad"))
        {
          table_row (destination, row->destination_name[0] != '\0' ? row->destination_name
                                  : row->destination_country[0] != '\0'
                                  ? row->destination_country : NOT_RECORDED)->cells[0]++;
          tally (returned, &shelter_enum_return_mode, row->return_mode);
        }
      if (row->purposes[0] == '\0')
        table_row (purpose, NOT_RECORDED)->cells[0]++;
      else
        {
          g_auto (GStrv) codes = g_strsplit (row->purposes, ",", -1);

          for (guint p = 0; codes[p] != NULL; p++)
            tally (purpose, &shelter_enum_trafficking_purpose, codes[p]);
        }
    }
  purpose->total = row_new (purpose, _("Total (people)"));
  purpose->total->cells[0] = received->len;
  g_ptr_array_add (tables, table_finish (sex));
  g_ptr_array_add (tables, table_finish (age));
  g_ptr_array_add (tables, table_finish (ethnic_kind));
  g_ptr_array_add (tables, table_finish (ethnic_group));
  g_ptr_array_add (tables, table_finish (type));
  g_ptr_array_add (tables, table_finish (nationality));
  g_ptr_array_add (tables, table_finish (scope));
  g_ptr_array_add (tables, table_finish (destination));
  g_ptr_array_add (tables, table_finish (purpose));
  g_ptr_array_add (tables, table_finish (handed));
  g_ptr_array_add (tables, table_finish (returned));

  /* Services by kind. */
  table = table_new ("services", _("Services given by kind"),
                     _("Services recorded with their day in the period: the people who "
                       "received at least one, the services, and their recorded cost. The "
                       "total counts each person once, whatever the kinds."),
                     _("Kind"), 3,
                     SHELTER_STAT_COLUMN_COUNT, _("People"),
                     SHELTER_STAT_COLUMN_COUNT, _("Services"),
                     SHELTER_STAT_COLUMN_DONG, _("Cost (đồng)"));
  for (const ShelterServiceKind *kind = shelter_service_kinds (); kind->code != NULL; kind++)
    table_row (table, shelter_service_kind_label (kind->code));
  for (guint i = 0; i < services->len; i++)
    {
      ShelterStatCountRow *count = &g_array_index (services, ShelterStatCountRow, i);
      ShelterStatRow *row;

      if (g_str_equal (count->key, "*"))
        {
          table->total = row = row_new (table, _("Total"));
        }
      else
        row = table_row (table, shelter_service_kind_label (count->key));
      row->cells[0] = count->a;
      row->cells[1] = count->b;
      row->cells[2] = count->c;
    }
  g_ptr_array_add (tables, table_finish (table));

  if ((table = meal_days_table (db, period, today, error)) == NULL)
    return NULL;
  g_ptr_array_add (tables, table);

  /* Clothing kits. */
  table = table_new ("clothing_kits", _("Clothing kits"),
                     _("Clothing kits issued in the period, the people who received them and "
                       "their cost at the rate in force."),
                     _("Item"), 3,
                     SHELTER_STAT_COLUMN_COUNT, _("Kits"),
                     SHELTER_STAT_COLUMN_COUNT, _("People"),
                     SHELTER_STAT_COLUMN_DONG, _("Cost (đồng)"));
  {
    ShelterStatCountRow *count = &g_array_index (kits, ShelterStatCountRow, 0);
    ShelterStatRow *row = table_row (table, _("Clothing kits issued"));

    row->cells[0] = count->a;
    row->cells[1] = count->b;
    row->cells[2] = count->c;
  }
  g_ptr_array_add (tables, table_finish (table));

  /* Referrals by outcome. */
  table = table_new ("referrals", _("Referrals by outcome"),
                     _("Referrals sent in the period (to another agency, or received from "
                       "one), by where they stand now."),
                     _("Outcome"), 2,
                     SHELTER_STAT_COLUMN_COUNT, _("Sent by the centre"),
                     SHELTER_STAT_COLUMN_COUNT, _("Received from others"));
  for (guint i = 0; i < G_N_ELEMENTS (referral_statuses); i++)
    table_row (table, shelter_referral_status_label (referral_statuses[i]));
  for (guint i = 0; i < referrals->len; i++)
    {
      ShelterStatCountRow *count = &g_array_index (referrals, ShelterStatCountRow, i);

      table_row (table, shelter_referral_status_label (count->key))
        ->cells[g_str_equal (count->key2, "incoming") ? 1 : 0] += count->a;
    }
  g_ptr_array_add (tables, table_finish (table));

  /* Discharges by reason, and by destination. */
  table = table_new ("discharges_by_reason", _("Discharges by reason"),
                     _("Stays that ended in the period (a discharge on the last day counts), "
                       "by the reason of the discharge."),
                     _("Reason"), 1, SHELTER_STAT_COLUMN_COUNT, _("Discharges"));
  for (guint i = 0; i < shelter_enum_discharge_reason.n_values; i++)
    table_row (table, shelter_enum_label (&shelter_enum_discharge_reason,
                                          shelter_enum_discharge_reason.values[i].code));
  for (guint i = 0; i < discharges->len; i++)
    {
      ShelterStatCountRow *count = &g_array_index (discharges, ShelterStatCountRow, i);

      table_row (table, shelter_enum_label (&shelter_enum_discharge_reason, count->key))
        ->cells[0] += count->a;
    }
  g_ptr_array_add (tables, table_finish (table));

  table = table_new ("discharges_by_destination", _("Discharges by destination"),
                     _("Stays that ended in the period, by where the person went."),
                     _("Destination"), 1, SHELTER_STAT_COLUMN_COUNT, _("Discharges"));
  for (guint i = 0; i < G_N_ELEMENTS (destination_kinds); i++)
    table_row (table, _(destination_kinds[i].label));
  for (guint i = 0; i < discharges->len; i++)
    {
      ShelterStatCountRow *count = &g_array_index (discharges, ShelterStatCountRow, i);

      for (guint k = 0; k < G_N_ELEMENTS (destination_kinds); k++)
        if (g_str_equal (count->key2, destination_kinds[k].code))
          table_row (table, _(destination_kinds[k].label))->cells[0] += count->a;
    }
  g_ptr_array_add (tables, table_finish (table));

  /* Follow-ups by situation. */
  table = table_new ("follow_ups", _("Follow-ups by situation found"),
                     _("Follow-ups done in the period, by the situation found, and the people "
                       "concerned; the total counts each person once."),
                     _("Situation"), 2,
                     SHELTER_STAT_COLUMN_COUNT, _("Follow-ups"),
                     SHELTER_STAT_COLUMN_COUNT, _("People"));
  for (guint i = 0; i < shelter_follow_up_situation.n_values; i++)
    table_row (table, shelter_enum_label (&shelter_follow_up_situation,
                                          shelter_follow_up_situation.values[i].code));
  for (guint i = 0; i < follow_ups->len; i++)
    {
      ShelterStatCountRow *count = &g_array_index (follow_ups, ShelterStatCountRow, i);
      ShelterStatRow *row;

      if (g_str_equal (count->key, "*"))
        table->total = row = row_new (table, _("Total"));
      else
        row = table_row (table, shelter_enum_label (&shelter_follow_up_situation, count->key));
      row->cells[0] = count->a;
      row->cells[1] = count->b;
    }
  g_ptr_array_add (tables, table_finish (table));

  if (suppress)
    {
      int below = shelter_settings_get_int (db, SHELTER_SETTING_REPORT_SUPPRESS_BELOW,
                                            DEFAULT_SUPPRESS_BELOW);

      for (guint i = 0; i < tables->len; i++)
        shelter_stat_table_suppress (g_ptr_array_index (tables, i), (guint) MAX (below, 0));
    }
  return g_steal_pointer (&tables);
}

/* ---- CSV -------------------------------------------------------------------------------- */

static void
csv_field (GString    *csv,
           const char *text,
           gboolean    last)
{
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_autofree char *escaped = NULL;
      g_auto (GStrv) parts = g_strsplit (text, "\"", -1);

      escaped = g_strjoinv ("\"\"", parts);
      g_string_append_printf (csv, "\"%s\"", escaped);
    }
  else
    g_string_append (csv, text);
  g_string_append (csv, last ? "\r\n" : ",");
}

static void
csv_row (GString                *csv,
         const ShelterStatTable *table,
         const ShelterStatRow   *row)
{
  csv_field (csv, row->label, table->n_columns == 0);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *cell = row->cells[c] == SHELTER_STAT_SUPPRESSED
        ? g_strdup_printf ("<%u", table->suppressed_below)
        : g_strdup_printf ("%" G_GINT64_FORMAT, row->cells[c]);

      csv_field (csv, cell, c + 1 == table->n_columns);
    }
}

GString *
shelter_statistics_to_csv (GPtrArray           *tables,
                           const ShelterPeriod *period)
{
  GString *csv = g_string_new ("\xef\xbb\xbf");
  g_autofree char *span = shelter_period_format (period);
  g_autofree char *heading = g_strdup_printf (_("Statistics of %s"), span);

  csv_field (csv, heading, TRUE);
  g_string_append (csv, "\r\n");
  for (guint i = 0; i < tables->len; i++)
    {
      ShelterStatTable *table = g_ptr_array_index (tables, i);

      csv_field (csv, table->title, TRUE);
      csv_field (csv, table->counts, TRUE);
      if (table->suppressed_below > 0)
        {
          g_autofree char *note = g_strdup_printf (_("Counts under %u are not shown (<%u)."),
                                                   table->suppressed_below,
                                                   table->suppressed_below);

          csv_field (csv, note, TRUE);
        }
      csv_field (csv, table->label_header, FALSE);
      for (guint c = 0; c < table->n_columns; c++)
        csv_field (csv, table->headers[c], c + 1 == table->n_columns);
      for (guint r = 0; r < table->rows->len; r++)
        csv_row (csv, table, g_ptr_array_index (table->rows, r));
      if (table->total != NULL)
        csv_row (csv, table, table->total);
      g_string_append (csv, "\r\n");
    }
  return csv;
}
