/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_HOLIDAYS_PAGE (shelter_holidays_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterHolidaysPage, shelter_holidays_page,
                      SHELTER, HOLIDAYS_PAGE, AdwBin)

/* The public holidays that working-day deadlines skip, a year at a time: anyone may read
 * them, an administrator adds and removes them. A new session starts on the current year.
 * NULL empties the page. */
void shelter_holidays_page_set_session (ShelterHolidaysPage *self,
                                        ShelterSession      *session);
/* Reads the year's holidays again. */
void shelter_holidays_page_reload      (ShelterHolidaysPage *self);

G_END_DECLS
