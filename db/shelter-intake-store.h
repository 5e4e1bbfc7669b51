/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-intake.h"

G_BEGIN_DECLS

/* Writes an intake with its purposes and belongings; its stay must exist. */
gboolean       shelter_intake_store_insert        (ShelterDb           *db,
                                                   ShelterIntake       *intake,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* The intake of a stay, or NULL without error when the stay has none (a record brought
 * in from elsewhere). */
ShelterIntake *shelter_intake_store_get           (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   GError             **error);

/* The case-file documents received for a stay: @kinds and @received_on (YYYY-MM-DD) get
 * one entry each, in the order of receipt. */
gboolean       shelter_case_document_store_list   (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   GPtrArray           *kinds,
                                                   GPtrArray           *received_on,
                                                   GError             **error);
/* Records a document as received; SHELTER_DB_ERROR_CONSTRAINT when it already is. */
gboolean       shelter_case_document_store_insert (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   const char          *kind,
                                                   const char          *received_on,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* Voids the current record of a document with @reason; FALSE without error when there is
 * none. */
gboolean       shelter_case_document_store_void   (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   const char          *kind,
                                                   const char          *reason,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);

/* The draft intake of @owner: replaces any earlier one. */
gboolean       shelter_intake_draft_store_put     (ShelterDb           *db,
                                                   const char          *owner,
                                                   int                  format,
                                                   const char          *saved_at,
                                                   const char          *payload,
                                                   GError             **error);
/* FALSE without error when @owner has no draft. */
gboolean       shelter_intake_draft_store_get     (ShelterDb           *db,
                                                   const char          *owner,
                                                   int                 *format,
                                                   char               **saved_at,
                                                   char               **payload,
                                                   GError             **error);
gboolean       shelter_intake_draft_store_delete  (ShelterDb           *db,
                                                   const char          *owner,
                                                   GError             **error);

G_END_DECLS
