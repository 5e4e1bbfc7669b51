/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "shelter-accounts.h"
#include "shelter-backup.h"
#include "shelter-settings.h"
#include "shelter-sign-in-page.h"
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
page_shown (ShelterWindow *window,
            const char    *name)
{
  GtkStack *main_stack = find_by_id (GTK_WIDGET (window), "main_stack");

  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), name) == 0;
}

static gboolean
recovery_page_shown (gpointer data)
{
  return page_shown (data, "recovery");
}

static gboolean
sign_in_page_shown (gpointer data)
{
  return page_shown (data, "sign-in");
}

/* The backups were looked for: the restore button is offered, or the page says none. */
static gboolean
search_done (gpointer data)
{
  GtkWidget *searching = find_by_id (GTK_WIDGET (data), "searching_box");

  return recovery_page_shown (data) && searching != NULL && !gtk_widget_get_visible (searching);
}

static gboolean
restore_done (gpointer data)
{
  return sign_in_page_shown (data);
}

/* Everything in the file, not in its write-ahead log, so the damage is what is read. */
static void
checkpoint_and_damage (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (shelter_db_checkpoint (db, &error));
  shelter_db_close (db);
  damage_pages (path);
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

  checkpoint_and_damage (path);
  before = file_checksum (path);

  window = open_window (path);
  g_assert_true (wait_until (search_done, window, 10000));
  g_assert_null (shelter_window_get_session (window));
  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "hỏng"));
  /* No backup was ever made of it: the page says so, and what to do. */
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (window), "restore_button")));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (window), "none_label")));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (window), "open_file_button")));
  save_screenshot (GTK_WIDGET (window), "damaged-file");

  after = file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* A damaged database with a backup made before the damage: the window offers that backup,
 * restoring it reopens the database as it was then, and the damaged file is kept, as it
 * was, under another name beside it. */
static void
test_damaged_file_restored (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("centre.db", &dir);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = g_build_filename (folder, "centre-by-hand.maiam-backup", NULL);
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *agency = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  ShelterWindow *window;
  GtkWidget *restore_button;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) admin = NULL;
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();

    g_assert_no_error (error);
    admin = shelter_accounts_sign_in (db, "quantri", "quantri-demo-2026", now, &error);
    g_assert_no_error (error);
    g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_MANAGING_AGENCY,
                                         "Sở Y tế (trước sao lưu)", &error));
    g_assert_true (shelter_backup_create (admin, backup, NULL, &error));
    g_assert_no_error (error);
    /* Work done after the backup, lost with the damaged file. */
    g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_MANAGING_AGENCY,
                                         "Sở Y tế (sau sao lưu)", &error));
    g_clear_object (&admin);
    shelter_db_close (db);
  }
  checkpoint_and_damage (path);
  before = file_checksum (path);

  window = open_window (path);
  g_assert_true (wait_until (search_done, window, 10000));
  restore_button = find_by_id (GTK_WIDGET (window), "restore_button");
  g_assert_true (gtk_widget_get_visible (restore_button));
  collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "hỏng"));
  g_assert_nonnull (strstr (labels->str, "centre-by-hand.maiam-backup"));
  /* Its date, as dd/mm/yyyy HH:MM. */
  g_assert_true (g_regex_match_simple ("[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]",
                                       labels->str, 0, 0));
  save_screenshot (GTK_WIDGET (window), "damaged-file-backup-offered");
  {
    g_autofree char *still = file_checksum (path);
    g_assert_cmpstr (still, ==, before);
  }

  g_signal_emit_by_name (restore_button, "clicked");
  g_assert_true (wait_until (restore_done, window, 20000));
  sign_in (window, "quantri", "quantri-demo-2026");
  g_assert_nonnull (shelter_window_get_session (window));
  agency = shelter_settings_get (shelter_session_get_db (shelter_window_get_session (window)),
                                 SHELTER_SETTING_MANAGING_AGENCY, NULL);
  g_assert_cmpstr (agency, ==, "Sở Y tế (trước sao lưu)");

  /* The damaged file, beside it, unchanged. */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      if (g_str_has_prefix (name, "centre.db.replaced-") && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        kept = g_build_filename (dir, name, NULL);
  }
  g_assert_nonnull (kept);
  {
    g_autofree char *after = file_checksum (kept);
    g_assert_cmpstr (after, ==, before);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (200);

  g_unlink (kept);
  g_unlink (backup);
  g_rmdir (folder);
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

static gboolean
check_done (gpointer data)
{
  return !shelter_sign_in_page_get_checking (data);
}

/* On a large centre the check of the file outlasts the typing: a sign-in asked for meanwhile
 * says it waits for the check, and goes on by itself when the file is found sound. */
static void
test_sign_in_waits_for_check (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("waiting.db", &dir);
  ShelterWindow *window = open_window (path);
  ShelterSignInPage *page = SHELTER_SIGN_IN_PAGE (find_widget (GTK_WIDGET (window),
                                                              SHELTER_TYPE_SIGN_IN_PAGE));
  GtkWidget *checking_label = find_by_id (GTK_WIDGET (window), "checking_label");
  GtkWidget *username_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  GtkWidget *password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);

  /* As if the window's own check were still reading the file. */
  g_assert_true (wait_until (sign_in_page_shown, window, 10000));
  g_assert_true (wait_until (check_done, page, 10000));
  shelter_sign_in_page_set_checking (page, TRUE);
  g_assert_false (gtk_widget_get_visible (checking_label));
  gtk_editable_set_text (GTK_EDITABLE (username_row), "canbo.lan");
  gtk_editable_set_text (GTK_EDITABLE (password_row), "canbo-demo-2026");
  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1000);
  g_assert_null (shelter_window_get_session (window));
  g_assert_true (gtk_widget_get_visible (checking_label));
  save_screenshot (GTK_WIDGET (window), "sign-in-waits-for-check");

  shelter_sign_in_page_set_checking (page, FALSE);
  wait_ms (1500);
  g_assert_nonnull (shelter_window_get_session (window));
  g_assert_false (gtk_widget_get_visible (checking_label));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/open/damaged-file", test_damaged_file);
  g_test_add_func ("/ui/open/damaged-file-restored", test_damaged_file_restored);
  g_test_add_func ("/ui/open/clock-behind", test_clock_behind);
  g_test_add_func ("/ui/open/sign-in-waits-for-check", test_sign_in_waits_for_check);
  return g_test_run ();
}
