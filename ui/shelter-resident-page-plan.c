/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Support Plan tab. The newest needs assessment (the
 * eight areas with their level), the plan with its status, who drafted and approved it and
 * its review date (flagged when due), its goals and progress notes, and the steps the
 * session's role may take: "Assess Needs…", "Draft Plan…"/"Edit Plan…", "Approve Plan…",
 * "Start Plan", "Add Progress Note…", "Review Plan…", "Complete…", "Cancel Plan…".
 * app/shelter-support-plan.c decides; this file shows and asks. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-assessment-dialog.h"
#include "shelter-plan-dialog.h"
#include "shelter-resident-page-private.h"
#include "shelter-services.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

typedef enum
{
  ASK_APPROVE,
  ASK_NOTE,
  ASK_REVIEW,
  ASK_COMPLETE,
  ASK_CANCEL,
  ASK_DROP_GOAL,
} AskKind;

typedef struct
{
  AskKind kind;
  gint64  id;       /* the plan, or the goal to drop */
  gint64  version;
} Ask;

#define ASK_KEY   "shelter-plan-ask"
#define DATE_KEY  "shelter-plan-date"
#define TEXT_KEY  "shelter-plan-text"

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

static void ask (ShelterResidentPage *self,
                 const Ask           *what,
                 const char          *date,
                 const char          *text,
                 const GError        *error);

static void
ask_response_cb (ShelterResidentPage *self,
                 const char          *response,
                 AdwMessageDialog    *dialog)
{
  const Ask *what = g_object_get_data (G_OBJECT (dialog), ASK_KEY);
  GtkEditable *date_entry = g_object_get_data (G_OBJECT (dialog), DATE_KEY);
  GtkEditable *text_entry = g_object_get_data (G_OBJECT (dialog), TEXT_KEY);
  g_autofree char *date = date_entry ? g_strdup (gtk_editable_get_text (date_entry)) : NULL;
  g_autofree char *text = text_entry ? g_strdup (gtk_editable_get_text (text_entry)) : NULL;
  g_autofree char *day = NULL;
  g_autoptr (GError) error = NULL;
  const char *done = NULL;
  gboolean ok = FALSE;

  if (g_strcmp0 (response, "ok") != 0 || self->session == NULL)
    return;
  if (date != NULL && *date != '\0')
    {
      day = _shelter_ui_parse_day (date);
      if (day == NULL)
        day = g_strdup (date);
    }

  switch (what->kind)
    {
    case ASK_APPROVE:
      ok = shelter_support_plan_approve (self->session, what->id, what->version, day, &error);
      done = _("Support plan approved");
      break;
    case ASK_NOTE:
      ok = shelter_support_plan_add_note (self->session, what->id, 0, day, text, &error) != 0;
      done = _("Progress note added");
      break;
    case ASK_REVIEW:
      ok = shelter_support_plan_review (self->session, what->id, what->version, day, text,
                                        &error);
      done = _("Review recorded");
      break;
    case ASK_COMPLETE:
      ok = shelter_support_plan_complete (self->session, what->id, what->version, text, &error);
      done = _("Support plan completed");
      break;
    case ASK_CANCEL:
      ok = shelter_support_plan_cancel (self->session, what->id, what->version, text, &error);
      done = _("Support plan cancelled");
      break;
    case ASK_DROP_GOAL:
      ok = shelter_support_plan_set_goal_status (self->session, what->id, "dropped", text,
                                                 &error);
      done = _("Goal dropped");
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    {
      _shelter_resident_page_reload (self, done);
      return;
    }
  if (error->domain == SHELTER_FIELD_ERROR)
    {
      Ask again = *what;

      /* Ask again with what was typed and why it was refused. */
      ask (self, &again, date, text, error);
      return;
    }
  /* Changed from another desk meanwhile, or refused: the page as it is now. */
  _shelter_resident_page_reload (self, NULL);
  _shelter_window_show_message (GTK_WIDGET (self), error->message);
}

static GtkWidget *
new_entry (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  return entry;
}

/* The small dialogs of the steps: a date, a text, or both; @error (a refusal of the
 * previous try) under the field it names. */
static void
ask (ShelterResidentPage *self,
     const Ask           *what,
     const char          *date,
     const char          *text,
     const GError        *error)
{
  const char *heading = NULL, *body = NULL, *action = NULL, *date_title = NULL;
  const char *text_title = NULL;
  g_autofree char *today = NULL;
  GtkWidget *dialog, *box, *list, *error_label;
  GtkWidget *date_entry = NULL, *text_entry = NULL, *at_fault = NULL;
  gboolean destructive = FALSE;

  switch (what->kind)
    {
    case ASK_APPROVE:
      heading = _("Approve Plan");
      body = _("Once approved, the plan can be put in progress. Set when it is to be reviewed; "
               "left empty, the review is 3 months from today.");
      action = _("_Approve");
      date_title = _("Review Date (dd/mm/yyyy)");
      break;
    case ASK_NOTE:
      heading = _("Add Progress Note");
      body = _("What happened towards the plan’s goals. Confidential counselling or medical "
               "notes belong in the services, not here.");
      action = _("_Add Note");
      date_title = _("Date (dd/mm/yyyy)");
      text_title = _("Progress Note");
      if (date == NULL)
        {
          g_autofree char *now = _shelter_ui_format_now (self->session);

          /* "22/11/2026 09:30": its day. */
          date = today = g_strndup (now, 10);
        }
      break;
    case ASK_REVIEW:
      heading = _("Review Plan");
      body = _("What the review found, and when the plan is to be reviewed next.");
      action = _("_Record Review");
      date_title = _("Next Review (dd/mm/yyyy)");
      text_title = _("What the Review Found");
      break;
    case ASK_COMPLETE:
      heading = _("Complete Plan");
      body = _("The plan has been carried out. Say what it achieved.");
      action = _("_Complete");
      text_title = _("What the Plan Achieved");
      break;
    case ASK_CANCEL:
      heading = _("Cancel Plan?");
      body = _("A cancelled plan stays on record but is no longer followed.");
      action = _("Cancel _Plan");
      text_title = _("Reason");
      destructive = TRUE;
      break;
    case ASK_DROP_GOAL:
      heading = _("Drop Goal?");
      body = _("The goal stays in the plan, marked dropped.");
      action = _("_Drop Goal");
      text_title = _("Reason");
      destructive = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  dialog = adw_message_dialog_new (NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Back"),
                                    "ok", action, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (date_title != NULL)
    date_entry = new_entry (list, date_title, date);
  if (text_title != NULL)
    text_entry = new_entry (list, text_title, text);
  gtk_box_append (GTK_BOX (box), list);

  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0.0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  _shelter_ui_show_message (GTK_LABEL (error_label), error != NULL ? error->message : NULL);
  gtk_box_append (GTK_BOX (box), error_label);
  if (error != NULL)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_PLAN_REVIEW_DATE:
        case SHELTER_FIELD_PLAN_NOTE_DATE:
          at_fault = date_entry;
          break;
        default:
          at_fault = text_entry;
          break;
        }
      if (at_fault != NULL)
        {
          _shelter_ui_set_error (at_fault, TRUE);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (at_fault),
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label,
                                          NULL, -1);
        }
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data_full (G_OBJECT (dialog), ASK_KEY, g_memdup2 (what, sizeof *what), g_free);
  g_object_set_data (G_OBJECT (dialog), DATE_KEY, date_entry);
  g_object_set_data (G_OBJECT (dialog), TEXT_KEY, text_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_response_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
  /* The field to fill: the one refused, else the text, else the date. */
  if (at_fault == NULL)
    at_fault = text_entry != NULL ? text_entry : date_entry;
  if (at_fault != NULL)
    gtk_widget_grab_focus (at_fault);
}

/* The buttons */

static ShelterSupportPlanFile *
read_file (ShelterResidentPage *self)
{
  g_autoptr (GError) error = NULL;
  ShelterSupportPlanFile *file;

  file = shelter_support_plan_read (self->session, shelter_stay_get_id (self->stay), &error);
  if (file == NULL)
    _shelter_window_show_message (GTK_WIDGET (self), error->message);
  return file;
}

static void
assessment_saved_cb (ShelterResidentPage     *self,
                     ShelterAssessmentDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Needs assessment recorded"));
}

static void
assess_clicked_cb (ShelterResidentPage *self,
                   GtkButton           *button)
{
  g_autoptr (ShelterSupportPlanFile) file = read_file (self);
  ShelterAssessmentDialog *dialog;

  if (file == NULL)
    return;
  dialog = shelter_assessment_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                          resident_name (self), file->assessment);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (assessment_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
plan_saved_cb (ShelterResidentPage *self,
               ShelterPlanDialog   *dialog)
{
  _shelter_resident_page_reload (self, _("Support plan saved"));
}

static void
draft_clicked_cb (ShelterResidentPage *self,
                  GtkButton           *button)
{
  g_autoptr (ShelterSupportPlanFile) file = read_file (self);
  ShelterPlanDialog *dialog;

  if (file == NULL || file->assessment == NULL)
    return;
  dialog = shelter_plan_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                    resident_name (self), file);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (plan_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
step_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  ShelterResidentPage *self = user_data;
  const Ask *what = g_object_get_data (G_OBJECT (button), ASK_KEY);

  ask (self, what, NULL, NULL, NULL);
}

static void
start_clicked_cb (GtkButton *button,
                  gpointer   user_data)
{
  ShelterResidentPage *self = user_data;
  const Ask *what = g_object_get_data (G_OBJECT (button), ASK_KEY);
  g_autoptr (GError) error = NULL;

  if (!shelter_support_plan_start (self->session, what->id, what->version, &error))
    {
      _shelter_resident_page_reload (self, NULL);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  _shelter_resident_page_reload (self, _("Support plan started"));
}

static void
achieved_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  ShelterResidentPage *self = user_data;
  const Ask *what = g_object_get_data (G_OBJECT (button), ASK_KEY);
  g_autoptr (GError) error = NULL;

  if (!shelter_support_plan_set_goal_status (self->session, what->id, "achieved", NULL, &error))
    {
      _shelter_resident_page_reload (self, NULL);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  _shelter_resident_page_reload (self, _("Goal achieved"));
}

/* A button with a mnemonic label and an accessible name without the underline. */
static GtkWidget *
new_button (const char *label,
            const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
new_step_button (ShelterResidentPage *self,
                 GtkWidget           *box,
                 const char          *label,
                 const char          *name,
                 AskKind              kind,
                 gint64               id,
                 gint64               version,
                 GCallback            callback)
{
  GtkWidget *button = new_button (label, name);
  Ask what = { kind, id, version };

  g_object_set_data_full (G_OBJECT (button), ASK_KEY, g_memdup2 (&what, sizeof what), g_free);
  g_signal_connect_object (button, "clicked", callback != NULL ? callback
                                                               : G_CALLBACK (step_clicked_cb),
                           self, 0);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* Filling the tab */

static GtkWidget *
new_group (ShelterResidentPage *self,
           const char          *title,
           const char          *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->plan_box, group);
  return group;
}

static void
add_assessment (ShelterResidentPage          *self,
                const ShelterSupportPlanFile *file,
                gboolean                      may_draft)
{
  g_autofree char *description = NULL;
  GtkWidget *group;

  if (file->assessment != NULL)
    {
      g_autofree char *day = shelter_text_format_date (file->assessment->assessed_on);

      /* Translators: "Assessed on 20/11/2026 by canbo.lan". */
      description = g_strdup_printf (_("Assessed on %s by %s"), day,
                                     file->assessment->assessed_by);
    }
  group = new_group (self, _("Needs Assessment"),
                     description != NULL ? description : _("No needs assessment yet. A support "
                                                           "plan is drawn from one."));
  if (may_draft)
    {
      GtkWidget *button = new_button (_("_Assess Needs…"), _("Assess Needs"));

      g_signal_connect_object (button, "clicked", G_CALLBACK (assess_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  if (file->assessment == NULL)
    return;
  for (guint i = 0; i < shelter_enum_need_area.n_values; i++)
    {
      const char *area = shelter_enum_need_area.values[i].code;
      const char *level = shelter_support_plan_area_level (file->assessment, area);
      const char *note = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      for (guint j = 0; j < file->assessment->areas->len; j++)
        {
          const ShelterAssessmentAreaRow *r = g_ptr_array_index (file->assessment->areas, j);

          if (g_str_equal (r->area, area))
            note = r->note;
        }
      subtitle = note != NULL ? g_strdup_printf ("%s · %s",
                                                 shelter_enum_label (&shelter_enum_need_level,
                                                                     level), note)
                              : g_strdup (shelter_enum_label (&shelter_enum_need_level, level));
      row = _shelter_ui_new_text_row (shelter_enum_label (&shelter_enum_need_area, area),
                                      subtitle);
      if (g_str_equal (level, "none"))
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static GtkWidget *
new_status_badge (const char *status)
{
  GtkWidget *badge = gtk_label_new (shelter_enum_label (&shelter_enum_plan_status, status));

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption-heading");
  if (g_str_equal (status, "draft"))
    gtk_widget_add_css_class (badge, "warning");
  else if (g_str_equal (status, "approved") || g_str_equal (status, "in_progress"))
    gtk_widget_add_css_class (badge, "accent");
  else if (g_str_equal (status, "completed"))
    gtk_widget_add_css_class (badge, "success");
  else
    gtk_widget_add_css_class (badge, "dim-label");
  return badge;
}

static void
add_plan (ShelterResidentPage          *self,
          const ShelterSupportPlanFile *file,
          gboolean                      open)
{
  const ShelterPlanRow *plan = file->plan;
  gboolean may_draft = open && shelter_session_may (self->session, SHELTER_PERMISSION_DRAFT_PLAN);
  gboolean may_approve = open && shelter_session_may (self->session,
                                                      SHELTER_PERMISSION_APPROVE_PLAN);
  gboolean may_note = open && shelter_session_may (self->session,
                                                   SHELTER_PERMISSION_WRITE_PLAN_NOTE);
  gboolean closed = plan == NULL || plan->closed_at != NULL;
  GtkWidget *group, *row, *buttons;

  group = new_group (self, _("Support Plan"),
                     plan == NULL ? _("No support plan yet. The caseworker drafts it from the "
                                      "needs assessment; a manager approves it.")
                                  : NULL);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_START);

  if (closed && may_draft && file->assessment != NULL)
    {
      GtkWidget *button = new_button (_("_Draft Plan…"), _("Draft Plan"));

      g_signal_connect_object (button, "clicked", G_CALLBACK (draft_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  if (plan != NULL && g_str_equal (plan->status, "draft"))
    {
      if (may_draft)
        {
          GtkWidget *button = new_button (_("_Edit Plan…"), _("Edit Plan"));

          g_signal_connect_object (button, "clicked", G_CALLBACK (draft_clicked_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (buttons), button);
        }
      if (may_approve)
        gtk_widget_add_css_class (new_step_button (self, buttons, _("A_pprove Plan…"),
                                                   _("Approve Plan"), ASK_APPROVE, plan->id,
                                                   plan->version, NULL),
                                  "suggested-action");
    }
  if (plan != NULL && g_str_equal (plan->status, "approved") && may_draft)
    gtk_widget_add_css_class (new_step_button (self, buttons, _("_Start Plan"), _("Start Plan"),
                                               ASK_APPROVE /* unused */, plan->id, plan->version,
                                               G_CALLBACK (start_clicked_cb)),
                              "suggested-action");
  if (plan != NULL && !closed && !g_str_equal (plan->status, "draft"))
    {
      if (may_note)
        new_step_button (self, buttons, _("Add Progress _Note…"), _("Add Progress Note"),
                         ASK_NOTE, plan->id, plan->version, NULL);
      if (may_draft)
        new_step_button (self, buttons, _("_Review Plan…"), _("Review Plan"), ASK_REVIEW,
                         plan->id, plan->version, NULL);
    }
  if (plan != NULL && g_str_equal (plan->status, "in_progress") && may_draft)
    new_step_button (self, buttons, _("C_omplete…"), _("Complete Plan"), ASK_COMPLETE,
                     plan->id, plan->version, NULL);
  if (plan != NULL && !closed &&
      (g_str_equal (plan->status, "draft") ? may_draft : may_approve))
    gtk_widget_add_css_class (new_step_button (self, buttons, _("_Cancel Plan…"),
                                               _("Cancel Plan"), ASK_CANCEL, plan->id,
                                               plan->version, NULL),
                              "destructive-action");
  if (gtk_widget_get_first_child (buttons) != NULL)
    gtk_box_append (self->plan_box, buttons);
  else
    {
      g_object_ref_sink (buttons);
      g_object_unref (buttons);
    }

  if (plan == NULL)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Status"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  {
    g_autofree char *drafted = _shelter_ui_format_time (plan->drafted_at);
    g_autofree char *approved = _shelter_ui_format_time (plan->approved_at);
    g_autoptr (GString) subtitle = g_string_new (NULL);

    /* Translators: who drafted a support plan and when. */
    g_string_append_printf (subtitle, _("Drafted by %s on %s"), plan->drafted_by, drafted);
    if (plan->approved_by != NULL)
      {
        g_string_append_c (subtitle, '\n');
        g_string_append_printf (subtitle, _("Approved by %s on %s"), plan->approved_by,
                                approved);
      }
    if (plan->close_reason != NULL)
      {
        g_string_append_c (subtitle, '\n');
        g_string_append (subtitle, plan->close_reason);
      }
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
    adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_status_badge (plan->status));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  if (plan->review_on != NULL)
    {
      g_autofree char *review = shelter_text_format_date (plan->review_on);

      row = _shelter_ui_new_text_row (_("Review Date"), review);
      if (file->review_due)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Review due"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          {
            /* Translators: the review date of a support plan once it has come. */
            g_autofree char *due = g_strdup_printf (_("%s — review due"), review);

            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), due);
          }
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_goals (ShelterResidentPage          *self,
           const ShelterSupportPlanFile *file,
           gboolean                      open)
{
  gboolean may_follow = open && g_str_equal (file->plan->status, "in_progress") &&
                        shelter_session_may (self->session, SHELTER_PERMISSION_DRAFT_PLAN);
  GtkWidget *group = new_group (self, _("Goals"), NULL);

  if (file->goals->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               _shelter_ui_new_text_row (_("No goals yet"), NULL));
  for (guint i = 0; i < file->goals->len; i++)
    {
      const ShelterGoalRow *goal = g_ptr_array_index (file->goals, i);
      g_autofree char *title = g_strdup_printf ("%s — %s",
                                                shelter_enum_label (&shelter_enum_need_area,
                                                                    goal->area),
                                                goal->goal);
      g_autofree char *target = shelter_text_format_date (goal->target_on);
      g_autoptr (GString) subtitle = g_string_new (goal->services);
      GtkWidget *row;

      if (goal->support_type != NULL)
        g_string_append_printf (subtitle, " (%s)", shelter_support_type_letter (goal->support_type));
      g_string_append_c (subtitle, '\n');
      /* Translators: who is responsible for a goal, by when, and its status. */
      g_string_append_printf (subtitle, _("Responsible: %s · Target: %s · %s"),
                              goal->responsible, target,
                              shelter_enum_label (&shelter_enum_goal_status, goal->status));
      if (goal->status_note != NULL)
        g_string_append_printf (subtitle, "\n%s", goal->status_note);
      row = _shelter_ui_new_text_row (title, subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (!g_str_equal (goal->status, "open"))
        gtk_widget_add_css_class (row, "dim-label");
      if (may_follow && g_str_equal (goal->status, "open"))
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *button;

          button = new_step_button (self, box, _("Achieved"), _("Mark Goal Achieved"),
                                    ASK_DROP_GOAL, goal->id, 0, G_CALLBACK (achieved_clicked_cb));
          gtk_widget_add_css_class (button, "flat");
          button = new_step_button (self, box, _("Drop…"), _("Drop Goal"), ASK_DROP_GOAL,
                                    goal->id, 0, NULL);
          gtk_widget_add_css_class (button, "flat");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_notes (ShelterResidentPage          *self,
           const ShelterSupportPlanFile *file)
{
  GtkWidget *group = new_group (self, _("Progress Notes"), NULL);

  if (file->notes->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               _shelter_ui_new_text_row (_("No progress notes yet"), NULL));
  for (guint i = 0; i < file->notes->len; i++)
    {
      const ShelterProgressNoteRow *note = g_ptr_array_index (file->notes, i);
      g_autofree char *day = shelter_text_format_date (note->written_on);
      g_autofree char *title = g_strdup_printf ("%s · %s", day, note->written_by);
      GtkWidget *row = _shelter_ui_new_text_row (title, note->text);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

void
_shelter_resident_page_update_plan (ShelterResidentPage *self)
{
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;
  gboolean open;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_box))) != NULL)
    gtk_box_remove (self->plan_box, child);
  adw_view_stack_page_set_visible (self->plan_page,
                                   self->session != NULL && self->stay != NULL &&
                                   self->summary != NULL &&
                                   shelter_session_may (self->session,
                                                        SHELTER_PERMISSION_VIEW_RESIDENTS));
  if (!adw_view_stack_page_get_visible (self->plan_page))
    return;

  file = shelter_support_plan_read (self->session, shelter_stay_get_id (self->stay), &error);
  if (file == NULL)
    {
      new_group (self, _("Support Plan"), error->message);
      return;
    }
  open = stay_is_open (self);
  add_assessment (self, file,
                  open && shelter_session_may (self->session, SHELTER_PERMISSION_DRAFT_PLAN));
  add_plan (self, file, open);
  if (file->plan == NULL)
    return;
  add_goals (self, file, open);
  add_notes (self, file);
}
