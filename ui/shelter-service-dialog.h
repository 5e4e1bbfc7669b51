/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_SERVICE_DIALOG (shelter_service_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterServiceDialog, shelter_service_dialog, SHELTER, SERVICE_DIALOG,
                      AdwWindow)

/* A modal dialog that records a service given during the stay @stay_id of the resident
 * @name: the kind and what exactly (only the kinds the session's role may record), the
 * common fields (date, staff member or outside provider, what was done, outcome, cost, next
 * date), the confidential note of a counselling session, then the fields of the chosen
 * service. Shows app/'s refusals on the field they name; a refusal of the entitlements is
 * explained, with "Record an Exception…" for a manager. Emits ::saved once recorded. */
ShelterServiceDialog *shelter_service_dialog_new (ShelterSession *session,
                                                  gint64          stay_id,
                                                  const char     *name);

G_END_DECLS
