/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RESIDENT_PAGE (shelter_resident_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterResidentPage, shelter_resident_page,
                      SHELTER, RESIDENT_PAGE, AdwBin)

/* One resident's record: a header with who they are and what needs attention (an absence,
 * case file overdue, consent to ask again, interpreter, high protection), then tabs:
 * Overview (the person and their intake), Stay and Room (the room, moves, absences, then the
 * discharge with its papers and the follow-up after it) and
 * Case File. "Edit…" for those who may admit, and the intake record to print or save as
 * PDF. Emits "changed" after the record was saved, so that lists showing it reload. */
void     shelter_resident_page_set_session (ShelterResidentPage  *self,
                                            ShelterSession       *session);
/* Shows the person @person_id; FALSE (and @error) when they cannot be read. */
gboolean shelter_resident_page_show_person (ShelterResidentPage  *self,
                                            gint64                person_id,
                                            GError              **error);
/* The name shown (masked for a protected resident), or NULL before a person is shown. */
const char *shelter_resident_page_get_title (ShelterResidentPage *self);

/* The tabs, for a view switcher in the window's header bar. */
AdwViewStack *shelter_resident_page_get_stack           (ShelterResidentPage *self);
/* Shows the tabs at the bottom of the page instead, when the header bar is too narrow. */
void          shelter_resident_page_set_bottom_switcher (ShelterResidentPage *self,
                                                         gboolean             reveal);

G_END_DECLS
