/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-person-form"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-person-form.h"
#include "shelter-reference.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

struct _ShelterPersonForm
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* The person set (id, version, case code, and the values kept when their rows could not
   * show them); never NULL. */
  ShelterPerson       *base;
  /* ShelterReferenceEntry, in the order of their lists after the first item. */
  GPtrArray           *ethnic_groups;
  GPtrArray           *countries;
  GPtrArray           *provinces;
  GPtrArray           *communes;
  /* Set while the rows are filled by the program: not the user's edits. */
  gboolean             filling;
  /* Whether the user changed the ethnicity, country or residence rows: if not, the stored
   * values are kept as they were, even those the lists cannot show (an older scheme). */
  gboolean             ethnicity_touched;
  gboolean             country_touched;
  gboolean             home_touched;

  /* Template widgets */
  GtkLabel            *error_label;
  AdwPreferencesGroup *name_group;
  AdwEntryRow         *family_name_row;
  AdwEntryRow         *middle_name_row;
  AdwEntryRow         *given_name_row;
  AdwComboRow         *sex_row;
  GtkStringList       *sex_list;
  AdwComboRow         *birth_precision_row;
  GtkStringList       *birth_precision_list;
  AdwEntryRow         *birth_row;
  AdwComboRow         *person_type_row;
  GtkStringList       *person_type_list;
  AdwComboRow         *ethnicity_row;
  GtkStringList       *ethnicity_list;
  AdwComboRow         *nationality_row;
  GtkStringList       *nationality_list;
  AdwComboRow         *country_row;
  GtkStringList       *country_list;
  AdwComboRow         *id_paper_row;
  GtkStringList       *id_paper_list;
  AdwEntryRow         *id_number_row;
  AdwEntryRow         *phone_row;
  AdwActionRow        *province_row;
  GtkDropDown         *province_drop_down;
  GtkStringList       *province_list;
  AdwActionRow        *commune_row;
  GtkDropDown         *commune_drop_down;
  GtkStringList       *commune_list;
  AdwPreferencesGroup *protection_group;
  AdwActionRow        *high_protection_row;
  GtkSwitch           *high_protection_switch;
};

G_DEFINE_FINAL_TYPE (ShelterPersonForm, shelter_person_form, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  SIGNAL_IDENTITY_CHANGED,
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Enumerations whose first item means "not chosen yet" (NULL); the others start at 0. */
#define SEX_OFFSET 1
#define PERSON_TYPE_OFFSET 1

/* Small helpers */

static char *
dup_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration,
                const char        *none_label)
{
  if (none_label != NULL)
    gtk_string_list_append (list, none_label);
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

static const char *
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= enumeration->n_values)
    return NULL;

  return enumeration->values[selected - offset].code;
}

static void
set_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset,
               const char        *code,
               const char        *fallback)
{
  for (int pass = 0; pass < 2; pass++)
    {
      const char *wanted = pass == 0 ? code : fallback;

      for (guint i = 0; wanted != NULL && i < enumeration->n_values; i++)
        if (g_str_equal (enumeration->values[i].code, wanted))
          {
            adw_combo_row_set_selected (row, i + offset);
            return;
          }
    }
  adw_combo_row_set_selected (row, 0);
}

static ShelterReferenceEntry *
find_entry (GPtrArray  *entries,
            const char *code,
            guint      *position)
{
  for (guint i = 0; entries != NULL && code != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->code, code) == 0)
        {
          if (position != NULL)
            *position = i;
          return entry;
        }
    }
  return NULL;
}

static const char *
entry_label (ShelterReferenceEntry *entry)
{
  if (entry->full_name != NULL)
    return entry->full_name;
  return entry->name != NULL ? entry->name : entry->code;
}

/* Fills @list with "Not recorded" then the entries' names; takes @entries. */
static void
fill_reference_list (GtkStringList  *list,
                     GPtrArray     **slot,
                     GPtrArray      *entries)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = entries;

  g_ptr_array_add (names, (gpointer) C_("field value", "Not recorded"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (names, (gpointer) entry_label (g_ptr_array_index (entries, i)));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (list, 0, n_items, (const char * const *) names->pdata);
}

static ShelterReferenceEntry *
get_selected_entry (guint      selected,
                    GPtrArray *entries)
{
  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || entries == NULL ||
      selected - 1 >= entries->len)
    return NULL;

  return g_ptr_array_index (entries, selected - 1);
}

static int
current_year (ShelterPersonForm *self)
{
  g_autoptr(GDateTime) now = shelter_session_now (self->session);

  return g_date_time_get_year (now);
}

static gboolean
all_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The rows */

static void
shelter_person_form_update_full_name (ShelterPersonForm *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_new ();
  g_autofree char *family = dup_text (self->family_name_row);
  g_autofree char *middle = dup_text (self->middle_name_row);
  g_autofree char *given = dup_text (self->given_name_row);
  g_autofree char *full_name = NULL;
  g_autofree char *description = NULL;

  shelter_person_set_family_name (person, family);
  shelter_person_set_middle_name (person, middle);
  shelter_person_set_given_name (person, given);
  full_name = shelter_person_dup_full_name (person);

  if (full_name != NULL && *full_name != '\0')
    /* Translators: the name as it will be written, family name first. */
    description = g_strdup_printf (_("Full name: %s"), full_name);
  adw_preferences_group_set_description (self->name_group, description);
}

static void
shelter_person_form_update_birth_row (ShelterPersonForm *self)
{
  const char *precision = get_enum_code (self->birth_precision_row,
                                         &shelter_enum_birth_precision, 0);
  const char *title;

  if (g_strcmp0 (precision, "year") == 0)
    title = _("Year of Birth (yyyy)");
  else if (g_strcmp0 (precision, "estimated") == 0)
    title = _("Estimated Age in Years");
  else
    title = _("Date of Birth (dd/mm/yyyy)");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->birth_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_row), g_strcmp0 (precision, "unknown") != 0);
}

static void
shelter_person_form_update_country_row (ShelterPersonForm *self)
{
  const char *status = get_enum_code (self->nationality_row,
                                      &shelter_enum_nationality_status, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->country_row),
                            g_strcmp0 (status, "foreigner") == 0);
}

static void
shelter_person_form_load_communes (ShelterPersonForm *self,
                                   const char        *province_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *communes = NULL;

  if (province_code != NULL)
    {
      communes = shelter_reference_communes (shelter_session_get_db (self->session),
                                             SHELTER_ADDRESS_SCHEME, province_code, &error);
      if (communes == NULL)
        g_warning ("Cannot list the communes of %s: %s", province_code, error->message);
    }

  fill_reference_list (self->commune_list, &self->communes, communes);
  gtk_drop_down_set_selected (self->commune_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commune_row), province_code != NULL);
}

static void
shelter_person_form_edited (ShelterPersonForm *self,
                            GtkWidget         *row,
                            gboolean           identity)
{
  if (self->filling)
    return;

  /* Changing a field marked wrong is correcting it. */
  if (row != NULL)
    _shelter_ui_set_error (row, FALSE);

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  if (identity)
    g_signal_emit (self, signals[SIGNAL_IDENTITY_CHANGED], 0);
}

static void
identity_changed_cb (ShelterPersonForm *self,
                     GtkEditable       *editable)
{
  if (editable != GTK_EDITABLE (self->birth_row))
    shelter_person_form_update_full_name (self);
  shelter_person_form_edited (self, GTK_WIDGET (editable), TRUE);
}

static void
entry_changed_cb (ShelterPersonForm *self,
                  GtkEditable       *editable)
{
  shelter_person_form_edited (self, GTK_WIDGET (editable), FALSE);
}

static void
entry_activated_cb (ShelterPersonForm *self,
                    AdwEntryRow       *row)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
combo_changed_cb (ShelterPersonForm *self,
                  GParamSpec        *pspec,
                  AdwComboRow       *row)
{
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
birth_precision_changed_cb (ShelterPersonForm *self,
                            GParamSpec        *pspec,
                            AdwComboRow       *row)
{
  shelter_person_form_update_birth_row (self);
  _shelter_ui_set_error (GTK_WIDGET (self->birth_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (row), TRUE);
}

static void
ethnicity_changed_cb (ShelterPersonForm *self,
                      GParamSpec        *pspec,
                      AdwComboRow       *row)
{
  if (!self->filling)
    self->ethnicity_touched = TRUE;
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
nationality_changed_cb (ShelterPersonForm *self,
                        GParamSpec        *pspec,
                        AdwComboRow       *row)
{
  shelter_person_form_update_country_row (self);
  if (!self->filling)
    self->country_touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->country_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
country_changed_cb (ShelterPersonForm *self,
                    GParamSpec        *pspec,
                    AdwComboRow       *row)
{
  if (!self->filling)
    self->country_touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->nationality_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (row), FALSE);
}

static void
province_changed_cb (ShelterPersonForm *self,
                     GParamSpec        *pspec,
                     GtkDropDown       *drop_down)
{
  ShelterReferenceEntry *province;
  gboolean filling = self->filling;

  if (filling)
    return;

  province = get_selected_entry (gtk_drop_down_get_selected (drop_down), self->provinces);
  self->home_touched = TRUE;

  /* The communes of another province: the one chosen before is no longer one of them. */
  self->filling = TRUE;
  shelter_person_form_load_communes (self, province != NULL ? province->code : NULL);
  self->filling = filling;

  _shelter_ui_set_error (GTK_WIDGET (self->commune_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (self->province_row), TRUE);
}

static void
commune_changed_cb (ShelterPersonForm *self,
                    GParamSpec        *pspec,
                    GtkDropDown       *drop_down)
{
  if (self->filling)
    return;

  self->home_touched = TRUE;
  _shelter_ui_set_error (GTK_WIDGET (self->province_row), FALSE);
  shelter_person_form_edited (self, GTK_WIDGET (self->commune_row), FALSE);
}

static void
switch_changed_cb (ShelterPersonForm *self,
                   GParamSpec        *pspec,
                   GtkSwitch         *widget)
{
  shelter_person_form_edited (self, GTK_WIDGET (self->high_protection_row), FALSE);
}

/* Filling and reading */

static void
shelter_person_form_load_lists (ShelterPersonForm *self)
{
  ShelterDb *db = shelter_session_get_db (self->session);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  fill_enum_list (self->sex_list, &shelter_enum_sex, C_("field value", "Not chosen"));
  fill_enum_list (self->birth_precision_list, &shelter_enum_birth_precision, NULL);
  fill_enum_list (self->person_type_list, &shelter_enum_person_type,
                  C_("field value", "Not chosen"));
  fill_enum_list (self->nationality_list, &shelter_enum_nationality_status, NULL);
  fill_enum_list (self->id_paper_list, &shelter_enum_id_paper, NULL);

  /* Without a list the form still works: the person is saved without that field. */
  entries = shelter_reference_ethnic_groups (db, &error);
  if (entries == NULL)
    g_warning ("Cannot list the ethnic groups: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->ethnicity_list, &self->ethnic_groups, entries);

  entries = shelter_reference_countries (db, &error);
  if (entries == NULL)
    g_warning ("Cannot list the countries: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->country_list, &self->countries, entries);
  /* Vietnam is not a foreigner's country. */
  gtk_string_list_splice (self->country_list, 0, 1,
                          (const char * const[]) { C_("field value", "Not chosen"), NULL });

  entries = shelter_reference_provinces (db, SHELTER_ADDRESS_SCHEME, &error);
  if (entries == NULL)
    g_warning ("Cannot list the provinces: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->province_list, &self->provinces, entries);
}

static char *
format_birth (ShelterPersonForm *self,
              ShelterPerson     *person)
{
  const char *birth = shelter_person_get_birth_date (person);
  const char *precision = shelter_person_get_birth_precision (person);

  if (birth == NULL)
    return NULL;

  if (g_strcmp0 (precision, "estimated") == 0 && strlen (birth) == 4 && all_digits (birth))
    return g_strdup_printf ("%d", current_year (self) - atoi (birth));

  return shelter_text_format_date (birth);
}

void
shelter_person_form_set_person (ShelterPersonForm *self,
                                ShelterPerson     *person)
{
  g_autofree char *birth = NULL;
  const char *precision;
  guint position = 0;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));
  g_return_if_fail (person == NULL || SHELTER_IS_PERSON (person));

  g_clear_object (&self->base);
  self->base = person != NULL ? g_object_ref (person) : shelter_person_new ();
  person = self->base;

  self->filling = TRUE;
  self->ethnicity_touched = FALSE;
  self->country_touched = FALSE;
  self->home_touched = FALSE;

  set_text (self->family_name_row, shelter_person_get_family_name (person));
  set_text (self->middle_name_row, shelter_person_get_middle_name (person));
  set_text (self->given_name_row, shelter_person_get_given_name (person));
  set_enum_code (self->sex_row, &shelter_enum_sex, SEX_OFFSET,
                 shelter_person_get_sex (person), NULL);

  precision = shelter_person_get_birth_precision (person);
  if (precision == NULL && shelter_person_get_birth_date (person) != NULL)
    precision = strlen (shelter_person_get_birth_date (person)) == 4 ? "year" : "day";
  /* A new person: most come with a date of birth, from a paper or from themselves. */
  if (shelter_person_get_id (person) <= 0 && shelter_person_get_birth_date (person) == NULL)
    precision = "day";
  set_enum_code (self->birth_precision_row, &shelter_enum_birth_precision, 0, precision, "day");
  birth = format_birth (self, person);
  set_text (self->birth_row, birth);

  set_enum_code (self->person_type_row, &shelter_enum_person_type, PERSON_TYPE_OFFSET,
                 shelter_person_get_person_type (person), NULL);

  if (g_strcmp0 (shelter_person_get_ethnicity_scheme (person), SHELTER_ETHNICITY_SCHEME) == 0
      && find_entry (self->ethnic_groups, shelter_person_get_ethnicity_code (person), &position))
    adw_combo_row_set_selected (self->ethnicity_row, position + 1);
  else
    adw_combo_row_set_selected (self->ethnicity_row, 0);

  set_enum_code (self->nationality_row, &shelter_enum_nationality_status, 0,
                 shelter_person_get_nationality_status (person), "citizen");
  if (find_entry (self->countries, shelter_person_get_nationality (person), &position))
    adw_combo_row_set_selected (self->country_row, position + 1);
  else
    adw_combo_row_set_selected (self->country_row, 0);

  set_enum_code (self->id_paper_row, &shelter_enum_id_paper, 0,
                 shelter_person_get_id_paper (person), "none");
  set_text (self->id_number_row, shelter_person_get_id_number (person));
  set_text (self->phone_row, shelter_person_get_phone (person));

  if (g_strcmp0 (shelter_person_get_home_scheme (person), SHELTER_ADDRESS_SCHEME) == 0
      && find_entry (self->provinces, shelter_person_get_home_province_code (person), &position))
    {
      gtk_drop_down_set_selected (self->province_drop_down, position + 1);
      shelter_person_form_load_communes (self, shelter_person_get_home_province_code (person));
      if (find_entry (self->communes, shelter_person_get_home_commune_code (person), &position))
        gtk_drop_down_set_selected (self->commune_drop_down, position + 1);
    }
  else
    {
      gtk_drop_down_set_selected (self->province_drop_down, 0);
      shelter_person_form_load_communes (self, NULL);
    }

  gtk_switch_set_active (self->high_protection_switch,
                         shelter_person_get_high_protection (person));

  shelter_person_form_update_full_name (self);
  shelter_person_form_update_birth_row (self);
  shelter_person_form_update_country_row (self);
  shelter_person_form_show_error (self, NULL);

  self->filling = FALSE;
}

static void
shelter_person_form_read_birth (ShelterPersonForm *self,
                                ShelterPerson     *person)
{
  const char *precision = get_enum_code (self->birth_precision_row,
                                         &shelter_enum_birth_precision, 0);
  g_autofree char *text = dup_text (self->birth_row);
  g_autofree char *birth = NULL;

  shelter_person_set_birth_precision (person, precision);

  if (g_strcmp0 (precision, "unknown") == 0 || text == NULL)
    return;

  if (g_strcmp0 (precision, "day") == 0)
    {
      GDate date;

      /* What is no date goes to app/ as typed, which names the field. */
      if (shelter_text_parse_date (text, &date))
        birth = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));
    }
  else if (g_strcmp0 (precision, "estimated") == 0 && all_digits (text) && strlen (text) <= 3)
    /* An age: the year it gives, stored as estimated. */
    birth = g_strdup_printf ("%04d", current_year (self) - atoi (text));

  shelter_person_set_birth_date (person, birth != NULL ? birth : text);
}

ShelterPerson *
shelter_person_form_get_person (ShelterPersonForm *self)
{
  ShelterPerson *person;
  ShelterPerson *base;
  g_autofree char *family = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *given = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  const char *status;

  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), NULL);

  base = self->base;
  person = shelter_person_new ();
  shelter_person_set_id (person, shelter_person_get_id (base));
  shelter_person_set_version (person, shelter_person_get_version (base));
  shelter_person_set_case_code (person, shelter_person_get_case_code (base));

  family = dup_text (self->family_name_row);
  middle = dup_text (self->middle_name_row);
  given = dup_text (self->given_name_row);
  shelter_person_set_family_name (person, family);
  shelter_person_set_middle_name (person, middle);
  shelter_person_set_given_name (person, given);
  shelter_person_set_sex (person, get_enum_code (self->sex_row, &shelter_enum_sex, SEX_OFFSET));
  shelter_person_form_read_birth (self, person);
  shelter_person_set_person_type (person, get_enum_code (self->person_type_row,
                                                         &shelter_enum_person_type,
                                                         PERSON_TYPE_OFFSET));

  if (self->ethnicity_touched)
    {
      ShelterReferenceEntry *group =
        get_selected_entry (adw_combo_row_get_selected (self->ethnicity_row), self->ethnic_groups);

      shelter_person_set_ethnicity_scheme (person, group != NULL ? SHELTER_ETHNICITY_SCHEME : NULL);
      shelter_person_set_ethnicity_code (person, group != NULL ? group->code : NULL);
    }
  else
    {
      shelter_person_set_ethnicity_scheme (person, shelter_person_get_ethnicity_scheme (base));
      shelter_person_set_ethnicity_code (person, shelter_person_get_ethnicity_code (base));
    }

  status = get_enum_code (self->nationality_row, &shelter_enum_nationality_status, 0);
  shelter_person_set_nationality_status (person, status);
  if (g_strcmp0 (status, "foreigner") == 0)
    {
      ShelterReferenceEntry *country =
        get_selected_entry (adw_combo_row_get_selected (self->country_row), self->countries);

      if (self->country_touched || country != NULL)
        shelter_person_set_nationality (person, country != NULL ? country->code : NULL);
      else
        shelter_person_set_nationality (person, shelter_person_get_nationality (base));
    }
  else if (g_strcmp0 (status, "citizen") == 0)
    shelter_person_set_nationality (person, "VN");

  shelter_person_set_id_paper (person, get_enum_code (self->id_paper_row,
                                                      &shelter_enum_id_paper, 0));
  id_number = dup_text (self->id_number_row);
  shelter_person_set_id_number (person, id_number);
  phone = dup_text (self->phone_row);
  shelter_person_set_phone (person, phone);

  if (self->home_touched)
    {
      ShelterReferenceEntry *province =
        get_selected_entry (gtk_drop_down_get_selected (self->province_drop_down),
                            self->provinces);
      ShelterReferenceEntry *commune =
        get_selected_entry (gtk_drop_down_get_selected (self->commune_drop_down),
                            self->communes);

      shelter_person_set_home_scheme (person, province != NULL ? SHELTER_ADDRESS_SCHEME : NULL);
      shelter_person_set_home_province_code (person, province != NULL ? province->code : NULL);
      shelter_person_set_home_commune_code (person, province != NULL && commune != NULL
                                                    ? commune->code : NULL);
    }
  else
    {
      shelter_person_set_home_scheme (person, shelter_person_get_home_scheme (base));
      shelter_person_set_home_province_code (person, shelter_person_get_home_province_code (base));
      shelter_person_set_home_commune_code (person, shelter_person_get_home_commune_code (base));
    }

  /* Only those who may see it can change it; the others keep what is stored. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->protection_group)))
    shelter_person_set_high_protection (person,
                                        gtk_switch_get_active (self->high_protection_switch));
  else
    shelter_person_set_high_protection (person, shelter_person_get_high_protection (base));

  return person;
}

void
shelter_person_form_set_base_version (ShelterPersonForm *self,
                                      gint64             version)
{
  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  shelter_person_set_version (self->base, version);
}

/* Errors */

static GtkWidget *
shelter_person_form_get_row (ShelterPersonForm *self,
                             int                field)
{
  switch (field)
    {
    case SHELTER_FIELD_FAMILY_NAME:
      return GTK_WIDGET (self->family_name_row);
    case SHELTER_FIELD_MIDDLE_NAME:
      return GTK_WIDGET (self->middle_name_row);
    case SHELTER_FIELD_GIVEN_NAME:
      return GTK_WIDGET (self->given_name_row);
    case SHELTER_FIELD_SEX:
      return GTK_WIDGET (self->sex_row);
    case SHELTER_FIELD_BIRTH_DATE:
      return gtk_widget_get_visible (GTK_WIDGET (self->birth_row))
             ? GTK_WIDGET (self->birth_row) : GTK_WIDGET (self->birth_precision_row);
    case SHELTER_FIELD_ETHNICITY:
      return GTK_WIDGET (self->ethnicity_row);
    case SHELTER_FIELD_NATIONALITY:
      return gtk_widget_get_sensitive (GTK_WIDGET (self->country_row))
             ? GTK_WIDGET (self->country_row) : GTK_WIDGET (self->nationality_row);
    case SHELTER_FIELD_ID_PAPER:
      return GTK_WIDGET (self->id_paper_row);
    case SHELTER_FIELD_ID_NUMBER:
      return GTK_WIDGET (self->id_number_row);
    case SHELTER_FIELD_PHONE:
      return GTK_WIDGET (self->phone_row);
    case SHELTER_FIELD_HOME_ADDRESS:
      return GTK_WIDGET (self->province_row);
    case SHELTER_FIELD_PERSON_TYPE:
      return GTK_WIDGET (self->person_type_row);
    default:
      return NULL;
    }
}

gboolean
shelter_person_form_has_field (ShelterPersonForm *self,
                               int                field)
{
  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), FALSE);

  return shelter_person_form_get_row (self, field) != NULL;
}

void
shelter_person_form_show_error (ShelterPersonForm *self,
                                const GError      *error)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->family_name_row), GTK_WIDGET (self->middle_name_row),
    GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->sex_row),
    GTK_WIDGET (self->birth_precision_row), GTK_WIDGET (self->birth_row),
    GTK_WIDGET (self->person_type_row), GTK_WIDGET (self->ethnicity_row),
    GTK_WIDGET (self->nationality_row), GTK_WIDGET (self->country_row),
    GTK_WIDGET (self->id_paper_row), GTK_WIDGET (self->id_number_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->province_row),
    GTK_WIDGET (self->commune_row), GTK_WIDGET (self->high_protection_row),
  };
  GtkWidget *row = NULL;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);

  _shelter_ui_show_message (self->error_label, error != NULL ? error->message : NULL);
  if (error == NULL)
    return;

  if (error->domain == SHELTER_FIELD_ERROR)
    row = shelter_person_form_get_row (self, error->code);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_widget_grab_focus (row);
    }
}

/* Differences */

static char *
describe_reference (GPtrArray  *entries,
                    const char *code)
{
  ShelterReferenceEntry *entry = find_entry (entries, code, NULL);

  if (code == NULL)
    return NULL;
  return g_strdup (entry != NULL ? entry_label (entry) : code);
}

static void
add_difference (GPtrArray  *differences,
                AdwEntryRow *title_row,
                const char *title,
                const char *mine,
                const char *theirs,
                const char *shown)
{
  if (g_strcmp0 (mine, theirs) == 0)
    return;

  if (title_row != NULL)
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title_row));
  g_ptr_array_add (differences, g_strdup (title));
  g_ptr_array_add (differences, g_strdup (shown != NULL ? shown : C_("field value",
                                                                    "Not recorded")));
}

GPtrArray *
shelter_person_form_describe_differences (ShelterPersonForm *self,
                                          ShelterPerson     *other)
{
  g_autoptr(ShelterPerson) mine = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *ethnicity = NULL;
  g_autofree char *country = NULL;
  g_autofree char *province = NULL;
  g_autofree char *commune = NULL;
  GPtrArray *differences;
  const char *code;

  g_return_val_if_fail (SHELTER_IS_PERSON_FORM (self), NULL);
  g_return_val_if_fail (SHELTER_IS_PERSON (other), NULL);

  differences = g_ptr_array_new_with_free_func (g_free);
  mine = shelter_person_form_get_person (self);
  /* Compared as stored: the form's text cleaned as app/ would clean it. */
  now = shelter_session_now (self->session);
  shelter_person_validate (mine, now, NULL);

#define SAME_TEXT(getter, row) \
  add_difference (differences, row, NULL, getter (mine), getter (other), getter (other))

  SAME_TEXT (shelter_person_get_family_name, self->family_name_row);
  SAME_TEXT (shelter_person_get_middle_name, self->middle_name_row);
  SAME_TEXT (shelter_person_get_given_name, self->given_name_row);
  code = shelter_person_get_sex (other);
  add_difference (differences, NULL, _("Sex"), shelter_person_get_sex (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_sex, code) : NULL);
  birth = shelter_text_format_date (shelter_person_get_birth_date (other));
  if (birth != NULL && g_strcmp0 (shelter_person_get_birth_precision (other), "estimated") == 0)
    {
      /* Translators: a year of birth that was estimated from the person's age. */
      char *estimated = g_strdup_printf (_("%s (estimated)"), birth);
      g_free (birth);
      birth = estimated;
    }
  add_difference (differences, NULL, _("Date of Birth"),
                  shelter_person_get_birth_date (mine), shelter_person_get_birth_date (other),
                  birth);
  code = shelter_person_get_person_type (other);
  add_difference (differences, NULL, _("Person Type"), shelter_person_get_person_type (mine),
                  code, code != NULL ? shelter_enum_label (&shelter_enum_person_type, code) : NULL);
  ethnicity = describe_reference (self->ethnic_groups, shelter_person_get_ethnicity_code (other));
  add_difference (differences, NULL, _("Ethnicity"), shelter_person_get_ethnicity_code (mine),
                  shelter_person_get_ethnicity_code (other), ethnicity);
  code = shelter_person_get_nationality_status (other);
  add_difference (differences, NULL, _("Nationality"),
                  shelter_person_get_nationality_status (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_nationality_status, code)
                               : NULL);
  country = describe_reference (self->countries, shelter_person_get_nationality (other));
  add_difference (differences, NULL, _("Country"), shelter_person_get_nationality (mine),
                  shelter_person_get_nationality (other), country);
  code = shelter_person_get_id_paper (other);
  add_difference (differences, NULL, _("ID Paper"), shelter_person_get_id_paper (mine), code,
                  code != NULL ? shelter_enum_label (&shelter_enum_id_paper, code) : NULL);
  SAME_TEXT (shelter_person_get_id_number, self->id_number_row);
  SAME_TEXT (shelter_person_get_phone, self->phone_row);
  province = describe_reference (self->provinces, shelter_person_get_home_province_code (other));
  add_difference (differences, NULL, _("Province"), shelter_person_get_home_province_code (mine),
                  shelter_person_get_home_province_code (other), province);
  code = shelter_person_get_home_province_code (other);
  if (code != NULL && g_strcmp0 (shelter_person_get_home_scheme (other),
                                 SHELTER_ADDRESS_SCHEME) == 0)
    communes = shelter_reference_communes (shelter_session_get_db (self->session),
                                           SHELTER_ADDRESS_SCHEME, code, NULL);
  commune = describe_reference (communes, shelter_person_get_home_commune_code (other));
  add_difference (differences, NULL, _("Commune"), shelter_person_get_home_commune_code (mine),
                  shelter_person_get_home_commune_code (other), commune);
  if (gtk_widget_get_visible (GTK_WIDGET (self->protection_group)) &&
      shelter_person_get_high_protection (mine) != shelter_person_get_high_protection (other))
    add_difference (differences, NULL, _("High Protection"), "mine", "theirs",
                    shelter_person_get_high_protection (other) ? _("On") : _("Off"));

#undef SAME_TEXT

  return differences;
}

void
shelter_person_form_focus (ShelterPersonForm *self)
{
  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
}

void
shelter_person_form_set_editable (ShelterPersonForm *self,
                                  gboolean           editable)
{
  GtkWidget *child;

  g_return_if_fail (SHELTER_IS_PERSON_FORM (self));

  /* The groups, not the form: the message at the top stays readable. */
  for (child = gtk_widget_get_next_sibling (GTK_WIDGET (self->error_label)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_sensitive (child, editable);
}

/* The object */

static void
shelter_person_form_dispose (GObject *object)
{
  ShelterPersonForm *self = SHELTER_PERSON_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_PERSON_FORM);

  g_clear_object (&self->session);
  g_clear_object (&self->base);
  g_clear_pointer (&self->ethnic_groups, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_person_form_parent_class)->dispose (object);
}

static void
shelter_person_form_class_init (ShelterPersonFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_person_form_dispose;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_IDENTITY_CHANGED] =
    g_signal_new ("identity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-person-form.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterPersonForm, name)
  BIND (error_label);
  BIND (name_group);
  BIND (family_name_row);
  BIND (middle_name_row);
  BIND (given_name_row);
  BIND (sex_row);
  BIND (sex_list);
  BIND (birth_precision_row);
  BIND (birth_precision_list);
  BIND (birth_row);
  BIND (person_type_row);
  BIND (person_type_list);
  BIND (ethnicity_row);
  BIND (ethnicity_list);
  BIND (nationality_row);
  BIND (nationality_list);
  BIND (country_row);
  BIND (country_list);
  BIND (id_paper_row);
  BIND (id_paper_list);
  BIND (id_number_row);
  BIND (phone_row);
  BIND (province_row);
  BIND (province_drop_down);
  BIND (province_list);
  BIND (commune_row);
  BIND (commune_drop_down);
  BIND (commune_list);
  BIND (protection_group);
  BIND (high_protection_row);
  BIND (high_protection_switch);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, identity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, birth_precision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ethnicity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, nationality_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, province_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, commune_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
}

/* GTK 4.8 leaves the button that opens a drop-down without a name: names it after the row. */
static void
name_drop_down_button (GtkDropDown  *drop_down,
                       AdwActionRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
shelter_person_form_init (ShelterPersonForm *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  /* Typing in an open list searches the names. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->province_drop_down, expression);
  gtk_drop_down_set_expression (self->commune_drop_down, expression);
  name_drop_down_button (self->province_drop_down, self->province_row);
  name_drop_down_button (self->commune_drop_down, self->commune_row);
  self->filling = FALSE;
}

ShelterPersonForm *
shelter_person_form_new (ShelterSession *session)
{
  ShelterPersonForm *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_PERSON_FORM, NULL);
  self->session = g_object_ref (session);

  self->filling = TRUE;
  shelter_person_form_load_lists (self);
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->protection_group),
                          shelter_session_may (session,
                                               SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY));
  shelter_person_form_set_person (self, NULL);

  return self;
}
