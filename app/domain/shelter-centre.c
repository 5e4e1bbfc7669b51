/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-centre"

#include "shelter-centre.h"

struct _ShelterCentre
{
  GObject  parent_instance;
  char    *name;
  char    *province_scheme;
  char    *province_code;
  char    *address;
  char    *head_name;
  gint64   version;
};

G_DEFINE_FINAL_TYPE (ShelterCentre, shelter_centre, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PROVINCE_SCHEME,
  PROP_PROVINCE_CODE,
  PROP_ADDRESS,
  PROP_HEAD_NAME,
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
shelter_centre_finalize (GObject *object)
{
  ShelterCentre *self = SHELTER_CENTRE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->province_scheme, g_free);
  g_clear_pointer (&self->province_code, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->head_name, g_free);

  G_OBJECT_CLASS (shelter_centre_parent_class)->finalize (object);
}

static void
shelter_centre_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShelterCentre *self = SHELTER_CENTRE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROVINCE_SCHEME:
      g_value_set_string (value, self->province_scheme);
      break;

    case PROP_PROVINCE_CODE:
      g_value_set_string (value, self->province_code);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_HEAD_NAME:
      g_value_set_string (value, self->head_name);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_centre_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShelterCentre *self = SHELTER_CENTRE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      shelter_centre_set_name (self, g_value_get_string (value));
      break;

    case PROP_PROVINCE_SCHEME:
      shelter_centre_set_province_scheme (self, g_value_get_string (value));
      break;

    case PROP_PROVINCE_CODE:
      shelter_centre_set_province_code (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      shelter_centre_set_address (self, g_value_get_string (value));
      break;

    case PROP_HEAD_NAME:
      shelter_centre_set_head_name (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      shelter_centre_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_centre_class_init (ShelterCentreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_centre_finalize;
  object_class->get_property = shelter_centre_get_property;
  object_class->set_property = shelter_centre_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PROVINCE_SCHEME] =
    g_param_spec_string ("province-scheme", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_PROVINCE_CODE] =
    g_param_spec_string ("province-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_HEAD_NAME] =
    g_param_spec_string ("head-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_centre_init (ShelterCentre *self)
{
}

ShelterCentre *
shelter_centre_new (void)
{
  return g_object_new (SHELTER_TYPE_CENTRE, NULL);
}

const char *
shelter_centre_get_name (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), NULL);

  return self->name;
}

void
shelter_centre_set_name (ShelterCentre *self,
                         const char    *name)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
shelter_centre_get_province_scheme (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), NULL);

  return self->province_scheme;
}

void
shelter_centre_set_province_scheme (ShelterCentre *self,
                                    const char    *scheme)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (set_string (&self->province_scheme, scheme))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE_SCHEME]);
}

const char *
shelter_centre_get_province_code (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), NULL);

  return self->province_code;
}

void
shelter_centre_set_province_code (ShelterCentre *self,
                                  const char    *code)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (set_string (&self->province_code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVINCE_CODE]);
}

const char *
shelter_centre_get_address (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), NULL);

  return self->address;
}

void
shelter_centre_set_address (ShelterCentre *self,
                            const char    *address)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
shelter_centre_get_head_name (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), NULL);

  return self->head_name;
}

void
shelter_centre_set_head_name (ShelterCentre *self,
                              const char    *head_name)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (set_string (&self->head_name, head_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEAD_NAME]);
}

gint64
shelter_centre_get_version (ShelterCentre *self)
{
  g_return_val_if_fail (SHELTER_IS_CENTRE (self), 0);

  return self->version;
}

void
shelter_centre_set_version (ShelterCentre *self,
                            gint64         version)
{
  g_return_if_fail (SHELTER_IS_CENTRE (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}
