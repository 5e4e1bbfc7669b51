/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-forecast-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shelter-chart-style.h"
#include "shelter-forecast-chart.h"
#include "shelter-text.h"

/* The chart of the planning page: one line per segment, week 1 to the last on the x axis,
 * 0 to 120% of the segment's beds on the y axis, dashed lines at 90% and 100%. Segments
 * differ by dash pattern and marker as well as by colour, and each line is named at its
 * end, so that the chart reads in greyscale too. */

#define MAX_SHARE 1.2
#define PAD 8.0

struct _ShelterForecastChart
{
  GtkWidget                parent_instance;

  ShelterCapacityForecast *forecast;
  char                    *description;
};

G_DEFINE_FINAL_TYPE (ShelterForecastChart, shelter_forecast_chart, GTK_TYPE_WIDGET)

/* Theme colours, tried in order, one per segment; the text colour when missing. */
static gboolean
segment_shown (const ShelterCapacityForecast *forecast,
               guint                          index)
{
  return forecast->segments[index].beds > 0;
}

static double
share_of (const ShelterCapacitySegment *segment,
          guint                         week)
{
  return segment->expected[week] / segment->beds;
}

static int
percent_of (double share)
{
  return (int) lround (share * 100.0);
}

char *
shelter_forecast_chart_format_week_end (const ShelterCapacityForecast *forecast,
                                        guint                          week)
{
  GDate date;

  g_return_val_if_fail (forecast != NULL, NULL);

  g_date_clear (&date, 1);
  if (!shelter_text_parse_date (forecast->today, &date))
    return g_strdup ("");
  g_date_add_days (&date, 7 * week);
  return g_strdup_printf ("%02u/%02u", g_date_get_day (&date), g_date_get_month (&date));
}

static void
shelter_forecast_chart_update_description (ShelterForecastChart *self)
{
  const ShelterCapacityForecast *forecast = self->forecast;
  GString *text;

  g_clear_pointer (&self->description, g_free);
  if (forecast == NULL)
    {
      self->description = g_strdup ("");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* Translators: the start of the description of the chart for
                           * screen readers; %u is the number of weeks (12). */
                          ngettext ("Forecast of beds used for the next %u week.",
                                    "Forecast of beds used for the next %u weeks.",
                                    forecast->weeks),
                          forecast->weeks);
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[i];
      guint peak = 0;

      if (!segment_shown (forecast, i))
        continue;
      for (guint k = 1; k < forecast->weeks; k++)
        if (segment->expected[k] > segment->expected[peak])
          peak = k;
      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: one segment in the chart's description, e.g.
                               * "Women reach 104% in week 1, 98% in week 12, at most 110%
                               * in week 3." */
                              _("%s reach %d%% in week 1, %d%% in week %u, at most %d%% in week %u."),
                              shelter_capacity_segment_label (i),
                              percent_of (share_of (segment, 0)),
                              percent_of (share_of (segment, forecast->weeks - 1)),
                              forecast->weeks,
                              percent_of (share_of (segment, peak)),
                              peak + 1);
    }
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

void
shelter_forecast_chart_set_forecast (ShelterForecastChart          *self,
                                     const ShelterCapacityForecast *forecast)
{
  g_return_if_fail (SHELTER_IS_FORECAST_CHART (self));

  g_clear_pointer (&self->forecast, g_free);
  if (forecast != NULL)
    self->forecast = g_memdup2 (forecast, sizeof *forecast);
  shelter_forecast_chart_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
shelter_forecast_chart_get_description (ShelterForecastChart *self)
{
  g_return_val_if_fail (SHELTER_IS_FORECAST_CHART (self), NULL);

  return self->description;
}

/* Drawing */

typedef struct
{
  guint  index;
  double y;
} EndLabel;

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  double ya = ((const EndLabel *) a)->y;
  double yb = ((const EndLabel *) b)->y;

  return (ya > yb) - (ya < yb);
}

static void
shelter_forecast_chart_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  ShelterForecastChart *self = SHELTER_FORECAST_CHART (widget);
  const ShelterCapacityForecast *forecast = self->forecast;
  g_autoptr (PangoLayout) layout = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  EndLabel ends[SHELTER_CAPACITY_N_SEGMENTS];
  guint n_ends = 0;
  GdkRGBA fg;
  cairo_t *cr;
  int text_w, text_h, label_w = 0;
  double left, right, top, bottom, plot_w, plot_h, column;
  guint label_step;

  if (forecast == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Margins: the percentages on the left, the segment names on the right, the week ends
   * and the axis title below. */
  _shelter_chart_text_size (layout, "120%", &text_w, &text_h);
  left = text_w + 2 * PAD;
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      int w, h;

      if (!segment_shown (forecast, i))
        continue;
      _shelter_chart_text_size (layout, shelter_capacity_segment_label (i), &w, &h);
      label_w = MAX (label_w, w);
    }
  right = width - (label_w + 3 * PAD + 12);
  top = text_h / 2.0 + PAD;
  bottom = height - (2 * text_h + 2 * PAD);
  plot_w = right - left;
  plot_h = bottom - top;
  if (plot_w < 40 || plot_h < 40)
    {
      cairo_destroy (cr);
      return;
    }
  column = plot_w / forecast->weeks;

#define Y_OF(share) (top + plot_h * (1.0 - MIN (MAX ((share), 0.0), MAX_SHARE) / MAX_SHARE))
#define X_OF(week) (left + ((week) + 0.5) * column)

  /* Grid and y axis, every 20%. */
  cairo_set_line_width (cr, 1.0);
  for (int percent = 0; percent <= 120; percent += 20)
    {
      g_autofree char *text = g_strdup_printf ("%d%%", percent);
      double y = round (Y_OF (percent / 100.0)) + 0.5;
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue,
                             fg.alpha * (percent == 0 ? 0.6 : 0.12));
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      _shelter_chart_text_size (layout, text, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
      _shelter_chart_draw_text (cr, layout, text, left - PAD - w, y - h / 2.0);
    }

  /* The thresholds: 90% (flagged) and 100% (full), dashed. */
  {
    static const double threshold_dash[] = { 6.0, 4.0 };
    double y90 = round (Y_OF (0.9)) + 0.5;
    double y100 = round (Y_OF (1.0)) + 0.5;
    int w, h;

    cairo_set_dash (cr, threshold_dash, G_N_ELEMENTS (threshold_dash), 0);
    cairo_set_line_width (cr, 1.5);
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.7);
    cairo_move_to (cr, left, y90);
    cairo_line_to (cr, right, y90);
    cairo_move_to (cr, left, y100);
    cairo_line_to (cr, right, y100);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    /* The 90% line has no tick of its own: named inside the plot, under the line. */
    _shelter_chart_text_size (layout, "90%", &w, &h);
    if (y90 - y100 >= 1.0)
      _shelter_chart_draw_text (cr, layout, "90%", left + PAD / 2, y90 + 1);
  }

  /* The x axis: the last day of each week, as many as fit. */
  {
    g_autofree char *sample = shelter_forecast_chart_format_week_end (forecast, 1);
    int w, h;

    _shelter_chart_text_size (layout, sample, &w, &h);
    label_step = 1;
    while (label_step < forecast->weeks && column * label_step < w + PAD)
      label_step++;
    cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.75);
    for (guint k = 0; k < forecast->weeks; k += label_step)
      {
        g_autofree char *text = shelter_forecast_chart_format_week_end (forecast, k + 1);

        _shelter_chart_text_size (layout, text, &w, &h);
        _shelter_chart_draw_text (cr, layout, text, X_OF (k) - w / 2.0, bottom + PAD / 2);
      }
    /* Translators: the title under the x axis of the forecast chart. */
    _shelter_chart_text_size (layout, _("Week ending"), &w, &h);
    _shelter_chart_draw_text (cr, layout, _("Week ending"), left + (plot_w - w) / 2.0,
                              bottom + PAD + h);
  }

  /* One line per segment with beds, with its markers. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[i];
      GdkRGBA colour;

      if (!segment_shown (forecast, i))
        continue;
      _shelter_chart_segment_colour (widget, i, &fg, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_set_line_width (cr, 2.0);
      _shelter_chart_segment_dash (cr, i);
      for (guint k = 0; k < forecast->weeks; k++)
        {
          double y = Y_OF (share_of (segment, k));

          if (k == 0)
            cairo_move_to (cr, X_OF (k), y);
          else
            cairo_line_to (cr, X_OF (k), y);
        }
      cairo_stroke (cr);
      for (guint k = 0; k < forecast->weeks; k++)
        _shelter_chart_draw_marker (cr, i, X_OF (k), Y_OF (share_of (segment, k)));

      ends[n_ends].index = i;
      ends[n_ends].y = Y_OF (share_of (segment, forecast->weeks - 1));
      n_ends++;
    }

  /* The names at the ends of the lines, moved apart where they would overlap. */
  qsort (ends, n_ends, sizeof ends[0], compare_end_labels);
  for (guint j = 1; j < n_ends; j++)
    ends[j].y = MAX (ends[j].y, ends[j - 1].y + text_h);
  if (n_ends > 0 && ends[n_ends - 1].y + text_h / 2.0 > height)
    {
      ends[n_ends - 1].y = height - text_h / 2.0;
      for (guint j = n_ends - 1; j > 0; j--)
        ends[j - 1].y = MIN (ends[j - 1].y, ends[j].y - text_h);
    }
  for (guint j = 0; j < n_ends; j++)
    {
      GdkRGBA colour;
      double x = right + PAD;

      _shelter_chart_segment_colour (widget, ends[j].index, &fg, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      _shelter_chart_draw_marker (cr, ends[j].index, x + 5, ends[j].y);
      gdk_cairo_set_source_rgba (cr, &fg);
      _shelter_chart_draw_text (cr, layout, shelter_capacity_segment_label (ends[j].index),
                                x + 12 + PAD / 2, ends[j].y - text_h / 2.0);
    }

#undef X_OF
#undef Y_OF

  cairo_destroy (cr);
}

static void
shelter_forecast_chart_measure (GtkWidget      *widget,
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
shelter_forecast_chart_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (shelter_forecast_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
shelter_forecast_chart_finalize (GObject *object)
{
  ShelterForecastChart *self = SHELTER_FORECAST_CHART (object);

  g_clear_pointer (&self->forecast, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (shelter_forecast_chart_parent_class)->finalize (object);
}

static void
shelter_forecast_chart_class_init (ShelterForecastChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shelter_forecast_chart_finalize;

  widget_class->snapshot = shelter_forecast_chart_snapshot;
  widget_class->measure = shelter_forecast_chart_measure;
  widget_class->css_changed = shelter_forecast_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "forecastchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shelter_forecast_chart_init (ShelterForecastChart *self)
{
  self->description = g_strdup ("");
}

GtkWidget *
shelter_forecast_chart_new (void)
{
  return g_object_new (SHELTER_TYPE_FORECAST_CHART, NULL);
}
