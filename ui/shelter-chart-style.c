/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-chart-style"

#include "config.h"

#include "shelter-capacity.h"
#include "shelter-chart-style.h"

static const char *segment_colours[SHELTER_CAPACITY_N_SEGMENTS] = {
  "purple_3", "blue_3", "red_3", "green_4", "orange_4", "brown_3",
};

static const double dash_solid[] = { 1.0 };
static const double dash_long[] = { 8.0, 4.0 };
static const double dash_dot[] = { 2.0, 3.0 };
static const double dash_dot_long[] = { 9.0, 3.0, 2.0, 3.0 };
static const double dash_short[] = { 4.0, 4.0 };
static const double dash_long_gap[] = { 12.0, 3.0 };

static const struct
{
  const double *dashes;
  int           n_dashes;
} segment_dashes[SHELTER_CAPACITY_N_SEGMENTS] = {
  { dash_solid, 0 },
  { dash_long, G_N_ELEMENTS (dash_long) },
  { dash_dot, G_N_ELEMENTS (dash_dot) },
  { dash_dot_long, G_N_ELEMENTS (dash_dot_long) },
  { dash_short, G_N_ELEMENTS (dash_short) },
  { dash_long_gap, G_N_ELEMENTS (dash_long_gap) },
};

void
_shelter_chart_segment_colour (GtkWidget     *widget,
                               guint          index,
                               const GdkRGBA *fallback,
                               GdkRGBA       *colour)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const char *name = segment_colours[MIN (index, SHELTER_CAPACITY_N_SEGMENTS - 1)];

  if (!gtk_style_context_lookup_color (context, name, colour))
    *colour = *fallback;
}

void
_shelter_chart_segment_dash (cairo_t *cr,
                             guint    index)
{
  index = MIN (index, SHELTER_CAPACITY_N_SEGMENTS - 1);
  cairo_set_dash (cr, segment_dashes[index].dashes, segment_dashes[index].n_dashes, 0);
}

void
_shelter_chart_draw_marker (cairo_t *cr,
                            guint    index,
                            double   x,
                            double   y)
{
  const double r = 4.0;

  cairo_new_path (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  switch (index)
    {
    case 0: /* disc */
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 1: /* square */
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      cairo_fill (cr);
      break;
    case 2: /* triangle */
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y + r);
      cairo_line_to (cr, x - r - 1, y + r);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case 3: /* diamond */
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case 4: /* ring */
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      break;
    default: /* cross */
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
      break;
    }
}

void
_shelter_chart_text_size (PangoLayout *layout,
                          const char  *text,
                          int         *width,
                          int         *height)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, width, height);
}

void
_shelter_chart_draw_text (cairo_t     *cr,
                          PangoLayout *layout,
                          const char  *text,
                          double       x,
                          double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}
