/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-room"

#include "shelter-room.h"

struct _ShelterRoom
{
  GObject   parent_instance;
  gint64    id;
  char     *code;
  char     *building;
  char     *name;
  char     *sex_use;
  char     *age_group;
  guint     beds;
  guint     beds_used;
  double    area_m2;
  gboolean  care_24h;
  gboolean  accessible;
  char     *opened_on;
  char     *closed_on;
  gint64    version;
};

G_DEFINE_FINAL_TYPE (ShelterRoom, shelter_room, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_BUILDING,
  PROP_NAME,
  PROP_SEX_USE,
  PROP_AGE_GROUP,
  PROP_BEDS,
  PROP_BEDS_USED,
  PROP_AREA_M2,
  PROP_CARE_24H,
  PROP_ACCESSIBLE,
  PROP_OPENED_ON,
  PROP_CLOSED_ON,
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
shelter_room_finalize (GObject *object)
{
  ShelterRoom *self = SHELTER_ROOM (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->building, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sex_use, g_free);
  g_clear_pointer (&self->age_group, g_free);
  g_clear_pointer (&self->opened_on, g_free);
  g_clear_pointer (&self->closed_on, g_free);

  G_OBJECT_CLASS (shelter_room_parent_class)->finalize (object);
}

static void
shelter_room_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShelterRoom *self = SHELTER_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_BUILDING:
      g_value_set_string (value, self->building);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SEX_USE:
      g_value_set_string (value, self->sex_use);
      break;

    case PROP_AGE_GROUP:
      g_value_set_string (value, self->age_group);
      break;

    case PROP_BEDS:
      g_value_set_uint (value, self->beds);
      break;

    case PROP_BEDS_USED:
      g_value_set_uint (value, self->beds_used);
      break;

    case PROP_AREA_M2:
      g_value_set_double (value, self->area_m2);
      break;

    case PROP_CARE_24H:
      g_value_set_boolean (value, self->care_24h);
      break;

    case PROP_ACCESSIBLE:
      g_value_set_boolean (value, self->accessible);
      break;

    case PROP_OPENED_ON:
      g_value_set_string (value, self->opened_on);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_room_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ShelterRoom *self = SHELTER_ROOM (object);

  switch (prop_id)
    {
    case PROP_ID:
      shelter_room_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      shelter_room_set_code (self, g_value_get_string (value));
      break;

    case PROP_BUILDING:
      shelter_room_set_building (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      shelter_room_set_name (self, g_value_get_string (value));
      break;

    case PROP_SEX_USE:
      shelter_room_set_sex_use (self, g_value_get_string (value));
      break;

    case PROP_AGE_GROUP:
      shelter_room_set_age_group (self, g_value_get_string (value));
      break;

    case PROP_BEDS:
      shelter_room_set_beds (self, g_value_get_uint (value));
      break;

    case PROP_BEDS_USED:
      shelter_room_set_beds_used (self, g_value_get_uint (value));
      break;

    case PROP_AREA_M2:
      shelter_room_set_area_m2 (self, g_value_get_double (value));
      break;

    case PROP_CARE_24H:
      shelter_room_set_care_24h (self, g_value_get_boolean (value));
      break;

    case PROP_ACCESSIBLE:
      shelter_room_set_accessible (self, g_value_get_boolean (value));
      break;

    case PROP_OPENED_ON:
      shelter_room_set_opened_on (self, g_value_get_string (value));
      break;

    case PROP_CLOSED_ON:
      shelter_room_set_closed_on (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      shelter_room_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shelter_room_class_init (ShelterRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shelter_room_finalize;
  object_class->get_property = shelter_room_get_property;
  object_class->set_property = shelter_room_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BUILDING] =
    g_param_spec_string ("building", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_SEX_USE] =
    g_param_spec_string ("sex-use", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_AGE_GROUP] =
    g_param_spec_string ("age-group", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BEDS] =
    g_param_spec_uint ("beds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_BEDS_USED] =
    g_param_spec_uint ("beds-used", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_AREA_M2] =
    g_param_spec_double ("area-m2", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CARE_24H] =
    g_param_spec_boolean ("care-24h", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ACCESSIBLE] =
    g_param_spec_boolean ("accessible", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shelter_room_init (ShelterRoom *self)
{
}

ShelterRoom *
shelter_room_new (void)
{
  return g_object_new (SHELTER_TYPE_ROOM, NULL);
}

gint64
shelter_room_get_id (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0);

  return self->id;
}

void
shelter_room_set_id (ShelterRoom *self,
                     gint64       id)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
shelter_room_get_code (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->code;
}

void
shelter_room_set_code (ShelterRoom *self,
                       const char  *code)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

const char *
shelter_room_get_building (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->building;
}

void
shelter_room_set_building (ShelterRoom *self,
                           const char  *building)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->building, building))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
}

const char *
shelter_room_get_name (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->name;
}

void
shelter_room_set_name (ShelterRoom *self,
                       const char  *name)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
shelter_room_get_sex_use (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->sex_use;
}

void
shelter_room_set_sex_use (ShelterRoom *self,
                          const char  *sex_use)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->sex_use, sex_use))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEX_USE]);
}

const char *
shelter_room_get_age_group (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->age_group;
}

void
shelter_room_set_age_group (ShelterRoom *self,
                            const char  *age_group)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->age_group, age_group))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGE_GROUP]);
}

guint
shelter_room_get_beds (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0);

  return self->beds;
}

void
shelter_room_set_beds (ShelterRoom *self,
                       guint        beds)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (self->beds == beds)
    return;

  self->beds = beds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEDS]);
}

guint
shelter_room_get_beds_used (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0);

  return self->beds_used;
}

void
shelter_room_set_beds_used (ShelterRoom *self,
                            guint        beds_used)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (self->beds_used == beds_used)
    return;

  self->beds_used = beds_used;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEDS_USED]);
}

double
shelter_room_get_area_m2 (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0.0);

  return self->area_m2;
}

void
shelter_room_set_area_m2 (ShelterRoom *self,
                          double       area_m2)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (self->area_m2 == area_m2)
    return;

  self->area_m2 = area_m2;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_M2]);
}

gboolean
shelter_room_get_care_24h (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), FALSE);

  return self->care_24h;
}

void
shelter_room_set_care_24h (ShelterRoom *self,
                           gboolean     care_24h)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  care_24h = !!care_24h;

  if (self->care_24h == care_24h)
    return;

  self->care_24h = care_24h;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARE_24H]);
}

gboolean
shelter_room_get_accessible (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), FALSE);

  return self->accessible;
}

void
shelter_room_set_accessible (ShelterRoom *self,
                             gboolean     accessible)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  accessible = !!accessible;

  if (self->accessible == accessible)
    return;

  self->accessible = accessible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE]);
}

const char *
shelter_room_get_opened_on (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->opened_on;
}

void
shelter_room_set_opened_on (ShelterRoom *self,
                            const char  *opened_on)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->opened_on, opened_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_ON]);
}

const char *
shelter_room_get_closed_on (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), NULL);

  return self->closed_on;
}

void
shelter_room_set_closed_on (ShelterRoom *self,
                            const char  *closed_on)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (set_string (&self->closed_on, closed_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_ON]);
}

gint64
shelter_room_get_version (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0);

  return self->version;
}

void
shelter_room_set_version (ShelterRoom *self,
                          gint64       version)
{
  g_return_if_fail (SHELTER_IS_ROOM (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

guint
shelter_room_get_beds_free (ShelterRoom *self)
{
  g_return_val_if_fail (SHELTER_IS_ROOM (self), 0);

  /* beds-used comes from the placements and beds from the room form, so a room shrunk
   * below its occupancy must not wrap around to a huge count. */
  return self->beds_used < self->beds ? self->beds - self->beds_used : 0;
}
