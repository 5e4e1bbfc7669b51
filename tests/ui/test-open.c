/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-accounts.h"
#include "ui-test-common.h"

/* Opening the window on a file that is not as it should be: damaged pages, a computer
 * clock behind the records. */

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Overwrites pages in the middle of the file, as a failing disk returns garbage. */
static void
damage_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0, start;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 16);
  start = (length / 2 / 4096) * 4096;
  memset (contents + start, 0x5a, 4096 * 8);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static gboolean
error_page_shown (gpointer data)
{
  GtkStack *main_stack = find_by_id (GTK_WIDGET (data), "main_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "error") == 0;
}

/* The window appears at once, the check runs beside the sign-in screen, and a damaged file
 * is then refused in words, before anyone could sign in and write to it. */
static void
test_damaged_file (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("damaged.db", &dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  ShelterWindow *window;

  /* Everything in the file, not in its write-ahead log, so the damage is what is read. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (shelter_db_checkpoint (db, &error));
    shelter_db_close (db);
  }
  damage_pages (path);
  before = file_checksum (path);

  window = open_window (path);
  g_assert_true (wait_until (error_page_shown, window, 10000));
  g_assert_null (shelter_window_get_session (window));
  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "hỏng"));
  save_screenshot (GTK_WIDGET (window), "damaged-file");

  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* A clock set before the last action recorded is pointed out before the sign-in is
 * recorded with it; pressing Sign In again goes on. */
static void
test_clock_behind (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("clock.db", &dir);
  g_autoptr (GString) labels = g_string_new (NULL);
  ShelterWindow *window;
  GtkWidget *username_row;
  GtkWidget *password_row;

  /* Someone signed in on a desk whose clock said 2031. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (GDateTime) later = g_date_time_new_from_iso8601 ("2031-01-01T09:00:00+07:00",
                                                                NULL);
    g_autoptr (ShelterSession) session = NULL;

    g_assert_no_error (error);
    session = shelter_accounts_sign_in (db, "quantri", "quantri-demo-2026", later, &error);
    g_assert_no_error (error);
    g_clear_object (&session);
    shelter_db_close (db);
  }

  window = open_window (path);
  username_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (username_row), "canbo.lan");
  gtk_editable_set_text (GTK_EDITABLE (password_row), "canbo-demo-2026");
  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1500);
  g_assert_null (shelter_window_get_session (window));
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_nonnull (strstr (labels->str, "01/01/2031 09:00"));
  save_screenshot (GTK_WIDGET (window), "clock-behind");

  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1500);
  g_assert_nonnull (shelter_window_get_session (window));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/open/damaged-file", test_damaged_file);
  g_test_add_func ("/ui/open/clock-behind", test_clock_behind);
  return g_test_run ();
}
