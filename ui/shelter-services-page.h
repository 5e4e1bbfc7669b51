/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_SERVICES_PAGE (shelter_services_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterServicesPage, shelter_services_page, SHELTER, SERVICES_PAGE, AdwBin)

/* The Services section: every service of the centre, newest first, a page of rows at a time,
 * filtered by kind, staff member, dates and resident. Activating a row emits
 * ::resident-activated with the person's id. NULL empties the page. */
void shelter_services_page_set_session (ShelterServicesPage *self,
                                        ShelterSession      *session);
/* Reads the list again with the filters as they are. */
void shelter_services_page_reload      (ShelterServicesPage *self);

G_END_DECLS
