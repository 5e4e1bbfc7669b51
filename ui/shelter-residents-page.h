/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RESIDENTS_PAGE (shelter_residents_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterResidentsPage, shelter_residents_page,
                      SHELTER, RESIDENTS_PAGE, AdwBin)

/* Lists the residents of @session's database; NULL empties the page. Emits
 * "resident-activated" (gint64 person id) when a row is activated. */
void     shelter_residents_page_set_session     (ShelterResidentsPage *self,
                                                 ShelterSession       *session);
/* Reads the list again (after a resident was received or edited). */
void     shelter_residents_page_reload          (ShelterResidentsPage *self);
gboolean shelter_residents_page_get_search_mode (ShelterResidentsPage *self);
void     shelter_residents_page_set_search_mode (ShelterResidentsPage *self,
                                                 gboolean              search_mode);
/* Opens the search bar and puts the keyboard focus in it. */
void     shelter_residents_page_focus_search    (ShelterResidentsPage *self);

G_END_DECLS
