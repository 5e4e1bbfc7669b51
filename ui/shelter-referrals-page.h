/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_REFERRALS_PAGE (shelter_referrals_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterReferralsPage, shelter_referrals_page, SHELTER, REFERRALS_PAGE,
                      AdwBin)

/* The Referrals section: the referrals the centre makes (outgoing) or receives (incoming),
 * newest first, filtered by status, with the resident (by case code, and by name when the
 * session may know who they are), the partner, the purpose, the status, the day sent and the
 * deadlines, overdue ones marked. "New Referral…" (REFER) makes a draft for a resident staying
 * now; activating a row opens the referral's dialog. NULL empties the page. */
void shelter_referrals_page_set_session (ShelterReferralsPage *self,
                                         ShelterSession       *session);
/* Reads the list again with the filters as they are. */
void shelter_referrals_page_reload      (ShelterReferralsPage *self);

G_END_DECLS
