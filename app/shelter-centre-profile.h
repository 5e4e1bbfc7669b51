/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-centre.h"
#include "shelter-reference-store.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The centre's profile (name, province, address, head of centre), or NULL without error when
 * the centre has not been set up yet. Anyone signed in may read it: it heads every screen
 * and paper. */
ShelterCentre *shelter_centre_profile_get (ShelterSession  *session,
                                           GError         **error);

/* The centre's name, or NULL before set-up: shown on the sign-in screen so that staff know
 * which centre's database they are signing in to. Not restricted. */
char          *shelter_centre_profile_dup_name  (ShelterDb       *db);

/* The 34 provinces of the 2025 scheme (ShelterReferenceEntry: code, name, full_name), for the
 * set-up assistant's province list. Reference data: readable before anyone signs in. */
GPtrArray     *shelter_centre_profile_provinces (ShelterDb       *db,
                                                 GError         **error);

G_END_DECLS
