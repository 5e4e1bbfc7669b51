/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-password-dialog.h"
#include "shelter-ui-private.h"

/* See shelter-sign-in-page.c: lets the busy state be drawn before a slow call. */
#define ACCEPT_DELAY_MS 40

struct _ShelterPasswordDialog
{
  AdwWindow                  parent_instance;

  ShelterPasswordDialogMode  mode;
  ShelterPasswordDialogFunc  func;
  gpointer                   user_data;
  GDestroyNotify             destroy;
  guint                      accept_id;

  /* Template widgets */
  AdwWindowTitle            *window_title;
  GtkButton                 *accept_button;
  GtkLabel                  *accept_label;
  GtkSpinner                *spinner;
  GtkLabel                  *description_label;
  AdwEntryRow               *current_row;
  AdwEntryRow               *new_row;
  AdwEntryRow               *repeat_row;
  GtkLabel                  *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterPasswordDialog, shelter_password_dialog, ADW_TYPE_WINDOW)

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_empty (AdwEntryRow *row)
{
  const char *text = get_text (row);

  return text == NULL || *text == '\0';
}

static gboolean
has_current (ShelterPasswordDialog *self)
{
  return self->mode == SHELTER_PASSWORD_DIALOG_CHANGE;
}

static gboolean
has_repeat (ShelterPasswordDialog *self)
{
  return self->mode != SHELTER_PASSWORD_DIALOG_PASSPHRASE;
}

static void
shelter_password_dialog_update_button (ShelterPasswordDialog *self)
{
  gboolean ready;

  switch (self->mode)
    {
    case SHELTER_PASSWORD_DIALOG_CHANGE:
      ready = !is_empty (self->current_row) && !is_empty (self->new_row);
      break;
    case SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE:
      /* No passphrase at all is a choice: an unencrypted backup. */
      ready = TRUE;
      break;
    case SHELTER_PASSWORD_DIALOG_RESET:
    case SHELTER_PASSWORD_DIALOG_PASSPHRASE:
    default:
      ready = !is_empty (self->new_row);
      break;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->accept_button), ready && self->accept_id == 0);
}

static void
shelter_password_dialog_clear_errors (ShelterPasswordDialog *self)
{
  _shelter_ui_set_error (GTK_WIDGET (self->current_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->new_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->repeat_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_password_dialog_show_error (ShelterPasswordDialog *self,
                                    const GError          *error)
{
  AdwEntryRow *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_PASSWORD:
          /* The current password when there is one; otherwise the only one. */
          row = has_current (self) ? self->current_row : self->new_row;
          break;
        case SHELTER_FIELD_NEW_PASSWORD:
        case SHELTER_FIELD_PASSPHRASE:
          row = self->new_row;
          break;
        default:
          break;
        }
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED)
           || g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LOCKED_OUT))
    row = has_current (self) ? self->current_row : NULL;
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE))
    row = self->new_row;

  if (row != NULL)
    {
      _shelter_ui_set_error (GTK_WIDGET (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  _shelter_ui_show_message (self->error_label, error->message);
}

static void
shelter_password_dialog_set_busy (ShelterPasswordDialog *self,
                                  gboolean               busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  shelter_password_dialog_update_button (self);
}

static gboolean
shelter_password_dialog_accept_cb (gpointer user_data)
{
  ShelterPasswordDialog *self = SHELTER_PASSWORD_DIALOG (user_data);
  g_autoptr(GError) error = NULL;
  const char *current = NULL;
  const char *secret = get_text (self->new_row);

  self->accept_id = 0;
  shelter_password_dialog_set_busy (self, FALSE);

  if (has_current (self))
    current = get_text (self->current_row);
  if (self->mode == SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE && *secret == '\0')
    secret = NULL;

  if (self->func != NULL && !self->func (self, current, secret, self->user_data, &error))
    {
      shelter_password_dialog_show_error (self, error);
      return G_SOURCE_REMOVE;
    }

  _shelter_ui_clear_secret (GTK_EDITABLE (self->current_row));
  _shelter_ui_clear_secret (GTK_EDITABLE (self->new_row));
  _shelter_ui_clear_secret (GTK_EDITABLE (self->repeat_row));
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
shelter_password_dialog_accept (ShelterPasswordDialog *self)
{
  if (self->accept_id != 0 || !gtk_widget_get_sensitive (GTK_WIDGET (self->accept_button)))
    return;

  shelter_password_dialog_clear_errors (self);

  /* Typing it twice guards against a typing mistake nobody could undo: a form check, not a
   * rule of the centre. */
  if (has_repeat (self) && g_strcmp0 (get_text (self->new_row), get_text (self->repeat_row)) != 0)
    {
      _shelter_ui_set_error (GTK_WIDGET (self->repeat_row), TRUE);
      _shelter_ui_show_message (self->error_label,
                                self->mode == SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE
                                ? _("The two passphrases are not the same. Type it again in "
                                    "both fields.")
                                : _("The two passwords are not the same. Type the new "
                                    "password again in both fields."));
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return;
    }

  shelter_password_dialog_set_busy (self, TRUE);
  self->accept_id = g_timeout_add_full (G_PRIORITY_DEFAULT, ACCEPT_DELAY_MS,
                                        shelter_password_dialog_accept_cb,
                                        g_object_ref (self), g_object_unref);
  shelter_password_dialog_update_button (self);
}

static void
accept_clicked_cb (ShelterPasswordDialog *self,
                   GtkButton             *button)
{
  shelter_password_dialog_accept (self);
}

static void
row_changed_cb (ShelterPasswordDialog *self,
                GtkEditable           *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
  shelter_password_dialog_update_button (self);
}

static void
row_activated_cb (ShelterPasswordDialog *self,
                  AdwEntryRow           *row)
{
  if (row == self->current_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
  else if (row == self->new_row && self->mode == SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE
           && is_empty (self->new_row) && is_empty (self->repeat_row))
    /* Enter on nothing typed: no passphrase. */
    shelter_password_dialog_accept (self);
  else if (row == self->new_row && has_repeat (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else
    shelter_password_dialog_accept (self);
}

static void
shelter_password_dialog_set_mode (ShelterPasswordDialog     *self,
                                  ShelterPasswordDialogMode  mode)
{
  gboolean passphrase = (mode == SHELTER_PASSWORD_DIALOG_NEW_PASSPHRASE
                         || mode == SHELTER_PASSWORD_DIALOG_PASSPHRASE);

  self->mode = mode;

  gtk_widget_set_visible (GTK_WIDGET (self->current_row), has_current (self));
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), has_repeat (self));

  if (passphrase)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("Passphrase"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row),
                                     _("Repeat the Passphrase"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("New Password"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row),
                                     _("Repeat the New Password"));
    }

  shelter_password_dialog_update_button (self);
}

ShelterPasswordDialog *
shelter_password_dialog_new (ShelterPasswordDialogMode  mode,
                             const char                *title,
                             const char                *description,
                             const char                *accept_label,
                             ShelterPasswordDialogFunc  func,
                             gpointer                   user_data,
                             GDestroyNotify             destroy)
{
  ShelterPasswordDialog *self;
  g_autofree char *accessible_label = NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (accept_label != NULL, NULL);

  self = g_object_new (SHELTER_TYPE_PASSWORD_DIALOG, NULL);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;

  shelter_password_dialog_set_mode (self, mode);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');

  /* The button's name without its mnemonic underline. */
  gtk_label_set_label (self->accept_label, accept_label);
  accessible_label = g_strdup (gtk_label_get_text (self->accept_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accept_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  gtk_window_set_focus (GTK_WINDOW (self),
                        has_current (self) ? GTK_WIDGET (self->current_row)
                                           : GTK_WIDGET (self->new_row));

  return self;
}

static void
shelter_password_dialog_dispose (GObject *object)
{
  ShelterPasswordDialog *self = SHELTER_PASSWORD_DIALOG (object);

  g_clear_handle_id (&self->accept_id, g_source_remove);

  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);
  self->user_data = NULL;
  self->func = NULL;

  G_OBJECT_CLASS (shelter_password_dialog_parent_class)->dispose (object);
}

static void
shelter_password_dialog_class_init (ShelterPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_password_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, accept_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPasswordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /* Escape closes the dialog, like every dialog of the application. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_password_dialog_init (ShelterPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
