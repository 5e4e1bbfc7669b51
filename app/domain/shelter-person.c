/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-person"

#include "shelter-person.h"

struct _ShelterPerson
{
  GObject parent_instance;
  gint64 id;
  char *case_code;
  char *family_name;
  char *middle_name;
  char *given_name;
  char *other_names;
  char *sex;
  char *birth_date;
  char *birth_precision;
  char *ethnicity_scheme;
  char *ethnicity_code;
  char *religion;
  char *nationality;
  char *nationality_status;
  char *languages;
  gboolean interpreter_needed;
  char *id_paper;
  char *id_number;
  char *phone;
  char *home_scheme;
  char *home_province_code;
  char *home_commune_code;
  char *home_detail;
  char *origin_scheme;
  char *origin_province_code;
  char *origin_commune_code;
  char *person_type;
  gboolean high_protection;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (ShelterPerson, shelter_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_CODE,
  PROP_FAMILY_NAME,
  PROP_MIDDLE_NAME,
  PROP_GIVEN_NAME,
  PROP_OTHER_NAMES,
  PROP_SEX,
  PROP_BIRTH_DATE,
  PROP_BIRTH_PRECISION,
  PROP_ETHNICITY_SCHEME,
  PROP_ETHNICITY_CODE,
  PROP_RELIGION,
  PROP_NATIONALITY,
  PROP_NATIONALITY_STATUS,
  PROP_LANGUAGES,
  PROP_INTERPRETER_NEEDED,
  PROP_ID_PAPER,
  PROP_ID_NUMBER,
  PROP_PHONE,
  PROP_HOME_SCHEME,
  PROP_HOME_PROVINCE_CODE,
  PROP_HOME_COMMUNE_CODE,
  PROP_HOME_DETAIL,
  PROP_ORIGIN_SCHEME,
  PROP_ORIGIN_PROVINCE_CODE,
  PROP_ORIGIN_COMMUNE_CODE,
  PROP_PERSON_TYPE,
  PROP_HIGH_PROTECTION,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **dest,
            const char  *value)
{
  char *copy;

  /* Unknown is NULL, never "", so that readers only have one case to test. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  /* Copy before freeing: value may point into the old string. */
  copy = g_strdup (value);
  g_free (*dest);
  *dest = copy;

  return TRUE;
}

static void
shelter_person_finalize (GObject *object)
{
  ShelterPerson *self = SHELTER_PERSON (object);

  g_clear_pointer (&self->case_code, g_free);
  g_clear_pointer (&self->family_name, g_free);
  g_clear_pointer (&self->middle_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->other_names, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->birth_precision, g_free);
  g_clear_pointer (&self->ethnicity_scheme, g_free);
  g_clear_pointer (&self->ethnicity_code, g_free);
  g_clear_pointer (&self->religion, g_free);
  g_clear_pointer (&self->nationality, g_free);
  g_clear_pointer (&self->nationality_status, g_free);
  g_clear_pointer (&self->languages, g_free);
  g_clear_pointer (&self->id_paper, g_free);
  g_clear_pointer (&self->id_number, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->home_scheme, g_free);
  g_clear_pointer (&self->home_province_code, g_free);
  g_clear_pointer (&self->home_commune_code, g_free);
  g_clear_pointer (&self->home_detail, g_free);
  g_clear_pointer (&self->origin_scheme, g_free);
  g_clear_pointer (&self->origin_province_code, g_free);
  g_clear_pointer (&self->origin_commune_code, g_free);
  g_clear_pointer (&self->person_type, g_free);

  G_OBJECT_CLASS (shelter_person_parent_class)->finalize (object);
}

static void
shelter_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShelterPerson *self = SHELTER_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CASE_CODE:
      g_value_set_string (value, self->case_code);
      break;

    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;

    case PROP_MIDDLE_NAME:
      g_value_set_string (value, self->middle_name);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_OTHER_NAMES:
      g_value_set_string (value, self->other_names);
      break;

    case PROP_SEX:
      g_value_set_string (value, self->sex);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_BIRTH_PRECISION:
      g_value_set_string (value, self->birth_precision);
      break;

    case PROP_ETHNICITY_SCHEME:
      g_value_set_string (value, self->ethnicity_scheme);
      break;

    case PROP_ETHNICITY_CODE:
      g_value_set_string (value, self->ethnicity_code);
      break;

    case PROP_RELIGION:
      g_value_set_string (value, self->religion);
      break;

    case PROP_NATIONALITY:
      g_value_set_string (value, self->nationality);
      break;

    case PROP_NATIONALITY_STATUS:
      g_value_set_string (value, self->nationality_status);
      break;

    case PROP_LANGUAGES:
      g_value_set_string (value, self->languages);
      break;

    case PROP_INTERPRETER_NEEDED:
      g_value_set_boolean (value, self->interpreter_needed);
      break;

    case PROP_ID_PAPER:
      g_value_set_string (value, self->id_paper);
      break;

    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_HOME_SCHEME:
      g_value_set_string (value, self->home_scheme);
      break;

    case PROP_HOME_PROVINCE_CODE:
      g_value_set_string (value, self->home_province_code);
      break;

    case PROP_HOME_COMMUNE_CODE:
      g_value_set_string (value, self->home_commune_code);
      break;

    case PROP_HOME_DETAIL:
      g_value_set_string (value, self->home_detail);
      break;

    case PROP_ORIGIN_SCHEME:
      g_value_set_string (value, self->origin_scheme);
      break;

    case PROP_ORIGIN_PROVINCE_CODE:
      g_value_set_string (value, self->origin_province_code);
      break;

    case PROP_ORIGIN_COMMUNE_CODE:
      g_value_set_string (value, self->origin_commune_code);
      break;

    case PROP_PERSON_TYPE:
      g_value_set_string (value, self->person_type);
      break;

    case PROP_HIGH_PROTECTION:
      g_value_set_boolean (value, self->high_protection);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_person_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShelterPerson *self = SHELTER_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      shelter_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CASE_CODE:
      shelter_person_set_case_code (self, g_value_get_string (value));
      break;

    case PROP_FAMILY_NAME:
      shelter_person_set_family_name (self, g_value_get_string (value));
      break;

    case PROP_MIDDLE_NAME:
      shelter_person_set_middle_name (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME:
      shelter_person_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_OTHER_NAMES:
      shelter_person_set_other_names (self, g_value_get_string (value));
      break;

    case PROP_SEX:
      shelter_person_set_sex (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      shelter_person_set_birth_date (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_PRECISION:
      shelter_person_set_birth_precision (self, g_value_get_string (value));
      break;

    case PROP_ETHNICITY_SCHEME:
      shelter_person_set_ethnicity_scheme (self, g_value_get_string (value));
      break;

    case PROP_ETHNICITY_CODE:
      shelter_person_set_ethnicity_code (self, g_value_get_string (value));
      break;

    case PROP_RELIGION:
      shelter_person_set_religion (self, g_value_get_string (value));
      break;

    case PROP_NATIONALITY:
      shelter_person_set_nationality (self, g_value_get_string (value));
      break;

    case PROP_NATIONALITY_STATUS:
      shelter_person_set_nationality_status (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGES:
      shelter_person_set_languages (self, g_value_get_string (value));
      break;

    case PROP_INTERPRETER_NEEDED:
      shelter_person_set_interpreter_needed (self, g_value_get_boolean (value));
      break;

    case PROP_ID_PAPER:
      shelter_person_set_id_paper (self, g_value_get_string (value));
      break;

    case PROP_ID_NUMBER:
      shelter_person_set_id_number (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      shelter_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_HOME_SCHEME:
      shelter_person_set_home_scheme (self, g_value_get_string (value));
      break;

    case PROP_HOME_PROVINCE_CODE:
      shelter_person_set_home_province_code (self, g_value_get_string (value));
      break;

    case PROP_HOME_COMMUNE_CODE:
      shelter_person_set_home_commune_code (self, g_value_get_string (value));
      break;

    case PROP_HOME_DETAIL:
      shelter_person_set_home_detail (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN_SCHEME:
      shelter_person_set_origin_scheme (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN_PROVINCE_CODE:
      shelter_person_set_origin_province_code (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN_COMMUNE_CODE:
      shelter_person_set_origin_commune_code (self, g_value_get_string (value));
      break;

    case PROP_PERSON_TYPE:
      shelter_person_set_person_type (self, g_value_get_string (value));
      break;

    case PROP_HIGH_PROTECTION:
      shelter_person_set_high_protection (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      shelter_person_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_person_class_init (ShelterPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_person_finalize;
  object_class->get_property = shelter_person_get_property;
  object_class->set_property = shelter_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CASE_CODE] =
    g_param_spec_string ("case-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_MIDDLE_NAME] =
    g_param_spec_string ("middle-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_OTHER_NAMES] =
    g_param_spec_string ("other-names", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_SEX] =
    g_param_spec_string ("sex", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BIRTH_PRECISION] =
    g_param_spec_string ("birth-precision", NULL, NULL,
                         "unknown",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ETHNICITY_SCHEME] =
    g_param_spec_string ("ethnicity-scheme", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ETHNICITY_CODE] =
    g_param_spec_string ("ethnicity-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_RELIGION] =
    g_param_spec_string ("religion", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NATIONALITY_STATUS] =
    g_param_spec_string ("nationality-status", NULL, NULL,
                         "citizen",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_LANGUAGES] =
    g_param_spec_string ("languages", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_INTERPRETER_NEEDED] =
    g_param_spec_boolean ("interpreter-needed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ID_PAPER] =
    g_param_spec_string ("id-paper", NULL, NULL,
                         "none",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ID_NUMBER] =
    g_param_spec_string ("id-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HOME_SCHEME] =
    g_param_spec_string ("home-scheme", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HOME_PROVINCE_CODE] =
    g_param_spec_string ("home-province-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HOME_COMMUNE_CODE] =
    g_param_spec_string ("home-commune-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HOME_DETAIL] =
    g_param_spec_string ("home-detail", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ORIGIN_SCHEME] =
    g_param_spec_string ("origin-scheme", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ORIGIN_PROVINCE_CODE] =
    g_param_spec_string ("origin-province-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ORIGIN_COMMUNE_CODE] =
    g_param_spec_string ("origin-commune-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PERSON_TYPE] =
    g_param_spec_string ("person-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HIGH_PROTECTION] =
    g_param_spec_boolean ("high-protection", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_person_init (ShelterPerson *self)
{
  self->birth_precision = g_strdup ("unknown");
  self->nationality_status = g_strdup ("citizen");
  self->id_paper = g_strdup ("none");
}

ShelterPerson *
shelter_person_new (void)
{
  return g_object_new (SHELTER_TYPE_PERSON, NULL);
}

gint64
shelter_person_get_id (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), 0);

  return self->id;
}

void
shelter_person_set_id (ShelterPerson *self,
                      gint64 id)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
shelter_person_get_case_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->case_code;
}

void
shelter_person_set_case_code (ShelterPerson *self,
                             const char *case_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->case_code, case_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_CODE]);
}

const char *
shelter_person_get_family_name (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->family_name;
}

void
shelter_person_set_family_name (ShelterPerson *self,
                               const char *family_name)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->family_name, family_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAMILY_NAME]);
}

const char *
shelter_person_get_middle_name (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->middle_name;
}

void
shelter_person_set_middle_name (ShelterPerson *self,
                               const char *middle_name)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->middle_name, middle_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIDDLE_NAME]);
}

const char *
shelter_person_get_given_name (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->given_name;
}

void
shelter_person_set_given_name (ShelterPerson *self,
                              const char *given_name)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->given_name, given_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

const char *
shelter_person_get_other_names (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->other_names;
}

void
shelter_person_set_other_names (ShelterPerson *self,
                               const char *other_names)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->other_names, other_names))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHER_NAMES]);
}

const char *
shelter_person_get_sex (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->sex;
}

void
shelter_person_set_sex (ShelterPerson *self,
                       const char *sex)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->sex, sex))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX]);
}

const char *
shelter_person_get_birth_date (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->birth_date;
}

void
shelter_person_set_birth_date (ShelterPerson *self,
                              const char *birth_date)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->birth_date, birth_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

const char *
shelter_person_get_birth_precision (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->birth_precision;
}

void
shelter_person_set_birth_precision (ShelterPerson *self,
                                   const char *birth_precision)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->birth_precision, birth_precision))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_PRECISION]);
}

const char *
shelter_person_get_ethnicity_scheme (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->ethnicity_scheme;
}

void
shelter_person_set_ethnicity_scheme (ShelterPerson *self,
                                    const char *ethnicity_scheme)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->ethnicity_scheme, ethnicity_scheme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETHNICITY_SCHEME]);
}

const char *
shelter_person_get_ethnicity_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->ethnicity_code;
}

void
shelter_person_set_ethnicity_code (ShelterPerson *self,
                                  const char *ethnicity_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->ethnicity_code, ethnicity_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETHNICITY_CODE]);
}

const char *
shelter_person_get_religion (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->religion;
}

void
shelter_person_set_religion (ShelterPerson *self,
                            const char *religion)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->religion, religion))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELIGION]);
}

const char *
shelter_person_get_nationality (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->nationality;
}

void
shelter_person_set_nationality (ShelterPerson *self,
                               const char *nationality)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->nationality, nationality))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONALITY]);
}

const char *
shelter_person_get_nationality_status (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->nationality_status;
}

void
shelter_person_set_nationality_status (ShelterPerson *self,
                                      const char *nationality_status)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->nationality_status, nationality_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATIONALITY_STATUS]);
}

const char *
shelter_person_get_languages (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->languages;
}

void
shelter_person_set_languages (ShelterPerson *self,
                             const char *languages)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->languages, languages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGES]);
}

gboolean
shelter_person_get_interpreter_needed (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), FALSE);

  return self->interpreter_needed;
}

void
shelter_person_set_interpreter_needed (ShelterPerson *self,
                                      gboolean interpreter_needed)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  interpreter_needed = !!interpreter_needed;
  if (self->interpreter_needed == interpreter_needed)
    return;

  self->interpreter_needed = interpreter_needed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERPRETER_NEEDED]);
}

const char *
shelter_person_get_id_paper (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->id_paper;
}

void
shelter_person_set_id_paper (ShelterPerson *self,
                            const char *id_paper)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->id_paper, id_paper))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_PAPER]);
}

const char *
shelter_person_get_id_number (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->id_number;
}

void
shelter_person_set_id_number (ShelterPerson *self,
                             const char *id_number)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->id_number, id_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID_NUMBER]);
}

const char *
shelter_person_get_phone (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->phone;
}

void
shelter_person_set_phone (ShelterPerson *self,
                         const char *phone)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
shelter_person_get_home_scheme (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->home_scheme;
}

void
shelter_person_set_home_scheme (ShelterPerson *self,
                               const char *home_scheme)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->home_scheme, home_scheme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME_SCHEME]);
}

const char *
shelter_person_get_home_province_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->home_province_code;
}

void
shelter_person_set_home_province_code (ShelterPerson *self,
                                      const char *home_province_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->home_province_code, home_province_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME_PROVINCE_CODE]);
}

const char *
shelter_person_get_home_commune_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->home_commune_code;
}

void
shelter_person_set_home_commune_code (ShelterPerson *self,
                                     const char *home_commune_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->home_commune_code, home_commune_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME_COMMUNE_CODE]);
}

const char *
shelter_person_get_home_detail (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->home_detail;
}

void
shelter_person_set_home_detail (ShelterPerson *self,
                               const char *home_detail)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->home_detail, home_detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOME_DETAIL]);
}

const char *
shelter_person_get_origin_scheme (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->origin_scheme;
}

void
shelter_person_set_origin_scheme (ShelterPerson *self,
                                 const char *origin_scheme)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->origin_scheme, origin_scheme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_SCHEME]);
}

const char *
shelter_person_get_origin_province_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->origin_province_code;
}

void
shelter_person_set_origin_province_code (ShelterPerson *self,
                                        const char *origin_province_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->origin_province_code, origin_province_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_PROVINCE_CODE]);
}

const char *
shelter_person_get_origin_commune_code (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->origin_commune_code;
}

void
shelter_person_set_origin_commune_code (ShelterPerson *self,
                                       const char *origin_commune_code)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->origin_commune_code, origin_commune_code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_COMMUNE_CODE]);
}

const char *
shelter_person_get_person_type (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  return self->person_type;
}

void
shelter_person_set_person_type (ShelterPerson *self,
                               const char *person_type)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (set_string (&self->person_type, person_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_TYPE]);
}

gboolean
shelter_person_get_high_protection (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), FALSE);

  return self->high_protection;
}

void
shelter_person_set_high_protection (ShelterPerson *self,
                                   gboolean high_protection)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  high_protection = !!high_protection;
  if (self->high_protection == high_protection)
    return;

  self->high_protection = high_protection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_PROTECTION]);
}

gint64
shelter_person_get_version (ShelterPerson *self)
{
  g_return_val_if_fail (SHELTER_IS_PERSON (self), 0);

  return self->version;
}

void
shelter_person_set_version (ShelterPerson *self,
                           gint64 version)
{
  g_return_if_fail (SHELTER_IS_PERSON (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

char *
shelter_person_dup_full_name (ShelterPerson *self)
{
  const char *parts[4];
  guint n = 0;

  g_return_val_if_fail (SHELTER_IS_PERSON (self), NULL);

  /* Names are NULL when unknown, never "", so skipping NULL avoids doubled spaces. */
  if (self->family_name != NULL)
    parts[n++] = self->family_name;
  if (self->middle_name != NULL)
    parts[n++] = self->middle_name;
  if (self->given_name != NULL)
    parts[n++] = self->given_name;
  parts[n] = NULL;

  return g_strjoinv (" ", (char **) parts);
}
