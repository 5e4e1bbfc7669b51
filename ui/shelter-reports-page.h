/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-report-export.h"
#include "shelter-session.h"
#include "shelter-statistics.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_REPORTS_PAGE (shelter_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterReportsPage, shelter_reports_page, SHELTER, REPORTS_PAGE, AdwBin)

/* The Reports section, for managers (SHELTER_PERMISSION_VIEW_REPORTS): the period chosen
 * (the last finished quarter at first), the tables of shelter_statistics_compute() for it
 * as cards with charts of the short breakdowns, and the report exported (XLSX, CSV, PDF),
 * printed, or the case list with names exported by those who may. The tables are counted
 * in a worker thread (app/shelter-statistics-async.h). NULL empties the page. */
void       shelter_reports_page_set_session (ShelterReportsPage   *self,
                                             ShelterSession       *session);
/* Counts the tables of the period chosen again. */
void       shelter_reports_page_reload      (ShelterReportsPage   *self);

/* Whether the tables of the period chosen are shown (not being counted, no error). */
gboolean   shelter_reports_page_is_ready    (ShelterReportsPage   *self);
/* The tables shown (ShelterStatTable), NULL when none; and their period. */
GPtrArray *shelter_reports_page_get_tables  (ShelterReportsPage   *self);
const ShelterPeriod *
           shelter_reports_page_get_period  (ShelterReportsPage   *self);

/* What the Export menu does once a file is chosen: writes the tables shown in @format to
 * @path (shelter_report_export()), says so in a toast, and shows a refusal in one. */
gboolean   shelter_reports_page_export      (ShelterReportsPage   *self,
                                             ShelterReportFormat   format,
                                             const char           *path,
                                             GError              **error);

/* The file name offered for the report of @period in @format, ASCII (it travels by e-mail
 * and USB sticks): "bao-cao-2026-Q3.xlsx", "bao-cao-2026-H1.pdf", "bao-cao-2026.csv",
 * "bao-cao-nam-thong-ke-2026.xlsx", "bao-cao-2026-03-01-den-2026-05-31.xlsx". */
char      *shelter_reports_page_file_name   (const ShelterPeriod  *period,
                                             const char           *extension);

G_END_DECLS
