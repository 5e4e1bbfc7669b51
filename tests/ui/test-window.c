/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "shelter-accounts.h"
#include "shelter-application.h"
#include "shelter-demo.h"
#include "shelter-resident-summary.h"
#include "shelter-settings.h"
#include "shelter-window.h"

static char *demo_path;
static ShelterApplication *app;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out and draw, as a person would wait for it. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static ShelterWindow *
open_window (const char *path)
{
  ShelterWindow *window;

  window = shelter_window_new (app);
  shelter_window_open_database (window, path, SHELTER_DB_OPEN_DEFAULT);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (800);
  return window;
}

/* Types into the sign-in form as a person would, and presses Enter. */
static void
sign_in (ShelterWindow *window,
         const char    *username,
         const char    *password)
{
  GtkWidget *username_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  GtkWidget *password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);

  g_assert_nonnull (username_row);
  g_assert_nonnull (password_row);
  gtk_editable_set_text (GTK_EDITABLE (username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (password_row), password);
  g_signal_emit_by_name (password_row, "entry-activated");
  /* Argon2id takes a moment. */
  wait_ms (1500);
  g_assert_nonnull (shelter_window_get_session (window));
}

/* A caseworker of the demo centre: the residents list comes first. */
static ShelterWindow *
open_signed_in (const char *path)
{
  ShelterWindow *window = open_window (path);

  sign_in (window, "canbo.lan", "canbo-demo-2026");
  return window;
}

/* Ctrl+L hides every resident; only the same user's password brings them back. */
static void
test_lock_hides_residents (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  GtkWidget *password_row;
  g_autoptr (GString) labels = g_string_new (NULL);

  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  wait_ms (300);
  g_assert_true (shelter_window_get_locked (window));
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_null (strstr (labels->str, "-0")); /* no case code anywhere */

  /* A wrong password keeps it locked. */
  password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_assert_nonnull (password_row);
  gtk_editable_set_text (GTK_EDITABLE (password_row), "không phải mật khẩu");
  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1500);
  g_assert_true (shelter_window_get_locked (window));

  gtk_editable_set_text (GTK_EDITABLE (password_row), "canbo-demo-2026");
  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1500);
  g_assert_false (shelter_window_get_locked (window));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With the idle time set to one minute, a minute without input locks the window. */
static void
test_idle_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shelter-ui-idle-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "idle.db", NULL);
  g_autoptr (GError) error = NULL;
  ShelterWindow *window;

  if (!g_test_slow ())
    {
      g_test_skip ("waits a minute: run with -m slow");
      return;
    }

  shelter_demo_create (path, 20, 2, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) admin = shelter_accounts_sign_in (db, "quantri",
                                                                 "quantri-demo-2026", NULL,
                                                                 &error);
    g_assert_no_error (error);
    g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_IDLE_LOCK_MINUTES, "1", &error));
  }

  window = open_signed_in (path);
  g_assert_false (shelter_window_get_locked (window));
  wait_ms (30 * 1000);
  g_assert_false (shelter_window_get_locked (window));
  wait_ms (32 * 1000);
  g_assert_true (shelter_window_get_locked (window));
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Enter on a row opens that resident's page, with Edit for a caseworker. */
static void
test_opens_resident_page (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  GtkWidget *view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_autoptr (GObject) first = g_list_model_get_item (model, 0);
  g_autofree char *case_code = g_strdup (shelter_resident_summary_get_case_code (
                                           SHELTER_RESIDENT_SUMMARY (first)));
  g_autoptr (GString) labels = g_string_new (NULL);

  g_signal_emit_by_name (view, "activate", 0);
  wait_ms (500);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_true (strstr (labels->str, case_code) != NULL);
  g_assert_true (strstr (labels->str, "Tổng quan") != NULL);
  g_assert_true (strstr (labels->str, "Sửa…") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_lists_demo_residents (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  GtkWidget *column_view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  g_autoptr (GString) labels = g_string_new (NULL);
  GListModel *model;

  g_assert_nonnull (column_view);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  /* The demo centre has people in residence, listed in the first screen. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 10);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_true (strstr (labels->str, "-0") != NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static const char *
case_code_at (GListModel *model,
              guint       position)
{
  g_autoptr (GObject) row = g_list_model_get_item (model, position);
  return shelter_resident_summary_get_case_code (SHELTER_RESIDENT_SUMMARY (row));
}

/* Clicking a column header sorts the whole list in the database, both ways. */
static void
test_sorts_by_column (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GtkColumnViewColumn) case_code_column = g_list_model_get_item (columns, 0);
  guint n = g_list_model_get_n_items (model);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  gtk_column_view_sort_by_column (view, case_code_column, GTK_SORT_ASCENDING);
  wait_ms (100);
  first = g_strdup (case_code_at (model, 0));
  last = g_strdup (case_code_at (model, n - 1));
  g_assert_cmpstr (first, <, last);
  for (guint i = 1; i < n; i++)
    g_assert_cmpstr (case_code_at (model, i - 1), <, case_code_at (model, i));

  gtk_column_view_sort_by_column (view, case_code_column, GTK_SORT_DESCENDING);
  wait_ms (100);
  g_assert_cmpstr (case_code_at (model, 0), ==, last);
  g_assert_cmpstr (case_code_at (model, n - 1), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shows_vietnamese (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  g_autoptr (GString) labels = g_string_new (NULL);

  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("labels: %s", labels->str);
  g_assert_true (strstr (labels->str, "Đối tượng") != NULL);
  g_assert_true (strstr (labels->str, "Phòng ở") != NULL);
  g_assert_null (strstr (labels->str, "Residents"));
  g_assert_null (strstr (labels->str, "Rooms"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every start shows the sign-in form; nothing of the residents before. */
static void
test_sign_in_first (void)
{
  ShelterWindow *window = open_window (demo_path);

  g_assert_null (shelter_window_get_session (window));
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW));

  sign_in (window, "canbo.lan", "canbo-demo-2026");
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));

  /* Locked: the list is gone from the screen, not covered. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  wait_ms (300);
  g_assert_true (shelter_window_get_locked (window));
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_database_explained (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shelter-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autofree char *contents = NULL;
  ShelterWindow *window;

  g_assert_true (g_file_set_contents (path, "không phải cơ sở dữ liệu", -1, NULL));
  window = open_window (path);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_null (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  gtk_window_destroy (GTK_WINDOW (window));
  /* The file is never written over. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "không phải cơ sở dữ liệu");

  window = open_window (missing);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  /* The Vietnamese interface, from the translations built beside the tests. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  else
    g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHELTER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* gtk_test_init() sets the C locale, in which gettext ignores LANGUAGE. */
  setlocale (LC_ALL, g_getenv ("LC_ALL"));
  adw_init ();

  /* One application for all the tests: a registered application cannot be registered
   * again on the same bus. */
  app = shelter_application_new (g_get_monotonic_time ());
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("shelter-ui-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (dir, "demo.db", NULL);
  shelter_demo_create (demo_path, 120, 1, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/window/sign-in-first", test_sign_in_first);
  g_test_add_func ("/ui/window/lists-demo-residents", test_lists_demo_residents);
  g_test_add_func ("/ui/window/opens-resident-page", test_opens_resident_page);
  g_test_add_func ("/ui/window/lock-hides-residents", test_lock_hides_residents);
  g_test_add_func ("/ui/window/idle-lock", test_idle_lock);
  g_test_add_func ("/ui/window/sorts-by-column", test_sorts_by_column);
  g_test_add_func ("/ui/window/shows-vietnamese", test_shows_vietnamese);
  g_test_add_func ("/ui/window/bad-database-explained", test_bad_database_explained);

  status = g_test_run ();
  g_unlink (demo_path);
  g_object_unref (app);
  return status;
}
