/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-family.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RELATIVE_DIALOG (shelter_relative_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRelativeDialog, shelter_relative_dialog,
                      SHELTER, RELATIVE_DIALOG, AdwWindow)

/* A modal dialog that adds a relative of the person @person_id (the resident @name), or
 * changes @relative (as app/ listed it) when not NULL: name, relation, phone, province and
 * commune, village or street, whether they may be contacted, the centre's judgement of
 * their safety with its reason, and whether they were involved in the trafficking. Shows
 * app/'s refusals on the field they name and emits ::saved once it is stored. */
ShelterRelativeDialog *shelter_relative_dialog_new (ShelterSession           *session,
                                                    gint64                    person_id,
                                                    const char               *name,
                                                    const ShelterRelativeRow *relative);

G_END_DECLS
