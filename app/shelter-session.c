/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-app-error.h"
#include "shelter-session.h"

struct _ShelterSession
{
  GObject      parent_instance;

  ShelterDb   *db;
  ShelterUser *user;
  char        *actor;
  GDateTime   *fixed_now;
  GHashTable  *own;        /* "kind:id" of what it recorded, for its alerts */
};

G_DEFINE_FINAL_TYPE (ShelterSession, shelter_session, G_TYPE_OBJECT)

static void
shelter_session_finalize (GObject *object)
{
  ShelterSession *self = SHELTER_SESSION (object);

  g_clear_object (&self->db);
  g_clear_object (&self->user);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  g_clear_pointer (&self->own, g_hash_table_unref);

  G_OBJECT_CLASS (shelter_session_parent_class)->finalize (object);
}

static void
shelter_session_class_init (ShelterSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_session_finalize;
}

static void
shelter_session_init (ShelterSession *self)
{
}

ShelterSession *
shelter_session_new_for_user (ShelterDb   *db,
                              ShelterUser *user)
{
  ShelterSession *self;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (SHELTER_IS_USER (user), NULL);

  self = g_object_new (SHELTER_TYPE_SESSION, NULL);
  self->db = g_object_ref (db);
  self->user = g_object_ref (user);
  self->actor = g_strdup (shelter_user_get_username (user));
  return self;
}

ShelterSession *
shelter_session_new_for_operator (ShelterDb *db)
{
  ShelterSession *self;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  self = g_object_new (SHELTER_TYPE_SESSION, NULL);
  self->db = g_object_ref (db);
  self->actor = g_strconcat ("os:", g_get_user_name (), NULL);
  return self;
}

ShelterDb *
shelter_session_get_db (ShelterSession *self)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (self), NULL);
  return self->db;
}

ShelterUser *
shelter_session_get_user (ShelterSession *self)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (self), NULL);
  return self->user;
}

const char *
shelter_session_get_actor (ShelterSession *self)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (self), NULL);
  return self->actor;
}

gboolean
shelter_session_may (ShelterSession    *self,
                     ShelterPermission  permission)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (self), FALSE);

  /* Whoever runs shelterctl holds the database file itself; refusing them would only
   * hide nothing while breaking administration. */
  if (self->user == NULL)
    return TRUE;
  if (!shelter_user_get_active (self->user))
    return FALSE;
  return shelter_permission_role_may (shelter_user_get_role (self->user), permission);
}

gboolean
shelter_session_check (ShelterSession     *self,
                       ShelterPermission   permission,
                       GError            **error)
{
  /* Sized to every permission: one left without its words is said generically, never read
   * past the end (tests/unit/test-permissions.c checks each has its own). */
  static const char *what[SHELTER_N_PERMISSIONS] = {
    [SHELTER_PERMISSION_VIEW_RESIDENTS] = N_("see the residents"),
    [SHELTER_PERMISSION_ADMIT] = N_("receive a person"),
    [SHELTER_PERMISSION_VIEW_ROOMS] = N_("see the rooms"),
    [SHELTER_PERMISSION_MANAGE_ROOMS] = N_("change the rooms"),
    [SHELTER_PERMISSION_MANAGE_USERS] = N_("manage staff accounts"),
    [SHELTER_PERMISSION_EDIT_CENTRE] = N_("change the centre’s profile"),
    [SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY] = N_("see who a protected resident is"),
    [SHELTER_PERMISSION_VIEW_AUDIT] = N_("read the audit log"),
    [SHELTER_PERMISSION_BACKUP] = N_("make a backup"),
    [SHELTER_PERMISSION_RESTORE] = N_("restore a backup"),
    [SHELTER_PERMISSION_EDIT_SETTINGS] = N_("change the centre’s settings"),
    [SHELTER_PERMISSION_OVERRIDE_PLACEMENT] = N_("place someone in a room that does not suit them"),
    [SHELTER_PERMISSION_RECORD_DIET] = N_("record a resident’s diet"),
    [SHELTER_PERMISSION_VIEW_KITCHEN] = N_("see the kitchen sheet"),
    [SHELTER_PERMISSION_RECORD_MEDICAL] = N_("record medical care"),
    [SHELTER_PERMISSION_RECORD_PSYCHOLOGICAL] = N_("record psychological counselling"),
    [SHELTER_PERMISSION_RECORD_SOCIAL_SERVICE] = N_("record legal, schooling, vocational, interpretation or travel services"),
    [SHELTER_PERMISSION_READ_PSYCHOLOGICAL_NOTES] = N_("read counsellors’ confidential notes"),
    [SHELTER_PERMISSION_READ_MEDICAL_RESTRICTED] = N_("see HIV status or pregnancy"),
    [SHELTER_PERMISSION_ENTITLEMENT_EXCEPTION] = N_("record an exception to the entitlements"),
    [SHELTER_PERMISSION_DRAFT_PLAN] = N_("assess needs or draft a support plan"),
    [SHELTER_PERMISSION_APPROVE_PLAN] = N_("approve a support plan"),
    [SHELTER_PERMISSION_WRITE_PLAN_NOTE] = N_("write a progress note on a support plan"),
    [SHELTER_PERMISSION_MANAGE_PARTNERS] = N_("change the directory of partner organisations"),
    [SHELTER_PERMISSION_REFER] = N_("refer a person to another agency"),
    [SHELTER_PERMISSION_OVERRIDE_REFERRAL] = N_("send a referral on a legal ground or withdraw another’s referral"),
    [SHELTER_PERMISSION_RECORD_SAFETY] = N_("record a risk assessment, an incident or a report to the police"),
    [SHELTER_PERMISSION_HEAR_POLICE_REPORTS] = N_("be told when the police are informed"),
    [SHELTER_PERMISSION_RECORD_FAMILY] = N_("record relatives, family contacts or visits"),
    [SHELTER_PERMISSION_DISCHARGE] = N_("discharge residents"),
    [SHELTER_PERMISSION_OVERRIDE_DISCHARGE] = N_("discharge with checklist items unfinished"),
    [SHELTER_PERMISSION_RECORD_FOLLOW_UP] = N_("record follow-ups or close cases"),
    [SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS] = N_("be told of residents found at risk after discharge"),
    [SHELTER_PERMISSION_VIEW_REPORTS] = N_("see the centre’s statistics and reports"),
    [SHELTER_PERMISSION_EXPORT_CASE_LIST] = N_("export the case list with names"),
    [SHELTER_PERMISSION_IMPORT] = N_("import residents from a spreadsheet"),
  };

  g_return_val_if_fail (SHELTER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (permission < SHELTER_N_PERMISSIONS, FALSE);

  if (shelter_session_may (self, permission))
    return TRUE;

  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
               _("Your account may not %s. Ask a manager or the administrator."),
               what[permission] != NULL ? _(what[permission]) : _("do this"));
  return FALSE;
}

static GTimeZone *
vietnam_time_zone (void)
{
  static GTimeZone *zone;
  static gsize initialized;

  /* Vietnam has kept UTC+7 without daylight saving since 1975; a fixed offset does not
   * depend on the machine's tzdata or TZ. */
  if (g_once_init_enter (&initialized))
    {
      zone = g_time_zone_new_identifier ("+07:00");
      g_once_init_leave (&initialized, 1);
    }
  return zone;
}

GDateTime *
shelter_session_now (ShelterSession *self)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (self), NULL);

  if (self->fixed_now != NULL)
    return g_date_time_ref (self->fixed_now);
  return g_date_time_new_now (vietnam_time_zone ());
}

void
shelter_session_set_clock (ShelterSession *self,
                           GDateTime      *fixed_now)
{
  g_return_if_fail (SHELTER_IS_SESSION (self));

  g_clear_pointer (&self->fixed_now, g_date_time_unref);
  if (fixed_now != NULL)
    self->fixed_now = g_date_time_to_timezone (fixed_now, vietnam_time_zone ());
}

char *
shelter_session_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_timezone (time, vietnam_time_zone ());
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

void
shelter_session_mark_own (ShelterSession *self,
                          const char     *kind,
                          gint64          id)
{
  g_return_if_fail (SHELTER_IS_SESSION (self));
  g_return_if_fail (kind != NULL);

  if (self->own == NULL)
    self->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->own, g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id));
}

gboolean
shelter_session_is_own (ShelterSession *self,
                        const char     *kind,
                        gint64          id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (self->own == NULL)
    return FALSE;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
  return g_hash_table_contains (self->own, key);
}
