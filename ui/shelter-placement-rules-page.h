/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PLACEMENT_RULES_PAGE (shelter_placement_rules_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPlacementRulesPage, shelter_placement_rules_page,
                      SHELTER, PLACEMENT_RULES_PAGE, AdwBin)

/* The placement rules the centre configures: the age groups of rooms and the stay limits
 * (managers and administrators), the bedroom area per resident, the age under which a child
 * stays with the parent and the staff counts (administrators). Anyone else reads them.
 * NULL empties the page. */
void shelter_placement_rules_page_set_session (ShelterPlacementRulesPage *self,
                                               ShelterSession            *session);
/* Reads the rules again (also done each time the page is shown). */
void shelter_placement_rules_page_reload      (ShelterPlacementRulesPage *self);

G_END_DECLS
