/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts.h"
#include "shelter-app-error.h"
#include "shelter-clock.h"
#include "shelter-settings.h"
#include "shelter-sign-in-page.h"
#include "shelter-ui-private.h"

/* Long enough for the "signing in" state to be drawn before the password hash blocks the
 * main loop for a moment. */
#define SIGN_IN_DELAY_MS 40

struct _ShelterSignInPage
{
  AdwBin               parent_instance;

  ShelterDb           *db;
  guint                sign_in_id;
  /* The user was told the clock is behind the records and pressed Sign In again. */
  gboolean             clock_warned;
  /* The window is still checking the file: a sign-in asked for meanwhile waits for it,
   * since a damaged file must not be written to. */
  gboolean             checking;
  gboolean             sign_in_pending;
  /* The demo rows, removed when another database is shown. */
  GPtrArray           *demo_rows;

  /* Template widgets */
  AdwEntryRow         *username_row;
  AdwEntryRow         *password_row;
  GtkLabel            *error_label;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;
  GtkLabel            *checking_label;
  GtkButton           *back_button;
  AdwPreferencesGroup *demo_group;
};

G_DEFINE_FINAL_TYPE (ShelterSignInPage, shelter_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNAL_SIGNED_IN,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_sign_in_page_update_button (ShelterSignInPage *self)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            self->sign_in_id == 0 && username != NULL && *username != '\0' &&
                            (self->db == NULL || !shelter_db_is_read_only (self->db)));
}

static void
shelter_sign_in_page_set_busy (ShelterSignInPage *self,
                               gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  shelter_sign_in_page_update_button (self);
}

/* A sign-in waiting for the check of the file says so: on a million residents the
 * check reads gigabytes. */
static void
shelter_sign_in_page_set_pending (ShelterSignInPage *self,
                                  gboolean           pending)
{
  self->sign_in_pending = pending;
  gtk_widget_set_visible (GTK_WIDGET (self->checking_label), pending);
  shelter_sign_in_page_set_busy (self, pending);
}

static GDateTime *
now_in_vietnam (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+07:00");

  return g_date_time_new_now (zone);
}

static gboolean
shelter_sign_in_page_sign_in_cb (gpointer user_data)
{
  ShelterSignInPage *self = SHELTER_SIGN_IN_PAGE (user_data);
  g_autoptr(ShelterSession) session = NULL;
  g_autoptr(GDateTime) now = now_in_vietnam ();
  g_autoptr(GError) error = NULL;
  const char *username;
  const char *password;

  self->sign_in_id = 0;
  shelter_sign_in_page_set_busy (self, FALSE);

  if (self->db == NULL)
    return G_SOURCE_REMOVE;

  username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  /* Before the sign-in itself is recorded with the clock's date. */
  if (!self->clock_warned && !shelter_clock_check (self->db, now, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CLOCK_BEHIND))
        {
          self->clock_warned = TRUE;
          message = g_strdup_printf ("%s %s", error->message,
                                     _("To sign in all the same, press Sign In again."));
        }
      _shelter_ui_show_message (self->error_label, message != NULL ? message : error->message);
      return G_SOURCE_REMOVE;
    }
  g_clear_error (&error);

  session = shelter_accounts_sign_in (self->db, username, password, now, &error);

  /* The password is not needed any more, whatever happened. */
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));

  if (session == NULL)
    {
      /* app/ words it: the same message for a wrong name or a wrong password, and how long
       * to wait after too many tries. */
      _shelter_ui_show_message (self->error_label, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return G_SOURCE_REMOVE;
    }

  /* Nothing of who signed in stays in the form. */
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  _shelter_ui_show_message (self->error_label, NULL);
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, session);

  return G_SOURCE_REMOVE;
}

static void
shelter_sign_in_page_sign_in (ShelterSignInPage *self)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));

  if (self->db == NULL || self->sign_in_id != 0 || shelter_db_is_read_only (self->db))
    return;

  if (username == NULL || *username == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }

  if (self->checking)
    {
      shelter_sign_in_page_set_pending (self, TRUE);
      return;
    }

  shelter_sign_in_page_set_busy (self, TRUE);
  self->sign_in_id = g_timeout_add_full (G_PRIORITY_DEFAULT, SIGN_IN_DELAY_MS,
                                         shelter_sign_in_page_sign_in_cb,
                                         g_object_ref (self), g_object_unref);
}

static void
username_activated_cb (ShelterSignInPage *self,
                       AdwEntryRow       *row)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  /* Enter in the user name goes on to the password, or signs in when it is typed. */
  if (password != NULL && *password != '\0')
    shelter_sign_in_page_sign_in (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
password_activated_cb (ShelterSignInPage *self,
                       AdwEntryRow       *row)
{
  shelter_sign_in_page_sign_in (self);
}

static void
sign_in_clicked_cb (ShelterSignInPage *self,
                    GtkButton         *button)
{
  shelter_sign_in_page_sign_in (self);
}

static void
back_clicked_cb (ShelterSignInPage *self,
                 GtkButton         *button)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
form_changed_cb (ShelterSignInPage *self,
                 GtkEditable       *editable)
{
  shelter_sign_in_page_update_button (self);
}

static void
demo_row_activated_cb (ShelterSignInPage *self,
                       AdwActionRow      *row)
{
  const char *username = g_object_get_data (G_OBJECT (row), "username");
  const char *password = g_object_get_data (G_OBJECT (row), "password");

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  _shelter_ui_show_message (self->error_label, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
}

static void
shelter_sign_in_page_clear_demo (ShelterSignInPage *self)
{
  for (guint i = 0; i < self->demo_rows->len; i++)
    adw_preferences_group_remove (self->demo_group, g_ptr_array_index (self->demo_rows, i));
  g_ptr_array_set_size (self->demo_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_group), FALSE);
}

static void
shelter_sign_in_page_fill_demo (ShelterSignInPage *self)
{
  g_autofree char *demo = NULL;
  const char * const *accounts;

  shelter_sign_in_page_clear_demo (self);

  if (self->db == NULL)
    return;

  /* Only a demo centre, whose people are made up, shows its passwords. */
  demo = shelter_settings_get (self->db, SHELTER_SETTING_DEMO, NULL);
  if (g_strcmp0 (demo, "1") != 0)
    return;

  accounts = shelter_settings_demo_accounts ();
  for (guint i = 0; accounts != NULL && accounts[i] != NULL && accounts[i + 1] != NULL; i += 2)
    {
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "go-next-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      /* Translators: under a demo account's user name on the sign-in screen. */
      subtitle = g_strdup_printf (_("Password: %s"), accounts[i + 1]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accounts[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "username", (gpointer) accounts[i]);
      g_object_set_data (G_OBJECT (row), "password", (gpointer) accounts[i + 1]);
      g_signal_connect_object (row, "activated", G_CALLBACK (demo_row_activated_cb),
                               self, G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->demo_group, row);
      g_ptr_array_add (self->demo_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->demo_group), self->demo_rows->len > 0);
}

void
shelter_sign_in_page_reset (ShelterSignInPage *self)
{
  g_return_if_fail (SHELTER_IS_SIGN_IN_PAGE (self));

  g_clear_handle_id (&self->sign_in_id, g_source_remove);
  shelter_sign_in_page_set_busy (self, FALSE);
  self->clock_warned = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_show_message (self->error_label, NULL);
  shelter_sign_in_page_update_button (self);
}

void
shelter_sign_in_page_focus (ShelterSignInPage *self)
{
  g_return_if_fail (SHELTER_IS_SIGN_IN_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}

void
shelter_sign_in_page_set_db (ShelterSignInPage *self,
                             ShelterDb         *db)
{
  g_return_if_fail (SHELTER_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (db == NULL || SHELTER_IS_DB (db));

  if (db != self->db)
    {
      self->checking = FALSE;
      shelter_sign_in_page_set_pending (self, FALSE);
    }
  g_set_object (&self->db, db);
  shelter_sign_in_page_reset (self);
  shelter_sign_in_page_fill_demo (self);

  /* Every sign-in is recorded, so a file the system lets us only read cannot be worked in:
   * say why, where the form is, before anyone tries. */
  if (db != NULL && shelter_db_is_read_only (db))
    _shelter_ui_show_message (self->error_label,
                              _("This database can only be read: the computer does not let "
                                "Mái Ấm write to the file or its folder, so nothing can be "
                                "signed in or saved. Copy it to a folder you may write to, or "
                                "ask the administrator."));
}

void
shelter_sign_in_page_set_checking (ShelterSignInPage *self,
                                   gboolean           checking)
{
  g_return_if_fail (SHELTER_IS_SIGN_IN_PAGE (self));

  self->checking = checking;
  if (!checking && self->sign_in_pending)
    {
      shelter_sign_in_page_set_pending (self, FALSE);
      shelter_sign_in_page_sign_in (self);
    }
}

gboolean
shelter_sign_in_page_get_checking (ShelterSignInPage *self)
{
  g_return_val_if_fail (SHELTER_IS_SIGN_IN_PAGE (self), FALSE);

  return self->checking;
}

void
shelter_sign_in_page_set_can_go_back (ShelterSignInPage *self,
                                      gboolean           can_go_back)
{
  g_return_if_fail (SHELTER_IS_SIGN_IN_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
}

GtkWidget *
shelter_sign_in_page_new (void)
{
  return g_object_new (SHELTER_TYPE_SIGN_IN_PAGE, NULL);
}

static void
shelter_sign_in_page_dispose (GObject *object)
{
  ShelterSignInPage *self = SHELTER_SIGN_IN_PAGE (object);

  g_clear_handle_id (&self->sign_in_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (shelter_sign_in_page_parent_class)->dispose (object);
}

static void
shelter_sign_in_page_finalize (GObject *object)
{
  ShelterSignInPage *self = SHELTER_SIGN_IN_PAGE (object);

  g_clear_pointer (&self->demo_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_sign_in_page_parent_class)->finalize (object);
}

static void
shelter_sign_in_page_class_init (ShelterSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_sign_in_page_dispose;
  object_class->finalize = shelter_sign_in_page_finalize;

  /* The new session, owned by the page until the handler takes a reference. */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SHELTER_TYPE_SESSION);
  signals[SIGNAL_BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, checking_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterSignInPage, demo_group);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
}

static void
shelter_sign_in_page_init (ShelterSignInPage *self)
{
  self->demo_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  shelter_sign_in_page_update_button (self);
}
