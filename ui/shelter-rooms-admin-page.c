/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rooms-admin-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-room-dialog.h"
#include "shelter-rooms.h"
#include "shelter-rooms-admin-page.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterRoomsAdminPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* The rooms as listed, for the dialog to edit. */
  GPtrArray           *rooms;
  /* One group a building, removed on reload. */
  GPtrArray           *groups;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesPage  *rooms_page;
  AdwStatusPage       *error_page;
};

G_DEFINE_FINAL_TYPE (ShelterRoomsAdminPage, shelter_rooms_admin_page, ADW_TYPE_BIN)

/* "24", "20.5": square metres to one decimal, as the form shows them. */
static char *
format_m2 (double m2)
{
  double rounded = floor (m2 * 10 + 0.5) / 10;

  if (rounded == floor (rounded))
    /* Translators: a floor area in square metres, a whole number. */
    return g_strdup_printf (_("%.0f m²"), rounded);
  /* Translators: a floor area in square metres, with one decimal. */
  return g_strdup_printf (_("%.1f m²"), rounded);
}

static GtkWidget *
shelter_rooms_admin_page_create_row (ShelterRoomsAdminPage *self,
                                     ShelterRoom           *room,
                                     const ShelterAgeBands *bands)
{
  const char *name = shelter_room_get_name (room);
  const char *closed_on = shelter_room_get_closed_on (room);
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *ages = NULL;
  g_autofree char *area = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *warning = NULL;
  GtkWidget *row;
  GtkWidget *button;

  /* Translators: a room in the list: its code, then its name. */
  title = g_strdup_printf (C_("room", "%s · %s"), shelter_room_get_code (room),
                           name != NULL ? name : "");
  ages = shelter_age_bands_title (bands, shelter_room_get_age_group (room));
  area = format_m2 (shelter_room_get_area_m2 (room));
  g_string_append (subtitle, shelter_enum_label (&shelter_enum_room_use,
                                                 shelter_room_get_sex_use (room)));
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, ages);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          g_dngettext (GETTEXT_PACKAGE, "%u bed", "%u beds",
                                       shelter_room_get_beds (room)),
                          shelter_room_get_beds (room));
  g_string_append (subtitle, " · ");
  g_string_append (subtitle, area);
  if (shelter_room_get_care_24h (room))
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("24-hour care"));
    }
  if (shelter_room_get_accessible (room))
    {
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _("accessible"));
    }

  row = adw_action_row_new ();
  /* Names typed by staff are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  if (closed_on != NULL)
    {
      g_autofree char *day = shelter_text_format_date (closed_on);
      /* Translators: a closed room in the list; %s is a date, dd/mm/yyyy. */
      g_autofree char *text = g_strdup_printf (_("Closed since %s"), day);
      GtkWidget *tag = gtk_label_new (text);

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      gtk_widget_add_css_class (row, "dim-label");
    }
  else
    {
      warning = shelter_rooms_area_warning (shelter_session_get_db (self->session), room);
      if (warning != NULL)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_tooltip_text (icon, warning);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, warning,
                                          -1);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
    }

  /* Translators: a button's tooltip and name in the rooms list; %s is a room's code. */
  tooltip = g_strdup_printf (_("Edit Room %s"), shelter_room_get_code (room));
  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "rooms-admin.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", shelter_room_get_id (room));
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* Activating the row edits the room. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
shelter_rooms_admin_page_clear (ShelterRoomsAdminPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->rooms_page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rooms, 0);
}

static void
shelter_rooms_admin_page_show_error (ShelterRoomsAdminPage *self,
                                     const GError          *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

void
shelter_rooms_admin_page_reload (ShelterRoomsAdminPage *self)
{
  g_autoptr (GPtrArray) rooms = NULL;
  g_autoptr (GError) error = NULL;
  ShelterAgeBands bands = { { 0, 16, 18, 60 }, { 15, 17, 59, -1 } };
  AdwPreferencesGroup *group = NULL;
  const char *building = NULL;
  gboolean may;

  g_return_if_fail (SHELTER_IS_ROOMS_ADMIN_PAGE (self));

  shelter_rooms_admin_page_clear (self);
  gtk_stack_set_visible_child_name (self->stack, "rooms");

  may = self->session != NULL &&
        shelter_session_may (self->session, SHELTER_PERMISSION_MANAGE_ROOMS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms-admin.new", may);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms-admin.edit", may);
  if (self->session == NULL)
    return;

  /* Only those who may change the rooms see this page: app/ says who may. */
  if (!shelter_session_check (self->session, SHELTER_PERMISSION_MANAGE_ROOMS, &error) ||
      !shelter_age_bands_load (shelter_session_get_db (self->session), &bands, &error) ||
      (rooms = shelter_rooms_list (self->session, &error)) == NULL)
    {
      shelter_rooms_admin_page_show_error (self, error);
      return;
    }
  if (rooms->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* The list comes by building, then code: a group for each building. */
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);
      const char *room_building = shelter_room_get_building (room);

      if (room_building == NULL)
        room_building = "";
      if (group == NULL || g_strcmp0 (building, room_building) != 0)
        {
          building = room_building;
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* A group's title is plain text in libadwaita 1.2 (its description is markup). */
          adw_preferences_group_set_title (group, *building != '\0' ? building
                                                                    : _("No Building Given"));
          adw_preferences_page_add (self->rooms_page, group);
          g_ptr_array_add (self->groups, group);
        }
      adw_preferences_group_add (group, shelter_rooms_admin_page_create_row (self, room, &bands));
      g_ptr_array_add (self->rooms, g_object_ref (room));
    }
}

void
shelter_rooms_admin_page_set_session (ShelterRoomsAdminPage *self,
                                      ShelterSession        *session)
{
  g_return_if_fail (SHELTER_IS_ROOMS_ADMIN_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  shelter_rooms_admin_page_reload (self);
}

static void
room_saved_cb (ShelterRoomsAdminPage *self,
               ShelterRoom           *room,
               ShelterRoomDialog     *dialog)
{
  shelter_rooms_admin_page_reload (self);
}

static void
shelter_rooms_admin_page_open_dialog (ShelterRoomsAdminPage *self,
                                      ShelterRoom           *room)
{
  ShelterRoomDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = shelter_room_dialog_new (self->session, room);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (room_saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_rooms_admin_page_new_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  shelter_rooms_admin_page_open_dialog (SHELTER_ROOMS_ADMIN_PAGE (widget), NULL);
}

static void
shelter_rooms_admin_page_edit_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ShelterRoomsAdminPage *self = SHELTER_ROOMS_ADMIN_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; i < self->rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (self->rooms, i);

      if (shelter_room_get_id (room) == id)
        {
          shelter_rooms_admin_page_open_dialog (self, room);
          return;
        }
    }
}

/* Rooms change from other pages and desks: shown, the page reads them again. */
static void
shelter_rooms_admin_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shelter_rooms_admin_page_parent_class)->map (widget);

  shelter_rooms_admin_page_reload (SHELTER_ROOMS_ADMIN_PAGE (widget));
}

static void
shelter_rooms_admin_page_dispose (GObject *object)
{
  ShelterRoomsAdminPage *self = SHELTER_ROOMS_ADMIN_PAGE (object);

  /* The stack is both a template child and the bin's child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_ROOMS_ADMIN_PAGE);
  g_clear_object (&self->session);
  if (self->rooms != NULL)
    g_ptr_array_set_size (self->rooms, 0);

  G_OBJECT_CLASS (shelter_rooms_admin_page_parent_class)->dispose (object);
}

static void
shelter_rooms_admin_page_finalize (GObject *object)
{
  ShelterRoomsAdminPage *self = SHELTER_ROOMS_ADMIN_PAGE (object);

  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_rooms_admin_page_parent_class)->finalize (object);
}

static void
shelter_rooms_admin_page_class_init (ShelterRoomsAdminPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_rooms_admin_page_dispose;
  object_class->finalize = shelter_rooms_admin_page_finalize;
  widget_class->map = shelter_rooms_admin_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-rooms-admin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsAdminPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsAdminPage, rooms_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsAdminPage, error_page);

  gtk_widget_class_install_action (widget_class, "rooms-admin.new", NULL,
                                   shelter_rooms_admin_page_new_action);
  gtk_widget_class_install_action (widget_class, "rooms-admin.edit", "x",
                                   shelter_rooms_admin_page_edit_action);
}

static void
shelter_rooms_admin_page_init (ShelterRoomsAdminPage *self)
{
  self->rooms = g_ptr_array_new_with_free_func (g_object_unref);
  self->groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms-admin.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rooms-admin.edit", FALSE);
}
