/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* The referral letter (giấy chuyển tuyến) of an outgoing referral, as a Vietnamese official
 * paper on A4: the managing agency and the centre with the letter's number beside the
 * national heading, place and formal date, the title, the addressee (the partner, for the
 * attention of its designated contact person), the purpose, the person — the case code and
 * ONLY the fields the consent (or a manager's legal ground) covers — the consent or the
 * ground, and the signature of the head of centre. */
typedef struct _ShelterReferralLetter ShelterReferralLetter;

/* VIEW_RESIDENTS (protected residents as shelter_person_open()). Refused for an incoming
 * referral, and without consent or legal ground (SHELTER_APP_ERROR_NO_CONSENT). */
ShelterReferralLetter *shelter_referral_letter_load     (ShelterSession         *session,
                                                         gint64                  referral_id,
                                                         GError                **error);
/* The handover record (biên bản bàn giao) of a completed outgoing referral, on the same
 * paper: the heading (its number "N/BBBG", dated the day of completion), the title, the
 * referral letter it follows, the day and the place (the receiving agency's address), the
 * handing-over side (the centre, its head and the escort) and the receiving side (the
 * partner and its contact person), the person — the case code and ONLY the fields the
 * consent or the ground covers, as the letter — what was handed over, and the signatures of
 * both sides. Refused as the letter, and for a referral not completed
 * (SHELTER_APP_ERROR_REFERRAL_STATUS). dup_text() and write_pdf() serve it as the letter. */
ShelterReferralLetter *shelter_referral_handover_load   (ShelterSession         *session,
                                                         gint64                  referral_id,
                                                         GError                **error);
void                   shelter_referral_letter_free     (ShelterReferralLetter  *letter);
/* The letter as plain text, one paragraph a line, in reading order: what the PDF shows. */
char                  *shelter_referral_letter_dup_text (ShelterReferralLetter  *letter);
/* Writes the letter to @path as an A4 PDF (mode 0600), audited as an export. */
gboolean               shelter_referral_letter_write_pdf (ShelterSession        *session,
                                                          ShelterReferralLetter *letter,
                                                          const char            *path,
                                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterReferralLetter, shelter_referral_letter_free)

G_END_DECLS
