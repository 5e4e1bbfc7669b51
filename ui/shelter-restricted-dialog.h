/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RESTRICTED_DIALOG (shelter_restricted_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRestrictedDialog, shelter_restricted_dialog, SHELTER,
                      RESTRICTED_DIALOG, AdwWindow)

/* A modal dialog for medical staff that records HIV status or pregnancy of the person
 * @person_id (the resident @name): the field (@field, SHELTER_RESTRICTED_HIV_STATUS or
 * SHELTER_RESTRICTED_PREGNANCY, selected at first), its value from the options app/ allows
 * (@current_value selected at first, may be NULL) and the day it was found (today by
 * default, dd/mm/yyyy). Shows app/'s refusals on the field they name and emits ::saved
 * once recorded. */
ShelterRestrictedDialog *shelter_restricted_dialog_new (ShelterSession *session,
                                                        gint64          person_id,
                                                        const char     *name,
                                                        const char     *field,
                                                        const char     *current_value);

G_END_DECLS
