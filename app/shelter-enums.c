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
