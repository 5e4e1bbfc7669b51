/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-person.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PERSON_FORM (shelter_person_form_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPersonForm, shelter_person_form, SHELTER, PERSON_FORM, AdwBin)

/* The fields of a ShelterPerson as rows: names, sex, birth, person type, ethnicity,
 * nationality, papers, phone, permanent residence and (for those who may know who they
 * are) high protection. The pickers are filled from @session's reference data. The form
 * does not validate: app/ does, and show_error() points at the field it names.
 *
 * Signals: "changed" when the user edits any field; "identity-changed" when a name, the
 * birth or the ID number changed (what a similar-person search looks at); "activate" when
 * Enter is pressed in a text field. */
ShelterPersonForm *shelter_person_form_new              (ShelterSession     *session);

/* Fills the rows from @person, or empties them for NULL (a new person). Emits nothing. */
void           shelter_person_form_set_person          (ShelterPersonForm  *self,
                                                        ShelterPerson      *person);
/* A new person with the id, version and case code of the one set, and the values typed. */
ShelterPerson *shelter_person_form_get_person          (ShelterPersonForm  *self);
/* The version the next get_person() carries: after a stale save, the newer one, so that
 * saving again is a deliberate overwrite. */
void           shelter_person_form_set_base_version    (ShelterPersonForm  *self,
                                                        gint64              version);
/* Shows @error's message at the top; a SHELTER_FIELD_ERROR also marks its row and moves
 * the focus there. NULL hides the message and unmarks every row. */
void           shelter_person_form_show_error          (ShelterPersonForm  *self,
                                                        const GError       *error);
/* Whether @field is one of the form's (a field error for another goes elsewhere). */
gboolean       shelter_person_form_has_field           (ShelterPersonForm  *self,
                                                        int                 field);
/* The fields where @other differs from what is typed: pairs of strings (the field's title,
 * then @other's value as the form would show it), in form order. */
GPtrArray     *shelter_person_form_describe_differences (ShelterPersonForm *self,
                                                         ShelterPerson     *other);
/* Puts the focus in the first field. */
void           shelter_person_form_focus               (ShelterPersonForm  *self);
/* An editable form, or one that only shows the person set (a returning person). */
void           shelter_person_form_set_editable        (ShelterPersonForm  *self,
                                                        gboolean            editable);

G_END_DECLS
