/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_INTAKE (shelter_intake_get_type ())
G_DECLARE_FINAL_TYPE (ShelterIntake, shelter_intake, SHELTER, INTAKE, GObject)

/* What the reception desk records about how a person came to the centre: who handed them
 * over, the trafficking details where they apply, consent, and what they arrived with.
 * Codes are those of app/shelter-enums.h; dates are ISO 8601. Strings are NULL when
 * unknown, never "". */

ShelterIntake *shelter_intake_new (void);

/* The stay this intake opened; an intake belongs to exactly one stay. */
gint64                shelter_intake_get_stay_id (ShelterIntake *self);
void                  shelter_intake_set_stay_id (ShelterIntake *self, gint64 stay_id);
/* The intake record's number ("BBTN-2026-0012"), given when the intake is saved. */
const char *          shelter_intake_get_record_number (ShelterIntake *self);
void                  shelter_intake_set_record_number (ShelterIntake *self, const char * record_number);
/* The user name of the staff member who received the person, as recorded when the intake was saved. */
const char *          shelter_intake_get_received_by (ShelterIntake *self);
void                  shelter_intake_set_received_by (ShelterIntake *self, const char * received_by);
/* Who brought the person: a code of shelter_enum_handed_over_by ("self" when they came alone). */
const char *          shelter_intake_get_handed_over_by (ShelterIntake *self);
void                  shelter_intake_set_handed_over_by (ShelterIntake *self, const char * handed_over_by);
/* The handing officer and their unit ("Đồn Biên phòng Cửa khẩu Lào Cai"). */
const char *          shelter_intake_get_officer_name (ShelterIntake *self);
void                  shelter_intake_set_officer_name (ShelterIntake *self, const char * officer_name);
const char *          shelter_intake_get_officer_unit (ShelterIntake *self);
void                  shelter_intake_set_officer_unit (ShelterIntake *self, const char * officer_unit);
/* Where the person was received, when not at the centre itself. */
const char *          shelter_intake_get_received_place (ShelterIntake *self);
void                  shelter_intake_set_received_place (ShelterIntake *self, const char * received_place);
/* For an accompanying minor: the adult whose case they are linked to (0: none). */
gint64                shelter_intake_get_linked_person_id (ShelterIntake *self);
void                  shelter_intake_set_linked_person_id (ShelterIntake *self, gint64 linked_person_id);
/* Trafficking cases only: codes of shelter_enum_trafficking_purpose, in the country or abroad, where to, how they came back, and the identification. */
const char * const *  shelter_intake_get_trafficking_purposes (ShelterIntake *self);
void                  shelter_intake_set_trafficking_purposes (ShelterIntake *self, const char * const * trafficking_purposes);
const char *          shelter_intake_get_trafficking_scope (ShelterIntake *self);
void                  shelter_intake_set_trafficking_scope (ShelterIntake *self, const char * trafficking_scope);
const char *          shelter_intake_get_destination_country (ShelterIntake *self);
void                  shelter_intake_set_destination_country (ShelterIntake *self, const char * destination_country);
const char *          shelter_intake_get_return_mode (ShelterIntake *self);
void                  shelter_intake_set_return_mode (ShelterIntake *self, const char * return_mode);
const char *          shelter_intake_get_identification_status (ShelterIntake *self);
void                  shelter_intake_set_identification_status (ShelterIntake *self, const char * identification_status);
const char *          shelter_intake_get_identification_document (ShelterIntake *self);
void                  shelter_intake_set_identification_document (ShelterIntake *self, const char * identification_document);
/* "given", or "not_now" when the person (or guardian) could not consent at reception: then the reason and the date to ask again. */
const char *          shelter_intake_get_consent_status (ShelterIntake *self);
void                  shelter_intake_set_consent_status (ShelterIntake *self, const char * consent_status);
gboolean              shelter_intake_get_consent_record (ShelterIntake *self);
void                  shelter_intake_set_consent_record (ShelterIntake *self, gboolean consent_record);
gboolean              shelter_intake_get_consent_share (ShelterIntake *self);
void                  shelter_intake_set_consent_share (ShelterIntake *self, gboolean consent_share);
const char *          shelter_intake_get_consent_share_agencies (ShelterIntake *self);
void                  shelter_intake_set_consent_share_agencies (ShelterIntake *self, const char * consent_share_agencies);
gboolean              shelter_intake_get_consent_photo (ShelterIntake *self);
void                  shelter_intake_set_consent_photo (ShelterIntake *self, gboolean consent_photo);
const char *          shelter_intake_get_consent_given_by (ShelterIntake *self);
void                  shelter_intake_set_consent_given_by (ShelterIntake *self, const char * consent_given_by);
const char *          shelter_intake_get_guardian_name (ShelterIntake *self);
void                  shelter_intake_set_guardian_name (ShelterIntake *self, const char * guardian_name);
const char *          shelter_intake_get_consent_not_now_reason (ShelterIntake *self);
void                  shelter_intake_set_consent_not_now_reason (ShelterIntake *self, const char * consent_not_now_reason);
const char *          shelter_intake_get_consent_ask_again_on (ShelterIntake *self);
void                  shelter_intake_set_consent_ask_again_on (ShelterIntake *self, const char * consent_ask_again_on);
/* What the person brought, papers included, one item a line. */
const char * const *  shelter_intake_get_belongings (ShelterIntake *self);
void                  shelter_intake_set_belongings (ShelterIntake *self, const char * const * belongings);
const char *          shelter_intake_get_health_at_arrival (ShelterIntake *self);
void                  shelter_intake_set_health_at_arrival (ShelterIntake *self, const char * health_at_arrival);
const char *          shelter_intake_get_urgent_needs (ShelterIntake *self);
void                  shelter_intake_set_urgent_needs (ShelterIntake *self, const char * urgent_needs);
const char *          shelter_intake_get_safety_note (ShelterIntake *self);
void                  shelter_intake_set_safety_note (ShelterIntake *self, const char * safety_note);
/* Whether the person can sign the intake record; if not, why. */
gboolean              shelter_intake_get_person_signs (ShelterIntake *self);
void                  shelter_intake_set_person_signs (ShelterIntake *self, gboolean person_signs);
const char *          shelter_intake_get_not_signed_reason (ShelterIntake *self);
void                  shelter_intake_set_not_signed_reason (ShelterIntake *self, const char * not_signed_reason);
gint64                shelter_intake_get_version (ShelterIntake *self);
void                  shelter_intake_set_version (ShelterIntake *self, gint64 version);


G_END_DECLS
