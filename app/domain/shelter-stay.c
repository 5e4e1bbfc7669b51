/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-stay"

#include "shelter-stay.h"

struct _ShelterStay
{
  GObject  parent_instance;
  gint64   id;
  gint64   person_id;
  char    *admitted_at;
  char    *discharged_at;
  char    *discharge_reason;
  gint64   version;
};

G_DEFINE_FINAL_TYPE (ShelterStay, shelter_stay, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_ADMITTED_AT,
  PROP_DISCHARGED_AT,
  PROP_DISCHARGE_REASON,
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
shelter_stay_finalize (GObject *object)
{
  ShelterStay *self = SHELTER_STAY (object);

  g_clear_pointer (&self->admitted_at, g_free);
  g_clear_pointer (&self->discharged_at, g_free);
  g_clear_pointer (&self->discharge_reason, g_free);

  G_OBJECT_CLASS (shelter_stay_parent_class)->finalize (object);
}

static void
shelter_stay_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShelterStay *self = SHELTER_STAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_ADMITTED_AT:
      g_value_set_string (value, self->admitted_at);
      break;

    case PROP_DISCHARGED_AT:
      g_value_set_string (value, self->discharged_at);
      break;

    case PROP_DISCHARGE_REASON:
      g_value_set_string (value, self->discharge_reason);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_stay_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShelterStay *self = SHELTER_STAY (object);

  switch (prop_id)
    {
    case PROP_ID:
      shelter_stay_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      shelter_stay_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_ADMITTED_AT:
      shelter_stay_set_admitted_at (self, g_value_get_string (value));
      break;

    case PROP_DISCHARGED_AT:
      shelter_stay_set_discharged_at (self, g_value_get_string (value));
      break;

    case PROP_DISCHARGE_REASON:
      shelter_stay_set_discharge_reason (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      shelter_stay_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_stay_class_init (ShelterStayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_stay_finalize;
  object_class->get_property = shelter_stay_get_property;
  object_class->set_property = shelter_stay_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ADMITTED_AT] =
    g_param_spec_string ("admitted-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_DISCHARGED_AT] =
    g_param_spec_string ("discharged-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_DISCHARGE_REASON] =
    g_param_spec_string ("discharge-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_stay_init (ShelterStay *self)
{
}

ShelterStay *
shelter_stay_new (void)
{
  return g_object_new (SHELTER_TYPE_STAY, NULL);
}

gint64
shelter_stay_get_id (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), 0);

  return self->id;
}

void
shelter_stay_set_id (ShelterStay *self,
                     gint64       id)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
shelter_stay_get_person_id (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), 0);

  return self->person_id;
}

void
shelter_stay_set_person_id (ShelterStay *self,
                            gint64       person_id)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
shelter_stay_get_admitted_at (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), NULL);

  return self->admitted_at;
}

void
shelter_stay_set_admitted_at (ShelterStay *self,
                              const char  *admitted_at)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (set_string (&self->admitted_at, admitted_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADMITTED_AT]);
}

const char *
shelter_stay_get_discharged_at (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), NULL);

  return self->discharged_at;
}

void
shelter_stay_set_discharged_at (ShelterStay *self,
                                const char  *discharged_at)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (set_string (&self->discharged_at, discharged_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCHARGED_AT]);
}

const char *
shelter_stay_get_discharge_reason (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), NULL);

  return self->discharge_reason;
}

void
shelter_stay_set_discharge_reason (ShelterStay *self,
                                   const char  *reason)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (set_string (&self->discharge_reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCHARGE_REASON]);
}

gint64
shelter_stay_get_version (ShelterStay *self)
{
  g_return_val_if_fail (SHELTER_IS_STAY (self), 0);

  return self->version;
}

void
shelter_stay_set_version (ShelterStay *self,
                          gint64       version)
{
  g_return_if_fail (SHELTER_IS_STAY (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}
