/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts.h"
#include "shelter-app-error.h"
#include "shelter-account-dialog.h"
#include "shelter-enums.h"
#include "shelter-ui-private.h"

struct _ShelterAccountDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  /* The account edited, as it was read; NULL when creating one. */
  ShelterUser         *user;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *save_label;
  AdwEntryRow         *username_row;
  AdwActionRow        *username_info_row;
  AdwEntryRow         *full_name_row;
  AdwComboRow         *role_row;
  GtkStringList       *role_list;
  AdwActionRow        *active_row;
  GtkSwitch           *active_switch;
  AdwPreferencesGroup *password_group;
  AdwEntryRow         *password_row;
  AdwEntryRow         *repeat_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterAccountDialog, shelter_account_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_creating (ShelterAccountDialog *self)
{
  return self->user == NULL;
}

static const char *
shelter_account_dialog_get_role (ShelterAccountDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= shelter_enum_role.n_values)
    return NULL;

  return shelter_enum_role.values[selected].code;
}

static void
row_changed_cb (ShelterAccountDialog *self,
                GtkEditable          *editable)
{
  gboolean ready = TRUE;

  /* Typing in a field marked wrong is correcting it. */
  if (editable != NULL)
    _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);

  if (is_creating (self))
    ready = *get_text (self->username_row) != '\0' && *get_text (self->password_row) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), ready);
}

static void
shelter_account_dialog_clear_errors (ShelterAccountDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->full_name_row),
    GTK_WIDGET (self->role_row), GTK_WIDGET (self->active_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->repeat_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_account_dialog_show_error (ShelterAccountDialog *self,
                                   const GError         *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_USERNAME:
          row = is_creating (self) ? GTK_WIDGET (self->username_row) : NULL;
          break;
        case SHELTER_FIELD_FULL_NAME:
          row = GTK_WIDGET (self->full_name_row);
          break;
        case SHELTER_FIELD_ROLE:
          row = GTK_WIDGET (self->role_row);
          break;
        case SHELTER_FIELD_PASSWORD:
        case SHELTER_FIELD_NEW_PASSWORD:
          row = GTK_WIDGET (self->password_row);
          break;
        default:
          break;
        }
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LAST_ADMINISTRATOR))
    {
      /* Demoted or deactivated: whichever changed. */
      if (!gtk_switch_get_active (self->active_switch))
        row = GTK_WIDGET (self->active_row);
      else
        row = GTK_WIDGET (self->role_row);
    }

  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_widget_grab_focus (row);
    }

  _shelter_ui_show_message (self->error_label, error->message);
}

static gboolean
shelter_account_dialog_create (ShelterAccountDialog  *self,
                               GError               **error)
{
  g_autoptr(ShelterUser) user = shelter_user_new ();

  shelter_user_set_username (user, get_text (self->username_row));
  shelter_user_set_full_name (user, get_text (self->full_name_row));
  shelter_user_set_role (user, shelter_account_dialog_get_role (self));
  shelter_user_set_active (user, TRUE);

  if (!shelter_accounts_create (self->session, user, get_text (self->password_row), error))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, user);
  return TRUE;
}

static gboolean
shelter_account_dialog_update (ShelterAccountDialog  *self,
                               GError               **error)
{
  g_autoptr(ShelterUser) user = shelter_user_new ();

  /* A copy, so that a refusal leaves the account as it was read. */
  shelter_user_set_id (user, shelter_user_get_id (self->user));
  shelter_user_set_version (user, shelter_user_get_version (self->user));
  shelter_user_set_username (user, shelter_user_get_username (self->user));
  shelter_user_set_full_name (user, get_text (self->full_name_row));
  shelter_user_set_role (user, shelter_account_dialog_get_role (self));
  shelter_user_set_active (user, gtk_switch_get_active (self->active_switch));

  if (!shelter_accounts_update (self->session, user, error))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, user);
  return TRUE;
}

static void
shelter_account_dialog_save (ShelterAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return;

  shelter_account_dialog_clear_errors (self);

  if (is_creating (self)
      && g_strcmp0 (get_text (self->password_row), get_text (self->repeat_row)) != 0)
    {
      _shelter_ui_set_error (GTK_WIDGET (self->repeat_row), TRUE);
      _shelter_ui_show_message (self->error_label,
                                _("The two passwords are not the same. Type the password "
                                  "again in both fields."));
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return;
    }

  if (is_creating (self))
    saved = shelter_account_dialog_create (self, &error);
  else
    saved = shelter_account_dialog_update (self, &error);

  if (!saved)
    {
      shelter_account_dialog_show_error (self, error);
      return;
    }

  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_clear_secret (GTK_EDITABLE (self->repeat_row));
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterAccountDialog *self,
                 GtkButton            *button)
{
  shelter_account_dialog_save (self);
}

static void
row_activated_cb (ShelterAccountDialog *self,
                  AdwEntryRow          *row)
{
  if (row == self->username_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
  else if (row == self->full_name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->role_row));
  else if (row == self->password_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else
    shelter_account_dialog_save (self);
}

static void
shelter_account_dialog_fill (ShelterAccountDialog *self)
{
  const char *role = self->user != NULL ? shelter_user_get_role (self->user) : "caseworker";
  g_autofree char *save_name = NULL;
  const char *title;
  const char *save;

  for (guint i = 0; i < shelter_enum_role.n_values; i++)
    {
      gtk_string_list_append (self->role_list,
                              shelter_enum_label (&shelter_enum_role,
                                                  shelter_enum_role.values[i].code));
      if (g_strcmp0 (role, shelter_enum_role.values[i].code) == 0)
        adw_combo_row_set_selected (self->role_row, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->username_row), is_creating (self));
  gtk_widget_set_visible (GTK_WIDGET (self->username_info_row), !is_creating (self));
  gtk_widget_set_visible (GTK_WIDGET (self->active_row), !is_creating (self));
  gtk_widget_set_visible (GTK_WIDGET (self->password_group), is_creating (self));

  if (is_creating (self))
    {
      title = _("New Account");
      save = _("C_reate");
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->username_row));
    }
  else
    {
      title = _("Edit Account");
      save = _("_Save");
      adw_action_row_set_subtitle (self->username_info_row,
                                   shelter_user_get_username (self->user));
      gtk_editable_set_text (GTK_EDITABLE (self->full_name_row),
                             shelter_user_get_full_name (self->user) != NULL
                             ? shelter_user_get_full_name (self->user) : "");
      gtk_switch_set_active (self->active_switch, shelter_user_get_active (self->user));
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->full_name_row));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_label_set_label (self->save_label, save);
  save_name = g_strdup (gtk_label_get_text (self->save_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save_name,
                                  -1);

  row_changed_cb (self, NULL);
}

ShelterAccountDialog *
shelter_account_dialog_new (ShelterSession *session,
                            ShelterUser    *user)
{
  ShelterAccountDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (user == NULL || SHELTER_IS_USER (user), NULL);

  self = g_object_new (SHELTER_TYPE_ACCOUNT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->user = user != NULL ? g_object_ref (user) : NULL;
  shelter_account_dialog_fill (self);

  return self;
}

static void
shelter_account_dialog_dispose (GObject *object)
{
  ShelterAccountDialog *self = SHELTER_ACCOUNT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (shelter_account_dialog_parent_class)->dispose (object);
}

static void
shelter_account_dialog_class_init (ShelterAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_account_dialog_dispose;

  /* The account as saved. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SHELTER_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, username_info_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, role_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, active_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_account_dialog_init (ShelterAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
