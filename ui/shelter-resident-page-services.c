/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Services tab. The timeline of every service the
 * resident received, newest first (date, kind, who, what was done, outcome, cost, next
 * date and the kind's own fields; the counsellor's note for counsellors only, as app/
 * returns it), voided records behind a switch, and "Record a Service…". For medical staff
 * only, HIV status and pregnancy with the day each was found and "Change…"; each read is
 * audited by app/, so they are read when the tab is shown, not with every page, and the
 * group is not there at all for anyone else. app/shelter-services.c decides what each role
 * may see and record; this file shows and asks. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-resident-page-private.h"
#include "shelter-restricted-dialog.h"
#include "shelter-service-dialog.h"
#include "shelter-services.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* Whether the Services tab shows voided records, kept while the page lives. */
#define SHOW_VOIDED_KEY "shelter-services-show-voided"
/* The group of HIV status and pregnancy while it waits to be read (not owned), and whether
 * the page follows the tab shown to read it then. */
#define RESTRICTED_GROUP_KEY "shelter-services-restricted-group"
#define TAB_WATCHED_KEY "shelter-services-tab-watched"
/* The field and the value of a "Change…" button. */
#define FIELD_KEY "shelter-restricted-field"
#define VALUE_KEY "shelter-restricted-value"

static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->stay != NULL && shelter_stay_get_discharged_at (self->stay) == NULL;
}

static gboolean
may_record_any (ShelterSession *session)
{
  const ShelterServiceKind *kinds = shelter_service_kinds ();

  for (guint i = 0; kinds[i].code != NULL; i++)
    if (shelter_services_may_record (session, kinds[i].code))
      return TRUE;
  return FALSE;
}

static void
service_saved_cb (ShelterResidentPage  *self,
                  ShelterServiceDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Service recorded"));
}

static void
record_clicked_cb (ShelterResidentPage *self,
                   GtkButton           *button)
{
  ShelterServiceDialog *dialog;
  const char *name;

  if (self->session == NULL || self->stay == NULL)
    return;
  name = shelter_resident_summary_get_full_name (self->summary);
  dialog = shelter_service_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                       name != NULL ? name
                                                    : shelter_resident_summary_get_case_code (self->summary));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (service_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Restricted medical information */

static void
restricted_saved_cb (ShelterResidentPage     *self,
                     ShelterRestrictedDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Restricted medical information recorded"));
}

static void
change_restricted_clicked_cb (ShelterResidentPage *self,
                              GtkButton           *button)
{
  ShelterRestrictedDialog *dialog;
  const char *name;

  if (self->session == NULL || self->summary == NULL)
    return;
  name = shelter_resident_summary_get_full_name (self->summary);
  dialog = shelter_restricted_dialog_new (self->session, self->person_id,
                                          name != NULL ? name
                                                       : shelter_resident_summary_get_case_code (self->summary),
                                          g_object_get_data (G_OBJECT (button), FIELD_KEY),
                                          g_object_get_data (G_OBJECT (button), VALUE_KEY));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (restricted_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static GtkWidget *
new_restricted_row (ShelterResidentPage *self,
                    const char          *field,
                    const char          *title,
                    const char          *change_name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *button;

  value = shelter_services_get_restricted_dated (self->session, self->person_id, field, &day,
                                                 &error);
  if (error != NULL)
    subtitle = g_strdup (error->message);
  else if (value == NULL)
    subtitle = g_strdup (_("Not recorded"));
  else
    {
      g_autofree char *found = shelter_text_format_date (day);

      /* Translators: a restricted medical fact and the day it was found: "Negative, on
       * 02/11/2026". */
      subtitle = g_strdup_printf (_("%s, on %s"),
                                  shelter_enum_label (shelter_services_restricted_values (field),
                                                      value),
                                  found != NULL ? found : "—");
    }
  row = _shelter_ui_new_text_row (title, subtitle);
  gtk_widget_add_css_class (row, "property");
  if (error == NULL)
    {
      button = gtk_button_new_with_mnemonic (_("C_hange…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      change_name, -1);
      g_object_set_data_full (G_OBJECT (button), FIELD_KEY, g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (button), VALUE_KEY, g_steal_pointer (&value), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (change_restricted_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* Reads HIV status and pregnancy into the group waiting for them, once the tab is shown. */
static void
load_restricted (ShelterResidentPage *self)
{
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (self), RESTRICTED_GROUP_KEY);

  if (group == NULL || self->session == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "services") != 0)
    return;
  g_object_set_data (G_OBJECT (self), RESTRICTED_GROUP_KEY, NULL);
  adw_preferences_group_add (group,
                             new_restricted_row (self, SHELTER_RESTRICTED_HIV_STATUS,
                                                 _("HIV Status"), _("Change HIV Status")));
  adw_preferences_group_add (group,
                             new_restricted_row (self, SHELTER_RESTRICTED_PREGNANCY,
                                                 _("Pregnancy"), _("Change Pregnancy")));
}

static void
visible_tab_changed_cb (ShelterResidentPage *self,
                        GParamSpec          *pspec,
                        AdwViewStack        *stack)
{
  load_restricted (self);
}

/* The group, empty until the tab is shown; nothing at all for those who may not read it. */
static void
add_restricted_group (ShelterResidentPage *self)
{
  GtkWidget *group;

  if (!shelter_session_may (self->session, SHELTER_PERMISSION_READ_MEDICAL_RESTRICTED))
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Restricted Medical Information"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Seen by medical staff only; each look and each "
                                           "change is recorded."));
  gtk_box_append (self->services_box, group);
  g_object_set_data (G_OBJECT (self), RESTRICTED_GROUP_KEY, group);
  if (g_object_get_data (G_OBJECT (self), TAB_WATCHED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (self), TAB_WATCHED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                               G_CALLBACK (visible_tab_changed_cb), self, G_CONNECT_SWAPPED);
    }
  load_restricted (self);
}

static void
show_voided_cb (ShelterResidentPage *self,
                GParamSpec          *pspec,
                GtkSwitch           *toggle)
{
  g_object_set_data (G_OBJECT (self), SHOW_VOIDED_KEY,
                     GINT_TO_POINTER (gtk_switch_get_active (toggle)));
  _shelter_resident_page_update_services (self);
}

/* "Lê Thị Hoa · What was done · Outcome · 150.000 ₫ · Next 29/11/2026", one part a line. */
static char *
describe_entry (ShelterServiceEntry *entry)
{
  GString *text = g_string_new (NULL);
  g_autofree char *who = shelter_service_entry_dup_who (entry);
  g_autofree char *details = shelter_service_entry_dup_details_text (entry);
  const char *parts[] = { who, shelter_service_entry_get_description (entry), details,
                          shelter_service_entry_get_outcome (entry) };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (parts[i], -1);

        if (text->len > 0)
          g_string_append_c (text, '\n');
        if (i == 3)
          /* Translators: the outcome of a service on the timeline. */
          g_string_append_printf (text, _("Outcome: %s"), escaped);
        else
          g_string_append (text, escaped);
      }
  if (shelter_service_entry_get_cost_dong (entry) >= 0)
    {
      g_autofree char *money = shelter_text_format_money (shelter_service_entry_get_cost_dong (entry));

      g_string_append_c (text, '\n');
      /* Translators: what a service cost, on the timeline. */
      g_string_append_printf (text, _("Cost: %s"), money);
    }
  if (shelter_service_entry_get_next_on (entry) != NULL)
    {
      g_autofree char *next = shelter_text_format_date (shelter_service_entry_get_next_on (entry));

      g_string_append_c (text, '\n');
      /* Translators: the planned next date of a service, on the timeline. */
      g_string_append_printf (text, _("Next: %s"), next);
    }
  if (shelter_service_entry_get_has_exception (entry))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Given by a manager’s exception to the entitlements"));
    }
  if (shelter_service_entry_get_confidential_note (entry) != NULL)
    {
      g_autofree char *note = g_markup_escape_text (shelter_service_entry_get_confidential_note (entry), -1);

      g_string_append_c (text, '\n');
      /* Translators: the counsellor's confidential note, shown to counsellors only. */
      g_string_append_printf (text, _("<b>Confidential note:</b> %s"), note);
    }
  if (shelter_service_entry_get_voided (entry))
    {
      g_autofree char *reason = g_markup_escape_text (shelter_service_entry_get_void_reason (entry), -1);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Voided: %s"), reason);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
new_entry_row (ShelterServiceEntry *entry)
{
  const ShelterServiceKind *kind = shelter_service_kind_find (shelter_service_entry_get_kind (entry));
  g_autofree char *date = shelter_text_format_date (shelter_service_entry_get_done_on (entry));
  g_autofree char *title = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *subtitle = describe_entry (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  plain = g_strdup_printf ("%s · %s — %s (%s)", date,
                           shelter_service_kind_label (shelter_service_entry_get_kind (entry)),
                           shelter_service_subkind_label (shelter_service_entry_get_kind (entry),
                                                          shelter_service_entry_get_subkind (entry)),
                           shelter_support_type_letter (shelter_service_entry_get_support_type (entry)));
  {
    g_autofree char *escaped = g_markup_escape_text (plain, -1);

    title = shelter_service_entry_get_voided (entry) ? g_strdup_printf ("<s>%s</s>", escaped)
                                                     : g_steal_pointer (&escaped);
  }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
  icon = gtk_image_new_from_icon_name (kind != NULL ? kind->icon_name : "dialog-information-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shelter_service_kind_label (shelter_service_entry_get_kind (entry)),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (shelter_service_entry_get_voided (entry))
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

void
_shelter_resident_page_update_services (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show_voided = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), SHOW_VOIDED_KEY));
  GtkWidget *group, *list, *child, *toggle, *toggle_row;
  guint shown = 0, voided = 0;

  g_object_set_data (G_OBJECT (self), RESTRICTED_GROUP_KEY, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->services_box))) != NULL)
    gtk_box_remove (self->services_box, child);
  adw_view_stack_page_set_visible (self->services_page,
                                   self->session != NULL && self->stay != NULL &&
                                   self->summary != NULL);
  if (!adw_view_stack_page_get_visible (self->services_page))
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Services"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Everything the resident received during their "
                                           "stays, the newest first."));
  if (stay_is_open (self) && may_record_any (self->session))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record a Service…"));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Record a Service"), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_signal_connect_object (button, "clicked", G_CALLBACK (record_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  gtk_box_append (self->services_box, group);

  entries = shelter_services_list_person (self->session, self->person_id, &error);
  if (entries == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      add_restricted_group (self);
      return;
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Services, newest first"), -1);
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterServiceEntry *entry = g_ptr_array_index (entries, i);

      if (shelter_service_entry_get_voided (entry))
        {
          voided++;
          if (!show_voided)
            continue;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), new_entry_row (entry));
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No services recorded yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (empty),
                                   _("Record each health check, counselling session, legal or "
                                     "vocational help as it is given."));
      gtk_list_box_append (GTK_LIST_BOX (list), empty);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  if (voided > 0)
    {
      GtkWidget *voided_group = adw_preferences_group_new ();

      toggle_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (toggle_row), _("Show Voided Records"));
      toggle = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (toggle), show_voided);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Show Voided Records"), -1);
      g_signal_connect_object (toggle, "notify::active", G_CALLBACK (show_voided_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (toggle_row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (toggle_row), toggle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (voided_group), toggle_row);
      gtk_box_append (self->services_box, voided_group);
    }
  add_restricted_group (self);
}
