/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rooms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-enums.h"
#include "shelter-move-dialog.h"
#include "shelter-placement.h"
#include "shelter-room-tile.h"
#include "shelter-rooms-page.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterRoomsPage
{
  AdwBin          parent_instance;

  ShelterSession *session;
  /* The buildings offered by the building filter, after "All buildings" (NULL). */
  GPtrArray      *buildings;
  /* The room whose residents the side panel shows, 0 when it is closed. */
  gint64          panel_room_id;
  /* The resident being dragged from the side panel onto a room's tile. */
  ShelterResidentSummary *drag_summary;
  gint64          drag_stay_id;

  /* Template widgets */
  GtkStack       *stack;
  GtkLabel       *beds_label;
  GtkLabel       *used_label;
  GtkLabel       *free_label;
  GtkDropDown    *building_drop;
  GtkDropDown    *use_drop;
  GtkDropDown    *age_drop;
  GtkSwitch      *free_only_switch;
  GtkFlowBox     *board;
  GtkLabel       *no_match_label;
  GtkRevealer    *panel_revealer;
  GtkLabel       *panel_title;
  GtkListBox     *resident_list;
  AdwStatusPage  *error_page;
};

enum {
  RESIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ShelterRoomsPage, shelter_rooms_page, ADW_TYPE_BIN)

static void
set_number (GtkLabel *label,
            guint     number)
{
  g_autofree char *text = g_strdup_printf ("%u", number);

  gtk_label_set_label (label, text);
}

/* The code chosen in a filter built from @enumeration after an "all" entry; NULL for all. */
static const char *
chosen_code (GtkDropDown       *drop_down,
             const ShelterEnum *enumeration)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > enumeration->n_values)
    return NULL;
  return enumeration->values[selected - 1].code;
}

static void
fill_enum_filter (GtkDropDown       *drop_down,
                  const char        *all,
                  const ShelterEnum *enumeration)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, all);
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (model, shelter_enum_label (enumeration, enumeration->values[i].code));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
}

/* The age group filter names the groups with the bounds the centre set, keeping the choice. */
static void
shelter_rooms_page_fill_age_groups (ShelterRoomsPage      *self,
                                    const ShelterAgeBands *bands)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->age_drop);

  gtk_string_list_append (model, _("All age groups"));
  for (guint i = 0; i < shelter_enum_age_group.n_values; i++)
    {
      g_autofree char *title = shelter_age_bands_title (bands,
                                                        shelter_enum_age_group.values[i].code);

      gtk_string_list_append (model, title);
    }
  gtk_drop_down_set_model (self->age_drop, G_LIST_MODEL (model));
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->age_drop, selected);
}

static gboolean
shelter_rooms_page_tile_matches (ShelterRoomsPage *self,
                                 ShelterRoomTile  *tile)
{
  ShelterRoom *room = shelter_room_tile_get_room (tile);
  guint building = gtk_drop_down_get_selected (self->building_drop);
  const char *use = chosen_code (self->use_drop, &shelter_enum_room_use);
  const char *age = chosen_code (self->age_drop, &shelter_enum_age_group);

  if (self->buildings != NULL && building != GTK_INVALID_LIST_POSITION && building > 0
      && building <= self->buildings->len
      && g_strcmp0 (shelter_room_get_building (room),
                    g_ptr_array_index (self->buildings, building - 1)) != 0)
    return FALSE;
  if (use != NULL && g_strcmp0 (shelter_room_get_sex_use (room), use) != 0)
    return FALSE;
  if (age != NULL && g_strcmp0 (shelter_room_get_age_group (room), age) != 0)
    return FALSE;
  if (gtk_switch_get_active (self->free_only_switch) && shelter_room_tile_get_free (tile) == 0)
    return FALSE;
  return TRUE;
}

static gboolean
board_filter_func (GtkFlowBoxChild *child,
                   gpointer         user_data)
{
  return shelter_rooms_page_tile_matches (SHELTER_ROOMS_PAGE (user_data),
                                          SHELTER_ROOM_TILE (child));
}

static void
filter_changed_cb (ShelterRoomsPage *self)
{
  guint shown = 0;
  guint tiles = 0;

  if (self->buildings == NULL)
    return;

  gtk_flow_box_invalidate_filter (self->board);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->board));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (SHELTER_IS_ROOM_TILE (child))
      {
        tiles++;
        if (shelter_rooms_page_tile_matches (self, SHELTER_ROOM_TILE (child)))
          shown++;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), tiles > 0 && shown == 0);
}

/* The building filter: "All buildings" and the buildings of @rooms, keeping the one chosen
 * when it is still there. */
static void
shelter_rooms_page_fill_buildings (ShelterRoomsPage *self,
                                   GPtrArray        *rooms)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = gtk_drop_down_get_selected (self->building_drop);
  guint position = 0;
  GPtrArray *buildings = g_ptr_array_new_with_free_func (g_free);

  if (self->buildings != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= self->buildings->len)
    chosen = g_strdup (g_ptr_array_index (self->buildings, selected - 1));

  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoomOccupancy *occupancy = g_ptr_array_index (rooms, i);
      const char *building = shelter_room_get_building (occupancy->room);

      if (building != NULL && *building != '\0'
          && !g_ptr_array_find_with_equal_func (buildings, building, g_str_equal, NULL))
        g_ptr_array_add (buildings, g_strdup (building));
    }

  gtk_string_list_append (model, _("All buildings"));
  for (guint i = 0; i < buildings->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (buildings, i));
      if (g_strcmp0 (chosen, g_ptr_array_index (buildings, i)) == 0)
        position = i + 1;
    }

  /* Not read by the filter while the model changes. */
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  gtk_drop_down_set_model (self->building_drop, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->building_drop, position);
  self->buildings = buildings;
}

/* The side panel */

static void
shelter_rooms_page_close_panel (ShelterRoomsPage *self)
{
  self->panel_room_id = 0;
  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
  _shelter_ui_clear_list_box (self->resident_list);
}

static void
panel_close_cb (ShelterRoomsPage *self)
{
  shelter_rooms_page_close_panel (self);
}

static void
moved_cb (ShelterRoomsPage  *self,
          const char        *room_code,
          ShelterMoveDialog *dialog)
{
  shelter_rooms_page_reload (self);
}

static void
move_clicked_cb (ShelterRoomsPage *self,
                 GtkButton        *button)
{
  ShelterResidentSummary *summary = g_object_get_data (G_OBJECT (button), "summary");
  gint64 *stay_id = g_object_get_data (G_OBJECT (button), "stay-id");
  ShelterMoveDialog *dialog;

  if (self->session == NULL || summary == NULL || stay_id == NULL)
    return;

  dialog = shelter_move_dialog_new (self->session, summary, *stay_id);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Drag and drop: a resident dragged from the side panel onto a room's tile opens the move
 * dialog with that room chosen; the reason is still asked, and app/ still decides. */

static GdkContentProvider *
resident_drag_prepare_cb (GtkDragSource    *source,
                          double            x,
                          double            y,
                          ShelterRoomsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  ShelterResidentSummary *summary = g_object_get_data (G_OBJECT (row), "summary");
  gint64 *stay_id = g_object_get_data (G_OBJECT (row), "stay-id");

  if (summary == NULL || stay_id == NULL)
    return NULL;
  g_set_object (&self->drag_summary, summary);
  self->drag_stay_id = *stay_id;
  return gdk_content_provider_new_typed (G_TYPE_INT64, *stay_id);
}

static void
resident_drag_begin_cb (GtkDragSource    *source,
                        GdkDrag          *drag,
                        ShelterRoomsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
tile_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              ShelterRoomsPage *self)
{
  GtkWidget *tile = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  ShelterRoom *room = shelter_room_tile_get_room (SHELTER_ROOM_TILE (tile));
  ShelterMoveDialog *dialog;

  /* Only a drag begun here, from this page's side panel. */
  if (self->session == NULL || self->drag_summary == NULL ||
      g_value_get_int64 (value) != self->drag_stay_id)
    return FALSE;

  dialog = shelter_move_dialog_new (self->session, self->drag_summary, self->drag_stay_id);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
  shelter_move_dialog_choose_room (dialog, shelter_room_get_id (room));
  g_clear_object (&self->drag_summary);
  self->drag_stay_id = 0;
  return TRUE;
}

static GtkWidget *
shelter_rooms_page_create_resident_row (ShelterRoomsPage    *self,
                                        ShelterRoomResident *resident)
{
  ShelterResidentSummary *summary = resident->summary;
  const char *name = shelter_resident_summary_get_full_name (summary);
  const char *case_code = shelter_resident_summary_get_case_code (summary);
  gint64 person_id = shelter_resident_summary_get_person_id (summary);
  GtkDragSource *source;
  GtkWidget *row;

  row = adw_action_row_new ();
  /* Names typed by staff are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "person-id",
                          g_memdup2 (&person_id, sizeof person_id), g_free);

  if (resident->absent)
    {
      g_autofree char *subtitle = NULL;
      GtkWidget *tag;

      /* Translators: under a resident of a room who is away but keeps the bed. */
      subtitle = g_strdup_printf (_("%s · Away, keeps the bed"), case_code != NULL ? case_code : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      tag = gtk_image_new_from_icon_name ("mail-send-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (tag), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
    }
  else if (case_code != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), case_code);

  if (shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT))
    {
      g_autofree char *accessible = NULL;
      GtkWidget *button = gtk_button_new_with_label (_("Move…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Move to another room"));
      /* Translators: a button's name for screen readers, e.g. "Move Nguyễn Thị Hoa". */
      accessible = g_strdup_printf (_("Move %s to another room"), name != NULL ? name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (button), "summary", g_object_ref (summary),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (button), "stay-id",
                              g_memdup2 (&resident->stay_id, sizeof (gint64)), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (move_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_object_set_data_full (G_OBJECT (row), "summary", g_object_ref (summary), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), "stay-id",
                              g_memdup2 (&resident->stay_id, sizeof (gint64)), g_free);
      g_signal_connect_object (source, "prepare", G_CALLBACK (resident_drag_prepare_cb), self, 0);
      g_signal_connect_object (source, "drag-begin", G_CALLBACK (resident_drag_begin_cb), self, 0);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
    }

  return row;
}

/* Shows who is in @tile's room in the side panel. */
static void
shelter_rooms_page_show_room (ShelterRoomsPage *self,
                              ShelterRoomTile  *tile)
{
  ShelterRoom *room = shelter_room_tile_get_room (tile);
  const char *code = shelter_room_get_code (room);
  const char *name = shelter_room_get_name (room);
  g_autoptr(GPtrArray) residents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  _shelter_ui_clear_list_box (self->resident_list);
  self->panel_room_id = shelter_room_get_id (room);

  if (name != NULL && *name != '\0' && g_strcmp0 (name, code) != 0)
    title = g_strdup_printf ("%s · %s", code, name);
  else
    title = g_strdup (code);
  gtk_label_set_label (self->panel_title, title);

  residents = shelter_room_residents (self->session, self->panel_room_id, &error);
  if (residents == NULL)
    gtk_list_box_append (self->resident_list, _shelter_ui_new_text_row (error->message, NULL));
  else if (residents->len == 0)
    gtk_list_box_append (self->resident_list,
                         _shelter_ui_new_text_row (_("Nobody is in this room."), NULL));
  else
    for (guint i = 0; i < residents->len; i++)
      gtk_list_box_append (self->resident_list,
                           shelter_rooms_page_create_resident_row (self,
                                                                   g_ptr_array_index (residents, i)));

  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

static void
tile_activated_cb (ShelterRoomsPage *self,
                   GtkFlowBoxChild  *child,
                   GtkFlowBox       *board)
{
  if (self->session == NULL || !SHELTER_IS_ROOM_TILE (child))
    return;

  shelter_rooms_page_show_room (self, SHELTER_ROOM_TILE (child));
  gtk_widget_grab_focus (GTK_WIDGET (self->resident_list));
}

static void
resident_row_activated_cb (ShelterRoomsPage *self,
                           GtkListBoxRow    *row,
                           GtkListBox       *list)
{
  gint64 *person_id = g_object_get_data (G_OBJECT (row), "person-id");

  if (person_id != NULL)
    g_signal_emit (self, signals[RESIDENT_ACTIVATED], 0, *person_id);
}

/* The board */

static void
shelter_rooms_page_clear (ShelterRoomsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->board))) != NULL)
    gtk_flow_box_remove (self->board, child);

  gtk_label_set_label (self->beds_label, "");
  gtk_label_set_label (self->used_label, "");
  gtk_label_set_label (self->free_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), FALSE);
}

void
shelter_rooms_page_reload (ShelterRoomsPage *self)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;
  ShelterRoomTile *panel_tile = NULL;
  ShelterAgeBands bands;
  gboolean may_move;
  guint beds = 0;
  guint used = 0;
  guint beds_free = 0;

  g_return_if_fail (SHELTER_IS_ROOMS_PAGE (self));

  shelter_rooms_page_clear (self);

  if (self->session == NULL)
    {
      shelter_rooms_page_close_panel (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  rooms = shelter_rooms_occupancy_on (self->session, NULL, &error);
  if (rooms == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      shelter_rooms_page_close_panel (self);
      adw_status_page_set_description (self->error_page, description);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (rooms->len == 0)
    {
      shelter_rooms_page_close_panel (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  shelter_rooms_page_fill_buildings (self, rooms);
  /* Unreadable bands leave the defaults, good enough to name the groups. */
  shelter_age_bands_load (shelter_session_get_db (self->session), &bands, NULL);
  shelter_rooms_page_fill_age_groups (self, &bands);
  may_move = shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT);

  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoomOccupancy *occupancy = g_ptr_array_index (rooms, i);
      g_autofree char *age_group = shelter_age_bands_title (&bands,
                                                            shelter_room_get_age_group (occupancy->room));
      GtkWidget *tile = shelter_room_tile_new (occupancy->room, age_group, occupancy->occupied,
                                               occupancy->absent, occupancy->free);

      if (may_move)
        {
          GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

          g_signal_connect_object (target, "drop", G_CALLBACK (tile_drop_cb), self, 0);
          gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (target));
        }
      gtk_flow_box_append (self->board, tile);
      if (shelter_room_get_id (occupancy->room) == self->panel_room_id)
        panel_tile = SHELTER_ROOM_TILE (tile);

      beds += shelter_room_get_beds (occupancy->room);
      used += occupancy->occupied;
      beds_free += occupancy->free;
    }

  set_number (self->beds_label, beds);
  set_number (self->used_label, used);
  set_number (self->free_label, beds_free);
  filter_changed_cb (self);

  /* The panel follows its room, after a move for instance. */
  if (panel_tile != NULL)
    shelter_rooms_page_show_room (self, panel_tile);
  else
    shelter_rooms_page_close_panel (self);

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
  g_clear_pointer (&self->buildings, g_ptr_array_unref);
  g_clear_object (&self->drag_summary);

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
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, building_drop);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, use_drop);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, age_drop);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, free_only_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, board);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, panel_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, resident_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tile_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, resident_row_activated_cb);

  /**
   * ShelterRoomsPage::resident-activated:
   * @person_id: the person chosen in a room's residents
   *
   * Asks for the resident's page.
   */
  signals[RESIDENT_ACTIVATED] =
    g_signal_new ("resident-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
shelter_rooms_page_init (ShelterRoomsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_enum_filter (self->use_drop, _("All room uses"), &shelter_enum_room_use);
  /* Named with the bounds the centre set at each reload. */
  fill_enum_filter (self->age_drop, _("All age groups"), &shelter_enum_age_group);
  gtk_flow_box_set_filter_func (self->board, board_filter_func, self, NULL);
}
