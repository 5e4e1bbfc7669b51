/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RATES_PAGE (shelter_rates_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterRatesPage, shelter_rates_page, SHELTER, RATES_PAGE, AdwBin)

/* The rates the province pays (meals a day, the clothing kit), with their legal basis and
 * the days they apply, newest first: anyone signed in may read them, administrators and
 * managers add them. NULL empties the page. */
void shelter_rates_page_set_session (ShelterRatesPage *self,
                                     ShelterSession   *session);
/* Reads the rates again. */
void shelter_rates_page_reload      (ShelterRatesPage *self);

G_END_DECLS
