/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_CONTACT_DIALOG (shelter_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterContactDialog, shelter_contact_dialog,
                      SHELTER, CONTACT_DIALOG, AdwWindow)

/* A modal dialog that records an attempt to contact a relative of the person @person_id
 * (the resident @name) during their stay @stay_id: which relative (@relative_id chosen
 * first when not 0), the day (today by default), how, who made it (the signed-in user by
 * default), the result and notes. Shows app/'s refusals, the refusal to contact a relative
 * involved in the trafficking or not to be contacted with its reason included, and emits
 * ::saved once it is recorded. */
ShelterContactDialog *shelter_contact_dialog_new (ShelterSession *session,
                                                  gint64          stay_id,
                                                  gint64          person_id,
                                                  const char     *name,
                                                  gint64          relative_id);

G_END_DECLS
