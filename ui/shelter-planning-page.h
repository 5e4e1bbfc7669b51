/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PLANNING_PAGE (shelter_planning_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPlanningPage, shelter_planning_page, SHELTER, PLANNING_PAGE, AdwBin)

/* The weeks the planning page looks ahead. */
#define SHELTER_PLANNING_WEEKS 12

/* Shows the capacity forecast of @session's centre; NULL empties the page. */
void shelter_planning_page_set_session (ShelterPlanningPage *self,
                                        ShelterSession      *session);
/* Computes the forecast again. */
void shelter_planning_page_reload      (ShelterPlanningPage *self);

G_END_DECLS
