/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The follow-up after discharge (schema 0009-follow-up.sql): the planned and done
 * follow-ups of a stay, and the closing of its case. Who may read what is
 * app/shelter-follow-up.c's business: these functions return everything asked for. */

typedef struct
{
  gint64   id;
  gint64   version;
  gint64   stay_id;
  gint64   person_id;
  char    *case_code;
  char    *full_name;
  gboolean high_protection;
  char    *discharged_on;   /* the discharge's day (or the stay's end) */
  char    *due_on;
  char    *method;
  char    *assigned_to;
  char    *assigned_name;   /* the account's full name, NULL when none */
  char    *status;
  char    *done_on;
  char    *done_by;
  char    *situation;
  char    *living;
  char    *activity;
  char    *activity_note;
  char    *support;         /* comma-separated codes, or NULL */
  char    *next_step;
  char    *notes;
  char    *cancel_reason;
  gint64   audit_id;        /* alerts only: the audit entry that recorded it */
} ShelterFollowUpStoreRow;

void       shelter_follow_up_store_row_free (ShelterFollowUpStoreRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterFollowUpStoreRow, shelter_follow_up_store_row_free)

/* Inserts a follow-up from @row's stay_id, due_on, method, assigned_to, status and the
 * fields of a done one; its id or 0. */
gint64     shelter_follow_up_store_insert       (ShelterDb                      *db,
                                                 const ShelterFollowUpStoreRow  *row,
                                                 const ShelterStamp             *stamp,
                                                 GError                        **error);
/* Fills in the planned follow-up @row->id at @row->version as done (done_on ... notes);
 * SHELTER_DB_ERROR_STALE when it changed or is no longer planned. */
gboolean   shelter_follow_up_store_set_done     (ShelterDb                      *db,
                                                 const ShelterFollowUpStoreRow  *row,
                                                 const ShelterStamp             *stamp,
                                                 GError                        **error);
/* Changes a planned follow-up's day, method and staff member; STALE as above. */
gboolean   shelter_follow_up_store_reschedule   (ShelterDb           *db,
                                                 gint64               id,
                                                 gint64               version,
                                                 const char          *due_on,
                                                 const char          *method,
                                                 const char          *assigned_to,
                                                 const ShelterStamp  *stamp,
                                                 GError             **error);
/* Cancels the planned follow-ups of @stay_id with @reason; how many, or -1. */
gint64     shelter_follow_up_store_cancel_planned (ShelterDb           *db,
                                                   gint64               stay_id,
                                                   const char          *reason,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* One follow-up; NULL with SHELTER_DB_ERROR_NOT_FOUND when there is none. */
ShelterFollowUpStoreRow *shelter_follow_up_store_get (ShelterDb  *db,
                                                      gint64      id,
                                                      GError    **error);
/* The follow-ups of @stay_id by day (ShelterFollowUpStoreRow). */
GPtrArray *shelter_follow_up_store_list_for_stay (ShelterDb  *db,
                                                  gint64      stay_id,
                                                  GError    **error);
/* The planned follow-ups due on or before @until of cases not closed, by day. */
GPtrArray *shelter_follow_up_store_list_due     (ShelterDb   *db,
                                                 const char  *until,
                                                 GError     **error);
/* How many follow-ups of @stay_id have @status, or -1. */
gint64     shelter_follow_up_store_count        (ShelterDb   *db,
                                                 gint64       stay_id,
                                                 const char  *status,
                                                 GError     **error);

/* The at-risk and re-trafficked follow-ups whose recording's audit entry (action
 * @action, entity "follow_up") has an id above @after_id, oldest first (id, stay_id,
 * case_code, situation, audit_id). */
GPtrArray *shelter_follow_up_store_alerts_after (ShelterDb   *db,
                                                 const char  *action,
                                                 gint64       after_id,
                                                 GError     **error);
/* The greatest id of the audit trail (0 when empty). */
gboolean   shelter_follow_up_store_audit_last_id (ShelterDb  *db,
                                                  gint64     *last_id,
                                                  GError    **error);

typedef struct
{
  gint64   stay_id;
  char    *closed_on;
  char    *closed_by;
  gboolean early;
  char    *reason;
  char    *summary;
} ShelterCaseClosureStoreRow;

void       shelter_case_closure_store_row_free  (ShelterCaseClosureStoreRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterCaseClosureStoreRow, shelter_case_closure_store_row_free)

gboolean   shelter_case_closure_store_insert    (ShelterDb                         *db,
                                                 const ShelterCaseClosureStoreRow  *row,
                                                 const ShelterStamp                *stamp,
                                                 GError                           **error);
/* The closure of @stay_id, or NULL (without error when the case is open). */
ShelterCaseClosureStoreRow *shelter_case_closure_store_get (ShelterDb  *db,
                                                            gint64      stay_id,
                                                            GError    **error);

G_END_DECLS
