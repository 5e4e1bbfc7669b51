/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-intake"

#include "shelter-intake.h"

struct _ShelterIntake
{
  GObject parent_instance;
  gint64 stay_id;
  char *record_number;
  char *received_by;
  char *handed_over_by;
  char *officer_name;
  char *officer_unit;
  char *received_place;
  gint64 linked_person_id;
  char **trafficking_purposes;
  char *trafficking_scope;
  char *destination_country;
  char *return_mode;
  char *identification_status;
  char *identification_document;
  char *consent_status;
  gboolean consent_record;
  gboolean consent_share;
  char *consent_share_agencies;
  gboolean consent_photo;
  char *consent_given_by;
  char *guardian_name;
  char *consent_not_now_reason;
  char *consent_ask_again_on;
  char **belongings;
  char *health_at_arrival;
  char *urgent_needs;
  char *safety_note;
  gboolean person_signs;
  char *not_signed_reason;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (ShelterIntake, shelter_intake, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAY_ID,
  PROP_RECORD_NUMBER,
  PROP_RECEIVED_BY,
  PROP_HANDED_OVER_BY,
  PROP_OFFICER_NAME,
  PROP_OFFICER_UNIT,
  PROP_RECEIVED_PLACE,
  PROP_LINKED_PERSON_ID,
  PROP_TRAFFICKING_PURPOSES,
  PROP_TRAFFICKING_SCOPE,
  PROP_DESTINATION_COUNTRY,
  PROP_RETURN_MODE,
  PROP_IDENTIFICATION_STATUS,
  PROP_IDENTIFICATION_DOCUMENT,
  PROP_CONSENT_STATUS,
  PROP_CONSENT_RECORD,
  PROP_CONSENT_SHARE,
  PROP_CONSENT_SHARE_AGENCIES,
  PROP_CONSENT_PHOTO,
  PROP_CONSENT_GIVEN_BY,
  PROP_GUARDIAN_NAME,
  PROP_CONSENT_NOT_NOW_REASON,
  PROP_CONSENT_ASK_AGAIN_ON,
  PROP_BELONGINGS,
  PROP_HEALTH_AT_ARRIVAL,
  PROP_URGENT_NEEDS,
  PROP_SAFETY_NOTE,
  PROP_PERSON_SIGNS,
  PROP_NOT_SIGNED_REASON,
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

static gboolean
set_strv (char               ***dest,
          const char * const   *value)
{
  char **copy;

  /* An empty list is NULL, like an unknown string. */
  if (value != NULL && value[0] == NULL)
    value = NULL;

  if (*dest == NULL && value == NULL)
    return FALSE;
  if (*dest != NULL && value != NULL && g_strv_equal ((const char * const *) *dest, value))
    return FALSE;

  copy = g_strdupv ((char **) value);
  g_strfreev (*dest);
  *dest = copy;

  return TRUE;
}

static void
shelter_intake_finalize (GObject *object)
{
  ShelterIntake *self = SHELTER_INTAKE (object);

  g_clear_pointer (&self->record_number, g_free);
  g_clear_pointer (&self->received_by, g_free);
  g_clear_pointer (&self->handed_over_by, g_free);
  g_clear_pointer (&self->officer_name, g_free);
  g_clear_pointer (&self->officer_unit, g_free);
  g_clear_pointer (&self->received_place, g_free);
  g_clear_pointer (&self->trafficking_purposes, g_strfreev);
  g_clear_pointer (&self->trafficking_scope, g_free);
  g_clear_pointer (&self->destination_country, g_free);
  g_clear_pointer (&self->return_mode, g_free);
  g_clear_pointer (&self->identification_status, g_free);
  g_clear_pointer (&self->identification_document, g_free);
  g_clear_pointer (&self->consent_status, g_free);
  g_clear_pointer (&self->consent_share_agencies, g_free);
  g_clear_pointer (&self->consent_given_by, g_free);
  g_clear_pointer (&self->guardian_name, g_free);
  g_clear_pointer (&self->consent_not_now_reason, g_free);
  g_clear_pointer (&self->consent_ask_again_on, g_free);
  g_clear_pointer (&self->belongings, g_strfreev);
  g_clear_pointer (&self->health_at_arrival, g_free);
  g_clear_pointer (&self->urgent_needs, g_free);
  g_clear_pointer (&self->safety_note, g_free);
  g_clear_pointer (&self->not_signed_reason, g_free);

  G_OBJECT_CLASS (shelter_intake_parent_class)->finalize (object);
}

static void
shelter_intake_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShelterIntake *self = SHELTER_INTAKE (object);

  switch (prop_id)
    {
    case PROP_STAY_ID:
      g_value_set_int64 (value, self->stay_id);
      break;

    case PROP_RECORD_NUMBER:
      g_value_set_string (value, self->record_number);
      break;

    case PROP_RECEIVED_BY:
      g_value_set_string (value, self->received_by);
      break;

    case PROP_HANDED_OVER_BY:
      g_value_set_string (value, self->handed_over_by);
      break;

    case PROP_OFFICER_NAME:
      g_value_set_string (value, self->officer_name);
      break;

    case PROP_OFFICER_UNIT:
      g_value_set_string (value, self->officer_unit);
      break;

    case PROP_RECEIVED_PLACE:
      g_value_set_string (value, self->received_place);
      break;

    case PROP_LINKED_PERSON_ID:
      g_value_set_int64 (value, self->linked_person_id);
      break;

    case PROP_TRAFFICKING_PURPOSES:
      g_value_set_boxed (value, self->trafficking_purposes);
      break;

    case PROP_TRAFFICKING_SCOPE:
      g_value_set_string (value, self->trafficking_scope);
      break;

    case PROP_DESTINATION_COUNTRY:
      g_value_set_string (value, self->destination_country);
      break;

    case PROP_RETURN_MODE:
      g_value_set_string (value, self->return_mode);
      break;

    case PROP_IDENTIFICATION_STATUS:
      g_value_set_string (value, self->identification_status);
      break;

    case PROP_IDENTIFICATION_DOCUMENT:
      g_value_set_string (value, self->identification_document);
      break;

    case PROP_CONSENT_STATUS:
      g_value_set_string (value, self->consent_status);
      break;

    case PROP_CONSENT_RECORD:
      g_value_set_boolean (value, self->consent_record);
      break;

    case PROP_CONSENT_SHARE:
      g_value_set_boolean (value, self->consent_share);
      break;

    case PROP_CONSENT_SHARE_AGENCIES:
      g_value_set_string (value, self->consent_share_agencies);
      break;

    case PROP_CONSENT_PHOTO:
      g_value_set_boolean (value, self->consent_photo);
      break;

    case PROP_CONSENT_GIVEN_BY:
      g_value_set_string (value, self->consent_given_by);
      break;

    case PROP_GUARDIAN_NAME:
      g_value_set_string (value, self->guardian_name);
      break;

    case PROP_CONSENT_NOT_NOW_REASON:
      g_value_set_string (value, self->consent_not_now_reason);
      break;

    case PROP_CONSENT_ASK_AGAIN_ON:
      g_value_set_string (value, self->consent_ask_again_on);
      break;

    case PROP_BELONGINGS:
      g_value_set_boxed (value, self->belongings);
      break;

    case PROP_HEALTH_AT_ARRIVAL:
      g_value_set_string (value, self->health_at_arrival);
      break;

    case PROP_URGENT_NEEDS:
      g_value_set_string (value, self->urgent_needs);
      break;

    case PROP_SAFETY_NOTE:
      g_value_set_string (value, self->safety_note);
      break;

    case PROP_PERSON_SIGNS:
      g_value_set_boolean (value, self->person_signs);
      break;

    case PROP_NOT_SIGNED_REASON:
      g_value_set_string (value, self->not_signed_reason);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_intake_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShelterIntake *self = SHELTER_INTAKE (object);

  switch (prop_id)
    {
    case PROP_STAY_ID:
      shelter_intake_set_stay_id (self, g_value_get_int64 (value));
      break;

    case PROP_RECORD_NUMBER:
      shelter_intake_set_record_number (self, g_value_get_string (value));
      break;

    case PROP_RECEIVED_BY:
      shelter_intake_set_received_by (self, g_value_get_string (value));
      break;

    case PROP_HANDED_OVER_BY:
      shelter_intake_set_handed_over_by (self, g_value_get_string (value));
      break;

    case PROP_OFFICER_NAME:
      shelter_intake_set_officer_name (self, g_value_get_string (value));
      break;

    case PROP_OFFICER_UNIT:
      shelter_intake_set_officer_unit (self, g_value_get_string (value));
      break;

    case PROP_RECEIVED_PLACE:
      shelter_intake_set_received_place (self, g_value_get_string (value));
      break;

    case PROP_LINKED_PERSON_ID:
      shelter_intake_set_linked_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_TRAFFICKING_PURPOSES:
      shelter_intake_set_trafficking_purposes (self, g_value_get_boxed (value));
      break;

    case PROP_TRAFFICKING_SCOPE:
      shelter_intake_set_trafficking_scope (self, g_value_get_string (value));
      break;

    case PROP_DESTINATION_COUNTRY:
      shelter_intake_set_destination_country (self, g_value_get_string (value));
      break;

    case PROP_RETURN_MODE:
      shelter_intake_set_return_mode (self, g_value_get_string (value));
      break;

    case PROP_IDENTIFICATION_STATUS:
      shelter_intake_set_identification_status (self, g_value_get_string (value));
      break;

    case PROP_IDENTIFICATION_DOCUMENT:
      shelter_intake_set_identification_document (self, g_value_get_string (value));
      break;

    case PROP_CONSENT_STATUS:
      shelter_intake_set_consent_status (self, g_value_get_string (value));
      break;

    case PROP_CONSENT_RECORD:
      shelter_intake_set_consent_record (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT_SHARE:
      shelter_intake_set_consent_share (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT_SHARE_AGENCIES:
      shelter_intake_set_consent_share_agencies (self, g_value_get_string (value));
      break;

    case PROP_CONSENT_PHOTO:
      shelter_intake_set_consent_photo (self, g_value_get_boolean (value));
      break;

    case PROP_CONSENT_GIVEN_BY:
      shelter_intake_set_consent_given_by (self, g_value_get_string (value));
      break;

    case PROP_GUARDIAN_NAME:
      shelter_intake_set_guardian_name (self, g_value_get_string (value));
      break;

    case PROP_CONSENT_NOT_NOW_REASON:
      shelter_intake_set_consent_not_now_reason (self, g_value_get_string (value));
      break;

    case PROP_CONSENT_ASK_AGAIN_ON:
      shelter_intake_set_consent_ask_again_on (self, g_value_get_string (value));
      break;

    case PROP_BELONGINGS:
      shelter_intake_set_belongings (self, g_value_get_boxed (value));
      break;

    case PROP_HEALTH_AT_ARRIVAL:
      shelter_intake_set_health_at_arrival (self, g_value_get_string (value));
      break;

    case PROP_URGENT_NEEDS:
      shelter_intake_set_urgent_needs (self, g_value_get_string (value));
      break;

    case PROP_SAFETY_NOTE:
      shelter_intake_set_safety_note (self, g_value_get_string (value));
      break;

    case PROP_PERSON_SIGNS:
      shelter_intake_set_person_signs (self, g_value_get_boolean (value));
      break;

    case PROP_NOT_SIGNED_REASON:
      shelter_intake_set_not_signed_reason (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      shelter_intake_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_intake_class_init (ShelterIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_intake_finalize;
  object_class->get_property = shelter_intake_get_property;
  object_class->set_property = shelter_intake_set_property;

  properties[PROP_STAY_ID] =
    g_param_spec_int64 ("stay-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_RECORD_NUMBER] =
    g_param_spec_string ("record-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_RECEIVED_BY] =
    g_param_spec_string ("received-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HANDED_OVER_BY] =
    g_param_spec_string ("handed-over-by", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_OFFICER_NAME] =
    g_param_spec_string ("officer-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_OFFICER_UNIT] =
    g_param_spec_string ("officer-unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_RECEIVED_PLACE] =
    g_param_spec_string ("received-place", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_LINKED_PERSON_ID] =
    g_param_spec_int64 ("linked-person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_TRAFFICKING_PURPOSES] =
    g_param_spec_boxed ("trafficking-purposes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_TRAFFICKING_SCOPE] =
    g_param_spec_string ("trafficking-scope", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_DESTINATION_COUNTRY] =
    g_param_spec_string ("destination-country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_RETURN_MODE] =
    g_param_spec_string ("return-mode", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_IDENTIFICATION_STATUS] =
    g_param_spec_string ("identification-status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_IDENTIFICATION_DOCUMENT] =
    g_param_spec_string ("identification-document", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_STATUS] =
    g_param_spec_string ("consent-status", NULL, NULL,
                         "given",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_RECORD] =
    g_param_spec_boolean ("consent-record", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_SHARE] =
    g_param_spec_boolean ("consent-share", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_SHARE_AGENCIES] =
    g_param_spec_string ("consent-share-agencies", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_PHOTO] =
    g_param_spec_boolean ("consent-photo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_GIVEN_BY] =
    g_param_spec_string ("consent-given-by", NULL, NULL,
                         "person",
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_GUARDIAN_NAME] =
    g_param_spec_string ("guardian-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_NOT_NOW_REASON] =
    g_param_spec_string ("consent-not-now-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CONSENT_ASK_AGAIN_ON] =
    g_param_spec_string ("consent-ask-again-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BELONGINGS] =
    g_param_spec_boxed ("belongings", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HEALTH_AT_ARRIVAL] =
    g_param_spec_string ("health-at-arrival", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_URGENT_NEEDS] =
    g_param_spec_string ("urgent-needs", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_SAFETY_NOTE] =
    g_param_spec_string ("safety-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PERSON_SIGNS] =
    g_param_spec_boolean ("person-signs", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NOT_SIGNED_REASON] =
    g_param_spec_string ("not-signed-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_intake_init (ShelterIntake *self)
{
  self->consent_status = g_strdup ("given");
  self->consent_given_by = g_strdup ("person");
  self->person_signs = TRUE;
}

ShelterIntake *
shelter_intake_new (void)
{
  return g_object_new (SHELTER_TYPE_INTAKE, NULL);
}

gint64
shelter_intake_get_stay_id (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), 0);

  return self->stay_id;
}

void
shelter_intake_set_stay_id (ShelterIntake *self,
                           gint64 stay_id)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (self->stay_id == stay_id)
    return;

  self->stay_id = stay_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAY_ID]);
}

const char *
shelter_intake_get_record_number (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->record_number;
}

void
shelter_intake_set_record_number (ShelterIntake *self,
                                 const char *record_number)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->record_number, record_number))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_NUMBER]);
}

const char *
shelter_intake_get_received_by (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->received_by;
}

void
shelter_intake_set_received_by (ShelterIntake *self,
                               const char *received_by)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->received_by, received_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_BY]);
}

const char *
shelter_intake_get_handed_over_by (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->handed_over_by;
}

void
shelter_intake_set_handed_over_by (ShelterIntake *self,
                                  const char *handed_over_by)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->handed_over_by, handed_over_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDED_OVER_BY]);
}

const char *
shelter_intake_get_officer_name (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->officer_name;
}

void
shelter_intake_set_officer_name (ShelterIntake *self,
                                const char *officer_name)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->officer_name, officer_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICER_NAME]);
}

const char *
shelter_intake_get_officer_unit (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->officer_unit;
}

void
shelter_intake_set_officer_unit (ShelterIntake *self,
                                const char *officer_unit)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->officer_unit, officer_unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFICER_UNIT]);
}

const char *
shelter_intake_get_received_place (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->received_place;
}

void
shelter_intake_set_received_place (ShelterIntake *self,
                                  const char *received_place)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->received_place, received_place))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_PLACE]);
}

gint64
shelter_intake_get_linked_person_id (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), 0);

  return self->linked_person_id;
}

void
shelter_intake_set_linked_person_id (ShelterIntake *self,
                                    gint64 linked_person_id)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (self->linked_person_id == linked_person_id)
    return;

  self->linked_person_id = linked_person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINKED_PERSON_ID]);
}

const char * const *
shelter_intake_get_trafficking_purposes (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return (const char * const *) self->trafficking_purposes;
}

void
shelter_intake_set_trafficking_purposes (ShelterIntake *self,
                                        const char * const *trafficking_purposes)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_strv (&self->trafficking_purposes, trafficking_purposes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAFFICKING_PURPOSES]);
}

const char *
shelter_intake_get_trafficking_scope (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->trafficking_scope;
}

void
shelter_intake_set_trafficking_scope (ShelterIntake *self,
                                     const char *trafficking_scope)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->trafficking_scope, trafficking_scope))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAFFICKING_SCOPE]);
}

const char *
shelter_intake_get_destination_country (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->destination_country;
}

void
shelter_intake_set_destination_country (ShelterIntake *self,
                                       const char *destination_country)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->destination_country, destination_country))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESTINATION_COUNTRY]);
}

const char *
shelter_intake_get_return_mode (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->return_mode;
}

void
shelter_intake_set_return_mode (ShelterIntake *self,
                               const char *return_mode)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->return_mode, return_mode))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETURN_MODE]);
}

const char *
shelter_intake_get_identification_status (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->identification_status;
}

void
shelter_intake_set_identification_status (ShelterIntake *self,
                                         const char *identification_status)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->identification_status, identification_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFICATION_STATUS]);
}

const char *
shelter_intake_get_identification_document (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->identification_document;
}

void
shelter_intake_set_identification_document (ShelterIntake *self,
                                           const char *identification_document)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->identification_document, identification_document))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTIFICATION_DOCUMENT]);
}

const char *
shelter_intake_get_consent_status (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->consent_status;
}

void
shelter_intake_set_consent_status (ShelterIntake *self,
                                  const char *consent_status)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->consent_status, consent_status))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_STATUS]);
}

gboolean
shelter_intake_get_consent_record (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), FALSE);

  return self->consent_record;
}

void
shelter_intake_set_consent_record (ShelterIntake *self,
                                  gboolean consent_record)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  consent_record = !!consent_record;
  if (self->consent_record == consent_record)
    return;

  self->consent_record = consent_record;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_RECORD]);
}

gboolean
shelter_intake_get_consent_share (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), FALSE);

  return self->consent_share;
}

void
shelter_intake_set_consent_share (ShelterIntake *self,
                                 gboolean consent_share)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  consent_share = !!consent_share;
  if (self->consent_share == consent_share)
    return;

  self->consent_share = consent_share;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_SHARE]);
}

const char *
shelter_intake_get_consent_share_agencies (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->consent_share_agencies;
}

void
shelter_intake_set_consent_share_agencies (ShelterIntake *self,
                                          const char *consent_share_agencies)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->consent_share_agencies, consent_share_agencies))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_SHARE_AGENCIES]);
}

gboolean
shelter_intake_get_consent_photo (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), FALSE);

  return self->consent_photo;
}

void
shelter_intake_set_consent_photo (ShelterIntake *self,
                                 gboolean consent_photo)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  consent_photo = !!consent_photo;
  if (self->consent_photo == consent_photo)
    return;

  self->consent_photo = consent_photo;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_PHOTO]);
}

const char *
shelter_intake_get_consent_given_by (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->consent_given_by;
}

void
shelter_intake_set_consent_given_by (ShelterIntake *self,
                                    const char *consent_given_by)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->consent_given_by, consent_given_by))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_GIVEN_BY]);
}

const char *
shelter_intake_get_guardian_name (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->guardian_name;
}

void
shelter_intake_set_guardian_name (ShelterIntake *self,
                                 const char *guardian_name)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->guardian_name, guardian_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARDIAN_NAME]);
}

const char *
shelter_intake_get_consent_not_now_reason (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->consent_not_now_reason;
}

void
shelter_intake_set_consent_not_now_reason (ShelterIntake *self,
                                          const char *consent_not_now_reason)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->consent_not_now_reason, consent_not_now_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_NOT_NOW_REASON]);
}

const char *
shelter_intake_get_consent_ask_again_on (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->consent_ask_again_on;
}

void
shelter_intake_set_consent_ask_again_on (ShelterIntake *self,
                                        const char *consent_ask_again_on)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->consent_ask_again_on, consent_ask_again_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSENT_ASK_AGAIN_ON]);
}

const char * const *
shelter_intake_get_belongings (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return (const char * const *) self->belongings;
}

void
shelter_intake_set_belongings (ShelterIntake *self,
                              const char * const *belongings)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_strv (&self->belongings, belongings))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BELONGINGS]);
}

const char *
shelter_intake_get_health_at_arrival (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->health_at_arrival;
}

void
shelter_intake_set_health_at_arrival (ShelterIntake *self,
                                     const char *health_at_arrival)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->health_at_arrival, health_at_arrival))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH_AT_ARRIVAL]);
}

const char *
shelter_intake_get_urgent_needs (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->urgent_needs;
}

void
shelter_intake_set_urgent_needs (ShelterIntake *self,
                                const char *urgent_needs)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->urgent_needs, urgent_needs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENT_NEEDS]);
}

const char *
shelter_intake_get_safety_note (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->safety_note;
}

void
shelter_intake_set_safety_note (ShelterIntake *self,
                               const char *safety_note)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->safety_note, safety_note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAFETY_NOTE]);
}

gboolean
shelter_intake_get_person_signs (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), FALSE);

  return self->person_signs;
}

void
shelter_intake_set_person_signs (ShelterIntake *self,
                                gboolean person_signs)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  person_signs = !!person_signs;
  if (self->person_signs == person_signs)
    return;

  self->person_signs = person_signs;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_SIGNS]);
}

const char *
shelter_intake_get_not_signed_reason (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), NULL);

  return self->not_signed_reason;
}

void
shelter_intake_set_not_signed_reason (ShelterIntake *self,
                                     const char *not_signed_reason)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (set_string (&self->not_signed_reason, not_signed_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_SIGNED_REASON]);
}

gint64
shelter_intake_get_version (ShelterIntake *self)
{
  g_return_val_if_fail (SHELTER_IS_INTAKE (self), 0);

  return self->version;
}

void
shelter_intake_set_version (ShelterIntake *self,
                           gint64 version)
{
  g_return_if_fail (SHELTER_IS_INTAKE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

