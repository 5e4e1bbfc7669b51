/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-paper.h"
#include "shelter-session.h"
#include "shelter-statistics.h"

G_BEGIN_DECLS

/* The periodic report written out: the tables of shelter_statistics_compute() as a
 * spreadsheet (XLSX, one sheet per table), as CSV, or as the official paper (PDF in the
 * Vietnamese administrative layout) that the manager signs. The screen, the exports and
 * shelterctl show the same numbers because they all start from the same tables. */

typedef enum
{
  SHELTER_REPORT_FORMAT_CSV,
  SHELTER_REPORT_FORMAT_XLSX,
  SHELTER_REPORT_FORMAT_PDF,
} ShelterReportFormat;

/* "csv", "xlsx" or "pdf", in any case. Refuses anything else (SHELTER_FIELD_REPORT_FORMAT,
 * naming the three). */
gboolean      shelter_report_format_parse     (const char           *text,
                                               ShelterReportFormat  *format,
                                               GError              **error);
/* "csv", "xlsx", "pdf": the file name extension of @format. */
const char   *shelter_report_format_extension (ShelterReportFormat   format);

/* The report as a paper: the national heading with the centre and its number, the title
 * with the period, every table (what it counts, the header, the rows, the total; a
 * suppressed cell as "<N" and a note saying so), then the place and date and the
 * signer (the manager, with a dotted line for the name when the centre has none set).
 * For printing (shelter_paper_paginate / shelter_paper_draw_page) and for the PDF. */
ShelterPaper *shelter_report_paper            (ShelterSession       *session,
                                               GPtrArray            *tables,
                                               const ShelterPeriod  *period);

/* VIEW_REPORTS. Writes @tables in @format to @path: to a temporary file beside it, renamed
 * over @path only when whole (never a partial file), mode 0600, with one audit entry
 * ("export", "report", the period and format; no figure). A path that cannot be written
 * is refused with SHELTER_FIELD_REPORT_OUTPUT naming the folder. */
gboolean      shelter_report_export           (ShelterSession       *session,
                                               GPtrArray            *tables,
                                               const ShelterPeriod  *period,
                                               ShelterReportFormat   format,
                                               const char           *path,
                                               GError              **error);

/* EXPORT_CASE_LIST. The centre's own list of the stays of @period (those received, in care
 * or discharged in it): case code, full name, sex, date of birth, person type, home
 * province, reception date, room, discharge date and reason, one row each, sorted by case
 * code, written in @format (CSV or XLSX; PDF refused) as shelter_report_export() writes.
 * @reason (why the names leave the program; required, at most 500 characters, refused with
 * SHELTER_FIELD_CASE_LIST_REASON) goes into the audit entry with the number of rows.
 * Protected residents are listed by case code only unless the session may see them. */
gboolean      shelter_case_list_export        (ShelterSession       *session,
                                               const ShelterPeriod  *period,
                                               const char           *reason,
                                               ShelterReportFormat   format,
                                               const char           *path,
                                               GError              **error);

G_END_DECLS
