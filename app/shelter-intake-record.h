/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "shelter-session.h"
#include "shelter-settings.h"

G_BEGIN_DECLS

/* The intake record (biên bản tiếp nhận) of a stay, laid out as a Vietnamese official paper
 * on A4: national heading, number, place and date ("ngày 05 tháng 3 năm 2026"), the parties,
 * the person, how they came, belongings and papers, health at arrival, and the signatures
 * ("could not sign" where so). The same layout is written to PDF and drawn for printing. */
typedef struct _ShelterIntakeRecord ShelterIntakeRecord;

/* A4 portrait, in points. */
#define SHELTER_INTAKE_RECORD_A4_WIDTH  595.276
#define SHELTER_INTAKE_RECORD_A4_HEIGHT 841.890


/* Gathers what the record shows (VIEW_RESIDENTS; protected residents as in
 * shelter_person_open()). Fails when the stay has no intake. */
ShelterIntakeRecord *shelter_intake_record_load       (ShelterSession       *session,
                                                       gint64                stay_id,
                                                       GError              **error);
void                 shelter_intake_record_free       (ShelterIntakeRecord  *record);
/* "BBTN-2026-0012", e.g. to name the file. */
const char          *shelter_intake_record_get_record_number (ShelterIntakeRecord *record);
gint64               shelter_intake_record_get_stay_id (ShelterIntakeRecord  *record);

/* The record as plain text, one paragraph a line, in reading order: what the PDF shows. */
char                *shelter_intake_record_dup_text   (ShelterIntakeRecord  *record);

/* Lays the record out for pages of @width x @height points (cairo's unit) and returns how
 * many pages it takes; then draws page @page (from 0) on @cr, whose user space must be in
 * points with its origin at the page's corner (the record keeps its own margins). For a
 * GtkPrintOperation: gtk_print_operation_set_unit (GTK_UNIT_POINTS) and
 * set_use_full_page (TRUE), then the context's width and height. Without a paginate call
 * first, draw_page lays the record out for A4. */
guint                shelter_intake_record_paginate   (ShelterIntakeRecord  *record,
                                                       cairo_t              *cr,
                                                       double                width,
                                                       double                height);
void                 shelter_intake_record_draw_page  (ShelterIntakeRecord  *record,
                                                       cairo_t              *cr,
                                                       guint                 page);

/* Writes the record to @path as an A4 PDF (mode 0600) and records the export in the audit
 * trail. */
gboolean             shelter_intake_record_write_pdf  (ShelterSession       *session,
                                                       ShelterIntakeRecord  *record,
                                                       const char           *path,
                                                       GError              **error);
/* Records in the audit trail that the record was sent to a printer. */
gboolean             shelter_intake_record_note_printed (ShelterSession      *session,
                                                         ShelterIntakeRecord *record,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterIntakeRecord, shelter_intake_record_free)

G_END_DECLS
