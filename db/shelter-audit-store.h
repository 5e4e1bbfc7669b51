/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* One row of the audit log as stored. */
typedef struct
{
  gint64  id;
  char   *at;
  char   *actor;
  char   *action;
  char   *entity;
  gint64  entity_id;
  char   *details;
  char   *hash;
} ShelterAuditRow;

void     shelter_audit_row_clear        (ShelterAuditRow     *row);

/* Appends one entry to the append-only audit log, in the caller's transaction. @details says
 * what changed ("field: old -> new" lines, restricted values already masked); @hash chains
 * it to the entry before (computed in app/). */
gboolean shelter_audit_store_append     (ShelterDb           *db,
                                         const ShelterStamp  *stamp,
                                         const char          *action,
                                         const char          *entity,
                                         gint64               entity_id,
                                         const char          *details,
                                         const char          *hash,
                                         GError             **error);

/* The hash of the newest entry, "" when there is none or it has none. */
char    *shelter_audit_store_last_hash  (ShelterDb           *db,
                                         GError             **error);

/* When the newest entry was written (its "at"), "" when there is none. */
char    *shelter_audit_store_last_at    (ShelterDb           *db,
                                         GError             **error);

gint64   shelter_audit_store_count      (ShelterDb           *db,
                                         GError             **error);

/* Ids of the entries matching every given criterion (NULL = any), newest first. @case_code
 * selects the entries about that person and their stays; dates are inclusive YYYY-MM-DD. */
GArray  *shelter_audit_store_ids        (ShelterDb           *db,
                                         const char          *actor,
                                         const char          *action,
                                         const char          *case_code,
                                         const char          *from_date,
                                         const char          *to_date,
                                         GError             **error);

gboolean shelter_audit_store_get        (ShelterDb           *db,
                                         gint64               id,
                                         ShelterAuditRow     *row,
                                         GError             **error);

/* Calls @func for every entry in order of writing; stops when it returns FALSE. */
typedef gboolean (*ShelterAuditRowFunc) (const ShelterAuditRow *row,
                                         gpointer               user_data);
gboolean shelter_audit_store_foreach    (ShelterDb           *db,
                                         ShelterAuditRowFunc  func,
                                         gpointer             user_data,
                                         GError             **error);

G_END_DECLS
