/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-resident-summary"

#include "shelter-resident-summary.h"

struct _ShelterResidentSummary
{
  GObject   parent_instance;
  gint64    person_id;
  char     *case_code;
  char     *full_name;
  char     *sex;
  char     *birth_date;
  char     *birth_precision;
  char     *person_type;
  char     *room_code;
  char     *admitted_at;
  char     *discharged_at;
  gboolean  high_protection;
};

G_DEFINE_FINAL_TYPE (ShelterResidentSummary, shelter_resident_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_CASE_CODE,
  PROP_FULL_NAME,
  PROP_SEX,
  PROP_BIRTH_DATE,
  PROP_BIRTH_PRECISION,
  PROP_PERSON_TYPE,
  PROP_ROOM_CODE,
  PROP_ADMITTED_AT,
  PROP_DISCHARGED_AT,
  PROP_HIGH_PROTECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_known (const char *value)
{
  /* Unknown is NULL, never "", so that readers only have one case to test. */
  if (value == NULL || value[0] == '\0')
    return NULL;

  return g_strdup (value);
}

static void
shelter_resident_summary_finalize (GObject *object)
{
  ShelterResidentSummary *self = SHELTER_RESIDENT_SUMMARY (object);

  g_clear_pointer (&self->case_code, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->sex, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->birth_precision, g_free);
  g_clear_pointer (&self->person_type, g_free);
  g_clear_pointer (&self->room_code, g_free);
  g_clear_pointer (&self->admitted_at, g_free);
  g_clear_pointer (&self->discharged_at, g_free);

  G_OBJECT_CLASS (shelter_resident_summary_parent_class)->finalize (object);
}

static void
shelter_resident_summary_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ShelterResidentSummary *self = SHELTER_RESIDENT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_CASE_CODE:
      g_value_set_string (value, self->case_code);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
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

    case PROP_PERSON_TYPE:
      g_value_set_string (value, self->person_type);
      break;

    case PROP_ROOM_CODE:
      g_value_set_string (value, self->room_code);
      break;

    case PROP_ADMITTED_AT:
      g_value_set_string (value, self->admitted_at);
      break;

    case PROP_DISCHARGED_AT:
      g_value_set_string (value, self->discharged_at);
      break;

    case PROP_HIGH_PROTECTION:
      g_value_set_boolean (value, self->high_protection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_resident_summary_class_init (ShelterResidentSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_resident_summary_finalize;
  object_class->get_property = shelter_resident_summary_get_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CASE_CODE] =
    g_param_spec_string ("case-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEX] =
    g_param_spec_string ("sex", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BIRTH_PRECISION] =
    g_param_spec_string ("birth-precision", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSON_TYPE] =
    g_param_spec_string ("person-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROOM_CODE] =
    g_param_spec_string ("room-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ADMITTED_AT] =
    g_param_spec_string ("admitted-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISCHARGED_AT] =
    g_param_spec_string ("discharged-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HIGH_PROTECTION] =
    g_param_spec_boolean ("high-protection", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_resident_summary_init (ShelterResidentSummary *self)
{
}

ShelterResidentSummary *
shelter_resident_summary_new (gint64      person_id,
                              const char *case_code,
                              const char *full_name,
                              const char *sex,
                              const char *birth_date,
                              const char *birth_precision,
                              const char *person_type,
                              const char *room_code,
                              const char *admitted_at,
                              const char *discharged_at,
                              gboolean    high_protection)
{
  g_autoptr(ShelterResidentSummary) self = NULL;

  /* Fields are filled directly rather than through construct properties: the store builds
   * one of these per row of the Residents list, and GValue marshalling would dominate. */
  self = g_object_new (SHELTER_TYPE_RESIDENT_SUMMARY, NULL);
  self->person_id = person_id;
  self->case_code = dup_known (case_code);
  self->full_name = dup_known (full_name);
  self->sex = dup_known (sex);
  self->birth_date = dup_known (birth_date);
  self->birth_precision = dup_known (birth_precision);
  self->person_type = dup_known (person_type);
  self->room_code = dup_known (room_code);
  self->admitted_at = dup_known (admitted_at);
  self->discharged_at = dup_known (discharged_at);
  self->high_protection = !!high_protection;

  return g_steal_pointer (&self);
}

gint64
shelter_resident_summary_get_person_id (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), 0);

  return self->person_id;
}

const char *
shelter_resident_summary_get_case_code (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->case_code;
}

const char *
shelter_resident_summary_get_full_name (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->full_name;
}

const char *
shelter_resident_summary_get_sex (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->sex;
}

const char *
shelter_resident_summary_get_birth_date (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->birth_date;
}

const char *
shelter_resident_summary_get_birth_precision (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->birth_precision;
}

const char *
shelter_resident_summary_get_person_type (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->person_type;
}

const char *
shelter_resident_summary_get_room_code (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->room_code;
}

const char *
shelter_resident_summary_get_admitted_at (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->admitted_at;
}

const char *
shelter_resident_summary_get_discharged_at (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), NULL);

  return self->discharged_at;
}

gboolean
shelter_resident_summary_get_high_protection (ShelterResidentSummary *self)
{
  g_return_val_if_fail (SHELTER_IS_RESIDENT_SUMMARY (self), FALSE);

  return self->high_protection;
}
