/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-person.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PERSON_DIALOG (shelter_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPersonDialog, shelter_person_dialog,
                      SHELTER, PERSON_DIALOG, AdwWindow)

/* Edits @person (as shelter_person_open() returned it) and saves it with
 * shelter_person_save(). Emits "saved" (ShelterPerson) and closes once saved; asks before
 * dropping unsaved changes. */
ShelterPersonDialog *shelter_person_dialog_new (ShelterSession *session,
                                                ShelterPerson  *person);

G_END_DECLS
