/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-session.h"

G_BEGIN_DECLS

/* Appends an entry to the audit trail inside the caller's transaction, chained to the one
 * before by its hash. @details lists what changed, one "field: old -> new" a line, with
 * restricted values already masked (see shelter_audit_mask()). */
gboolean    shelter_audit_record        (ShelterSession      *session,
                                         const char          *at,
                                         const char          *action,
                                         const char          *entity,
                                         gint64               entity_id,
                                         const char          *details,
                                         GError             **error);

/* The same for callers without a session (a failed sign-in): @actor is recorded as is. */
gboolean    shelter_audit_record_as     (ShelterDb           *db,
                                         const char          *actor,
                                         const char          *at,
                                         const char          *action,
                                         const char          *entity,
                                         gint64               entity_id,
                                         const char          *details,
                                         GError             **error);

/* Appends "field: old -> new\n" to @details when the values differ; a restricted field
 * shows "(hidden)" instead of its values. */
void        shelter_audit_note_change   (GString             *details,
                                         const char          *field,
                                         const char          *old_value,
                                         const char          *new_value,
                                         gboolean             restricted);

/* Walks the whole chain. @n_entries gets how many entries there are; @first_broken the id
 * of the first entry whose hash does not match (0 when the chain is whole). */
gboolean    shelter_audit_verify_chain  (ShelterDb           *db,
                                         gint64              *n_entries,
                                         gint64              *first_broken,
                                         GError             **error);

/* One entry of the trail, for the Administration view and the export. */
#define SHELTER_TYPE_AUDIT_ENTRY (shelter_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAuditEntry, shelter_audit_entry, SHELTER, AUDIT_ENTRY, GObject)

gint64      shelter_audit_entry_get_id         (ShelterAuditEntry *self);
const char *shelter_audit_entry_get_at         (ShelterAuditEntry *self);
const char *shelter_audit_entry_get_actor      (ShelterAuditEntry *self);
const char *shelter_audit_entry_get_action     (ShelterAuditEntry *self);
/* The action in the user's words ("Sign-in failed", "Admission", ...). */
const char *shelter_audit_entry_get_action_label (ShelterAuditEntry *self);
const char *shelter_audit_entry_get_entity     (ShelterAuditEntry *self);
gint64      shelter_audit_entry_get_entity_id  (ShelterAuditEntry *self);
const char *shelter_audit_entry_get_details    (ShelterAuditEntry *self);
/* The record in the user's words: "Stay #300", "Staff account #2", "Backup". */
char       *shelter_audit_entry_dup_record     (ShelterAuditEntry *self);

/* What the view shows: every field optional (NULL/0 = any). Dates are "YYYY-MM-DD",
 * inclusive. @person is a case code: the entries about that person's records. */
typedef struct
{
  char *actor;
  char *action;
  char *person;
  char *from_date;
  char *to_date;
} ShelterAuditFilter;

/* The actions that exist, as codes, for a filter drop-down (NULL-terminated, static). */
const char * const *shelter_audit_actions      (void);
const char         *shelter_audit_action_label (const char *action);

/* A GListModel of ShelterAuditEntry, newest first, loaded lazily so that a million entries
 * page without delay. Managers and administrators only. */
#define SHELTER_TYPE_AUDIT_MODEL (shelter_audit_model_get_type ())
G_DECLARE_FINAL_TYPE (ShelterAuditModel, shelter_audit_model, SHELTER, AUDIT_MODEL, GObject)

ShelterAuditModel *shelter_audit_model_new         (ShelterSession           *session);
gboolean           shelter_audit_model_set_filter  (ShelterAuditModel        *self,
                                                    const ShelterAuditFilter *filter,
                                                    GError                  **error);
/* Writes the entries of the current filter as CSV (UTF-8 with BOM, for Excel) and audits the
 * export. */
gboolean           shelter_audit_model_export_csv  (ShelterAuditModel        *self,
                                                    const char               *path,
                                                    GError                  **error);

G_END_DECLS
