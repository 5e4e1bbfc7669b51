/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-user"

#include "shelter-user.h"

struct _ShelterUser
{
  GObject   parent_instance;
  gint64    id;
  char     *username;
  char     *full_name;
  char     *role;
  gboolean  active;
  gint64    version;
};

G_DEFINE_FINAL_TYPE (ShelterUser, shelter_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_ROLE,
  PROP_ACTIVE,
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
shelter_user_finalize (GObject *object)
{
  ShelterUser *self = SHELTER_USER (object);

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (shelter_user_parent_class)->finalize (object);
}

static void
shelter_user_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShelterUser *self = SHELTER_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_user_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShelterUser *self = SHELTER_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      shelter_user_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_USERNAME:
      shelter_user_set_username (self, g_value_get_string (value));
      break;

    case PROP_FULL_NAME:
      shelter_user_set_full_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      shelter_user_set_role (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      shelter_user_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      shelter_user_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_user_class_init (ShelterUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_user_finalize;
  object_class->get_property = shelter_user_get_property;
  object_class->set_property = shelter_user_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_user_init (ShelterUser *self)
{
  self->active = TRUE;
}

ShelterUser *
shelter_user_new (void)
{
  return g_object_new (SHELTER_TYPE_USER, NULL);
}

gint64
shelter_user_get_id (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), 0);

  return self->id;
}

void
shelter_user_set_id (ShelterUser *self,
                     gint64       id)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
shelter_user_get_username (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), NULL);

  return self->username;
}

void
shelter_user_set_username (ShelterUser *self,
                           const char  *username)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  if (set_string (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
shelter_user_get_full_name (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), NULL);

  return self->full_name;
}

void
shelter_user_set_full_name (ShelterUser *self,
                            const char  *full_name)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  if (set_string (&self->full_name, full_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_NAME]);
}

const char *
shelter_user_get_role (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), NULL);

  return self->role;
}

void
shelter_user_set_role (ShelterUser *self,
                       const char  *role)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  if (set_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

gboolean
shelter_user_get_active (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), FALSE);

  return self->active;
}

void
shelter_user_set_active (ShelterUser *self,
                         gboolean     active)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  active = !!active;

  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gint64
shelter_user_get_version (ShelterUser *self)
{
  g_return_val_if_fail (SHELTER_IS_USER (self), 0);

  return self->version;
}

void
shelter_user_set_version (ShelterUser *self,
                          gint64       version)
{
  g_return_if_fail (SHELTER_IS_USER (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}
