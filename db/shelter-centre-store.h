/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-centre.h"

G_BEGIN_DECLS

/* NULL without error when the centre has no profile yet. */
ShelterCentre *shelter_centre_store_get    (ShelterDb           *db,
                                            GError             **error);
/* Creates the profile, or updates it if @centre's version is current (else STALE). */
gboolean       shelter_centre_store_save   (ShelterDb           *db,
                                            ShelterCentre       *centre,
                                            const ShelterStamp  *stamp,
                                            GError             **error);

G_END_DECLS
