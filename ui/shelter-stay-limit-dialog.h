/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_STAY_LIMIT_DIALOG (shelter_stay_limit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterStayLimitDialog, shelter_stay_limit_dialog,
                      SHELTER, STAY_LIMIT_DIALOG, AdwWindow)

/* A modal dialog that records a new stay limit: its kind (@kind preselected, NULL for the
 * first), days, legal basis and the day it applies from (today to start with). Shows app/'s
 * refusals on the field they name and emits ::saved once the limit is recorded. */
ShelterStayLimitDialog *shelter_stay_limit_dialog_new (ShelterSession *session,
                                                       const char     *kind);

G_END_DECLS
