/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_KITCHEN_PAGE (shelter_kitchen_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterKitchenPage, shelter_kitchen_page, SHELTER, KITCHEN_PAGE, AdwBin)

/* The Meals section: the kitchen sheet of a day (today at first; any day typed as
 * dd/mm/yyyy): portions by meal and diet, the special diets and allergies, printed or saved
 * as PDF. Everyone signed in sees it. NULL empties the page. */
void shelter_kitchen_page_set_session (ShelterKitchenPage *self,
                                       ShelterSession     *session);
/* Reads the sheet of the day shown again. */
void shelter_kitchen_page_reload      (ShelterKitchenPage *self);

G_END_DECLS
