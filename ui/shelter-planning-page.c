/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-planning-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-capacity.h"
#include "shelter-forecast-chart.h"
#include "shelter-planning-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* Capacity planning for managers: the beds of each group of rooms today, the forecast of
 * the weeks ahead as a chart and as a table, and how it is computed. Everything shown comes
 * from shelter_capacity_forecast(); the page only lays it out. */

struct _ShelterPlanningPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;

  /* Template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *today_group;
  GtkListBox           *today_list;
  ShelterForecastChart *chart;
  GtkGrid              *week_grid;
  GtkLabel             *method_label;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (ShelterPlanningPage, shelter_planning_page, ADW_TYPE_BIN)

enum { COLUMN_NAME, COLUMN_BEDS, COLUMN_OCCUPIED, COLUMN_AWAY, COLUMN_FREE, COLUMN_STATUS,
       N_COLUMNS };

static GtkWidget *
new_cell (const char *text,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static GtkWidget *
new_number (guint number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  GtkWidget *label = new_cell (text, 1.0);

  gtk_widget_add_css_class (label, "tabular-figures");
  return label;
}

/* One row of the Today table: the cells in columns kept aligned by @groups. */
static GtkWidget *
new_today_row (GtkWidget    *cells[N_COLUMNS],
               GtkSizeGroup *groups[N_COLUMNS])
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      gtk_size_group_add_widget (groups[c], cells[c]);
      gtk_box_append (GTK_BOX (box), cells[c]);
    }
  gtk_widget_set_hexpand (cells[COLUMN_STATUS], TRUE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
shelter_planning_page_show_today (ShelterPlanningPage           *self,
                                  const ShelterCapacityForecast *forecast)
{
  GtkSizeGroup *groups[N_COLUMNS];
  GtkWidget *cells[N_COLUMNS];
  GtkWidget *header;
  GDate today;

  _shelter_ui_clear_list_box (self->today_list);
  for (guint c = 0; c < N_COLUMNS; c++)
    groups[c] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  g_date_clear (&today, 1);
  if (shelter_text_parse_date (forecast->today, &today))
    {
      /* Translators: under "Today" on the planning page; %s is a date, dd/mm/yyyy. */
      g_autofree char *date = g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&today),
                                               g_date_get_month (&today),
                                               g_date_get_year (&today));
      g_autofree char *text = g_strdup_printf (_("Beds on %s, by group of rooms."), date);

      adw_preferences_group_set_description (self->today_group, text);
    }

  /* The column titles; each row below also carries a whole sentence for screen readers. */
  cells[COLUMN_NAME] = new_cell (_("Group"), 0.0);
  cells[COLUMN_BEDS] = new_cell (_("Beds"), 1.0);
  cells[COLUMN_OCCUPIED] = new_cell (_("Occupied"), 1.0);
  cells[COLUMN_AWAY] = new_cell (_("Away"), 1.0);
  cells[COLUMN_FREE] = new_cell (_("Free"), 1.0);
  cells[COLUMN_STATUS] = new_cell (_("Forecast"), 0.0);
  for (guint c = 0; c < N_COLUMNS; c++)
    gtk_widget_add_css_class (cells[c], "heading");
  header = new_today_row (cells, groups);
  gtk_widget_set_name (header, "header");
  gtk_list_box_append (self->today_list, header);

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[i];
      gboolean alert = shelter_capacity_segment_alert (forecast, i);
      g_autofree char *sentence = NULL;
      GtkWidget *row;

      cells[COLUMN_NAME] = new_cell (shelter_capacity_segment_label (i), 0.0);
      cells[COLUMN_BEDS] = new_number (segment->beds);
      cells[COLUMN_OCCUPIED] = new_number (segment->occupied);
      cells[COLUMN_AWAY] = new_number (segment->absent);
      cells[COLUMN_FREE] = new_number (segment->free);
      cells[COLUMN_STATUS] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (alert)
        {
          GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                          "icon-name", "dialog-warning-symbolic",
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                          NULL);
          /* xgettext:no-c-format */
          GtkWidget *label = new_cell (_("Expected over 90% of beds"), 0.0);

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_add_css_class (label, "warning");
          gtk_widget_add_css_class (label, "heading");
          gtk_box_append (GTK_BOX (cells[COLUMN_STATUS]), icon);
          gtk_box_append (GTK_BOX (cells[COLUMN_STATUS]), label);
        }
      row = new_today_row (cells, groups);
      gtk_widget_set_name (row, shelter_capacity_segment_code (i));

      /* Translators: a row of the Today table read by screen readers, e.g. "Women: 12 beds,
       * 10 occupied, 1 away, 2 free." */
      sentence = g_strdup_printf (_("%s: %u beds, %u occupied, %u away, %u free."),
                                  shelter_capacity_segment_label (i), segment->beds,
                                  segment->occupied, segment->absent, segment->free);
      if (alert)
        {
          /* xgettext:no-c-format */
          char *longer = g_strconcat (sentence, " ", _("Expected over 90% of beds"), NULL);

          g_free (sentence);
          sentence = longer;
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      sentence, -1);
      gtk_list_box_append (self->today_list, row);
    }

  /* The rows keep the groups alive. */
  for (guint c = 0; c < N_COLUMNS; c++)
    g_object_unref (groups[c]);
}

static void
shelter_planning_page_clear_weeks (ShelterPlanningPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_grid))) != NULL)
    gtk_grid_remove (self->week_grid, child);
}

static void
shelter_planning_page_show_weeks (ShelterPlanningPage           *self,
                                  const ShelterCapacityForecast *forecast)
{
  guint row = 1;

  shelter_planning_page_clear_weeks (self);

  gtk_grid_attach (self->week_grid, new_cell (_("Group"), 0.0), 0, 0, 1, 1);
  for (guint k = 0; k < forecast->weeks; k++)
    {
      g_autofree char *end = shelter_forecast_chart_format_week_end (forecast, k + 1);
      /* Translators: a column title of the forecast table: the week's number and, on a
       * second line, its last day (dd/mm). */
      g_autofree char *text = g_strdup_printf (_("Week %u\n%s"), k + 1, end);
      GtkWidget *label = new_cell (text, 1.0);

      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_grid_attach (self->week_grid, label, k + 1, 0, 1, 1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->week_grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "caption-heading");

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[i];

      if (segment->beds == 0)
        continue;
      gtk_grid_attach (self->week_grid, new_cell (shelter_capacity_segment_label (i), 0.0),
                       0, row, 1, 1);
      for (guint k = 0; k < forecast->weeks; k++)
        {
          g_autofree char *end = shelter_forecast_chart_format_week_end (forecast, k + 1);
          /* Translators: a cell of the forecast table: expected residents (one decimal)
           * and beds, e.g. "10.5/12". */
          g_autofree char *text = g_strdup_printf (_("%.1f/%u"), segment->expected[k],
                                                   segment->beds);
          g_autofree char *sentence = NULL;
          GtkWidget *label = new_cell (text, 1.0);

          if (segment->expected[k] > 0.9 * segment->beds)
            {
              gtk_widget_add_css_class (label, "heading");
              gtk_widget_add_css_class (label, "warning");
              /* Translators: a cell of the forecast table read by screen readers, past
               * 90%; e.g. "Women, week 3 ending 13/12: 10.5 expected for 12 beds, over
               * 90%". */
              sentence = g_strdup_printf (_("%s, week %u ending %s: %.1f expected for %u beds, over 90%%"),
                                          shelter_capacity_segment_label (i), k + 1, end,
                                          segment->expected[k], segment->beds);
            }
          else
            {
              /* Translators: a cell of the forecast table read by screen readers. */
              sentence = g_strdup_printf (_("%s, week %u ending %s: %.1f expected for %u beds"),
                                          shelter_capacity_segment_label (i), k + 1, end,
                                          segment->expected[k], segment->beds);
            }
          gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          sentence, -1);
          gtk_grid_attach (self->week_grid, label, k + 1, row, 1, 1);
        }
      row++;
    }
}

static void
shelter_planning_page_show_method (ShelterPlanningPage           *self,
                                   const ShelterCapacityForecast *forecast)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) rates = g_string_new (NULL);
  guint limit = 0;

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      const ShelterCapacitySegment *segment = &forecast->segments[i];

      limit = MAX (limit, segment->stay_limit_days);
      if (segment->beds == 0 && segment->arrivals_per_week == 0)
        continue;
      if (rates->len > 0)
        g_string_append (rates, _("; "));
      /* Translators: a group's expected arrivals, e.g. "Women: 0.15 a week". */
      g_string_append_printf (rates, _("%s: %.2f a week"), shelter_capacity_segment_label (i),
                              segment->arrivals_per_week);
    }

  if (limit > 0)
    g_string_append_printf (text,
                            ngettext ("Each resident is expected to stay until the end of their "
                                      "stay limit, %u day of emergency protection; departures "
                                      "before it are not foreseen, so the forecast errs on the "
                                      "full side.",
                                      "Each resident is expected to stay until the end of their "
                                      "stay limit, %u days of emergency protection; departures "
                                      "before it are not foreseen, so the forecast errs on the "
                                      "full side.",
                                      limit),
                            limit);
  else
    g_string_append (text, _("No stay limit is in force, so every resident is expected to "
                             "stay throughout; departures are not foreseen."));
  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          _("Expected arrivals are each group's arrivals over the last 52 "
                            "weeks divided by 52 (%s)."),
                          rates->str);
  g_string_append_c (text, ' ');
  /* xgettext:no-c-format */
  g_string_append (text, _("A group is flagged when its expected residents pass 90% of its "
                           "beds."));
  gtk_label_set_label (self->method_label, text->str);
}

static void
shelter_planning_page_clear (ShelterPlanningPage *self)
{
  _shelter_ui_clear_list_box (self->today_list);
  shelter_planning_page_clear_weeks (self);
  shelter_forecast_chart_set_forecast (self->chart, NULL);
  gtk_label_set_label (self->method_label, "");
}

void
shelter_planning_page_reload (ShelterPlanningPage *self)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GError) error = NULL;
  guint beds = 0;

  g_return_if_fail (SHELTER_IS_PLANNING_PAGE (self));

  shelter_planning_page_clear (self);
  if (self->session == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       _("Sign in with an account that may see the rooms."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  forecast = shelter_capacity_forecast (self->session, SHELTER_PLANNING_WEEKS, &error);
  if (forecast == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    beds += forecast->segments[i].beds;
  if (beds == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  shelter_planning_page_show_today (self, forecast);
  shelter_forecast_chart_set_forecast (self->chart, forecast);
  shelter_planning_page_show_weeks (self, forecast);
  shelter_planning_page_show_method (self, forecast);
  gtk_stack_set_visible_child_name (self->stack, "forecast");
}

void
shelter_planning_page_set_session (ShelterPlanningPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_PLANNING_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  g_set_object (&self->session, session);
  if (session == NULL)
    {
      shelter_planning_page_clear (self);
      return;
    }
  /* Computed when the section is opened: shelter_planning_page_reload(). */
}

static void
refresh_clicked_cb (ShelterPlanningPage *self)
{
  shelter_planning_page_reload (self);
}

static void
shelter_planning_page_dispose (GObject *object)
{
  ShelterPlanningPage *self = SHELTER_PLANNING_PAGE (object);

  /* The stack is both a template child and the bin's child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_PLANNING_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_planning_page_parent_class)->dispose (object);
}

static void
shelter_planning_page_class_init (ShelterPlanningPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_planning_page_dispose;

  g_type_ensure (SHELTER_TYPE_FORECAST_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-planning-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, week_grid);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, method_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
}

static void
shelter_planning_page_init (ShelterPlanningPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
