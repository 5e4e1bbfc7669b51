/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_PARTNERS_PAGE (shelter_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterPartnersPage, shelter_partners_page, SHELTER, PARTNERS_PAGE, AdwBin)

/* The directory of partner organisations (kind, name, designated contact person, phone,
 * e-mail, services, whether active), inactive ones included: everyone who may refer reads
 * it; managers and administrators (MANAGE_PARTNERS) add and edit. NULL empties the page. */
void shelter_partners_page_set_session (ShelterPartnersPage *self,
                                        ShelterSession      *session);
/* Reads the directory again. */
void shelter_partners_page_reload      (ShelterPartnersPage *self);

G_END_DECLS
