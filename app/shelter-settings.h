/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* The centre's settings, kept in its database so that every desk shares them. */
#define SHELTER_SETTING_IDLE_LOCK_MINUTES "idle_lock_minutes"   /* default 10 */
#define SHELTER_SETTING_BACKUP_FOLDER     "backup_folder"       /* default: see shelter-backup.h */
#define SHELTER_SETTING_DEMO              "demo"                /* "1" in a demo centre */
/* The agency the centre answers to, printed above the centre's name at the top left of its
 * papers ("Sở Y tế tỉnh Lào Cai"); left out when not set. Free text, at most 200 characters. */
#define SHELTER_SETTING_MANAGING_AGENCY   "managing_agency"
/* Under this age (6 by default) a child who came with a parent stays with them in a family
 * room. */
#define SHELTER_SETTING_CHILD_WITH_PARENT_AGE "child_with_parent_age"
/* Bedroom area per resident in m², and in 24-hour care rooms (6 and 8 by default). */
#define SHELTER_SETTING_AREA_PER_RESIDENT      "area_per_resident_m2"
#define SHELTER_SETTING_AREA_PER_RESIDENT_CARE "area_per_resident_care_m2"
/* How many staff the centre has, by role, for the staff ratios of the compliance view (residents
 * per staff member); unset or 0 when the centre has not entered them. */
#define SHELTER_SETTING_STAFF_CAREGIVERS       "staff_caregivers"
#define SHELTER_SETTING_STAFF_SOCIAL_WORKERS   "staff_social_workers"
#define SHELTER_SETTING_STAFF_MEDICAL          "staff_medical"
#define SHELTER_SETTING_STAFF_COUNSELLORS      "staff_counsellors"
/* Working days from reception within which the case file must be complete (default 10). */
#define SHELTER_SETTING_CASE_FILE_WORKING_DAYS "case_file_working_days"
/* The meal schedule: SHELTER_SETTING_MEAL_SCHEDULE, in shelter-meals.h. */
/* Hours after admission within which the health check at arrival is due (default 24, 1 to
 * 168); past them without one, the stay is flagged. */
#define SHELTER_SETTING_HEALTH_CHECK_ARRIVAL_HOURS "health_check_arrival_hours"

/* The value, or @fallback when it is not set. */
char    *shelter_settings_get       (ShelterDb       *db,
                                     const char      *key,
                                     const char      *fallback);
int      shelter_settings_get_int   (ShelterDb       *db,
                                     const char      *key,
                                     int              fallback);
/* Administrator only; audited. */
gboolean shelter_settings_set       (ShelterSession  *session,
                                     const char      *key,
                                     const char      *value,
                                     GError         **error);

/* The demo accounts and their passwords, shown on the sign-in screen of a demo centre only
 * (NULL-terminated pairs: user name, password). */
const char * const *shelter_settings_demo_accounts (void);

G_END_DECLS
