/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* Appends one entry to the append-only audit log, in the caller's transaction. @details
 * says what changed ("field: old -> new" lines, restricted values already masked). */
gboolean shelter_audit_store_append (ShelterDb           *db,
                                     const ShelterStamp  *stamp,
                                     const char          *action,
                                     const char          *entity,
                                     gint64               entity_id,
                                     const char          *details,
                                     GError             **error);

gint64   shelter_audit_store_count  (ShelterDb           *db,
                                     GError             **error);

G_END_DECLS
