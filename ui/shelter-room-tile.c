/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-room-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-enums.h"
#include "shelter-room-tile.h"

/* More beds than this are drawn as a bar of three parts instead of one glyph a bed. */
#define MAX_BED_GLYPHS 16

struct _ShelterRoomTile
{
  GtkFlowBoxChild  parent_instance;

  ShelterRoom     *room;
  guint            present;
  guint            absent;
  guint            free;
  char            *age_group;
  char            *summary;
};

G_DEFINE_FINAL_TYPE (ShelterRoomTile, shelter_room_tile, GTK_TYPE_FLOW_BOX_CHILD)

static const char *
use_icon_name (const char *sex_use)
{
  /* Standard symbolic icons; the words beside them carry the meaning. */
  if (g_strcmp0 (sex_use, "female") == 0)
    return "avatar-default-symbolic";
  if (g_strcmp0 (sex_use, "male") == 0)
    return "avatar-default-symbolic";
  if (g_strcmp0 (sex_use, "family") == 0)
    return "system-users-symbolic";
  return "user-home-symbolic";
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_icon_line (const char *icon_name,
               const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), new_label (text, NULL));
  return box;
}

static void
add_glyphs (GtkWidget  *grid,
            guint      *position,
            guint       count,
            const char *css_class)
{
  for (guint i = 0; i < count; i++, (*position)++)
    {
      GtkWidget *glyph = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (glyph, "room-bed");
      gtk_widget_add_css_class (glyph, css_class);
      gtk_grid_attach (GTK_GRID (grid), glyph, *position % 8, *position / 8, 1, 1);
    }
}

static void
add_bar_part (GtkWidget  *bar,
              guint       count,
              guint       total,
              const char *css_class)
{
  GtkWidget *part;

  if (count == 0)
    return;
  part = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (part, "room-bed");
  gtk_widget_add_css_class (part, css_class);
  gtk_widget_set_hexpand (part, TRUE);
  /* Widths in proportion to the beds, as a homogeneous box of one cell a bed would. */
  gtk_widget_set_size_request (part, (int) (200 * count / MAX (total, 1)), -1);
  gtk_box_append (GTK_BOX (bar), part);
}

static GtkWidget *
new_beds (ShelterRoomTile *self)
{
  guint total = self->present + self->absent + self->free;
  GtkWidget *beds;

  if (total <= MAX_BED_GLYPHS)
    {
      guint position = 0;

      beds = gtk_grid_new ();
      gtk_grid_set_row_spacing (GTK_GRID (beds), 4);
      gtk_grid_set_column_spacing (GTK_GRID (beds), 4);
      add_glyphs (beds, &position, self->present, "bed-occupied");
      add_glyphs (beds, &position, self->absent, "bed-absent");
      add_glyphs (beds, &position, self->free, "bed-free");
    }
  else
    {
      beds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      add_bar_part (beds, self->present, total, "bed-occupied");
      add_bar_part (beds, self->absent, total, "bed-absent");
      add_bar_part (beds, self->free, total, "bed-free");
    }
  gtk_widget_add_css_class (beds, "room-beds");
  gtk_widget_set_halign (beds, GTK_ALIGN_START);
  /* The words below say the same. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (beds), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return beds;
}

static char *
dup_summary (guint present,
             guint absent,
             guint free)
{
  /* Translators: part of a room's beds, e.g. "3 occupied · 1 away · 2 free". */
  g_autofree char *occupied_text = g_strdup_printf (ngettext ("%u occupied", "%u occupied",
                                                              present), present);
  /* Translators: residents away who keep their bed, e.g. "3 occupied · 1 away · 2 free". */
  g_autofree char *absent_text = g_strdup_printf (ngettext ("%u away", "%u away", absent),
                                                  absent);
  /* Translators: beds nobody holds, e.g. "3 occupied · 1 away · 2 free". */
  g_autofree char *free_text = g_strdup_printf (ngettext ("%u free", "%u free", free), free);

  return g_strjoin (" · ", occupied_text, absent_text, free_text, NULL);
}

static void
shelter_room_tile_build (ShelterRoomTile *self)
{
  const char *code = shelter_room_get_code (self->room);
  const char *name = shelter_room_get_name (self->room);
  const char *building = shelter_room_get_building (self->room);
  const char *use = shelter_enum_label (&shelter_enum_room_use,
                                        shelter_room_get_sex_use (self->room));
  const char *age = self->age_group;
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "room-tile");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), new_label (code, "heading"));
  if (self->free == 0)
    {
      label = gtk_label_new (C_("room", "Full"));
      gtk_widget_add_css_class (label, "room-full-tag");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (header), label);
    }
  gtk_box_append (GTK_BOX (box), header);

  if (name != NULL && *name != '\0' && g_strcmp0 (name, code) != 0)
    gtk_box_append (GTK_BOX (box), new_label (name, NULL));
  if (building != NULL && *building != '\0')
    {
      label = new_label (building, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (box), new_icon_line (use_icon_name (shelter_room_get_sex_use (self->room)),
                                                use != NULL ? use : ""));
  gtk_box_append (GTK_BOX (box), new_icon_line ("x-office-calendar-symbolic",
                                                age != NULL ? age : ""));
  gtk_box_append (GTK_BOX (box), new_beds (self));
  label = new_label (self->summary, "caption");
  gtk_widget_add_css_class (label, "tabular-figures");
  gtk_box_append (GTK_BOX (box), label);

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (self), box);

  if (name != NULL && *name != '\0' && g_strcmp0 (name, code) != 0)
    title = g_strdup_printf ("%s, %s", code, name);
  else
    title = g_strdup (code);
  /* Translators: a room tile for screen readers: the room, its use and age group, and its
   * beds, e.g. "A101, Phòng nữ, Adults 18 to 59, 3 occupied · 1 away · 2 free". */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), title, use != NULL ? use : "",
                                age != NULL ? age : "", self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press Enter to see who is in the room"),
                                  -1);
}

GtkWidget *
shelter_room_tile_new (ShelterRoom *room,
                       const char  *age_group,
                       guint        occupied,
                       guint        absent,
                       guint        free)
{
  ShelterRoomTile *self;

  g_return_val_if_fail (SHELTER_IS_ROOM (room), NULL);

  self = g_object_new (SHELTER_TYPE_ROOM_TILE, NULL);
  self->room = g_object_ref (room);
  self->age_group = g_strdup (age_group);
  self->absent = MIN (absent, occupied);
  self->present = occupied - self->absent;
  self->free = free;
  self->summary = dup_summary (self->present, self->absent, self->free);
  shelter_room_tile_build (self);

  return GTK_WIDGET (self);
}

ShelterRoom *
shelter_room_tile_get_room (ShelterRoomTile *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM_TILE (self), NULL);
  return self->room;
}

guint
shelter_room_tile_get_present (ShelterRoomTile *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM_TILE (self), 0);
  return self->present;
}

guint
shelter_room_tile_get_absent (ShelterRoomTile *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM_TILE (self), 0);
  return self->absent;
}

guint
shelter_room_tile_get_free (ShelterRoomTile *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM_TILE (self), 0);
  return self->free;
}

const char *
shelter_room_tile_get_summary (ShelterRoomTile *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM_TILE (self), NULL);
  return self->summary;
}

static void
shelter_room_tile_finalize (GObject *object)
{
  ShelterRoomTile *self = SHELTER_ROOM_TILE (object);

  g_clear_object (&self->room);
  g_clear_pointer (&self->age_group, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (shelter_room_tile_parent_class)->finalize (object);
}

static void
shelter_room_tile_class_init (ShelterRoomTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_room_tile_finalize;
}

static void
shelter_room_tile_init (ShelterRoomTile *self)
{
}
