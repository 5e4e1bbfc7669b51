/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-occupancy-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "shelter-chart-style.h"
#include "shelter-occupancy-chart.h"

/* The occupancy chart of the planning page: one line per segment that had beds, the months
 * on the x axis, the rate (bed-nights used / available) from 0 to 100% on the y axis (to
 * 120% when a month passed 100%). Segments differ by dash pattern and marker as well as by
 * colour, in the same styles as the forecast chart, and a legend above names them, so that
 * the chart reads in greyscale too. A month without beds leaves a gap in the line. */

#define PAD 8.0
#define LEGEND_SWATCH 28.0

struct _ShelterOccupancyChart
{
  GtkWidget                parent_instance;

  ShelterOccupancyHistory *history;
  char                    *description;
};

G_DEFINE_FINAL_TYPE (ShelterOccupancyChart, shelter_occupancy_chart, GTK_TYPE_WIDGET)

/* As in the forecast chart, so a segment looks the same in both. */
/* A segment is drawn when it had beds in some month. */
static gboolean
segment_shown (const ShelterOccupancyHistory *history,
               guint                          index)
{
  for (guint m = 0; m < history->months; m++)
    if (history->month[m].segments[index].available > 0)
      return TRUE;
  return FALSE;
}

static int
percent_of (double rate)
{
  return (int) lround (rate * 100.0);
}

char *
shelter_occupancy_chart_format_month (const ShelterOccupancyHistory *history,
                                      guint                          index)
{
  const char *month;

  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (index < history->months, NULL);

  month = history->month[index].month;
  if (strlen (month) != 7)
    return g_strdup (month);
  return g_strdup_printf ("%.2s/%.4s", month + 5, month);
}

static void
shelter_occupancy_chart_update_description (ShelterOccupancyChart *self)
{
  const ShelterOccupancyHistory *history = self->history;
  GString *text;

  g_clear_pointer (&self->description, g_free);
  if (history == NULL)
    {
      self->description = g_strdup ("");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: the start of the description of the occupancy
                           * chart for screen readers; %u is the number of months (12). */
                          ngettext ("Bed-nights used as a share of those available, over the "
                                    "last %u month.",
                                    "Bed-nights used as a share of those available, over the "
                                    "last %u months.",
                                    history->months),
                          history->months);
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      double low = INFINITY, high = -INFINITY, latest = NAN;
      guint low_month = 0, high_month = 0;
      g_autofree char *low_name = NULL;
      g_autofree char *high_name = NULL;

      if (!segment_shown (history, i))
        continue;
      for (guint m = 0; m < history->months; m++)
        {
          double rate = history->month[m].segments[i].rate;

          if (isnan (rate))
            continue;
          latest = rate;
          if (rate < low)
            low = rate, low_month = m;
          if (rate > high)
            high = rate, high_month = m;
        }
      if (isnan (latest))
        continue;
      low_name = shelter_occupancy_chart_format_month (history, low_month);
      high_name = shelter_occupancy_chart_format_month (history, high_month);
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: one segment in the occupancy chart's description,
                               * e.g. "Women: lowest 45 per cent in 03/2026, highest 97 per
                               * cent in 10/2026, 80 per cent in the latest month." */
                              _("%s: lowest %d per cent in %s, highest %d per cent in %s, "
                                "%d per cent in the latest month."),
                              shelter_capacity_segment_label (i),
                              percent_of (low), low_name, percent_of (high), high_name,
                              percent_of (latest));
    }
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

void
shelter_occupancy_chart_set_history (ShelterOccupancyChart         *self,
                                     const ShelterOccupancyHistory *history)
{
  g_return_if_fail (SHELTER_IS_OCCUPANCY_CHART (self));

  g_clear_pointer (&self->history, g_free);
  if (history != NULL)
    self->history = g_memdup2 (history, sizeof *history);
  shelter_occupancy_chart_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
shelter_occupancy_chart_get_description (ShelterOccupancyChart *self)
{
  g_return_val_if_fail (SHELTER_IS_OCCUPANCY_CHART (self), NULL);

  return self->description;
}

/* Drawing */

/* The legend along the top, wrapped over as many lines as it needs; returns its height. */
static double
draw_legend (ShelterOccupancyChart *self,
             cairo_t               *cr,
             PangoLayout           *layout,
             const GdkRGBA         *fg,
             double                 width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double x = 0, y = 0;
  int text_w, text_h = 0;

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const char *label = shelter_capacity_segment_label (i);
      GdkRGBA colour;
      double item_w;

      if (!segment_shown (self->history, i))
        continue;
      _shelter_chart_text_size (layout, label, &text_w, &text_h);
      item_w = LEGEND_SWATCH + PAD / 2 + text_w + 2 * PAD;
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += text_h + PAD / 2;
        }
      _shelter_chart_segment_colour (widget, i, fg, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_set_line_width (cr, 2.0);
      _shelter_chart_segment_dash (cr, i);
      cairo_move_to (cr, x, y + text_h / 2.0);
      cairo_line_to (cr, x + LEGEND_SWATCH, y + text_h / 2.0);
      cairo_stroke (cr);
      _shelter_chart_draw_marker (cr, i, x + LEGEND_SWATCH / 2, y + text_h / 2.0);
      gdk_cairo_set_source_rgba (cr, fg);
      _shelter_chart_draw_text (cr, layout, label, x + LEGEND_SWATCH + PAD / 2, y);
      x += item_w;
    }
  return y + text_h;
}

static void
shelter_occupancy_chart_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  ShelterOccupancyChart *self = SHELTER_OCCUPANCY_CHART (widget);
  const ShelterOccupancyHistory *history = self->history;
  g_autoptr (PangoLayout) layout = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double max_share = 1.0;
  GdkRGBA fg;
  cairo_t *cr;
  int text_w, text_h;
  double left, right, top, bottom, plot_w, plot_h, column;
  guint label_step;

  if (history == NULL || width <= 0 || height <= 0)
    return;

  for (guint m = 0; m < history->months; m++)
    for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
      if (history->month[m].segments[i].rate > max_share)
        max_share = 1.2;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The legend on top, the percentages on the left, the months below. */
  _shelter_chart_text_size (layout, "120%", &text_w, &text_h);
  left = text_w + 2 * PAD;
  right = width - PAD;
  top = draw_legend (self, cr, layout, &fg, width) + PAD + text_h / 2.0;
  bottom = height - (text_h + PAD);
  plot_w = right - left;
  plot_h = bottom - top;
  if (plot_w < 40 || plot_h < 40)
    {
      cairo_destroy (cr);
      return;
    }
  column = plot_w / history->months;

#define Y_OF(share) (top + plot_h * (1.0 - MIN (MAX ((share), 0.0), max_share) / max_share))
#define X_OF(month) (left + ((month) + 0.5) * column)

  /* Grid and y axis, every 20%. */
  cairo_set_line_width (cr, 1.0);
  for (int percent = 0; percent <= (int) lround (max_share * 100); percent += 20)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);
      double y = round (Y_OF (percent / 100.0)) + 0.5;
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue,
                             fg.alpha * (percent == 0 ? 0.6 : percent == 100 ? 0.4 : 0.12));
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      _shelter_chart_text_size (layout, text, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
      _shelter_chart_draw_text (cr, layout, text, left - PAD - w, y - h / 2.0);
    }

  /* The x axis: the months, as many as fit. */
  {
    g_autofree char *sample = shelter_occupancy_chart_format_month (history, 0);
    int w, h;

    _shelter_chart_text_size (layout, sample, &w, &h);
    label_step = 1;
    while (label_step < history->months && column * label_step < w + PAD)
      label_step++;
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
    for (guint m = 0; m < history->months; m += label_step)
      {
        g_autofree char *text = shelter_occupancy_chart_format_month (history, m);

        _shelter_chart_text_size (layout, text, &w, &h);
        _shelter_chart_draw_text (cr, layout, text, X_OF (m) - w / 2.0, bottom + PAD / 2);
      }
  }

  /* One line per segment, broken where a month had no bed. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      GdkRGBA colour;
      gboolean drawing = FALSE;

      if (!segment_shown (history, i))
        continue;
      _shelter_chart_segment_colour (widget, i, &fg, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_set_line_width (cr, 2.0);
      _shelter_chart_segment_dash (cr, i);
      cairo_new_path (cr);
      for (guint m = 0; m < history->months; m++)
        {
          double rate = history->month[m].segments[i].rate;

          if (isnan (rate))
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (cr, X_OF (m), Y_OF (rate));
          else
            cairo_move_to (cr, X_OF (m), Y_OF (rate));
          drawing = TRUE;
        }
      cairo_stroke (cr);
      for (guint m = 0; m < history->months; m++)
        {
          double rate = history->month[m].segments[i].rate;

          if (!isnan (rate))
            _shelter_chart_draw_marker (cr, i, X_OF (m), Y_OF (rate));
        }
    }

#undef X_OF
#undef Y_OF

  cairo_destroy (cr);
}

static void
shelter_occupancy_chart_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 720;
    }
  else
    {
      *minimum = 240;
      *natural = 320;
    }
}

static void
shelter_occupancy_chart_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (shelter_occupancy_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
shelter_occupancy_chart_finalize (GObject *object)
{
  ShelterOccupancyChart *self = SHELTER_OCCUPANCY_CHART (object);

  g_clear_pointer (&self->history, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (shelter_occupancy_chart_parent_class)->finalize (object);
}

static void
shelter_occupancy_chart_class_init (ShelterOccupancyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shelter_occupancy_chart_finalize;

  widget_class->snapshot = shelter_occupancy_chart_snapshot;
  widget_class->measure = shelter_occupancy_chart_measure;
  widget_class->css_changed = shelter_occupancy_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "occupancychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shelter_occupancy_chart_init (ShelterOccupancyChart *self)
{
  self->description = g_strdup ("");
}

GtkWidget *
shelter_occupancy_chart_new (void)
{
  return g_object_new (SHELTER_TYPE_OCCUPANCY_CHART, NULL);
}
