/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The discharges of stays (schema 0009-discharge.sql) with the belongings given back. The
 * rules are app/shelter-discharge.c's. Fields in words (destination, received_by,
 * created_by_name) are the app's to fill; the store leaves them NULL. */

/* The discharge of an ended stay, as written. */
typedef struct
{
  gint64  stay_id;
  gint64  person_id;
  char   *case_code;
  char   *reason;
  char   *discharged_at;            /* the stay's: ISO 8601 with offset */
  char   *discharged_on;            /* YYYY-MM-DD */
  char   *admitted_at;
  char   *address_scheme;
  char   *province_code;
  char   *commune_code;
  char   *address_detail;
  char   *destination;              /* in words: the address, the facility, or the country */
  gint64  facility_partner_id;
  char   *facility_name;            /* the partner's name when from the directory */
  char   *country_code;
  gint64  received_by_relative_id;
  char   *received_by;              /* in words: "Nguyễn Thị Hoa (mother)", or the name */
  char   *family_not_needed;
  char   *commune_informed_on;
  char   *commune_informed_whom;
  char   *police_informed_on;
  char   *police_informed_whom;
  gint64  travel_service_id;
  gint64  travel_cost_dong;         /* -1 when none was recorded with the discharge */
  char   *travel_not_needed;
  char   *reintegration_plan;
  char   *checklist;                /* "item=state" lines, as written */
  char   *override_reason;
  char   *override_by;              /* a user name */
  char   *override_by_name;         /* their full name */
  char   *death_cause;
  char   *death_informed;
  char   *created_at;
  char   *created_by;               /* the staff member who discharged (user name) */
  char   *created_by_name;          /* their full name */
  GArray *belongings;               /* of ShelterBelongingReturned, in the intake's order */
} ShelterDischargeRow;

typedef struct
{
  guint  position;
  char  *description;   /* as listed at intake */
  gboolean returned;
  char  *note;
} ShelterBelongingReturned;

void shelter_discharge_row_free (ShelterDischargeRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterDischargeRow, shelter_discharge_row_free)

/* Writes the discharge of @row->stay_id and its belongings (@row->belongings of
 * ShelterBelongingReturned; the descriptions are the intake's and are not written). */
gboolean shelter_discharge_store_insert (ShelterDb                  *db,
                                         const ShelterDischargeRow  *row,
                                         const ShelterStamp         *stamp,
                                         GError                    **error);
/* The discharge of @stay_id with the stay's dates, the case code and every belonging of
 * the intake list (not returned, no note, when the discharge did not list it); NULL
 * without error when there is none. */
ShelterDischargeRow *shelter_discharge_store_get (ShelterDb  *db,
                                                  gint64      stay_id,
                                                  GError    **error);

G_END_DECLS
