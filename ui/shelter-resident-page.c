/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-person-dialog.h"
#include "shelter-placement.h"
#include "shelter-resident-page-private.h"
#include "shelter-residents-model.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

G_DEFINE_FINAL_TYPE (ShelterResidentPage, shelter_resident_page, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The name of the tab an alert row opens. */
#define ALERT_TAB_KEY "shelter-alert-tab"
/* The History tab shows this many entries, the newest; the Audit Log has them all. */
#define HISTORY_LIMIT 100
#define AUDIT_ENTRY_KEY "shelter-audit-entry"

static GDateTime *
shelter_resident_page_now (ShelterResidentPage *self)
{
  GDateTime *now = shelter_session_now (self->session);

  return now != NULL ? now : g_date_time_new_now_local ();
}

/* Today as YYYY-MM-DD, in the centre's time. */
static char *
shelter_resident_page_dup_today (ShelterResidentPage *self)
{
  g_autoptr(GDateTime) now = shelter_resident_page_now (self);

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
shelter_resident_page_format_age_sex (ShelterResidentPage *self)
{
  const char *birth = shelter_resident_summary_get_birth_date (self->summary);
  const char *sex = shelter_resident_summary_get_sex (self->summary);
  const char *sex_label = sex != NULL ? shelter_enum_label (&shelter_enum_sex, sex) : NULL;
  g_autoptr(GDateTime) now = shelter_resident_page_now (self);
  g_autofree char *age_text = NULL;
  GDate today;
  int age = -1;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (birth != NULL)
    age = shelter_text_age_on (birth, &today);

  if (age >= 0 && g_strcmp0 (shelter_resident_summary_get_birth_precision (self->summary),
                             "estimated") == 0)
    /* Translators: an age in years whose birth date was estimated. */
    age_text = g_strdup_printf (_("%d years (estimated)"), age);
  else if (age >= 0)
    age_text = g_strdup_printf (ngettext ("%d year", "%d years", age), age);

  if (age_text != NULL && sex_label != NULL)
    /* Translators: age, then sex: "34 years, Female". */
    return g_strdup_printf (_("%s, %s"), age_text, sex_label);
  if (age_text != NULL)
    return g_steal_pointer (&age_text);
  return g_strdup (sex_label);
}

/* The header */

/* "34 years, Female · Victim of trafficking · Room A101 · Received on 05/03/2026". */
static void
shelter_resident_page_update_facts (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  const char *person_type = shelter_resident_summary_get_person_type (self->summary);
  const char *room = shelter_resident_summary_get_room_code (self->summary);
  const char *admitted = shelter_resident_summary_get_admitted_at (self->summary);
  const char *discharged = shelter_resident_summary_get_discharged_at (self->summary);
  char *age_sex = shelter_resident_page_format_age_sex (self);
  g_autofree char *text = NULL;

  if (age_sex != NULL)
    g_ptr_array_add (facts, age_sex);
  if (person_type != NULL)
    g_ptr_array_add (facts, g_strdup (shelter_enum_label (&shelter_enum_person_type,
                                                          person_type)));
  if (room != NULL)
    /* Translators: the room a resident sleeps in now. */
    g_ptr_array_add (facts, g_strdup_printf (_("Room %s"), room));
  if (admitted != NULL)
    {
      g_autofree char *date = shelter_text_format_date (admitted);

      /* Translators: the reception date of the resident's latest stay. */
      g_ptr_array_add (facts, g_strdup_printf (C_("reception", "Received on %s"), date));
    }
  if (discharged != NULL)
    {
      g_autofree char *date = shelter_text_format_date (discharged);

      /* Translators: the status of a resident who has left the centre. */
      g_ptr_array_add (facts, g_strdup_printf (_("Left on %s"), date));
    }
  else if (admitted != NULL)
    g_ptr_array_add (facts, g_strdup (_("In residence")));
  g_ptr_array_add (facts, NULL);

  text = g_strjoinv (" · ", (char **) facts->pdata);
  gtk_label_set_label (self->facts_label, text);
}

static GtkWidget *
new_alert_row (const char *icon_name,
               const char *style,
               const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", icon_name,
                                  "valign", GTK_ALIGN_CENTER,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
_shelter_resident_page_new_alert_row (const char *icon_name,
                                      const char *style,
                                      const char *title,
                                      const char *subtitle)
{
  return new_alert_row (icon_name, style, title, subtitle);
}

void
_shelter_resident_page_link_alert (GtkWidget  *row,
                                   const char *tab)
{
  /* Activating it opens @tab. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  g_object_set_data_full (G_OBJECT (row), ALERT_TAB_KEY, g_strdup (tab), g_free);
}

/* What needs attention, above every tab: an absence, the case file, consent, an
 * interpreter, high protection. Also marks the Case File tab when documents are missing. */
static void
shelter_resident_page_update_alerts (ShelterResidentPage *self)
{
  g_autofree char *today = shelter_resident_page_dup_today (self);
  gboolean any = FALSE;
  GtkWidget *row;

  _shelter_ui_clear_list_box (self->alerts_list);

  adw_view_stack_page_set_needs_attention (self->case_file_page, FALSE);
  adw_view_stack_page_set_badge_number (self->case_file_page, 0);

  if (_shelter_resident_page_add_stay_alerts (self))
    any = TRUE;
  any = _shelter_resident_page_add_care_alerts (self) || any;

  if (self->case_file != NULL && self->case_file->n_missing > 0)
    {
      gboolean overdue = shelter_case_file_is_overdue (self->case_file, today);
      guint n = self->case_file->n_missing;
      g_autofree char *deadline = shelter_text_format_date (self->case_file->deadline);
      g_autofree char *subtitle = NULL;

      if (overdue)
        /* Translators: under "Case file overdue"; %u is a number of documents, %s the date
         * the case file was due (dd/mm/yyyy). */
        subtitle = g_strdup_printf (ngettext ("%u document missing; it was due on %s",
                                              "%u documents missing; they were due on %s", n),
                                    n, deadline);
      else
        /* Translators: under "Case file incomplete"; %u is a number of documents, %s the
         * deadline (dd/mm/yyyy). */
        subtitle = g_strdup_printf (ngettext ("%u document missing, due %s",
                                              "%u documents missing, due %s", n),
                                    n, deadline);

      row = new_alert_row (overdue ? "task-past-due-symbolic" : "task-due-symbolic",
                           overdue ? "error" : "warning",
                           overdue ? _("Case file overdue") : _("Case file incomplete"),
                           subtitle);
      _shelter_resident_page_link_alert (row, "case-file");
      gtk_list_box_append (self->alerts_list, row);
      any = TRUE;

      adw_view_stack_page_set_needs_attention (self->case_file_page, overdue);
      adw_view_stack_page_set_badge_number (self->case_file_page, n);
    }

  if (self->intake != NULL &&
      g_strcmp0 (shelter_intake_get_consent_status (self->intake), "not_now") == 0)
    {
      g_autofree char *ask_again =
        shelter_text_format_date (shelter_intake_get_consent_ask_again_on (self->intake));
      g_autofree char *title = NULL;

      if (ask_again != NULL)
        /* Translators: %s is the date to ask for consent again (dd/mm/yyyy). */
        title = g_strdup_printf (_("Consent not yet given — ask again on %s"), ask_again);
      else
        title = g_strdup (_("Consent not yet given"));
      row = new_alert_row ("dialog-warning-symbolic", "warning", title,
                           shelter_intake_get_consent_not_now_reason (self->intake));
      gtk_list_box_append (self->alerts_list, row);
      any = TRUE;
    }

  if (self->person != NULL && shelter_person_get_interpreter_needed (self->person))
    {
      row = new_alert_row ("preferences-desktop-locale-symbolic", "accent",
                           _("Needs an interpreter"),
                           shelter_person_get_languages (self->person));
      gtk_list_box_append (self->alerts_list, row);
      any = TRUE;
    }

  if (shelter_resident_summary_get_high_protection (self->summary))
    {
      row = new_alert_row ("security-high-symbolic", "accent", _("High protection"),
                           _("Only staff who may know who this resident is see their name "
                             "and record; each look is recorded."));
      gtk_list_box_append (self->alerts_list, row);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->alerts_list), any);
}

static void
alert_activated_cb (ShelterResidentPage *self,
                    GtkListBoxRow       *row,
                    GtkListBox          *list)
{
  const char *tab = g_object_get_data (G_OBJECT (row), ALERT_TAB_KEY);

  if (tab != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, tab);
}

static void
shelter_resident_page_update_actions (ShelterResidentPage *self)
{
  gboolean has_intake = self->session != NULL && self->intake != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.print-intake-record", has_intake);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resident.save-intake-record", has_intake);
  /* A stay recorded without an intake has no record to print. */
  gtk_widget_set_visible (self->record_button, has_intake);
  gtk_widget_set_visible (self->edit_button,
                          self->person != NULL && self->session != NULL &&
                          shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT));
}

static void
shelter_resident_page_update_case_file (ShelterResidentPage *self)
{
  g_autofree char *today = shelter_resident_page_dup_today (self);

  shelter_case_file_view_show (self->case_file_view, self->session, self->case_file, today);
}

static void
shelter_resident_page_update (ShelterResidentPage *self)
{
  g_autofree char *case_code = NULL;

  if (self->summary == NULL)
    return;

  gtk_label_set_label (self->name_label, shelter_resident_summary_get_full_name (self->summary));
  /* Translators: the case code under the resident's name. */
  case_code = g_strdup_printf (_("Case code %s"),
                               shelter_resident_summary_get_case_code (self->summary));
  gtk_label_set_label (self->case_code_label, case_code);
  shelter_resident_page_update_facts (self);
  shelter_resident_page_update_alerts (self);
  shelter_resident_page_update_actions (self);

  gtk_stack_set_visible_child_name (self->overview_stack,
                                    self->person != NULL ? "details" : "masked");
  _shelter_resident_page_update_overview (self);
  _shelter_resident_page_update_stay (self);
  _shelter_resident_page_update_care (self);
  _shelter_resident_page_update_services (self);
  _shelter_resident_page_update_plan (self);
  _shelter_resident_page_update_safety (self);
  _shelter_resident_page_update_family (self);
  shelter_resident_page_update_case_file (self);
}

/* The History tab: the audit trail's entries about this resident's records, for those who
 * may read the trail. Read when the tab is shown, not with every page. */

static void
history_row_activated_cb (ShelterResidentPage *self,
                          AdwActionRow        *row)
{
  ShelterAuditEntry *entry = g_object_get_data (G_OBJECT (row), AUDIT_ENTRY_KEY);
  g_autofree char *time = NULL;
  g_autofree char *record = NULL;
  g_autofree char *body = NULL;
  const char *details;
  GtkWidget *dialog;

  time = _shelter_ui_format_time (shelter_audit_entry_get_at (entry));
  record = shelter_audit_entry_dup_record (entry);
  details = shelter_audit_entry_get_details (entry);

  /* Translators: the body of the dialog that shows one audit log entry. */
  body = g_strdup_printf (_("Time: %s\nStaff: %s\nRecord: %s\n\n%s"),
                          time != NULL ? time : "—",
                          shelter_audit_entry_get_actor (entry) ?: "—",
                          record != NULL ? record : "—",
                          details != NULL ? details : "");

  dialog = adw_message_dialog_new (NULL, shelter_audit_entry_get_action_label (entry), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_resident_page_clear_history (ShelterResidentPage *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  adw_preferences_group_set_description (self->history_group, NULL);
  self->history_loaded = FALSE;
}

static void
shelter_resident_page_load_history (ShelterResidentPage *self)
{
  g_autoptr(ShelterAuditModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_code = NULL;
  g_autofree char *description = NULL;
  ShelterAuditFilter filter = { 0 };
  guint n_entries;

  if (self->history_loaded || self->session == NULL || self->summary == NULL ||
      !shelter_session_may (self->session, SHELTER_PERMISSION_VIEW_AUDIT))
    return;
  self->history_loaded = TRUE;

  case_code = g_strdup (shelter_resident_summary_get_case_code (self->summary));
  filter.person = case_code;
  model = shelter_audit_model_new (self->session);
  if (!shelter_audit_model_set_filter (model, &filter, &error))
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  n_entries = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n_entries, HISTORY_LIMIT); i++)
    {
      g_autoptr(ShelterAuditEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *time = _shelter_ui_format_time (shelter_audit_entry_get_at (entry));
      g_autofree char *record = shelter_audit_entry_dup_record (entry);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: under an entry of a resident's history: when, who, which record. */
      subtitle = g_strdup_printf (_("%s · %s · %s"), time != NULL ? time : "—",
                                  shelter_audit_entry_get_actor (entry),
                                  record != NULL ? record : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     shelter_audit_entry_get_action_label (entry));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), AUDIT_ENTRY_KEY, g_object_ref (entry),
                              g_object_unref);
      g_signal_connect_object (row, "activated", G_CALLBACK (history_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->history_rows, row);
    }

  if (n_entries == 0)
    description = g_strdup (_("Nothing is recorded about this resident yet."));
  else if (n_entries > HISTORY_LIMIT)
    /* Translators: %u is how many entries are shown (100), %u how many there are. */
    description = g_strdup_printf (ngettext ("The %u newest of %u entry. The Audit Log in "
                                             "Administration has them all.",
                                             "The %u newest of %u entries. The Audit Log in "
                                             "Administration has them all.",
                                             n_entries),
                                   HISTORY_LIMIT, n_entries);
  else
    description = g_strdup (_("The newest first. Activate an entry to see what changed."));
  adw_preferences_group_set_description (self->history_group, description);
}

static void
visible_tab_changed_cb (ShelterResidentPage *self,
                        GParamSpec          *pspec,
                        AdwViewStack        *stack)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "history") == 0)
    shelter_resident_page_load_history (self);
}

/* Loading */

static gboolean
is_permission_denied (const GError *error)
{
  return g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

gboolean
shelter_resident_page_show_person (ShelterResidentPage  *self,
                                   gint64                person_id,
                                   GError              **error)
{
  g_autoptr(ShelterResidentSummary) summary = NULL;
  g_autoptr(ShelterPerson) person = NULL;
  g_autoptr(ShelterStay) stay = NULL;
  g_autoptr(ShelterIntake) intake = NULL;
  g_autoptr(ShelterCaseFile) case_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShelterAbsence) absence = NULL;
  gboolean same_person;

  g_return_val_if_fail (SHELTER_IS_RESIDENT_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  summary = shelter_residents_get_summary (self->session, person_id, error);
  if (summary == NULL)
    return FALSE;

  /* A resident under high protection is shown masked, as the list shows them, to those
   * who may not know who they are. */
  person = shelter_person_open (self->session, person_id, &local_error);
  if (person == NULL && !is_permission_denied (local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  stay = shelter_stay_open_latest (self->session, person_id, &local_error);
  if (stay == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (stay != NULL)
    {
      /* The intake says who the person is: masked as the record is. */
      intake = shelter_intake_open (self->session, shelter_stay_get_id (stay), &local_error);
      if (intake == NULL && local_error != NULL && !is_permission_denied (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);

      case_file = shelter_case_file_get (self->session, shelter_stay_get_id (stay), error);
      if (case_file == NULL)
        return FALSE;

      /* Where the resident of an open stay is: at the centre, or away and until when;
       * whereabouts of a protected resident are not for those who may not know them. */
      if (person != NULL && shelter_stay_get_discharged_at (stay) == NULL &&
          (absence = shelter_absence_get_open (self->session, shelter_stay_get_id (stay),
                                               &local_error)) == NULL &&
          local_error != NULL && !is_permission_denied (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  same_person = (self->person_id == person_id);
  self->person_id = person_id;
  g_set_object (&self->summary, summary);
  g_set_object (&self->person, person);
  g_set_object (&self->stay, stay);
  g_set_object (&self->intake, intake);
  g_clear_pointer (&self->case_file, shelter_case_file_free);
  self->case_file = g_steal_pointer (&case_file);
  g_clear_pointer (&self->absence, shelter_absence_free);
  self->absence = g_steal_pointer (&absence);

  /* Another resident starts on the Overview; the same one stays where the user was. */
  if (!same_person)
    {
      _shelter_resident_page_close_chooser (self);
      adw_view_stack_set_visible_child_name (self->view_stack, "overview");
    }
  shelter_resident_page_clear_history (self);
  /* A person on record without a stay has neither room nor absences; a protected
   * resident's whereabouts are shown only to those who may know who they are. */
  adw_view_stack_page_set_visible (self->stay_page, self->stay != NULL && self->person != NULL);
  if (!adw_view_stack_page_get_visible (self->stay_page) &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "stay") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  adw_view_stack_page_set_visible (self->history_page,
                                   shelter_session_may (self->session,
                                                        SHELTER_PERMISSION_VIEW_AUDIT));
  shelter_resident_page_update (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "history") == 0)
    shelter_resident_page_load_history (self);

  return TRUE;
}

const char *
shelter_resident_page_get_title (ShelterResidentPage *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_PAGE (self), NULL);

  return self->summary != NULL ? shelter_resident_summary_get_full_name (self->summary) : NULL;
}

AdwViewStack *
shelter_resident_page_get_stack (ShelterResidentPage *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_PAGE (self), NULL);

  return self->view_stack;
}

void
shelter_resident_page_set_bottom_switcher (ShelterResidentPage *self,
                                           gboolean             reveal)
{
  g_return_if_fail (SHELTER_IS_RESIDENT_PAGE (self));

  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

/* The case file changed (a document marked or unmarked): read it again, with the alerts. */
static void
case_file_changed_cb (ShelterResidentPage *self,
                      ShelterCaseFileView *view)
{
  g_autoptr(ShelterCaseFile) case_file = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->stay == NULL)
    return;

  case_file = shelter_case_file_get (self->session, shelter_stay_get_id (self->stay), &error);
  if (case_file == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  g_clear_pointer (&self->case_file, shelter_case_file_free);
  self->case_file = g_steal_pointer (&case_file);
  shelter_resident_page_update_alerts (self);
  shelter_resident_page_update_case_file (self);
}

/* Editing */

void
_shelter_resident_page_reload (ShelterResidentPage *self,
                               const char          *message)
{
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->person_id <= 0)
    return;

  if (!shelter_resident_page_show_person (self, self->person_id, &error))
    _shelter_window_show_message (GTK_WIDGET (self), error->message);
  else if (message != NULL)
    _shelter_window_show_message (GTK_WIDGET (self), message);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
dialog_saved_cb (ShelterResidentPage *self,
                 ShelterPerson       *person,
                 ShelterPersonDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Saved"));
}

static void
edit_clicked_cb (ShelterResidentPage *self,
                 GtkButton           *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterPerson) person = NULL;
  ShelterPersonDialog *dialog;

  if (self->session == NULL || self->person_id <= 0)
    return;

  /* Read again: the form starts from what is stored now. */
  person = shelter_person_open (self->session, self->person_id, &error);
  if (person == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  dialog = shelter_person_dialog_new (self->session, person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Actions */

static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _shelter_resident_page_print_record (SHELTER_RESIDENT_PAGE (widget));
}

static void
save_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _shelter_resident_page_save_record (SHELTER_RESIDENT_PAGE (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _shelter_resident_page_move (SHELTER_RESIDENT_PAGE (widget));
}

static void
record_absence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _shelter_resident_page_record_absence (SHELTER_RESIDENT_PAGE (widget));
}

static void
record_return_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _shelter_resident_page_record_return (SHELTER_RESIDENT_PAGE (widget));
}

static void
discharge_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _shelter_resident_page_discharge (SHELTER_RESIDENT_PAGE (widget));
}

static void
save_paper_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _shelter_resident_page_save_discharge_paper (SHELTER_RESIDENT_PAGE (widget),
                                               g_str_equal (action_name, "resident.save-handover")
                                               ? SHELTER_DISCHARGE_PAPER_HANDOVER
                                               : SHELTER_DISCHARGE_PAPER_CLOSURE);
}

/* Sessions */

static void
shelter_resident_page_clear (ShelterResidentPage *self)
{
  _shelter_resident_page_close_chooser (self);
  g_clear_object (&self->summary);
  g_clear_object (&self->person);
  g_clear_object (&self->stay);
  g_clear_object (&self->intake);
  g_clear_pointer (&self->case_file, shelter_case_file_free);
  g_clear_pointer (&self->absence, shelter_absence_free);
  self->person_id = 0;
  if (self->history_group != NULL)
    shelter_resident_page_clear_history (self);
}

void
shelter_resident_page_set_session (ShelterResidentPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_RESIDENT_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Nothing of the previous session's resident stays on the page. */
  g_set_object (&self->session, session);
  shelter_resident_page_clear (self);
  gtk_label_set_label (self->name_label, "");
  gtk_label_set_label (self->case_code_label, "");
  gtk_label_set_label (self->facts_label, "");
  _shelter_ui_clear_list_box (self->alerts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->alerts_list), FALSE);
  _shelter_resident_page_update_overview (self);
  _shelter_resident_page_update_stay (self);
  _shelter_resident_page_update_care (self);
  _shelter_resident_page_update_services (self);
  _shelter_resident_page_update_plan (self);
  _shelter_resident_page_update_safety (self);
  _shelter_resident_page_update_family (self);
  shelter_case_file_view_show (self->case_file_view, NULL, NULL, NULL);
  shelter_resident_page_update_actions (self);
}

static void
shelter_resident_page_dispose (GObject *object)
{
  ShelterResidentPage *self = SHELTER_RESIDENT_PAGE (object);

  shelter_resident_page_clear (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_RESIDENT_PAGE);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_resident_page_parent_class)->dispose (object);
}

static void
shelter_resident_page_finalize (GObject *object)
{
  ShelterResidentPage *self = SHELTER_RESIDENT_PAGE (object);

  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_resident_page_parent_class)->finalize (object);
}

static void
shelter_resident_page_class_init (ShelterResidentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_resident_page_dispose;
  object_class->finalize = shelter_resident_page_finalize;

  /* The resident's record was saved. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SHELTER_TYPE_CASE_FILE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-resident-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, case_code_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, stay_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, stay_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, case_file_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, history_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, overview_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, case_file_view);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, care_page); gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, care_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, services_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, services_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, safety_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, safety_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, family_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, family_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, plan_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterResidentPage, plan_box);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, alert_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_file_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_tab_changed_cb);

  gtk_widget_class_install_action (widget_class, "resident.print-intake-record", NULL,
                                   print_record_action);
  gtk_widget_class_install_action (widget_class, "resident.save-intake-record", NULL,
                                   save_record_action);
  gtk_widget_class_install_action (widget_class, "resident.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "resident.record-absence", NULL,
                                   record_absence_action);
  gtk_widget_class_install_action (widget_class, "resident.record-return", NULL,
                                   record_return_action);
  gtk_widget_class_install_action (widget_class, "resident.discharge", NULL, discharge_action);
  gtk_widget_class_install_action (widget_class, "resident.save-handover", NULL,
                                   save_paper_action);
  gtk_widget_class_install_action (widget_class, "resident.save-closure", NULL,
                                   save_paper_action);
}

static void
shelter_resident_page_init (ShelterResidentPage *self)
{
  self->history_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  shelter_resident_page_update_actions (self);
  _shelter_resident_page_update_stay (self);
  _shelter_resident_page_update_care (self);
  _shelter_resident_page_update_services (self);
  _shelter_resident_page_update_plan (self);
  _shelter_resident_page_update_safety (self);
  _shelter_resident_page_update_family (self);
}
