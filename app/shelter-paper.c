/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-paper"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-paper.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The page of Decree 30/2020/NĐ-CP, as the intake record: A4, margins 20 mm top and
 * bottom, 30 mm left, 20 mm right; Times New Roman where the computer has it. */
#define MM (72.0 / 25.4)
#define A4_WIDTH 595.276
#define A4_HEIGHT 841.890
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (20 * MM)
#define FONT_FAMILY "Times New Roman,Liberation Serif,Tinos,DejaVu Serif,Serif"
#define BODY_SIZE 13.0
#define TITLE_SIZE 14.0
#define TABLE_SIZE 12.0
#define CELL_PADDING 3.0
#define RULE_WIDTH 0.6
#define SIGNING_SPACE 60.0
#define SIGNATURES_SPACE 20.0
#define MAX_COLUMNS 6

typedef enum
{
  ELEMENT_PARAGRAPH,
  ELEMENT_ROW,         /* a row of a table: never broken */
  ELEMENT_SIGNATURES,  /* a row of signature blocks: never broken */
} ElementKind;

typedef struct
{
  ElementKind        kind;
  ShelterPaperPlace  place;
  double             space_before;

  /* ELEMENT_PARAGRAPH */
  char              *text;
  ShelterPaperStyle  style;
  ShelterPaperAlign  align;
  double             size;

  /* ELEMENT_ROW: cells[n] of widths[n]; ELEMENT_SIGNATURES: titles in cells, names in
   * names, n columns of equal width. */
  guint              n;
  char              *cells[MAX_COLUMNS];
  char              *names[MAX_COLUMNS];
  double             widths[MAX_COLUMNS];
  gboolean           header;     /* ELEMENT_ROW: the heading row of its table */
  gboolean           aligned;    /* ELEMENT_ROW: its cells aligned as aligns say */
  ShelterPaperAlign  aligns[MAX_COLUMNS];
  guint              header_at;  /* ELEMENT_ROW: the index of its table's heading row */
} Element;

struct _ShelterPaper
{
  GPtrArray *elements;  /* of Element, in reading order */
  guint      table;     /* the heading row of the table begun last */
  gboolean   has_table;
  gboolean   table_aligned;  /* the table begun last has its own alignments */
  ShelterPaperAlign table_aligns[MAX_COLUMNS];
  double     page_width;   /* of the last shelter_paper_paginate(), A4 until then */
  double     page_height;
};

static void
element_free (Element *element)
{
  g_free (element->text);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    {
      g_free (element->cells[i]);
      g_free (element->names[i]);
    }
  g_free (element);
}

ShelterPaper *
shelter_paper_new (void)
{
  ShelterPaper *self = g_new0 (ShelterPaper, 1);

  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  self->page_width = A4_WIDTH;
  self->page_height = A4_HEIGHT;
  return self;
}

void
shelter_paper_free (ShelterPaper *paper)
{
  if (paper == NULL)
    return;
  g_ptr_array_unref (paper->elements);
  g_free (paper);
}

/* ---- Building ------------------------------------------------------------------------ */

static Element *
add_paragraph (ShelterPaper      *self,
               ShelterPaperPlace  place,
               const char        *text,
               ShelterPaperStyle  style,
               ShelterPaperAlign  align,
               double             space_before)
{
  Element *element = g_new0 (Element, 1);

  element->kind = ELEMENT_PARAGRAPH;
  element->place = place;
  element->text = g_strdup (text != NULL ? text : "");
  element->style = style;
  element->align = align;
  element->size = BODY_SIZE;
  element->space_before = space_before;
  g_ptr_array_add (self->elements, element);
  return element;
}

void
shelter_paper_add (ShelterPaper      *paper,
                   ShelterPaperPlace  place,
                   const char        *text,
                   ShelterPaperStyle  style,
                   ShelterPaperAlign  align,
                   double             space_before)
{
  add_paragraph (paper, place, text, style, align, space_before);
}

void
shelter_paper_add_heading (ShelterPaper  *paper,
                           ShelterDb     *db,
                           ShelterCentre *centre,
                           const char    *number,
                           const char    *day)
{
  g_autoptr (ShelterReferenceEntry) province = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *formal = NULL;
  g_autofree char *place_and_date = NULL;
  g_autofree char *text = NULL;

  /* The agency's block beside the national motto. */
  agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  if (agency != NULL && agency[0] != '\0')
    {
      g_autofree char *upper = g_utf8_strup (agency, -1);

      shelter_paper_add (paper, SHELTER_PAPER_LEFT, upper, SHELTER_PAPER_PLAIN,
                         SHELTER_PAPER_ALIGN_CENTER, 0);
    }
  if (centre != NULL)
    {
      g_autofree char *upper = g_utf8_strup (shelter_centre_get_name (centre), -1);

      shelter_paper_add (paper, SHELTER_PAPER_LEFT, upper, SHELTER_PAPER_BOLD,
                         SHELTER_PAPER_ALIGN_CENTER, 0);
      if (shelter_centre_get_province_scheme (centre) != NULL &&
          shelter_centre_get_province_code (centre) != NULL)
        province = shelter_reference_store_admin_unit (db, shelter_centre_get_province_scheme (centre),
                                                       "province",
                                                       shelter_centre_get_province_code (centre),
                                                       NULL);
    }
  text = g_strdup_printf (_("No.: %s"), number);
  shelter_paper_add (paper, SHELTER_PAPER_LEFT, text, SHELTER_PAPER_PLAIN,
                     SHELTER_PAPER_ALIGN_CENTER, 6);
  shelter_paper_add (paper, SHELTER_PAPER_RIGHT, _("SOCIALIST REPUBLIC OF VIETNAM"),
                     SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER, 0);
  shelter_paper_add (paper, SHELTER_PAPER_RIGHT, _("Independence - Freedom - Happiness"),
                     SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER, 0);
  formal = shelter_text_format_formal_date (day);
  /* Translators: "Lào Cai, ngày 05 tháng 3 năm 2026": the place, then the formal date. */
  place_and_date = g_strdup_printf (C_("paper", "%s, %s"),
                                    province != NULL && province->name != NULL ? province->name
                                                                                : SHELTER_PAPER_DOTTED_LINE,
                                    formal);
  shelter_paper_add (paper, SHELTER_PAPER_RIGHT, place_and_date, SHELTER_PAPER_ITALIC,
                     SHELTER_PAPER_ALIGN_CENTER, 6);
}

void
shelter_paper_add_title (ShelterPaper *paper,
                         const char   *title)
{
  add_paragraph (paper, SHELTER_PAPER_BODY, title, SHELTER_PAPER_BOLD | SHELTER_PAPER_KEEP_WITH_NEXT,
                 SHELTER_PAPER_ALIGN_CENTER, 22)->size = TITLE_SIZE;
}

void
shelter_paper_add_section (ShelterPaper *paper,
                           const char   *heading)
{
  add_paragraph (paper, SHELTER_PAPER_BODY, heading,
                 SHELTER_PAPER_BOLD | SHELTER_PAPER_KEEP_WITH_NEXT, SHELTER_PAPER_ALIGN_LEFT, 10);
}

void
shelter_paper_add_paragraph (ShelterPaper      *paper,
                             const char        *text,
                             ShelterPaperStyle  style,
                             double             space_before)
{
  add_paragraph (paper, SHELTER_PAPER_BODY, text, style, SHELTER_PAPER_ALIGN_LEFT, space_before);
}

void
shelter_paper_add_field (ShelterPaper *paper,
                         const char   *label,
                         const char   *value)
{
  g_autofree char *text = g_strdup_printf ("- %s: %s", label, value != NULL ? value : "");

  add_paragraph (paper, SHELTER_PAPER_BODY, text, SHELTER_PAPER_PLAIN, SHELTER_PAPER_ALIGN_LEFT, 2);
}

void
shelter_paper_add_signature (ShelterPaper      *paper,
                             ShelterPaperPlace  place,
                             const char        *title,
                             const char        *name)
{
  add_paragraph (paper, place, title, SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER,
                 SIGNATURES_SPACE);
  add_paragraph (paper, place, _("(Signature, full name and seal)"), SHELTER_PAPER_ITALIC,
                 SHELTER_PAPER_ALIGN_CENTER, 0);
  add_paragraph (paper, place, name != NULL ? name : SHELTER_PAPER_DOTTED_LINE,
                 SHELTER_PAPER_BOLD, SHELTER_PAPER_ALIGN_CENTER, SIGNING_SPACE);
}

void
shelter_paper_add_signatures (ShelterPaper       *paper,
                              guint               n,
                              const char * const *titles,
                              const char * const *names)
{
  Element *element;

  g_return_if_fail (n >= 1 && n <= 4);

  element = g_new0 (Element, 1);
  element->kind = ELEMENT_SIGNATURES;
  element->place = SHELTER_PAPER_BODY;
  element->space_before = SIGNATURES_SPACE;
  element->n = n;
  for (guint i = 0; i < n; i++)
    {
      element->cells[i] = g_strdup (titles[i]);
      element->names[i] = g_strdup (names[i] != NULL ? names[i] : SHELTER_PAPER_DOTTED_LINE);
      element->widths[i] = 1.0 / n;
    }
  g_ptr_array_add (paper->elements, element);
}

static Element *
add_row (ShelterPaper       *self,
         guint               n,
         const double       *widths,
         const char * const *cells,
         gboolean            header)
{
  Element *element = g_new0 (Element, 1);

  element->kind = ELEMENT_ROW;
  element->place = SHELTER_PAPER_BODY;
  element->n = n;
  element->header = header;
  element->aligned = !header && self->table_aligned;
  for (guint i = 0; i < n; i++)
    {
      element->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      element->widths[i] = widths[i];
      element->aligns[i] = self->table_aligns[i];
    }
  g_ptr_array_add (self->elements, element);
  return element;
}

void
shelter_paper_begin_table (ShelterPaper       *paper,
                           guint               n_columns,
                           const double       *widths,
                           const char * const *headings)
{
  Element *element;

  g_return_if_fail (n_columns >= 1 && n_columns <= MAX_COLUMNS);

  paper->table = paper->elements->len;
  paper->has_table = TRUE;
  paper->table_aligned = FALSE;
  element = add_row (paper, n_columns, widths, headings, TRUE);
  element->space_before = 4;
  element->header_at = paper->table;
}

void
shelter_paper_add_row (ShelterPaper       *paper,
                       const char * const *cells)
{
  Element *heading;

  g_return_if_fail (paper->has_table);

  heading = g_ptr_array_index (paper->elements, paper->table);
  add_row (paper, heading->n, heading->widths, cells, FALSE)->header_at = paper->table;
}

void
shelter_paper_align_columns (ShelterPaper            *paper,
                             const ShelterPaperAlign *aligns)
{
  Element *heading;

  g_return_if_fail (paper->has_table);

  heading = g_ptr_array_index (paper->elements, paper->table);
  for (guint c = 0; c < heading->n; c++)
    paper->table_aligns[c] = aligns[c];
  paper->table_aligned = TRUE;
}

void
shelter_paper_add_total_row (ShelterPaper       *paper,
                             const char * const *cells)
{
  Element *row;

  shelter_paper_add_row (paper, cells);
  row = g_ptr_array_index (paper->elements, paper->elements->len - 1);
  row->style = SHELTER_PAPER_BOLD;
}

char *
shelter_paper_dup_text (ShelterPaper *paper)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paper->elements->len; i++)
    {
      Element *element = g_ptr_array_index (paper->elements, i);

      switch (element->kind)
        {
        case ELEMENT_PARAGRAPH:
          g_string_append (text, element->text);
          g_string_append_c (text, '\n');
          break;
        case ELEMENT_ROW:
          for (guint c = 0; c < element->n; c++)
            {
              if (c > 0)
                g_string_append (text, " | ");
              g_string_append (text, element->cells[c]);
            }
          g_string_append_c (text, '\n');
          break;
        case ELEMENT_SIGNATURES:
          for (guint c = 0; c < element->n; c++)
            g_string_append_printf (text, "%s\n%s\n%s\n", element->cells[c],
                                    _("(Signature, full name and seal)"), element->names[c]);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}

/* ---- Addresses ----------------------------------------------------------------------- */

char *
shelter_paper_describe_address (ShelterDb  *db,
                                const char *scheme,
                                const char *province_code,
                                const char *commune_code,
                                const char *detail)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (detail != NULL && detail[0] != '\0')
    g_ptr_array_add (parts, g_strdup (detail));
  if (scheme != NULL && commune_code != NULL)
    {
      g_autoptr (ShelterReferenceEntry) unit =
        shelter_reference_store_admin_unit (db, scheme, "commune", commune_code, NULL);
      if (unit != NULL)
        g_ptr_array_add (parts, g_strdup (unit->full_name ? unit->full_name : unit->name));
    }
  if (scheme != NULL && province_code != NULL)
    {
      g_autoptr (ShelterReferenceEntry) unit =
        shelter_reference_store_admin_unit (db, scheme, "province", province_code, NULL);
      if (unit != NULL)
        g_ptr_array_add (parts, g_strdup (unit->full_name ? unit->full_name : unit->name));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

char *
shelter_paper_describe_home (ShelterDb     *db,
                             ShelterPerson *person)
{
  return shelter_paper_describe_address (db, shelter_person_get_home_scheme (person),
                                         shelter_person_get_home_province_code (person),
                                         shelter_person_get_home_commune_code (person),
                                         shelter_person_get_home_detail (person));
}

/* ---- Drawing ------------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t           *cr,
             const char        *text,
             ShelterPaperStyle  style,
             ShelterPaperAlign  align,
             double             size,
             double             width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  static const PangoAlignment alignments[] = {
    [SHELTER_PAPER_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
    [SHELTER_PAPER_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [SHELTER_PAPER_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
  };

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (style & SHELTER_PAPER_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style & SHELTER_PAPER_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignments[align]);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

static double
paragraph_height (cairo_t *cr,
                  Element *element,
                  double   width)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, element->text, element->style,
                                                element->align, element->size, width);

  return layout_height (layout);
}

/* Where the drawing goes: the page's size, the page being laid out, and which page is
 * drawn. The same walk through the paper lays it out (counting pages), draws every page
 * of a PDF, or draws one page for the print dialog, so that they never disagree. */
#define DRAW_ALL  (-1)  /* every page, each ended with cairo_show_page() */
#define DRAW_NONE (-2)  /* only the layout: count the pages */

typedef struct
{
  cairo_t *cr;
  double   height;      /* of the page, in points */
  double   text_width;
  guint    page;        /* the page being laid out, from 0 */
  int      target;      /* the page drawn, DRAW_ALL or DRAW_NONE */
} Pen;

static gboolean
pen_draws (Pen *pen)
{
  return pen->target == DRAW_ALL || pen->target == (int) pen->page;
}

static void
pen_new_page (Pen *pen)
{
  if (pen->target == DRAW_ALL)
    cairo_show_page (pen->cr);
  pen->page++;
}

static void
pen_show (Pen         *pen,
          PangoLayout *layout,
          double       x,
          double       y)
{
  if (!pen_draws (pen))
    return;
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
}

/* A row of a table: its cells side by side, ruled. Returns its height; draws when @draw. */
static double
do_row (Pen      *pen,
        Element  *row,
        double    y,
        gboolean  draw)
{
  PangoLayout *layouts[MAX_COLUMNS] = { NULL };
  double height = 0, x = MARGIN_LEFT;

  for (guint c = 0; c < row->n; c++)
    {
      double width = row->widths[c] * pen->text_width;

      ShelterPaperAlign align = row->header || c == 0 ? SHELTER_PAPER_ALIGN_CENTER
                                                      : SHELTER_PAPER_ALIGN_LEFT;

      if (row->aligned)
        align = row->aligns[c];
      layouts[c] = make_layout (pen->cr, row->cells[c],
                                row->header ? SHELTER_PAPER_BOLD : row->style, align,
                                TABLE_SIZE, width - 2 * CELL_PADDING);
      height = MAX (height, layout_height (layouts[c]));
    }
  height += 2 * CELL_PADDING;
  for (guint c = 0; c < row->n; c++)
    {
      double width = row->widths[c] * pen->text_width;

      if (draw && pen_draws (pen))
        {
          cairo_set_line_width (pen->cr, RULE_WIDTH);
          cairo_rectangle (pen->cr, x, y, width, height);
          cairo_stroke (pen->cr);
          pen_show (pen, layouts[c], x + CELL_PADDING, y + CELL_PADDING);
        }
      x += width;
      g_object_unref (layouts[c]);
    }
  return height;
}

/* A row of signature blocks: titles at the top, the notes under them, the names on one
 * line below the room to sign. Returns its height (without the space before); draws when
 * @draw. */
static double
do_signatures (Pen      *pen,
               Element  *element,
               double    y,
               gboolean  draw)
{
  double width = pen->text_width / element->n;
  double top = 0, foot = 0;

  for (guint c = 0; c < element->n; c++)
    {
      g_autoptr (PangoLayout) title = make_layout (pen->cr, element->cells[c],
                                                   SHELTER_PAPER_BOLD,
                                                   SHELTER_PAPER_ALIGN_CENTER, BODY_SIZE, width);
      g_autoptr (PangoLayout) note = make_layout (pen->cr, _("(Signature, full name and seal)"),
                                                  SHELTER_PAPER_ITALIC,
                                                  SHELTER_PAPER_ALIGN_CENTER, BODY_SIZE, width);
      double title_height = layout_height (title);

      if (draw)
        {
          pen_show (pen, title, MARGIN_LEFT + c * width, y);
          pen_show (pen, note, MARGIN_LEFT + c * width, y + title_height);
        }
      top = MAX (top, title_height + layout_height (note));
    }
  for (guint c = 0; c < element->n; c++)
    {
      g_autoptr (PangoLayout) name = make_layout (pen->cr, element->names[c], SHELTER_PAPER_BOLD,
                                                  SHELTER_PAPER_ALIGN_CENTER, BODY_SIZE, width);

      if (draw)
        pen_show (pen, name, MARGIN_LEFT + c * width, y + top + SIGNING_SPACE);
      foot = MAX (foot, layout_height (name));
    }
  return top + SIGNING_SPACE + foot;
}

static double
element_height (Pen     *pen,
                Element *element)
{
  switch (element->kind)
    {
    case ELEMENT_PARAGRAPH:
      return paragraph_height (pen->cr, element, pen->text_width);
    case ELEMENT_ROW:
      return do_row (pen, element, 0, FALSE);
    case ELEMENT_SIGNATURES:
      return do_signatures (pen, element, 0, FALSE);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_body (Element *element)
{
  return element->place == SHELTER_PAPER_BODY;
}

/* What must fit with a heading kept with what follows: the next body element (a table's
 * first row with its heading row; at most three lines of a paragraph). */
static double
next_height (ShelterPaper *self,
             Pen          *pen,
             guint         from,
             guint         to)
{
  for (guint i = from; i < to; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);
      double height;

      if (!is_body (element))
        continue;
      height = element->space_before + element_height (pen, element);
      if (element->kind == ELEMENT_PARAGRAPH)
        {
          if (element->style & SHELTER_PAPER_KEEP_WITH_NEXT)
            return height + next_height (self, pen, i + 1, to);
          return MIN (height, element->space_before + 3 * BODY_SIZE * 1.2);
        }
      if (element->kind == ELEMENT_ROW && element->header && i + 1 < to)
        {
          Element *first = g_ptr_array_index (self->elements, i + 1);

          if (first->kind == ELEMENT_ROW && !first->header)
            height += element_height (pen, first);
        }
      return height;
    }
  return 0;
}

static gboolean
overflows (Pen    *pen,
           double  y,
           double  height)
{
  return y + height > pen->height - MARGIN_BOTTOM && y > MARGIN_TOP + 1;
}

/* Draws the paragraphs of @place in the column from @x, @width wide, from @y; returns the
 * bottom. Paragraphs move to a new page when they do not fit. */
static double
draw_place (ShelterPaper      *self,
            Pen               *pen,
            ShelterPaperPlace  place,
            guint              from,
            guint              to,
            double             x,
            double             width,
            double             y)
{
  for (guint i = from; i < to; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);
      g_autoptr (PangoLayout) layout = NULL;
      double height;

      if (element->place != place || element->kind != ELEMENT_PARAGRAPH)
        continue;
      layout = make_layout (pen->cr, element->text, element->style, element->align,
                            element->size, width);
      height = layout_height (layout);
      y += element->space_before;
      if (overflows (pen, y, height))
        {
          pen_new_page (pen);
          y = MARGIN_TOP;
        }
      pen_show (pen, layout, x, y);
      y += height;
    }
  return y;
}

/* The body across the page: paragraphs, table rows and signature rows, with page breaks. */
static double
draw_body (ShelterPaper *self,
           Pen          *pen,
           guint         from,
           guint         to,
           double        y)
{
  for (guint i = from; i < to; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);
      double height;

      if (!is_body (element))
        continue;
      height = element_height (pen, element);
      y += element->space_before;
      if (overflows (pen, y, height) ||
          (element->kind == ELEMENT_PARAGRAPH && (element->style & SHELTER_PAPER_KEEP_WITH_NEXT) &&
           overflows (pen, y, height + next_height (self, pen, i + 1, to))))
        {
          pen_new_page (pen);
          y = MARGIN_TOP;
          /* A table going on: its heading row again. */
          if (element->kind == ELEMENT_ROW && !element->header)
            y += do_row (pen, g_ptr_array_index (self->elements, element->header_at), y, TRUE);
        }
      else if (element->kind == ELEMENT_ROW && element->header &&
               overflows (pen, y, height + next_height (self, pen, i + 1, to)))
        {
          /* A heading row alone at the foot of a page. */
          pen_new_page (pen);
          y = MARGIN_TOP;
        }
      switch (element->kind)
        {
        case ELEMENT_PARAGRAPH:
          if (pen_draws (pen))
            {
              g_autoptr (PangoLayout) layout = make_layout (pen->cr, element->text,
                                                            element->style, element->align,
                                                            element->size, pen->text_width);

              pen_show (pen, layout, MARGIN_LEFT, y);
            }
          break;
        case ELEMENT_ROW:
          do_row (pen, element, y, TRUE);
          break;
        case ELEMENT_SIGNATURES:
          do_signatures (pen, element, y, TRUE);
          break;
        default:
          g_assert_not_reached ();
        }
      y += height;
    }
  return y;
}

/* Lays the paper out on pages of @width by @height with @cr, drawing the page(s) @target
 * asks for; returns the number of pages. */
static guint
draw (ShelterPaper *self,
      cairo_t      *cr,
      double        width,
      double        height,
      int           target)
{
  guint body_start = self->elements->len;
  guint len = self->elements->len;
  double left_bottom, right_bottom, y;
  Pen pen = {
    .cr = cr,
    .height = height,
    .text_width = width - MARGIN_LEFT - MARGIN_RIGHT,
    .page = 0,
    .target = target,
  };
  double text_width = pen.text_width;

  for (guint i = 0; i < len; i++)
    if (is_body (g_ptr_array_index (self->elements, i)))
      {
        body_start = i;
        break;
      }
  cairo_set_source_rgb (cr, 0, 0, 0);
  left_bottom = draw_place (self, &pen, SHELTER_PAPER_LEFT, 0, body_start,
                            MARGIN_LEFT - 10 * MM, text_width * 0.45, MARGIN_TOP);
  right_bottom = draw_place (self, &pen, SHELTER_PAPER_RIGHT, 0, body_start,
                             MARGIN_LEFT + text_width * 0.40, text_width * 0.62, MARGIN_TOP);
  y = draw_body (self, &pen, body_start, len, MAX (left_bottom, right_bottom));
  /* The signatures: the other side's on the left, the centre's on the right. */
  draw_place (self, &pen, SHELTER_PAPER_LEFT, body_start, len, MARGIN_LEFT, text_width * 0.45,
              y);
  draw_place (self, &pen, SHELTER_PAPER_RIGHT, body_start, len,
              MARGIN_LEFT + text_width * 0.45, text_width * 0.55, y);
  if (target == DRAW_ALL)
    cairo_show_page (cr);
  return pen.page + 1;
}

guint
shelter_paper_paginate (ShelterPaper *paper,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  g_return_val_if_fail (paper != NULL, 0);
  g_return_val_if_fail (width > MARGIN_LEFT + MARGIN_RIGHT && height > MARGIN_TOP + MARGIN_BOTTOM, 0);

  paper->page_width = width;
  paper->page_height = height;
  return draw (paper, cr, width, height, DRAW_NONE);
}

void
shelter_paper_draw_page (ShelterPaper *paper,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (paper != NULL);

  draw (paper, cr, paper->page_width, paper->page_height, (int) page);
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
shelter_paper_render (ShelterPaper  *paper,
                      const char    *title,
                      GError       **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, A4_WIDTH, A4_HEIGHT);
  /* No name in the metadata. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mái Ấm");
  cr = cairo_create (surface);
  draw (paper, cr, A4_WIDTH, A4_HEIGHT, DRAW_ALL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
shelter_paper_save (ShelterSession  *session,
                    GBytes          *pdf,
                    const char      *path,
                    const char      *entity,
                    gint64           entity_id,
                    const char      *details,
                    GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  ShelterDb *db = shelter_session_get_db (session);
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);

  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!shelter_audit_record (session, at, "export", entity, entity_id, details, error) ||
      !g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error) ||
      !shelter_db_commit (db, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}
