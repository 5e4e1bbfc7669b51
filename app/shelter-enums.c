/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-enums.h"

#define ENUM(name, table) \
  const ShelterEnum name = { table, G_N_ELEMENTS (table) }

static const ShelterEnumValue sex_values[] = {
  { "female", N_("Female") },
  { "male", N_("Male") },
};
ENUM (shelter_enum_sex, sex_values);

static const ShelterEnumValue person_type_values[] = {
  { "victim", N_("Victim of trafficking") },
  { "being_identified", N_("Person being identified as a victim") },
  { "accompanying_minor", N_("Accompanying child (under 18)") },
  { "other_protected", N_("Other protected person") },
};
ENUM (shelter_enum_person_type, person_type_values);

static const ShelterEnumValue nationality_status_values[] = {
  { "citizen", N_("Vietnamese citizen") },
  { "stateless", N_("Stateless person living in Vietnam") },
  { "foreigner", N_("Foreigner") },
};
ENUM (shelter_enum_nationality_status, nationality_status_values);

static const ShelterEnumValue id_paper_values[] = {
  { "cccd", N_("Citizen identity card (CCCD)") },
  { "cmnd", N_("Old identity card (CMND)") },
  { "passport", N_("Passport") },
  { "none", N_("No papers") },
};
ENUM (shelter_enum_id_paper, id_paper_values);

static const ShelterEnumValue birth_precision_values[] = {
  { "day", N_("Exact date") },
  { "year", N_("Year only") },
  { "estimated", N_("Estimated age") },
  { "unknown", N_("Unknown") },
};
ENUM (shelter_enum_birth_precision, birth_precision_values);

static const ShelterEnumValue room_use_values[] = {
  { "female", N_("Female room") },
  { "male", N_("Male room") },
  { "family", N_("Family room") },
};
ENUM (shelter_enum_room_use, room_use_values);

static const ShelterEnumValue age_group_values[] = {
  { "child", N_("Children under 16") },
  { "youth", N_("Aged 16 to 17") },
  { "adult", N_("Adults 18 to 59") },
  { "elderly", N_("Elderly, 60 and over") },
  { "any", N_("All ages") },
};
ENUM (shelter_enum_age_group, age_group_values);

static const ShelterEnumValue role_values[] = {
  { "administrator", N_("Administrator") },
  { "manager", N_("Manager") },
  { "caseworker", N_("Caseworker") },
  { "medical", N_("Medical staff") },
  { "counsellor", N_("Counsellor") },
};
ENUM (shelter_enum_role, role_values);

static const ShelterEnumValue discharge_reason_values[] = {
  { "goals_reached", N_("Goals reached, returned to family") },
  { "community_reintegration", N_("Community reintegration") },
  { "transfer", N_("Transfer to another facility") },
  { "long_term_protection", N_("Long-term social protection") },
  { "repatriation", N_("Repatriation of a foreigner") },
  { "adoption", N_("Adoption") },
  { "own_request", N_("At the person’s own request") },
  { "no_contact", N_("No contact for a month") },
  { "death", N_("Death") },
  { "other", N_("Other reason") },
};
ENUM (shelter_enum_discharge_reason, discharge_reason_values);

static const ShelterEnumValue *
lookup (const ShelterEnum *enumeration,
        const char        *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < enumeration->n_values; i++)
    if (g_str_equal (enumeration->values[i].code, code))
      return &enumeration->values[i];
  return NULL;
}

gboolean
shelter_enum_is_valid (const ShelterEnum *enumeration,
                       const char        *code)
{
  g_return_val_if_fail (enumeration != NULL, FALSE);
  return lookup (enumeration, code) != NULL;
}

const char *
shelter_enum_label (const ShelterEnum *enumeration,
                    const char        *code)
{
  const ShelterEnumValue *value;

  g_return_val_if_fail (enumeration != NULL, NULL);

  value = lookup (enumeration, code);
  return value != NULL ? _(value->label) : code;
}

static const ShelterEnumValue religion_values[] = {
  { "none", N_("No religion") },
  { "buddhism", N_("Buddhism") },
  { "catholicism", N_("Catholicism") },
  { "protestantism", N_("Protestantism") },
  { "cao_dai", N_("Cao Dai") },
  { "hoa_hao", N_("Hoa Hao Buddhism") },
  { "islam", N_("Islam") },
  { "other", N_("Other religion") },
};
ENUM (shelter_enum_religion, religion_values);

static const ShelterEnumValue handed_over_by_values[] = {
  { "police", N_("Police") },
  { "border_guard", N_("Border guard") },
  { "coast_guard", N_("Coast guard") },
  { "commune", N_("Commune People's Committee") },
  { "hotline", N_("Hotline 111") },
  { "ngo", N_("Non-governmental organisation") },
  { "foreign_authority", N_("Foreign authority") },
  { "self", N_("Came alone") },
};
ENUM (shelter_enum_handed_over_by, handed_over_by_values);

static const ShelterEnumValue trafficking_purpose_values[] = {
  { "sexual_exploitation", N_("Sexual exploitation") },
  { "forced_labour", N_("Forced labour") },
  { "forced_marriage", N_("Forced or illegal marriage") },
  { "organ_removal", N_("Removal of organs") },
  { "child_adoption", N_("Child sold for adoption") },
  { "money_property", N_("Obtaining money or property") },
  { "other_inhumane", N_("Other inhumane purpose") },
};
ENUM (shelter_enum_trafficking_purpose, trafficking_purpose_values);

static const ShelterEnumValue trafficking_scope_values[] = {
  { "domestic", N_("In the country") },
  { "abroad", N_("Abroad") },
};
ENUM (shelter_enum_trafficking_scope, trafficking_scope_values);

static const ShelterEnumValue return_mode_values[] = {
  { "self_return", N_("Came back on their own") },
  { "rescued", N_("Rescued") },
  { "foreign_handover", N_("Handed over by a foreign country") },
};
ENUM (shelter_enum_return_mode, return_mode_values);

static const ShelterEnumValue identification_status_values[] = {
  { "identified", N_("Identified as a victim") },
  { "in_progress", N_("Identification under way") },
  { "not_started", N_("Not yet identified") },
};
ENUM (shelter_enum_identification_status, identification_status_values);

static const ShelterEnumValue consent_given_by_values[] = {
  { "person", N_("The person") },
  { "guardian", N_("Parent or guardian") },
};
ENUM (shelter_enum_consent_given_by, consent_given_by_values);

static const ShelterEnumValue case_document_values[] = {
  { "declaration", N_("Declaration form") },
  { "id_copy", N_("Copy of identity papers") },
  { "intake_record", N_("Signed intake record") },
  { "commune_request", N_("Request of the commune") },
  { "admission_decision", N_("Admission decision of the head of centre") },
};
ENUM (shelter_enum_case_document, case_document_values);

static const ShelterEnumValue absence_kind_values[] = {
  { "hospital", N_("In hospital") },
  { "court", N_("At court or with the police") },
  { "home_leave", N_("Home leave") },
  { "other", N_("Other absence") },
};
ENUM (shelter_enum_absence_kind, absence_kind_values);
