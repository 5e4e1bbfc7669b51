/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "shelter-domain.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* A Vietnamese official paper on A4 (Decree 30/2020/NĐ-CP: margins 20 mm top and bottom,
 * 30 mm left, 20 mm right; Times New Roman where the computer has it), built paragraph by
 * paragraph in reading order, then drawn as PDF or given as plain text.
 *
 * The paragraphs placed LEFT and RIGHT before the first BODY one are the heading, drawn side
 * by side (the agency's block, the national motto); the BODY ones follow across the page,
 * moving to a new page when they do not fit (a heading marked KEEP_WITH_NEXT goes with the
 * paragraph after it, a table row is never broken and a new page repeats the table's
 * heading row, a row of signatures is never broken); the LEFT and RIGHT ones after the body
 * are two signature columns side by side at the end. */

typedef struct _ShelterPaper ShelterPaper;

typedef enum
{
  SHELTER_PAPER_LEFT,   /* the agency's block of the heading; the other side's signature */
  SHELTER_PAPER_RIGHT,  /* the national heading; the centre's signature */
  SHELTER_PAPER_BODY,
} ShelterPaperPlace;

typedef enum
{
  SHELTER_PAPER_PLAIN          = 0,
  SHELTER_PAPER_BOLD           = 1 << 0,
  SHELTER_PAPER_ITALIC         = 1 << 1,
  SHELTER_PAPER_KEEP_WITH_NEXT = 1 << 2,  /* a heading: never the last thing on a page */
} ShelterPaperStyle;

typedef enum
{
  SHELTER_PAPER_ALIGN_LEFT,
  SHELTER_PAPER_ALIGN_CENTER,
  SHELTER_PAPER_ALIGN_RIGHT,
} ShelterPaperAlign;

/* Where someone writes by hand. */
#define SHELTER_PAPER_DOTTED_LINE "……………………………"

ShelterPaper *shelter_paper_new            (void);
void          shelter_paper_free           (ShelterPaper       *paper);

/* One paragraph; @space_before in points. */
void          shelter_paper_add            (ShelterPaper       *paper,
                                            ShelterPaperPlace   place,
                                            const char         *text,
                                            ShelterPaperStyle   style,
                                            ShelterPaperAlign   align,
                                            double              space_before);
/* The heading: the managing agency (setting) and the centre in capitals with "No.: @number"
 * on the left; the national motto and "<the centre's province>, <the formal date of @day>"
 * on the right. @centre may be NULL. */
void          shelter_paper_add_heading    (ShelterPaper       *paper,
                                            ShelterDb          *db,
                                            ShelterCentre      *centre,
                                            const char         *number,
                                            const char         *day);
/* The title, bold and centred under the heading. */
void          shelter_paper_add_title      (ShelterPaper       *paper,
                                            const char         *title);
/* A section heading of the body, bold, kept with what follows. */
void          shelter_paper_add_section    (ShelterPaper       *paper,
                                            const char         *heading);
/* A body paragraph, left-aligned. */
void          shelter_paper_add_paragraph  (ShelterPaper       *paper,
                                            const char         *text,
                                            ShelterPaperStyle   style,
                                            double              space_before);
/* "- label: value" (an empty value when @value is NULL). */
void          shelter_paper_add_field      (ShelterPaper       *paper,
                                            const char         *label,
                                            const char         *value);
/* A signature block in the LEFT or RIGHT column after the body: the title in capitals, the
 * note, room to sign, then the name (a dotted line when NULL). */
void          shelter_paper_add_signature  (ShelterPaper       *paper,
                                            ShelterPaperPlace   place,
                                            const char         *title,
                                            const char         *name);
/* A row of @n signature blocks side by side in the body (at most 4), each a title, the
 * note "(Signature, full name and seal)", room to sign and the name (a dotted line when
 * NULL); the names on one line. */
void          shelter_paper_add_signatures (ShelterPaper       *paper,
                                            guint               n,
                                            const char * const *titles,
                                            const char * const *names);
/* A table of @n_columns (at most 6) in the body: @widths are fractions of the text width
 * (summing to 1), @headings the heading row. Rows follow with shelter_paper_add_row(). */
void          shelter_paper_begin_table    (ShelterPaper       *paper,
                                            guint               n_columns,
                                            const double       *widths,
                                            const char * const *headings);
/* A row of the table begun last: one text a column (NULL: empty). */
void          shelter_paper_add_row        (ShelterPaper       *paper,
                                            const char * const *cells);
/* The same, bold: the total of the table. */
void          shelter_paper_add_total_row  (ShelterPaper       *paper,
                                            const char * const *cells);
/* How the cells of the rows added from now to the table begun last are aligned, one
 * alignment a column (figures to the right); without it the first column is centred and
 * the others to the left. The heading row stays centred. */
void          shelter_paper_align_columns  (ShelterPaper            *paper,
                                            const ShelterPaperAlign *aligns);

/* The paper as plain text, one paragraph a line in reading order (a table row its cells
 * joined with " | "): what the PDF shows. */
char         *shelter_paper_dup_text       (ShelterPaper       *paper);
/* For a GtkPrintOperation (unit points, full page): lays the paper out on pages of @width
 * by @height points measured with @cr, and says how many; then draws page @page (from 0) on
 * @cr, whose origin is the page's corner (the paper keeps its own margins). Without a
 * paginate call first, draw_page lays the paper out for A4. */
guint         shelter_paper_paginate       (ShelterPaper       *paper,
                                            cairo_t            *cr,
                                            double              width,
                                            double              height);
void          shelter_paper_draw_page      (ShelterPaper       *paper,
                                            cairo_t            *cr,
                                            guint               page);
/* The paper as an A4 PDF whose metadata hold @title (never a name) and the program. Fails
 * with SHELTER_APP_ERROR_FAILED whose message is cairo's reason only, for the caller to say
 * which paper could not be drawn. */
GBytes       *shelter_paper_render         (ShelterPaper       *paper,
                                            const char         *title,
                                            GError            **error);
/* Writes @pdf to @path (mode 0600) in one transaction with its audit entry ("export",
 * @entity #@entity_id, @details). */
gboolean      shelter_paper_save           (ShelterSession     *session,
                                            GBytes             *pdf,
                                            const char         *path,
                                            const char         *entity,
                                            gint64              entity_id,
                                            const char         *details,
                                            GError            **error);

/* An address in words from the reference store: "@detail, <commune>, <province>"; NULL
 * when nothing is known. */
char         *shelter_paper_describe_address (ShelterDb        *db,
                                              const char       *scheme,
                                              const char       *province_code,
                                              const char       *commune_code,
                                              const char       *detail);
/* The person's home address, as above. */
char         *shelter_paper_describe_home  (ShelterDb          *db,
                                            ShelterPerson      *person);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPaper, shelter_paper_free)

G_END_DECLS
