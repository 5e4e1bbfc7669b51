/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* The statistics of the periodic reports: one query layer for the screen, the exports and
 * shelterctl. Every figure is a count, bed-nights or đồng; no name ever appears. Managers
 * only (SHELTER_PERMISSION_VIEW_REPORTS). */

/* ---- Periods ---------------------------------------------------------------------------- */

typedef enum
{
  SHELTER_PERIOD_QUARTER,      /* "2026-Q3" */
  SHELTER_PERIOD_HALF,         /* "2026-H1" */
  SHELTER_PERIOD_YEAR,         /* "2026" */
  SHELTER_PERIOD_STAT_YEAR,    /* "stat-2026": 15/12/2025 to 14/12/2026 */
  SHELTER_PERIOD_RANGE,        /* "2026-03-01..2026-05-31" (or dd/mm/yyyy..dd/mm/yyyy) */
} ShelterPeriodKind;

typedef struct
{
  ShelterPeriodKind kind;
  char              first[11];  /* the first day, YYYY-MM-DD */
  char              last[11];   /* the last day, inclusive */
  char              next[11];   /* the day after the last */
} ShelterPeriod;

/* Reads @text into @period. Refuses (SHELTER_FIELD_REPORT_PERIOD, the message naming
 * --period) text of none of the forms, an end before the start, and a period that starts
 * after @today (YYYY-MM-DD). A period that has begun but not ended is allowed: its figures
 * are those so far. */
gboolean shelter_period_parse  (const char     *text,
                                const char     *today,
                                ShelterPeriod  *period,
                                GError        **error);
/* "01/07/2026 – 30/09/2026" */
char    *shelter_period_format (const ShelterPeriod *period);

/* ---- Tables ----------------------------------------------------------------------------- */

/* A suppressed cell (under the threshold, for reports leaving the centre). */
#define SHELTER_STAT_SUPPRESSED G_MININT64

typedef enum
{
  SHELTER_STAT_COLUMN_COUNT,    /* people, stays, services: suppressed when small */
  SHELTER_STAT_COLUMN_DONG,     /* money, never suppressed */
  SHELTER_STAT_COLUMN_PERCENT,  /* a rate in whole percent, never suppressed */
} ShelterStatColumnKind;

typedef struct
{
  char   *label;
  gint64 *cells;                /* n_columns of them */
} ShelterStatRow;

typedef struct
{
  char                  *code;       /* stable: "received_by_sex" */
  char                  *title;
  char                  *counts;     /* a sentence: what the table counts */
  char                  *label_header;
  guint                  n_columns;
  char                 **headers;    /* n_columns */
  ShelterStatColumnKind *kinds;      /* n_columns */
  GPtrArray             *rows;       /* of ShelterStatRow */
  ShelterStatRow        *total;
  guint                  suppressed_below; /* 0: not suppressed */
} ShelterStatTable;

void shelter_stat_table_free (ShelterStatTable *table);

/* ---- Settings --------------------------------------------------------------------------- */

/* The lower bounds of the age bands after the first, ascending: "16,18,60" (the default)
 * gives under 16, 16-17, 18-59, 60 and over. */
#define SHELTER_SETTING_REPORT_AGE_BANDS     "report_age_bands"
/* Cells under this (3 by default) are suppressed in reports leaving the centre. */
#define SHELTER_SETTING_REPORT_SUPPRESS_BELOW "report_suppress_below"

/* Whether @value is a list of age bands as SHELTER_SETTING_REPORT_AGE_BANDS takes (whole
 * ages from 1 to 150, ascending, separated by commas, at most 8), or a threshold as
 * SHELTER_SETTING_REPORT_SUPPRESS_BELOW takes (2 to 20); a field error (SHELTER_FIELD_SETTING)
 * saying what to write otherwise. shelter_settings_set() checks the two settings with them. */
gboolean shelter_statistics_check_age_bands     (const char  *value,
                                                 GError     **error);
gboolean shelter_statistics_check_suppress_below (const char  *value,
                                                  GError     **error);

/* ---- The statistics --------------------------------------------------------------------- */

/* VIEW_REPORTS. Every table of the period, in report order (ShelterStatTable). With
 * @suppress, counts from 1 to the threshold minus one are replaced by
 * SHELTER_STAT_SUPPRESSED (totals too). */
GPtrArray *shelter_statistics_compute (ShelterSession       *session,
                                       const ShelterPeriod  *period,
                                       gboolean              suppress,
                                       GError              **error);

/* Replaces small counts in @table as shelter_statistics_compute() does. */
void       shelter_stat_table_suppress (ShelterStatTable *table,
                                        guint             below);

/* The tables as CSV: UTF-8 with a byte-order mark so that Excel reads Vietnamese, one
 * block per table (title, what it counts, header, rows, total, an empty line), numbers
 * written as plain numbers, suppressed cells as "<N". */
GString   *shelter_statistics_to_csv  (GPtrArray            *tables,
                                       const ShelterPeriod  *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterStatTable, shelter_stat_table_free)

G_END_DECLS
