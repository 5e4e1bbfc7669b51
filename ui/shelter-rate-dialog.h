/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RATE_DIALOG (shelter_rate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRateDialog, shelter_rate_dialog, SHELTER, RATE_DIALOG, AdwWindow)

/* A modal dialog that records a rate of the centre's province: what for (meals a day or the
 * clothing kit), the amount in đồng, the legal basis and the days it applies. The rate in
 * force before it ends the day before. Shows app/'s refusals on the field they name and
 * emits ::saved once recorded. */
ShelterRateDialog *shelter_rate_dialog_new (ShelterSession *session);

G_END_DECLS
