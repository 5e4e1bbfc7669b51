/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_AUDIT_PAGE (shelter_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAuditPage, shelter_audit_page, SHELTER, AUDIT_PAGE, AdwBin)

/* The audit log, newest first, with filters (staff, action, person, dates) and an export to
 * CSV. NULL empties the page and its filters. */
void shelter_audit_page_set_session (ShelterAuditPage *self,
                                     ShelterSession   *session);
/* Reads the entries again with the same filters. */
void shelter_audit_page_reload      (ShelterAuditPage *self);

G_END_DECLS
