/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-placement-rules-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-follow-up.h"
#include "shelter-meals.h"
#include "shelter-placement.h"
#include "shelter-placement-rules-page.h"
#include "shelter-reminders.h"
#include "shelter-rooms.h"
#include "shelter-settings.h"
#include "shelter-statistics.h"
#include "shelter-stay-limit-dialog.h"
#include "shelter-stay-limits.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* A spin button's value is saved once it has been left alone this long, so that clicking
 * from 6 to 8 is one change on record, not four (as on the backup page). */
#define SPIN_SAVE_DELAY_MS 800

/* As app/shelter-placement.c counts when the setting is not set. */
#define CHILD_WITH_PARENT_AGE_DEFAULT 6
/* As app/shelter-services.c and app/shelter-meals.c count when the settings are not set. */
#define HEALTH_CHECK_HOURS_DEFAULT 24
#define MEAL_SCHEDULE_DEFAULT "breakfast;lunch;dinner"

typedef enum
{
  SETTING_AREA,
  SETTING_CARE_AREA,
  SETTING_CHILD_AGE,
  SETTING_CAREGIVERS,
  SETTING_SOCIAL_WORKERS,
  SETTING_MEDICAL,
  SETTING_COUNSELLORS,
  SETTING_HEALTH_CHECK_HOURS,
  N_SETTINGS
} Setting;

static const char * const setting_keys[N_SETTINGS] = {
  SHELTER_SETTING_AREA_PER_RESIDENT,
  SHELTER_SETTING_AREA_PER_RESIDENT_CARE,
  SHELTER_SETTING_CHILD_WITH_PARENT_AGE,
  SHELTER_SETTING_STAFF_CAREGIVERS,
  SHELTER_SETTING_STAFF_SOCIAL_WORKERS,
  SHELTER_SETTING_STAFF_MEDICAL,
  SHELTER_SETTING_STAFF_COUNSELLORS,
  SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS,
};

/* The three groups with an upper age; the elderly have none. */
#define N_AGE_SPINS 3

struct _ShelterPlacementRulesPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* Set while the page fills its fields itself. */
  gboolean             filling;
  /* Set while the age groups hold changes not saved yet. */
  gboolean             ages_edited;
  /* Set while the meals typed are not applied yet. */
  gboolean             meals_edited;
  guint                save_ids[N_SETTINGS];
  /* The rows of the stay limits, removed on reload. */
  GPtrArray           *limit_rows;

  GtkSpinButton       *setting_spins[N_SETTINGS];
  AdwActionRow        *setting_rows[N_SETTINGS];
  GtkSpinButton       *age_spins[N_AGE_SPINS];
  AdwActionRow        *age_rows[N_AGE_SPINS + 1];

  /* Template widgets */
  AdwPreferencesGroup *note_group;
  GtkLabel            *note_label;
  AdwPreferencesGroup *age_group;
  GtkButton           *age_save_button;
  AdwActionRow        *child_row;
  GtkSpinButton       *child_spin;
  AdwActionRow        *youth_row;
  GtkSpinButton       *youth_spin;
  AdwActionRow        *adult_row;
  GtkSpinButton       *adult_spin;
  AdwActionRow        *elderly_row;
  GtkLabel            *age_error_label;
  AdwPreferencesGroup *limits_group;
  GtkButton           *add_limit_button;
  AdwPreferencesGroup *area_group;
  AdwActionRow        *area_row;
  GtkSpinButton       *area_spin;
  AdwActionRow        *care_area_row;
  GtkSpinButton       *care_area_spin;
  AdwPreferencesGroup *child_group;
  AdwActionRow        *child_age_row;
  GtkSpinButton       *child_age_spin;
  AdwPreferencesGroup *staff_group;
  AdwActionRow        *caregivers_row;
  GtkSpinButton       *caregivers_spin;
  AdwActionRow        *social_workers_row;
  GtkSpinButton       *social_workers_spin;
  AdwActionRow        *medical_row;
  GtkSpinButton       *medical_spin;
  AdwActionRow        *counsellors_row;
  GtkSpinButton       *counsellors_spin;
  AdwPreferencesGroup *meals_group;
  AdwEntryRow         *meals_row;
  AdwPreferencesGroup *health_group;
  AdwActionRow        *health_hours_row;
  GtkSpinButton       *health_hours_spin;
};

G_DEFINE_FINAL_TYPE (ShelterPlacementRulesPage, shelter_placement_rules_page, ADW_TYPE_BIN)

static gboolean
shelter_placement_rules_page_may (ShelterPlacementRulesPage *self,
                                  ShelterPermission          permission)
{
  return self->session != NULL && shelter_session_may (self->session, permission);
}

static void
set_spin_value (ShelterPlacementRulesPage *self,
                GtkSpinButton             *spin,
                double                     value)
{
  self->filling = TRUE;
  gtk_spin_button_set_value (spin, value);
  self->filling = FALSE;
}

/* Who may change what */

static void
shelter_placement_rules_page_show_note (ShelterPlacementRulesPage *self)
{
  gboolean may_rooms = shelter_placement_rules_page_may (self, SHELTER_PERMISSION_MANAGE_ROOMS);
  gboolean may_settings = shelter_placement_rules_page_may (self,
                                                            SHELTER_PERMISSION_EDIT_SETTINGS);
  const char *note = NULL;

  if (self->session != NULL && !may_rooms && !may_settings)
    note = _("You can read these rules. A manager or an administrator changes the age groups "
             "and the stay limits; an administrator changes the bedroom area, the age of "
             "children with a parent, the staff counts, the meals and the health checks.");
  else if (self->session != NULL && !may_settings)
    note = _("An administrator changes the bedroom area, the age of children with a parent, "
             "the staff counts, the meals and the health checks.");
  else if (self->session != NULL && !may_rooms)
    note = _("A manager or an administrator changes the age groups and the stay limits.");

  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_group), note != NULL);
}

/* Age groups */

/* The bands as the spin buttons show them: each group from the year after the one before
 * it ends. */
static void
shelter_placement_rules_page_get_bands (ShelterPlacementRulesPage *self,
                                        ShelterAgeBands           *bands)
{
  bands->min_age[0] = 0;
  for (guint i = 0; i < N_AGE_SPINS; i++)
    {
      bands->max_age[i] = gtk_spin_button_get_value_as_int (self->age_spins[i]);
      bands->min_age[i + 1] = bands->max_age[i] + 1;
    }
  bands->max_age[N_AGE_SPINS] = -1;
}

static void
shelter_placement_rules_page_show_age_ranges (ShelterPlacementRulesPage *self)
{
  ShelterAgeBands bands;

  shelter_placement_rules_page_get_bands (self, &bands);
  for (guint i = 0; i <= N_AGE_SPINS; i++)
    {
      g_autofree char *subtitle = NULL;

      if (i == N_AGE_SPINS)
        /* Translators: the ages of the last age group, e.g. "From 60, no upper age". */
        subtitle = g_strdup_printf (_("From %d, no upper age"), bands.min_age[i]);
      else
        /* Translators: the ages of an age group, e.g. "From 16 to 17"; the group starts
         * the year after the one before it ends, and the spin button sets the last age. */
        subtitle = g_strdup_printf (_("From %d to"), bands.min_age[i]);
      adw_action_row_set_subtitle (self->age_rows[i], subtitle);
    }
}

/* A group cannot end before it starts: each spin button starts at the group's first age,
 * and a group that would end before then is moved up with it. */
static void
shelter_placement_rules_page_chain_ages (ShelterPlacementRulesPage *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  for (guint i = 1; i < N_AGE_SPINS; i++)
    {
      GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->age_spins[i]);
      int first = gtk_spin_button_get_value_as_int (self->age_spins[i - 1]) + 1;

      gtk_adjustment_set_lower (adjustment, first);
      if (gtk_adjustment_get_value (adjustment) < first)
        gtk_adjustment_set_value (adjustment, first);
    }
  self->filling = filling;
  shelter_placement_rules_page_show_age_ranges (self);
}

static void
shelter_placement_rules_page_clear_age_error (ShelterPlacementRulesPage *self)
{
  for (guint i = 0; i <= N_AGE_SPINS; i++)
    _shelter_ui_set_error (GTK_WIDGET (self->age_rows[i]), FALSE);
  _shelter_ui_show_message (self->age_error_label, NULL);
}

static void
shelter_placement_rules_page_fill_ages (ShelterPlacementRulesPage *self)
{
  g_autoptr(GError) error = NULL;
  ShelterAgeBands bands;

  if (self->ages_edited)
    return;

  shelter_placement_rules_page_clear_age_error (self);
  if (self->session == NULL)
    return;
  if (!shelter_age_bands_load (shelter_session_get_db (self->session), &bands, &error))
    {
      _shelter_ui_show_message (self->age_error_label, error->message);
      return;
    }

  self->filling = TRUE;
  for (guint i = 0; i < N_AGE_SPINS; i++)
    {
      /* Free while filling: the chain is set again below. */
      gtk_adjustment_set_lower (gtk_spin_button_get_adjustment (self->age_spins[i]), 0);
      gtk_spin_button_set_value (self->age_spins[i], bands.max_age[i]);
    }
  shelter_placement_rules_page_chain_ages (self);
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->age_save_button), FALSE);
}

static void
age_value_changed_cb (ShelterPlacementRulesPage *self,
                      GtkSpinButton             *spin)
{
  if (self->filling)
    return;

  self->ages_edited = TRUE;
  shelter_placement_rules_page_chain_ages (self);
  shelter_placement_rules_page_clear_age_error (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->age_save_button), TRUE);
}

static void
age_save_clicked_cb (ShelterPlacementRulesPage *self,
                     GtkButton                 *button)
{
  g_autoptr(GError) error = NULL;
  ShelterAgeBands bands;

  if (self->session == NULL)
    return;

  for (guint i = 0; i < N_AGE_SPINS; i++)
    gtk_spin_button_update (self->age_spins[i]);
  shelter_placement_rules_page_get_bands (self, &bands);
  shelter_placement_rules_page_clear_age_error (self);

  if (!shelter_age_bands_save (self->session, &bands, &error))
    {
      /* The groups stay as set, to be corrected. */
      for (guint i = 0; i <= N_AGE_SPINS; i++)
        _shelter_ui_set_error (GTK_WIDGET (self->age_rows[i]), TRUE);
      _shelter_ui_show_message (self->age_error_label, error->message);
      return;
    }

  self->ages_edited = FALSE;
  shelter_placement_rules_page_fill_ages (self);
  _shelter_window_show_message (GTK_WIDGET (self),
                                _("Age groups saved: rooms are now suggested by the new "
                                  "ages"));
}

/* Stay limits */

static void
shelter_placement_rules_page_clear_limits (ShelterPlacementRulesPage *self)
{
  for (guint i = 0; i < self->limit_rows->len; i++)
    adw_preferences_group_remove (self->limits_group, g_ptr_array_index (self->limit_rows, i));
  g_ptr_array_set_size (self->limit_rows, 0);
}

static GtkWidget *
shelter_placement_rules_page_new_history_row (const ShelterStayLimit *limit,
                                              const char             *today)
{
  g_autofree char *from = shelter_text_format_date (limit->valid_from);
  g_autofree char *to = limit->valid_to != NULL ? shelter_text_format_date (limit->valid_to)
                                                : NULL;
  g_autofree char *days = NULL;
  g_autofree char *title = NULL;

  days = g_strdup_printf (ngettext ("%u day", "%u days", limit->days), limit->days);
  if (strcmp (limit->valid_from, today) > 0)
    /* Translators: a stay limit recorded to start later: "120 days, from 01/12/2026". */
    title = g_strdup_printf (_("%s, from %s"), days, from);
  else if (to == NULL)
    /* Translators: the stay limit in force: "90 days, since 01/01/2000". */
    title = g_strdup_printf (_("%s, since %s"), days, from);
  else
    /* Translators: a past stay limit: "90 days, 01/01/2000 to 30/11/2026". */
    title = g_strdup_printf (_("%s, %s to %s"), days, from, to);

  return _shelter_ui_new_text_row (title, limit->legal_basis);
}

static GtkWidget *
shelter_placement_rules_page_new_kind_row (GPtrArray  *limits,
                                           const char *kind,
                                           const char *today)
{
  const ShelterStayLimit *in_force = shelter_stay_limits_find (limits, kind, today);
  const ShelterStayLimit *upcoming = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();

  for (guint i = 0; i < limits->len; i++)
    {
      const ShelterStayLimit *limit = g_ptr_array_index (limits, i);

      if (!g_str_equal (limit->kind, kind))
        continue;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                shelter_placement_rules_page_new_history_row (limit, today));
      /* Newest first: the last one after today is the next to come. */
      if (strcmp (limit->valid_from, today) > 0)
        upcoming = limit;
    }

  if (in_force != NULL)
    {
      g_autofree char *since = shelter_text_format_date (in_force->valid_from);

      /* Translators: the stay limit in force and its legal basis: "90 days since 01/01/2000 ·
       * Nghị định 103/2017/NĐ-CP". */
      g_string_append_printf (subtitle,
                              ngettext ("%u day since %s · %s", "%u days since %s · %s",
                                        in_force->days),
                              in_force->days, since, in_force->legal_basis);
    }
  else
    g_string_append (subtitle, _("No limit in force"));
  if (upcoming != NULL)
    {
      g_autofree char *from = shelter_text_format_date (upcoming->valid_from);

      g_string_append_c (subtitle, '\n');
      /* Translators: a stay limit recorded to start later: "120 days from 01/12/2026". */
      g_string_append_printf (subtitle,
                              ngettext ("%u day from %s", "%u days from %s", upcoming->days),
                              upcoming->days, from);
    }

  /* The expander row of libadwaita 1.2 reads its title and subtitle as markup. */
  escaped_title = g_markup_escape_text (shelter_stay_limit_kind_label (kind), -1);
  escaped_subtitle = g_markup_escape_text (subtitle->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped_subtitle);
  return row;
}

static void
shelter_placement_rules_page_fill_limits (ShelterPlacementRulesPage *self)
{
  const char * const *kinds = shelter_stay_limit_kinds ();
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  shelter_placement_rules_page_clear_limits (self);
  if (self->session == NULL)
    return;

  limits = shelter_stay_limits_list (self->session, &error);
  if (limits == NULL)
    {
      GtkWidget *row = _shelter_ui_new_text_row (_("Cannot List the Stay Limits"),
                                                 error->message);

      adw_preferences_group_add (self->limits_group, row);
      g_ptr_array_add (self->limit_rows, row);
      return;
    }

  now = shelter_session_now (self->session);
  today = g_date_time_format (now, "%Y-%m-%d");
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      GtkWidget *row = shelter_placement_rules_page_new_kind_row (limits, kinds[i], today);

      adw_preferences_group_add (self->limits_group, row);
      g_ptr_array_add (self->limit_rows, row);
    }
}

static void
limit_saved_cb (ShelterPlacementRulesPage *self,
                ShelterStayLimitDialog    *dialog)
{
  shelter_placement_rules_page_fill_limits (self);
  _shelter_window_show_message (GTK_WIDGET (self),
                                _("Stay limit recorded; the one before it ends the day "
                                  "before"));
}

static void
add_limit_clicked_cb (ShelterPlacementRulesPage *self,
                      GtkButton                 *button)
{
  ShelterStayLimitDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = shelter_stay_limit_dialog_new (self->session, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (limit_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

/* Settings: saved as they change (instant apply), a moment after the last click */

static gboolean
setting_is_area (Setting setting)
{
  return setting == SETTING_AREA || setting == SETTING_CARE_AREA;
}

static void
shelter_placement_rules_page_fill_setting (ShelterPlacementRulesPage *self,
                                           Setting                    setting)
{
  ShelterDb *db;
  double value;

  _shelter_ui_set_error (GTK_WIDGET (self->setting_rows[setting]), FALSE);
  if (self->session == NULL)
    return;

  db = shelter_session_get_db (self->session);
  if (setting_is_area (setting))
    value = shelter_rooms_area_per_resident (db, setting == SETTING_CARE_AREA);
  else if (setting == SETTING_CHILD_AGE)
    value = shelter_settings_get_int (db, setting_keys[setting], CHILD_WITH_PARENT_AGE_DEFAULT);
  else if (setting == SETTING_HEALTH_CHECK_HOURS)
    {
      value = shelter_settings_get_int (db, setting_keys[setting], HEALTH_CHECK_HOURS_DEFAULT);
      /* app/ counts a damaged value as the default. */
      if (value < 1 || value > 168)
        value = HEALTH_CHECK_HOURS_DEFAULT;
    }
  else
    value = MAX (shelter_settings_get_int (db, setting_keys[setting], 0), 0);
  set_spin_value (self, self->setting_spins[setting], value);
}

static void
shelter_placement_rules_page_save_setting (ShelterPlacementRulesPage *self,
                                           Setting                    setting)
{
  GtkSpinButton *spin = self->setting_spins[setting];
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  self->save_ids[setting] = 0;
  if (self->session == NULL)
    return;

  if (setting_is_area (setting))
    g_ascii_formatd (value, sizeof value, "%.1f", gtk_spin_button_get_value (spin));
  else
    g_snprintf (value, sizeof value, "%d", gtk_spin_button_get_value_as_int (spin));

  if (!shelter_settings_set (self->session, setting_keys[setting], value, &error))
    {
      /* Back to what is stored, with the reason on a toast and the row marked. */
      shelter_placement_rules_page_fill_setting (self, setting);
      _shelter_ui_set_error (GTK_WIDGET (self->setting_rows[setting]), TRUE);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast once a setting is saved: "Area per Resident (m²): now 6.5". */
  message = g_strdup_printf (_("%s: now %s"),
                             adw_preferences_row_get_title (
                               ADW_PREFERENCES_ROW (self->setting_rows[setting])),
                             gtk_editable_get_text (GTK_EDITABLE (spin)));
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

typedef struct
{
  ShelterPlacementRulesPage *page;
  Setting                    setting;
} SaveData;

static gboolean
save_setting_cb (gpointer user_data)
{
  SaveData *data = user_data;

  shelter_placement_rules_page_save_setting (data->page, data->setting);
  return G_SOURCE_REMOVE;
}

/* Saves the changes still waiting, as the user who made them. */
static void
shelter_placement_rules_page_flush_settings (ShelterPlacementRulesPage *self)
{
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    if (self->save_ids[setting] != 0)
      {
        g_clear_handle_id (&self->save_ids[setting], g_source_remove);
        shelter_placement_rules_page_save_setting (self, setting);
      }
}

static void
setting_value_changed_cb (ShelterPlacementRulesPage *self,
                          GtkSpinButton             *spin)
{
  SaveData *data;

  if (self->filling || self->session == NULL)
    return;

  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    if (self->setting_spins[setting] == spin)
      {
        _shelter_ui_set_error (GTK_WIDGET (self->setting_rows[setting]), FALSE);
        g_clear_handle_id (&self->save_ids[setting], g_source_remove);
        data = g_new (SaveData, 1);
        data->page = self;
        data->setting = setting;
        self->save_ids[setting] = g_timeout_add_full (G_PRIORITY_DEFAULT, SPIN_SAVE_DELAY_MS,
                                                      save_setting_cb, data, g_free);
        return;
      }
}

/* The meal schedule: typed as text, saved when applied (the apply button or Enter), not as
 * it is typed, since a schedule half typed is no schedule (two meals are refused). */

static void
shelter_placement_rules_page_fill_meals (ShelterPlacementRulesPage *self)
{
  g_autofree char *value = NULL;

  if (self->meals_edited)
    return;

  _shelter_ui_set_error (GTK_WIDGET (self->meals_row), FALSE);
  if (self->session == NULL)
    return;

  value = shelter_settings_get (shelter_session_get_db (self->session),
                                SHELTER_SETTING_MEAL_SCHEDULE, MEAL_SCHEDULE_DEFAULT);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->meals_row), value);
  self->filling = FALSE;
}

static void
shelter_placement_rules_page_save_meals (ShelterPlacementRulesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *value = NULL;
  g_autofree char *stored = NULL;

  if (self->session == NULL || !self->meals_edited)
    return;

  value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->meals_row)));
  g_strstrip (g_strdelimit (value, "\t\r\n", ' '));
  stored = shelter_settings_get (shelter_session_get_db (self->session),
                                 SHELTER_SETTING_MEAL_SCHEDULE, MEAL_SCHEDULE_DEFAULT);
  if (g_str_equal (value, stored))
    {
      /* Nothing changed: nothing to record. */
      self->meals_edited = FALSE;
      shelter_placement_rules_page_fill_meals (self);
      return;
    }
  if (!shelter_settings_set (self->session, SHELTER_SETTING_MEAL_SCHEDULE, value, &error))
    {
      /* What was typed stays, to be corrected, with the reason on a toast and the row
       * marked. */
      _shelter_ui_set_error (GTK_WIDGET (self->meals_row), TRUE);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  self->meals_edited = FALSE;
  shelter_placement_rules_page_fill_meals (self);
  message = g_strdup_printf (_("%s: now %s"),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->meals_row)),
                             value);
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
meals_changed_cb (ShelterPlacementRulesPage *self,
                  GtkEditable               *editable)
{
  if (self->filling || self->session == NULL)
    return;

  self->meals_edited = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->meals_row), FALSE);
}

static void
meals_apply_cb (ShelterPlacementRulesPage *self,
                AdwEntryRow               *row)
{
  shelter_placement_rules_page_save_meals (self);
}

/* The months of the follow-up after discharge: typed as text, saved with the Save button
 * or Enter. */

static AdwEntryRow *
follow_up_months_row (ShelterPlacementRulesPage *self)
{
  return ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                       SHELTER_TYPE_PLACEMENT_RULES_PAGE,
                                                       "follow_up_months_row"));
}

static void
shelter_placement_rules_page_fill_follow_up (ShelterPlacementRulesPage *self)
{
  AdwEntryRow *row = follow_up_months_row (self);
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                 SHELTER_TYPE_PLACEMENT_RULES_PAGE,
                                                                 "follow_up_save_button"));
  g_autoptr(GArray) months = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean may = shelter_placement_rules_page_may (self, SHELTER_PERMISSION_EDIT_SETTINGS);

  _shelter_ui_set_error (GTK_WIDGET (row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (row), may);
  gtk_widget_set_visible (button, may);
  if (self->session == NULL)
    return;
  months = shelter_follow_up_months (shelter_session_get_db (self->session));
  for (guint i = 0; i < months->len; i++)
    g_string_append_printf (text, "%s%u", i > 0 ? ", " : "", g_array_index (months, guint, i));
  gtk_editable_set_text (GTK_EDITABLE (row), text->str);
}

static void
follow_up_save_cb (ShelterPlacementRulesPage *self)
{
  AdwEntryRow *row = follow_up_months_row (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *value = NULL;

  if (self->session == NULL)
    return;
  value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  if (!shelter_follow_up_set_months (self->session, value, &error))
    {
      _shelter_ui_set_error (GTK_WIDGET (row), TRUE);
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  shelter_placement_rules_page_fill_follow_up (self);
  message = g_strdup_printf (_("%s: now %s"),
                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             gtk_editable_get_text (GTK_EDITABLE (row)));
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

/* The periodic reports: deadlines, age bands and the small-count threshold, typed as
 * text and saved together with the Save button or Enter. */

/* As app/shelter-reminders.c and app/shelter-statistics.c count when not set. */
#define REPORT_DUE_DAYS_DEFAULT "03-15,06-15,09-15,12-15"
#define REPORT_AGE_BANDS_DEFAULT "16,18,60"
#define REPORT_SUPPRESS_BELOW_DEFAULT "3"

static AdwEntryRow *
reports_row (ShelterPlacementRulesPage *self,
             const char                *id)
{
  return ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                       SHELTER_TYPE_PLACEMENT_RULES_PAGE, id));
}

static void
shelter_placement_rules_page_fill_reports (ShelterPlacementRulesPage *self)
{
  static const struct
  {
    const char *id;
    const char *key;
    const char *fallback;
  } rows[] = {
    { "report_due_row", SHELTER_SETTING_REPORT_DUE_DAYS, REPORT_DUE_DAYS_DEFAULT },
    { "report_age_bands_row", SHELTER_SETTING_REPORT_AGE_BANDS, REPORT_AGE_BANDS_DEFAULT },
    { "report_suppress_row", SHELTER_SETTING_REPORT_SUPPRESS_BELOW,
      REPORT_SUPPRESS_BELOW_DEFAULT },
  };
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                 SHELTER_TYPE_PLACEMENT_RULES_PAGE,
                                                                 "reports_save_button"));
  gboolean may = shelter_placement_rules_page_may (self, SHELTER_PERMISSION_EDIT_SETTINGS);

  gtk_widget_set_visible (button, may);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AdwEntryRow *row = reports_row (self, rows[i].id);
      g_autofree char *value = NULL;

      _shelter_ui_set_error (GTK_WIDGET (row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (row), may);
      if (self->session == NULL)
        continue;
      value = shelter_settings_get (shelter_session_get_db (self->session), rows[i].key,
                                    rows[i].fallback);
      gtk_editable_set_text (GTK_EDITABLE (row), value);
    }
}

static void
reports_row_changed_cb (ShelterPlacementRulesPage *self,
                        GtkEditable               *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

/* Shows @error on @row; FALSE. */
static gboolean
reports_refuse (ShelterPlacementRulesPage *self,
                AdwEntryRow               *row,
                const GError              *error)
{
  _shelter_ui_set_error (GTK_WIDGET (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  _shelter_window_show_message (GTK_WIDGET (self), error->message);
  return FALSE;
}

/* Saves the three report settings, none when one is refused. */
static gboolean
shelter_placement_rules_page_save_reports (ShelterPlacementRulesPage *self)
{
  AdwEntryRow *due_row = reports_row (self, "report_due_row");
  AdwEntryRow *bands_row = reports_row (self, "report_age_bands_row");
  AdwEntryRow *suppress_row = reports_row (self, "report_suppress_row");
  g_autofree char *due = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (due_row))));
  g_autofree char *bands = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (bands_row))));
  g_autofree char *suppress = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (suppress_row))));
  g_autoptr (GArray) days = NULL;
  g_autoptr (GError) error = NULL;

  if (self->session == NULL)
    return FALSE;
  /* All three are checked before any is saved. */
  if ((days = shelter_reminders_parse_report_due_days (due, &error)) == NULL)
    return reports_refuse (self, due_row, error);
  if (!shelter_statistics_check_age_bands (bands, &error))
    return reports_refuse (self, bands_row, error);
  if (!shelter_statistics_check_suppress_below (suppress, &error))
    return reports_refuse (self, suppress_row, error);

  if (!shelter_reminders_set_report_due_days (self->session, due, &error))
    return reports_refuse (self, due_row, error);
  if (!shelter_settings_set (self->session, SHELTER_SETTING_REPORT_AGE_BANDS, bands, &error))
    return reports_refuse (self, bands_row, error);
  if (!shelter_settings_set (self->session, SHELTER_SETTING_REPORT_SUPPRESS_BELOW, suppress,
                             &error))
    return reports_refuse (self, suppress_row, error);

  shelter_placement_rules_page_fill_reports (self);
  _shelter_window_show_message (GTK_WIDGET (self), _("Report settings saved"));
  return TRUE;
}

static void
reports_save_cb (ShelterPlacementRulesPage *self)
{
  shelter_placement_rules_page_save_reports (self);
}

/* The page */

void
shelter_placement_rules_page_reload (ShelterPlacementRulesPage *self)
{
  gboolean may_rooms;
  gboolean may_settings;

  g_return_if_fail (SHELTER_IS_PLACEMENT_RULES_PAGE (self));

  shelter_placement_rules_page_flush_settings (self);

  may_rooms = shelter_placement_rules_page_may (self, SHELTER_PERMISSION_MANAGE_ROOMS);
  may_settings = shelter_placement_rules_page_may (self, SHELTER_PERMISSION_EDIT_SETTINGS);

  /* app/ refuses anyone else anyway. */
  shelter_placement_rules_page_show_note (self);
  for (guint i = 0; i < N_AGE_SPINS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->age_spins[i]), may_rooms);
  gtk_widget_set_visible (GTK_WIDGET (self->age_save_button), may_rooms);
  gtk_widget_set_visible (GTK_WIDGET (self->add_limit_button), may_rooms);
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->setting_spins[setting]), may_settings);
  gtk_widget_set_sensitive (GTK_WIDGET (self->meals_row), may_settings);

  shelter_placement_rules_page_fill_ages (self);
  shelter_placement_rules_page_fill_meals (self);
  shelter_placement_rules_page_fill_follow_up (self);
  shelter_placement_rules_page_fill_reports (self);
  shelter_placement_rules_page_fill_limits (self);
  for (Setting setting = 0; setting < N_SETTINGS; setting++)
    shelter_placement_rules_page_fill_setting (self, setting);
}

void
shelter_placement_rules_page_set_session (ShelterPlacementRulesPage *self,
                                          ShelterSession            *session)
{
  g_return_if_fail (SHELTER_IS_PLACEMENT_RULES_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  /* A change made by the previous user is theirs: saved as them. Age groups changed but
   * not saved are not a change: they go. */
  shelter_placement_rules_page_flush_settings (self);
  self->ages_edited = FALSE;
  self->meals_edited = FALSE;

  g_set_object (&self->session, session);
  shelter_placement_rules_page_reload (self);
}

static void
shelter_placement_rules_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shelter_placement_rules_page_parent_class)->map (widget);

  /* Another desk may have changed the rules meanwhile. */
  shelter_placement_rules_page_reload (SHELTER_PLACEMENT_RULES_PAGE (widget));
}

static void
shelter_placement_rules_page_dispose (GObject *object)
{
  ShelterPlacementRulesPage *self = SHELTER_PLACEMENT_RULES_PAGE (object);

  shelter_placement_rules_page_flush_settings (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_PLACEMENT_RULES_PAGE);
  g_clear_pointer (&self->limit_rows, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_placement_rules_page_parent_class)->dispose (object);
}

static void
shelter_placement_rules_page_class_init (ShelterPlacementRulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_placement_rules_page_dispose;
  widget_class->map = shelter_placement_rules_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/"
                                               "shelter-placement-rules-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, age_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        age_save_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, child_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, child_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, youth_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, youth_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, adult_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, adult_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, elderly_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        age_error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, limits_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        add_limit_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, area_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, area_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, area_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, care_area_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, care_area_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, child_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, child_age_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, child_age_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, staff_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, caregivers_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        caregivers_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        social_workers_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        social_workers_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, medical_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, medical_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        counsellors_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        counsellors_spin);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, meals_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, meals_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage, health_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        health_hours_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlacementRulesPage,
                                        health_hours_spin);
  gtk_widget_class_bind_template_callback (widget_class, meals_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, meals_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, reports_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, reports_row_changed_cb);
  gtk_widget_class_bind_template_child_full (widget_class, "report_due_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "report_age_bands_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "report_suppress_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "reports_save_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "follow_up_months_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "follow_up_save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, age_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, age_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_limit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, setting_value_changed_cb);
}

static void
shelter_placement_rules_page_init (ShelterPlacementRulesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit_rows = g_ptr_array_new ();

  self->age_spins[0] = self->child_spin;
  self->age_spins[1] = self->youth_spin;
  self->age_spins[2] = self->adult_spin;
  self->age_rows[0] = self->child_row;
  self->age_rows[1] = self->youth_row;
  self->age_rows[2] = self->adult_row;
  self->age_rows[3] = self->elderly_row;

  self->setting_spins[SETTING_AREA] = self->area_spin;
  self->setting_spins[SETTING_CARE_AREA] = self->care_area_spin;
  self->setting_spins[SETTING_CHILD_AGE] = self->child_age_spin;
  self->setting_spins[SETTING_CAREGIVERS] = self->caregivers_spin;
  self->setting_spins[SETTING_SOCIAL_WORKERS] = self->social_workers_spin;
  self->setting_spins[SETTING_MEDICAL] = self->medical_spin;
  self->setting_spins[SETTING_COUNSELLORS] = self->counsellors_spin;
  self->setting_rows[SETTING_AREA] = self->area_row;
  self->setting_rows[SETTING_CARE_AREA] = self->care_area_row;
  self->setting_rows[SETTING_CHILD_AGE] = self->child_age_row;
  self->setting_rows[SETTING_CAREGIVERS] = self->caregivers_row;
  self->setting_rows[SETTING_SOCIAL_WORKERS] = self->social_workers_row;
  self->setting_rows[SETTING_MEDICAL] = self->medical_row;
  self->setting_rows[SETTING_COUNSELLORS] = self->counsellors_row;
  self->setting_spins[SETTING_HEALTH_CHECK_HOURS] = self->health_hours_spin;
  self->setting_rows[SETTING_HEALTH_CHECK_HOURS] = self->health_hours_row;

  gtk_widget_set_sensitive (GTK_WIDGET (self->age_save_button), FALSE);
  shelter_placement_rules_page_chain_ages (self);
}
