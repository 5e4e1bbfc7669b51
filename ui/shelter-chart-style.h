/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the planning page's charts share, so that a segment looks the same in each: its
 * colour, its dash pattern and its marker (the three differ together, so that the charts
 * read in greyscale too), and two helpers for text. @index is a capacity segment
 * (shelter_capacity_segment_code()). */

/* The segment's colour from the style sheet's palette, or @fallback. */
void _shelter_chart_segment_colour (GtkWidget     *widget,
                                    guint          index,
                                    const GdkRGBA *fallback,
                                    GdkRGBA       *colour);
/* Sets the segment's dash pattern for the lines that follow. */
void _shelter_chart_segment_dash   (cairo_t       *cr,
                                    guint          index);
/* The segment's marker (disc, square, triangle, diamond, ring, cross) centred on x, y. */
void _shelter_chart_draw_marker    (cairo_t       *cr,
                                    guint          index,
                                    double         x,
                                    double         y);
void _shelter_chart_text_size      (PangoLayout   *layout,
                                    const char    *text,
                                    int           *width,
                                    int           *height);
void _shelter_chart_draw_text      (cairo_t       *cr,
                                    PangoLayout   *layout,
                                    const char    *text,
                                    double         x,
                                    double         y);

G_END_DECLS
