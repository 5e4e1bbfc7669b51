/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shelter-accounts.h"
#include "shelter-app-error.h"
#include "shelter-case-list-dialog.h"
#include "shelter-placement-rules-page.h"
#include "shelter-reminders.h"
#include "shelter-reports-page.h"
#include "shelter-settings.h"
#include "shelter-stat-chart.h"
#include "shelter-statistics.h"
#include "shelter-text.h"
#include "ui-test-common.h"

/* The Reports section: who sees it, the tables as app/ counts them, the period refused,
 * the small counts suppressed, the report settings, the export and the case list. */

static gboolean
page_ready (gpointer data)
{
  return shelter_reports_page_is_ready (SHELTER_REPORTS_PAGE (data));
}

/* Signs the manager in on a demo centre and opens the Reports section. */
static ShelterReportsPage *
open_reports (const char     *path,
              ShelterWindow **window)
{
  GtkWidget *row;
  ShelterReportsPage *page;

  *window = open_window (path);
  sign_in (*window, "giamdoc", "giamdoc-demo-2026");
  row = find_by_id (GTK_WIDGET (*window), "reports_row");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  page = find_by_id (GTK_WIDGET (*window), "reports_page");
  g_assert_true (SHELTER_IS_REPORTS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (wait_until (page_ready, page, 10000));
  return page;
}

/* The card of the table @code, shown. */
static GtkWidget *
find_card (ShelterReportsPage *page,
           const char         *code)
{
  GtkWidget *box = find_by_id (GTK_WIDGET (page), "tables_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), code) == 0)
      return child;
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_cards (ShelterReportsPage *page)
{
  GtkWidget *box = find_by_id (GTK_WIDGET (page), "tables_box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Every total shown is the one shelter_statistics_compute() gives for @period. */
static void
assert_totals_shown (ShelterReportsPage  *page,
                     ShelterSession      *session,
                     const ShelterPeriod *period,
                     gboolean             suppress)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expected = shelter_statistics_compute (session, period, suppress, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_cards (page), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      ShelterStatTable *table = g_ptr_array_index (expected, i);
      GtkWidget *card = find_card (page, table->code);

      g_assert_nonnull (card);
      if (table->total == NULL)
        continue;
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *name = g_strdup_printf ("total-%u", c);
          GtkWidget *cell = find_named (card, name);
          gint64 value = table->total->cells[c];
          g_autofree char *text = NULL;

          g_assert_true (GTK_IS_LABEL (cell));
          if (table->kinds[c] == SHELTER_STAT_COLUMN_DONG)
            text = shelter_text_format_money (value);
          else if (table->kinds[c] == SHELTER_STAT_COLUMN_PERCENT)
            text = g_strdup_printf ("%d%%", (int) value);
          else
            text = shelter_stat_format_count (value, table->suppressed_below);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, text);
        }
    }
}

/* The managers see the Reports section; a caseworker does not, and the report-deadline
 * reminder opens it. */
static void
test_section_for_managers (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  ShelterWindow *window = open_window (path);
  GtkWidget *row;

  sign_in (window, "canbo.lan", "canbo-demo-2026");
  row = find_by_id (GTK_WIDGET (window), "reports_row");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (path);
  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  row = find_by_id (GTK_WIDGET (window), "reports_row");
  g_assert_true (gtk_widget_get_visible (row));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The last finished quarter at first; a year chosen shows the year's tables, each total as
 * app/ counts it, and the breakdowns drawn with their figures told to screen readers. */
static void
test_tables_match_statistics (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  ShelterWindow *window = NULL;
  ShelterReportsPage *page = open_reports (path, &window);
  ShelterSession *session = shelter_window_get_session (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  ShelterPeriod period;
  GtkWidget *card;
  GtkWidget *chart;
  GtkAdjustment *adjustment;
  graphene_point_t point;
  const char *description;

  /* Today is in the fourth quarter of 2026 (the tests' clock): the third is shown. */
  g_assert_cmpstr (shelter_reports_page_get_period (page)->first, ==, "2026-07-01");
  g_assert_cmpstr (shelter_reports_page_get_period (page)->last, ==, "2026-09-30");
  g_assert_true (shelter_period_parse ("2026-Q3", NULL, &period, &error));
  assert_totals_shown (page, session, &period, FALSE);

  adw_combo_row_set_selected (find_by_id (GTK_WIDGET (page), "kind_row"), 2);
  gtk_spin_button_set_value (find_by_id (GTK_WIDGET (page), "year_spin"), 2026);
  g_assert_true (wait_until (page_ready, page, 10000));
  g_assert_cmpstr (shelter_reports_page_get_period (page)->first, ==, "2026-01-01");
  g_assert_true (shelter_period_parse ("2026", NULL, &period, &error));
  g_assert_no_error (error);
  assert_totals_shown (page, session, &period, FALSE);
  collect_labels (GTK_WIDGET (page), labels);
  g_assert_nonnull (strstr (labels->str, "01/01/2026 – 31/12/2026"));
  save_screenshot (GTK_WIDGET (page), "reports");

  /* The sexes of those received, drawn: the description names each with its count. */
  card = find_card (page, "received_by_sex");
  g_assert_nonnull (card);
  chart = find_type (card, SHELTER_TYPE_STAT_CHART);
  g_assert_nonnull (chart);
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  description = shelter_stat_chart_get_description (SHELTER_STAT_CHART (chart));
  {
    GPtrArray *tables = shelter_reports_page_get_tables (page);
    ShelterStatTable *sex = NULL;

    for (guint i = 0; i < tables->len; i++)
      if (g_str_equal (((ShelterStatTable *) g_ptr_array_index (tables, i))->code,
                       "received_by_sex"))
        sex = g_ptr_array_index (tables, i);
    g_assert_nonnull (sex);
    for (guint i = 0; i < sex->rows->len; i++)
      {
        ShelterStatRow *row = g_ptr_array_index (sex->rows, i);
        g_autofree char *count = shelter_stat_format_count (row->cells[0], 0);
        g_autofree char *part = g_strdup_printf ("%s %s;", row->label, count);

        g_assert_nonnull (strstr (description, part));
      }
  }
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  /* Scrolled to the chart, for the screenshot. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (page))));
  if (gtk_widget_compute_point (card, gtk_widget_get_first_child (GTK_WIDGET (page)),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  save_screenshot (GTK_WIDGET (page), "reports-chart");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* A range whose end is before its start: the message names the field, and no table is
 * left on screen under it. */
static void
test_invalid_range (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  ShelterWindow *window = NULL;
  ShelterReportsPage *page = open_reports (path, &window);
  GtkWidget *to_row;
  GtkLabel *error_label;

  g_assert_cmpuint (count_cards (page), >, 0);
  adw_combo_row_set_selected (find_by_id (GTK_WIDGET (page), "kind_row"), 4);
  g_assert_true (wait_until (page_ready, page, 10000));
  to_row = find_by_id (GTK_WIDGET (page), "to_row");
  g_assert_true (gtk_widget_get_mapped (to_row));
  gtk_editable_set_text (find_by_id (GTK_WIDGET (page), "from_row"), "30/09/2026");
  gtk_editable_set_text (GTK_EDITABLE (to_row), "01/07/2026");
  g_signal_emit_by_name (to_row, "apply");
  wait_ms (100);

  error_label = find_by_id (GTK_WIDGET (page), "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (error_label),
                                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (to_row))));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "01/07/2026"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "30/09/2026"));
  g_assert_true (gtk_widget_has_css_class (to_row, "error"));
  g_assert_cmpuint (count_cards (page), ==, 0);
  g_assert_null (shelter_reports_page_get_tables (page));
  g_assert_false (gtk_widget_get_sensitive (find_by_id (GTK_WIDGET (page), "export_button")));

  /* Put right, the tables come back. */
  gtk_editable_set_text (GTK_EDITABLE (to_row), "31/10/2026");
  g_signal_emit_by_name (to_row, "apply");
  g_assert_true (wait_until (page_ready, page, 10000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (shelter_reports_page_get_period (page)->last, ==, "2026-10-31");
  g_assert_cmpuint (count_cards (page), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The switch hides the small counts as app/ does for a report leaving the centre. */
static void
test_suppress_switch (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  ShelterWindow *window = NULL;
  ShelterReportsPage *page = open_reports (path, &window);
  ShelterSession *session = shelter_window_get_session (window);
  g_autoptr (GString) before = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  ShelterPeriod period;

  adw_combo_row_set_selected (find_by_id (GTK_WIDGET (page), "kind_row"), 2);
  g_assert_true (wait_until (page_ready, page, 10000));
  period = *shelter_reports_page_get_period (page);
  collect_labels (find_by_id (GTK_WIDGET (page), "tables_box"), before);
  g_assert_null (strstr (before->str, "<3"));

  gtk_switch_set_active (find_by_id (GTK_WIDGET (page), "suppress_switch"), TRUE);
  g_assert_true (wait_until (page_ready, page, 10000));
  collect_labels (find_by_id (GTK_WIDGET (page), "tables_box"), after);
  /* A small centre has counts of one or two somewhere. */
  g_assert_nonnull (strstr (after->str, "<3"));
  assert_totals_shown (page, session, &period, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The report settings of the Centre Rules page: saved together, and an age band list that
 * is not ascending is refused with the message, nothing saved. */
static void
test_report_settings (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_autoptr (ShelterSession) admin = NULL;
  g_autofree char *bands = NULL;
  g_autofree char *below = NULL;
  g_autofree char *due = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *bands_row;
  GtkWidget *button;

  g_assert_no_error (error);
  admin = shelter_accounts_sign_in (db, "quantri", "quantri-demo-2026", NULL, &error);
  g_assert_no_error (error);
  window = gtk_window_new ();
  page = g_object_new (SHELTER_TYPE_PLACEMENT_RULES_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  shelter_placement_rules_page_set_session (SHELTER_PLACEMENT_RULES_PAGE (page), admin);
  wait_ms (200);

  bands_row = find_by_id (page, "report_age_bands_row");
  g_assert_nonnull (bands_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bands_row)), ==, "16,18,60");
  button = find_by_id (page, "reports_save_button");
  g_assert_true (gtk_widget_get_visible (button));

  /* Not ascending: refused, with app/'s message, and nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (bands_row), "18, 16");
  gtk_editable_set_text (find_by_id (page, "report_suppress_row"), "5");
  g_assert_false (shelter_statistics_check_age_bands ("18, 16", &error));
  g_test_expect_message ("shelter-window", G_LOG_LEVEL_MESSAGE, error->message);
  g_clear_error (&error);
  g_signal_emit_by_name (button, "clicked");
  g_test_assert_expected_messages ();
  g_assert_true (gtk_widget_has_css_class (bands_row, "error"));
  bands = shelter_settings_get (db, SHELTER_SETTING_REPORT_AGE_BANDS, NULL);
  below = shelter_settings_get (db, SHELTER_SETTING_REPORT_SUPPRESS_BELOW, NULL);
  g_assert_null (bands);
  g_assert_null (below);

  /* Put right: all three stored. */
  gtk_editable_set_text (GTK_EDITABLE (bands_row), "12, 16, 18, 60");
  gtk_editable_set_text (find_by_id (page, "report_due_row"), "06-15, 12-15");
  g_test_expect_message ("shelter-window", G_LOG_LEVEL_MESSAGE, "*");
  g_signal_emit_by_name (button, "clicked");
  g_test_assert_expected_messages ();
  g_assert_false (gtk_widget_has_css_class (bands_row, "error"));
  g_free (bands);
  bands = shelter_settings_get (db, SHELTER_SETTING_REPORT_AGE_BANDS, NULL);
  g_assert_cmpstr (bands, ==, "12, 16, 18, 60");
  g_free (below);
  below = shelter_settings_get (db, SHELTER_SETTING_REPORT_SUPPRESS_BELOW, NULL);
  g_assert_cmpstr (below, ==, "5");
  due = shelter_settings_get (db, SHELTER_SETTING_REPORT_DUE_DAYS, NULL);
  g_assert_cmpstr (due, ==, "06-15,12-15");

  shelter_placement_rules_page_set_session (SHELTER_PLACEMENT_RULES_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&admin);
  g_clear_object (&db);
  remove_demo_copy (path, dir);
}

/* What the Export menu does once a file is chosen: an XLSX of the tables shown. */
static void
test_export_xlsx (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  g_autofree char *xlsx = g_build_filename (dir, "bao-cao-2026-Q3.xlsx", NULL);
  g_autofree char *name = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  ShelterWindow *window = NULL;
  ShelterReportsPage *page = open_reports (path, &window);
  gsize length = 0;

  name = shelter_reports_page_file_name (shelter_reports_page_get_period (page), "xlsx");
  g_assert_cmpstr (name, ==, "bao-cao-2026-Q3.xlsx");
  g_assert_true (shelter_reports_page_export (page, SHELTER_REPORT_FORMAT_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &bytes, &length, &error));
  /* A spreadsheet is a zip archive. */
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpint (memcmp (bytes, "PK\003\004", 4), ==, 0);

  g_unlink (xlsx);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The case list asks why the names leave the program: no reason, no file. */
static void
test_case_list_needs_reason (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("reports.db", &dir);
  g_autofree char *csv = g_build_filename (dir, "danh-sach.csv", NULL);
  g_autoptr (GError) error = NULL;
  ShelterWindow *window = NULL;
  ShelterReportsPage *page = open_reports (path, &window);
  ShelterCaseListDialog *dialog;
  GtkWidget *button = find_by_id (GTK_WIDGET (page), "case_list_button");
  GtkWidget *reason_row;
  GtkLabel *error_label;

  /* The manager may export it. */
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  wait_ms (100);
  dialog = find_toplevel (SHELTER_TYPE_CASE_LIST_DIALOG);
  g_assert_nonnull (dialog);

  reason_row = find_by_id (GTK_WIDGET (dialog), "reason_row");
  gtk_editable_set_text (GTK_EDITABLE (reason_row), "   ");
  g_assert_false (shelter_case_list_dialog_export (dialog, csv, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CASE_LIST_REASON);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  error_label = find_by_id (GTK_WIDGET (dialog), "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, error->message);
  g_assert_true (gtk_widget_has_css_class (reason_row, "error"));
  /* The dialog stays for the reason to be given. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  save_screenshot (GTK_WIDGET (dialog), "reports-case-list");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/reports/section-for-managers", test_section_for_managers);
  g_test_add_func ("/ui/reports/tables-match-statistics", test_tables_match_statistics);
  g_test_add_func ("/ui/reports/invalid-range", test_invalid_range);
  g_test_add_func ("/ui/reports/suppress-switch", test_suppress_switch);
  g_test_add_func ("/ui/reports/report-settings", test_report_settings);
  g_test_add_func ("/ui/reports/export-xlsx", test_export_xlsx);
  g_test_add_func ("/ui/reports/case-list-needs-reason", test_case_list_needs_reason);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
