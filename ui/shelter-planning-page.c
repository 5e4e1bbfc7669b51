/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-planning-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shelter-capacity.h"
#include "shelter-compliance.h"
#include "shelter-extend-dialog.h"
#include "shelter-forecast-chart.h"
#include "shelter-occupancy-chart.h"
#include "shelter-planning-page.h"
#include "shelter-resident-summary.h"
#include "shelter-residents-model.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* Capacity planning for managers: the beds of each group of rooms today, the forecast of
 * the weeks ahead as a chart and as a table, and how it is computed; the occupancy of the
 * last 12 months (shelter_capacity_occupancy_history()) and the compliance of the rooms
 * and staff (shelter-compliance.h). The page only lays out what app/ returns. */

/* The months of the occupancy chart and table. */
#define OCCUPANCY_MONTHS 12

struct _ShelterPlanningPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;

  /* Template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *today_group;
  GtkListBox           *today_list;
  AdwPreferencesGroup  *flags_group;
  GtkListBox           *flags_list;
  ShelterForecastChart *chart;
  GtkGrid              *week_grid;
  GtkLabel             *method_label;
  ShelterOccupancyChart *occupancy_chart;
  GtkGrid              *occupancy_grid;
  GtkListBox           *compliance_list;
  GtkListBox           *staff_list;
  AdwPreferencesGroup  *occupancy_group;
  AdwStatusPage        *error_page;
};

enum {
  RESIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* Stays that need a look */

/* "2026-11-25" -> "25/11/2026"; any other text as it is. */
static char *
format_day (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  if (iso == NULL || !shelter_text_parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

static char *
flag_sentence (const ShelterPlacementFlag *flag)
{
  g_autofree char *day = format_day (flag->limit_on);

  if (g_strcmp0 (flag->kind, "limit_near") == 0)
    /* Translators: a stay that needs a look; %s is a date, dd/mm/yyyy. */
    return g_strdup_printf (_("Stay limit reached on %s"), day);
  if (g_strcmp0 (flag->kind, "limit_passed") == 0)
    /* Translators: a stay that needs a look; %s is a date, dd/mm/yyyy. */
    return g_strdup_printf (_("Past the stay limit since %s: a manager's decision is needed"),
                            day);
  return g_strdup (_("Has grown out of the room's age group: a move is due"));
}

static void
extend_saved_cb (ShelterPlanningPage *self,
                 const char          *until,
                 ShelterExtendDialog *dialog)
{
  g_autofree char *day = format_day (until);
  /* Translators: a toast; %s is a date, dd/mm/yyyy. */
  g_autofree char *message = g_strdup_printf (_("Stay extended until %s"), day);

  _shelter_window_show_message (GTK_WIDGET (self), message);
  shelter_planning_page_reload (self);
}

static void
extend_clicked_cb (ShelterPlanningPage *self,
                   GtkButton           *button)
{
  gint64 *stay_id = g_object_get_data (G_OBJECT (button), "stay-id");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  ShelterExtendDialog *dialog;

  if (self->session == NULL || stay_id == NULL)
    return;

  dialog = shelter_extend_dialog_new (self->session, *stay_id, name);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (extend_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static GtkWidget *
new_flag_row (ShelterPlanningPage        *self,
              const ShelterPlacementFlag *flag,
              gboolean                    may_extend)
{
  g_autoptr (ShelterResidentSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sentence = flag_sentence (flag);
  g_autofree char *subtitle = NULL;
  const char *name;
  GtkWidget *row;

  summary = shelter_residents_get_summary (self->session, flag->person_id, &error);
  if (summary != NULL)
    {
      name = shelter_resident_summary_get_full_name (summary);
      /* Translators: under a resident's name among the stays that need a look: their case
       * code, then what needs a look, e.g. "LC-2026-0012: Stay limit reached on 25/11/2026". */
      subtitle = g_strdup_printf (_("%s: %s"), shelter_resident_summary_get_case_code (summary),
                                  sentence);
    }
  else
    {
      name = error->message;
      subtitle = g_strdup (sentence);
    }
  if (name == NULL)
    name = "";

  row = _shelter_ui_new_text_row (name, subtitle);
  gtk_widget_set_name (row, flag->kind);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person-id",
                          g_memdup2 (&flag->person_id, sizeof flag->person_id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  if (may_extend && summary != NULL &&
      (g_strcmp0 (flag->kind, "limit_near") == 0 || g_strcmp0 (flag->kind, "limit_passed") == 0))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Extend…"));
      /* Translators: the accessible name of the Extend… button; %s is the resident. */
      g_autofree char *label = g_strdup_printf (_("Extend the stay of %s"), name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "extend_button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (button), "stay-id",
                              g_memdup2 (&flag->stay_id, sizeof flag->stay_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (extend_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open the resident"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
    }
  return row;
}

static void
shelter_planning_page_show_flags (ShelterPlanningPage *self)
{
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GError) error = NULL;
  gboolean may_extend;

  _shelter_ui_clear_list_box (self->flags_list);
  if (!shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_RESIDENTS))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->flags_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flags_group), TRUE);

  flags = shelter_placement_flags (self->session, &error);
  if (flags == NULL)
    {
      GtkWidget *row = _shelter_ui_new_text_row (error->message, NULL);

      gtk_widget_set_name (row, "error");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->flags_list, row);
      return;
    }
  if (flags->len == 0)
    {
      GtkWidget *row = _shelter_ui_new_text_row (_("Nothing needs a look today."), NULL);

      gtk_widget_set_name (row, "empty");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->flags_list, row);
      return;
    }

  may_extend = shelter_session_may (self->session, SHELTER_PERMISSION_OVERRIDE_PLACEMENT);
  for (guint i = 0; i < flags->len; i++)
    gtk_list_box_append (self->flags_list,
                         new_flag_row (self, g_ptr_array_index (flags, i), may_extend));
}

static void
flag_row_activated_cb (ShelterPlanningPage *self,
                       GtkListBoxRow       *row,
                       GtkListBox          *list)
{
  gint64 *person_id = g_object_get_data (G_OBJECT (row), "person-id");

  if (person_id != NULL)
    g_signal_emit (self, signals[RESIDENT_ACTIVATED], 0, *person_id);
}

/* The forecast table */

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

/* Occupancy of the last months */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* "97%" for a rate, "–" without beds; not translated (digits and a sign). */
static char *
format_rate (double rate)
{
  if (isnan (rate))
    return g_strdup ("–");
  return g_strdup_printf ("%.0f%%", rate * 100.0);
}

static void
shelter_planning_page_show_occupancy (ShelterPlanningPage           *self,
                                      const ShelterOccupancyHistory *history)
{
  guint row = 1;

  clear_grid (self->occupancy_grid);
  shelter_occupancy_chart_set_history (self->occupancy_chart, history);

  gtk_grid_attach (self->occupancy_grid, new_cell (_("Group"), 0.0), 0, 0, 1, 1);
  for (guint m = 0; m < history->months; m++)
    {
      g_autofree char *month = shelter_occupancy_chart_format_month (history, m);

      gtk_grid_attach (self->occupancy_grid, new_cell (month, 1.0), m + 1, 0, 1, 1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->occupancy_grid));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_add_css_class (child, "caption-heading");

  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS; i++)
    {
      gboolean had_beds = FALSE;

      for (guint m = 0; m < history->months; m++)
        had_beds |= history->month[m].segments[i].available > 0;
      if (!had_beds)
        continue;
      gtk_grid_attach (self->occupancy_grid, new_cell (shelter_capacity_segment_label (i), 0.0),
                       0, row, 1, 1);
      for (guint m = 0; m < history->months; m++)
        {
          const ShelterOccupancyCell *cell = &history->month[m].segments[i];
          g_autofree char *month = shelter_occupancy_chart_format_month (history, m);
          g_autofree char *rate = format_rate (cell->rate);
          /* Translators: a cell of the occupancy table: the rate, then bed-nights used and
           * available, on two lines, e.g. "97%\n1,204/1,240". */
          g_autofree char *text = g_strdup_printf (_("%s\n%u/%u"), rate, cell->occupied,
                                                   cell->available);
          /* Translators: a cell of the occupancy table read by screen readers, e.g.
           * "Women, 10/2026: 97%, 1204 of 1240 bed-nights used". */
          g_autofree char *sentence = g_strdup_printf (_("%s, %s: %s, %u of %u bed-nights used"),
                                                       shelter_capacity_segment_label (i), month,
                                                       rate, cell->occupied, cell->available);
          GtkWidget *label = new_cell (text, 1.0);

          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
          gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          sentence, -1);
          gtk_grid_attach (self->occupancy_grid, label, m + 1, row, 1, 1);
        }
      row++;
    }
}

/* Compliance */

/* "5.0 m²", or "–" when there is nothing to divide by. */
static char *
format_area (double m2)
{
  if (isnan (m2))
    return g_strdup ("–");
  /* Translators: an area in square metres with one decimal, e.g. "5.0 m²". */
  return g_strdup_printf (_("%.1f m²"), m2);
}

static GtkWidget *
new_compliance_row (const ShelterRoomCompliance *room)
{
  g_autofree char *area = format_area (room->area_m2);
  g_autofree char *per_bed = format_area (room->m2_per_bed);
  g_autofree char *per_resident = format_area (room->m2_per_resident);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  GtkWidget *row;

  /* Translators: a room in the compliance list: its code and name. */
  title = g_strdup_printf (_("%s · %s"), shelter_room_get_code (room->room),
                           shelter_room_get_name (room->room));
  /* Translators: under a room in the compliance list, e.g. "20.0 m² · 4 beds · 5.0 m² per
   * bed · 5.0 m² per resident now". */
  if (room->residents > 0)
    subtitle = g_strdup_printf (ngettext ("%s · %u bed · %s per bed · %s per resident now",
                                          "%s · %u beds · %s per bed · %s per resident now",
                                          room->beds),
                                area, room->beds, per_bed, per_resident);
  else
    subtitle = g_strdup_printf (ngettext ("%s · %u bed · %s per bed · empty now",
                                          "%s · %u beds · %s per bed · empty now",
                                          room->beds),
                                area, room->beds, per_bed);
  row = _shelter_ui_new_text_row (title, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (room->beds_exceed || room->residents_exceed)
    {
      g_autofree char *required = format_area (room->required_m2);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "dialog-warning-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);
      GtkWidget *label;

      if (room->beds_exceed)
        /* Translators: a flagged room; %u is the beds its area allows, %s the area per
         * resident required, e.g. "Too many beds: the area allows 3 at 6.0 m² each". */
        description = g_strdup_printf (ngettext ("Too many beds: the area allows %u at %s each",
                                                 "Too many beds: the area allows %u at %s each",
                                                 room->max_beds),
                                       room->max_beds, required);
      else
        description = g_strdup_printf (ngettext ("Too many residents now: the area allows %u "
                                                 "at %s each",
                                                 "Too many residents now: the area allows %u "
                                                 "at %s each",
                                                 room->max_beds),
                                       room->max_beds, required);
      label = gtk_label_new (description);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 45);
      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_set_name (row, "flagged");
    }
  else
    {
      description = g_strdup (_("Within the minimum area"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

static void
append_text_row (GtkListBox *list,
                 const char *name,
                 const char *title,
                 const char *subtitle)
{
  GtkWidget *row = _shelter_ui_new_text_row (title, subtitle);

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
}

static void
shelter_planning_page_show_compliance (ShelterPlanningPage *self)
{
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  ShelterStaffRatios ratios;

  _shelter_ui_clear_list_box (self->compliance_list);
  _shelter_ui_clear_list_box (self->staff_list);

  rooms = shelter_compliance_rooms (self->session, &error);
  if (rooms == NULL)
    append_text_row (self->compliance_list, "error", error->message, NULL);
  else
    {
      GtkWidget *within = NULL;
      guint n_within = 0;

      /* The flagged rooms first, one row each; the others folded into one row that opens
       * onto theirs, so that a large centre's list stays short. */
      for (guint i = 0; i < rooms->len; i++)
        {
          const ShelterRoomCompliance *room = g_ptr_array_index (rooms, i);

          if (room->beds_exceed || room->residents_exceed)
            gtk_list_box_append (self->compliance_list, new_compliance_row (room));
          else
            n_within++;
        }
      if (n_within > 0)
        {
          g_autofree char *title = NULL;

          /* Translators: the row that opens onto the rooms not flagged in the compliance
           * list. */
          title = g_strdup_printf (ngettext ("%u room within the minimum area",
                                             "%u rooms within the minimum area", n_within),
                                   n_within);
          within = adw_expander_row_new ();
          gtk_widget_set_name (within, "within");
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (within), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (within), title);
          gtk_list_box_append (self->compliance_list, within);
        }
      for (guint i = 0; i < rooms->len; i++)
        {
          const ShelterRoomCompliance *room = g_ptr_array_index (rooms, i);

          if (!room->beds_exceed && !room->residents_exceed)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (within), new_compliance_row (room));
        }
      if (rooms->len == 0)
        append_text_row (self->compliance_list, "empty", _("No room is open."), NULL);
    }
  g_clear_error (&error);

  if (!shelter_compliance_staff (self->session, &ratios, &error))
    {
      append_text_row (self->staff_list, "error", error->message, NULL);
      return;
    }
  if (ratios.n_entered == 0)
    {
      append_text_row (self->staff_list, "empty", _("Staff counts are not entered"),
                       _("An administrator enters them under Administration."));
      return;
    }
  for (guint r = 0; r < SHELTER_STAFF_N_ROLES; r++)
    {
      g_autofree char *subtitle = NULL;

      if (ratios.staff[r] == 0)
        continue;
      /* Translators: a staff ratio, e.g. "2.5 residents per staff member (10 residents, 4
       * staff)". */
      subtitle = g_strdup_printf (ngettext ("%.1f residents per staff member (%u resident, "
                                            "%u staff)",
                                            "%.1f residents per staff member (%u residents, "
                                            "%u staff)",
                                            ratios.residents),
                                  ratios.residents_per_staff[r], ratios.residents,
                                  ratios.staff[r]);
      append_text_row (self->staff_list, "ratio", shelter_staff_role_label (r), subtitle);
    }
  append_text_row (self->staff_list, "note",
                   _("Residents per staff member, those away included; no norm is set, so "
                     "the ratios are not judged."),
                   NULL);
}

static void
shelter_planning_page_clear (ShelterPlanningPage *self)
{
  _shelter_ui_clear_list_box (self->today_list);
  _shelter_ui_clear_list_box (self->flags_list);
  shelter_planning_page_clear_weeks (self);
  shelter_forecast_chart_set_forecast (self->chart, NULL);
  gtk_label_set_label (self->method_label, "");
  clear_grid (self->occupancy_grid);
  shelter_occupancy_chart_set_history (self->occupancy_chart, NULL);
  _shelter_ui_clear_list_box (self->compliance_list);
  _shelter_ui_clear_list_box (self->staff_list);
}

void
shelter_planning_page_reload (ShelterPlanningPage *self)
{
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autofree ShelterOccupancyHistory *history = NULL;
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
  shelter_planning_page_show_flags (self);
  shelter_forecast_chart_set_forecast (self->chart, forecast);
  shelter_planning_page_show_weeks (self, forecast);
  shelter_planning_page_show_method (self, forecast);

  history = shelter_capacity_occupancy_history (self->session, OCCUPANCY_MONTHS, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->occupancy_group), history != NULL);
  if (history != NULL)
    shelter_planning_page_show_occupancy (self, history);
  else
    g_warning ("Occupancy history: %s", error->message);
  shelter_planning_page_show_compliance (self);
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
  g_type_ensure (SHELTER_TYPE_OCCUPANCY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-planning-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, flags_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, flags_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, chart);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, week_grid);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, method_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, occupancy_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, occupancy_chart);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, occupancy_grid);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, compliance_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanningPage, staff_list);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, flag_row_activated_cb);

  /**
   * ShelterPlanningPage::resident-activated:
   * @person_id: the person chosen among the stays that need a look
   *
   * Asks for the resident's page.
   */
  signals[RESIDENT_ACTIVATED] =
    g_signal_new ("resident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
shelter_planning_page_init (ShelterPlanningPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
