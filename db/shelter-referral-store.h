/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* Partners and referrals (schema 0008-referral.sql). The rules (who, when, which status may
 * follow which, what may be shared) are app/shelter-referrals.c's; these functions store
 * what they are given. */

typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *contact_person;  /* NULL when none */
  char   *phone;
  char   *email;
  char   *address;
  char   *services;
  gboolean active;
  gint64  version;
} ShelterPartnerRow;

void       shelter_partner_row_free    (ShelterPartnerRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPartnerRow, shelter_partner_row_free)

/* Its id, or 0. */
gint64     shelter_partner_store_insert (ShelterDb                *db,
                                         const ShelterPartnerRow  *row,
                                         const ShelterStamp       *stamp,
                                         GError                  **error);
/* Writes every field of @row when still at @row->version (SHELTER_DB_ERROR_STALE when not);
 * @row->version is then one more. */
gboolean   shelter_partner_store_update (ShelterDb                *db,
                                         ShelterPartnerRow        *row,
                                         const ShelterStamp       *stamp,
                                         GError                  **error);
/* NULL with SHELTER_DB_ERROR_NOT_FOUND when there is none. */
ShelterPartnerRow *shelter_partner_store_get (ShelterDb  *db,
                                              gint64      id,
                                              GError    **error);
/* Every partner by kind then name, the inactive ones too when @all. */
GPtrArray *shelter_partner_store_list   (ShelterDb  *db,
                                         gboolean    all,
                                         GError    **error);

typedef struct
{
  gint64  id;
  char   *direction;
  gint64  stay_id;          /* 0 when none */
  char   *subject;
  gint64  partner_id;
  char   *purpose;
  char   *status;
  char   *risk_level;
  char   *risk_assessment;
  char   *assessed_on;
  char   *person_opinion;
  char   *agency_offer;
  char   *agency_agreed_on;
  char   *decision;
  char   *decided_on;
  char   *consent_by;
  char   *consent_guardian;
  char   *legal_ground;
  char   *legal_ground_by;
  char   *health_summary;
  char   *case_summary;
  char   *sent_on;
  char   *sent_by;
  char   *answered_on;
  char   *decline_reason;
  char   *departure_mode;
  char   *departed_on;
  char   *escort;
  char   *guardian;
  gint64  allowance_dong;   /* -1 when none */
  char   *result_on;
  char   *result_note;
  char   *completed_on;
  char   *handover_note;
  char   *withdrawn_at;
  char   *withdrawn_by;
  char   *withdraw_reason;
  char   *created_at;
  char   *created_by;
  gint64  version;
  GStrv   shared_fields;    /* NULL-terminated, never NULL once read */
} ShelterReferralRow;

void       shelter_referral_row_free    (ShelterReferralRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterReferralRow, shelter_referral_row_free)

/* Inserts @row (status and fields as given, created by the stamp's actor); its id or 0. */
gint64     shelter_referral_store_insert (ShelterDb                 *db,
                                          const ShelterReferralRow  *row,
                                          const ShelterStamp        *stamp,
                                          GError                   **error);
/* Writes every field of @row, and its shared fields, when still at @row->version. */
gboolean   shelter_referral_store_update (ShelterDb                 *db,
                                          ShelterReferralRow        *row,
                                          const ShelterStamp        *stamp,
                                          GError                   **error);
ShelterReferralRow *shelter_referral_store_get (ShelterDb  *db,
                                                gint64      id,
                                                GError    **error);
/* The referrals of one direction ("outgoing", "incoming"; NULL: both), newest first; of one
 * stay when @stay_id is not 0; only those sent or accepted when @open_only. */
GPtrArray *shelter_referral_store_list   (ShelterDb   *db,
                                          const char  *direction,
                                          gint64       stay_id,
                                          gboolean     open_only,
                                          GError     **error);

G_END_DECLS
