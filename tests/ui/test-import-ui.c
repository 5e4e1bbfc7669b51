/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "shelter-admin-page.h"
#include "shelter-admission.h"
#include "shelter-import-dialog.h"
#include "shelter-import.h"
#include "shelter-residents-model.h"
#include "ui-test-common.h"

/* The import assistant (issue 12): reached from Administration by a manager and not by a
 * caseworker; a CSV typed with the old .Vn fonts read as Vietnamese, a column's field
 * changed, the rows checked with their problems and matches, and the people written. */

static gboolean
dialog_idle (gpointer data)
{
  return !shelter_import_dialog_is_busy (SHELTER_IMPORT_DIALOG (data));
}

static AdwViewStackPage *
import_stack_page (ShelterWindow *window)
{
  ShelterAdminPage *admin = find_by_id (GTK_WIDGET (window), "admin_page");
  AdwViewStack *stack = shelter_admin_page_get_stack (admin);

  return adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "import"));
}

/* The ID number of a resident of the demo centre, to match a row of the file. */
static char *
demo_id_number (ShelterSession  *session,
                char           **case_code)
{
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  g_autoptr (GError) error = NULL;

  shelter_residents_model_reload (model, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (ShelterResidentSummary) summary = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr (ShelterPerson) person =
        shelter_person_open (session, shelter_resident_summary_get_person_id (summary), NULL);
      const char *number = person != NULL ? shelter_person_get_id_number (person) : NULL;

      if (number != NULL && strlen (number) == 12)
        {
          *case_code = g_strdup (shelter_person_get_case_code (person));
          return g_strdup (number);
        }
    }
  return NULL;
}

/* A CSV as an old Excel saves it: Windows-1252 bytes of text typed with a .VnTime font
 * (TCVN3): "Hä vµ tªn" is "Họ và tên". The second resident's birth date does not exist;
 * the third has the ID number of a demo resident. */
static char *
write_csv (const char *dir,
           const char *id_number)
{
  g_autofree char *text = g_strdup_printf (
    "Hä vµ tªn,Ngµy sinh,Giíi tÝnh,Quª qu¸n,Ngµy tiÕp nhËn,Sè CCCD\r\n"
    "Lß ThÞ S¸y,12/03/2001,N÷,Hµ Giang,01/02/2020,\r\n"
    "Hoµng V¨n P¶,31/02/1990,Nam,Lµo Cai,05/06/2021,\r\n"
    "Vµng ThÞ Mai,1999,N÷,Hµ Néi,10/10/2022,%s\r\n", id_number);
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, &length, &error);
  char *path = g_build_filename (dir, "danh-sach-cu.csv", NULL);

  g_assert_no_error (error);
  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
click (gpointer root,
       const char *id)
{
  GtkWidget *button = find_by_id (GTK_WIDGET (root), id);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static char *
labels_of (gpointer root)
{
  GString *out = g_string_new (NULL);

  wait_ms (300);
  collect_labels (GTK_WIDGET (root), out);
  return g_string_free (out, FALSE);
}

/* The drop-down of the column whose header is @header, on the columns step. */
static GtkDropDown *
column_drop_down (ShelterImportDialog *dialog,
                  const char          *header)
{
  GtkWidget *group = find_by_id (GTK_WIDGET (dialog), "columns_group");
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, group);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (ADW_IS_ACTION_ROW (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), header) == 0)
        return GTK_DROP_DOWN (find_type (widget, GTK_TYPE_DROP_DOWN));
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return NULL;
}

static void
test_caseworker_has_no_import (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("import.db", &dir);
  ShelterWindow *window = open_window (path);

  sign_in (window, "canbo.lan", "canbo-demo-2026");
  g_assert_false (shelter_session_may (shelter_window_get_session (window),
                                       SHELTER_PERMISSION_IMPORT));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (window), "admin_row")));
  g_assert_false (adw_view_stack_page_get_visible (import_stack_page (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

static void
test_import_old_csv (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("import.db", &dir);
  ShelterWindow *window = open_window (path);
  ShelterSession *session;
  ShelterImportDialog *dialog;
  GtkWidget *admin_row;
  GtkDropDown *drop_down;
  GtkListView *row_view;
  g_autofree char *id_number = NULL;
  g_autofree char *case_code = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *labels = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  gint64 before;

  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  session = shelter_window_get_session (window);
  id_number = demo_id_number (session, &case_code);
  g_assert_nonnull (id_number);
  csv = write_csv (dir, id_number);
  before = shelter_residents_count_all (session, &error);
  g_assert_no_error (error);

  /* Administration → Import → Import Residents… */
  admin_row = find_by_id (GTK_WIDGET (window), "admin_row");
  g_assert_true (gtk_widget_get_visible (admin_row));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (admin_row)),
                           GTK_LIST_BOX_ROW (admin_row));
  g_assert_true (adw_view_stack_page_get_visible (import_stack_page (window)));
  adw_view_stack_set_visible_child_name (
    shelter_admin_page_get_stack (find_by_id (GTK_WIDGET (window), "admin_page")), "import");
  wait_ms (200);
  click (window, "import_button");
  wait_ms (300);
  dialog = find_toplevel (SHELTER_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);

  /* A file that is not a spreadsheet is refused in words, and the dialog stays. */
  {
    g_autofree char *bad = g_build_filename (dir, "anh.csv", NULL);

    g_file_set_contents (bad, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18, &error);
    g_assert_no_error (error);
    shelter_import_dialog_open_file (dialog, bad);
    g_assert_true (wait_until (dialog_idle, dialog, 10000));
    g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "error_label")));
    g_assert_cmpstr (gtk_label_get_text (find_by_id (GTK_WIDGET (dialog), "error_label")), !=, "");
    g_assert_false (gtk_widget_is_sensitive (find_by_id (GTK_WIDGET (dialog), "next_button")));
    g_unlink (bad);
  }

  shelter_import_dialog_open_file (dialog, csv);
  g_assert_true (wait_until (dialog_idle, dialog, 10000));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "error_label")));
  click (dialog, "next_button");

  /* The text is recognised as TCVN3 and shown converted. */
  g_assert_cmpuint (adw_combo_row_get_selected (find_by_id (GTK_WIDGET (dialog), "encoding_row")),
                    ==, 1);
  labels = labels_of (dialog);
  g_assert_nonnull (strstr (labels, "Hä vµ tªn → Họ và tên"));
  g_assert_nonnull (strstr (labels, "Lò Thị Sáy"));
  g_assert_null (strstr (labels, "Lß ThÞ S¸y\n"));

  /* The hometown column is the permanent residence in this file. */
  drop_down = column_drop_down (dialog, "Quê quán");
  g_assert_nonnull (drop_down);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==,
                    SHELTER_IMPORT_FIELD_ORIGIN_PROVINCE);
  gtk_drop_down_set_selected (drop_down, SHELTER_IMPORT_FIELD_HOME_PROVINCE);
  save_screenshot (GTK_WIDGET (dialog), "import-columns");

  /* Every row, with its problems and its match. */
  click (dialog, "next_button");
  g_assert_true (wait_until (dialog_idle, dialog, 20000));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "error_label")));
  g_clear_pointer (&labels, g_free);
  labels = labels_of (dialog);
  g_test_message ("%s", labels);
  g_assert_nonnull (strstr (labels, "Ngày sinh"));
  g_assert_nonnull (strstr (labels, "31/02/1990"));
  g_assert_nonnull (strstr (labels, "Hoàng Văn Pả"));
  g_assert_nonnull (strstr (labels, "01/02/2020"));
  g_assert_nonnull (strstr (labels, "Vàng Thị Mai"));
  g_assert_nonnull (strstr (labels, case_code));
  row_view = find_by_id (GTK_WIDGET (dialog), "row_view");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (row_view))),
                    ==, 3);
  gtk_check_button_set_active (find_by_id (GTK_WIDGET (dialog), "problems_only_check"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (row_view))),
                    ==, 2);
  gtk_check_button_set_active (find_by_id (GTK_WIDGET (dialog), "problems_only_check"), FALSE);
  save_screenshot (GTK_WIDGET (dialog), "import-check");

  /* Imported: the new person is on record, with the column as mapped. */
  click (dialog, "next_button");
  g_assert_true (wait_until (dialog_idle, dialog, 20000));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "error_label")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (find_by_id (GTK_WIDGET (dialog),
                                                                 "step_stack")), ==, "done");
  g_assert_cmpint (shelter_residents_count_all (session, &error), >, before);
  found = shelter_residents_search (session, "Lo Thi Say", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  person = shelter_person_open (session, g_array_index (found, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_family_name (person), ==, "Lò");
  g_assert_cmpstr (shelter_person_get_given_name (person), ==, "Sáy");
  g_assert_nonnull (shelter_person_get_home_province_code (person));
  g_assert_null (shelter_person_get_origin_province_code (person));
  /* The matched resident was skipped: no second record of them. */
  g_clear_pointer (&found, g_array_unref);
  found = shelter_residents_search (session, "Vang Thi Mai", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  click (dialog, "next_button");
  wait_ms (300);
  g_assert_null (find_toplevel (SHELTER_TYPE_IMPORT_DIALOG));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv);
  remove_demo_copy (path, dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/import/caseworker-has-no-import", test_caseworker_has_no_import);
  g_test_add_func ("/ui/import/old-csv", test_import_old_csv);

  return g_test_run ();
}
