/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the discharge and the follow-up after it, on the Stay
 * tab. For an open stay, "Discharge…" opens the assistant (ShelterDischargeDialog). For an
 * ended one, the discharge as written (the reason, when, where to and to whom, the
 * checklist as it stood with any override, a death's details), its two papers to save as
 * PDF, and the follow-ups with the case's closure. app/ decides; this file shows and asks.
 *
 * Why the Stay tab and not a tab of its own: the discharge is how the stay ends, and once it
 * has ended the tab has nothing else to show but the reception date; the tab is then named
 * "Stay and Follow-up", so that a caseworker calling months later finds it at a glance,
 * without a tenth tab crowding the switcher of every resident. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-discharge-dialog.h"
#include "shelter-discharge-papers.h"
#include "shelter-discharge.h"
#include "shelter-follow-up-dialog.h"
#include "shelter-follow-up.h"
#include "shelter-resident-page-private.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* On a follow-up's Record button: its row (ShelterFollowUpRow, owned by the group). */
#define FOLLOW_UP_KEY "shelter-follow-up-row"
#define FOLLOW_UPS_KEY "shelter-follow-up-rows"
#define PAPER_KIND_KEY "shelter-discharge-paper-kind"

static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->stay != NULL && shelter_stay_get_discharged_at (self->stay) == NULL;
}

static const char *
resident_name (ShelterResidentPage *self)
{
  const char *name = shelter_resident_summary_get_full_name (self->summary);

  return name != NULL ? name : shelter_resident_summary_get_case_code (self->summary);
}

static gboolean
may (ShelterResidentPage *self,
     ShelterPermission    permission)
{
  return self->session != NULL && shelter_session_may (self->session, permission);
}

/* Small widgets */

static GtkWidget *
new_group (ShelterResidentPage *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->stay_box, group);
  return group;
}

/* A recorded value: @title, and @value under it; nothing when @value is NULL or empty. */
static void
add_info (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = _shelter_ui_new_text_row (title, value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* A button named by its label (the mnemonic shown, the plain text as its name). */
static GtkWidget *
new_button (const char *mnemonic_label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", mnemonic_label,
                                   "use-underline", TRUE,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  return button;
}

static GtkWidget *
new_state (const char *icon_name,
           const char *style,
           const char *word)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  GtkWidget *label = gtk_label_new (word);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, style);
  gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* For an open stay */

static void
add_discharge_button (ShelterResidentPage *self)
{
  GtkWidget *group = new_group (self, _("Discharge"), NULL);
  GtkWidget *row = _shelter_ui_new_text_row (_("End of the stay"),
                                             _("Goes through the checklist, then ends the stay "
                                               "and plans the follow-up."));
  GtkWidget *button = new_button (_("_Discharge…"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "resident.discharge");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
discharged_cb (ShelterResidentPage    *self,
               const char             *message,
               ShelterDischargeDialog *dialog)
{
  _shelter_resident_page_reload (self, message);
}

void
_shelter_resident_page_discharge (ShelterResidentPage *self)
{
  ShelterDischargeDialog *dialog;

  if (self->session == NULL || self->person == NULL || !stay_is_open (self) ||
      !may (self, SHELTER_PERMISSION_DISCHARGE))
    return;

  dialog = shelter_discharge_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                         self->person_id, resident_name (self),
                                         shelter_resident_summary_get_room_code (self->summary));
  g_signal_connect_object (dialog, "discharged", G_CALLBACK (discharged_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* For an ended stay: the discharge as written */

/* The checklist as written: "family=done" lines, in the order of the items. */
static void
add_checklist (GtkWidget  *group,
               const char *checklist)
{
  g_auto(GStrv) lines = NULL;

  if (checklist == NULL)
    return;
  lines = g_strsplit (checklist, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (lines[i]), "=", 2);
      GtkWidget *row, *state;

      if (pair[0] == NULL || pair[1] == NULL ||
          g_str_equal (pair[1], "not_applicable"))
        continue;
      row = _shelter_ui_new_text_row (shelter_enum_label (&shelter_discharge_item, pair[0]),
                                      NULL);
      if (g_str_equal (pair[1], "done"))
        state = new_state ("object-select-symbolic", "success",
                           shelter_enum_label (&shelter_discharge_item_state, "done"));
      else if (g_str_equal (pair[1], "open"))
        state = new_state ("dialog-warning-symbolic", "warning",
                           C_("checklist item", "Left open"));
      else
        state = new_state ("action-unavailable-symbolic", "dim-label",
                           shelter_enum_label (&shelter_discharge_item_state, "not_needed"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
paper_chooser_response_cb (ShelterResidentPage  *self,
                           int                   response,
                           GtkFileChooserNative *chooser)
{
  g_autoptr(ShelterDischargePaper) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = _shelter_ui_chooser_get_path (chooser, response, &error);
  ShelterDischargePaperKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser),
                                                                       PAPER_KIND_KEY));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  _shelter_resident_page_close_chooser (self);
  if (error != NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (path == NULL || self->session == NULL || self->stay == NULL)
    return;
  paper = shelter_discharge_paper_load (self->session, shelter_stay_get_id (self->stay), kind,
                                        &error);
  if (paper == NULL ||
      !shelter_discharge_paper_write_pdf (self->session, paper, path, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  name = g_path_get_basename (path);
  if (kind == SHELTER_DISCHARGE_PAPER_HANDOVER)
    /* Translators: a toast; %s is the name of the PDF file. */
    message = g_strdup_printf (_("Handover record saved as %s"), name);
  else
    /* Translators: a toast; %s is the name of the PDF file. */
    message = g_strdup_printf (_("Case-closure form saved as %s"), name);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

void
_shelter_resident_page_save_discharge_paper (ShelterResidentPage       *self,
                                             ShelterDischargePaperKind  kind)
{
  g_autoptr(ShelterDischargePaper) paper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  GtkRoot *root;

  if (self->session == NULL || self->stay == NULL || stay_is_open (self))
    return;
  /* Read first: a refusal is said before a file is chosen. */
  paper = shelter_discharge_paper_load (self->session, shelter_stay_get_id (self->stay), kind,
                                        &error);
  if (paper == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  file_name = shelter_discharge_paper_dup_file_name (paper);
  _shelter_resident_page_close_chooser (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->chooser = _shelter_ui_pdf_chooser_new (kind == SHELTER_DISCHARGE_PAPER_HANDOVER
                                               ? _("Save Handover Record as PDF")
                                               : _("Save Case-Closure Form as PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               file_name);
  g_object_set_data (G_OBJECT (self->chooser), PAPER_KIND_KEY, GINT_TO_POINTER (kind));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (paper_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  _shelter_window_show_native_dialog (GTK_WIDGET (self), GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_papers (ShelterResidentPage *self,
            GtkWidget           *group)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *handover = new_button (_("Save _Handover Record…"));
  GtkWidget *closure = new_button (_("Save _Case-Closure Form…"));

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_tooltip_text (handover, _("The handover record (biên bản bàn giao), to be "
                                           "signed by the receiving side, the commune and "
                                           "the centre"));
  gtk_widget_set_tooltip_text (closure, _("The case-closure form, to be signed by the "
                                          "caseworker and the head of centre"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (handover), "resident.save-handover");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (closure), "resident.save-closure");
  gtk_box_append (GTK_BOX (box), handover);
  gtk_box_append (GTK_BOX (box), closure);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
}

static void
add_discharge (ShelterResidentPage *self,
               ShelterDischargeRow *row)
{
  GtkWidget *group;
  g_autofree char *when = _shelter_ui_format_time (row->discharged_at);
  gboolean death = g_strcmp0 (row->reason, "death") == 0;

  group = new_group (self, _("Discharge"), NULL);
  add_info (group, _("Reason"), shelter_enum_label (&shelter_enum_discharge_reason, row->reason));
  if (death)
    {
      /* Otherwise the day is the stay's "Left On", just above. */
      add_info (group, _("Date of death"), when);
      add_info (group, _("Cause of death"),
                row->death_cause != NULL && *row->death_cause != '\0'
                ? row->death_cause : _("Not known"));
      add_info (group, _("Who was informed"), row->death_informed);
    }
  add_info (group, _("Destination"), row->destination);
  add_info (group, _("Received by"), row->received_by);
  add_info (group, _("Discharged by"),
            row->created_by_name != NULL ? row->created_by_name : row->created_by);
  if (row->override_reason != NULL)
    {
      g_autofree char *override = NULL;

      /* Translators: a manager's reason for discharging with items left open, and who. */
      override = g_strdup_printf (_("%s (%s)"), row->override_reason,
                                  row->override_by_name != NULL ? row->override_by_name
                                  : row->override_by != NULL ? row->override_by : "—");
      add_info (group, _("Discharged with items left open"), override);
    }
  add_papers (self, group);

  group = new_group (self, _("Checklist as Written"), NULL);
  add_checklist (group, row->checklist);
  add_info (group, _("No family contact needed because"), row->family_not_needed);
  if (row->commune_informed_on != NULL)
    {
      g_autofree char *on = shelter_text_format_date (row->commune_informed_on);
      g_autofree char *text = NULL;

      /* Translators: when and whom: "05/03/2026, Ông Lý A Sáng". */
      text = g_strdup_printf (_("%s, %s"), on, row->commune_informed_whom ?: "—");
      add_info (group, _("Commune informed"), text);
    }
  if (row->police_informed_on != NULL)
    {
      g_autofree char *on = shelter_text_format_date (row->police_informed_on);
      g_autofree char *text = g_strdup_printf (_("%s, %s"), on, row->police_informed_whom ?: "—");

      add_info (group, _("Police informed"), text);
    }
  if (row->travel_cost_dong >= 0)
    {
      g_autofree char *money = shelter_text_format_money (row->travel_cost_dong);

      add_info (group, _("Travel costs paid"), money);
    }
  add_info (group, _("No travel money needed because"), row->travel_not_needed);
  for (guint i = 0; row->belongings != NULL && i < row->belongings->len; i++)
    {
      ShelterBelongingReturned *item = &g_array_index (row->belongings,
                                                       ShelterBelongingReturned, i);
      g_autofree char *text = NULL;

      if (item->returned)
        text = g_strdup (_("Given back"));
      else
        /* Translators: a belonging not given back, and why. */
        text = g_strdup_printf (_("Not given back: %s"), item->note != NULL ? item->note : "—");
      add_info (group, item->description, text);
    }
  add_info (group, _("Reintegration plan"), row->reintegration_plan);
}

/* The follow-up */

static void
follow_up_saved_cb (ShelterResidentPage *self,
                    const char          *message)
{
  _shelter_resident_page_reload (self, message);
}

static void
record_clicked_cb (ShelterResidentPage *self,
                   GtkButton           *button)
{
  const ShelterFollowUpRow *planned = g_object_get_data (G_OBJECT (button), FOLLOW_UP_KEY);
  ShelterFollowUpDialog *dialog;

  if (self->session == NULL || self->stay == NULL)
    return;
  dialog = shelter_follow_up_dialog_new_record (self->session, shelter_stay_get_id (self->stay),
                                                shelter_resident_summary_get_case_code (self->summary),
                                                shelter_resident_summary_get_full_name (self->summary),
                                                planned);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (follow_up_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
close_case_clicked_cb (ShelterResidentPage *self)
{
  ShelterFollowUpDialog *dialog;

  if (self->session == NULL || self->stay == NULL)
    return;
  dialog = shelter_follow_up_dialog_new_close_case (self->session,
                                                    shelter_stay_get_id (self->stay),
                                                    shelter_resident_summary_get_case_code (self->summary),
                                                    shelter_resident_summary_get_full_name (self->summary));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (follow_up_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static char *
dup_today (ShelterResidentPage *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);

  if (now == NULL)
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

static void
add_follow_up_row (ShelterResidentPage *self,
                   GtkWidget           *group,
                   ShelterFollowUpRow  *follow_up,
                   const char          *today,
                   gboolean             may_record)
{
  g_autofree char *due = shelter_text_format_date (follow_up->due_on);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean planned = g_strcmp0 (follow_up->status, "planned") == 0;
  gboolean overdue = planned && g_strcmp0 (follow_up->due_on, today) < 0;
  GtkWidget *row, *state;

  /* Translators: a follow-up: its due day (dd/mm/yyyy) and how (Visit, Phone call). */
  title = g_strdup_printf (_("%s · %s"), due,
                           shelter_enum_label (&shelter_follow_up_method, follow_up->method));
  if (g_strcmp0 (follow_up->status, "done") == 0)
    {
      g_autofree char *done_on = shelter_text_format_date (follow_up->done_on);

      /* Translators: a follow-up made: the situation found (Stable, At risk), when
       * (dd/mm/yyyy) and by whom. */
      subtitle = g_strdup_printf (_("%s — on %s by %s"),
                                  shelter_enum_label (&shelter_follow_up_situation,
                                                      follow_up->situation),
                                  done_on, follow_up->done_by ?: "—");
    }
  else if (g_strcmp0 (follow_up->status, "cancelled") == 0)
    subtitle = g_strdup (follow_up->cancel_reason);
  else if (follow_up->assigned_name != NULL || follow_up->assigned_to != NULL)
    /* Translators: %s is the staff member a planned follow-up is assigned to. */
    subtitle = g_strdup_printf (_("Assigned to %s"), follow_up->assigned_name != NULL
                                                     ? follow_up->assigned_name
                                                     : follow_up->assigned_to);
  row = _shelter_ui_new_text_row (title, subtitle);

  if (overdue)
    state = new_state ("task-past-due-symbolic", "error", _("Overdue"));
  else if (planned)
    state = new_state ("alarm-symbolic", "dim-label",
                       shelter_enum_label (&shelter_follow_up_status, follow_up->status));
  else if (g_strcmp0 (follow_up->status, "done") == 0)
    state = new_state (g_strcmp0 (follow_up->situation, "stable") == 0
                       ? "object-select-symbolic" : "dialog-warning-symbolic",
                       g_strcmp0 (follow_up->situation, "stable") == 0 ? "success" : "warning",
                       shelter_enum_label (&shelter_follow_up_status, follow_up->status));
  else
    state = new_state ("action-unavailable-symbolic", "dim-label",
                       shelter_enum_label (&shelter_follow_up_status, follow_up->status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  if (planned && may_record)
    {
      GtkWidget *button = new_button (_("_Record…"));
      g_autofree char *name = NULL;

      /* Translators: the name of a follow-up's Record button; %s is its due day. */
      name = g_strdup_printf (_("Record the follow-up due on %s"), due);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data (G_OBJECT (button), FOLLOW_UP_KEY, follow_up);
      g_signal_connect_object (button, "clicked", G_CALLBACK (record_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_follow_up (ShelterResidentPage *self,
               gboolean             death)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterCaseClosureRow) closure = NULL;
  g_autofree char *today = dup_today (self);
  GPtrArray *follow_ups;
  GtkWidget *group;
  gboolean may_record = may (self, SHELTER_PERMISSION_RECORD_FOLLOW_UP);
  gint64 stay_id = shelter_stay_get_id (self->stay);

  if (death)
    return;
  group = new_group (self, _("Follow-up After Discharge"),
                     _("Visits or calls for at least six months, so that the person is not "
                       "trafficked again."));
  follow_ups = shelter_follow_up_list_for_stay (self->session, stay_id, &error);
  if (follow_ups == NULL)
    {
      add_info (group, _("The follow-ups could not be read"), error->message);
      return;
    }
  /* The rows live as long as the group: the Record buttons hold them. */
  g_object_set_data_full (G_OBJECT (group), FOLLOW_UPS_KEY, follow_ups,
                          (GDestroyNotify) g_ptr_array_unref);
  closure = shelter_follow_up_get_closure (self->session, stay_id, &error);
  if (closure == NULL && error != NULL)
    g_debug ("The closure cannot be read: %s", error->message);

  for (guint i = 0; i < follow_ups->len; i++)
    add_follow_up_row (self, group, g_ptr_array_index (follow_ups, i), today,
                       may_record && closure == NULL);
  if (follow_ups->len == 0)
    {
      GtkWidget *row = _shelter_ui_new_text_row (_("No follow-up is planned"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (closure != NULL)
    {
      g_autofree char *on = shelter_text_format_date (closure->closed_on);
      g_autofree char *title = NULL;

      /* Translators: %s is the day a case was closed (dd/mm/yyyy). */
      title = g_strdup_printf (_("Case closed on %s"), on);
      add_info (group, title, closure->early && closure->reason != NULL
                              ? closure->reason : closure->summary);
      if (closure->early)
        add_info (group, _("How the person is doing"), closure->summary);
    }
  else if (may_record)
    {
      GtkWidget *button = new_button (_("_Close Case…"));

      g_signal_connect_object (button, "clicked", G_CALLBACK (close_case_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
}

void
_shelter_resident_page_update_discharge (ShelterResidentPage *self)
{
  g_autoptr(ShelterDischargeRow) row = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.discharge",
                                 self->person != NULL && stay_is_open (self) &&
                                 may (self, SHELTER_PERMISSION_DISCHARGE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save-handover", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save-closure", FALSE);
  adw_view_stack_page_set_title (self->stay_page, _("Stay and Room"));

  if (self->session == NULL || self->stay == NULL || self->person == NULL)
    return;

  if (stay_is_open (self))
    {
      if (may (self, SHELTER_PERMISSION_DISCHARGE))
        add_discharge_button (self);
      return;
    }

  row = shelter_discharge_get (self->session, shelter_stay_get_id (self->stay), &error);
  if (row == NULL)
    {
      if (error != NULL)
        add_info (new_group (self, _("Discharge"), NULL), _("The discharge could not be read"),
                  error->message);
      return;
    }
  adw_view_stack_page_set_title (self->stay_page, _("Stay and Follow-up"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save-handover", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save-closure", TRUE);
  add_discharge (self, row);
  add_follow_up (self, g_strcmp0 (row->reason, "death") == 0);
}
