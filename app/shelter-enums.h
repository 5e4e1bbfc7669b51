/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An enumeration stored as stable ASCII codes in the database. Each has one table in
 * shelter-enums.c with the English label marked for translation; shelter_enum_label()
 * returns it translated. */
typedef struct
{
  const char *code;
  const char *label;
} ShelterEnumValue;

typedef struct
{
  const ShelterEnumValue *values;
  guint                   n_values;
} ShelterEnum;

extern const ShelterEnum shelter_enum_sex;                /* female, male */
extern const ShelterEnum shelter_enum_person_type;        /* victim, being_identified, ... */
extern const ShelterEnum shelter_enum_nationality_status; /* citizen, stateless, foreigner */
extern const ShelterEnum shelter_enum_id_paper;           /* cccd, cmnd, passport, none */
extern const ShelterEnum shelter_enum_birth_precision;    /* day, year, estimated, unknown */
extern const ShelterEnum shelter_enum_room_use;           /* female, male, family */
extern const ShelterEnum shelter_enum_age_group;          /* child, youth, adult, elderly, any */
extern const ShelterEnum shelter_enum_role;               /* administrator, manager, ... */
extern const ShelterEnum shelter_enum_discharge_reason;   /* goals_reached, ... */
extern const ShelterEnum shelter_enum_religion;           /* none, buddhism, ..., other */
extern const ShelterEnum shelter_enum_handed_over_by;     /* police, ..., self */
extern const ShelterEnum shelter_enum_trafficking_purpose; /* sexual_exploitation, ... */
extern const ShelterEnum shelter_enum_trafficking_scope;  /* domestic, abroad */
extern const ShelterEnum shelter_enum_return_mode;        /* self_return, rescued, foreign_handover */
extern const ShelterEnum shelter_enum_identification_status; /* identified, in_progress, not_started */
extern const ShelterEnum shelter_enum_consent_given_by;   /* person, guardian */
extern const ShelterEnum shelter_enum_absence_kind;       /* hospital, court, home_leave, other */
extern const ShelterEnum shelter_enum_case_document;      /* declaration, id_copy, ... */

gboolean    shelter_enum_is_valid (const ShelterEnum *enumeration,
                                   const char        *code);
/* The translated label of @code, or @code itself when it is unknown (never NULL for a
 * non-NULL code). */
const char *shelter_enum_label    (const ShelterEnum *enumeration,
                                   const char        *code);

G_END_DECLS
