/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-discharge-store.h"
#include "shelter-enums.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Discharge (kết thúc trợ giúp, domain.md section 10): the end of a stay, with the
 * checklist the centre goes through before anyone leaves.
 *
 * - Caseworkers and managers discharge (SHELTER_PERMISSION_DISCHARGE). Unfinished checklist
 *   items block the discharge; a manager (SHELTER_PERMISSION_OVERRIDE_DISCHARGE) may go on
 *   with a written reason, which the discharge and the audit trail keep.
 * - Which items apply depends on the reason (a transfer asks for no travel money, a
 *   repatriation for no commune) and on the person (the police only for trafficking cases,
 *   the guardian only for a minor). See shelter_discharge_check().
 * - Refused whatever the override: returning to a relative judged unsafe
 *   (SHELTER_APP_ERROR_UNSAFE_FAMILY); a stay already ended
 *   (SHELTER_APP_ERROR_ALREADY_DISCHARGED); a date before the admission or in the future, a
 *   death without its date, a destination missing for the reason (SHELTER_FIELD_ERROR).
 * - In one transaction: the stay closes, its bed is freed, the open support plan closes
 *   (completed, or cancelled when it was a draft never approved), the travel home is
 *   recorded as a service (fare plus the travel-day meals from the rate table), the
 *   belongings given back are written against the intake list, the follow-up schedule is
 *   created (not after a death), and one audit entry says what was done.
 * - A discharged person may be received again: a new stay on the same person
 *   (shelter_receive_person() with the person's id); their old stays keep their
 *   discharges and follow-ups. */

extern const ShelterEnum shelter_discharge_item;  /* family, commune, police, travel, ... */
extern const ShelterEnum shelter_discharge_item_state; /* done, open, not_needed, not_applicable */

typedef enum
{
  SHELTER_DISCHARGE_ITEM_FAMILY,        /* family contacted and judged safe, or why not needed */
  SHELTER_DISCHARGE_ITEM_COMMUNE,       /* the commune People's Committee informed */
  SHELTER_DISCHARGE_ITEM_POLICE,        /* the police informed (trafficking cases) */
  SHELTER_DISCHARGE_ITEM_TRAVEL,        /* travel costs and travel-day meals paid */
  SHELTER_DISCHARGE_ITEM_BELONGINGS,    /* papers and belongings given back */
  SHELTER_DISCHARGE_ITEM_REINTEGRATION, /* the reintegration plan agreed */
  SHELTER_DISCHARGE_ITEM_GUARDIAN,      /* a minor handed only to a parent or guardian */
  SHELTER_DISCHARGE_ITEM_PLAN,          /* the support plan's goals all closed */
  SHELTER_N_DISCHARGE_ITEMS
} ShelterDischargeItemKind;

typedef enum
{
  SHELTER_DISCHARGE_ITEM_DONE,
  SHELTER_DISCHARGE_ITEM_OPEN,           /* blocks the discharge unless a manager overrides */
  SHELTER_DISCHARGE_ITEM_NOT_NEEDED,     /* the caseworker said why (family, travel only) */
  SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE, /* not for this reason or this person: not shown */
} ShelterDischargeItemState;

/* One belonging of the intake list as it is given back (or why not). */
typedef struct
{
  guint       position;     /* the intake list's, from 1 */
  gboolean    returned;
  const char *note;         /* required when not returned: "kept by the police as evidence" */
} ShelterBelongingReturn;

/* What the assistant has gathered. Strings may be NULL or empty for "not given". */
typedef struct
{
  gint64      stay_id;
  const char *reason;                 /* shelter_enum_discharge_reason */
  const char *discharged_at;          /* ISO 8601 with offset; NULL: now (not for a death) */

  /* Where to (which apply depends on the reason, see shelter_discharge_destination_for()). */
  const char *province_code;          /* today's scheme (SHELTER_ADDRESS_SCHEME) */
  const char *commune_code;
  const char *address_detail;         /* village, street */
  gint64      facility_partner_id;    /* a partner of the directory; 0: by name */
  const char *facility_name;
  const char *country_code;           /* repatriation */

  /* Who receives the person: a recorded relative of theirs, or a named person. */
  gint64      received_by_relative_id;
  const char *received_by_name;

  const char *family_not_needed;      /* why no family contact is needed */
  const char *commune_informed_on;    /* YYYY-MM-DD */
  const char *commune_informed_whom;  /* the officer, or the committee */
  const char *police_informed_on;     /* YYYY-MM-DD */
  const char *police_informed_whom;

  /* The travel home: the fare in đồng (0: none given) and the days of the journey, whose
   * meals are priced by the travel_meal_per_day rate of the centre's province in force on
   * the day of discharge. Recorded as a travel service when either is given. A travel
   * service already recorded during the stay also counts as paid. */
  gint64      travel_fare_dong;
  guint       travel_days;
  const char *travel_not_needed;      /* why no travel money is needed */

  const ShelterBelongingReturn *belongings; /* @n_belongings of them, any order */
  guint       n_belongings;

  const char *reintegration_plan;     /* what was agreed for life after the centre */

  const char *override_reason;        /* a manager's, when items are left open */

  const char *death_cause;            /* death only; may be empty: unknown */
  const char *death_informed;         /* death only, required: who was informed */
} ShelterDischargeInput;

/* Where the person goes for a reason. */
typedef enum
{
  SHELTER_DISCHARGE_TO_ADDRESS,  /* home, community, adoptive family: province required */
  SHELTER_DISCHARGE_TO_FACILITY, /* transfer, long-term protection: facility required */
  SHELTER_DISCHARGE_TO_COUNTRY,  /* repatriation: country required */
  SHELTER_DISCHARGE_TO_NOWHERE,  /* death; no contact for a month (address optional) */
} ShelterDischargeDestination;

ShelterDischargeDestination shelter_discharge_destination_for (const char *reason);

typedef struct
{
  ShelterDischargeItemKind  kind;
  ShelterDischargeItemState state;
  char                     *label;   /* "Family contacted and judged safe" */
  char                     *detail;  /* what satisfied it, or what is missing and where to do it */
} ShelterDischargeItem;

void shelter_discharge_item_free (ShelterDischargeItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterDischargeItem, shelter_discharge_item_free)

/* VIEW_RESIDENTS. The checklist for @input as it stands, read from the stay's records (the
 * relatives and contacts, the intake's belongings, the support plan, the travel services)
 * and the input: one ShelterDischargeItem per kind, in the order of the enum, those that do
 * not apply marked NOT_APPLICABLE. Fails (with the reason) for what no override lifts: an
 * unsafe receiving relative, a stay already ended, an unknown stay. */
GPtrArray *shelter_discharge_check  (ShelterSession               *session,
                                     const ShelterDischargeInput  *input,
                                     GError                      **error);

/* The use case: checks @input, then writes everything in one transaction (see above).
 * Refused with SHELTER_APP_ERROR_CHECKLIST_OPEN, naming the open items, when some are left
 * and no override reason is given; an override by someone without OVERRIDE_DISCHARGE is
 * refused (SHELTER_APP_ERROR_PERMISSION_DENIED). On failure nothing is written. */
gboolean   shelter_discharge        (ShelterSession               *session,
                                     const ShelterDischargeInput  *input,
                                     GError                      **error);

/* The discharge of an ended stay, as written: ShelterDischargeRow (shelter-discharge-store.h). */


/* VIEW_RESIDENTS (a protected resident's destination and receiver withheld as the family's
 * addresses are). The discharge of @stay_id; NULL without error when the stay has none (still
 * open, or ended before discharges were recorded). */
ShelterDischargeRow *shelter_discharge_get (ShelterSession  *session,
                                            gint64           stay_id,
                                            GError         **error);

G_END_DECLS
