/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_TODAY_PAGE (shelter_today_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterTodayPage, shelter_today_page, SHELTER, TODAY_PAGE, AdwBin)

/* The Today section (hôm nay), the first screen after sign-in: the day's date with buttons
 * for the common tasks (receive a person, search), who arrives, leaves or is due back from
 * an absence today, the reminders of the signed-in person's role grouped Overdue / Due
 * Today / Due This Week, and the beds of each group of rooms today. Each group says so when
 * there is nothing to do. Activating a reminder emits ::reminder-activated with the
 * person's id (0 for the centre) and the page it names (a resident's tab or a section);
 * activating an arrival, a departure or a return emits it with the resident's tab.
 * NULL empties the page. */
void shelter_today_page_set_session (ShelterTodayPage *self,
                                     ShelterSession   *session);
/* Reads everything again. */
void shelter_today_page_reload      (ShelterTodayPage *self);

G_END_DECLS
