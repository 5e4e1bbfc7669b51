/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-lock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts.h"
#include "shelter-lock-page.h"
#include "shelter-ui-private.h"

/* See shelter-sign-in-page.c. */
#define UNLOCK_DELAY_MS 40

struct _ShelterLockPage
{
  AdwBin          parent_instance;

  ShelterSession *session;
  guint           unlock_id;

  /* Template widgets */
  GtkLabel       *user_label;
  AdwEntryRow    *password_row;
  GtkLabel       *error_label;
  GtkButton      *unlock_button;
  GtkSpinner     *spinner;
  GtkButton      *switch_user_button;
};

G_DEFINE_FINAL_TYPE (ShelterLockPage, shelter_lock_page, ADW_TYPE_BIN)

enum {
  SIGNAL_UNLOCKED,
  SIGNAL_SWITCH_USER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_lock_page_update_button (ShelterLockPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            self->session != NULL && self->unlock_id == 0
                            && password != NULL && *password != '\0');
}

static void
shelter_lock_page_set_busy (ShelterLockPage *self,
                            gboolean         busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->switch_user_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  shelter_lock_page_update_button (self);
}

static gboolean
shelter_lock_page_unlock_cb (gpointer user_data)
{
  ShelterLockPage *self = SHELTER_LOCK_PAGE (user_data);
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  self->unlock_id = 0;
  shelter_lock_page_set_busy (self, FALSE);

  if (self->session == NULL)
    return G_SOURCE_REMOVE;

  unlocked = shelter_accounts_unlock (self->session,
                                      gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                      &error);
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));

  if (!unlocked)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return G_SOURCE_REMOVE;
    }

  _shelter_ui_show_message (self->error_label, NULL);
  g_signal_emit (self, signals[SIGNAL_UNLOCKED], 0);

  return G_SOURCE_REMOVE;
}

static void
shelter_lock_page_unlock (ShelterLockPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->session == NULL || self->unlock_id != 0 || password == NULL || *password == '\0')
    return;

  shelter_lock_page_set_busy (self, TRUE);
  self->unlock_id = g_timeout_add_full (G_PRIORITY_DEFAULT, UNLOCK_DELAY_MS,
                                        shelter_lock_page_unlock_cb,
                                        g_object_ref (self), g_object_unref);
}

static void
password_activated_cb (ShelterLockPage *self,
                       AdwEntryRow     *row)
{
  shelter_lock_page_unlock (self);
}

static void
password_changed_cb (ShelterLockPage *self,
                     GtkEditable     *editable)
{
  shelter_lock_page_update_button (self);
}

static void
unlock_clicked_cb (ShelterLockPage *self,
                   GtkButton       *button)
{
  shelter_lock_page_unlock (self);
}

static void
switch_user_clicked_cb (ShelterLockPage *self,
                        GtkButton       *button)
{
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_show_message (self->error_label, NULL);
  g_signal_emit (self, signals[SIGNAL_SWITCH_USER], 0);
}

void
shelter_lock_page_reset (ShelterLockPage *self)
{
  g_return_if_fail (SHELTER_IS_LOCK_PAGE (self));

  g_clear_handle_id (&self->unlock_id, g_source_remove);
  shelter_lock_page_set_busy (self, FALSE);
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_show_message (self->error_label, NULL);
}

void
shelter_lock_page_focus (ShelterLockPage *self)
{
  g_return_if_fail (SHELTER_IS_LOCK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

void
shelter_lock_page_set_session (ShelterLockPage *self,
                               ShelterSession  *session)
{
  g_autofree char *text = NULL;
  ShelterUser *user = NULL;

  g_return_if_fail (SHELTER_IS_LOCK_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  g_set_object (&self->session, session);

  if (session != NULL)
    user = shelter_session_get_user (session);

  if (user != NULL)
    {
      const char *full_name = shelter_user_get_full_name (user);
      const char *username = shelter_user_get_username (user);

      /* Translators: on the lock screen: the full name and the user name of whoever locked
       * the window, e.g. "Nguyễn Thị Lan (lan.nt) is signed in. Enter the password to
       * unlock." */
      text = g_strdup_printf (_("%s (%s) is signed in. Enter the password to unlock."),
                              full_name != NULL ? full_name : username, username);
    }

  gtk_label_set_label (self->user_label, text != NULL ? text : "");
  shelter_lock_page_reset (self);
}

GtkWidget *
shelter_lock_page_new (void)
{
  return g_object_new (SHELTER_TYPE_LOCK_PAGE, NULL);
}

static void
shelter_lock_page_dispose (GObject *object)
{
  ShelterLockPage *self = SHELTER_LOCK_PAGE (object);

  g_clear_handle_id (&self->unlock_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_LOCK_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_lock_page_parent_class)->dispose (object);
}

static void
shelter_lock_page_class_init (ShelterLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_lock_page_dispose;

  signals[SIGNAL_UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_SWITCH_USER] =
    g_signal_new ("switch-user",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, user_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterLockPage, switch_user_button);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_user_clicked_cb);
}

static void
shelter_lock_page_init (ShelterLockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
