/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a use case needs; shelter-permissions.c maps each to the roles allowed. */
typedef enum
{
  SHELTER_PERMISSION_VIEW_RESIDENTS,
  SHELTER_PERMISSION_ADMIT,
  SHELTER_PERMISSION_VIEW_ROOMS,
  SHELTER_PERMISSION_MANAGE_ROOMS,
  SHELTER_PERMISSION_MANAGE_USERS,
  SHELTER_PERMISSION_EDIT_CENTRE,
  SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY,
  SHELTER_PERMISSION_VIEW_AUDIT,
  SHELTER_PERMISSION_BACKUP,
  SHELTER_PERMISSION_RESTORE,
  SHELTER_PERMISSION_EDIT_SETTINGS,
  SHELTER_PERMISSION_OVERRIDE_PLACEMENT, /* place someone in a room that does not suit them */
  SHELTER_PERMISSION_RECORD_DIET,       /* a diet (medical staff: soft or medical only) */
  SHELTER_PERMISSION_VIEW_KITCHEN,      /* the kitchen sheet */
  /* Services (app/shelter-services.c): who records which kind, who reads what is restricted */
  SHELTER_PERMISSION_RECORD_MEDICAL,
  SHELTER_PERMISSION_RECORD_PSYCHOLOGICAL,
  /* legal, schooling, vocational, interpretation, travel */
  SHELTER_PERMISSION_RECORD_SOCIAL_SERVICE,
  SHELTER_PERMISSION_READ_PSYCHOLOGICAL_NOTES,
  SHELTER_PERMISSION_READ_MEDICAL_RESTRICTED, /* HIV status, pregnancy */
  SHELTER_PERMISSION_ENTITLEMENT_EXCEPTION,
  /* Support plans (app/shelter-support-plan.c) */
  /* assess needs, draft, start, follow, complete or cancel a plan */
  SHELTER_PERMISSION_DRAFT_PLAN,
  SHELTER_PERMISSION_APPROVE_PLAN,
  SHELTER_PERMISSION_WRITE_PLAN_NOTE,  /* a progress note on a plan going on */
  /* a risk assessment, an incident, informing the police (app/shelter-safety.c) */
  SHELTER_PERMISSION_RECORD_SAFETY,
  /* told at once (a desktop notice) when anyone informs the police */
  SHELTER_PERMISSION_HEAR_POLICE_REPORTS,
  /* Referrals (app/shelter-referrals.c) */
  SHELTER_PERMISSION_MANAGE_PARTNERS,  /* the directory of partner organisations */
  SHELTER_PERMISSION_REFER,            /* make and advance referrals */
  SHELTER_PERMISSION_OVERRIDE_REFERRAL, /* a legal ground instead of consent; withdraw anyone's */
  /* relatives, contacts, family tracing, visits (app/shelter-family.c) */
  SHELTER_PERMISSION_RECORD_FAMILY,
  /* Discharge and follow-up (app/shelter-discharge.c, app/shelter-follow-up.c) */
  SHELTER_PERMISSION_DISCHARGE,
  SHELTER_PERMISSION_OVERRIDE_DISCHARGE, /* discharge with checklist items left open */
  SHELTER_PERMISSION_RECORD_FOLLOW_UP,   /* record, reschedule, close a case */
  /* told at once when a follow-up finds someone at risk or re-trafficked */
  SHELTER_PERMISSION_HEAR_FOLLOW_UP_ALERTS,
  SHELTER_PERMISSION_VIEW_REPORTS,     /* the periodic statistics */
  SHELTER_PERMISSION_EXPORT_CASE_LIST, /* the case list with names, for the centre's own use */
  SHELTER_PERMISSION_IMPORT,           /* bring residents in from a spreadsheet */
  SHELTER_N_PERMISSIONS
} ShelterPermission;

gboolean shelter_permission_role_may (const char        *role,
                                      ShelterPermission  permission);

G_END_DECLS
