/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-account-dialog.h"
#include "shelter-accounts.h"
#include "shelter-accounts-page.h"
#include "shelter-enums.h"
#include "shelter-password-dialog.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterAccountsPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* User name -> ShelterUser, as listed. */
  GHashTable          *users;
  /* The rows in the group, removed on reload. */
  GPtrArray           *rows;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesGroup *accounts_group;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (ShelterAccountsPage, shelter_accounts_page, ADW_TYPE_BIN)

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *action_name,
                    const char *username)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", username);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
shelter_accounts_page_create_row (ShelterAccountsPage *self,
                                  ShelterUser         *user)
{
  const char *username = shelter_user_get_username (user);
  const char *full_name = shelter_user_get_full_name (user);
  const char *role = shelter_user_get_role (user);
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_tooltip = NULL;
  g_autofree char *reset_tooltip = NULL;
  GtkWidget *row;
  GtkWidget *edit_button;

  subtitle = g_strdup_printf ("%s · %s", username,
                              role != NULL ? shelter_enum_label (&shelter_enum_role, role) : "");

  row = adw_action_row_new ();
  /* Names typed by staff are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 full_name != NULL ? full_name : username);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!shelter_user_get_active (user))
    {
      GtkWidget *tag = gtk_label_new (_("Deactivated"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "account-tag");
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_widget_add_css_class (row, "account-inactive");
    }

  /* Translators: a button's tooltip and name in the accounts list; %s is a user name. */
  reset_tooltip = g_strdup_printf (_("Reset the Password of %s"), username);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_icon_button ("dialog-password-symbolic", reset_tooltip,
                                                 "accounts.reset-password", username));

  /* Translators: a button's tooltip and name in the accounts list; %s is a user name. */
  edit_tooltip = g_strdup_printf (_("Edit the Account of %s"), username);
  edit_button = create_icon_button ("document-edit-symbolic", edit_tooltip,
                                    "accounts.edit", username);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_button);
  /* Activating the row edits the account. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit_button);

  return row;
}

static void
shelter_accounts_page_clear (ShelterAccountsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->users);
}

void
shelter_accounts_page_reload (ShelterAccountsPage *self)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHELTER_IS_ACCOUNTS_PAGE (self));

  shelter_accounts_page_clear (self);
  gtk_stack_set_visible_child_name (self->stack, "accounts");

  if (self->session == NULL)
    return;

  users = shelter_accounts_list (self->session, &error);
  if (users == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  for (guint i = 0; i < users->len; i++)
    {
      ShelterUser *user = g_ptr_array_index (users, i);
      GtkWidget *row = shelter_accounts_page_create_row (self, user);

      g_hash_table_insert (self->users, g_strdup (shelter_user_get_username (user)),
                           g_object_ref (user));
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

void
shelter_accounts_page_set_session (ShelterAccountsPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  shelter_accounts_page_reload (self);
}

static void
account_saved_cb (ShelterAccountsPage  *self,
                  ShelterUser          *user,
                  ShelterAccountDialog *dialog)
{
  g_autofree char *message = NULL;
  const char *full_name = shelter_user_get_full_name (user);

  /* Translators: a confirmation; %s is the account's full name or user name. */
  message = g_strdup_printf (_("The account of %s was saved"),
                             full_name != NULL ? full_name : shelter_user_get_username (user));
  shelter_accounts_page_reload (self);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
shelter_accounts_page_open_dialog (ShelterAccountsPage *self,
                                   ShelterUser         *user)
{
  ShelterAccountDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = shelter_account_dialog_new (self->session, user);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (account_saved_cb),
                           self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_accounts_page_new_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  shelter_accounts_page_open_dialog (SHELTER_ACCOUNTS_PAGE (widget), NULL);
}

static void
shelter_accounts_page_edit_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ShelterAccountsPage *self = SHELTER_ACCOUNTS_PAGE (widget);
  ShelterUser *user = g_hash_table_lookup (self->users, g_variant_get_string (parameter, NULL));

  if (user != NULL)
    shelter_accounts_page_open_dialog (self, user);
}

/* What the reset-password dialog needs once accepted. */
typedef struct
{
  ShelterSession *session;
  char           *username;
  GtkWidget      *page;
} ResetData;

static void
reset_data_free (gpointer data)
{
  ResetData *reset = data;

  g_clear_object (&reset->session);
  g_clear_pointer (&reset->username, g_free);
  g_clear_weak_pointer (&reset->page);
  g_free (reset);
}

static gboolean
reset_password_cb (ShelterPasswordDialog  *dialog,
                   const char             *current,
                   const char             *secret,
                   gpointer                user_data,
                   GError                **error)
{
  ResetData *reset = user_data;
  g_autofree char *message = NULL;

  if (!shelter_accounts_reset_password (reset->session, reset->username, secret, error))
    return FALSE;

  if (reset->page != NULL)
    {
      /* Translators: a confirmation; %s is a user name. */
      message = g_strdup_printf (_("The password of %s was reset"), reset->username);
      _shelter_window_show_message (reset->page, message);
    }

  return TRUE;
}

static void
shelter_accounts_page_reset_password_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  ShelterAccountsPage *self = SHELTER_ACCOUNTS_PAGE (widget);
  const char *username = g_variant_get_string (parameter, NULL);
  ShelterUser *user = g_hash_table_lookup (self->users, username);
  g_autofree char *description = NULL;
  ShelterPasswordDialog *dialog;
  ResetData *reset;

  if (self->session == NULL || user == NULL)
    return;

  /* Translators: in the reset-password dialog; the first %s is a full name, the second a
   * user name. */
  description = g_strdup_printf (_("A new password for %s (%s). Tell it to them in private: "
                                   "they can change it once signed in."),
                                 shelter_user_get_full_name (user) != NULL
                                 ? shelter_user_get_full_name (user) : username,
                                 username);

  reset = g_new0 (ResetData, 1);
  reset->session = g_object_ref (self->session);
  reset->username = g_strdup (username);
  g_set_weak_pointer (&reset->page, GTK_WIDGET (self));

  dialog = shelter_password_dialog_new (SHELTER_PASSWORD_DIALOG_RESET,
                                        _("Reset Password"), description, _("_Reset"),
                                        reset_password_cb, reset, reset_data_free);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_accounts_page_dispose (GObject *object)
{
  ShelterAccountsPage *self = SHELTER_ACCOUNTS_PAGE (object);

  /* The stack is both a template child and the bin's child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->session);
  g_clear_pointer (&self->users, g_hash_table_unref);

  G_OBJECT_CLASS (shelter_accounts_page_parent_class)->dispose (object);
}

static void
shelter_accounts_page_finalize (GObject *object)
{
  ShelterAccountsPage *self = SHELTER_ACCOUNTS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_accounts_page_parent_class)->finalize (object);
}

static void
shelter_accounts_page_class_init (ShelterAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_accounts_page_dispose;
  object_class->finalize = shelter_accounts_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterAccountsPage, error_page);

  gtk_widget_class_install_action (widget_class, "accounts.new", NULL,
                                   shelter_accounts_page_new_action);
  gtk_widget_class_install_action (widget_class, "accounts.edit", "s",
                                   shelter_accounts_page_edit_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "s",
                                   shelter_accounts_page_reset_password_action);
}

static void
shelter_accounts_page_init (ShelterAccountsPage *self)
{
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
