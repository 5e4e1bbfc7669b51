/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_REFERRAL_DIALOG (shelter_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterReferralDialog, shelter_referral_dialog, SHELTER, REFERRAL_DIALOG,
                      AdwWindow)

/* A modal dialog showing one referral and its steps in order — (a) and (b) the assessment and
 * the person's opinion, (c) the agency's offer, (d) and (e) the decision and consent, the
 * sending, the answer, (g) the departure, the first result, (h) the handover — each with what
 * was recorded and, for the next step only (REFER), the fields to record it. Managers
 * (OVERRIDE_REFERRAL) record a legal ground when there is no consent, and withdraw; the one
 * who made a referral withdraws it too. "Save Letter as PDF…" writes the referral letter of an
 * outgoing referral. app/'s refusals are shown on the field they name. Emits ::changed after
 * each step recorded. */
ShelterReferralDialog *shelter_referral_dialog_new (ShelterSession *session,
                                                    gint64          referral_id);

G_END_DECLS
