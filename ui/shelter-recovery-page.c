/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-recovery-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-backup.h"
#include "shelter-recovery-page.h"
#include "shelter-ui-private.h"

struct _ShelterRecoveryPage
{
  AdwBin                parent_instance;

  char                 *db_path;
  /* The backup offered: the newest found, or the one chosen by hand. */
  ShelterBackupFound   *backup;
  gboolean              chosen_by_hand;
  GCancellable         *search_cancellable;
  gboolean              restoring;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwStatusPage        *status_page;
  GtkWidget            *searching_box;
  GtkSpinner           *searching_spinner;
  AdwPreferencesGroup  *backup_group;
  AdwActionRow         *backup_row;
  AdwPasswordEntryRow  *passphrase_row;
  GtkLabel             *none_label;
  GtkLabel             *error_label;
  GtkButton            *restore_button;
  GtkSpinner           *restore_spinner;
  GtkLabel             *restore_label;
  GtkButton            *open_file_button;
  GtkButton            *other_database_button;
};

G_DEFINE_FINAL_TYPE (ShelterRecoveryPage, shelter_recovery_page, ADW_TYPE_BIN)

enum {
  SIGNAL_RESTORED,
  SIGNAL_CHOOSE_DATABASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* dd/mm/yyyy HH:MM at the centre's offset, as every time on screen. */
static char *
format_created (gint64 created_unix)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (created_unix);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  local = g_date_time_to_timezone (utc, vietnam);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static void
shelter_recovery_page_update (ShelterRecoveryPage *self)
{
  gboolean searching = self->search_cancellable != NULL;
  gboolean have = self->backup != NULL;

  gtk_widget_set_visible (self->searching_box, searching);
  gtk_spinner_set_spinning (self->searching_spinner, searching);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_group), have);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), !searching && !have);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), have);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_spinner), self->restoring);
  gtk_spinner_set_spinning (self->restore_spinner, self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), have && !self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_file_button), !self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_database_button), !self->restoring);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !self->restoring);
  if (!have)
    return;

  {
    g_autofree char *date = format_created (self->backup->created_unix);
    g_autofree char *title = NULL;
    const char *label = self->chosen_by_hand ? _("_Restore This Backup")
                                             : _("_Restore Latest Backup");

    /* Translators: the backup offered after a damaged database; %s is dd/mm/yyyy HH:MM. */
    title = g_strdup_printf (_("Made on %s"), date);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->backup_row), title);
    adw_action_row_set_subtitle (self->backup_row, self->backup->path);
    adw_preferences_group_set_title (self->backup_group,
                                     self->chosen_by_hand ? _("Chosen Backup") : _("Latest Backup"));
    gtk_label_set_label (self->restore_label, label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->restore_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    self->chosen_by_hand ? _("Restore This Backup")
                                                         : _("Restore Latest Backup"),
                                    -1);
    gtk_widget_set_visible (GTK_WIDGET (self->passphrase_row), self->backup->encrypted);
  }
}

static void
shelter_recovery_page_offer (ShelterRecoveryPage *self,
                             ShelterBackupFound  *backup,
                             gboolean             chosen_by_hand)
{
  g_clear_pointer (&self->backup, shelter_backup_found_free);
  self->backup = backup;
  self->chosen_by_hand = chosen_by_hand;
  _shelter_ui_clear_secret (GTK_EDITABLE (self->passphrase_row));
  _shelter_ui_show_message (self->error_label, NULL);
  shelter_recovery_page_update (self);
  if (backup != NULL && backup->encrypted)
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  else if (backup != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->restore_button));
}

/* Looking for backups */

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_pointer (task, shelter_backup_find_for_database (task_data),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShelterRecoveryPage *self = SHELTER_RECOVERY_PAGE (source);
  g_autoptr (GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);
  ShelterBackupFound *newest = NULL;

  /* Another database was shown since. */
  if (g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;
  g_clear_object (&self->search_cancellable);
  if (found != NULL && found->len > 0)
    newest = shelter_backup_found_copy (g_ptr_array_index (found, 0));
  /* A file chosen by hand while looking stays the one offered. */
  if (!self->chosen_by_hand)
    shelter_recovery_page_offer (self, newest, FALSE);
  else
    {
      g_clear_pointer (&newest, shelter_backup_found_free);
      shelter_recovery_page_update (self);
    }
  if (self->backup == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->open_file_button));
}

void
shelter_recovery_page_set_database (ShelterRecoveryPage *self,
                                    const char          *db_path,
                                    const char          *problem)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (SHELTER_IS_RECOVERY_PAGE (self));
  g_return_if_fail (db_path != NULL);

  g_free (self->db_path);
  self->db_path = g_strdup (db_path);
  g_clear_pointer (&self->backup, shelter_backup_found_free);
  self->chosen_by_hand = FALSE;
  _shelter_ui_clear_secret (GTK_EDITABLE (self->passphrase_row));
  _shelter_ui_show_message (self->error_label, NULL);

  /* The check's own words name the file and say it was not changed. */
  description = g_strdup_printf ("%s %s", problem,
                                 _("Restoring a backup keeps the damaged file beside it under "
                                   "another name, for the administrator."));
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->status_page, escaped);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();
  shelter_recovery_page_update (self);

  task = g_task_new (self, self->search_cancellable, find_done_cb, NULL);
  g_task_set_source_tag (task, shelter_recovery_page_set_database);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, find_thread);
}

/* Restoring */

typedef struct
{
  char *backup_path;
  char *passphrase;
  char *db_path;
  char *replaced_path;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->backup_path);
  shelter_backup_passphrase_free (data->passphrase);
  g_free (data->db_path);
  g_free (data->replaced_path);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  g_autoptr (GError) error = NULL;
  /* Nobody is signed in to a damaged database: the restore is recorded under the name the
   * computer knows, as shelterctl restore does. */
  g_autofree char *actor = g_strconcat ("os:", g_get_user_name (), NULL);

  if (shelter_backup_restore_file (data->backup_path, data->passphrase, data->db_path, actor,
                                   NULL, &data->replaced_path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShelterRecoveryPage *self = SHELTER_RECOVERY_PAGE (source);
  RestoreData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->restoring = FALSE;
  shelter_recovery_page_update (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* app/ words it: wrong passphrase, a backup that fails its checks, a full disk. The
       * damaged file is where it was. */
      g_autofree char *message =
        g_strdup_printf ("%s %s", error->message,
                         _("Nothing was changed: the damaged file is still in its place."));
      _shelter_ui_show_message (self->error_label, message);
      if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE))
        gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }
  _shelter_ui_clear_secret (GTK_EDITABLE (self->passphrase_row));
  g_signal_emit (self, signals[SIGNAL_RESTORED], 0, data->db_path, data->replaced_path);
}

static void
restore_clicked_cb (ShelterRecoveryPage *self)
{
  g_autoptr (GTask) task = NULL;
  RestoreData *data;
  const char *passphrase;

  if (self->backup == NULL || self->restoring || self->db_path == NULL)
    return;
  passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  if (self->backup->encrypted && (passphrase == NULL || *passphrase == '\0'))
    {
      _shelter_ui_show_message (self->error_label,
                                _("This backup is encrypted. Enter its passphrase."));
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return;
    }

  data = g_new0 (RestoreData, 1);
  data->backup_path = g_strdup (self->backup->path);
  data->passphrase = self->backup->encrypted ? g_strdup (passphrase) : NULL;
  data->db_path = g_strdup (self->db_path);
  _shelter_ui_show_message (self->error_label, NULL);
  self->restoring = TRUE;
  shelter_recovery_page_update (self);

  task = g_task_new (self, NULL, restore_done_cb, NULL);
  g_task_set_source_tag (task, restore_clicked_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

/* A backup file chosen by hand */

static void
chooser_response_cb (ShelterRecoveryPage  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  ShelterBackupFound *backup;

  _shelter_ui_chooser_close (&self->chooser);
  if (path == NULL)
    {
      if (error != NULL)
        _shelter_ui_show_message (self->error_label, error->message);
      return;
    }
  /* Only its header is read now; everything is checked when it is restored. */
  backup = shelter_backup_describe (path, &error);
  if (backup == NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      return;
    }
  shelter_recovery_page_offer (self, backup, TRUE);
}

static void
open_file_clicked_cb (ShelterRecoveryPage *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  _shelter_ui_chooser_close (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Mái Ấm backups"));
  gtk_file_filter_add_pattern (filter, "*" SHELTER_BACKUP_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
other_database_clicked_cb (ShelterRecoveryPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CHOOSE_DATABASE], 0);
}

GtkWidget *
shelter_recovery_page_new (void)
{
  return g_object_new (SHELTER_TYPE_RECOVERY_PAGE, NULL);
}

static void
shelter_recovery_page_dispose (GObject *object)
{
  ShelterRecoveryPage *self = SHELTER_RECOVERY_PAGE (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  _shelter_ui_chooser_close (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_RECOVERY_PAGE);

  G_OBJECT_CLASS (shelter_recovery_page_parent_class)->dispose (object);
}

static void
shelter_recovery_page_finalize (GObject *object)
{
  ShelterRecoveryPage *self = SHELTER_RECOVERY_PAGE (object);

  g_clear_pointer (&self->backup, shelter_backup_found_free);
  g_free (self->db_path);

  G_OBJECT_CLASS (shelter_recovery_page_parent_class)->finalize (object);
}

static void
shelter_recovery_page_class_init (ShelterRecoveryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_recovery_page_dispose;
  object_class->finalize = shelter_recovery_page_finalize;

  /* The database path, and the name the damaged file was kept under (may be NULL). */
  signals[SIGNAL_RESTORED] =
    g_signal_new ("restored",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_CHOOSE_DATABASE] =
    g_signal_new ("choose-database",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-recovery-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, searching_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, searching_spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, backup_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, backup_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, none_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, restore_spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, restore_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, open_file_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterRecoveryPage, other_database_button);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_database_clicked_cb);
}

static void
shelter_recovery_page_init (ShelterRecoveryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
