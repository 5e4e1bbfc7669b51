/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rooms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-enums.h"
#include "shelter-rooms.h"
#include "shelter-rooms-page.h"
#include "shelter-ui-private.h"

struct _ShelterRoomsPage
{
  AdwBin          parent_instance;

  ShelterSession *session;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *beds_label;
  GtkLabel       *used_label;
  GtkLabel       *free_label;
  GtkBox         *groups_box;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (ShelterRoomsPage, shelter_rooms_page, ADW_TYPE_BIN)

/* The rooms of one building, gathered while the list is read. */
typedef struct
{
  AdwPreferencesGroup *group;
  guint                beds;
  guint                beds_free;
} Building;

static void
set_number (GtkLabel *label,
            guint     number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  gtk_label_set_label (label, text);
}

static GtkWidget *
shelter_rooms_page_create_beds (ShelterRoom *room)
{
  guint beds = shelter_room_get_beds (room);
  guint used = shelter_room_get_beds_used (room);
  g_autofree char *text = NULL;
  GtkWidget *box;
  GtkWidget *level;
  GtkWidget *label;

  /* Translators: beds used and beds of a room, e.g. "3/6 beds used". */
  text = g_strdup_printf (ngettext ("%u/%u bed used", "%u/%u beds used", beds), used, beds);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  if (beds > 0 && shelter_room_get_beds_free (room) == 0)
    {
      label = gtk_label_new (C_("room", "Full"));
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }

  level = gtk_level_bar_new_for_interval (0.0, MAX (beds, 1));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN (used, MAX (beds, 1)));
  /* One colour whatever the occupancy: the default offsets would paint a full room green. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (level, "room-bed-level");
  gtk_accessible_update_property (GTK_ACCESSIBLE (level),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_box_append (GTK_BOX (box), level);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "tabular-figures");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static char *
shelter_rooms_page_dup_subtitle (ShelterRoom *room)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *sex_use = shelter_room_get_sex_use (room);
  const char *age_group = shelter_room_get_age_group (room);
  double area = shelter_room_get_area_m2 (room);

  if (sex_use != NULL)
    g_ptr_array_add (parts, g_strdup (shelter_enum_label (&shelter_enum_room_use, sex_use)));
  if (age_group != NULL)
    g_ptr_array_add (parts, g_strdup (shelter_enum_label (&shelter_enum_age_group, age_group)));
  if (area > 0.0)
    /* Translators: a room's floor area in square metres, e.g. "24 m²". */
    g_ptr_array_add (parts, g_strdup_printf (_("%g m²"), area));
  if (shelter_room_get_care_24h (room))
    g_ptr_array_add (parts, g_strdup (_("24-hour care")));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
shelter_rooms_page_create_row (ShelterRoom *room)
{
  const char *code = shelter_room_get_code (room);
  const char *name = shelter_room_get_name (room);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (name != NULL && *name != '\0')
    title = g_strdup_printf ("%s · %s", code, name);
  else
    title = g_strdup (code);
  subtitle = shelter_rooms_page_dup_subtitle (room);

  row = adw_action_row_new ();
  /* Names typed by staff are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shelter_rooms_page_create_beds (room));

  return row;
}

static Building *
shelter_rooms_page_get_building (ShelterRoomsPage *self,
                                 GHashTable       *buildings,
                                 const char       *building_name)
{
  Building *building;
  g_autofree char *title = NULL;

  if (building_name == NULL)
    building_name = "";

  building = g_hash_table_lookup (buildings, building_name);
  if (building != NULL)
    return building;

  /* Group titles are markup. */
  if (*building_name != '\0')
    title = g_markup_escape_text (building_name, -1);
  else
    title = g_strdup (_("Other Rooms"));

  building = g_new0 (Building, 1);
  building->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (building->group, title);
  gtk_box_append (self->groups_box, GTK_WIDGET (building->group));
  g_hash_table_insert (buildings, g_strdup (building_name), building);

  return building;
}

static void
shelter_rooms_page_clear (ShelterRoomsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  gtk_label_set_label (self->beds_label, "");
  gtk_label_set_label (self->used_label, "");
  gtk_label_set_label (self->free_label, "");
}

void
shelter_rooms_page_reload (ShelterRoomsPage *self)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GHashTable) buildings = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  Building *building;
  guint beds = 0;
  guint used = 0;
  guint beds_free = 0;

  g_return_if_fail (SHELTER_IS_ROOMS_PAGE (self));

  shelter_rooms_page_clear (self);

  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  rooms = shelter_rooms_list (self->session, &error);
  if (rooms == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (rooms->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  buildings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);

      building = shelter_rooms_page_get_building (self, buildings,
                                                  shelter_room_get_building (room));
      adw_preferences_group_add (building->group, shelter_rooms_page_create_row (room));

      building->beds += shelter_room_get_beds (room);
      building->beds_free += shelter_room_get_beds_free (room);
      beds += shelter_room_get_beds (room);
      used += shelter_room_get_beds_used (room);
      beds_free += shelter_room_get_beds_free (room);
    }

  g_hash_table_iter_init (&iter, buildings);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &building))
    {
      g_autofree char *description = NULL;

      /* Translators: the free beds of a building, e.g. "4 of 30 beds free". */
      description = g_strdup_printf (ngettext ("%u of %u bed free", "%u of %u beds free",
                                               building->beds),
                                     building->beds_free, building->beds);
      adw_preferences_group_set_description (building->group, description);
    }

  set_number (self->beds_label, beds);
  set_number (self->used_label, used);
  set_number (self->free_label, beds_free);

  gtk_stack_set_visible_child_name (self->stack, "rooms");
}

void
shelter_rooms_page_set_session (ShelterRoomsPage *self,
                                ShelterSession   *session)
{
  g_return_if_fail (SHELTER_IS_ROOMS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  /* The window reloads the page each time it is shown; read now only if it is. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    shelter_rooms_page_reload (self);
  else
    shelter_rooms_page_clear (self);
}

static void
shelter_rooms_page_dispose (GObject *object)
{
  ShelterRoomsPage *self = SHELTER_ROOMS_PAGE (object);

  /* The stack is both a template child and the bin's child: the bin lets go of it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_ROOMS_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_rooms_page_parent_class)->dispose (object);
}

static void
shelter_rooms_page_class_init (ShelterRoomsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_rooms_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-rooms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, beds_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, used_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, free_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, error_page);
}

static void
shelter_rooms_page_init (ShelterRoomsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
