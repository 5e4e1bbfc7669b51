/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-centre-profile.h"
#include "shelter-residents-page.h"
#include "shelter-rooms-page.h"
#include "shelter-session.h"
#include "shelter-window.h"
#include "shelter-ui-private.h"

#define SHELTER_PRODUCT_NAME "Mái Ấm"

struct _ShelterWindow
{
  AdwApplicationWindow  parent_instance;

  ShelterSession       *session;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkButton            *choose_file_button;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *residents_row;
  GtkListBoxRow        *rooms_row;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkToggleButton      *search_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  ShelterResidentsPage *residents_page;
  ShelterRoomsPage     *rooms_page;
};

G_DEFINE_FINAL_TYPE (ShelterWindow, shelter_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
shelter_window_get_settings (ShelterWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!SHELTER_IS_APPLICATION (application))
    return NULL;

  return shelter_application_get_settings (SHELTER_APPLICATION (application));
}

static void
shelter_window_show_section (ShelterWindow *self,
                             GtkListBoxRow *row)
{
  gboolean residents = (row == self->residents_row);

  if (residents)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "residents");
      adw_window_title_set_title (self->content_title, _("Residents"));
    }
  else if (row == self->rooms_row)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "rooms");
      adw_window_title_set_title (self->content_title, _("Rooms"));
      shelter_rooms_page_reload (self->rooms_page);
    }
  else
    return;

  /* The search belongs to the residents list. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), residents);
}

static void
sidebar_row_selected_cb (ShelterWindow *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  if (row != NULL)
    shelter_window_show_section (self, row);
}

static void
sidebar_row_activated_cb (ShelterWindow *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  /* On a narrow window the sidebar and the content are two pages. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
back_clicked_cb (ShelterWindow *self,
                 GtkButton     *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
shelter_window_set_title_from_centre (ShelterWindow *self)
{
  g_autoptr(ShelterCentre) centre = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;

  centre = shelter_centre_profile_get (self->session, &error);
  if (error != NULL)
    g_debug ("No centre profile: %s", error->message);
  if (centre != NULL)
    name = shelter_centre_get_name (centre);

  if (name != NULL && *name != '\0')
    {
      gtk_window_set_title (GTK_WINDOW (self), name);
      adw_window_title_set_subtitle (self->content_title, name);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
}

static void
shelter_window_show_error (ShelterWindow *self,
                           const GError  *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  g_clear_object (&self->session);
  shelter_residents_page_set_session (self->residents_page, NULL);
  shelter_rooms_page_set_session (self->rooms_page, NULL);

  gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_file_button));
}

void
shelter_window_open_database (ShelterWindow      *self,
                              const char         *path,
                              ShelterDbOpenFlags  flags)
{
  g_autoptr(ShelterDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;
  gboolean may_see_residents;
  gboolean may_see_rooms;

  g_return_if_fail (SHELTER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  db = shelter_db_open (path, flags, &error);
  if (db == NULL)
    {
      /* The message is already a sentence for the caseworker. */
      shelter_window_show_error (self, error);
      return;
    }

  /* The sign-in screen comes later: until then the desktop application acts as the
   * operating-system user, like shelterctl. */
  g_clear_object (&self->session);
  self->session = shelter_session_new_for_operator (db);

  settings = shelter_window_get_settings (self);
  if (settings != NULL)
    g_settings_set_string (settings, "last-database", shelter_db_get_path (db));

  shelter_window_set_title_from_centre (self);

  /* Only the sections the session may see; app/ would refuse the others anyway. */
  may_see_residents = shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_RESIDENTS);
  may_see_rooms = shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_ROOMS);
  gtk_widget_set_visible (GTK_WIDGET (self->residents_row), may_see_residents);
  gtk_widget_set_visible (GTK_WIDGET (self->rooms_row), may_see_rooms);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", may_see_residents);

  shelter_residents_page_set_session (self->residents_page,
                                      may_see_residents ? self->session : NULL);
  shelter_rooms_page_set_session (self->rooms_page, may_see_rooms ? self->session : NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "main");

  if (may_see_residents)
    gtk_list_box_select_row (self->sidebar_list, self->residents_row);
  else if (may_see_rooms)
    gtk_list_box_select_row (self->sidebar_list, self->rooms_row);

  shelter_window_show_section (self, gtk_list_box_get_selected_row (self->sidebar_list));
}

static void
shelter_window_chooser_response_cb (ShelterWindow        *self,
                                    int                   response,
                                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  g_clear_object (&self->chooser);

  /* A file chosen by hand is opened as it is: never created when missing. */
  if (path != NULL)
    shelter_window_open_database (self, path, SHELTER_DB_OPEN_DEFAULT);
}

static void
choose_file_clicked_cb (ShelterWindow *self,
                        GtkButton     *button)
{
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Open a Database"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Mái Ấm databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (shelter_window_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
shelter_window_search_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ShelterWindow *self = SHELTER_WINDOW (widget);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->residents_row)))
    return;

  gtk_list_box_select_row (self->sidebar_list, self->residents_row);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  shelter_residents_page_focus_search (self->residents_page);
}

static gboolean
shelter_window_close_request (GtkWindow *window)
{
  ShelterWindow *self = SHELTER_WINDOW (window);
  GSettings *settings = shelter_window_get_settings (self);

  if (settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width;
      int height;

      /* The unmaximized size, so that unmaximizing after the next start restores it. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", maximized);
      if (!maximized && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (shelter_window_parent_class)->close_request (window);
}

static void
shelter_window_restore_size (ShelterWindow *self)
{
  GSettings *settings = shelter_window_get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
shelter_window_dispose (GObject *object)
{
  ShelterWindow *self = SHELTER_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (shelter_window_parent_class)->dispose (object);
}

static void
shelter_window_finalize (GObject *object)
{
  ShelterWindow *self = SHELTER_WINDOW (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_window_parent_class)->finalize (object);
}

static void
shelter_window_class_init (ShelterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_window_dispose;
  object_class->finalize = shelter_window_finalize;

  window_class->close_request = shelter_window_close_request;

  g_type_ensure (SHELTER_TYPE_RESIDENTS_PAGE);
  g_type_ensure (SHELTER_TYPE_ROOMS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, choose_file_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, residents_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, rooms_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, residents_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterWindow, rooms_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   shelter_window_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
shelter_window_init (ShelterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
}

ShelterWindow *
shelter_window_new (ShelterApplication *application)
{
  ShelterWindow *self;

  g_return_val_if_fail (SHELTER_IS_APPLICATION (application), NULL);

  self = g_object_new (SHELTER_TYPE_WINDOW, "application", application, NULL);
  /* Not in constructed(): "application" is set only after it. */
  shelter_window_restore_size (self);

  return self;
}
