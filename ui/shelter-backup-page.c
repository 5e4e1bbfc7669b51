/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-backup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-backup.h"
#include "shelter-backup-page.h"
#include "shelter-password-dialog.h"
#include "shelter-settings.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* A spin button's value is saved once it has been left alone this long, so that clicking
 * from 10 to 15 is one change on record, not five. */
#define SPIN_SAVE_DELAY_MS 800

/* As app/shelter-reception.c counts when the setting is not set. */
#define CASE_FILE_WORKING_DAYS_DEFAULT 10

typedef enum
{
  CHOOSING_NOTHING,
  CHOOSING_BACKUP_DESTINATION,
  CHOOSING_RESTORE_SOURCE,
  CHOOSING_FOLDER,
} Choosing;

struct _ShelterBackupPage
{
  AdwBin                parent_instance;

  ShelterSession       *session;
  GtkFileChooserNative *chooser;
  Choosing              choosing;
  guint                 idle_save_id;
  guint                 case_file_days_save_id;
  /* Set while the page fills its fields itself. */
  gboolean              filling;
  /* Set while the managing agency holds text typed but not applied. */
  gboolean              agency_edited;

  /* Template widgets */
  GtkButton            *back_up_button;
  AdwActionRow         *last_run_row;
  GtkImage             *last_run_icon;
  AdwPreferencesGroup  *restore_group;
  AdwActionRow         *folder_row;
  GtkButton            *folder_button;
  AdwPreferencesGroup  *lock_group;
  AdwActionRow         *idle_row;
  GtkSpinButton        *idle_spin;
  AdwPreferencesGroup  *papers_group;
  AdwEntryRow          *agency_row;
  GtkSpinButton        *case_file_days_spin;
};

G_DEFINE_FINAL_TYPE (ShelterBackupPage, shelter_backup_page, ADW_TYPE_BIN)

static void
wipe_string (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

static char *
shelter_backup_page_dup_folder (ShelterBackupPage *self)
{
  g_autofree char *fallback = shelter_backup_default_folder ();

  return shelter_settings_get (shelter_session_get_db (self->session),
                               SHELTER_SETTING_BACKUP_FOLDER, fallback);
}

static void
shelter_backup_page_show_last_run (ShelterBackupPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *message = NULL;
  g_autofree char *time = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon_name;
  gboolean ok = FALSE;

  gtk_widget_remove_css_class (GTK_WIDGET (self->last_run_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->last_run_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->last_run_icon), "warning");

  if (!shelter_backup_last_run (self->session, &at, &ok, &message, &error))
    {
      if (error != NULL)
        subtitle = g_strdup (error->message);
      else
        subtitle = g_strdup (_("No backup has been made yet. Make one now, and keep it away "
                               "from this computer."));
      icon_name = "dialog-warning-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->last_run_icon), "warning");
    }
  else if (ok)
    {
      time = _shelter_ui_format_time (at);
      /* Translators: the last backup's time, e.g. "22/11/2026 09:30 · made". */
      subtitle = g_strdup_printf (_("%s · made"), time);
      icon_name = "emblem-ok-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->last_run_icon), "success");
    }
  else
    {
      time = _shelter_ui_format_time (at);
      /* Translators: the last backup's time and why it failed, e.g. "22/11/2026 09:30 ·
       * failed: The disk is full". */
      subtitle = g_strdup_printf (_("%s · failed: %s"), time,
                                  message != NULL && *message != '\0' ? message : "");
      icon_name = "dialog-error-symbolic";
      gtk_widget_add_css_class (GTK_WIDGET (self->last_run_icon), "error");
    }

  gtk_image_set_from_icon_name (self->last_run_icon, icon_name);
  adw_action_row_set_subtitle (self->last_run_row, subtitle);
}

/* Shows @agency unless the person at the desk has typed something not yet applied. */
static void
shelter_backup_page_fill_agency (ShelterBackupPage *self,
                                 const char        *agency)
{
  if (self->agency_edited)
    return;

  gtk_widget_remove_css_class (GTK_WIDGET (self->agency_row), "error");
  /* Setting the same text again would count as an edit while the row has the focus. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->agency_row)), agency) == 0)
    return;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->agency_row), agency);
  self->filling = FALSE;
}

void
shelter_backup_page_reload (ShelterBackupPage *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *agency = NULL;
  ShelterDb *db;
  gboolean may_edit_settings;

  g_return_if_fail (SHELTER_IS_BACKUP_PAGE (self));

  if (self->session == NULL)
    {
      adw_action_row_set_subtitle (self->last_run_row, "");
      adw_action_row_set_subtitle (self->folder_row, "");
      gtk_image_clear (self->last_run_icon);
      self->agency_edited = FALSE;
      shelter_backup_page_fill_agency (self, "");
      return;
    }

  db = shelter_session_get_db (self->session);
  may_edit_settings = shelter_session_may (self->session, SHELTER_PERMISSION_EDIT_SETTINGS);

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button),
                            shelter_session_may (self->session, SHELTER_PERMISSION_BACKUP));
  shelter_backup_page_show_last_run (self);

  gtk_widget_set_visible (GTK_WIDGET (self->restore_group),
                          shelter_session_may (self->session, SHELTER_PERMISSION_RESTORE));

  folder = shelter_backup_page_dup_folder (self);
  adw_action_row_set_subtitle (self->folder_row, folder);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_button), may_edit_settings);

  self->filling = TRUE;
  gtk_spin_button_set_value (self->idle_spin,
                             shelter_settings_get_int (db, SHELTER_SETTING_IDLE_LOCK_MINUTES,
                                                       10));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), may_edit_settings);

  agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, "");
  shelter_backup_page_fill_agency (self, agency);
  gtk_widget_set_sensitive (GTK_WIDGET (self->agency_row), may_edit_settings);

  self->filling = TRUE;
  gtk_spin_button_set_value (self->case_file_days_spin,
                             shelter_settings_get_int (db, SHELTER_SETTING_CASE_FILE_WORKING_DAYS,
                                                       CASE_FILE_WORKING_DAYS_DEFAULT));
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->case_file_days_spin), may_edit_settings);
}

/* The idle lock */

static gboolean
shelter_backup_page_save_idle_cb (gpointer user_data)
{
  ShelterBackupPage *self = SHELTER_BACKUP_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  int minutes = gtk_spin_button_get_value_as_int (self->idle_spin);

  self->idle_save_id = 0;

  if (self->session == NULL)
    return G_SOURCE_REMOVE;

  value = g_strdup_printf ("%d", minutes);
  if (!shelter_settings_set (self->session, SHELTER_SETTING_IDLE_LOCK_MINUTES, value, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      shelter_backup_page_reload (self);
      return G_SOURCE_REMOVE;
    }

  _shelter_window_idle_setting_changed (GTK_WIDGET (self));
  message = g_strdup_printf (ngettext ("The window now locks after %d minute without use",
                                       "The window now locks after %d minutes without use",
                                       minutes),
                             minutes);
  _shelter_window_show_message (GTK_WIDGET (self), message);

  return G_SOURCE_REMOVE;
}

/* Saves a change of the idle lock that is still waiting. */
static void
shelter_backup_page_flush_idle (ShelterBackupPage *self)
{
  if (self->idle_save_id == 0)
    return;

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  shelter_backup_page_save_idle_cb (self);
}

static void
idle_value_changed_cb (ShelterBackupPage *self,
                       GtkSpinButton     *spin)
{
  if (self->filling || self->session == NULL)
    return;

  g_clear_handle_id (&self->idle_save_id, g_source_remove);
  self->idle_save_id = g_timeout_add (SPIN_SAVE_DELAY_MS, shelter_backup_page_save_idle_cb, self);
}

/* The managing agency */

static void
agency_changed_cb (ShelterBackupPage *self,
                   GtkEditable       *editable)
{
  if (self->filling)
    return;

  self->agency_edited = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->agency_row), "error");
}

static void
agency_apply_cb (ShelterBackupPage *self,
                 AdwEntryRow       *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *message = NULL;

  if (self->session == NULL)
    return;

  /* One line on the papers: no line breaks or tabs, no spaces around it. */
  agency = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_strstrip (g_strdelimit (agency, "\t\r\n", ' '));

  stored = shelter_settings_get (shelter_session_get_db (self->session),
                                 SHELTER_SETTING_MANAGING_AGENCY, "");
  if (g_str_equal (agency, stored))
    {
      self->agency_edited = FALSE;
      shelter_backup_page_fill_agency (self, stored);
      return;
    }

  if (!shelter_settings_set (self->session, SHELTER_SETTING_MANAGING_AGENCY, agency, &error))
    {
      /* The text stays as typed, to be corrected. */
      gtk_widget_add_css_class (GTK_WIDGET (self->agency_row), "error");
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  self->agency_edited = FALSE;
  shelter_backup_page_fill_agency (self, agency);

  if (*agency == '\0')
    message = g_strdup (_("The centre’s papers no longer show a managing agency"));
  else
    /* Translators: %s is the managing agency, e.g. "Sở Y tế tỉnh Lào Cai". */
    message = g_strdup_printf (_("The centre’s papers now show “%s” as the managing agency"),
                               agency);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

/* The case file deadline */

static gboolean
shelter_backup_page_save_case_file_days_cb (gpointer user_data)
{
  ShelterBackupPage *self = SHELTER_BACKUP_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  int days = gtk_spin_button_get_value_as_int (self->case_file_days_spin);

  self->case_file_days_save_id = 0;

  if (self->session == NULL)
    return G_SOURCE_REMOVE;

  value = g_strdup_printf ("%d", days);
  if (!shelter_settings_set (self->session, SHELTER_SETTING_CASE_FILE_WORKING_DAYS, value,
                             &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      shelter_backup_page_reload (self);
      return G_SOURCE_REMOVE;
    }

  /* Translators: a toast. The deadline is counted whenever a case file is shown, so it
   * changes for the case files already open too. */
  message = g_strdup_printf (ngettext ("Case files are now due %d working day after reception",
                                       "Case files are now due %d working days after reception",
                                       days),
                             days);
  _shelter_window_show_message (GTK_WIDGET (self), message);

  return G_SOURCE_REMOVE;
}

/* Saves a change of the case file deadline that is still waiting. */
static void
shelter_backup_page_flush_case_file_days (ShelterBackupPage *self)
{
  if (self->case_file_days_save_id == 0)
    return;

  g_clear_handle_id (&self->case_file_days_save_id, g_source_remove);
  shelter_backup_page_save_case_file_days_cb (self);
}

static void
case_file_days_value_changed_cb (ShelterBackupPage *self,
                                 GtkSpinButton     *spin)
{
  if (self->filling || self->session == NULL)
    return;

  g_clear_handle_id (&self->case_file_days_save_id, g_source_remove);
  self->case_file_days_save_id = g_timeout_add (SPIN_SAVE_DELAY_MS,
                                                shelter_backup_page_save_case_file_days_cb,
                                                self);
}

/* What the passphrase dialogs need once accepted. */
typedef struct
{
  ShelterSession    *session;
  GtkWidget         *page;
  char              *path;
  ShelterBackupInfo  info;
  char              *passphrase;
} BackupData;

static BackupData *
backup_data_new (ShelterBackupPage *self,
                 const char        *path)
{
  BackupData *data = g_new0 (BackupData, 1);

  data->session = g_object_ref (self->session);
  data->path = g_strdup (path);
  g_set_weak_pointer (&data->page, GTK_WIDGET (self));

  return data;
}

static void
backup_data_free (gpointer user_data)
{
  BackupData *data = user_data;

  g_clear_object (&data->session);
  g_clear_weak_pointer (&data->page);
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->passphrase, wipe_string);
  g_free (data);
}

/* Back up now */

static gboolean
create_backup_cb (ShelterPasswordDialog  *dialog,
                  const char             *current,
                  const char             *secret,
                  gpointer                user_data,
                  GError                **error)
{
  BackupData *data = user_data;
  g_autofree char *message = NULL;
  gboolean created;

  created = shelter_backup_create (data->session, data->path, secret, error);

  /* Made or not, the run is on record: the last backup shows it. */
  if (data->page != NULL)
    shelter_backup_page_reload (SHELTER_BACKUP_PAGE (data->page));

  if (!created)
    return FALSE;

  if (data->page != NULL)
    {
      /* Translators: %s is the path of the backup file. */
      message = g_strdup_printf (_("The backup was saved to %s"), data->path);
      _shelter_window_show_message (data->page, message);
    }

  return TRUE;
}

static void
shelter_backup_page_ask_backup_passphrase (ShelterBackupPage *self,
                                           const char        *path)
{
  ShelterPasswordDialog *dialog;

  dialog = shelter_password_dialog_new (SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE,
                                        _("Back Up"),
                                        _("A passphrase encrypts the backup: without it, nobody "
                                          "can read the backup, and nobody can restore it "
                                          "either. Keep it apart from the backup. Leave both "
                                          "fields empty for a backup that is not encrypted."),
                                        _("_Back Up"),
                                        create_backup_cb, backup_data_new (self, path),
                                        backup_data_free);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Restore */

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  BackupData *data = user_data;

  if (g_strcmp0 (response, "restore") != 0 || data->page == NULL)
    return;

  _shelter_window_restore_backup (data->page, data->path, data->passphrase);
}

static void
shelter_backup_page_confirm_restore (GtkWidget  *page,
                                     BackupData *data)
{
  g_autoptr(GDateTime) created_utc = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+07:00");
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  created_utc = g_date_time_new_from_unix_utc (data->info.created_unix);
  if (created_utc != NULL)
    created = g_date_time_to_timezone (created_utc, zone);
  if (created != NULL)
    when = g_date_time_format (created, "%d/%m/%Y %H:%M");

  /* Translators: the body of the dialog that confirms a restore; the first %s is the
   * backup's date and time, %d its data version, the last %s whether it is encrypted. */
  body = g_strdup_printf (_("This backup was made on %s (data version %d, %s).\n\n"
                            "All the centre’s data will be replaced by the backup’s: what was "
                            "entered since then will not be in it. The current database is not "
                            "deleted: it is kept aside in the same folder, and its name is "
                            "shown once the backup is restored.\n\n"
                            "Everyone is signed out and must sign in again."),
                          when != NULL ? when : "—", data->info.schema_version,
                          data->info.encrypted ? _("encrypted") : _("not encrypted"));

  dialog = adw_message_dialog_new (NULL, _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The data goes with the dialog. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_response_cb),
                         data, (GClosureNotify) (void (*) (void)) backup_data_free, 0);
  _shelter_window_present_dialog (page, GTK_WINDOW (dialog));
}

static void
shelter_backup_page_show_unusable (GtkWidget    *page,
                                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("This Backup Cannot Be Restored"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  _shelter_window_present_dialog (page, GTK_WINDOW (dialog));
}

static gboolean
verify_with_passphrase_cb (ShelterPasswordDialog  *dialog,
                           const char             *current,
                           const char             *secret,
                           gpointer                user_data,
                           GError                **error)
{
  BackupData *data = user_data;
  BackupData *confirmed;

  if (!shelter_backup_verify (data->path, secret, &data->info, error))
    return FALSE;

  if (data->page == NULL || data->session == NULL)
    return TRUE;

  /* The confirmation gets its own copy: this dialog's data goes when it closes. */
  confirmed = backup_data_new (SHELTER_BACKUP_PAGE (data->page), data->path);
  confirmed->info = data->info;
  confirmed->passphrase = g_strdup (secret);
  shelter_backup_page_confirm_restore (data->page, confirmed);

  return TRUE;
}

static void
shelter_backup_page_verify_backup (ShelterBackupPage *self,
                                   const char        *path)
{
  g_autoptr(GError) error = NULL;
  BackupData *data = backup_data_new (self, path);
  ShelterPasswordDialog *dialog;

  if (shelter_backup_verify (path, NULL, &data->info, &error))
    {
      shelter_backup_page_confirm_restore (GTK_WIDGET (self), data);
      return;
    }

  if (!g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE))
    {
      shelter_backup_page_show_unusable (GTK_WIDGET (self), error);
      backup_data_free (data);
      return;
    }

  dialog = shelter_password_dialog_new (SHELTER_PASSWORD_DIALOG_PASSPHRASE,
                                        _("Encrypted Backup"),
                                        _("This backup is encrypted. Type the passphrase it was "
                                          "made with."),
                                        _("C_ontinue"),
                                        verify_with_passphrase_cb, data, backup_data_free);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* The backup folder */

static void
shelter_backup_page_set_folder (ShelterBackupPage *self,
                                const char        *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!shelter_settings_set (self->session, SHELTER_SETTING_BACKUP_FOLDER, folder, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  shelter_backup_page_reload (self);
  /* Translators: %s is a folder's path. */
  message = g_strdup_printf (_("Automatic backups now go to %s"), folder);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

/* The file choosers */

static void
chooser_response_cb (ShelterBackupPage    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  Choosing choosing = self->choosing;

  self->choosing = CHOOSING_NOTHING;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path == NULL || self->session == NULL)
    return;

  switch (choosing)
    {
    case CHOOSING_BACKUP_DESTINATION:
      if (!g_str_has_suffix (path, SHELTER_BACKUP_EXTENSION))
        {
          char *with_extension = g_strconcat (path, SHELTER_BACKUP_EXTENSION, NULL);

          g_free (path);
          path = with_extension;
        }
      shelter_backup_page_ask_backup_passphrase (self, path);
      break;

    case CHOOSING_RESTORE_SOURCE:
      shelter_backup_page_verify_backup (self, path);
      break;

    case CHOOSING_FOLDER:
      shelter_backup_page_set_folder (self, path);
      break;

    case CHOOSING_NOTHING:
    default:
      break;
    }
}

static void
shelter_backup_page_add_backup_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Mái Ấm backups"));
  gtk_file_filter_add_pattern (filter, "*" SHELTER_BACKUP_EXTENSION);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
shelter_backup_page_choose (ShelterBackupPage    *self,
                            Choosing              choosing,
                            GtkFileChooserAction  action,
                            const char           *title,
                            const char           *accept_label)
{
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->choosing = choosing;
  self->chooser = gtk_file_chooser_native_new (title, NULL, action, accept_label, _("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
back_up_clicked_cb (ShelterBackupPage *self,
                    GtkButton         *button)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;

  if (self->session == NULL)
    return;

  shelter_backup_page_choose (self, CHOOSING_BACKUP_DESTINATION, GTK_FILE_CHOOSER_ACTION_SAVE,
                              _("Save the Backup"), _("_Save"));

  now = shelter_session_now (self->session);
  name = g_date_time_format (now, "shelter-%Y%m%d-%H%M" SHELTER_BACKUP_EXTENSION);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  shelter_backup_page_add_backup_filter (GTK_FILE_CHOOSER (self->chooser));

  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

static void
restore_clicked_cb (ShelterBackupPage *self,
                    GtkButton         *button)
{
  GtkFileFilter *filter;

  if (self->session == NULL)
    return;

  shelter_backup_page_choose (self, CHOOSING_RESTORE_SOURCE, GTK_FILE_CHOOSER_ACTION_OPEN,
                              _("Choose a Backup to Restore"), _("_Open"));
  shelter_backup_page_add_backup_filter (GTK_FILE_CHOOSER (self->chooser));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

static void
change_folder_clicked_cb (ShelterBackupPage *self,
                          GtkButton         *button)
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->session == NULL)
    return;

  shelter_backup_page_choose (self, CHOOSING_FOLDER, GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                              _("Choose the Folder for Automatic Backups"), _("_Select"));

  folder = shelter_backup_page_dup_folder (self);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }

  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

void
shelter_backup_page_set_session (ShelterBackupPage *self,
                                 ShelterSession    *session)
{
  g_return_if_fail (SHELTER_IS_BACKUP_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  /* A change typed by the previous user is theirs: saved as them. A managing agency typed
   * but not applied is not a change: it goes. */
  shelter_backup_page_flush_idle (self);
  shelter_backup_page_flush_case_file_days (self);
  self->agency_edited = FALSE;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->choosing = CHOOSING_NOTHING;

  g_set_object (&self->session, session);
  shelter_backup_page_reload (self);
}

static void
shelter_backup_page_dispose (GObject *object)
{
  ShelterBackupPage *self = SHELTER_BACKUP_PAGE (object);

  shelter_backup_page_flush_idle (self);
  shelter_backup_page_flush_case_file_days (self);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_BACKUP_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_backup_page_parent_class)->dispose (object);
}

static void
shelter_backup_page_class_init (ShelterBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_backup_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, last_run_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, last_run_icon);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, restore_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, folder_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, lock_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, idle_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, papers_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, agency_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterBackupPage, case_file_days_spin);
  gtk_widget_class_bind_template_callback (widget_class, back_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_folder_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, idle_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, agency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, agency_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_file_days_value_changed_cb);
}

static void
shelter_backup_page_init (ShelterBackupPage *self)
{
  GtkEditable *agency_text;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* As app/ accepts; the row itself has no such property. */
  agency_text = gtk_editable_get_delegate (GTK_EDITABLE (self->agency_row));
  if (GTK_IS_TEXT (agency_text))
    gtk_text_set_max_length (GTK_TEXT (agency_text), 200);

  /* The row has no subtitle: the group's description says what it is for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agency_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  adw_preferences_group_get_description (self->papers_group),
                                  -1);
}
