/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-case-list-dialog.h"
#include "shelter-reports-page.h"
#include "shelter-settings.h"
#include "shelter-stat-chart.h"
#include "shelter-statistics-async.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

/* The positions of the period kinds in the Period row, as in the .ui file. */
typedef enum
{
  KIND_QUARTER,
  KIND_HALF,
  KIND_YEAR,
  KIND_STAT_YEAR,
  KIND_RANGE,
} Kind;

struct _ShelterReportsPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;
  GPtrArray            *tables;     /* shown, of ShelterStatTable; NULL when none */
  ShelterPeriod         period;     /* of the tables shown, or being counted */
  /* The tables are counted in a worker thread: the count under way, cancelled when
   * another starts, the session changes or the page goes. */
  GCancellable         *count;
  gboolean              filling;    /* the controls are being set: no count for each */
  GtkFileChooserNative *chooser;
  ShelterReportFormat   chooser_format;

  /* Template widgets */
  AdwComboRow          *kind_row;
  AdwComboRow          *part_row;
  AdwActionRow         *year_row;
  GtkSpinButton        *year_spin;
  AdwEntryRow          *from_row;
  AdwEntryRow          *to_row;
  AdwActionRow         *suppress_row;
  GtkSwitch            *suppress_switch;
  GtkLabel             *error_label;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  GtkWidget            *export_button;
  GtkWidget            *print_button;
  GtkWidget            *case_list_button;
  GtkBox               *tables_box;
};

G_DEFINE_FINAL_TYPE (ShelterReportsPage, shelter_reports_page, ADW_TYPE_BIN)

static void shelter_reports_page_count (ShelterReportsPage *self);

/* Controls */

static Kind
selected_kind (ShelterReportsPage *self)
{
  return (Kind) adw_combo_row_get_selected (self->kind_row);
}

/* The quarters or the halves of the year in the second row. */
static void
fill_parts (ShelterReportsPage *self,
            Kind                kind)
{
  g_autoptr (GtkStringList) parts = NULL;

  if (kind == KIND_QUARTER)
    {
      const char *quarters[] = {
        _("First quarter (January to March)"),
        _("Second quarter (April to June)"),
        _("Third quarter (July to September)"),
        _("Fourth quarter (October to December)"),
        NULL,
      };

      parts = gtk_string_list_new (quarters);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->part_row), _("Quarter"));
    }
  else
    {
      const char *halves[] = {
        _("First half (January to June)"),
        _("Second half (July to December)"),
        NULL,
      };

      parts = gtk_string_list_new (halves);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->part_row), _("Half-year"));
    }
  adw_combo_row_set_model (self->part_row, G_LIST_MODEL (parts));
}

static void
show_rows_of (ShelterReportsPage *self,
              Kind                kind)
{
  gboolean range = kind == KIND_RANGE;

  gtk_widget_set_visible (GTK_WIDGET (self->part_row), kind == KIND_QUARTER || kind == KIND_HALF);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), !range);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), range);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), range);
}

static void
clear_errors (ShelterReportsPage *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->year_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->from_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->to_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

/* @message on the row at fault, naming it: "To (dd/mm/yyyy): the end … is before …". */
static void
show_period_error (ShelterReportsPage *self,
                   GtkWidget          *row,
                   const char         *message)
{
  g_autofree char *text = NULL;

  /* app/ names the option of shelterctl; here the field is the row. */
  if (g_str_has_prefix (message, "--period: "))
    message += strlen ("--period: ");
  /* Translators: an error under the period of the Reports section: the field, then what
   * is wrong with it. */
  text = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          message);
  _shelter_ui_show_message (self->error_label, text);
  _shelter_ui_set_error (row, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}

static char *
today_of (ShelterReportsPage *self)
{
  g_autoptr (GDateTime) now = shelter_session_now (self->session);

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The period the controls say, or FALSE with the error shown on the row at fault. */
static gboolean
read_period (ShelterReportsPage *self,
             ShelterPeriod      *period)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = today_of (self);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint part = adw_combo_row_get_selected (self->part_row) + 1;
  GtkWidget *row = GTK_WIDGET (self->year_row);

  switch (selected_kind (self))
    {
    case KIND_QUARTER:
      text = g_strdup_printf ("%d-Q%u", year, CLAMP (part, 1, 4));
      break;
    case KIND_HALF:
      text = g_strdup_printf ("%d-H%u", year, CLAMP (part, 1, 2));
      break;
    case KIND_YEAR:
      text = g_strdup_printf ("%d", year);
      break;
    case KIND_STAT_YEAR:
      text = g_strdup_printf ("stat-%d", year);
      break;
    case KIND_RANGE:
    default:
      {
        g_autofree char *first = _shelter_ui_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
        g_autofree char *last = _shelter_ui_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));

        if (first == NULL)
          {
            show_period_error (self, GTK_WIDGET (self->from_row),
                               _("enter the first day of the period as dd/mm/yyyy."));
            return FALSE;
          }
        if (last == NULL)
          {
            show_period_error (self, GTK_WIDGET (self->to_row),
                               _("enter the last day of the period as dd/mm/yyyy."));
            return FALSE;
          }
        /* An end before the start is the last day's fault; a start in the future the
         * first's. */
        row = GTK_WIDGET (strcmp (last, first) < 0 ? self->to_row : self->from_row);
        text = g_strdup_printf ("%s..%s", first, last);
      }
      break;
    }

  if (!shelter_period_parse (text, today, period, &error))
    {
      show_period_error (self, row, error->message);
      return FALSE;
    }
  return TRUE;
}

/* The last quarter that has ended on @today (YYYY-MM-DD). */
static void
set_last_finished_quarter (ShelterReportsPage *self,
                           const char         *today)
{
  int year = g_ascii_strtoll (today, NULL, 10);
  int month = g_ascii_strtoll (today + 5, NULL, 10);
  int quarter = (month - 1) / 3;  /* the finished ones this year */

  if (quarter == 0)
    {
      quarter = 4;
      year--;
    }
  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, KIND_QUARTER);
  fill_parts (self, KIND_QUARTER);
  show_rows_of (self, KIND_QUARTER);
  adw_combo_row_set_selected (self->part_row, quarter - 1);
  gtk_spin_button_set_range (self->year_spin, 1990, g_ascii_strtoll (today, NULL, 10));
  gtk_spin_button_set_value (self->year_spin, year);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), "");
  gtk_switch_set_active (self->suppress_switch, FALSE);
  self->filling = FALSE;
}

static void
update_suppress_subtitle (ShelterReportsPage *self)
{
  g_autofree char *subtitle = NULL;
  int below = 3;

  if (self->session != NULL)
    below = shelter_settings_get_int (shelter_session_get_db (self->session),
                                      SHELTER_SETTING_REPORT_SUPPRESS_BELOW, 3);
  /* Translators: %d is the threshold (3): counts under it show as "<3". */
  subtitle = g_strdup_printf (_("For a report leaving the centre: counts under %d show as "
                                "“<%d”, so that nobody can be recognised"), below, below);
  adw_action_row_set_subtitle (self->suppress_row, subtitle);
}

static void
kind_changed_cb (ShelterReportsPage *self)
{
  Kind kind = selected_kind (self);

  if (self->filling)
    return;
  self->filling = TRUE;
  if (kind == KIND_QUARTER || kind == KIND_HALF)
    fill_parts (self, kind);
  /* A range starts as the period shown, to be narrowed. */
  if (kind == KIND_RANGE && self->period.first[0] != '\0'
      && *gtk_editable_get_text (GTK_EDITABLE (self->from_row)) == '\0')
    {
      g_autofree char *first = shelter_text_format_date (self->period.first);
      g_autofree char *last = shelter_text_format_date (self->period.last);

      gtk_editable_set_text (GTK_EDITABLE (self->from_row), first);
      gtk_editable_set_text (GTK_EDITABLE (self->to_row), last);
    }
  show_rows_of (self, kind);
  self->filling = FALSE;
  shelter_reports_page_count (self);
}

static void
period_changed_cb (ShelterReportsPage *self)
{
  if (!self->filling)
    shelter_reports_page_count (self);
}

static void
range_apply_cb (ShelterReportsPage *self)
{
  shelter_reports_page_count (self);
}

static void
row_changed_cb (ShelterReportsPage *self,
                GtkEditable        *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

/* The tables */

static char *
format_cell (const ShelterStatTable *table,
             guint                   column,
             gint64                  value)
{
  switch (table->kinds[column])
    {
    case SHELTER_STAT_COLUMN_DONG:
      return shelter_text_format_money (value);
    case SHELTER_STAT_COLUMN_PERCENT:
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

        /* Translators: a rate in whole percent: "85%" */
        return g_strdup_printf (_("%s%%"), number);
      }
    case SHELTER_STAT_COLUMN_COUNT:
    default:
      return shelter_stat_format_count (value, table->suppressed_below);
    }
}

static GtkWidget *
new_cell (const char *text,
          float       xalign,
          gboolean    bold,
          gboolean    dim)
{
  GtkWidget *label = gtk_label_new (text);

  /* One line each: a table too wide for the page scrolls sideways in its card. (Wrapped
   * labels in a sideways scroller would be measured at their narrowest, one word a line,
   * and leave the card far too tall.) */
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (xalign == 0)
    gtk_widget_set_hexpand (label, TRUE);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* One row of the grid: the label, then the figures right-aligned. A screen reader reads
 * each figure with its column's heading. */
static void
attach_row (GtkGrid                *grid,
            const ShelterStatTable *table,
            const ShelterStatRow   *row,
            int                     line,
            gboolean                total)
{
  gtk_grid_attach (grid, new_cell (row->label, 0, total, FALSE), 0, line, 1, 1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *text = format_cell (table, c, row->cells[c]);
      g_autofree char *description = NULL;
      GtkWidget *cell = new_cell (text, 1, total, FALSE);

      if (total)
        {
          g_autofree char *name = g_strdup_printf ("total-%u", c);

          gtk_widget_set_name (cell, name);
        }
      /* Translators: what a screen reader says of a figure: the row, then the column. */
      description = g_strdup_printf (_("%s, %s"), row->label, table->headers[c]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      gtk_grid_attach (grid, cell, (int) c + 1, line, 1, 1);
    }
}

static gboolean
has_figures (const ShelterStatTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    {
      ShelterStatRow *row = g_ptr_array_index (table->rows, i);

      if (row->cells[0] != 0)
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
new_table_card (const ShelterStatTable *table)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (table->title);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  int line = 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_name (card, table->code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  table->title, -1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_box_append (GTK_BOX (card), title);

  if (table->counts != NULL && *table->counts != '\0')
    {
      GtkWidget *counts = gtk_label_new (table->counts);

      gtk_label_set_xalign (GTK_LABEL (counts), 0);
      gtk_label_set_wrap (GTK_LABEL (counts), TRUE);
      gtk_widget_add_css_class (counts, "dim-label");
      gtk_widget_set_margin_start (counts, 12);
      gtk_widget_set_margin_end (counts, 12);
      gtk_box_append (GTK_BOX (card), counts);
    }

  /* A wide table scrolls sideways inside its card rather than widening the page. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_add_css_class (grid, "tabular-figures");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  table->title, -1);

  gtk_grid_attach (GTK_GRID (grid), new_cell (table->label_header, 0, FALSE, TRUE), 0, line, 1, 1);
  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkWidget *header = new_cell (table->headers[c], 1, FALSE, TRUE);

      gtk_widget_set_valign (header, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), header, (int) c + 1, line, 1, 1);
    }
  line++;
  for (guint i = 0; i < table->rows->len; i++)
    attach_row (GTK_GRID (grid), table, g_ptr_array_index (table->rows, i), line++, FALSE);
  if (table->total != NULL)
    {
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

      gtk_grid_attach (GTK_GRID (grid), separator, 0, line++, (int) table->n_columns + 1, 1);
      attach_row (GTK_GRID (grid), table, table->total, line++, TRUE);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  gtk_box_append (GTK_BOX (card), scroller);

  if (shelter_stat_chart_wants_table (table) && has_figures (table))
    {
      GtkWidget *chart = shelter_stat_chart_new ();

      shelter_stat_chart_set_table (SHELTER_STAT_CHART (chart), table, 0);
      gtk_widget_set_margin_start (chart, 12);
      gtk_widget_set_margin_end (chart, 12);
      gtk_widget_set_margin_bottom (chart, 12);
      gtk_box_append (GTK_BOX (card), chart);
    }
  return card;
}

static void
clear_tables (ShelterReportsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))) != NULL)
    gtk_box_remove (self->tables_box, child);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
}

static void
set_counting (ShelterReportsPage *self,
              gboolean            counting)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), counting);
  gtk_spinner_set_spinning (self->spinner, counting);
  gtk_widget_set_sensitive (self->export_button, !counting && self->tables != NULL);
  gtk_widget_set_sensitive (self->print_button, !counting && self->tables != NULL);
  gtk_widget_set_sensitive (self->case_list_button, !counting && self->period.first[0] != '\0');
}

static void
show_tables (ShelterReportsPage *self,
             GPtrArray          *tables)
{
  g_autofree char *period = shelter_period_format (&self->period);
  g_autofree char *status = NULL;

  clear_tables (self);
  self->tables = g_ptr_array_ref (tables);
  for (guint i = 0; i < tables->len; i++)
    gtk_box_append (self->tables_box, new_table_card (g_ptr_array_index (tables, i)));
  /* Translators: above the tables of the Reports section; %s is the period,
   * "01/07/2026 – 30/09/2026". */
  status = g_strdup_printf (_("Report for %s"), period);
  gtk_label_set_text (self->status_label, status);
}

static void
cancel_count (ShelterReportsPage *self)
{
  if (self->count != NULL)
    {
      g_cancellable_cancel (self->count);
      g_clear_object (&self->count);
    }
}

static void
tables_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (ShelterReportsPage) self = user_data;
  g_autoptr (GPtrArray) tables = NULL;
  g_autoptr (GError) error = NULL;

  tables = shelter_statistics_compute_finish (SHELTER_SESSION (source), result, &error);
  /* Cancelled: another period, another session, the page gone. Nothing to touch. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_return_if_fail (source == (GObject *) self->session);

  g_clear_object (&self->count);
  if (tables == NULL)
    {
      clear_tables (self);
      gtk_label_set_text (self->status_label, "");
      _shelter_ui_show_message (self->error_label, error->message);
    }
  else
    show_tables (self, tables);
  set_counting (self, FALSE);
}

/* Reads the period and starts counting its tables, away from the main thread. */
static void
shelter_reports_page_count (ShelterReportsPage *self)
{
  ShelterPeriod period;

  cancel_count (self);
  clear_errors (self);
  if (self->session == NULL)
    return;

  if (!read_period (self, &period))
    {
      /* No figures under a period that is not the one asked for. */
      clear_tables (self);
      memset (&self->period, 0, sizeof self->period);
      gtk_label_set_text (self->status_label, "");
      set_counting (self, FALSE);
      return;
    }
  self->period = period;
  clear_tables (self);
  gtk_label_set_text (self->status_label, _("Counting…"));
  self->count = g_cancellable_new ();
  set_counting (self, TRUE);
  shelter_statistics_compute_async (self->session, &period,
                                    gtk_switch_get_active (self->suppress_switch), self->count,
                                    tables_ready_cb, g_object_ref (self));
}

void
shelter_reports_page_reload (ShelterReportsPage *self)
{
  g_return_if_fail (SHELTER_IS_REPORTS_PAGE (self));

  update_suppress_subtitle (self);
  shelter_reports_page_count (self);
}

gboolean
shelter_reports_page_is_ready (ShelterReportsPage *self)
{
  g_return_val_if_fail (SHELTER_IS_REPORTS_PAGE (self), FALSE);

  return self->count == NULL && self->tables != NULL;
}

GPtrArray *
shelter_reports_page_get_tables (ShelterReportsPage *self)
{
  g_return_val_if_fail (SHELTER_IS_REPORTS_PAGE (self), NULL);

  return self->tables;
}

const ShelterPeriod *
shelter_reports_page_get_period (ShelterReportsPage *self)
{
  g_return_val_if_fail (SHELTER_IS_REPORTS_PAGE (self), NULL);

  return &self->period;
}

/* Exporting */

char *
shelter_reports_page_file_name (const ShelterPeriod *period,
                                const char          *extension)
{
  int month;

  g_return_val_if_fail (period != NULL, NULL);

  month = (int) g_ascii_strtoll (period->first + 5, NULL, 10);
  switch (period->kind)
    {
    case SHELTER_PERIOD_QUARTER:
      return g_strdup_printf ("bao-cao-%.4s-Q%d.%s", period->first, (month - 1) / 3 + 1,
                              extension);
    case SHELTER_PERIOD_HALF:
      return g_strdup_printf ("bao-cao-%.4s-H%d.%s", period->first, month < 7 ? 1 : 2,
                              extension);
    case SHELTER_PERIOD_YEAR:
      return g_strdup_printf ("bao-cao-%.4s.%s", period->first, extension);
    case SHELTER_PERIOD_STAT_YEAR:
      return g_strdup_printf ("bao-cao-nam-thong-ke-%.4s.%s", period->last, extension);
    case SHELTER_PERIOD_RANGE:
    default:
      return g_strdup_printf ("bao-cao-%s-den-%s.%s", period->first, period->last, extension);
    }
}

gboolean
shelter_reports_page_export (ShelterReportsPage   *self,
                             ShelterReportFormat   format,
                             const char           *path,
                             GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SHELTER_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->session == NULL || self->tables == NULL)
    return shelter_field_error (error, SHELTER_FIELD_REPORT_PERIOD,
                                _("Choose a period and wait for its tables before exporting."));
  if (!shelter_report_export (self->session, self->tables, &self->period, format, path, error))
    return FALSE;
  name = g_path_get_basename (path);
  /* Translators: a toast; %s is the name of the file. */
  message = g_strdup_printf (_("Report saved as %s"), name);
  _shelter_window_show_message (GTK_WIDGET (self), message);
  return TRUE;
}

static void
chooser_response_cb (ShelterReportsPage   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  ShelterReportFormat format = self->chooser_format;

  _shelter_ui_chooser_close (&self->chooser);
  if (error != NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (path == NULL)
    return;
  if (!shelter_reports_page_export (self, format, path, &error))
    _shelter_window_show_message (GTK_WIDGET (self), error->message);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShelterReportsPage *self = SHELTER_REPORTS_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  ShelterReportFormat format;
  const char *extension;
  const char *title;

  if (self->session == NULL || self->tables == NULL)
    return;
  if (!shelter_report_format_parse (g_variant_get_string (parameter, NULL), &format, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  extension = shelter_report_format_extension (format);
  switch (format)
    {
    case SHELTER_REPORT_FORMAT_XLSX:
      title = _("Save the Report as a Spreadsheet");
      gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX)"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      break;
    case SHELTER_REPORT_FORMAT_CSV:
      title = _("Save the Report as CSV");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case SHELTER_REPORT_FORMAT_PDF:
    default:
      title = _("Save the Report as PDF");
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    }
  {
    g_autofree char *pattern = g_strdup_printf ("*.%s", extension);

    gtk_file_filter_add_pattern (filter, pattern);
  }

  _shelter_ui_chooser_close (&self->chooser);
  name = shelter_reports_page_file_name (&self->period, extension);
  self->chooser = gtk_file_chooser_native_new (title, NULL, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  self->chooser_format = format;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

/* Printing */

typedef struct
{
  GWeakRef      page;
  ShelterPaper *paper;
  gboolean      finished;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_weak_ref_clear (&job->page);
  g_clear_pointer (&job->paper, shelter_paper_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages = shelter_paper_paginate (job->paper, gtk_print_context_get_cairo_context (context),
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  shelter_paper_draw_page (job->paper, gtk_print_context_get_cairo_context (context),
                           (guint) page_nr);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  g_autoptr (GtkWidget) page = g_weak_ref_get (&job->page);
  g_autoptr (GError) error = NULL;

  if (job->finished)
    return;
  job->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (page != NULL)
        _shelter_window_show_message (page, error != NULL ? error->message
                                                          : _("The report could not be "
                                                              "printed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && page != NULL)
    _shelter_window_show_message (page, _("Report sent to the printer"));
  g_object_unref (operation);
}

static void
print_clicked_cb (ShelterReportsPage *self,
                  GtkButton          *button)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkPageSetup) page_setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GtkPrintOperation *operation;
  GtkRoot *root;
  PrintJob *job;

  if (self->session == NULL || self->tables == NULL)
    return;

  job = g_new0 (PrintJob, 1);
  g_weak_ref_init (&job->page, self);
  job->paper = shelter_report_paper (self->session, self->tables, &self->period);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "shelter-print-job", job,
                          (GDestroyNotify) print_job_free);
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  job_name = shelter_reports_page_file_name (&self->period, "pdf");
  /* The job is named as the file would be, without the extension. */
  job_name[strlen (job_name) - 4] = '\0';
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_allow_async (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), job);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && !job->finished)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        {
          _shelter_window_show_message (GTK_WIDGET (self), error->message);
          job->finished = TRUE;
          g_object_unref (operation);
        }
      else
        print_done_cb (operation, result, job);
    }
}

/* The case list */

static void
case_list_clicked_cb (ShelterReportsPage *self,
                      GtkButton          *button)
{
  ShelterCaseListDialog *dialog;

  if (self->session == NULL || self->period.first[0] == '\0')
    return;
  dialog = shelter_case_list_dialog_new (self->session, &self->period);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* The page */

void
shelter_reports_page_set_session (ShelterReportsPage *self,
                                  ShelterSession     *session)
{
  g_return_if_fail (SHELTER_IS_REPORTS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  cancel_count (self);
  _shelter_ui_chooser_close (&self->chooser);
  clear_errors (self);
  clear_tables (self);
  memset (&self->period, 0, sizeof self->period);
  gtk_label_set_text (self->status_label, "");
  g_set_object (&self->session, session);
  gtk_widget_set_visible (self->case_list_button,
                          session != NULL
                          && shelter_session_may (session, SHELTER_PERMISSION_EXPORT_CASE_LIST));
  if (session != NULL)
    {
      g_autofree char *today = today_of (self);

      set_last_finished_quarter (self, today);
      update_suppress_subtitle (self);
      /* Shown already (a reminder opened the section): count at once. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        shelter_reports_page_count (self);
    }
  set_counting (self, FALSE);
}

static void
shelter_reports_page_dispose (GObject *object)
{
  ShelterReportsPage *self = SHELTER_REPORTS_PAGE (object);

  cancel_count (self);
  _shelter_ui_chooser_close (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_REPORTS_PAGE);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_reports_page_parent_class)->dispose (object);
}

static void
shelter_reports_page_class_init (ShelterReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();
  g_type_ensure (SHELTER_TYPE_STAT_CHART);

  object_class->dispose = shelter_reports_page_dispose;

  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, part_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, suppress_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, suppress_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, case_list_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReportsPage, tables_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_list_clicked_cb);
}

static void
shelter_reports_page_init (ShelterReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
  self->filling = TRUE;
  fill_parts (self, KIND_QUARTER);
  self->filling = FALSE;
  set_counting (self, FALSE);
}
