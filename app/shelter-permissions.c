/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-permissions"

#include "config.h"

#include "shelter-permissions.h"

/* Which roles may do what. The administrator keeps the system (accounts, rooms, backups)
 * but does not read case files; the manager may do everything a caseworker does. */
static const struct
{
  ShelterPermission permission;
  const char       *roles[6];
} permission_table[] = {
  { SHELTER_PERMISSION_VIEW_RESIDENTS, { "manager", "caseworker", "medical", "counsellor" } },
  { SHELTER_PERMISSION_ADMIT, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_VIEW_ROOMS,
    { "administrator", "manager", "caseworker", "medical", "counsellor" } },
  { SHELTER_PERMISSION_MANAGE_ROOMS, { "administrator", "manager" } },
  { SHELTER_PERMISSION_MANAGE_USERS, { "administrator" } },
  { SHELTER_PERMISSION_EDIT_CENTRE, { "administrator", "manager" } },
  /* Names and whereabouts of residents under high protection; the assigned caseworker
   * joins them when cases are assigned. */
  { SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY, { "manager" } },
  { SHELTER_PERMISSION_VIEW_AUDIT, { "administrator", "manager" } },
  { SHELTER_PERMISSION_BACKUP, { "administrator", "manager" } },
  { SHELTER_PERMISSION_RESTORE, { "administrator" } },
  { SHELTER_PERMISSION_EDIT_SETTINGS, { "administrator" } },
  { SHELTER_PERMISSION_OVERRIDE_PLACEMENT, { "manager" } },
  { SHELTER_PERMISSION_RECORD_DIET, { "manager", "caseworker", "medical" } },
  { SHELTER_PERMISSION_VIEW_KITCHEN, { "administrator", "manager", "caseworker", "medical", "counsellor" } },
  { SHELTER_PERMISSION_RECORD_MEDICAL, { "medical" } },
  { SHELTER_PERMISSION_RECORD_PSYCHOLOGICAL, { "counsellor" } },
  { SHELTER_PERMISSION_RECORD_SOCIAL_SERVICE, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_READ_PSYCHOLOGICAL_NOTES, { "counsellor" } },
  { SHELTER_PERMISSION_READ_MEDICAL_RESTRICTED, { "medical" } },
  { SHELTER_PERMISSION_ENTITLEMENT_EXCEPTION, { "manager" } },
  { SHELTER_PERMISSION_DRAFT_PLAN, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_APPROVE_PLAN, { "manager" } },
  { SHELTER_PERMISSION_WRITE_PLAN_NOTE, { "manager", "caseworker", "medical", "counsellor" } },
  { SHELTER_PERMISSION_MANAGE_PARTNERS, { "manager", "administrator" } },
  { SHELTER_PERMISSION_REFER, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_OVERRIDE_REFERRAL, { "manager" } },
  { SHELTER_PERMISSION_RECORD_SAFETY, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_HEAR_POLICE_REPORTS, { "manager" } },
  { SHELTER_PERMISSION_RECORD_FAMILY, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_DISCHARGE, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_OVERRIDE_DISCHARGE, { "manager" } },
  { SHELTER_PERMISSION_RECORD_FOLLOW_UP, { "manager", "caseworker" } },
  { SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS, { "manager" } },
  /* Managers only: the figures are the centre's own, signed by its head; small counts can
   * point at a person, and the administrator does not read case data. */
  { SHELTER_PERMISSION_VIEW_REPORTS, { "manager" } },
  /* Names leave the program: only whoever answers for the centre, with a reason. */
  { SHELTER_PERMISSION_EXPORT_CASE_LIST, { "manager" } },
  /* A whole centre's records at once: the manager who decides, or the administrator who
   * sets the program up. */
  { SHELTER_PERMISSION_IMPORT, { "administrator", "manager" } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (permission_table) == SHELTER_N_PERMISSIONS);

gboolean
shelter_permission_role_may (const char        *role,
                             ShelterPermission  permission)
{
  g_return_val_if_fail (permission < SHELTER_N_PERMISSIONS, FALSE);

  if (role == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (permission_table); i++)
    {
      if (permission_table[i].permission != permission)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (permission_table[i].roles); j++)
        if (g_strcmp0 (permission_table[i].roles[j], role) == 0)
          return TRUE;
    }
  return FALSE;
}
