/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-window"

/* ShelterWindow, continued: the automatic backup after a session starts, and restoring a
 * backup, which closes and opens the database again. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-backup.h"
#include "shelter-settings.h"
#define SHELTER_WINDOW_INTERNALS
#include "shelter-window-private.h"

/* Long enough for the "restoring" page to be drawn before the restore blocks. */
#define RESTORE_DELAY_MS 100

static void
pending_restore_free (PendingRestore *pending)
{
  g_clear_object (&pending->session);
  g_clear_pointer (&pending->backup_path, g_free);
  g_clear_pointer (&pending->passphrase, shelter_backup_passphrase_free);
  g_free (pending);
}

/* The automatic backup */

void
_shelter_window_cancel_scheduled_backup (ShelterWindow *self)
{
  /* A frame clock disposed with its window's surface has dropped its handlers already. */
  if (self->backup_frame_clock != NULL &&
      g_signal_handler_is_connected (self->backup_frame_clock, self->backup_after_paint_id))
    g_signal_handler_disconnect (self->backup_frame_clock, self->backup_after_paint_id);
  self->backup_after_paint_id = 0;
  g_clear_object (&self->backup_frame_clock);
  g_clear_handle_id (&self->backup_idle_id, g_source_remove);
}

static gboolean
shelter_window_run_scheduled_backup_cb (gpointer user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *message = NULL;
  gboolean made = FALSE;

  self->backup_idle_id = 0;

  if (self->session == NULL || self->scheduled_backup_done)
    return G_SOURCE_REMOVE;

  /* app/ makes it for sessions that may make backups; another session's sign-in runs it
   * then. */
  if (!shelter_session_may (self->session, SHELTER_PERMISSION_BACKUP))
    return G_SOURCE_REMOVE;

  self->scheduled_backup_done = TRUE;

  fallback = shelter_backup_default_folder ();
  folder = shelter_settings_get (shelter_session_get_db (self->session),
                                 SHELTER_SETTING_BACKUP_FOLDER, fallback);

  if (!shelter_backup_run_scheduled (self->session, folder, &made, &error))
    {
      /* Never swallowed: a centre without backups must know. */
      /* Translators: %s says why, e.g. "The disk is full: …". */
      message = g_strdup_printf (_("The automatic backup failed: %s"), error->message);
      _shelter_window_show_lasting_message (self, message);
      return G_SOURCE_REMOVE;
    }

  if (made)
    _shelter_window_show_message (GTK_WIDGET (self), _("Today’s automatic backup was made"));

  return G_SOURCE_REMOVE;
}

static void
shelter_window_backup_after_paint_cb (GdkFrameClock *frame_clock,
                                      ShelterWindow *self)
{
  g_clear_signal_handler (&self->backup_after_paint_id, frame_clock);
  g_clear_object (&self->backup_frame_clock);

  if (self->backup_idle_id == 0)
    self->backup_idle_id = g_idle_add (shelter_window_run_scheduled_backup_cb, self);
}

/* After the first frame of the session: the backup blocks the main loop for a moment,
 * so the window is drawn first. */
void
_shelter_window_schedule_backup (ShelterWindow *self)
{
  GdkFrameClock *frame_clock;

  if (self->scheduled_backup_done || self->backup_idle_id != 0 || self->backup_frame_clock != NULL)
    return;

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (frame_clock == NULL)
    {
      self->backup_idle_id = g_idle_add (shelter_window_run_scheduled_backup_cb, self);
      return;
    }

  self->backup_frame_clock = g_object_ref (frame_clock);
  self->backup_after_paint_id =
    g_signal_connect (frame_clock, "after-paint",
                      G_CALLBACK (shelter_window_backup_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Restoring a backup */

static gboolean
shelter_window_restore_run_cb (gpointer user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);
  PendingRestore *pending = g_steal_pointer (&self->pending_restore);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *message = NULL;
  GObject *closed_db = NULL;
  gboolean restored;

  self->restore_id = 0;
  gtk_spinner_stop (self->busy_spinner);

  if (pending == NULL)
    return G_SOURCE_REMOVE;

  db_path = g_strdup (shelter_db_get_path (shelter_session_get_db (pending->session)));
  restored = shelter_backup_restore (pending->session, pending->backup_path,
                                     pending->passphrase, &replaced, &error);

  if (!restored)
    {
      /* Nothing was replaced: the same user goes on where they were. */
      ShelterSession *session = g_object_ref (pending->session);

      pending_restore_free (pending);
      _shelter_window_start_session (self, session);
      g_object_unref (session);

      /* Translators: %s says why. */
      message = g_strdup_printf (_("The backup was not restored: %s"), error->message);
      _shelter_window_show_lasting_message (self, message);
      return G_SOURCE_REMOVE;
    }

  /* The old connection must be closed before the restored file is opened: nothing may
   * hold the database any more. */
  g_set_weak_pointer (&closed_db, G_OBJECT (self->db));
  pending_restore_free (pending);
  _shelter_window_close_database (self);

  if (closed_db != NULL)
    {
      g_autoptr(GError) in_use = NULL;

      g_clear_weak_pointer (&closed_db);
      g_critical ("The database is still referenced after the restore");
      g_set_error (&in_use, SHELTER_DB_ERROR, SHELTER_DB_ERROR_FAILED,
                   _("The backup was restored, but the previous database is still in use. "
                     "Close Mái Ấm and start it again."));
      _shelter_window_show_error (self, in_use);
      return G_SOURCE_REMOVE;
    }

  shelter_window_open_database (self, db_path, SHELTER_DB_OPEN_DEFAULT);

  if (replaced != NULL)
    /* Translators: %s is the path of the file the replaced database was moved to. */
    message = g_strdup_printf (_("The backup was restored. The previous database was kept as "
                                 "%s"), replaced);
  else
    message = g_strdup (_("The backup was restored"));
  _shelter_window_show_lasting_message (self, message);

  return G_SOURCE_REMOVE;
}

static gboolean
shelter_window_restore_start_cb (gpointer user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);

  self->restore_id = 0;

  if (self->pending_restore == NULL)
    return G_SOURCE_REMOVE;

  /* Signed out first: the restore keeps only its own reference to the session. */
  _shelter_window_end_session (self);

  adw_status_page_set_title (self->busy_page, _("Restoring the Backup…"));
  adw_status_page_set_description (self->busy_page,
                                   _("Do not switch off the computer. Everyone will sign in "
                                     "again afterwards."));
  gtk_spinner_start (self->busy_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "busy");

  self->restore_id = g_timeout_add (RESTORE_DELAY_MS, shelter_window_restore_run_cb, self);

  return G_SOURCE_REMOVE;
}

void
_shelter_window_restore_backup (GtkWidget  *from,
                                const char *backup_path,
                                const char *passphrase)
{
  ShelterWindow *self = _shelter_window_from_widget (from);
  PendingRestore *pending;

  g_return_if_fail (backup_path != NULL);

  if (self == NULL || self->session == NULL || self->pending_restore != NULL)
    return;

  pending = g_new0 (PendingRestore, 1);
  pending->session = g_object_ref (self->session);
  pending->backup_path = g_strdup (backup_path);
  pending->passphrase = g_strdup (passphrase);
  self->pending_restore = pending;

  /* Once the dialog that asked has finished closing. */
  self->restore_id = g_idle_add (shelter_window_restore_start_cb, self);
}

void
_shelter_window_cancel_restore (ShelterWindow *self)
{
  g_clear_handle_id (&self->restore_id, g_source_remove);
  g_clear_pointer (&self->pending_restore, pending_restore_free);
}
