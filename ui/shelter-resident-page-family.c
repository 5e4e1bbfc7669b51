/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Family tab. The resident's relatives with the
 * centre's judgement of their safety (one involved in the trafficking shown as a warning
 * with an icon and words), every attempt to contact them, the tracing of a child's family,
 * the visits (refused attempts marked) and the no-visit list; at the top, an alert when
 * app/ flags the stay for having had no contact with the family for over a month.
 * app/shelter-family.c decides what may be recorded and masks what a session may not read
 * (the phones and addresses of a protected resident's relatives); this file shows what it
 * returns and asks. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-contact-dialog.h"
#include "shelter-family.h"
#include "shelter-reference.h"
#include "shelter-relative-dialog.h"
#include "shelter-resident-page-private.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-visit-dialog.h"
#include "shelter-window-private.h"

/* On a tracing's "Open"/"Update" button: its rows and the version read. */
#define TRACING_STATUS_KEY "shelter-family-tracing-status"
#define TRACING_AGENCIES_KEY "shelter-family-tracing-agencies"
#define TRACING_NOTE_KEY "shelter-family-tracing-note"
#define TRACING_ERROR_KEY "shelter-family-tracing-error"
#define TRACING_VERSION_KEY "shelter-family-tracing-version"
/* On a relative's edit button: the relative (ShelterRelativeRow, not owned: the page's). */
#define RELATIVE_KEY "shelter-family-relative"
#define RELATIVES_KEY "shelter-family-relatives"

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
may_record (ShelterResidentPage *self)
{
  return shelter_session_may (self->session, SHELTER_PERMISSION_RECORD_FAMILY);
}

/* Small widgets */

static GtkWidget *
new_group (ShelterResidentPage *self,
           const char          *title,
           const char          *description,
           const char          *button_label,
           const char          *button_name,
           GCallback            clicked)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (button_label != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      button_name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  gtk_box_append (self->family_box, group);
  return group;
}

static GtkWidget *
new_list (GtkWidget  *group,
          const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return list;
}

/* A row of plain @title and @subtitle lines (no markup), NULL lines left out. */
static GtkWidget *
new_row (const char  *title,
         const char **lines,
         guint        n_lines)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < n_lines; i++)
    if (lines[i] != NULL && *lines[i] != '\0')
      {
        if (subtitle->len > 0)
          g_string_append_c (subtitle, '\n');
        g_string_append (subtitle, lines[i]);
      }
  return _shelter_ui_new_text_row (title, subtitle->len > 0 ? subtitle->str : NULL);
}

/* An icon and words side by side, styled @style: a warning read without colour. */
static GtkWidget *
new_badge (const char *icon_name,
           const char *text,
           const char *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, style);
  gtk_widget_add_css_class (label, "heading");
  return box;
}

static void
show_error_row (GtkWidget  *row,
                GtkLabel   *label,
                const char *message)
{
  _shelter_ui_show_message (label, message);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
      gtk_widget_grab_focus (row);
    }
}

/* The no-contact flag */

static void
add_no_contact_alert (ShelterResidentPage *self)
{
  g_autoptr(ShelterNoContactRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *day = NULL;
  GtkWidget *group, *list;

  if (!stay_is_open (self))
    return;
  row = shelter_family_no_contact_for_stay (self->session, shelter_stay_get_id (self->stay),
                                            &error);
  if (error != NULL)
    {
      g_warning ("Cannot read the stays without family contact: %s", error->message);
      return;
    }
  if (row == NULL)
    return;

  if (row->last_reached_on != NULL)
    {
      day = shelter_text_format_date (row->last_reached_on);
      /* Translators: under "No contact with the family for over a month". */
      subtitle = g_strdup_printf (_("Last reached on %s. Record each attempt, even one "
                                    "that reached no one."), day);
    }
  else
    {
      day = shelter_text_format_date (row->admitted_on);
      /* Translators: under "No contact with the family for over a month". */
      subtitle = g_strdup_printf (_("No relative reached since admission on %s."), day);
    }
  group = adw_preferences_group_new ();
  list = new_list (group, _("Family alerts"));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       _shelter_resident_page_new_alert_row ("dialog-warning-symbolic",
                                                             "warning",
                                                             _("No contact with the family "
                                                               "for over a month"),
                                                             subtitle));
  gtk_box_append (self->family_box, group);
}

/* Relatives */

static void
relative_saved_cb (ShelterResidentPage   *self,
                   ShelterRelativeDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Relative saved"));
}

static void
present_relative_dialog (ShelterResidentPage      *self,
                         const ShelterRelativeRow *relative)
{
  ShelterRelativeDialog *dialog;

  dialog = shelter_relative_dialog_new (self->session, self->person_id, resident_name (self),
                                        relative);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (relative_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_relative_clicked_cb (ShelterResidentPage *self,
                         GtkButton           *button)
{
  if (self->session != NULL && self->summary != NULL)
    present_relative_dialog (self, NULL);
}

static void
edit_relative_clicked_cb (ShelterResidentPage *self,
                          GtkButton           *button)
{
  if (self->session != NULL && self->summary != NULL)
    present_relative_dialog (self, g_object_get_data (G_OBJECT (button), RELATIVE_KEY));
}

static char *
describe_address (ShelterResidentPage *self,
                  ShelterRelativeRow  *relative)
{
  g_autofree char *place = NULL;

  if (relative->province_code != NULL)
    place = shelter_reference_describe_address (shelter_session_get_db (self->session),
                                                relative->address_scheme != NULL
                                                  ? relative->address_scheme
                                                  : SHELTER_ADDRESS_SCHEME,
                                                relative->province_code,
                                                relative->commune_code, NULL);
  if (relative->address_detail != NULL && place != NULL)
    return g_strdup_printf ("%s, %s", relative->address_detail, place);
  if (relative->address_detail != NULL)
    return g_strdup (relative->address_detail);
  return g_steal_pointer (&place);
}

static GtkWidget *
new_relative_row (ShelterResidentPage *self,
                  ShelterRelativeRow  *relative,
                  gboolean             editable)
{
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *relation = NULL;
  const char *contact;
  GtkWidget *row, *icon;

  /* Translators: a relative's relation on their row: "Mother". */
  relation = g_strdup (shelter_enum_label (&shelter_family_relation, relative->relation));
  if (self->person == NULL)
    /* app/ leaves the phone and address out for a protected resident. */
    phone = g_strdup (_("Phone and address hidden: the resident is under high protection"));
  else
    {
      address = describe_address (self, relative);
      /* Translators: a relative's phone on their row. */
      phone = g_strdup_printf (_("Phone: %s"), relative->phone != NULL ? relative->phone
                                                                       : _("none recorded"));
      if (address != NULL)
        {
          /* Translators: a relative's address on their row. */
          char *line = g_strdup_printf (_("Address: %s"), address);

          g_free (address);
          address = line;
        }
    }
  contact = relative->may_contact ? _("May be contacted") : _("Not to be contacted");
  if (relative->involved)
    /* Translators: the centre's judgement of a relative, and why. */
    safety = g_strdup_printf (_("Involved in the trafficking: %s"),
                              relative->safety_reason != NULL ? relative->safety_reason : "");
  else if (relative->safety_reason != NULL)
    /* Translators: a relative's safety and the reason: "Unsafe: …". */
    safety = g_strdup_printf (_("%s: %s"),
                              shelter_enum_label (&shelter_family_safety, relative->safety),
                              relative->safety_reason);
  else
    safety = g_strdup_printf (_("Safety: %s"),
                              shelter_enum_label (&shelter_family_safety, relative->safety));
  {
    g_autofree char *title = g_strdup_printf ("%s (%s)", relative->full_name, relation);
    const char *lines[] = { phone, address, contact, safety };

    row = new_row (title, lines, G_N_ELEMENTS (lines));
  }
  icon = gtk_image_new_from_icon_name (relative->involved ? "dialog-warning-symbolic"
                                       : "avatar-default-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  relative->involved ? _("Warning") : _("Relative"), -1);
  if (relative->involved)
    gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (relative->involved)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               new_badge ("dialog-warning-symbolic",
                                          _("Involved in the Trafficking"), "error"));
  else if (!relative->may_contact)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               new_badge ("call-stop-symbolic", _("Do Not Contact"),
                                          "warning"));
  if (editable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");
      /* Translators: the accessible name of a relative's edit button. */
      g_autofree char *name = g_strdup_printf (_("Edit %s"), relative->full_name);

      gtk_widget_set_tooltip_text (button, _("Edit Relative"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), RELATIVE_KEY, relative);
      g_signal_connect_object (button, "clicked", G_CALLBACK (edit_relative_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static guint
add_relatives (ShelterResidentPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *relatives;
  GtkWidget *group, *list;
  /* Editing a relative whose phone and address app/ left out would store them empty. */
  gboolean editable = may_record (self) && self->person != NULL;

  group = new_group (self, _("Relatives"),
                     _("Who the resident’s family are, and whether it is safe to reach them."),
                     may_record (self) ? _("_Add Relative…") : NULL, _("Add Relative"),
                     G_CALLBACK (add_relative_clicked_cb));
  relatives = shelter_family_list_relatives (self->session, self->person_id, &error);
  if (relatives == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return 0;
    }
  /* Kept while the rows' buttons point at them. */
  g_object_set_data_full (G_OBJECT (self), RELATIVES_KEY, relatives,
                          (GDestroyNotify) g_ptr_array_unref);
  list = new_list (group, _("Relatives"));
  for (guint i = 0; i < relatives->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         new_relative_row (self, g_ptr_array_index (relatives, i), editable));
  if (relatives->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         _shelter_ui_new_text_row (_("No relatives recorded yet"), NULL));
  return relatives->len;
}

/* Contacts */

static void
contact_saved_cb (ShelterResidentPage  *self,
                  ShelterContactDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Contact recorded"));
}

static void
record_contact_clicked_cb (ShelterResidentPage *self,
                           GtkButton           *button)
{
  ShelterContactDialog *dialog;

  if (self->session == NULL || self->stay == NULL)
    return;
  dialog = shelter_contact_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                       self->person_id, resident_name (self), 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (contact_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_contacts (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("Contact Log"), _("Every attempt to reach the family, the newest "
                                               "first."),
                     may_record (self) && stay_is_open (self) ? _("Record a _Contact…") : NULL,
                     _("Record a Contact"), G_CALLBACK (record_contact_clicked_cb));
  contacts = shelter_family_list_contacts (self->session, self->person_id, &error);
  if (contacts == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (group, _("Contact log, newest first"));
  for (guint i = 0; i < contacts->len; i++)
    {
      ShelterContactRow *contact = g_ptr_array_index (contacts, i);
      g_autofree char *day = shelter_text_format_date (contact->contacted_on);
      g_autofree char *title = NULL;
      g_autofree char *whom = NULL;
      g_autofree char *by = NULL;
      const char *lines[3];

      /* Translators: a contact in the log: "22/11/2026 · Phone · Reached". */
      title = g_strdup_printf (_("%s · %s · %s"), day,
                               shelter_enum_label (&shelter_family_contact_method, contact->method),
                               shelter_enum_label (&shelter_family_contact_result, contact->result));
      /* Translators: whom a contact tried to reach: "Nguyễn Thị Mai (Mother)". */
      whom = g_strdup_printf (_("%s (%s)"), contact->relative_name != NULL ? contact->relative_name : "—",
                              contact->relation != NULL
                                ? shelter_enum_label (&shelter_family_relation, contact->relation)
                                : "—");
      /* Translators: who made a contact attempt. */
      by = g_strdup_printf (_("By %s"), contact->made_by);
      lines[0] = whom;
      lines[1] = by;
      lines[2] = contact->notes;
      gtk_list_box_append (GTK_LIST_BOX (list), new_row (title, lines, G_N_ELEMENTS (lines)));
    }
  if (contacts->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         _shelter_ui_new_text_row (_("No contacts recorded yet"),
                                                   _("Record each call, letter or visit, "
                                                     "even one that reached no one.")));
}

/* Family tracing */

static void
tracing_clicked_cb (ShelterResidentPage *self,
                    GtkButton           *button)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *status_row = g_object_get_data (G_OBJECT (button), TRACING_STATUS_KEY);
  AdwEntryRow *agencies_row = g_object_get_data (G_OBJECT (button), TRACING_AGENCIES_KEY);
  AdwEntryRow *note_row = g_object_get_data (G_OBJECT (button), TRACING_NOTE_KEY);
  GtkLabel *error_label = g_object_get_data (G_OBJECT (button), TRACING_ERROR_KEY);
  gint64 *version = g_object_get_data (G_OBJECT (button), TRACING_VERSION_KEY);
  const char *agencies = gtk_editable_get_text (GTK_EDITABLE (agencies_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (note_row));
  gboolean ok;
  GtkWidget *row = NULL;

  if (self->session == NULL || self->stay == NULL)
    return;
  _shelter_ui_set_error (GTK_WIDGET (agencies_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (note_row), FALSE);
  if (status_row != NULL)
    {
      guint selected = adw_combo_row_get_selected (status_row);
      const char *status = selected < shelter_family_tracing_status.n_values
                             ? shelter_family_tracing_status.values[selected].code : NULL;

      _shelter_ui_set_error (GTK_WIDGET (status_row), FALSE);
      ok = shelter_family_update_tracing (self->session, shelter_stay_get_id (self->stay),
                                          version != NULL ? *version : 0, status, agencies,
                                          note, &error);
    }
  else
    ok = shelter_family_open_tracing (self->session, shelter_stay_get_id (self->stay),
                                      agencies, note, &error) != 0;
  if (ok)
    {
      _shelter_resident_page_reload (self, status_row != NULL ? _("Family tracing updated")
                                                              : _("Family tracing opened"));
      return;
    }
  if (error->domain == SHELTER_FIELD_ERROR)
    switch (error->code)
      {
      case SHELTER_FIELD_TRACING_STATUS:
        row = GTK_WIDGET (status_row);
        break;
      case SHELTER_FIELD_TRACING_AGENCIES:
        row = GTK_WIDGET (agencies_row);
        break;
      case SHELTER_FIELD_TRACING_NOTE:
        row = GTK_WIDGET (note_row);
        break;
      default:
        break;
      }
  show_error_row (row, error_label, error->message);
}

static GtkWidget *
new_entry_row (const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

static gboolean
is_child (ShelterResidentPage *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  const char *birth = shelter_resident_summary_get_birth_date (self->summary);
  GDate today;
  int age;

  if (birth == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  age = shelter_text_age_on (birth, &today);
  return age >= 0 && age < 18;
}

static void
add_tracing (ShelterResidentPage *self)
{
  g_autoptr(ShelterTracingRow) tracing = NULL;
  g_autoptr(GError) error = NULL;
  gboolean editable = may_record (self) && stay_is_open (self);
  GtkWidget *group, *list, *button = NULL, *agencies_row, *note_row, *status_row = NULL;
  GtkWidget *error_label;
  g_autofree char *opened = NULL;
  g_autofree char *description = NULL;

  if (self->stay == NULL)
    return;
  tracing = shelter_family_get_tracing (self->session, shelter_stay_get_id (self->stay),
                                        &error);
  if (tracing == NULL && error == NULL && !is_child (self))
    return;

  if (tracing != NULL)
    {
      opened = shelter_text_format_date (tracing->opened_on);
      /* Translators: the day a family tracing was opened. */
      description = g_strdup_printf (_("Opened on %s."), opened);
    }
  group = new_group (self, _("Family Tracing"),
                     error != NULL ? error->message
                     : description != NULL ? description
                     : _("A child without known family: open the tracing to ask the commune, "
                         "the police and other agencies to find them."),
                     NULL, NULL, NULL);
  if (error != NULL)
    return;

  list = new_list (group, _("Family tracing"));
  if (!editable)
    {
      if (tracing == NULL)
        {
          gtk_list_box_append (GTK_LIST_BOX (list),
                               _shelter_ui_new_text_row (_("No family tracing open"), NULL));
          return;
        }
      gtk_list_box_append (GTK_LIST_BOX (list),
                           _shelter_ui_new_text_row (_("Status"),
                                                     shelter_enum_label (&shelter_family_tracing_status,
                                                                         tracing->status)));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           _shelter_ui_new_text_row (_("Agencies Asked"),
                                                     tracing->agencies != NULL ? tracing->agencies : "—"));
      if (tracing->note != NULL)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             _shelter_ui_new_text_row (_("Note"), tracing->note));
      return;
    }

  if (tracing != NULL)
    {
      GtkStringList *statuses = gtk_string_list_new (NULL);

      for (guint i = 0; i < shelter_family_tracing_status.n_values; i++)
        {
          gtk_string_list_append (statuses,
                                  shelter_enum_label (&shelter_family_tracing_status,
                                                      shelter_family_tracing_status.values[i].code));
        }
      status_row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status_row), _("Status"));
      adw_combo_row_set_model (ADW_COMBO_ROW (status_row), G_LIST_MODEL (statuses));
      g_object_unref (statuses);
      for (guint i = 0; i < shelter_family_tracing_status.n_values; i++)
        if (g_strcmp0 (shelter_family_tracing_status.values[i].code, tracing->status) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), i);
      gtk_list_box_append (GTK_LIST_BOX (list), status_row);
    }
  agencies_row = new_entry_row (_("Agencies Asked"), tracing != NULL ? tracing->agencies : NULL);
  note_row = new_entry_row (_("Note"), tracing != NULL ? tracing->note : NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), agencies_row);
  gtk_list_box_append (GTK_LIST_BOX (list), note_row);

  error_label = g_object_new (GTK_TYPE_LABEL,
                              "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                              "wrap", TRUE,
                              "xalign", 0.0f,
                              "margin-top", 12,
                              "visible", FALSE,
                              NULL);
  gtk_widget_add_css_class (error_label, "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error_label);

  button = gtk_button_new_with_mnemonic (tracing != NULL ? _("_Update Tracing")
                                                         : _("_Open Tracing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tracing != NULL ? _("Update Tracing") : _("Open Tracing"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), TRACING_STATUS_KEY, status_row);
  g_object_set_data (G_OBJECT (button), TRACING_AGENCIES_KEY, agencies_row);
  g_object_set_data (G_OBJECT (button), TRACING_NOTE_KEY, note_row);
  g_object_set_data (G_OBJECT (button), TRACING_ERROR_KEY, error_label);
  if (tracing != NULL)
    g_object_set_data_full (G_OBJECT (button), TRACING_VERSION_KEY,
                            g_memdup2 (&tracing->version, sizeof tracing->version), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (tracing_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

/* Visits */

static void
visit_saved_cb (ShelterResidentPage *self,
                ShelterVisitDialog  *dialog)
{
  _shelter_resident_page_reload (self, _("Visit recorded"));
}

static void
ban_saved_cb (ShelterResidentPage *self,
              ShelterVisitDialog  *dialog)
{
  _shelter_resident_page_reload (self, _("Added to the no-visit list"));
}

static void
visit_refused_cb (ShelterResidentPage *self,
                  const char          *message,
                  ShelterVisitDialog  *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *alert;

  /* The attempt was recorded: the list shows it once read again. */
  _shelter_resident_page_reload (self, NULL);
  alert = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  _("Visit Refused"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (alert), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (alert), "close");
  gtk_window_present (GTK_WINDOW (alert));
}

static void
record_visit_clicked_cb (ShelterResidentPage *self,
                         GtkButton           *button)
{
  ShelterVisitDialog *dialog;

  if (self->session == NULL || self->stay == NULL)
    return;
  dialog = shelter_visit_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                     self->person_id, resident_name (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (visit_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "refused", G_CALLBACK (visit_refused_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_ban_clicked_cb (ShelterResidentPage *self,
                    GtkButton           *button)
{
  ShelterVisitDialog *dialog;

  if (self->session == NULL || self->summary == NULL)
    return;
  dialog = shelter_visit_dialog_new_ban (self->session, self->person_id, resident_name (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (ban_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_visits (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("Visits"),
                     _("Who came to see the resident, the newest first, refused attempts "
                       "included."),
                     may_record (self) && stay_is_open (self) ? _("Record a _Visit…") : NULL,
                     _("Record a Visit"), G_CALLBACK (record_visit_clicked_cb));
  visits = shelter_family_list_visits (self->session, self->person_id, &error);
  if (visits == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (group, _("Visits, newest first"));
  for (guint i = 0; i < visits->len; i++)
    {
      ShelterVisitRow *visit = g_ptr_array_index (visits, i);
      g_autofree char *when = _shelter_ui_format_time (visit->visited_at);
      g_autofree char *title = NULL;
      g_autofree char *approved = NULL;
      g_autofree char *refused = NULL;
      const char *lines[3];
      GtkWidget *row;

      /* Translators: a visit in the log: "22/11/2026 09:30 · Nguyễn Thị Mai". */
      title = g_strdup_printf (_("%s · %s"), when, visit->visitor_name);
      if (visit->refused)
        /* Translators: why a visit was refused. */
        refused = g_strdup_printf (_("Refused: %s"), visit->refusal_reason);
      if (visit->approved_by != NULL)
        /* Translators: who let a visit happen (or asked for a refused one). */
        approved = g_strdup_printf (_("Approved by %s"), visit->approved_by);
      lines[0] = refused;
      lines[1] = approved;
      lines[2] = visit->notes;
      row = new_row (title, lines, G_N_ELEMENTS (lines));
      if (visit->refused)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   new_badge ("action-unavailable-symbolic", _("Refused"),
                                              "error"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (visits->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         _shelter_ui_new_text_row (_("No visits recorded yet"), NULL));
}

static void
add_visit_bans (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) bans = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *list;

  group = new_group (self, _("No-Visit List"),
                     _("People who may not visit the resident."),
                     may_record (self) ? _("Add to _No-Visit List…") : NULL,
                     _("Add to No-Visit List"), G_CALLBACK (add_ban_clicked_cb));
  bans = shelter_family_list_visit_bans (self->session, self->person_id, &error);
  if (bans == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  list = new_list (group, _("No-visit list"));
  for (guint i = 0; i < bans->len; i++)
    {
      ShelterVisitBanRow *ban = g_ptr_array_index (bans, i);
      g_autofree char *since = shelter_text_format_date (ban->created_at);
      g_autofree char *added = g_strdup_printf (_("Since %s"), since);
      const char *lines[] = { ban->reason, added };
      GtkWidget *row = new_row (ban->visitor_name, lines, G_N_ELEMENTS (lines));
      GtkWidget *icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("May not visit"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (bans->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         _shelter_ui_new_text_row (_("No one is on the no-visit list"), NULL));
}

void
_shelter_resident_page_update_family (ShelterResidentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->family_box))) != NULL)
    gtk_box_remove (self->family_box, child);
  g_object_set_data (G_OBJECT (self), RELATIVES_KEY, NULL);
  adw_view_stack_page_set_visible (self->family_page,
                                   self->session != NULL && self->summary != NULL &&
                                   self->person_id > 0 &&
                                   shelter_session_may (self->session,
                                                        SHELTER_PERMISSION_VIEW_RESIDENTS));
  if (!adw_view_stack_page_get_visible (self->family_page))
    return;

  add_no_contact_alert (self);
  add_relatives (self);
  add_contacts (self);
  add_tracing (self);
  add_visits (self);
  add_visit_bans (self);
}
