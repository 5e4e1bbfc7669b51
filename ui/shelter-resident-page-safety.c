/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Safety tab. The current risk level with its reasons,
 * protective measures and review date (flagged when the review is due), the earlier
 * assessments, the incidents with "Record an Incident…" and the reports to the police or
 * border guard with "Inform the Police…". app/shelter-safety.c decides what each session
 * may read (the details of a protected resident are withheld from those who may not know
 * who they are) and record; this file shows and asks. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-resident-page-private.h"
#include "shelter-safety.h"
#include "shelter-safety-dialog.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->stay != NULL && shelter_stay_get_discharged_at (self->stay) == NULL;
}

static void
saved_cb (ShelterResidentPage *self,
          const char          *message,
          ShelterSafetyDialog *dialog)
{
  _shelter_resident_page_reload (self, message);
}

static void
open_dialog (ShelterResidentPage     *self,
             ShelterSafetyDialogKind  kind)
{
  ShelterSafetyDialog *dialog;
  const char *name, *code;

  if (self->session == NULL || self->stay == NULL || self->summary == NULL)
    return;
  name = shelter_resident_summary_get_full_name (self->summary);
  code = shelter_resident_summary_get_case_code (self->summary);
  dialog = shelter_safety_dialog_new (self->session, kind, shelter_stay_get_id (self->stay),
                                      name != NULL ? name : code, code, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
assess_clicked_cb (ShelterResidentPage *self)
{
  open_dialog (self, SHELTER_SAFETY_DIALOG_RISK);
}

static void
incident_clicked_cb (ShelterResidentPage *self)
{
  open_dialog (self, SHELTER_SAFETY_DIALOG_INCIDENT);
}

static void
police_clicked_cb (ShelterResidentPage *self)
{
  open_dialog (self, SHELTER_SAFETY_DIALOG_POLICE);
}

static GtkWidget *
new_group (ShelterResidentPage *self,
           const char          *title,
           const char          *description,
           const char          *button_mnemonic,
           const char          *button_name,
           GCallback            clicked)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (stay_is_open (self) && shelter_session_may (self->session, SHELTER_PERMISSION_RECORD_SAFETY))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_mnemonic);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  gtk_box_append (self->safety_box, group);
  return group;
}

static GtkWidget *
new_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return list;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

/* Appends "Label: text" on its own line, escaped, when @text is given. */
static void
append_line (GString    *lines,
             const char *format,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = g_markup_escape_text (text, -1);
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append_printf (lines, format, escaped);
}

static void
append_withheld (GString *lines)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, _("Details withheld: the resident is under high protection."));
}

static GtkWidget *
new_risk_row (ShelterResidentPage *self,
              ShelterSafetyRow    *row,
              gboolean             current)
{
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autofree char *assessed = shelter_text_format_date (row->assessed_on);
  g_autofree char *review = shelter_text_format_date (row->review_on);
  g_autofree char *title = NULL;
  gboolean due = current && shelter_safety_review_is_due (self->session, row->review_on);
  GtkWidget *widget, *icon;

  /* Translators: "High risk, assessed on 20/11/2026". */
  title = g_strdup_printf (_("%s risk, assessed on %s"),
                           shelter_enum_label (&shelter_enum_risk_level, row->level), assessed);
  /* Translators: the reasons of a risk assessment. */
  append_line (lines, _("Reasons: %s"), row->reasons);
  if (row->withheld)
    append_withheld (lines);
  /* Translators: the protective measures of a risk assessment. */
  append_line (lines, _("Measures: %s"), row->measures);
  if (current)
    append_line (lines, due ? _("<b>Review due since %s</b>") : _("Review on %s"), review);
  if (row->protection_set)
    append_line (lines, "%s", _("Put the resident under high protection"));
  widget = new_row (title, lines->str);
  icon = gtk_image_new_from_icon_name (g_str_equal (row->level, "high")
                                       ? "dialog-warning-symbolic"
                                       : "security-medium-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shelter_enum_label (&shelter_enum_risk_level, row->level), -1);
  if (g_str_equal (row->level, "high"))
    gtk_widget_add_css_class (icon, "error");
  else if (g_str_equal (row->level, "medium"))
    gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
  if (due)
    {
      GtkWidget *flag = gtk_label_new (_("Review due"));

      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (widget), flag);
    }
  return widget;
}

static void
show_risks (ShelterResidentPage *self)
{
  g_autoptr (GPtrArray) risks = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("Risk"),
                     _("The risk to the resident and what the centre does about it. Every "
                       "assessment is kept."),
                     _("_Assess the Risk…"), _("Assess the Risk"),
                     G_CALLBACK (assess_clicked_cb));
  risks = shelter_safety_list_risks (self->session, self->person_id, &error);
  if (risks == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (_("Risk assessments, newest first"));
  if (risks->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         new_row (_("Not assessed yet"),
                                  _("Assess the risk on arrival and whenever something "
                                    "changes.")));
  else
    {
      gtk_list_box_append (GTK_LIST_BOX (list),
                           new_risk_row (self, g_ptr_array_index (risks, 0), TRUE));
      if (risks->len > 1)
        {
          GtkWidget *history = adw_expander_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (history), _("Earlier Assessments"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (history),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Earlier Assessments"), -1);
          for (guint i = 1; i < risks->len; i++)
            adw_expander_row_add_row (ADW_EXPANDER_ROW (history),
                                      new_risk_row (self, g_ptr_array_index (risks, i), FALSE));
          gtk_list_box_append (GTK_LIST_BOX (list), history);
        }
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
}

static void
show_incidents (ShelterResidentPage *self)
{
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("Incidents"), NULL, _("_Record an Incident…"),
                     _("Record an Incident"), G_CALLBACK (incident_clicked_cb));
  incidents = shelter_safety_list_incidents (self->session, self->person_id, &error);
  if (incidents == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (_("Incidents, newest first"));
  if (incidents->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list), new_row (_("No incidents recorded"), NULL));
  for (guint i = 0; i < incidents->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (incidents, i);
      g_autoptr (GString) lines = g_string_new (NULL);
      g_autofree char *day = shelter_text_format_date (row->occurred_on);
      g_autofree char *title = NULL;

      title = row->what != NULL ? g_strdup_printf ("%s · %s", day, row->what)
                                : g_strdup (day);
      /* Translators: who was involved in an incident. */
      append_line (lines, _("Involved: %s"), row->involved);
      /* Translators: what the centre did about an incident. */
      append_line (lines, _("Actions: %s"), row->actions);
      if (row->withheld)
        append_withheld (lines);
      gtk_list_box_append (GTK_LIST_BOX (list), new_row (title, lines->str));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
}

static void
show_reports (ShelterResidentPage *self)
{
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("Police and Border Guard"),
                     _("Each time the centre informed them of a danger to the resident."),
                     _("_Inform the Police…"), _("Inform the Police"),
                     G_CALLBACK (police_clicked_cb));
  reports = shelter_safety_list_reports (self->session, self->person_id, &error);
  if (reports == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (_("Reports to the police, newest first"));
  if (reports->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list), new_row (_("Not informed yet"), NULL));
  for (guint i = 0; i < reports->len; i++)
    {
      ShelterSafetyRow *row = g_ptr_array_index (reports, i);
      g_autoptr (GString) lines = g_string_new (NULL);
      g_autofree char *when = _shelter_ui_format_time (row->informed_at);
      g_autofree char *title = NULL;

      /* Translators: "22/11/2026 08:30 · Police · By phone". */
      title = g_strdup_printf (_("%s · %s · %s"), when,
                               shelter_enum_label (&shelter_enum_police_unit, row->unit),
                               shelter_enum_label (&shelter_enum_police_means, row->means));
      /* Translators: the officer who was informed. */
      append_line (lines, _("Officer: %s"), row->officer);
      /* Translators: the police's reference for a report. */
      append_line (lines, _("Reference: %s"), row->reference);
      append_line (lines, "%s", row->note);
      if (row->withheld)
        append_withheld (lines);
      gtk_list_box_append (GTK_LIST_BOX (list), new_row (title, lines->str));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
}

void
_shelter_resident_page_update_safety (ShelterResidentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->safety_box))) != NULL)
    gtk_box_remove (self->safety_box, child);
  adw_view_stack_page_set_visible (self->safety_page,
                                   self->session != NULL && self->stay != NULL &&
                                   self->summary != NULL);
  if (!adw_view_stack_page_get_visible (self->safety_page))
    return;
  show_risks (self);
  show_incidents (self);
  show_reports (self);
}
