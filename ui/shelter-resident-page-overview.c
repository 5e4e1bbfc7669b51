/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-page"
/* ShelterResidentPage, continued: the Overview tab, the person's details and their intake
 * (who handed them over, trafficking details where they apply, consent, what they arrived
 * with). Only what is known is shown; a section with nothing in it is left out. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-enums.h"
#include "shelter-reference.h"
#include "shelter-resident-page-private.h"
#include "shelter-residents-model.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"

/* A section being filled: shown only if it got rows. */
typedef struct
{
  GtkWidget *group;
  guint      n_rows;
} Section;

static void
section_start (Section    *section,
               const char *title,
               const char *description)
{
  section->group = g_object_ref_sink (adw_preferences_group_new ());
  section->n_rows = 0;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (section->group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (section->group), description);
}

/* A row "title: value" (the value under the title); nothing when @value is unknown. */
static void
section_add (Section    *section,
             const char *title,
             const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (section->group), row);
  section->n_rows++;
}

static void
section_add_take (Section    *section,
                  const char *title,
                  char       *value)
{
  section_add (section, title, value);
  g_free (value);
}

static void
section_finish (ShelterResidentPage *self,
                Section             *section,
                gboolean             even_empty)
{
  if (section->n_rows > 0 || even_empty)
    gtk_box_append (self->overview_box, section->group);
  g_clear_object (&section->group);
}

static const char *
label_or_null (const ShelterEnum *enumeration,
               const char        *code)
{
  return code != NULL ? shelter_enum_label (enumeration, code) : NULL;
}

/* Reference lookups */

static const char *
entry_name (GPtrArray  *entries,
            const char *code)
{
  if (entries == NULL || code == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->code, code) == 0)
        return entry->full_name != NULL ? entry->full_name : entry->name;
    }
  /* A code the reference data does not know: shown as stored. */
  return code;
}

static GPtrArray *
load_countries (ShelterResidentPage *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *countries;

  countries = shelter_reference_countries (shelter_session_get_db (self->session), &error);
  if (countries == NULL)
    g_warning ("Cannot list the countries: %s", error->message);
  return countries;
}

/* "Xã Tả Van, Tỉnh Lào Cai", with the street or village before it when there is one. */
static char *
describe_address (ShelterResidentPage *self,
                  const char          *scheme,
                  const char          *province_code,
                  const char          *commune_code,
                  const char          *detail)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *units = NULL;

  units = shelter_reference_describe_address (shelter_session_get_db (self->session), scheme,
                                              province_code, commune_code, &error);
  if (error != NULL)
    g_warning ("Cannot describe an address: %s", error->message);

  if (detail != NULL && units != NULL)
    return g_strdup_printf ("%s, %s", detail, units);
  if (detail != NULL)
    return g_strdup (detail);
  return g_steal_pointer (&units);
}

/* The person */

static char *
format_birth_date (ShelterPerson *person)
{
  const char *birth = shelter_person_get_birth_date (person);
  g_autofree char *date = NULL;

  if (birth == NULL)
    return NULL;
  date = shelter_text_format_date (birth);
  if (g_strcmp0 (shelter_person_get_birth_precision (person), "estimated") == 0)
    /* Translators: a year of birth worked out from an estimated age. */
    return g_strdup_printf (_("%s (estimated)"), date);
  return g_steal_pointer (&date);
}

static void
add_person_section (ShelterResidentPage *self,
                    GPtrArray           *countries)
{
  ShelterPerson *person = self->person;
  g_autoptr(GPtrArray) ethnic_groups = NULL;
  const char *id_paper = shelter_person_get_id_paper (person);
  const char *id_number = shelter_person_get_id_number (person);
  const char *nationality_status = shelter_person_get_nationality_status (person);
  g_autofree char *nationality = NULL;
  g_autofree char *paper = NULL;
  Section section;

  section_start (&section, _("Personal Details"), NULL);
  section_add (&section, _("Other Names"), shelter_person_get_other_names (person));
  section_add (&section, _("Sex"), label_or_null (&shelter_enum_sex,
                                                  shelter_person_get_sex (person)));
  section_add_take (&section, _("Date of Birth"), format_birth_date (person));

  if (shelter_person_get_ethnicity_code (person) != NULL)
    {
      g_autoptr(GError) error = NULL;

      ethnic_groups = shelter_reference_ethnic_groups (shelter_session_get_db (self->session),
                                                       &error);
      if (ethnic_groups == NULL)
        g_warning ("Cannot list the ethnic groups: %s", error->message);
      section_add (&section, _("Ethnicity"),
                   entry_name (ethnic_groups, shelter_person_get_ethnicity_code (person)));
    }
  section_add (&section, _("Religion"), label_or_null (&shelter_enum_religion,
                                                       shelter_person_get_religion (person)));

  /* "Foreigner: Trung Quốc"; a citizen needs no country. */
  if (g_strcmp0 (nationality_status, "foreigner") == 0 &&
      shelter_person_get_nationality (person) != NULL)
    /* Translators: a nationality status, then the country. */
    nationality = g_strdup_printf (_("%s: %s"),
                                   shelter_enum_label (&shelter_enum_nationality_status,
                                                       nationality_status),
                                   entry_name (countries, shelter_person_get_nationality (person)));
  else
    nationality = g_strdup (label_or_null (&shelter_enum_nationality_status, nationality_status));
  section_add (&section, _("Nationality"), nationality);

  section_add (&section, _("Languages"), shelter_person_get_languages (person));

  if (id_paper != NULL && id_number != NULL && g_strcmp0 (id_paper, "none") != 0)
    paper = g_strdup_printf (_("%s: %s"), shelter_enum_label (&shelter_enum_id_paper, id_paper),
                             id_number);
  else
    paper = g_strdup (label_or_null (&shelter_enum_id_paper, id_paper));
  section_add (&section, _("ID Paper"), paper);

  section_add (&section, _("Phone"), shelter_person_get_phone (person));
  section_add_take (&section, _("Permanent Residence"),
                    describe_address (self, shelter_person_get_home_scheme (person),
                                      shelter_person_get_home_province_code (person),
                                      shelter_person_get_home_commune_code (person),
                                      shelter_person_get_home_detail (person)));
  section_add_take (&section, _("Hometown"),
                    describe_address (self, shelter_person_get_origin_scheme (person),
                                      shelter_person_get_origin_province_code (person),
                                      shelter_person_get_origin_commune_code (person),
                                      NULL));
  section_finish (self, &section, FALSE);
}

/* The intake */

/* The adult an accompanying child came with: "Sùng Thị Dợ, case code 2026-0007" (masked as
 * the list masks them). */
static char *
describe_linked_person (ShelterResidentPage *self,
                        gint64               person_id)
{
  g_autoptr(ShelterResidentSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  if (person_id <= 0)
    return NULL;
  summary = shelter_residents_get_summary (self->session, person_id, &error);
  if (summary == NULL)
    {
      g_debug ("The linked adult cannot be read: %s", error->message);
      return NULL;
    }
  /* Translators: a resident's name, then their case code. */
  return g_strdup_printf (_("%s, case code %s"),
                          shelter_resident_summary_get_full_name (summary),
                          shelter_resident_summary_get_case_code (summary));
}

static void
add_reception_section (ShelterResidentPage *self)
{
  ShelterIntake *intake = self->intake;
  Section section;

  section_start (&section, _("Handed Over"),
                 intake == NULL ? _("This stay was recorded without an intake.") : NULL);
  if (intake != NULL)
    section_add (&section, _("Intake Record"), shelter_intake_get_record_number (intake));
  section_add_take (&section, _("Reception Date"),
                    _shelter_ui_format_time (shelter_stay_get_admitted_at (self->stay)));
  if (intake != NULL)
    {
      section_add (&section, _("Handed Over By"),
                   label_or_null (&shelter_enum_handed_over_by,
                                  shelter_intake_get_handed_over_by (intake)));
      section_add (&section, _("Officer’s Name"), shelter_intake_get_officer_name (intake));
      section_add (&section, _("Officer’s Unit"), shelter_intake_get_officer_unit (intake));
      section_add (&section, _("Place of Reception"), shelter_intake_get_received_place (intake));
      section_add_take (&section, _("Came With"),
                        describe_linked_person (self,
                                                shelter_intake_get_linked_person_id (intake)));
    }
  section_finish (self, &section, TRUE);
}

static void
add_trafficking_section (ShelterResidentPage *self,
                         GPtrArray           *countries)
{
  ShelterIntake *intake = self->intake;
  const char * const *purposes = shelter_intake_get_trafficking_purposes (intake);
  const char *scope = shelter_intake_get_trafficking_scope (intake);
  const char *destination = shelter_intake_get_destination_country (intake);
  const char *status = shelter_intake_get_identification_status (intake);
  const char *document = shelter_intake_get_identification_document (intake);
  g_autofree char *identification = NULL;
  Section section;

  section_start (&section, _("Trafficking and Identification"), NULL);

  if (purposes != NULL && purposes[0] != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) labels = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; purposes[i] != NULL; i++)
        g_strv_builder_add (builder, shelter_enum_label (&shelter_enum_trafficking_purpose,
                                                         purposes[i]));
      labels = g_strv_builder_end (builder);
      text = g_strjoinv ("\n", labels);
      section_add (&section, _("Purposes of Trafficking"), text);
    }

  if (g_strcmp0 (scope, "abroad") == 0 && destination != NULL)
    section_add_take (&section, _("In the Country or Abroad"),
                      g_strdup_printf (_("%s: %s"),
                                       shelter_enum_label (&shelter_enum_trafficking_scope, scope),
                                       entry_name (countries, destination)));
  else
    section_add (&section, _("In the Country or Abroad"),
                 label_or_null (&shelter_enum_trafficking_scope, scope));

  section_add (&section, _("How They Came Back"),
               label_or_null (&shelter_enum_return_mode, shelter_intake_get_return_mode (intake)));

  if (status != NULL && document != NULL)
    identification = g_strdup_printf (_("%s: %s"),
                                      shelter_enum_label (&shelter_enum_identification_status,
                                                          status),
                                      document);
  else if (status != NULL)
    identification = g_strdup (shelter_enum_label (&shelter_enum_identification_status, status));
  else
    identification = g_strdup (document);
  section_add (&section, _("Identification"), identification);

  section_finish (self, &section, FALSE);
}

static const char *
agreed (gboolean yes)
{
  return yes ? _("Agreed") : _("Not agreed");
}

static void
add_consent_section (ShelterResidentPage *self)
{
  ShelterIntake *intake = self->intake;
  Section section;

  section_start (&section, _("Consent"), NULL);

  if (g_strcmp0 (shelter_intake_get_consent_status (intake), "not_now") == 0)
    {
      const char *ask_again = shelter_intake_get_consent_ask_again_on (intake);

      section_add (&section, _("Consent"), _("Not yet given"));
      section_add (&section, _("Why Consent Could Not Be Given"),
                   shelter_intake_get_consent_not_now_reason (intake));
      section_add_take (&section, _("Ask Again On"), shelter_text_format_date (ask_again));
    }
  else if (shelter_intake_get_consent_status (intake) != NULL)
    {
      const char *given_by = shelter_intake_get_consent_given_by (intake);
      const char *guardian = shelter_intake_get_guardian_name (intake);
      const char *agencies = shelter_intake_get_consent_share_agencies (intake);

      if (g_strcmp0 (given_by, "guardian") == 0 && guardian != NULL)
        section_add_take (&section, _("Consent Given By"),
                          g_strdup_printf (_("%s: %s"),
                                           shelter_enum_label (&shelter_enum_consent_given_by,
                                                               given_by),
                                           guardian));
      else
        section_add (&section, _("Consent Given By"),
                     label_or_null (&shelter_enum_consent_given_by, given_by));
      section_add (&section, _("Record the Data"),
                   agreed (shelter_intake_get_consent_record (intake)));
      if (shelter_intake_get_consent_share (intake) && agencies != NULL)
        section_add_take (&section, _("Share with Partner Agencies"),
                          g_strdup_printf (_("%s: %s"), agreed (TRUE), agencies));
      else
        section_add (&section, _("Share with Partner Agencies"),
                     agreed (shelter_intake_get_consent_share (intake)));
      section_add (&section, _("Photographs"), agreed (shelter_intake_get_consent_photo (intake)));
    }

  section_finish (self, &section, FALSE);
}

static void
add_arrival_section (ShelterResidentPage *self)
{
  ShelterIntake *intake = self->intake;
  const char * const *belongings = shelter_intake_get_belongings (intake);
  Section section;

  section_start (&section, _("On Arrival"), NULL);
  if (belongings != NULL && belongings[0] != NULL)
    section_add_take (&section, _("Belongings and Papers Received"),
                      g_strjoinv ("\n", (char **) belongings));
  section_add (&section, _("Health at Arrival"), shelter_intake_get_health_at_arrival (intake));
  section_add (&section, _("Urgent Needs"), shelter_intake_get_urgent_needs (intake));
  section_add (&section, _("First Safety Note"), shelter_intake_get_safety_note (intake));
  if (shelter_intake_get_person_signs (intake))
    section_add (&section, _("Person’s Signature"), _("Signs the intake record"));
  else
    section_add_take (&section, _("Person’s Signature"),
                      g_strdup_printf (_("Cannot sign: %s"),
                                       shelter_intake_get_not_signed_reason (intake) != NULL
                                         ? shelter_intake_get_not_signed_reason (intake)
                                         : "—"));
  section_finish (self, &section, FALSE);
}

void
_shelter_resident_page_update_overview (ShelterResidentPage *self)
{
  g_autoptr(GPtrArray) countries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->overview_box))) != NULL)
    gtk_box_remove (self->overview_box, child);

  /* Nothing of a masked resident beyond what the header shows. */
  if (self->session == NULL || self->person == NULL)
    return;

  countries = load_countries (self);
  add_person_section (self, countries);

  if (self->stay == NULL)
    return;
  add_reception_section (self);
  if (self->intake == NULL)
    return;
  if (shelter_intake_applies_trafficking (shelter_person_get_person_type (self->person)))
    add_trafficking_section (self, countries);
  add_consent_section (self);
  add_arrival_section (self);
}
