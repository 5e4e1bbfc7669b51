/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-person.h"
#include "shelter-session.h"
#include "shelter-stay.h"

G_BEGIN_DECLS

/* Checks a person's fields as the intake form would (names, sex, birth date not in the
 * future, ID number for its paper, phone, codes). Cleans the text fields in place (NFC,
 * trimmed). The error is in SHELTER_FIELD_ERROR and names the field. */
gboolean     shelter_person_validate   (ShelterPerson   *person,
                                        GDateTime       *now,
                                        GError         **error);

/* What the form should ask the caseworker to check without refusing the save: a CCCD
 * number whose sex or birth-year digits disagree with the form. Translated sentences that
 * name the field. */
GPtrArray   *shelter_person_warnings     (ShelterPerson   *person);

/* People already on record who may be @person (the same ID number, or the same name, birth
 * year and home province), so that a returning person gets a new stay rather than a second
 * record. Ids, at most 20. */
GArray      *shelter_person_find_similar (ShelterSession  *session,
                                          ShelterPerson   *person,
                                          GError         **error);

/* The use case "admit a person into a room": validates the person, checks the room suits
 * their sex and age on @admitted_at and has a free bed, then writes the person (with a new
 * case code), the stay, the placement and the audit entry in one transaction. @admitted_at
 * is ISO 8601 with offset; NULL means now. Returns the new stay. */
ShelterStay *shelter_admit_person      (ShelterSession  *session,
                                        ShelterPerson   *person,
                                        gint64           room_id,
                                        const char      *admitted_at,
                                        GError         **error);

/* The person as stored now, for a form to edit (VIEW_RESIDENTS; a resident under high
 * protection only for those who may know who they are, and the read is recorded). */
ShelterPerson *shelter_person_open       (ShelterSession  *session,
                                          gint64           person_id,
                                          GError         **error);

/* Saves an edited person with the intake's validation, in one transaction with the search
 * index and an audit entry listing each changed field ("field: old -> new"; the ID number
 * and phone masked). Refused with SHELTER_DB_ERROR_STALE when someone else saved first:
 * nothing is overwritten, and @current (if not NULL) receives the version now stored so the
 * form can show it. The case code never changes. */
gboolean       shelter_person_save       (ShelterSession  *session,
                                          ShelterPerson   *person,
                                          ShelterPerson  **current,
                                          GError         **error);

/* Ends a stay on @discharged_at (ISO 8601 with offset) for @reason_code and frees its bed,
 * in one transaction with its audit entry, and nothing else: no checklist, no discharge
 * record, no follow-up. Only for history written in bulk (the demo's old stays); staff
 * discharge through shelter_discharge() (shelter-discharge.h). */
gboolean     shelter_discharge_stay    (ShelterSession  *session,
                                        ShelterStay     *stay,
                                        const char      *discharged_at,
                                        const char      *reason_code,
                                        GError         **error);

G_END_DECLS
