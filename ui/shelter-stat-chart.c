/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stat-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "shelter-chart-style.h"
#include "shelter-stat-chart.h"

/* The chart of a breakdown in the Reports section: one horizontal bar per row of the table,
 * from a common baseline, its length the row's figure against the largest, the label on the
 * left and the figure at the end of the bar. A suppressed figure has no bar, only "<N", so
 * that nobody reads a length into it. Every bar has the same colour (a breakdown has no
 * series to tell apart): the labels, not the colours, say what a bar is. */

#define PAD 8.0
#define BAR_GAP 10.0
#define MAX_LABEL_SHARE 0.4

/* The breakdowns drawn: few rows each, and they read at a glance as bars. */
static const char *const charted_tables[] = {
  "received_by_sex",
  "received_by_age",
  "received_by_person_type",
  "discharges_by_reason",
  "follow_ups",
};

struct _ShelterStatChart
{
  GtkDrawingArea  parent_instance;

  GPtrArray      *labels;       /* of char *, one a row */
  GArray         *values;       /* of gint64, one a row */
  guint           suppressed_below;
  char           *description;
};

G_DEFINE_FINAL_TYPE (ShelterStatChart, shelter_stat_chart, GTK_TYPE_DRAWING_AREA)

char *
shelter_stat_format_count (gint64 value,
                           guint  below)
{
  g_autofree char *digits = NULL;
  GString *text;
  gsize n;

  if (value == SHELTER_STAT_SUPPRESSED)
    return g_strdup_printf ("<%u", below);
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                            value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value);
  text = g_string_new (value < 0 ? "-" : "");
  n = strlen (digits);
  /* Vietnamese writes a dot between groups of three digits, as in money. */
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

gboolean
shelter_stat_chart_wants_table (const ShelterStatTable *table)
{
  g_return_val_if_fail (table != NULL, FALSE);

  if (table->n_columns == 0 || table->kinds[0] != SHELTER_STAT_COLUMN_COUNT)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (charted_tables); i++)
    if (g_strcmp0 (table->code, charted_tables[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
shelter_stat_chart_update_description (ShelterStatChart       *self,
                                       const ShelterStatTable *table,
                                       guint                   column)
{
  GString *text;

  g_clear_pointer (&self->description, g_free);
  if (table == NULL)
    {
      self->description = g_strdup ("");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  text = g_string_new (NULL);
  /* Translators: the start of a chart's description for screen readers: the table's title
   * and the column drawn, e.g. "Bar chart of People received by sex, People received:". */
  g_string_append_printf (text, _("Bar chart of %s, %s:"), table->title,
                          table->headers[column]);
  for (guint i = 0; i < self->labels->len; i++)
    {
      g_autofree char *value = shelter_stat_format_count (g_array_index (self->values, gint64, i),
                                                          self->suppressed_below);

      g_string_append_c (text, ' ');
      /* Translators: one bar in a chart's description: "Female 12;" */
      g_string_append_printf (text, _("%s %s;"), (const char *) g_ptr_array_index (self->labels, i),
                              value);
    }
  if (table->total != NULL)
    {
      g_autofree char *total = shelter_stat_format_count (table->total->cells[column],
                                                          self->suppressed_below);

      g_string_append_c (text, ' ');
      /* Translators: the end of a chart's description: "total 42." */
      g_string_append_printf (text, _("total %s."), total);
    }
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static double
row_height (PangoLayout *layout)
{
  int w, h;

  _shelter_chart_text_size (layout, "Ág", &w, &h);
  return MAX (h, 16) + BAR_GAP;
}

void
shelter_stat_chart_set_table (ShelterStatChart       *self,
                              const ShelterStatTable *table,
                              guint                   column)
{
  g_return_if_fail (SHELTER_IS_STAT_CHART (self));
  g_return_if_fail (table == NULL || column < table->n_columns);

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->values, 0);
  self->suppressed_below = 0;
  if (table != NULL)
    {
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

      for (guint i = 0; i < table->rows->len; i++)
        {
          ShelterStatRow *row = g_ptr_array_index (table->rows, i);

          g_ptr_array_add (self->labels, g_strdup (row->label));
          g_array_append_val (self->values, row->cells[column]);
        }
      self->suppressed_below = table->suppressed_below;
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                           (int) ceil (table->rows->len * row_height (layout)
                                                       + 2 * PAD));
    }
  shelter_stat_chart_update_description (self, table, column);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
shelter_stat_chart_get_description (ShelterStatChart *self)
{
  g_return_val_if_fail (SHELTER_IS_STAT_CHART (self), NULL);

  return self->description;
}

/* Drawing */

static void
shelter_stat_chart_draw (GtkDrawingArea *area,
                         cairo_t        *cr,
                         int             width,
                         int             height,
                         gpointer        user_data)
{
  ShelterStatChart *self = SHELTER_STAT_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr (PangoLayout) layout = NULL;
  GdkRGBA fg, colour;
  gint64 largest = 0;
  int label_w = 0, value_w = 0;
  double row_h, left, right;

  if (self->labels->len == 0 || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  _shelter_chart_segment_colour (widget, 1, &fg, &colour);
  layout = gtk_widget_create_pango_layout (widget, NULL);
  row_h = row_height (layout);

  for (guint i = 0; i < self->labels->len; i++)
    {
      gint64 value = g_array_index (self->values, gint64, i);
      g_autofree char *text = shelter_stat_format_count (value, self->suppressed_below);
      int w, h;

      _shelter_chart_text_size (layout, g_ptr_array_index (self->labels, i), &w, &h);
      label_w = MAX (label_w, w);
      _shelter_chart_text_size (layout, text, &w, &h);
      value_w = MAX (value_w, w);
      if (value != SHELTER_STAT_SUPPRESSED)
        largest = MAX (largest, value);
    }
  /* A long label is cut short rather than leaving no room for the bars. */
  label_w = MIN (label_w, (int) (width * MAX_LABEL_SHARE));
  left = PAD + label_w + PAD;
  right = width - PAD - value_w - PAD;
  if (right - left < 20)
    return;

  /* The baseline the bars start from. */
  cairo_set_line_width (cr, 1.0);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.6);
  cairo_move_to (cr, round (left) + 0.5, PAD);
  cairo_line_to (cr, round (left) + 0.5, PAD + self->labels->len * row_h);
  cairo_stroke (cr);

  for (guint i = 0; i < self->labels->len; i++)
    {
      gint64 value = g_array_index (self->values, gint64, i);
      g_autofree char *text = shelter_stat_format_count (value, self->suppressed_below);
      double top = PAD + i * row_h;
      double bar_h = row_h - BAR_GAP;
      double bar_w = 0;
      int w, h;

      /* The label, right-aligned against the baseline, ellipsized when too long. */
      pango_layout_set_width (layout, label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      _shelter_chart_text_size (layout, g_ptr_array_index (self->labels, i), &w, &h);
      gdk_cairo_set_source_rgba (cr, &fg);
      _shelter_chart_draw_text (cr, layout, g_ptr_array_index (self->labels, i),
                                left - PAD - w, top + (row_h - h) / 2.0);
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);

      if (value != SHELTER_STAT_SUPPRESSED && value > 0 && largest > 0)
        {
          bar_w = MAX (1.0, (right - left) * value / (double) largest);
          gdk_cairo_set_source_rgba (cr, &colour);
          cairo_rectangle (cr, left + 1, top + BAR_GAP / 2.0, bar_w, bar_h);
          cairo_fill (cr);
        }

      _shelter_chart_text_size (layout, text, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue,
                             fg.alpha * (value == SHELTER_STAT_SUPPRESSED ? 0.7 : 1.0));
      _shelter_chart_draw_text (cr, layout, text, left + 1 + bar_w + PAD,
                                top + (row_h - h) / 2.0);
    }
}

static void
shelter_stat_chart_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (shelter_stat_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
shelter_stat_chart_finalize (GObject *object)
{
  ShelterStatChart *self = SHELTER_STAT_CHART (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (shelter_stat_chart_parent_class)->finalize (object);
}

static void
shelter_stat_chart_class_init (ShelterStatChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shelter_stat_chart_finalize;

  widget_class->css_changed = shelter_stat_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "statchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shelter_stat_chart_init (ShelterStatChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->description = g_strdup ("");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 360);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), shelter_stat_chart_draw, NULL, NULL);
}

GtkWidget *
shelter_stat_chart_new (void)
{
  return g_object_new (SHELTER_TYPE_STAT_CHART, NULL);
}
