/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-room-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-placement.h"
#include "shelter-room-dialog.h"
#include "shelter-rooms.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

struct _ShelterRoomDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  /* The room edited, as it was read; NULL when adding one. */
  ShelterRoom         *room;
  /* The form as filled, to tell whether anything was changed since. */
  char                *initial;
  /* Closing without asking: saved, closed, reopened, or the changes discarded. */
  gboolean             may_close;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkLabel            *save_label;
  AdwEntryRow         *code_row;
  AdwEntryRow         *building_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *use_row;
  GtkStringList       *use_list;
  AdwComboRow         *age_row;
  GtkStringList       *age_list;
  AdwActionRow        *beds_row;
  GtkSpinButton       *beds_spin;
  AdwActionRow        *area_row;
  GtkSpinButton       *area_spin;
  AdwActionRow        *care_row;
  GtkSwitch           *care_switch;
  GtkSwitch           *accessible_switch;
  GtkLabel            *area_warning_label;
  AdwPreferencesGroup *status_group;
  AdwActionRow        *status_row;
  GtkButton           *close_button;
  GtkLabel            *close_label;
  AdwEntryRow         *close_date_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterRoomDialog, shelter_room_dialog, ADW_TYPE_WINDOW)

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

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static gboolean
is_adding (ShelterRoomDialog *self)
{
  return self->room == NULL;
}

static gboolean
is_closed (ShelterRoomDialog *self)
{
  return self->room != NULL && shelter_room_get_closed_on (self->room) != NULL;
}

static const char *
selected_code (AdwComboRow       *row,
               const ShelterEnum *enumeration)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= enumeration->n_values)
    return NULL;
  return enumeration->values[selected].code;
}

/* What the form holds now, over a copy of the room as read (id, version, dates). */
static ShelterRoom *
shelter_room_dialog_collect (ShelterRoomDialog *self)
{
  ShelterRoom *room = shelter_room_new ();

  if (self->room != NULL)
    {
      shelter_room_set_id (room, shelter_room_get_id (self->room));
      shelter_room_set_version (room, shelter_room_get_version (self->room));
      shelter_room_set_opened_on (room, shelter_room_get_opened_on (self->room));
      shelter_room_set_closed_on (room, shelter_room_get_closed_on (self->room));
    }
  shelter_room_set_code (room, get_text (self->code_row));
  shelter_room_set_building (room, get_text (self->building_row));
  shelter_room_set_name (room, get_text (self->name_row));
  shelter_room_set_sex_use (room, selected_code (self->use_row, &shelter_enum_room_use));
  shelter_room_set_age_group (room, selected_code (self->age_row, &shelter_enum_age_group));
  shelter_room_set_beds (room, (guint) gtk_spin_button_get_value_as_int (self->beds_spin));
  shelter_room_set_area_m2 (room, gtk_spin_button_get_value (self->area_spin));
  shelter_room_set_care_24h (room, gtk_switch_get_active (self->care_switch));
  shelter_room_set_accessible (room, gtk_switch_get_active (self->accessible_switch));
  return room;
}

/* Everything the user can change, as one string to compare. */
static char *
shelter_room_dialog_dup_signature (ShelterRoomDialog *self)
{
  g_autoptr (ShelterRoom) room = shelter_room_dialog_collect (self);

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%u\x1f%.1f\x1f%d\x1f%d",
                          get_text (self->code_row), get_text (self->building_row),
                          get_text (self->name_row), shelter_room_get_sex_use (room),
                          shelter_room_get_age_group (room), shelter_room_get_beds (room),
                          shelter_room_get_area_m2 (room), shelter_room_get_care_24h (room),
                          shelter_room_get_accessible (room));
}

/* The floor area warning follows the beds, the area and the care switch as they change. */
static void
space_changed_cb (ShelterRoomDialog *self)
{
  g_autoptr (ShelterRoom) room = NULL;
  g_autofree char *warning = NULL;

  if (self->session == NULL)
    return;
  _shelter_ui_set_error (GTK_WIDGET (self->beds_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->area_row), FALSE);
  room = shelter_room_dialog_collect (self);
  warning = shelter_rooms_area_warning (shelter_session_get_db (self->session), room);
  gtk_label_set_text (self->area_warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->area_warning_label), warning != NULL);
}

static void
row_changed_cb (ShelterRoomDialog *self,
                GtkEditable       *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  if (editable != NULL)
    _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
shelter_room_dialog_clear_errors (ShelterRoomDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->code_row), GTK_WIDGET (self->building_row), GTK_WIDGET (self->name_row),
    GTK_WIDGET (self->use_row), GTK_WIDGET (self->age_row), GTK_WIDGET (self->beds_row),
    GTK_WIDGET (self->area_row), GTK_WIDGET (self->close_date_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_room_dialog_show_error (ShelterRoomDialog *self,
                                const GError      *error)
{
  GtkWidget *row = NULL;
  GtkWidget *focus = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_ROOM_CODE:
          row = GTK_WIDGET (self->code_row);
          break;
        case SHELTER_FIELD_ROOM_NAME:
          row = GTK_WIDGET (self->name_row);
          break;
        case SHELTER_FIELD_ROOM_BUILDING:
          row = GTK_WIDGET (self->building_row);
          break;
        case SHELTER_FIELD_ROOM_USE:
          row = GTK_WIDGET (self->use_row);
          break;
        case SHELTER_FIELD_ROOM_AGE_GROUP:
          row = GTK_WIDGET (self->age_row);
          break;
        case SHELTER_FIELD_ROOM_BEDS:
          row = GTK_WIDGET (self->beds_row);
          focus = GTK_WIDGET (self->beds_spin);
          break;
        case SHELTER_FIELD_ROOM_AREA:
          row = GTK_WIDGET (self->area_row);
          focus = GTK_WIDGET (self->area_spin);
          break;
        case SHELTER_FIELD_ROOM_CLOSED_ON:
          row = GTK_WIDGET (self->close_date_row);
          break;
        default:
          break;
        }
    }

  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_widget_grab_focus (focus != NULL ? focus : row);
    }
  _shelter_ui_show_message (self->error_label, error->message);
}

static void
shelter_room_dialog_finish (ShelterRoomDialog *self,
                            ShelterRoom       *room,
                            const char        *message)
{
  _shelter_window_show_message (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, room);
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
shelter_room_dialog_save (ShelterRoomDialog *self)
{
  g_autoptr (ShelterRoom) room = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean saved;

  if (self->session == NULL)
    return;

  shelter_room_dialog_clear_errors (self);
  /* A number typed but not yet confirmed counts. */
  gtk_spin_button_update (self->beds_spin);
  gtk_spin_button_update (self->area_spin);

  /* A copy, so that a refusal leaves the room as it was read. */
  room = shelter_room_dialog_collect (self);
  if (is_adding (self))
    saved = shelter_rooms_add (self->session, room, &error);
  else
    saved = shelter_rooms_update (self->session, room, &error);
  if (!saved)
    {
      shelter_room_dialog_show_error (self, error);
      return;
    }

  /* Translators: a confirmation; %s is a room's code. */
  message = g_strdup_printf (_("Room %s was saved"), shelter_room_get_code (room));
  shelter_room_dialog_finish (self, room, message);
}

static void
save_clicked_cb (ShelterRoomDialog *self,
                 GtkButton         *button)
{
  shelter_room_dialog_save (self);
}

static void
entry_activated_cb (ShelterRoomDialog *self,
                    AdwEntryRow       *row)
{
  shelter_room_dialog_save (self);
}

/* Enter in a number field saves, as it does in the text fields. */
static gboolean
spin_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ShelterRoomDialog     *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  shelter_room_dialog_save (self);
  return TRUE;
}

static void
shelter_room_dialog_close_room (ShelterRoomDialog *self,
                                const char        *day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  shelter_room_dialog_clear_errors (self);
  if (!shelter_rooms_close (self->session, shelter_room_get_id (self->room), day,
                            shelter_room_get_version (self->room), &error))
    {
      shelter_room_dialog_show_error (self, error);
      return;
    }
  /* Translators: a confirmation; %s is a room's code. */
  message = g_strdup_printf (_("Room %s was closed"), shelter_room_get_code (self->room));
  shelter_room_dialog_finish (self, self->room, message);
}

/* Runs once the confirmation is gone: closing this dialog from inside the confirmation's
 * response would destroy the confirmation's parent under it. */
static gboolean
close_room_idle_cb (gpointer user_data)
{
  ShelterRoomDialog *self = user_data;
  g_autofree char *day = NULL;

  if (self->session == NULL || self->room == NULL)
    return G_SOURCE_REMOVE;
  day = _shelter_ui_parse_day (get_text (self->close_date_row));
  if (day != NULL)
    shelter_room_dialog_close_room (self, day);
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (ShelterRoomDialog *self,
                   const char        *response,
                   AdwMessageDialog  *dialog)
{
  if (!g_str_equal (response, "close"))
    return;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_room_idle_cb, g_object_ref (self),
                   g_object_unref);
}

static void
shelter_room_dialog_ask_close (ShelterRoomDialog *self)
{
  g_autofree char *day = _shelter_ui_parse_day (get_text (self->close_date_row));
  g_autofree char *shown = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (day == NULL)
    {
      /* Not a date: app/ refuses it, and says how to type it. */
      shelter_room_dialog_close_room (self, get_text (self->close_date_row));
      return;
    }

  shown = shelter_text_format_date (day);
  /* Translators: a confirmation's heading; %s is a room's code. */
  heading = g_strdup_printf (_("Close Room %s?"), shelter_room_get_code (self->room));
  /* Translators: %s is a date, dd/mm/yyyy. */
  body = g_strdup_printf (_("From %s the room is no longer offered for placements. Its history "
                            "is kept, and it can be reopened later."),
                          shown);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("_Close Room"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shelter_room_dialog_reopen (ShelterRoomDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  shelter_room_dialog_clear_errors (self);
  if (!shelter_rooms_reopen (self->session, shelter_room_get_id (self->room),
                             shelter_room_get_version (self->room), &error))
    {
      shelter_room_dialog_show_error (self, error);
      return;
    }
  /* Translators: a confirmation; %s is a room's code. */
  message = g_strdup_printf (_("Room %s was reopened"), shelter_room_get_code (self->room));
  shelter_room_dialog_finish (self, self->room, message);
}

static void
close_clicked_cb (ShelterRoomDialog *self,
                  GtkButton         *button)
{
  if (self->session == NULL || self->room == NULL)
    return;
  if (is_closed (self))
    shelter_room_dialog_reopen (self);
  else
    shelter_room_dialog_ask_close (self);
}

static void
close_activated_cb (ShelterRoomDialog *self,
                    AdwEntryRow       *row)
{
  close_clicked_cb (self, self->close_button);
}

static void
set_button_label (GtkButton  *button,
                  GtkLabel   *label,
                  const char *text)
{
  g_autofree char *name = NULL;

  gtk_label_set_label (label, text);
  name = g_strdup (gtk_label_get_text (label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
shelter_room_dialog_fill (ShelterRoomDialog *self)
{
  const char *use = self->room != NULL ? shelter_room_get_sex_use (self->room) : "female";
  const char *age = self->room != NULL ? shelter_room_get_age_group (self->room) : "adult";
  g_autoptr (GDateTime) now = shelter_session_now (self->session);
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  ShelterAgeBands bands = { { 0, 16, 18, 60 }, { 15, 17, 59, -1 } };
  const char *title;

  /* The defaults stand when the configured groups cannot be read. */
  shelter_age_bands_load (shelter_session_get_db (self->session), &bands, NULL);

  for (guint i = 0; i < shelter_enum_room_use.n_values; i++)
    {
      gtk_string_list_append (self->use_list,
                              shelter_enum_label (&shelter_enum_room_use,
                                                  shelter_enum_room_use.values[i].code));
      if (g_strcmp0 (use, shelter_enum_room_use.values[i].code) == 0)
        adw_combo_row_set_selected (self->use_row, i);
    }
  for (guint i = 0; i < shelter_enum_age_group.n_values; i++)
    {
      g_autofree char *label = shelter_age_bands_title (&bands, shelter_enum_age_group.values[i].code);

      gtk_string_list_append (self->age_list, label);
      if (g_strcmp0 (age, shelter_enum_age_group.values[i].code) == 0)
        adw_combo_row_set_selected (self->age_row, i);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), !is_adding (self));
  if (is_adding (self))
    {
      title = _("New Room");
      set_button_label (self->save_button, self->save_label, _("_Add"));
    }
  else
    {
      const char *closed_on = shelter_room_get_closed_on (self->room);
      g_autofree char *opened = shelter_text_format_date (shelter_room_get_opened_on (self->room));
      g_autofree char *status = NULL;

      title = _("Edit Room");
      set_button_label (self->save_button, self->save_label, _("_Save"));
      set_text (self->code_row, shelter_room_get_code (self->room));
      set_text (self->building_row, shelter_room_get_building (self->room));
      set_text (self->name_row, shelter_room_get_name (self->room));
      gtk_spin_button_set_value (self->beds_spin, shelter_room_get_beds (self->room));
      gtk_spin_button_set_value (self->area_spin, shelter_room_get_area_m2 (self->room));
      gtk_switch_set_active (self->care_switch, shelter_room_get_care_24h (self->room));
      gtk_switch_set_active (self->accessible_switch, shelter_room_get_accessible (self->room));

      if (closed_on != NULL)
        {
          g_autofree char *closed = shelter_text_format_date (closed_on);

          /* Translators: a room's state; the first %s is the day it closed, the second the
           * day it opened, both dd/mm/yyyy. */
          status = g_strdup_printf (_("Closed since %s (opened on %s)"), closed, opened);
          set_button_label (self->close_button, self->close_label, _("_Reopen Room"));
        }
      else
        {
          /* Translators: a room's state; %s is the day it opened, dd/mm/yyyy. */
          status = g_strdup_printf (_("Open since %s"), opened);
          set_button_label (self->close_button, self->close_label, _("C_lose Room…"));
          gtk_widget_add_css_class (GTK_WIDGET (self->close_button), "destructive-action");
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), status);
      gtk_widget_set_visible (GTK_WIDGET (self->close_date_row), closed_on == NULL);
      set_text (self->close_date_row, today);
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->code_row));
  space_changed_cb (self);
  self->initial = shelter_room_dialog_dup_signature (self);
}

static void
discard_response_cb (ShelterRoomDialog *self,
                     const char        *response,
                     AdwMessageDialog  *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Cancel or Escape with changes not saved asks first. */
static gboolean
shelter_room_dialog_close_request (GtkWindow *window)
{
  ShelterRoomDialog *self = SHELTER_ROOM_DIALOG (window);
  g_autofree char *now = NULL;
  GtkWidget *dialog;

  if (!self->may_close && self->initial != NULL)
    now = shelter_room_dialog_dup_signature (self);
  if (now == NULL || g_str_equal (now, self->initial))
    return GTK_WINDOW_CLASS (shelter_room_dialog_parent_class)->close_request (window);

  dialog = _shelter_ui_new_discard_dialog (window);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

ShelterRoomDialog *
shelter_room_dialog_new (ShelterSession *session,
                         ShelterRoom    *room)
{
  ShelterRoomDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (room == NULL || SHELTER_IS_ROOM (room), NULL);

  self = g_object_new (SHELTER_TYPE_ROOM_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->room = room != NULL ? g_object_ref (room) : NULL;
  shelter_room_dialog_fill (self);

  return self;
}

static void
shelter_room_dialog_dispose (GObject *object)
{
  ShelterRoomDialog *self = SHELTER_ROOM_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->room);
  g_clear_pointer (&self->initial, g_free);

  G_OBJECT_CLASS (shelter_room_dialog_parent_class)->dispose (object);
}

static void
shelter_room_dialog_class_init (ShelterRoomDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_room_dialog_dispose;
  window_class->close_request = shelter_room_dialog_close_request;

  /* The room as saved (or closed, or reopened): the list reads the rooms again. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SHELTER_TYPE_ROOM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-room-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, building_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, use_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, use_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, age_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, age_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, beds_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, beds_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, area_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, care_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, care_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, accessible_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, area_warning_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, close_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, close_date_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRoomDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, space_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_room_dialog_init (ShelterRoomDialog *self)
{
  GtkSpinButton *spins[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  spins[0] = self->beds_spin;
  spins[1] = self->area_spin;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (spin_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (spins[i]), keys);
    }
}
