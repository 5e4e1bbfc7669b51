/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Meals and Needs tab. The diet the resident eats (with
 * its note for the kitchen and allergies) and its history, the clothing kit handed over on
 * arrival, and the meal days of the stay against the funded limit, priced from the rates.
 * app/shelter-meals.c decides; this file shows and asks. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-clothing-kit-dialog.h"
#include "shelter-diet-dialog.h"
#include "shelter-meals.h"
#include "shelter-resident-page-private.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

static gboolean
stay_is_open (ShelterResidentPage *self)
{
  return self->person != NULL && self->stay != NULL &&
         shelter_stay_get_discharged_at (self->stay) == NULL;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
add_header_button (ShelterResidentPage *self,
                   GtkWidget           *group,
                   const char          *label,
                   GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *plain = g_strdup (label);
  char *w = plain;

  /* The accessible name without the mnemonic's underscore. */
  for (const char *r = label; *r != '\0'; r++)
    if (*r != '_')
      *w++ = *r;
  *w = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

static char *
describe_diet (const ShelterDietRow *diet)
{
  GString *text = g_string_new (shelter_enum_label (&shelter_enum_diet,
                                                    diet != NULL ? diet->kind : "normal"));

  if (diet != NULL && diet->note != NULL)
    g_string_append_printf (text, " · %s", diet->note);
  return g_string_free (text, FALSE);
}

/* Diet */

static void
diet_saved_cb (ShelterResidentPage *self,
               ShelterDietDialog   *dialog)
{
  _shelter_resident_page_reload (self, _("Diet saved"));
}

static void
change_diet_clicked_cb (ShelterResidentPage *self,
                        GtkButton           *button)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  const ShelterDietRow *current = NULL;
  ShelterDietDialog *dialog;

  if (self->session == NULL || !stay_is_open (self))
    return;
  history = shelter_diet_history (self->session, shelter_stay_get_id (self->stay), NULL);
  now = shelter_session_now (self->session);
  today = g_date_time_format (now, "%Y-%m-%d");
  if (history != NULL)
    current = shelter_diet_find (history, today);
  dialog = shelter_diet_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                    shelter_resident_summary_get_full_name (self->summary),
                                    current != NULL ? current->kind : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (diet_saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_diet_group (ShelterResidentPage *self)
{
  GtkWidget *group = new_group (_("Diet"), _("What the kitchen cooks for the resident; the "
                                             "kitchen sheet shows it with the note and the "
                                             "allergies."));
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const ShelterDietRow *current;
  g_autofree char *title = NULL;

  if (stay_is_open (self) &&
      shelter_session_may (self->session, SHELTER_PERMISSION_RECORD_DIET))
    add_header_button (self, group, _("_Change Diet…"), G_CALLBACK (change_diet_clicked_cb));

  history = shelter_diet_history (self->session, shelter_stay_get_id (self->stay), &error);
  if (history == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (_("The diet could not be read"),
                                                           error->message));
      gtk_box_append (self->care_box, group);
      return;
    }
  current = shelter_diet_find (history, today);
  title = describe_diet (current);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             _shelter_ui_new_text_row (title,
                                                       current != NULL && current->allergies
                                                       ? current->allergies
                                                       : _("No allergy recorded")));
  for (guint i = 0; i < history->len; i++)
    {
      const ShelterDietRow *diet = g_ptr_array_index (history, i);
      g_autofree char *from = shelter_text_format_date (diet->valid_from);
      g_autofree char *what = describe_diet (diet);
      g_autofree char *line = NULL;
      g_autofree char *by = NULL;

      /* Translators: a diet in the history: since when, and what. */
      line = g_strdup_printf (_("From %s: %s"), from, what);
      /* Translators: who recorded a diet. */
      by = g_strdup_printf (_("Recorded by %s"), diet->created_by);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (line, by));
    }
  gtk_box_append (self->care_box, group);
}

/* Clothing kit */

static void
kit_saved_cb (ShelterResidentPage      *self,
              ShelterClothingKitDialog *dialog)
{
  _shelter_resident_page_reload (self, _("Clothing kit recorded"));
}

static void
issue_kit_clicked_cb (ShelterResidentPage *self,
                      GtkButton           *button)
{
  g_autofree char *admitted_on = NULL;
  ShelterClothingKitDialog *dialog;

  if (self->session == NULL || !stay_is_open (self))
    return;
  admitted_on = g_strndup (shelter_stay_get_admitted_at (self->stay), 10);
  dialog = shelter_clothing_kit_dialog_new (self->session, shelter_stay_get_id (self->stay),
                                            shelter_resident_summary_get_full_name (self->summary),
                                            shelter_person_get_sex (self->person), admitted_on);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (kit_saved_cb), self, G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
add_kit_group (ShelterResidentPage *self)
{
  GtkWidget *group = new_group (_("Clothing Kit"), NULL);
  g_autoptr(ShelterClothingKitRow) kit = NULL;
  g_autoptr(GError) error = NULL;

  kit = shelter_clothing_kit_get (self->session, shelter_stay_get_id (self->stay), &error);
  if (kit == NULL && error != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               _shelter_ui_new_text_row (_("The clothing kit could not be read"),
                                                         error->message));
  else if (kit == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (_("Not handed over yet"), NULL));
      if (stay_is_open (self) && shelter_session_may (self->session, SHELTER_PERMISSION_ADMIT))
        add_header_button (self, group, _("_Issue Clothing Kit…"),
                           G_CALLBACK (issue_kit_clicked_cb));
    }
  else
    {
      g_auto(GStrv) codes = g_strsplit (kit->items, ",", -1);
      g_autoptr(GString) items = g_string_new (NULL);
      g_autofree char *on = shelter_text_format_date (kit->issued_on);
      g_autofree char *title = NULL;
      g_autofree char *cost = NULL;

      for (guint i = 0; codes[i] != NULL; i++)
        g_string_append_printf (items, "%s%s", i > 0 ? ", " : "",
                                shelter_enum_label (&shelter_enum_clothing_item, codes[i]));
      /* Translators: when and by whom the clothing kit was handed over. */
      title = g_strdup_printf (_("Handed over on %s by %s"), on, kit->issued_by);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (title, items->str));
      cost = kit->cost_dong >= 0 ? shelter_text_format_money (kit->cost_dong) : NULL;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (_("Cost"),
                                                           cost != NULL ? cost
                                                           : _("Unpriced: no clothing kit rate "
                                                               "was in force that day")));
    }
  gtk_box_append (self->care_box, group);
}

/* Meal days */

static void
add_meal_days_group (ShelterResidentPage *self)
{
  g_autoptr(ShelterMealDays) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group = new_group (_("Meal Days"), _("Days at the centre, without whole days "
                                                   "away, priced by the meals rate in force "
                                                   "each day."));
  struct
  {
    const char *label;
    guint       days;
    guint       unpriced;
    gint64      dong;
  } parts[2];

  days = shelter_meal_days_count (self->session, shelter_stay_get_id (self->stay), &error);
  if (days == NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (_("The meal days could not be "
                                                             "counted"), error->message));
      gtk_box_append (self->care_box, group);
      return;
    }

  {
    g_autofree char *title = NULL;
    g_autofree char *subtitle = NULL;

    /* Translators: meal days of a stay, and the days away not counted. */
    title = g_strdup_printf (ngettext ("%u meal day", "%u meal days", days->days), days->days);
    subtitle = g_strdup_printf (ngettext ("%u whole day away, not counted",
                                          "%u whole days away, not counted", days->away_days),
                                days->away_days);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               _shelter_ui_new_text_row (title, subtitle));
  }

  parts[0].label = days->limit_days > 0 ? _("Within the funded limit") : _("State-funded");
  parts[0].days = days->funded_days;
  parts[0].unpriced = days->funded_unpriced;
  parts[0].dong = days->funded_dong;
  parts[1].label = _("Beyond the funded limit");
  parts[1].days = days->beyond_days;
  parts[1].unpriced = days->beyond_unpriced;
  parts[1].dong = days->beyond_dong;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *subtitle = NULL;

      if (i == 1 && parts[i].days == 0)
        continue;
      amount = shelter_text_format_money (parts[i].dong);
      if (i == 0 && days->limit_days > 0)
        /* Translators: "Within the funded limit (60 days): 45 days". */
        title = g_strdup_printf (_("%s (%u days): %u days"), parts[i].label, days->limit_days,
                                 parts[i].days);
      else
        title = g_strdup_printf (_("%s: %u days"), parts[i].label, parts[i].days);
      if (parts[i].unpriced == 0)
        subtitle = g_strdup (amount);
      else
        /* Translators: an amount and the days without a rate, which it leaves out. */
        subtitle = g_strdup_printf (ngettext ("%s, and %u day unpriced: no meals rate in force",
                                              "%s, and %u days unpriced: no meals rate in force",
                                              parts[i].unpriced),
                                    amount, parts[i].unpriced);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 _shelter_ui_new_text_row (title, subtitle));
    }
  gtk_box_append (self->care_box, group);
}

void
_shelter_resident_page_update_care (ShelterResidentPage *self)
{
  GtkWidget *child;
  gboolean shown = self->session != NULL && self->summary != NULL && self->stay != NULL &&
                   self->person != NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->care_box))) != NULL)
    gtk_box_remove (self->care_box, child);
  /* Like the Stay tab: not for a protected resident the session may not know. */
  adw_view_stack_page_set_visible (self->care_page, shown);
  if (!shown)
    return;

  add_diet_group (self);
  add_kit_group (self);
  add_meal_days_group (self);
}
