/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"
#include "shelter-stores.h"

G_BEGIN_DECLS

/* Referral (chuyển tuyến) of a resident to a partner organisation (outgoing), or of a
 * person to the centre (incoming), in the steps of the hotline plan (Kế hoạch
 * 697/KHLN-BVCSTE, 2.1): (a) risk and vulnerability assessment, (b) the person's opinion,
 * (c) what the receiving agency offers and its agreement, (d) the person's informed decision,
 * (e) the papers, with the consent and the fields of the person it covers, (g) the departure,
 * (h) follow-up and the handover record.
 *
 * Statuses: draft -> sent -> accepted or declined (with the reason); accepted -> completed
 * (with the handover record); draft, sent or accepted -> withdrawn. An incoming referral
 * starts as sent (the day it came); the centre answers it.
 *
 * Rules and decisions:
 * - Partners are kept by managers and administrators (MANAGE_PARTNERS); everyone who may
 *   refer reads them. Information goes to the designated contact person only: a partner
 *   without one cannot be referred to (refused on creating and on sending).
 * - Referrals are made and advanced by caseworkers and managers (REFER), any of them (the
 *   case is the centre's); a referral is withdrawn by whoever made it or by a manager
 *   (OVERRIDE_REFERRAL), also when the one who made it has left.
 * - No consent, no sending: the person (or the guardian, named) must have agreed, unless a
 *   manager records the legal ground (OVERRIDE_REFERRAL). The letter prints the case code,
 *   the purpose and only the fields the consent (or ground) covers.
 * - The departure: a person at high risk goes escorted (the escort named); a child (under 18
 *   on the day, by the birth date recorded) only with a parent or legal guardian named.
 *   A person whose birth date is unknown is not taken for a child.
 * - The receiving agency answers within 1 working day of sending and reports a first result
 *   within 5 (weekends and the holiday table skipped, worked out when read, so a holiday
 *   added later moves them). An answer dated before sending is refused.
 * Dates are YYYY-MM-DD, none after today. Every step is audited on the entity "referral". */

/* Partner kinds, NULL-terminated: hospital, legal_aid, school, vocational_school, police,
 * commune_committee, ngo, shelter, hotline. */
const char * const *shelter_partner_kinds        (void);
const char         *shelter_partner_kind_label   (const char *kind);
/* Fields of the person a referral may share, NULL-terminated: name, birth_date, sex,
 * id_number, phone, address, health_summary, case_summary. */
const char * const *shelter_referral_shared_field_codes (void);
const char         *shelter_referral_shared_field_label (const char *field);
const char         *shelter_referral_status_label       (const char *status);

typedef struct
{
  const char *kind;
  const char *name;
  const char *contact_person;
  const char *phone;
  const char *email;
  const char *address;
  const char *services;
  gboolean    inactive;
} ShelterPartnerInput;

/* Its id, or 0 (MANAGE_PARTNERS; the field at fault named). */
gint64     shelter_partners_add     (ShelterSession             *session,
                                     const ShelterPartnerInput  *input,
                                     GError                    **error);
gboolean   shelter_partners_update  (ShelterSession             *session,
                                     gint64                      partner_id,
                                     const ShelterPartnerInput  *input,
                                     GError                    **error);
/* ShelterPartnerRow by kind and name, the inactive ones too when @all (REFER or
 * MANAGE_PARTNERS). */
GPtrArray *shelter_partners_list    (ShelterSession             *session,
                                     gboolean                    all,
                                     GError                    **error);

/* A draft outgoing referral of an open stay; its id or 0. */
gint64   shelter_referrals_create            (ShelterSession  *session,
                                              gint64           stay_id,
                                              gint64           partner_id,
                                              const char      *purpose,
                                              GError         **error);
/* An incoming referral from @partner_id, received on @received_on (the sending day), of
 * @stay_id (0 when the person is not received yet) or of @subject; its id or 0. */
gint64   shelter_referrals_receive           (ShelterSession  *session,
                                              gint64           partner_id,
                                              gint64           stay_id,
                                              const char      *subject,
                                              const char      *purpose,
                                              const char      *received_on,
                                              GError         **error);
/* (a) and (b): @risk_level low, medium or high, what was assessed, and the person's opinion. */
gboolean shelter_referrals_record_assessment (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *assessed_on,
                                              const char      *risk_level,
                                              const char      *assessment,
                                              const char      *opinion,
                                              GError         **error);
/* (c): what the receiving agency offers, and the day it agreed to receive the person. */
gboolean shelter_referrals_record_offer      (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *agreed_on,
                                              const char      *offer,
                                              GError         **error);

typedef struct
{
  const char         *decided_on;
  const char         *decision;        /* "agrees" or "refuses" */
  const char         *consent_by;      /* "person" or "guardian"; NULL when refused */
  const char         *guardian;        /* who consented for the person */
  const char * const *shared_fields;   /* NULL-terminated codes the consent covers */
  const char         *health_summary;  /* printed only when "health_summary" is shared */
  const char         *case_summary;
} ShelterReferralDecision;

/* (d) and (e): the informed decision, the consent and what it covers (draft only). */
gboolean shelter_referrals_record_decision   (ShelterSession                 *session,
                                              gint64                          referral_id,
                                              const ShelterReferralDecision  *decision,
                                              GError                        **error);
/* A manager's legal ground for sending without consent, and the fields it covers. */
gboolean shelter_referrals_record_legal_ground (ShelterSession      *session,
                                                gint64               referral_id,
                                                const char          *ground,
                                                const char * const  *shared_fields,
                                                GError             **error);
/* Sends a draft on @sent_on: refused without consent or legal ground
 * (SHELTER_APP_ERROR_NO_CONSENT) or to a partner without a contact person. */
gboolean shelter_referrals_send              (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *sent_on,
                                              GError         **error);
/* The receiving side's answer: accepted, or declined with @decline_reason. */
gboolean shelter_referrals_record_answer     (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *answered_on,
                                              gboolean         accepted,
                                              const char      *decline_reason,
                                              GError         **error);

typedef struct
{
  const char *departed_on;
  const char *mode;            /* "alone" (papers and allowance) or "escorted" */
  const char *escort;          /* who takes the person, when escorted */
  const char *guardian;        /* the parent or legal guardian a child goes with */
  gint64      allowance_dong;  /* -1 when none */
} ShelterReferralDeparture;

/* (g), of an accepted outgoing referral. */
gboolean shelter_referrals_record_departure  (ShelterSession                  *session,
                                              gint64                           referral_id,
                                              const ShelterReferralDeparture  *departure,
                                              GError                         **error);
/* The first result the receiving agency reported. */
gboolean shelter_referrals_record_result     (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *result_on,
                                              const char      *note,
                                              GError         **error);
/* (h): completes an accepted referral with the handover record (what was handed over, to
 * whom); an outgoing one must have departed. */
gboolean shelter_referrals_complete          (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *completed_on,
                                              const char      *handover_note,
                                              GError         **error);
gboolean shelter_referrals_withdraw          (ShelterSession  *session,
                                              gint64           referral_id,
                                              const char      *reason,
                                              GError         **error);

/* VIEW_RESIDENTS. */
ShelterReferralRow *shelter_referrals_get    (ShelterSession  *session,
                                              gint64           referral_id,
                                              GError         **error);
/* ShelterReferralRow of @direction ("outgoing", "incoming" or NULL), of @stay_id unless 0,
 * newest first. */
GPtrArray *shelter_referrals_list            (ShelterSession  *session,
                                              const char      *direction,
                                              gint64           stay_id,
                                              GError         **error);

/* The answer and first-result deadlines of a sent referral (YYYY-MM-DD, newly allocated);
 * FALSE without error when it was not sent. */
gboolean shelter_referrals_deadlines         (ShelterSession            *session,
                                              const ShelterReferralRow  *referral,
                                              char                     **answer_due,
                                              char                     **result_due,
                                              GError                   **error);

typedef enum
{
  SHELTER_REFERRAL_ON_TIME,
  SHELTER_REFERRAL_ANSWER_OVERDUE,  /* sent, no answer after its day */
  SHELTER_REFERRAL_RESULT_OVERDUE,  /* accepted, no first result after its day */
} ShelterReferralOverdue;

ShelterReferralOverdue shelter_referrals_overdue_state (ShelterSession            *session,
                                                        const ShelterReferralRow  *referral,
                                                        GError                   **error);
/* The referrals overdue today, for the reminders (ShelterReferralRow, newest first). */
GPtrArray *shelter_referrals_overdue         (ShelterSession  *session,
                                              GError         **error);

/* One referral as a list or the referral's dialog shows it (VIEW_RESIDENTS): the row, the
 * person by case code and name, the partner, the deadlines and whether it is overdue. */
#define SHELTER_TYPE_REFERRAL_ENTRY (shelter_referral_entry_get_type ())
G_DECLARE_FINAL_TYPE (ShelterReferralEntry, shelter_referral_entry, SHELTER, REFERRAL_ENTRY, GObject)

const ShelterReferralRow *shelter_referral_entry_get_row           (ShelterReferralEntry *self);
/* 0, and NULL case code, for an incoming referral of a person not received yet. */
gint64                    shelter_referral_entry_get_person_id     (ShelterReferralEntry *self);
const char               *shelter_referral_entry_get_case_code     (ShelterReferralEntry *self);
/* The resident's name; NULL when the session may not know who they are (a resident under
 * high protection) or when there is no stay (then the row's subject names the person). */
const char               *shelter_referral_entry_get_resident_name (ShelterReferralEntry *self);
const char               *shelter_referral_entry_get_partner_name  (ShelterReferralEntry *self);
/* NULL when the partner has no designated contact person. */
const char               *shelter_referral_entry_get_partner_contact (ShelterReferralEntry *self);
/* YYYY-MM-DD, NULL when not sent. */
const char               *shelter_referral_entry_get_answer_due    (ShelterReferralEntry *self);
const char               *shelter_referral_entry_get_result_due    (ShelterReferralEntry *self);
ShelterReferralOverdue    shelter_referral_entry_get_overdue       (ShelterReferralEntry *self);

/* shelter_referrals_list() as ShelterReferralEntry, and one of them. */
GPtrArray            *shelter_referrals_list_entries (ShelterSession  *session,
                                                      const char      *direction,
                                                      gint64           stay_id,
                                                      GError         **error);
ShelterReferralEntry *shelter_referrals_get_entry    (ShelterSession  *session,
                                                      gint64           referral_id,
                                                      GError         **error);

/* The demo centre's partners in Lào Cai and three referrals (app/shelter-demo-referrals.c). */
gboolean _shelter_demo_referrals_write       (ShelterSession  *session,
                                              GError         **error);

G_END_DECLS
