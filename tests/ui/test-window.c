/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "shelter-absence-dialog.h"
#include "shelter-accounts.h"
#include "shelter-admin-page.h"
#include "shelter-application.h"
#include "shelter-backup-page.h"
#include "shelter-calendar.h"
#include "shelter-contact-dialog.h"
#include "shelter-capacity.h"
#include "shelter-demo.h"
#include "shelter-discharge-dialog.h"
#include "shelter-discharge.h"
#include "shelter-follow-up.h"
#include "shelter-follow-up-dialog.h"
#include "shelter-admission.h"
#include "shelter-stores.h"
#include "shelter-holidays-page.h"
#include "shelter-intake-dialog.h"
#include "shelter-move-dialog.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-residents-model.h"
#include "shelter-case-file-view.h"
#include "shelter-enums.h"
#include "shelter-extend-dialog.h"
#include "shelter-family.h"
#include "shelter-forecast-chart.h"
#include "shelter-reception.h"
#include "shelter-resident-page.h"
#include "shelter-resident-summary.h"
#include "shelter-residents-page.h"
#include "shelter-rooms.h"
#include "shelter-room-tile.h"
#include "shelter-rooms-page.h"
#include "shelter-text.h"
#include "shelter-reminders.h"
#include "shelter-today-page.h"
#include "shelter-settings.h"
#include "shelter-window.h"
#include "ui-test-common.h"

static char *demo_path;

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

/* A woman received 30 days ago, with an intake whose consent is to be asked again: her case
 * file (no papers, so no ID copy needed) is overdue. Returns her person id. */
static gint64
receive_overdue_person (const char  *path,
                        GDate       *received_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_autoptr (ShelterSession) operator = NULL;
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autoptr (ShelterPerson) person = shelter_person_new ();
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) admitted = NULL;
  g_autoptr (GDateTime) ask_again = NULL;
  g_autofree char *admitted_at = NULL;
  g_autofree char *ask_again_on = NULL;

  g_assert_no_error (error);
  operator = shelter_session_new_for_operator (db);

  shelter_room_set_code (room, "T-01");
  shelter_room_set_name (room, "T-01");
  shelter_room_set_building (room, "Nhà T");
  shelter_room_set_sex_use (room, "female");
  shelter_room_set_age_group (room, "any");
  shelter_room_set_beds (room, 2);
  shelter_room_set_area_m2 (room, 12.0);
  shelter_room_set_opened_on (room, "2020-01-01");
  g_assert_true (shelter_rooms_add (operator, room, &error));
  g_assert_no_error (error);

  shelter_person_set_family_name (person, "Vàng");
  shelter_person_set_middle_name (person, "Thị");
  shelter_person_set_given_name (person, "Súa");
  shelter_person_set_sex (person, "female");
  shelter_person_set_birth_date (person, "1999-03-02");
  shelter_person_set_birth_precision (person, "day");
  shelter_person_set_person_type (person, "victim");
  shelter_person_set_id_paper (person, "none");
  shelter_person_set_languages (person, "tiếng H'Mông");
  shelter_person_set_interpreter_needed (person, TRUE);

  now = g_date_time_new_now (vietnam);
  admitted = g_date_time_add_days (now, -30);
  ask_again = g_date_time_add_days (now, -20);
  admitted_at = shelter_session_format_time (admitted);
  ask_again_on = g_date_time_format (ask_again, "%Y-%m-%d");
  g_date_clear (received_on, 1);
  g_date_set_dmy (received_on, g_date_time_get_day_of_month (admitted),
                  g_date_time_get_month (admitted), g_date_time_get_year (admitted));

  shelter_intake_set_handed_over_by (intake, "border_guard");
  shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  shelter_intake_set_consent_status (intake, "not_now");
  shelter_intake_set_consent_not_now_reason (intake, "Chỉ nói tiếng H'Mông");
  shelter_intake_set_consent_ask_again_on (intake, ask_again_on);
  stay = shelter_receive_person (operator, person, intake, shelter_room_get_id (room),
                                 admitted_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  return shelter_person_get_id (person);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* Types @date into the open "Mark Received" dialog and presses Enter, which answers with the
 * dialog's default response. */
static void
mark_received_on (const char *date)
{
  AdwMessageDialog *dialog = find_message_dialog ();
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "mark");
  entry = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), date);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  wait_ms (300);
}

/* The resident's page shows the case file: the documents, what is missing and overdue, and
 * marking one received (with its date) updates it; a date in the future is refused. */
static void
test_resident_case_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shelter-ui-case-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case-file.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GString) file_labels = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  char received[32];
  ShelterWindow *window;
  GtkWidget *residents;
  GtkWidget *page;
  GtkWidget *view;
  GtkWidget *button;
  AdwViewStack *stack;
  AdwViewStackPage *tab;
  GDate received_on;
  gint64 person_id;

  shelter_demo_create (path, 20, 2, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  person_id = receive_overdue_person (path, &received_on);

  window = open_signed_in (path);
  residents = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENTS_PAGE);
  g_assert_nonnull (residents);
  g_signal_emit_by_name (residents, "resident-activated", person_id);
  wait_ms (500);
  page = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE);
  g_assert_nonnull (page);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_nonnull (strstr (labels->str, "Vàng Thị Súa"));
  g_assert_nonnull (strstr (labels->str, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai"));
  g_assert_nonnull (strstr (labels->str, "Chỉ nói tiếng H'Mông")); /* consent to ask again */

  /* The Case File tab counts the four missing documents and is marked overdue. */
  stack = shelter_resident_page_get_stack (SHELTER_RESIDENT_PAGE (page));
  tab = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "case-file"));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 4);
  g_assert_true (adw_view_stack_page_get_needs_attention (tab));

  adw_view_stack_set_visible_child_name (stack, "case-file");
  wait_ms (300);
  view = find_widget (page, SHELTER_TYPE_CASE_FILE_VIEW);
  g_assert_nonnull (view);
  collect_labels (view, file_labels);
  for (guint i = 0; i < shelter_enum_case_document.n_values; i++)
    g_assert_nonnull (strstr (file_labels->str,
                              shelter_enum_label (&shelter_enum_case_document,
                                                  shelter_enum_case_document.values[i].code)));
  /* One button a missing document; the ID copy of a person without papers is not needed. */
  g_assert_cmpuint (count_widgets (view, GTK_TYPE_BUTTON), ==, 4);

  /* Marked received: a date in the future is refused and asked again... */
  button = find_widget (view, GTK_TYPE_BUTTON);
  g_signal_emit_by_name (button, "clicked");
  wait_ms (300);
  mark_received_on ("31/12/2099");
  g_assert_nonnull (find_message_dialog ());
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 4);

  /* ...a day after the reception is kept, and shown. */
  g_date_add_days (&received_on, 1);
  g_date_strftime (received, sizeof received, "%d/%m/%Y", &received_on);
  g_assert_null (strstr (file_labels->str, received));
  mark_received_on (received);
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 3);
  collect_labels (view, after);
  g_assert_nonnull (strstr (after->str, received));
  /* Still four buttons: three to mark, one to undo the mark. */
  g_assert_cmpuint (count_widgets (view, GTK_TYPE_BUTTON), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* Ctrl+F, from a resident's page, goes back to the Residents list with the focus in its
 * search entry. */
static void
test_ctrl_f_searches (void)
{
  ShelterWindow *window = open_signed_in (demo_path);
  GtkWidget *view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW);
  g_auto (GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                 "<Control>f");
  g_autoptr (GListModel) controllers = NULL;
  GtkShortcutAction *search = NULL;
  GtkWidget *focus;
  GtkWidget *entry;

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.search"));

  g_signal_emit_by_name (view, "activate", 0);
  wait_ms (500);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);

  /* The window's shortcut for Ctrl+F, activated from where the focus is, as the key would. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; search == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, "<Control>f"))
            search = gtk_shortcut_get_action (shortcut);
        }
    }
  g_assert_nonnull (search);
  g_assert_true (gtk_shortcut_action_activate (search, GTK_SHORTCUT_ACTION_EXCLUSIVE, focus,
                                               NULL));
  /* The page fades out. */
  for (guint i = 0; i < 20 && find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE); i++)
    wait_ms (100);

  g_assert_null (find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The intake assistant */

static gboolean
intake_dialog_shown (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_INTAKE_DIALOG) != NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static ShelterIntakeDialog *
open_intake (ShelterWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-intake", NULL));
  g_assert_true (wait_until (intake_dialog_shown, NULL, 2000));
  return find_toplevel (SHELTER_TYPE_INTAKE_DIALOG);
}

/* Answers the message dialog shown over the assistant, as a click on @response would. */
static void
answer (const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (wait_until (message_dialog_shown, NULL, 2000));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  wait_ms (50);
}

static void
type_in (ShelterIntakeDialog *dialog,
         const char          *id,
         const char          *text)
{
  GtkEditable *editable = find_by_id (GTK_WIDGET (dialog), id);

  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
}

static void
choose (ShelterIntakeDialog *dialog,
        const char          *id,
        guint                position)
{
  AdwComboRow *row = find_by_id (GTK_WIDGET (dialog), id);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (row, position);
}

static const char *
step_of (ShelterIntakeDialog *dialog)
{
  return gtk_stack_get_visible_child_name (find_by_id (GTK_WIDGET (dialog), "step_stack"));
}

/* Presses Next (Ctrl+Enter) and expects to be on @step then. */
static void
next_step (ShelterIntakeDialog *dialog,
           const char          *step)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "intake.next", NULL));
  wait_ms (20);
  if (g_strcmp0 (step_of (dialog), step) != 0)
    {
      g_autoptr (GString) labels = g_string_new (NULL);

      collect_labels (GTK_WIDGET (dialog), labels);
      g_test_message ("shown: %s", labels->str);
    }
  g_assert_cmpstr (step_of (dialog), ==, step);
}

static guint
position_of (GListModel *model,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  g_assert_not_reached ();
}

/* The Stay and Room tab */

/* Adds an open room for any age, of two beds, through app/. */
static void
add_test_room (const char *path,
               const char *code,
               const char *sex_use)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_autoptr (ShelterSession) operator = NULL;
  g_autoptr (ShelterRoom) room = shelter_room_new ();

  g_assert_no_error (error);
  operator = shelter_session_new_for_operator (db);
  shelter_room_set_code (room, code);
  shelter_room_set_name (room, code);
  shelter_room_set_building (room, "Nhà T");
  shelter_room_set_sex_use (room, sex_use);
  shelter_room_set_age_group (room, "any");
  shelter_room_set_beds (room, 2);
  shelter_room_set_area_m2 (room, 12.0);
  shelter_room_set_opened_on (room, "2020-01-01");
  g_assert_true (shelter_rooms_add (operator, room, &error));
  g_assert_no_error (error);
}

/* A demo centre with Vàng Thị Súa (a woman of 27) in room T-01, a free female room T-02
 * and a free male room T-03. Returns her person id. */
static gint64
stay_fixture (char **path,
              char **dir)
{
  GDate received_on;
  gint64 person_id;

  *path = new_demo_copy ("stay.db", dir);
  person_id = receive_overdue_person (*path, &received_on);
  add_test_room (*path, "T-02", "female");
  add_test_room (*path, "T-03", "male");
  return person_id;
}

/* Opens the resident's page on its Stay and Room tab. */
static GtkWidget *
open_stay_tab (ShelterWindow *window,
               gint64         person_id)
{
  GtkWidget *residents = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENTS_PAGE);
  GtkWidget *page;
  AdwViewStack *stack;

  g_assert_nonnull (residents);
  g_signal_emit_by_name (residents, "resident-activated", person_id);
  wait_ms (500);
  page = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE);
  g_assert_nonnull (page);
  stack = shelter_resident_page_get_stack (SHELTER_RESIDENT_PAGE (page));
  g_assert_true (adw_view_stack_page_get_visible (
    adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "stay"))));
  adw_view_stack_set_visible_child_name (stack, "stay");
  wait_ms (300);
  return page;
}

static AdwViewStackPage *
stay_tab_of (GtkWidget *page)
{
  AdwViewStack *stack = shelter_resident_page_get_stack (SHELTER_RESIDENT_PAGE (page));

  return adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "stay"));
}

static const char *
room_now (ShelterWindow *window,
          gint64         person_id,
          char         **code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterResidentSummary) summary =
    shelter_residents_get_summary (shelter_window_get_session (window), person_id, &error);

  g_assert_no_error (error);
  g_free (*code);
  *code = g_strdup (shelter_resident_summary_get_room_code (summary));
  return *code;
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
move_dialog_shown (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_MOVE_DIALOG) != NULL;
}

static gboolean
move_dialog_gone (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_MOVE_DIALOG) == NULL;
}

static gboolean
absence_dialog_shown (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_ABSENCE_DIALOG) != NULL;
}

static gboolean
absence_dialog_gone (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_ABSENCE_DIALOG) == NULL;
}

/* Presses the button of @action on the page, as a click would, and waits for @shown. */
static gpointer
open_from_button (GtkWidget   *page,
                  const char  *action,
                  gboolean   (*shown) (gpointer data),
                  GType        type)
{
  GtkWidget *button = find_action_button (page, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (shown, NULL, 2000));
  return find_toplevel (type);
}

/* The row of room @code in the move dialog. */
static GtkWidget *
room_row (gpointer    dialog,
          const char *code)
{
  GtkWidget *list = find_by_id (GTK_WIDGET (dialog), "room_list");

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), code))
      return row;
  g_assert_not_reached ();
}

static void
choose_room (gpointer    dialog,
             const char *code)
{
  GtkWidget *check = find_type (room_row (dialog, code), GTK_TYPE_CHECK_BUTTON);

  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static void
press_move (gpointer dialog)
{
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "move_button"), "clicked");
  wait_ms (100);
}

/* A caseworker moves a resident to a room that suits her, with a reason; a room that does
 * not suit cannot be chosen, and is refused even when forced. */
static void
test_stay_move (void)
{
  char *dir = NULL;
  char *path = NULL;
  gint64 person_id = stay_fixture (&path, &dir);
  ShelterWindow *window = open_signed_in (path);
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  g_autofree char *code = NULL;
  GtkWidget *page = open_stay_tab (window, person_id);
  GtkWidget *error_label;
  gpointer dialog;

  collect_labels (page, labels);
  g_assert_nonnull (strstr (labels->str, "T-01"));
  /* Away since… only when away. */
  g_assert_null (find_action_button (page, "resident.record-return"));
  g_assert_nonnull (find_action_button (page, "resident.record-absence"));

  dialog = open_from_button (page, "resident.move", move_dialog_shown, SHELTER_TYPE_MOVE_DIALOG);
  /* Her room now and the male room cannot be chosen; the other female room can. */
  g_assert_false (gtk_widget_is_sensitive (room_row (dialog, "T-01")));
  g_assert_false (gtk_widget_is_sensitive (room_row (dialog, "T-03")));
  g_assert_true (gtk_widget_is_sensitive (room_row (dialog, "T-02")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "override_row")));

  /* Forced past the greyed row, app/ refuses it and says why. */
  choose_room (dialog, "T-03");
  type_in (dialog, "reason_row", "Thử phòng nam");
  press_move (dialog);
  g_assert_nonnull (find_toplevel (SHELTER_TYPE_MOVE_DIALOG));
  error_label = find_by_id (GTK_WIDGET (dialog), "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "T-03"));
  g_assert_cmpstr (room_now (window, person_id, &code), ==, "T-01");

  /* Without a reason: the reason's field is marked. */
  choose_room (dialog, "T-02");
  type_in (dialog, "reason_row", "");
  press_move (dialog);
  g_assert_true (gtk_widget_has_css_class (find_by_id (GTK_WIDGET (dialog), "reason_row"),
                                           "error"));
  g_assert_cmpstr (room_now (window, person_id, &code), ==, "T-01");

  type_in (dialog, "reason_row", "Gần phòng chăm sóc");
  press_move (dialog);
  g_assert_true (wait_until (move_dialog_gone, NULL, 2000));
  g_assert_cmpstr (room_now (window, person_id, &code), ==, "T-02");
  /* The page shows where she is now. */
  wait_ms (200);
  collect_labels (page, after);
  g_assert_nonnull (strstr (after->str, "T-02"));
  g_assert_null (strstr (after->str, "T-01"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* A manager may choose a room that does not suit, once they say why. */
static void
test_stay_move_override (void)
{
  char *dir = NULL;
  char *path = NULL;
  gint64 person_id = stay_fixture (&path, &dir);
  ShelterWindow *window = open_window (path);
  g_autofree char *code = NULL;
  GtkWidget *page;
  GtkWidget *override_row;
  gpointer dialog;

  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  page = open_stay_tab (window, person_id);
  dialog = open_from_button (page, "resident.move", move_dialog_shown, SHELTER_TYPE_MOVE_DIALOG);
  g_assert_true (gtk_widget_is_sensitive (room_row (dialog, "T-03")));
  g_assert_false (gtk_widget_is_sensitive (room_row (dialog, "T-01")));

  choose_room (dialog, "T-03");
  override_row = find_by_id (GTK_WIDGET (dialog), "override_row");
  g_assert_true (gtk_widget_get_visible (override_row));
  type_in (dialog, "reason_row", "Nhường phòng nữ cho đoàn mới đến");
  press_move (dialog);
  g_assert_true (gtk_widget_has_css_class (override_row, "error"));
  g_assert_cmpstr (room_now (window, person_id, &code), ==, "T-01");

  type_in (dialog, "override_row", "Phòng nữ đã hết chỗ, ở một mình một phòng");
  press_move (dialog);
  g_assert_true (wait_until (move_dialog_gone, NULL, 2000));
  g_assert_cmpstr (room_now (window, person_id, &code), ==, "T-03");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

static char *
days_from_now (int         days,
               const char *format)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new_now (vietnam);
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, format);
}

static gboolean
is_away (ShelterWindow *window,
         gint64         person_id,
         char         **return_on)
{
  ShelterSession *session = shelter_window_get_session (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterStay) stay = shelter_stay_open_latest (session, person_id, &error);
  g_autoptr (ShelterAbsence) absence = NULL;

  g_assert_no_error (error);
  absence = shelter_absence_get_open (session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  if (absence != NULL && return_on != NULL)
    *return_on = g_strdup (absence->planned_return_on);
  return absence != NULL;
}

/* An absence (in hospital since three days ago, due back yesterday) is recorded, flagged
 * overdue in the header and on the tab, and ended by recording the return. */
static void
test_stay_absence (void)
{
  char *dir = NULL;
  char *path = NULL;
  gint64 person_id = stay_fixture (&path, &dir);
  ShelterWindow *window = open_signed_in (path);
  g_autofree char *started = days_from_now (-3, "%d/%m/%Y 08:00");
  g_autofree char *due = days_from_now (-1, "%d/%m/%Y");
  g_autofree char *due_iso = days_from_now (-1, "%Y-%m-%d");
  g_autofree char *too_early = days_from_now (-4, "%d/%m/%Y 08:00");
  g_autofree char *return_on = NULL;
  g_autoptr (GString) alerts = g_string_new (NULL);
  GtkWidget *page = open_stay_tab (window, person_id);
  GtkWidget *entry;
  AdwMessageDialog *question;
  gpointer dialog;

  dialog = open_from_button (page, "resident.record-absence", absence_dialog_shown,
                             SHELTER_TYPE_ABSENCE_DIALOG);
  choose (dialog, "kind_row", 0);
  type_in (dialog, "started_row", started);
  /* The day she should be back is needed. */
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
  wait_ms (100);
  g_assert_nonnull (find_toplevel (SHELTER_TYPE_ABSENCE_DIALOG));
  g_assert_true (gtk_widget_has_css_class (find_by_id (GTK_WIDGET (dialog), "return_row"),
                                           "error"));
  g_assert_false (is_away (window, person_id, NULL));

  type_in (dialog, "return_row", due);
  type_in (dialog, "note_row", "Bệnh viện tỉnh");
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
  g_assert_true (wait_until (absence_dialog_gone, NULL, 2000));
  g_assert_true (is_away (window, person_id, &return_on));
  g_assert_cmpstr (return_on, ==, due_iso);

  /* Overdue: said above the tabs, and the tab asks for attention. */
  wait_ms (200);
  collect_labels (find_by_id (page, "alerts_list"), alerts);
  g_assert_nonnull (strstr (alerts->str, due));
  g_assert_true (adw_view_stack_page_get_needs_attention (stay_tab_of (page)));
  g_assert_null (find_action_button (page, "resident.record-absence"));

  /* The return: a time before she left is refused and asked again... */
  g_signal_emit_by_name (find_action_button (page, "resident.record-return"), "clicked");
  g_assert_true (wait_until (message_dialog_shown, NULL, 2000));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  entry = find_widget (GTK_WIDGET (question), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), too_early);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (question), "default.activate", NULL));
  wait_ms (300);
  g_assert_true (is_away (window, person_id, NULL));
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  entry = find_widget (GTK_WIDGET (question), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, too_early);

  /* ...now is kept: she is back, and nothing is flagged. */
  g_clear_pointer (&return_on, g_free);
  {
    g_autofree char *now = days_from_now (0, "%d/%m/%Y %H:%M");

    gtk_editable_set_text (GTK_EDITABLE (entry), now);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (question), "default.activate", NULL));
  wait_ms (300);
  g_assert_false (is_away (window, person_id, NULL));
  g_assert_false (adw_view_stack_page_get_needs_attention (stay_tab_of (page)));
  g_assert_nonnull (find_action_button (page, "resident.record-absence"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* Staff who may not admit see the stay, without the buttons app/ would refuse. */
static void
test_stay_read_only (void)
{
  char *dir = NULL;
  char *path = NULL;
  gint64 person_id = stay_fixture (&path, &dir);
  ShelterWindow *window = open_window (path);
  g_autoptr (GString) labels = g_string_new (NULL);
  GtkWidget *page;

  sign_in (window, "yte.hoa", "yte-demo-2026");
  page = open_stay_tab (window, person_id);
  collect_labels (page, labels);
  g_assert_nonnull (strstr (labels->str, "T-01"));
  g_assert_null (find_action_button (page, "resident.move"));
  g_assert_null (find_action_button (page, "resident.record-absence"));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* Ctrl+N, the five steps as a caseworker fills them, and Receive: the person is on record
 * with their stay and an intake record number, and the draft is gone. */
static void
test_intake_receives (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("intake.db", &dir);
  ShelterWindow *window = open_signed_in (path);
  ShelterSession *session = shelter_window_get_session (window);
  ShelterIntakeDialog *dialog;
  GtkDropDown *country;
  GtkCheckButton *room_check = NULL;
  GtkWidget *room_list;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterIntake) intake = NULL;
  g_autoptr (GVariant) draft = NULL;
  gint64 before = shelter_residents_count_all (session, &error);

  g_assert_no_error (error);
  dialog = open_intake (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* A new centre's desk has no unfinished intake: no question. */
  wait_ms (50);
  g_assert_false (message_dialog_shown (NULL));
  g_assert_cmpstr (step_of (dialog), ==, "who");

  /* Who */
  type_in (dialog, "family_name_row", "Giàng");
  type_in (dialog, "middle_name_row", "Thị");
  type_in (dialog, "given_name_row", "Mỷ Thử");
  choose (dialog, "sex_row", 1);         /* female */
  type_in (dialog, "birth_row", "05/03/2000");
  choose (dialog, "person_type_row", 1); /* victim of trafficking */
  next_step (dialog, "how");

  /* How they came: nothing chosen yet is refused on this step, at the field. */
  next_step (dialog, "how");
  g_assert_true (gtk_widget_has_css_class (find_by_id (GTK_WIDGET (dialog), "handed_over_row"),
                                           "error"));
  choose (dialog, "handed_over_row", 2); /* border guard */
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "officer_unit_row")));
  type_in (dialog, "officer_name_row", "Lò Văn Thành");
  type_in (dialog, "officer_unit_row", "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "purposes_group")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_type (find_by_id (GTK_WIDGET (dialog),
                                                                        "purposes_group"),
                                                            GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  choose (dialog, "scope_row", 2);       /* abroad */
  country = find_by_id (GTK_WIDGET (dialog), "destination_drop_down");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (country)));
  gtk_drop_down_set_selected (country, position_of (gtk_drop_down_get_model (country),
                                                    "Trung Quốc"));
  choose (dialog, "return_mode_row", 3); /* handed over by a foreign country */
  choose (dialog, "identification_row", 1);
  next_step (dialog, "consent");

  /* Consent: it must be said whether it was given. */
  next_step (dialog, "consent");
  gtk_check_button_set_active (find_by_id (GTK_WIDGET (dialog), "consent_given_check"), TRUE);
  gtk_switch_set_active (find_by_id (GTK_WIDGET (dialog), "record_switch"), TRUE);
  next_step (dialog, "arrival");

  /* Arrival */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (find_by_id (GTK_WIDGET (dialog),
                                                                  "belongings_view")),
                            "Điện thoại Oppo màu đen\n\nGiấy thông hành số 123\n", -1);
  type_in (dialog, "health_row", "Mệt, sốt nhẹ");
  next_step (dialog, "room");

  /* Room: the first that suits her. */
  room_list = find_by_id (GTK_WIDGET (dialog), "room_list");
  for (GtkWidget *row = gtk_widget_get_first_child (room_list); row != NULL && room_check == NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_sensitive (row))
      room_check = GTK_CHECK_BUTTON (find_type (row, GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (room_check);
  gtk_check_button_set_active (room_check, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "intake.next", NULL));
  g_assert_true (wait_until (pointer_cleared, &dialog, 2000));

  g_assert_cmpint (shelter_residents_count_all (session, &error), ==, before + 1);
  ids = shelter_residents_search (session, "Giàng Thị Mỷ Thử", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  stay = shelter_stay_open_latest (session, g_array_index (ids, gint64, 0), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  intake = shelter_intake_open (session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  g_assert_nonnull (intake);
  g_assert_true (g_str_has_prefix (shelter_intake_get_record_number (intake), "BBTN-"));
  g_assert_cmpstr (shelter_intake_get_handed_over_by (intake), ==, "border_guard");
  g_assert_cmpstr (shelter_intake_get_destination_country (intake), ==, "CN");
  g_assert_cmpstr (shelter_intake_get_trafficking_purposes (intake)[0], ==, "sexual_exploitation");
  g_assert_cmpstr (shelter_intake_get_consent_status (intake), ==, "given");
  g_assert_true (shelter_intake_get_consent_record (intake));
  g_assert_cmpuint (g_strv_length ((char **) shelter_intake_get_belongings (intake)), ==, 2);
  draft = shelter_intake_draft_load (session, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (draft);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

static gboolean
draft_kept (gpointer data)
{
  g_autoptr (GVariant) draft = shelter_intake_draft_load (data, NULL, NULL);
  return draft != NULL;
}

/* What was typed survives a lock and the window going away, comes back when asked, is
 * kept on Cancel with "Keep Draft", and goes with "Start Over". */
static void
test_intake_keeps_draft (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("draft.db", &dir);
  ShelterWindow *window = open_signed_in (path);
  ShelterSession *session = shelter_window_get_session (window);
  ShelterIntakeDialog *dialog = open_intake (window);
  g_autoptr (GVariant) draft = NULL;
  g_autoptr (GVariant) person = NULL;
  g_autoptr (GError) error = NULL;
  const char *given = NULL;

  type_in (dialog, "family_name_row", "Lò");
  type_in (dialog, "given_name_row", "Ngọc");
  /* Locked before the pause: kept at once. */
  g_assert_false (draft_kept (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_true (draft_kept (session));
  draft = shelter_intake_draft_load (session, NULL, &error);
  g_assert_no_error (error);
  person = g_variant_lookup_value (draft, "person", G_VARIANT_TYPE_VARDICT);
  g_assert_nonnull (person);
  g_assert_true (g_variant_lookup (person, "given-name", "&s", &given));
  g_assert_cmpstr (given, ==, "Ngọc");
  /* Gone with the window, as when another user signs in. */
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_signed_in (path);
  session = shelter_window_get_session (window);
  dialog = open_intake (window);
  answer ("continue");
  g_assert_cmpstr (gtk_editable_get_text (find_by_id (GTK_WIDGET (dialog), "given_name_row")),
                   ==, "Ngọc");
  g_assert_cmpstr (gtk_editable_get_text (find_by_id (GTK_WIDGET (dialog), "family_name_row")),
                   ==, "Lò");

  /* Cancel asks; Keep Draft keeps it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  answer ("keep");
  g_assert_true (wait_until (pointer_cleared, &dialog, 2000));
  g_assert_true (draft_kept (session));

  /* Start Over discards it and leaves the form empty; closing then asks nothing. */
  dialog = open_intake (window);
  answer ("start-over");
  g_assert_false (draft_kept (session));
  g_assert_cmpstr (gtk_editable_get_text (find_by_id (GTK_WIDGET (dialog), "given_name_row")),
                   ==, "");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (wait_until (pointer_cleared, &dialog, 2000));
  g_assert_false (message_dialog_shown (NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Administration › Backups › Papers and Deadlines: what the administrator sets is what the
 * centre's papers and case files use; a manager sees it but cannot change it. */
static void
test_backup_page_papers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shelter-ui-papers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "papers.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) admin = NULL;
  g_autoptr (ShelterSession) manager = NULL;
  g_autofree char *agency = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *agency_row;
  GtkWidget *days_row;
  GtkSpinButton *days_spin;

  shelter_demo_create (path, 20, 2, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  admin = shelter_accounts_sign_in (db, "quantri", "quantri-demo-2026", NULL, &error);
  g_assert_no_error (error);
  manager = shelter_accounts_sign_in (db, "giamdoc", "giamdoc-demo-2026", NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  page = g_object_new (SHELTER_TYPE_BACKUP_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  shelter_backup_page_set_session (SHELTER_BACKUP_PAGE (page), admin);
  wait_ms (300);

  /* Found by their visible labels, as in the interface's language. */
  agency_row = find_row_titled (page, _("Managing Agency"));
  days_row = find_row_titled (page, _("Case File Deadline (Working Days)"));
  g_assert_nonnull (agency_row);
  g_assert_nonnull (days_row);
  days_spin = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (days_row)));
  g_assert_nonnull (days_spin);

  /* The demo centre's agency, changed and applied; spaces around it are not kept. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agency_row)), ==, "Sở Y tế tỉnh Lào Cai");
  g_assert_true (gtk_widget_get_sensitive (agency_row));
  gtk_editable_set_text (GTK_EDITABLE (agency_row), "  Sở Y tế tỉnh Hà Giang ");
  g_signal_emit_by_name (agency_row, "apply");
  agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  g_assert_cmpstr (agency, ==, "Sở Y tế tỉnh Hà Giang");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (agency_row)), ==, "Sở Y tế tỉnh Hà Giang");

  /* Emptied: the papers print no agency. */
  gtk_editable_set_text (GTK_EDITABLE (agency_row), "");
  g_signal_emit_by_name (agency_row, "apply");
  g_clear_pointer (&agency, g_free);
  agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  g_assert_cmpstr (agency, ==, "");

  /* The deadline: 10 working days until set; saved once the spin button is left alone. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days_spin), ==, 10);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (days_spin)));
  gtk_spin_button_set_value (days_spin, 15);
  g_assert_cmpint (shelter_settings_get_int (db, SHELTER_SETTING_CASE_FILE_WORKING_DAYS, 0),
                   ==, 0);
  wait_ms (1200);
  g_assert_cmpint (shelter_settings_get_int (db, SHELTER_SETTING_CASE_FILE_WORKING_DAYS, 0),
                   ==, 15);
  /* No more than app/ accepts. */
  gtk_spin_button_set_value (days_spin, 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days_spin), ==, 60);
  wait_ms (1200);
  g_assert_cmpint (shelter_settings_get_int (db, SHELTER_SETTING_CASE_FILE_WORKING_DAYS, 0),
                   ==, 60);

  /* A manager sees both, and cannot change either. */
  shelter_backup_page_set_session (SHELTER_BACKUP_PAGE (page), manager);
  g_assert_false (gtk_widget_get_sensitive (agency_row));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (days_spin)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days_spin), ==, 60);

  shelter_backup_page_set_session (SHELTER_BACKUP_PAGE (page), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @day ("YYYY-MM-DD") is on record as a holiday named @name. */
static gboolean
holiday_stored (ShelterSession *session,
                const char     *day,
                const char     *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) holidays = shelter_holidays_list (session, 2026, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < holidays->len; i++)
    {
      ShelterHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_str_equal (holiday->day, day) && g_str_equal (holiday->name, name))
        return TRUE;
    }
  return FALSE;
}

/* Administration › Holidays: the administrator types a substitute day off as the
 * announcement gives it, sees it listed and stored, is told when it is listed already, and
 * removes it once confirmed; a manager sees the list and cannot change it. */
static void
test_admin_holidays (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("holidays.db", &dir);
  ShelterWindow *window = open_window (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) manager = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GDateTime) june_2026 = g_date_time_new_from_iso8601 ("2026-06-01T09:00:00+07:00",
                                                                  NULL);
  ShelterSession *session;
  AdwMessageDialog *dialog;
  GtkWidget *admin;
  GtkWidget *page;
  GtkWidget *date_row;
  GtkWidget *name_row;
  GtkWidget *error_label;
  GtkWidget *row;
  GtkWidget *remove_button;
  GtkWidget *button;
  GtkWidget *manager_window;
  GtkWidget *manager_page;

  sign_in (window, "quantri", "quantri-demo-2026");
  session = shelter_window_get_session (window);
  gtk_list_box_select_row (find_by_id (GTK_WIDGET (window), "sidebar_list"),
                           find_by_id (GTK_WIDGET (window), "admin_row"));
  admin = find_widget (GTK_WIDGET (window), SHELTER_TYPE_ADMIN_PAGE);
  g_assert_nonnull (admin);
  adw_view_stack_set_visible_child_name (shelter_admin_page_get_stack (SHELTER_ADMIN_PAGE (admin)),
                                         "holidays");
  wait_ms (300);
  page = find_widget (admin, SHELTER_TYPE_HOLIDAYS_PAGE);
  g_assert_nonnull (page);

  /* Found by their visible labels, as in the interface's language. */
  date_row = find_row_titled (page, _("Date (dd/mm/yyyy)"));
  name_row = find_row_titled (page, C_("holiday", "Name"));
  error_label = find_by_id (page, "error_label");
  g_assert_nonnull (date_row);
  g_assert_nonnull (name_row);
  g_assert_true (gtk_widget_get_mapped (date_row));
  g_assert_null (find_row_titled (page, "Nghỉ bù"));

  /* Added with Enter: listed with its weekday, stored, and the form is ready for the next. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "20/11/2026");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nghỉ bù");
  g_signal_emit_by_name (name_row, "entry-activated");
  wait_ms (100);
  row = find_row_titled (page, "Nghỉ bù");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "20/11/2026"));
  g_assert_true (holiday_stored (session, "2026-11-20", "Nghỉ bù"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* The same day again is refused, under the form, with the date marked. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "20/11/2026");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nghỉ bù lần hai");
  g_signal_emit_by_name (date_row, "entry-activated");
  wait_ms (100);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "20/11/2026"));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (holiday_stored (session, "2026-11-20", "Nghỉ bù lần hai"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Nghỉ bù lần hai");

  /* Removed: asked first, naming the day; then gone from the list and the database. */
  remove_button = find_type (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove_button);
  g_signal_emit_by_name (remove_button, "clicked");
  g_assert_true (wait_until (message_dialog_shown, NULL, 2000));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Remove Holiday?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nghỉ bù"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "20/11/2026"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_true (holiday_stored (session, "2026-11-20", "Nghỉ bù"));
  button = find_button_labelled (GTK_WIDGET (dialog), _("_Remove"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_ms (100);
  g_assert_false (message_dialog_shown (NULL));
  g_assert_null (find_row_titled (page, "Nghỉ bù"));
  g_assert_false (holiday_stored (session, "2026-11-20", "Nghỉ bù"));
  /* The seeded days stay. */
  g_assert_nonnull (find_row_titled (page, "Quốc khánh"));

  /* A manager reads the year's holidays: no form, no remove buttons. */
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  manager = shelter_accounts_sign_in (db, "giamdoc", "giamdoc-demo-2026", NULL, &error);
  g_assert_no_error (error);
  shelter_session_set_clock (manager, june_2026);
  manager_window = gtk_window_new ();
  manager_page = g_object_new (SHELTER_TYPE_HOLIDAYS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (manager_window), manager_page);
  gtk_window_present (GTK_WINDOW (manager_window));
  shelter_holidays_page_set_session (SHELTER_HOLIDAYS_PAGE (manager_page), manager);
  wait_ms (300);
  collect_labels (manager_page, labels);
  g_assert_nonnull (strstr (labels->str, "Quốc khánh"));
  g_assert_false (gtk_widget_get_mapped (find_row_titled (manager_page,
                                                          _("Date (dd/mm/yyyy)"))));
  row = find_row_titled (manager_page, "Quốc khánh");
  g_assert_nonnull (row);
  g_assert_null (find_type (row, GTK_TYPE_BUTTON));

  shelter_holidays_page_set_session (SHELTER_HOLIDAYS_PAGE (manager_page), NULL);
  gtk_window_destroy (GTK_WINDOW (manager_window));
  g_clear_object (&manager);
  g_clear_object (&db);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The manager's Planning section: today's beds as app/ counts them, and the chart of the
 * weeks ahead described for screen readers. Every role that may see the rooms sees it
 * (app/shelter-permissions.c), so there is no role to hide it from. */
static void
test_planning_forecast (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("planning.db", &dir);
  ShelterWindow *window = open_window (path);
  g_autofree ShelterCapacityForecast *forecast = NULL;
  g_autoptr (GString) shown = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *planning_row;
  GtkWidget *today_list;
  GtkWidget *row = NULL;
  GtkWidget *chart;
  const char *description;
  guint segment = G_MAXUINT;

  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  forecast = shelter_capacity_forecast (shelter_window_get_session (window), 12, &error);
  g_assert_no_error (error);
  /* A group of rooms with people in it. */
  for (guint i = 0; i < SHELTER_CAPACITY_N_SEGMENTS && segment == G_MAXUINT; i++)
    if (forecast->segments[i].occupied > 0)
      segment = i;
  g_assert_cmpuint (segment, <, SHELTER_CAPACITY_N_SEGMENTS);

  planning_row = find_by_id (GTK_WIDGET (window), "planning_row");
  g_assert_nonnull (planning_row);
  g_assert_true (gtk_widget_get_visible (planning_row));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (planning_row)),
                           GTK_LIST_BOX_ROW (planning_row));
  wait_ms (300);

  today_list = find_by_id (GTK_WIDGET (window), "today_list");
  g_assert_nonnull (today_list);
  g_assert_true (gtk_widget_get_mapped (today_list));
  for (GtkWidget *child = gtk_widget_get_first_child (today_list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), shelter_capacity_segment_code (segment)) == 0)
      row = child;
  g_assert_nonnull (row);
  collect_labels (row, shown);
  expected = g_strdup_printf ("%s\n%u\n%u\n%u\n%u\n", shelter_capacity_segment_label (segment),
                              forecast->segments[segment].beds,
                              forecast->segments[segment].occupied,
                              forecast->segments[segment].absent,
                              forecast->segments[segment].free);
  g_assert_true (g_str_has_prefix (shown->str, expected));
  g_assert_true ((strstr (shown->str, _("Expected over 90% of beds")) != NULL)
                 == shelter_capacity_segment_alert (forecast, segment));

  chart = find_widget (GTK_WIDGET (window), SHELTER_TYPE_FORECAST_CHART);
  g_assert_nonnull (chart);
  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  description = shelter_forecast_chart_get_description (SHELTER_FORECAST_CHART (chart));
  g_assert_nonnull (strstr (description, shelter_capacity_segment_label (segment)));
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* Stays that need a look: one row a flag of app/, or the empty row. A woman received 80
 * days ago into a room for any age nears the 90-day stay limit: her row says when she
 * reaches it, and the manager may extend her stay. */
static void
test_planning_flags (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("flags.db", &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) flags = NULL;
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new_now (vietnam);
  g_autoptr (GDateTime) admitted = g_date_time_add_days (now, -80);
  g_autoptr (GDateTime) limit = g_date_time_add_days (admitted, 90);
  g_autofree char *limit_text = g_date_time_format (limit, "%d/%m/%Y");
  g_autofree char *expected = g_strdup_printf (_("Stay limit reached on %s"), limit_text);
  g_autoptr (ShelterPerson) person = shelter_person_new ();
  g_autoptr (GString) shown = g_string_new (NULL);
  ShelterWindow *window;
  GtkWidget *planning_row;
  GtkWidget *flags_list;
  GtkWidget *her_row = NULL;
  guint rows = 0;

  {
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) operator = NULL;
    g_autoptr (ShelterRoom) room = shelter_room_new ();
    g_autoptr (ShelterIntake) intake = shelter_intake_new ();
    g_autoptr (ShelterStay) stay = NULL;
    g_autofree char *admitted_at = shelter_session_format_time (admitted);

    g_assert_no_error (error);
    operator = shelter_session_new_for_operator (db);
    shelter_room_set_code (room, "T-01");
    shelter_room_set_name (room, "T-01");
    shelter_room_set_building (room, "Nhà T");
    shelter_room_set_sex_use (room, "female");
    shelter_room_set_age_group (room, "any");
    shelter_room_set_beds (room, 2);
    shelter_room_set_area_m2 (room, 12.0);
    shelter_room_set_opened_on (room, "2020-01-01");
    g_assert_true (shelter_rooms_add (operator, room, &error));
    g_assert_no_error (error);
    shelter_person_set_family_name (person, "Giàng");
    shelter_person_set_middle_name (person, "Thị");
    shelter_person_set_given_name (person, "Mỷ");
    shelter_person_set_sex (person, "female");
    shelter_person_set_birth_date (person, "1998-05-04");
    shelter_person_set_birth_precision (person, "day");
    shelter_person_set_person_type (person, "victim");
    shelter_person_set_id_paper (person, "none");
    shelter_intake_set_handed_over_by (intake, "border_guard");
    shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
    shelter_intake_set_consent_status (intake, "given");
    stay = shelter_receive_person (operator, person, intake, shelter_room_get_id (room),
                                   admitted_at, &error);
    g_assert_no_error (error);
    g_assert_nonnull (stay);
  }

  window = open_window (path);
  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  flags = shelter_placement_flags (shelter_window_get_session (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, >, 0);

  planning_row = find_by_id (GTK_WIDGET (window), "planning_row");
  g_assert_nonnull (planning_row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (planning_row)),
                           GTK_LIST_BOX_ROW (planning_row));
  wait_ms (300);

  flags_list = find_by_id (GTK_WIDGET (window), "flags_list");
  g_assert_nonnull (flags_list);
  g_assert_true (gtk_widget_get_mapped (flags_list));
  for (GtkWidget *child = gtk_widget_get_first_child (flags_list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *person_id = g_object_get_data (G_OBJECT (child), "person-id");

      g_assert_cmpstr (gtk_widget_get_name (child), !=, "empty");
      rows++;
      if (person_id != NULL && *person_id == shelter_person_get_id (person))
        her_row = child;
    }
  g_assert_cmpuint (rows, ==, flags->len);
  g_assert_nonnull (her_row);
  g_assert_cmpstr (gtk_widget_get_name (her_row), ==, "limit_near");
  collect_labels (her_row, shown);
  g_assert_nonnull (strstr (shown->str, "Giàng Thị Mỷ"));
  g_assert_nonnull (strstr (shown->str, expected));
  g_assert_cmpstr (gtk_widget_get_name (find_type (her_row, GTK_TYPE_BUTTON)), ==, "extend_button");

  /* Extend…: the decision is required, and shown on its field. */
  {
    GtkWidget *extend;
    GtkWidget *decision_row;

    g_signal_emit_by_name (find_type (her_row, GTK_TYPE_BUTTON), "clicked");
    wait_ms (200);
    extend = find_toplevel (SHELTER_TYPE_EXTEND_DIALOG);
    g_assert_nonnull (extend);
    gtk_editable_set_text (find_by_id (extend, "until_row"), "31/12/2099");
    decision_row = find_by_id (extend, "decision_row");
    g_signal_emit_by_name (decision_row, "entry-activated");
    g_assert_true (gtk_widget_has_css_class (decision_row, "error"));
    g_assert_true (gtk_widget_get_visible (find_by_id (extend, "error_label")));
    gtk_editable_set_text (GTK_EDITABLE (decision_row), "Quyết định số 12/QĐ-TTBTXH: chờ trao trả");
    g_signal_emit_by_name (decision_row, "entry-activated");
    wait_ms (200);
    g_assert_null (find_toplevel (SHELTER_TYPE_EXTEND_DIALOG));
  }

  /* Activating her row opens her page. */
  her_row = gtk_widget_get_first_child (flags_list);
  g_signal_emit_by_name (flags_list, "row-activated", her_row);
  wait_ms (500);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The rooms board */

static GtkWidget *
find_room_tile (GtkWidget  *board,
                const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (board); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHELTER_IS_ROOM_TILE (child)
        && g_strcmp0 (shelter_room_get_code (shelter_room_tile_get_room (SHELTER_ROOM_TILE (child))),
                      code) == 0)
      return child;
  return NULL;
}

/* The Rooms section shows a tile a room, with app/'s numbers; "Free beds only" hides the
 * full rooms; activating a tile lists who is in the room. */
static void
test_rooms_board (void)
{
  /* The shared demo centre, only read: some of its rooms are full. */
  ShelterWindow *window = open_signed_in (demo_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GPtrArray) residents = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  ShelterRoomOccupancy *busy = NULL;
  ShelterRoomOccupancy *full = NULL;
  GtkWidget *rooms_row = find_by_id (GTK_WIDGET (window), "rooms_row");
  GtkWidget *page;
  GtkWidget *board;
  GtkWidget *tile;
  GtkWidget *free_only;
  GtkWidget *resident_list;
  g_autofree char *expected = NULL;
  guint tiles = 0;

  rooms = shelter_rooms_occupancy_on (shelter_window_get_session (window), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooms->len, >, 0);
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoomOccupancy *occupancy = g_ptr_array_index (rooms, i);

      if (busy == NULL && occupancy->occupied > 0 && occupancy->free > 0)
        busy = occupancy;
      if (full == NULL && occupancy->free == 0)
        full = occupancy;
    }
  g_assert_nonnull (busy);
  g_assert_nonnull (full);

  g_assert_nonnull (rooms_row);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (rooms_row)),
                           GTK_LIST_BOX_ROW (rooms_row));
  wait_ms (500);
  page = find_widget (GTK_WIDGET (window), SHELTER_TYPE_ROOMS_PAGE);
  g_assert_nonnull (page);
  board = find_by_id (page, "board");
  g_assert_nonnull (board);

  for (GtkWidget *child = gtk_widget_get_first_child (board); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHELTER_IS_ROOM_TILE (child) && gtk_widget_get_child_visible (child))
      tiles++;
  g_assert_cmpuint (tiles, ==, rooms->len);

  /* The numbers of one room, in words on its tile, beds of those away apart. */
  tile = find_room_tile (board, shelter_room_get_code (busy->room));
  g_assert_nonnull (tile);
  g_assert_cmpuint (shelter_room_tile_get_present (SHELTER_ROOM_TILE (tile)), ==,
                    busy->occupied - busy->absent);
  g_assert_cmpuint (shelter_room_tile_get_absent (SHELTER_ROOM_TILE (tile)), ==, busy->absent);
  g_assert_cmpuint (shelter_room_tile_get_free (SHELTER_ROOM_TILE (tile)), ==, busy->free);
  collect_labels (tile, labels);
  g_assert_nonnull (strstr (labels->str, shelter_room_get_code (busy->room)));
  g_assert_nonnull (strstr (labels->str, shelter_room_tile_get_summary (SHELTER_ROOM_TILE (tile))));
  expected = g_strdup_printf ("%u", busy->free);
  g_assert_nonnull (strstr (shelter_room_tile_get_summary (SHELTER_ROOM_TILE (tile)), expected));

  /* "Free beds only" hides the full rooms and keeps the others. */
  free_only = find_by_id (page, "free_only_switch");
  g_assert_nonnull (free_only);
  gtk_switch_set_active (GTK_SWITCH (free_only), TRUE);
  wait_ms (200);
  g_assert_false (gtk_widget_get_child_visible (find_room_tile (board,
                                                                shelter_room_get_code (full->room))));
  g_assert_true (gtk_widget_get_child_visible (tile));
  gtk_switch_set_active (GTK_SWITCH (free_only), FALSE);
  wait_ms (200);
  g_assert_true (gtk_widget_get_child_visible (find_room_tile (board,
                                                               shelter_room_get_code (full->room))));

  /* Activating the tile lists its residents, as app/ gives them. */
  residents = shelter_room_residents (shelter_window_get_session (window),
                                      shelter_room_get_id (busy->room), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (residents->len, ==, busy->occupied);
  g_signal_emit_by_name (tile, "activate");
  wait_ms (500);
  resident_list = find_by_id (page, "resident_list");
  g_assert_nonnull (resident_list);
  g_assert_true (gtk_widget_get_mapped (resident_list));
  g_string_truncate (labels, 0);
  collect_labels (resident_list, labels);
  for (guint i = 0; i < residents->len; i++)
    {
      ShelterRoomResident *resident = g_ptr_array_index (residents, i);

      g_assert_nonnull (strstr (labels->str,
                                shelter_resident_summary_get_full_name (resident->summary)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Family tab: a resident's relatives, one involved in the trafficking shown as such;
 * contacting him is refused in the dialog with app/'s reason, and nothing is recorded. */
static GtkWidget *
find_labelled_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_family_tab (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("family.db", &dir);
  GDate received_on;
  gint64 person_id = receive_overdue_person (path, &received_on);
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  ShelterWindow *window;
  GtkWidget *residents, *page, *button;
  AdwViewStack *stack;
  gpointer dialog = NULL;
  GtkLabel *error_label;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) operator = NULL;
    ShelterRelativeInput mother = {
      .person_id = person_id, .full_name = "Vàng Thị Pà", .relation = "mother",
      .phone = "0912345678", .may_contact = TRUE, .safety = "safe",
    };
    ShelterRelativeInput husband = {
      .person_id = person_id, .full_name = "Giàng A Tủa", .relation = "husband",
      .may_contact = FALSE, .safety = "unsafe", .involved = TRUE,
      .safety_reason = "Bán vợ qua biên giới",
    };

    g_assert_no_error (error);
    operator = shelter_session_new_for_operator (db);
    g_assert_cmpint (shelter_family_save_relative (operator, &mother, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (shelter_family_save_relative (operator, &husband, &error), >, 0);
    g_assert_no_error (error);
  }

  window = open_signed_in (path);
  residents = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENTS_PAGE);
  g_assert_nonnull (residents);
  g_signal_emit_by_name (residents, "resident-activated", person_id);
  wait_ms (500);
  page = find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE);
  g_assert_nonnull (page);
  stack = shelter_resident_page_get_stack (SHELTER_RESIDENT_PAGE (page));
  g_assert_true (adw_view_stack_page_get_visible (
    adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "family"))));
  adw_view_stack_set_visible_child_name (stack, "family");
  wait_ms (300);

  /* Both relatives, the husband's involvement in words, not colour only. */
  collect_labels (page, labels);
  g_assert_nonnull (strstr (labels->str, "Vàng Thị Pà"));
  g_assert_nonnull (strstr (labels->str, "Giàng A Tủa"));
  g_assert_nonnull (strstr (labels->str, _("Involved in the Trafficking")));
  g_assert_nonnull (strstr (labels->str, "Bán vợ qua biên giới"));
  g_assert_nonnull (strstr (labels->str, _("No contacts recorded yet")));

  /* Contacting him is refused, in the dialog, with the reason. */
  button = find_labelled_button (page, _("Record a _Contact…"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  for (guint i = 0; i < 20 && dialog == NULL; i++)
    {
      wait_ms (100);
      dialog = find_toplevel (SHELTER_TYPE_CONTACT_DIALOG);
    }
  g_assert_nonnull (dialog);
  /* "Choose…", the mother, the husband. */
  adw_combo_row_set_selected (find_by_id (GTK_WIDGET (dialog), "relative_row"), 2);
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "save_button"), "clicked");
  wait_ms (200);
  g_assert_true (find_toplevel (SHELTER_TYPE_CONTACT_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (find_by_id (GTK_WIDGET (dialog), "relative_row"),
                                           "error"));
  error_label = find_by_id (GTK_WIDGET (dialog), "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  /* The refusal names him and gives the recorded reason, in the desk's language. */
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Giàng A Tủa"));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "Bán vợ qua biên giới"));

  /* Escape closes it; nothing was recorded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_ms (200);
  g_assert_null (find_toplevel (SHELTER_TYPE_CONTACT_DIALOG));
  collect_labels (page, after);
  g_assert_nonnull (strstr (after->str, _("No contacts recorded yet")));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The discharge assistant, from the Stay tab */

static gboolean
discharge_dialog_shown (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_DISCHARGE_DIALOG) != NULL;
}

static gboolean
discharge_dialog_gone (gpointer data)
{
  return find_toplevel (SHELTER_TYPE_DISCHARGE_DIALOG) == NULL;
}

/* With SHELTER_SCREENSHOT_DIR set, saves what @widget's window shows as NAME.png there. */
static void
discharge_screenshot (GtkWidget  *widget,
                      const char *name)
{
  const char *dir = g_getenv ("SHELTER_SCREENSHOT_DIR");
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  /* SHELTER_PAUSE_AT=NAME holds the window there for ten seconds, for a11y-tree. */
  if (g_strcmp0 (g_getenv ("SHELTER_PAUSE_AT"), name) == 0)
    wait_ms (10000);
  if (dir == NULL)
    return;
  wait_ms (400);
  width = gtk_widget_get_width (GTK_WIDGET (native));
  height = gtk_widget_get_height (GTK_WIDGET (native));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (native));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}

/* Fills the first step: going home with her mother, to a commune of the first province. */
static void
discharge_fill_reason (gpointer dialog)
{
  GtkDropDown *province = find_by_id (GTK_WIDGET (dialog), "province_drop_down");
  GtkDropDown *commune = find_by_id (GTK_WIDGET (dialog), "commune_drop_down");

  /* "Choose…", then the reasons: goals reached and back to the family first. */
  choose (dialog, "reason_row", 1);
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "address_group")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "facility_group")));
  gtk_drop_down_set_selected (province, 1);
  gtk_drop_down_set_selected (commune, 1);
  type_in (dialog, "detail_row", "Thôn Sín Chải");
  /* "Another person", then her relatives: the husband judged unsafe is refused at once. */
  choose (dialog, "receiver_row", 2);
  wait_ms (50);
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog),
                                                     "receiver_warning_row")));
  choose (dialog, "receiver_row", 1);
  wait_ms (50);
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog),
                                                      "receiver_warning_row")));
}

static const char *
discharge_step (gpointer dialog)
{
  return gtk_stack_get_visible_child_name (find_by_id (GTK_WIDGET (dialog), "step_stack"));
}

static void
discharge_next (gpointer    dialog,
                const char *step)
{
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "next_button"), "clicked");
  wait_ms (300);
  if (g_strcmp0 (discharge_step (dialog), step) != 0)
    {
      g_autoptr (GString) labels = g_string_new (NULL);

      collect_labels (GTK_WIDGET (dialog), labels);
      g_test_message ("shown: %s", labels->str);
    }
  g_assert_cmpstr (discharge_step (dialog), ==, step);
}

/* A caseworker sees the checklist with items still to do and cannot discharge; a manager
 * goes on with a written reason, and the page then shows the discharge and the follow-ups
 * planned. */
static void
test_discharge_assistant (void)
{
  char *dir = NULL;
  char *path = NULL;
  gint64 person_id = stay_fixture (&path, &dir);
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  const char *to_do = shelter_enum_label (&shelter_discharge_item_state, "open");
  const char *planned = shelter_enum_label (&shelter_follow_up_status, "planned");
  g_autoptr (GArray) months = NULL;
  ShelterWindow *window;
  GtkWidget *page, *next;
  gpointer dialog;
  guint n_planned = 0;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) operator = NULL;
    ShelterRelativeInput mother = {
      .person_id = person_id, .full_name = "Vàng Thị Pà", .relation = "mother",
      .phone = "0912345678", .may_contact = TRUE, .safety = "safe",
    };
    ShelterRelativeInput husband = {
      .person_id = person_id, .full_name = "Giàng A Tủa", .relation = "husband",
      .may_contact = FALSE, .safety = "unsafe", .involved = TRUE,
      .safety_reason = "Bán vợ qua biên giới",
    };

    g_assert_no_error (error);
    operator = shelter_session_new_for_operator (db);
    g_assert_cmpint (shelter_family_save_relative (operator, &mother, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (shelter_family_save_relative (operator, &husband, &error), >, 0);
    g_assert_no_error (error);
    months = shelter_follow_up_months (db);
  }

  /* A caseworker: the checklist has items to do, and Discharge stays greyed. */
  window = open_signed_in (path);
  page = open_stay_tab (window, person_id);
  dialog = open_from_button (page, "resident.discharge", discharge_dialog_shown,
                             SHELTER_TYPE_DISCHARGE_DIALOG);
  g_assert_cmpstr (discharge_step (dialog), ==, "reason");
  discharge_fill_reason (dialog);
  discharge_screenshot (dialog, "discharge-step1");
  discharge_next (dialog, "checklist");
  collect_labels (GTK_WIDGET (dialog), labels);
  g_assert_nonnull (strstr (labels->str, to_do));
  /* A trafficking case: the police are to be informed. */
  g_assert_nonnull (strstr (labels->str, shelter_enum_label (&shelter_discharge_item, "police")));
  discharge_screenshot (dialog, "discharge-step2");
  discharge_next (dialog, "confirm");
  next = find_by_id (GTK_WIDGET (dialog), "next_button");
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "manager_label")));
  g_assert_false (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "override_row")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  answer ("discard");
  g_assert_true (wait_until (discharge_dialog_gone, NULL, 2000));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (100);

  /* A manager writes why the open items are left, and discharges. */
  window = open_window (path);
  sign_in (window, "giamdoc", "giamdoc-demo-2026");
  page = open_stay_tab (window, person_id);
  dialog = open_from_button (page, "resident.discharge", discharge_dialog_shown,
                             SHELTER_TYPE_DISCHARGE_DIALOG);
  discharge_fill_reason (dialog);
  /* A day in the future is refused on its field, on the first step. */
  type_in (dialog, "when_row", "01/01/2099 08:00");
  g_signal_emit_by_name (find_by_id (GTK_WIDGET (dialog), "next_button"), "clicked");
  wait_ms (200);
  g_assert_cmpstr (discharge_step (dialog), ==, "reason");
  g_assert_true (gtk_widget_has_css_class (find_by_id (GTK_WIDGET (dialog), "when_row"),
                                           "error"));
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "error_label")));
  type_in (dialog, "when_row", "");
  discharge_next (dialog, "checklist");
  discharge_next (dialog, "confirm");
  next = find_by_id (GTK_WIDGET (dialog), "next_button");
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (dialog), "override_row")));
  g_assert_false (gtk_widget_is_sensitive (next));
  type_in (dialog, "override_row", "Gia đình đón về ngay, công an đã được báo qua điện thoại");
  g_assert_true (gtk_widget_is_sensitive (next));
  discharge_screenshot (dialog, "discharge-step3");
  g_signal_emit_by_name (next, "clicked");
  g_assert_true (wait_until (discharge_dialog_gone, NULL, 3000));
  wait_ms (300);

  /* The page shows the discharge, its papers, and the follow-ups planned. */
  g_assert_cmpstr (adw_view_stack_page_get_title (stay_tab_of (page)), ==,
                   _("Stay and Follow-up"));
  collect_labels (page, after);
  g_assert_nonnull (strstr (after->str, "Vàng Thị Pà"));
  g_assert_nonnull (strstr (after->str, "Gia đình đón về ngay"));
  g_assert_nonnull (strstr (after->str, _("Follow-up After Discharge")));
  g_assert_nonnull (find_action_button (page, "resident.save-handover"));
  g_assert_nonnull (find_action_button (page, "resident.save-closure"));
  g_assert_null (find_action_button (page, "resident.discharge"));
  for (const char *p = strstr (after->str, planned); p != NULL; p = strstr (p + 1, planned))
    n_planned++;
  g_assert_cmpuint (n_planned, ==, months->len);
  if (g_getenv ("SHELTER_SCREENSHOT_DIR") != NULL)
    {
      /* The discharge and the follow-ups at the top of the tab. */
      GtkWidget *box = find_by_id (page, "stay_box");
      GtkWidget *scrolled = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);
      GtkWidget *group = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      graphene_point_t point;

      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1000);
      wait_ms (500);
      g_assert_true (gtk_widget_compute_point (group, box, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                point.y);
      discharge_screenshot (page, "discharge-page");
      group = gtk_widget_get_last_child (box);
      g_assert_true (gtk_widget_compute_point (group, box, &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                point.y - 200);
      discharge_screenshot (page, "discharge-page-follow-up");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The Follow-up section: a follow-up due this week with the case code and the name, a word
 * that nothing is overdue, the resident's page on activation, and "Record…" through its
 * dialog (the situation required), after which the row is gone. */
static void
test_follow_up_section (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("follow-up.db", &dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new_now (vietnam);
  g_autoptr (GDateTime) discharged = g_date_time_add_days (now, -27);
  g_autoptr (GDateTime) week = g_date_time_add_days (now, 6);
  g_autofree char *case_code = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);
  ShelterWindow *window;
  GtkWidget *section_row;
  GtkWidget *week_list;
  GtkWidget *row;
  GtkWidget *dialog;
  GDate received_on;
  gint64 person_id = receive_overdue_person (path, &received_on);

  {
    g_autoptr (ShelterDb) db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
    g_autoptr (ShelterSession) operator = shelter_session_new_for_operator (db);
    g_autoptr (ShelterStay) stay = shelter_stay_store_get_open (db, person_id, &error);
    g_autofree char *discharged_at = shelter_session_format_time (discharged);
    g_autofree char *discharged_on = g_date_time_format (discharged, "%Y-%m-%d");
    g_autofree char *until = g_date_time_format (week, "%Y-%m-%d");
    g_autoptr (GPtrArray) due = NULL;

    g_assert_nonnull (stay);
    g_assert_true (shelter_discharge_stay (operator, stay, discharged_at, "goals_reached",
                                           &error));
    g_assert_true (shelter_db_begin (db, &error));
    g_assert_true (_shelter_follow_up_schedule (operator, shelter_stay_get_id (stay),
                                                discharged_on, "canbo.lan", &error));
    g_assert_true (shelter_db_commit (db, &error));
    g_assert_no_error (error);
    due = shelter_follow_up_list_due (operator, until, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (due->len, ==, 1);
    case_code = g_strdup (((ShelterFollowUpRow *) g_ptr_array_index (due, 0))->case_code);
  }

  window = open_signed_in (path);
  section_row = find_by_id (GTK_WIDGET (window), "follow_up_row");
  g_assert_nonnull (section_row);
  g_assert_true (gtk_widget_get_visible (section_row));
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (section_row)),
                           GTK_LIST_BOX_ROW (section_row));
  wait_ms (500);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_nonnull (strstr (labels->str, case_code));
  g_assert_nonnull (strstr (labels->str, "Vàng Thị Súa"));
  g_assert_nonnull (strstr (labels->str, _("No follow-up is overdue.")));

  /* Activating the row opens her page. */
  week_list = find_by_id (GTK_WIDGET (window), "week_list");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (week_list), 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (week_list, "row-activated", row);
  wait_ms (500);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE));

  /* Back to the section: Record… asks for the situation, then records. */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (section_row)), NULL);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (section_row)),
                           GTK_LIST_BOX_ROW (section_row));
  wait_ms (500);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (week_list), 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (find_widget (row, GTK_TYPE_BUTTON), "clicked");
  wait_ms (300);
  dialog = find_toplevel (SHELTER_TYPE_FOLLOW_UP_DIALOG);
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (find_by_id (dialog, "save_button"), "clicked");
  wait_ms (200);
  g_assert_true (gtk_widget_has_css_class (find_by_id (dialog, "situation_row"), "error"));
  g_assert_true (gtk_widget_get_visible (find_by_id (dialog, "error_label")));
  /* "Stable": the test's bus has no notification service for an alert. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (dialog, "situation_row")), 1);
  g_signal_emit_by_name (find_by_id (dialog, "save_button"), "clicked");
  wait_ms (300);
  g_assert_null (find_toplevel (SHELTER_TYPE_FOLLOW_UP_DIALOG));
  collect_labels (GTK_WIDGET (window), after);
  g_assert_null (strstr (after->str, case_code));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
}

/* The Today section gathers its reminders in a worker thread: waits until they are shown
 * (its spinner stops), at most ten seconds. */
static void
wait_for_today (GtkWidget *today)
{
  GtkWidget *spinner = find_by_id (today, "today_spinner");

  g_assert_nonnull (spinner);
  for (guint i = 0; i < 100 && gtk_widget_get_visible (spinner); i++)
    wait_ms (100);
  g_assert_false (gtk_widget_get_visible (spinner));
}

/* The Today section: the first thing a caseworker sees, with the reminders of her role in
 * their groups (as many rows in each as the engine gives), the Search button, and a
 * reminder that opens the resident's page on the tab it names. */
static void
test_today_section (void)
{
  char *dir = NULL;
  char *path = new_demo_copy ("today.db", &dir);
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) labels = g_string_new (NULL);
  const char *list_ids[] = { "today_overdue_list", "today_due_list", "today_week_list" };
  guint expected[3] = { 0, 0, 0 };
  ShelterReminder *target = NULL;
  GtkListBox *target_list = NULL;
  guint target_index = 0;
  ShelterWindow *window = open_window (path);
  GtkWidget *content_stack;
  GtkWidget *today;
  GtkWidget *username_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  GtkWidget *password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);
  AdwViewStack *tabs;
  GtkListBoxRow *row;

  /* Signed in as the caseworker, by the form. */
  gtk_editable_set_text (GTK_EDITABLE (username_row), "canbo.lan");
  gtk_editable_set_text (GTK_EDITABLE (password_row), "canbo-demo-2026");
  g_signal_emit_by_name (password_row, "entry-activated");
  wait_ms (1500);
  g_assert_nonnull (shelter_window_get_session (window));

  /* Today first, first in the sidebar and shown. */
  content_stack = find_by_id (GTK_WIDGET (window), "content_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==, "today");
  today = find_widget (GTK_WIDGET (window), SHELTER_TYPE_TODAY_PAGE);
  g_assert_nonnull (today);
  wait_for_today (today);
  g_assert_true (gtk_widget_get_parent (find_by_id (GTK_WIDGET (window), "today_row")) ==
                 gtk_widget_get_parent (find_by_id (GTK_WIDGET (window), "residents_row")));
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (find_by_id (GTK_WIDGET (window),
                                                                             "today_row"))),
                   ==, 0);

  /* The reminders of a caseworker, grouped as the engine says. */
  reminders = shelter_reminders_for (shelter_window_get_session (window), NULL, "caseworker",
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reminders->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (reminders, i);
      guint group = reminder->urgency == SHELTER_REMINDER_OVERDUE ? 0
                    : reminder->urgency == SHELTER_REMINDER_TODAY ? 1 : 2;

      if (target == NULL && reminder->person_id != 0)
        {
          target = reminder;
          target_list = GTK_LIST_BOX (find_by_id (today, list_ids[group]));
          target_index = expected[group];
        }
      expected[group]++;
    }
  for (guint group = 0; group < G_N_ELEMENTS (list_ids); group++)
    {
      GtkListBox *list = GTK_LIST_BOX (find_by_id (today, list_ids[group]));
      guint n = 0;

      while (gtk_list_box_get_row_at_index (list, n) != NULL)
        n++;
      g_assert_cmpuint (n, ==, expected[group]);
    }
  collect_labels (today, labels);
  g_assert_nonnull (strstr (labels->str, _("Overdue")));
  g_assert_nonnull (strstr (labels->str, _("Due Today")));
  g_assert_nonnull (strstr (labels->str, _("Due This Week")));
  g_assert_nonnull (strstr (labels->str, _("Arrivals and Departures")));
  g_assert_nonnull (strstr (labels->str, _("Beds Today")));
  if (expected[1] == 0)
    g_assert_nonnull (strstr (labels->str, _("Nothing is due today.")));
  /* The demo centre has work for its caseworker. */
  g_assert_nonnull (target);
  g_assert_nonnull (strstr (labels->str, target->title));
  g_assert_nonnull (strstr (labels->str, target->case_code));

  if (g_getenv ("SHELTER_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1000);
      wait_ms (500);
      discharge_screenshot (GTK_WIDGET (window), "today");
      {
        /* The beds at the bottom. */
        GtkWidget *beds = find_by_id (today, "today_beds_group");
        GtkWidget *scrolled = gtk_widget_get_ancestor (beds, GTK_TYPE_SCROLLED_WINDOW);
        GtkAdjustment *adjustment =
          gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        discharge_screenshot (GTK_WIDGET (window), "today-beds");
        gtk_adjustment_set_value (adjustment, 0);
      }
    }

  /* Search goes to the residents list and its search. */
  g_signal_emit_by_name (find_by_id (today, "today_search_button"), "clicked");
  wait_ms (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==,
                   "residents");
  g_assert_true (shelter_residents_page_get_search_mode (SHELTER_RESIDENTS_PAGE (
                   find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENTS_PAGE))));

  /* Back on Today, a reminder opens the resident's page on the tab it names. */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (find_by_id (GTK_WIDGET (window),
                                                                            "today_row"))),
                           GTK_LIST_BOX_ROW (find_by_id (GTK_WIDGET (window), "today_row")));
  wait_ms (500);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==, "today");
  wait_for_today (today);
  row = gtk_list_box_get_row_at_index (target_list, target_index);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (target_list, "row-activated", row);
  wait_ms (500);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==, "resident");
  tabs = shelter_resident_page_get_stack (SHELTER_RESIDENT_PAGE (
           find_widget (GTK_WIDGET (window), SHELTER_TYPE_RESIDENT_PAGE)));
  {
    const char *tab = g_strcmp0 (target->page, "meals") == 0 ? "care" : target->page;
    GtkWidget *child = adw_view_stack_get_child_by_name (tabs, tab);

    if (child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (tabs, child)))
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, tab);
    else
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (tabs), ==, "overview");
  }
  g_string_truncate (labels, 0);
  collect_labels (GTK_WIDGET (window), labels);
  g_assert_nonnull (strstr (labels->str, target->case_code));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_demo_copy (path, dir);
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
  /* No notification server on this bus: test-notify.c tests them with one. */
  g_settings_set_string (shelter_application_get_settings (app), "notify-level", "off");

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
  g_test_add_func ("/ui/intake/receives-with-record", test_intake_receives);
  g_test_add_func ("/ui/intake/keeps-draft", test_intake_keeps_draft);
  g_test_add_func ("/ui/window/resident-case-file", test_resident_case_file);
  g_test_add_func ("/ui/resident/stay-move", test_stay_move);
  g_test_add_func ("/ui/resident/stay-move-override", test_stay_move_override);
  g_test_add_func ("/ui/resident/stay-absence", test_stay_absence);
  g_test_add_func ("/ui/resident/stay-read-only", test_stay_read_only);
  g_test_add_func ("/ui/window/ctrl-f-searches", test_ctrl_f_searches);
  g_test_add_func ("/ui/backup/papers-and-deadlines", test_backup_page_papers);
  g_test_add_func ("/ui/admin/holidays", test_admin_holidays);
  g_test_add_func ("/ui/rooms/board", test_rooms_board);
  g_test_add_func ("/ui/planning/forecast", test_planning_forecast);
  g_test_add_func ("/ui/planning/flags", test_planning_flags);
  g_test_add_func ("/ui/follow-up/section", test_follow_up_section);
  g_test_add_func ("/ui/resident/family-tab", test_family_tab);
  g_test_add_func ("/ui/resident/discharge-assistant", test_discharge_assistant);
  g_test_add_func ("/ui/today/section", test_today_section);

  status = g_test_run ();
  g_unlink (demo_path);
  g_object_unref (app);
  return status;
}
