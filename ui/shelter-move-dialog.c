/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-move-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-move-dialog.h"
#include "shelter-placement.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

#define ROOM_ID_KEY "shelter-room-id"
#define ROOM_CODE_KEY "shelter-room-code"
#define UNSUITABLE_KEY "shelter-room-unsuitable"

struct _ShelterMoveDialog
{
  AdwWindow               parent_instance;

  ShelterSession         *session;
  ShelterResidentSummary *summary;
  gint64                  stay_id;

  /* The room chosen (0 for none), its code, and whether it does not suit the resident. */
  gint64                  room_id;
  char                   *room_code;
  gboolean                room_unsuitable;
  gboolean                loading_rooms;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  AdwPreferencesGroup    *room_group;
  GtkListBox             *room_list;
  AdwEntryRow            *reason_row;
  AdwEntryRow            *moved_at_row;
  AdwEntryRow            *override_row;
  GtkLabel               *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterMoveDialog, shelter_move_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
shelter_move_dialog_clear_errors (ShelterMoveDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->room_list), GTK_WIDGET (self->reason_row),
    GTK_WIDGET (self->moved_at_row), GTK_WIDGET (self->override_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

/* The override reason is asked only for a room that does not suit (a manager's choice). */
static void
shelter_move_dialog_update (ShelterMoveDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->override_row),
                          self->room_unsuitable &&
                          shelter_session_may (self->session,
                                               SHELTER_PERMISSION_OVERRIDE_PLACEMENT));
}

/* The age the rooms are for: today's, from the birth date the list knows (-1 unknown). */
static int
shelter_move_dialog_age (ShelterMoveDialog *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return shelter_text_age_on (shelter_resident_summary_get_birth_date (self->summary), &today);
}

static void
room_toggled_cb (GtkCheckButton    *check,
                 ShelterMoveDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->room_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), ROOM_ID_KEY));
  g_free (self->room_code);
  self->room_code = g_strdup (g_object_get_data (G_OBJECT (check), ROOM_CODE_KEY));
  self->room_unsuitable = g_object_get_data (G_OBJECT (check), UNSUITABLE_KEY) != NULL;
  _shelter_ui_set_error (GTK_WIDGET (self->room_list), FALSE);
  shelter_move_dialog_update (self);

  /* Chosen with the keyboard: on to what the move needs next. */
  if (!self->loading_rooms)
    {
      if (gtk_widget_get_visible (GTK_WIDGET (self->override_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
    }
}

/* The open rooms as they are now, as app/ rates them for the resident. The choice made
 * stays chosen while it can still be made. */
static void
shelter_move_dialog_load_rooms (ShelterMoveDialog *self)
{
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = shelter_resident_summary_get_room_code (self->summary);
  gboolean may_override = shelter_session_may (self->session,
                                               SHELTER_PERMISSION_OVERRIDE_PLACEMENT);
  GtkCheckButton *group = NULL;
  gint64 chosen = self->room_id;
  guint n_choices = 0;
  ShelterAgeBands bands;

  _shelter_ui_clear_list_box (self->room_list);
  self->room_id = 0;
  g_clear_pointer (&self->room_code, g_free);
  self->room_unsuitable = FALSE;

  /* Unreadable bands leave the defaults, good enough to describe the rooms. */
  shelter_age_bands_load (shelter_session_get_db (self->session), &bands, NULL);
  options = shelter_placement_options (self->session,
                                       shelter_resident_summary_get_sex (self->summary),
                                       shelter_move_dialog_age (self),
                                       shelter_resident_summary_get_person_type (self->summary),
                                       NULL, &error);
  if (options == NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      shelter_move_dialog_update (self);
      return;
    }

  self->loading_rooms = TRUE;
  for (guint i = 0; i < options->len; i++)
    {
      ShelterPlacementOption *option = g_ptr_array_index (options, i);
      ShelterRoom *room = option->room;
      const char *code = shelter_room_get_code (room);
      gboolean is_current = g_strcmp0 (code, current) == 0;
      /* A full room takes nobody, whoever decides. */
      gboolean is_full = shelter_room_get_beds_free (room) == 0;
      gboolean selectable;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check;

      if (is_current)
        selectable = FALSE;
      else if (option->reason == NULL)
        selectable = TRUE;
      else
        selectable = may_override && !is_full;

      if (shelter_room_get_name (room) != NULL)
        title = g_strdup_printf ("%s — %s", code, shelter_room_get_name (room));
      else
        title = g_strdup (code);
      if (is_current)
        subtitle = g_strdup (_("The resident’s room now"));
      else if (option->reason != NULL)
        /* Translators: why a room cannot take the person: "Not suitable: male room". */
        subtitle = g_strdup_printf (_("Not suitable: %s"), option->reason);
      else
        subtitle = _shelter_ui_describe_room (room, &bands);

      row = _shelter_ui_new_text_row (title, subtitle);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), ROOM_ID_KEY,
                         GSIZE_TO_POINTER ((gsize) shelter_room_get_id (room)));
      g_object_set_data_full (G_OBJECT (check), ROOM_CODE_KEY, g_strdup (code), g_free);
      if (option->reason != NULL)
        g_object_set_data (G_OBJECT (check), UNSUITABLE_KEY, GINT_TO_POINTER (TRUE));
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (room_toggled_cb), self);
      /* Named by the row it activates (the room's code and name). */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, selectable);
      if (selectable && option->reason != NULL)
        {
          /* A manager may choose it, but it does not suit: marked so. */
          GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                          "icon-name", "dialog-warning-symbolic",
                                          "valign", GTK_ALIGN_CENTER,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                          NULL);

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->room_list, row);

      if (selectable)
        n_choices++;
      if (selectable && shelter_room_get_id (room) == chosen)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }
  self->loading_rooms = FALSE;

  if (n_choices == 0)
    _shelter_ui_show_message (self->error_label,
                              _("No other open room suits this resident now. Free a bed or "
                                "change a room’s use on the Rooms page, then come back."));
  shelter_move_dialog_update (self);
}

static void
shelter_move_dialog_show_error (ShelterMoveDialog *self,
                                const GError      *error)
{
  GtkWidget *widget = NULL;
  const char *message = error->message;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_MOVE_REASON:
          widget = GTK_WIDGET (self->reason_row);
          break;
        case SHELTER_FIELD_MOVED_AT:
          widget = GTK_WIDGET (self->moved_at_row);
          break;
        case SHELTER_FIELD_OVERRIDE_REASON:
          widget = GTK_WIDGET (self->override_row);
          break;
        case SHELTER_FIELD_ROOM:
          widget = GTK_WIDGET (self->room_list);
          break;
        default:
          break;
        }
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE) &&
           gtk_widget_get_visible (GTK_WIDGET (self->override_row)) &&
           *get_text (self->override_row) == '\0')
    {
      /* A manager's choice of a room that does not suit, without saying why. */
      widget = GTK_WIDGET (self->override_row);
      message = _("Why this room although it does not suit: write why the resident goes to "
                  "this room; the reason is kept with the move.");
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL) ||
           g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE))
    widget = GTK_WIDGET (self->room_list);

  /* The rooms again, as they are now: someone may have taken the last bed. */
  if (widget == GTK_WIDGET (self->room_list))
    shelter_move_dialog_load_rooms (self);

  _shelter_ui_show_message (self->error_label, message);
  if (widget != NULL)
    {
      _shelter_ui_set_error (widget, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
      if (widget != GTK_WIDGET (self->room_list))
        gtk_widget_grab_focus (widget);
      else
        gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    }
}

static void
shelter_move_dialog_move (ShelterMoveDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_at = NULL;
  const char *override_reason = NULL;

  shelter_move_dialog_clear_errors (self);
  if (self->room_id <= 0)
    {
      _shelter_ui_show_message (self->error_label,
                                _("Room: choose the room the resident moves to."));
      _shelter_ui_set_error (GTK_WIDGET (self->room_list), TRUE);
      gtk_widget_child_focus (GTK_WIDGET (self->room_list), GTK_DIR_TAB_FORWARD);
      return;
    }

  /* As typed when it is no date and time: app/ says what is wrong with it. */
  moved_at = _shelter_ui_parse_time (get_text (self->moved_at_row));
  if (moved_at == NULL)
    moved_at = g_strdup (get_text (self->moved_at_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->override_row)) &&
      *get_text (self->override_row) != '\0')
    override_reason = get_text (self->override_row);

  if (!shelter_move_resident (self->session, self->stay_id, self->room_id, moved_at,
                              get_text (self->reason_row), override_reason, &error))
    {
      shelter_move_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_MOVED], 0, self->room_code);
  gtk_window_close (GTK_WINDOW (self));
}

static void
move_clicked_cb (ShelterMoveDialog *self,
                 GtkButton         *button)
{
  shelter_move_dialog_move (self);
}

static void
row_changed_cb (ShelterMoveDialog *self,
                GtkEditable       *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterMoveDialog *self,
                  AdwEntryRow       *row)
{
  /* On to the reason when it is still empty; the time starts at now. */
  if (row == self->override_row && *get_text (self->reason_row) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
  else
    shelter_move_dialog_move (self);
}

ShelterMoveDialog *
shelter_move_dialog_new (ShelterSession         *session,
                         ShelterResidentSummary *summary,
                         gint64                  stay_id)
{
  ShelterMoveDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (summary), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_MOVE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->summary = g_object_ref (summary);
  self->stay_id = stay_id;

  adw_window_title_set_subtitle (self->window_title,
                                 shelter_resident_summary_get_full_name (summary));
  if (shelter_session_may (session, SHELTER_PERMISSION_OVERRIDE_PLACEMENT))
    adw_preferences_group_set_description (
      self->room_group,
      _("A room that does not suit the resident can be chosen with a written reason; a full "
        "room cannot."));
  else
    adw_preferences_group_set_description (
      self->room_group,
      _("Rooms that do not suit the resident are greyed out, with the reason."));

  now = _shelter_ui_format_now (session);
  gtk_editable_set_text (GTK_EDITABLE (self->moved_at_row), now);
  shelter_move_dialog_load_rooms (self);
  gtk_widget_child_focus (GTK_WIDGET (self->room_list), GTK_DIR_TAB_FORWARD);

  return self;
}

void
shelter_move_dialog_choose_room (ShelterMoveDialog *self,
                                 gint64             room_id)
{
  g_return_if_fail (SHELTER_IS_MOVE_DIALOG (self));

  self->room_id = room_id;
  shelter_move_dialog_load_rooms (self);
  if (self->room_id != room_id)
    {
      /* The list says why that room cannot take them. */
      _shelter_ui_show_message (self->error_label,
                                _("The room chosen on the board cannot take this resident; "
                                  "the list says why. Choose another room."));
      gtk_widget_child_focus (GTK_WIDGET (self->room_list), GTK_DIR_TAB_FORWARD);
    }
  else if (gtk_widget_get_visible (GTK_WIDGET (self->override_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
shelter_move_dialog_dispose (GObject *object)
{
  ShelterMoveDialog *self = SHELTER_MOVE_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->room_code, g_free);

  G_OBJECT_CLASS (shelter_move_dialog_parent_class)->dispose (object);
}

static void
shelter_move_dialog_class_init (ShelterMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_move_dialog_dispose;

  /* The move was saved; the code of the room the resident is in now. */
  signals[SIGNAL_MOVED] =
    g_signal_new ("moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, room_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, room_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, moved_at_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, override_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterMoveDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, move_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_move_dialog_init (ShelterMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
