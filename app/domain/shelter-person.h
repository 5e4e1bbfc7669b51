/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_PERSON (shelter_person_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPerson, shelter_person, SHELTER, PERSON, GObject)

/* A person the centre receives. Codes (sex, person type, ...) are the stable ASCII codes
 * of app/shelter-enums.h; dates are ISO 8601 text ("YYYY-MM-DD", or "YYYY" when only the
 * year is known or estimated). Strings are NULL when unknown, never "". */

ShelterPerson *shelter_person_new (void);

gint64                shelter_person_get_id (ShelterPerson *self);
void                  shelter_person_set_id (ShelterPerson *self, gint64 id);
const char *          shelter_person_get_case_code (ShelterPerson *self);
void                  shelter_person_set_case_code (ShelterPerson *self, const char * case_code);
const char *          shelter_person_get_family_name (ShelterPerson *self);
void                  shelter_person_set_family_name (ShelterPerson *self, const char * family_name);
const char *          shelter_person_get_middle_name (ShelterPerson *self);
void                  shelter_person_set_middle_name (ShelterPerson *self, const char * middle_name);
const char *          shelter_person_get_given_name (ShelterPerson *self);
void                  shelter_person_set_given_name (ShelterPerson *self, const char * given_name);
/* Aliases and names used elsewhere, free text ("Mỷ, Mai Lý"). */
const char *          shelter_person_get_other_names (ShelterPerson *self);
void                  shelter_person_set_other_names (ShelterPerson *self, const char * other_names);
const char *          shelter_person_get_sex (ShelterPerson *self);
void                  shelter_person_set_sex (ShelterPerson *self, const char * sex);
const char *          shelter_person_get_birth_date (ShelterPerson *self);
void                  shelter_person_set_birth_date (ShelterPerson *self, const char * birth_date);
const char *          shelter_person_get_birth_precision (ShelterPerson *self);
void                  shelter_person_set_birth_precision (ShelterPerson *self, const char * birth_precision);
const char *          shelter_person_get_ethnicity_scheme (ShelterPerson *self);
void                  shelter_person_set_ethnicity_scheme (ShelterPerson *self, const char * ethnicity_scheme);
const char *          shelter_person_get_ethnicity_code (ShelterPerson *self);
void                  shelter_person_set_ethnicity_code (ShelterPerson *self, const char * ethnicity_code);
/* A code of shelter_enum_religion. */
const char *          shelter_person_get_religion (ShelterPerson *self);
void                  shelter_person_set_religion (ShelterPerson *self, const char * religion);
const char *          shelter_person_get_nationality (ShelterPerson *self);
void                  shelter_person_set_nationality (ShelterPerson *self, const char * nationality);
const char *          shelter_person_get_nationality_status (ShelterPerson *self);
void                  shelter_person_set_nationality_status (ShelterPerson *self, const char * nationality_status);
/* The languages the person speaks, free text ("tiếng H'Mông, tiếng Việt"). */
const char *          shelter_person_get_languages (ShelterPerson *self);
void                  shelter_person_set_languages (ShelterPerson *self, const char * languages);
gboolean              shelter_person_get_interpreter_needed (ShelterPerson *self);
void                  shelter_person_set_interpreter_needed (ShelterPerson *self, gboolean interpreter_needed);
const char *          shelter_person_get_id_paper (ShelterPerson *self);
void                  shelter_person_set_id_paper (ShelterPerson *self, const char * id_paper);
const char *          shelter_person_get_id_number (ShelterPerson *self);
void                  shelter_person_set_id_number (ShelterPerson *self, const char * id_number);
const char *          shelter_person_get_phone (ShelterPerson *self);
void                  shelter_person_set_phone (ShelterPerson *self, const char * phone);
/* Permanent residence (nơi thường trú): the scheme of its codes, the codes, and the street, village or hamlet. */
const char *          shelter_person_get_home_scheme (ShelterPerson *self);
void                  shelter_person_set_home_scheme (ShelterPerson *self, const char * home_scheme);
const char *          shelter_person_get_home_province_code (ShelterPerson *self);
void                  shelter_person_set_home_province_code (ShelterPerson *self, const char * home_province_code);
const char *          shelter_person_get_home_commune_code (ShelterPerson *self);
void                  shelter_person_set_home_commune_code (ShelterPerson *self, const char * home_commune_code);
const char *          shelter_person_get_home_detail (ShelterPerson *self);
void                  shelter_person_set_home_detail (ShelterPerson *self, const char * home_detail);
/* Hometown (quê quán), with the scheme of its codes. */
const char *          shelter_person_get_origin_scheme (ShelterPerson *self);
void                  shelter_person_set_origin_scheme (ShelterPerson *self, const char * origin_scheme);
const char *          shelter_person_get_origin_province_code (ShelterPerson *self);
void                  shelter_person_set_origin_province_code (ShelterPerson *self, const char * origin_province_code);
const char *          shelter_person_get_origin_commune_code (ShelterPerson *self);
void                  shelter_person_set_origin_commune_code (ShelterPerson *self, const char * origin_commune_code);
const char *          shelter_person_get_person_type (ShelterPerson *self);
void                  shelter_person_set_person_type (ShelterPerson *self, const char * person_type);
gboolean              shelter_person_get_high_protection (ShelterPerson *self);
void                  shelter_person_set_high_protection (ShelterPerson *self, gboolean high_protection);
gint64                shelter_person_get_version (ShelterPerson *self);
void                  shelter_person_set_version (ShelterPerson *self, gint64 version);

/* "Nguyễn Thị Mai": family, middle and given name in Vietnamese order, single spaces. */
char                 *shelter_person_dup_full_name (ShelterPerson *self);

G_END_DECLS
