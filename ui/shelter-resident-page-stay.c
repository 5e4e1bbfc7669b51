/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Stay and Room tab. The room the resident sleeps in,
 * since when they are at the centre, whether they are away (in hospital, at court, on home
 * leave) and until when; moving them to another room, recording an absence and the
 * return. app/ decides what is allowed; this file asks and shows. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-absence-dialog.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-move-dialog.h"
#include "shelter-placement.h"
#include "shelter-resident-page-private.h"
#include "shelter-rooms.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

#define ENTRY_KEY "shelter-return-entry"

/* An open stay the session may see the whereabouts of (not those of a protected resident
 * it may not know). */
static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->person != NULL && self->stay != NULL &&
         shelter_stay_get_discharged_at (self->stay) == NULL;
}

static gboolean
may_admit (ShelterResidentPage *self)
{
  return self->session != NULL && shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT);
}

/* Where the resident is while away: "Hospital", "Court", "Home leave" or "Other". */
static const char *
absence_kind_label (ShelterResidentPage *self)
{
  const char *label = shelter_enum_label (&shelter_enum_absence_kind, self->absence->kind);

  return label != NULL ? label : "";
}

/* Whether the resident is away past the day they should have been back (app/'s rule). */
static gboolean
absence_overdue (ShelterResidentPage *self)
{
  return self->absence != NULL && self->absence->overdue;
}

gboolean
_shelter_resident_page_add_stay_alerts (ShelterResidentPage *self)
{
  g_autofree char *return_on = NULL;
  g_autofree char *since = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean overdue;
  GtkWidget *row;

  adw_view_stack_page_set_needs_attention (self->stay_page, FALSE);
  if (!stay_is_open (self) || self->absence == NULL)
    return FALSE;

  overdue = absence_overdue (self);
  return_on = shelter_text_format_date (self->absence->planned_return_on);
  since = _shelter_ui_format_time (self->absence->started_at);
  /* Translators: under the alert of an absence: where to (Hospital, Court, Home leave),
   * and when it started (dd/mm/yyyy hh:mm). */
  subtitle = g_strdup_printf (_("%s, since %s"), absence_kind_label (self), since);
  if (overdue)
    /* Translators: an alert; %s is the day the resident should have been back (dd/mm/yyyy). */
    title = g_strdup_printf (_("Absence overdue since %s"), return_on);
  else
    /* Translators: an alert; %s is the day the resident should be back (dd/mm/yyyy). */
    title = g_strdup_printf (_("Away: back on %s"), return_on);

  row = _shelter_resident_page_new_alert_row (overdue ? "appointment-missed-symbolic"
                                                      : "user-away-symbolic",
                                              overdue ? "error" : "accent", title, subtitle);
  _shelter_resident_page_link_alert (row, "stay");
  gtk_list_box_append (self->alerts_list, row);
  adw_view_stack_page_set_needs_attention (self->stay_page, overdue);
  return TRUE;
}

/* The tab's rows */

static GtkWidget *
new_property_row (const char *title,
                  const char *value)
{
  GtkWidget *row = _shelter_ui_new_text_row (title, value);

  gtk_widget_add_css_class (row, "property");
  return row;
}

/* A button at the end of @row that activates @action, named by its label. */
static void
add_row_button (GtkWidget  *row,
                const char *mnemonic_label,
                const char *action)
{
  GtkWidget *button = gtk_button_new ();
  /* The label shows the name and the mnemonic; the button alone carries the name, as the
   * buttons of the templates do, so that a screen reader says it once. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", mnemonic_label,
                                   "use-underline", TRUE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

/* "A101 — Phòng nữ tầng 1"; the code alone when the room has no name or cannot be read. */
static char *
describe_room (ShelterResidentPage *self,
               const char          *code)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;

  rooms = shelter_rooms_list (self->session, &error);
  if (rooms == NULL)
    {
      g_debug ("The rooms cannot be listed: %s", error->message);
      return g_strdup (code);
    }
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterRoom *room = g_ptr_array_index (rooms, i);

      if (g_strcmp0 (shelter_room_get_code (room), code) == 0 &&
          shelter_room_get_name (room) != NULL &&
          g_strcmp0 (shelter_room_get_name (room), code) != 0)
        return g_strdup_printf ("%s — %s", code, shelter_room_get_name (room));
    }
  return g_strdup (code);
}

static void
add_room_group (ShelterResidentPage *self)
{
  const char *room_code = shelter_resident_summary_get_room_code (self->summary);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  g_autofree char *received = NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Stay"));
  if (shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_AUDIT))
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Earlier moves between rooms are in the History "
                                             "tab."));

  if (stay_is_open (self))
    {
      g_autofree char *room = room_code != NULL ? describe_room (self, room_code) : NULL;

      row = new_property_row (_("Room Now"), room != NULL ? room : _("No room"));
      if (may_admit (self))
        add_row_button (row, _("_Move to Another Room…"), "resident.move");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  received = _shelter_ui_format_time (shelter_stay_get_admitted_at (self->stay));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_property_row (_("Reception Date"), received));

  if (!stay_is_open (self))
    {
      g_autofree char *left = _shelter_ui_format_time (shelter_stay_get_discharged_at (self->stay));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_property_row (_("Left On"), left));
    }

  gtk_box_append (self->stay_box, group);
}

static void
add_absence_group (ShelterResidentPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Absence"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("In hospital, at court or on home leave, the "
                                           "resident keeps their bed."));

  if (self->absence == NULL)
    {
      row = _shelter_ui_new_text_row (_("At the centre"), NULL);
      if (may_admit (self))
        add_row_button (row, _("_Record an Absence…"), "resident.record-absence");
    }
  else
    {
      gboolean overdue = absence_overdue (self);
      g_autofree char *since = _shelter_ui_format_time (self->absence->started_at);
      g_autofree char *return_on = shelter_text_format_date (self->absence->planned_return_on);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *icon;

      /* Translators: where the resident is (Hospital, Court, Home leave) and when the
       * absence started (dd/mm/yyyy hh:mm). */
      title = g_strdup_printf (_("Away: %s, since %s"), absence_kind_label (self), since);
      /* Translators: %s is the day the resident should be back (dd/mm/yyyy). */
      subtitle = g_strdup_printf (_("Back on %s"), return_on);
      row = _shelter_ui_new_text_row (title, subtitle);

      icon = g_object_new (GTK_TYPE_IMAGE,
                           "icon-name", overdue ? "appointment-missed-symbolic"
                                                : "user-away-symbolic",
                           "valign", GTK_ALIGN_CENTER,
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                           NULL);
      gtk_widget_add_css_class (icon, overdue ? "error" : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (overdue)
        {
          /* Past the day they should have been back, as a full room is marked. */
          GtkWidget *label = gtk_label_new (_("Overdue"));

          gtk_widget_add_css_class (label, "error");
          gtk_widget_add_css_class (label, "heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      if (may_admit (self))
        add_row_button (row, _("Record the _Return…"), "resident.record-return");
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->stay_box, group);
}

void
_shelter_resident_page_update_stay (ShelterResidentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stay_box))) != NULL)
    gtk_box_remove (self->stay_box, child);

  /* What app/ would refuse is not offered: moves and absences are for those who admit, in
   * an open stay. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.move",
                                 may_admit (self) && stay_is_open (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.record-absence",
                                 may_admit (self) && stay_is_open (self) &&
                                 self->absence == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.record-return",
                                 may_admit (self) && stay_is_open (self) &&
                                 self->absence != NULL);

  if (self->session == NULL || self->summary == NULL || self->stay == NULL ||
      self->person == NULL)
    {
      _shelter_resident_page_update_discharge (self);
      return;
    }

  add_room_group (self);
  if (stay_is_open (self))
    add_absence_group (self);
  _shelter_resident_page_update_discharge (self);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* After a change saved from a dialog the tab is built again: the focus goes to the button
 * of what comes next (@action), not to wherever the window would put it. */
static void
reload_and_focus (ShelterResidentPage *self,
                  const char          *message,
                  const char          *action)
{
  GtkWidget *button;

  _shelter_resident_page_reload (self, message);
  button = find_action_button (GTK_WIDGET (self->stay_box), action);
  if (button != NULL && gtk_widget_get_mapped (button))
    gtk_widget_grab_focus (button);
}

/* Moving */

static void
moved_cb (ShelterResidentPage *self,
          const char          *room_code,
          ShelterMoveDialog   *dialog)
{
  g_autofree char *message = NULL;

  /* Translators: a toast; %s is the code of the room the resident moved to. */
  message = g_strdup_printf (_("Moved to room %s"), room_code);
  reload_and_focus (self, message, "resident.move");
}

void
_shelter_resident_page_move (ShelterResidentPage *self)
{
  ShelterMoveDialog *dialog;

  if (self->session == NULL || !stay_is_open (self))
    return;

  dialog = shelter_move_dialog_new (self->session, self->summary,
                                    shelter_stay_get_id (self->stay));
  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Absences */

static void
absence_saved_cb (ShelterResidentPage  *self,
                  const char           *return_on,
                  ShelterAbsenceDialog *dialog)
{
  g_autofree char *date = shelter_text_format_date (return_on);
  g_autofree char *message = NULL;

  /* Translators: a toast; %s is the day the resident should be back (dd/mm/yyyy). */
  message = g_strdup_printf (_("Absence recorded: back on %s"), date);
  reload_and_focus (self, message, "resident.record-return");
}

void
_shelter_resident_page_record_absence (ShelterResidentPage *self)
{
  ShelterAbsenceDialog *dialog;

  if (self->session == NULL || !stay_is_open (self))
    return;

  dialog = shelter_absence_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                       shelter_resident_summary_get_full_name (self->summary));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (absence_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void shelter_resident_page_ask_return (ShelterResidentPage *self,
                                              const char          *text,
                                              const char          *message);

static void
return_response_cb (ShelterResidentPage *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), ENTRY_KEY);
  g_autofree char *text = NULL;
  g_autofree char *returned_at = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "return") != 0 || self->session == NULL || !stay_is_open (self))
    return;

  text = g_strdup (gtk_editable_get_text (entry));
  /* As typed when it is no date and time: app/ says what is wrong with it. */
  returned_at = _shelter_ui_parse_time (text);
  if (!shelter_absence_end (self->session, shelter_stay_get_id (self->stay),
                            returned_at != NULL ? returned_at : text, &error))
    {
      /* A time the centre's rules refuse: ask again, with what was typed and why. */
      if (error->domain == SHELTER_FIELD_ERROR)
        shelter_resident_page_ask_return (self, text, error->message);
      else
        {
          /* Recorded from another desk meanwhile, or refused: the page as it is now. */
          _shelter_resident_page_reload (self, NULL);
          _shelter_window_show_message (GTK_WIDGET (self), error->message);
        }
      return;
    }

  reload_and_focus (self, _("Return recorded"), "resident.record-absence");
}

/* Asks when the resident came back, starting from @text (now when NULL), with @message (a
 * refusal of the previous try) under the field. */
static void
shelter_resident_page_ask_return (ShelterResidentPage *self,
                                  const char          *text,
                                  const char          *message)
{
  g_autofree char *now = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  GtkWidget *entry;
  GtkWidget *error_label;

  dialog = adw_message_dialog_new (NULL, _("Record the Return"),
                                   _("Enter when the resident came back to the centre."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Record the Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "return",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Back On (dd/mm/yyyy hh:mm)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_box_append (GTK_BOX (box), list);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
  gtk_widget_add_css_class (error_label, "error");
  _shelter_ui_show_message (GTK_LABEL (error_label), message);
  gtk_box_append (GTK_BOX (box), error_label);
  if (message != NULL)
    {
      _shelter_ui_set_error (entry, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                      -1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  if (text == NULL)
    text = now = _shelter_ui_format_now (self->session);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);

  g_object_set_data (G_OBJECT (dialog), ENTRY_KEY, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (return_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
_shelter_resident_page_record_return (ShelterResidentPage *self)
{
  if (self->session == NULL || !stay_is_open (self) || self->absence == NULL)
    return;
  shelter_resident_page_ask_return (self, NULL, NULL);
}
