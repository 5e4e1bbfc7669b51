/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The family of a person (schema 0008-family.sql): relatives with the centre's judgement,
 * contact attempts, the tracing of a child's family, the visits and who may not visit. What
 * may be read by whom, and what is refused, is app/shelter-family.c's business: these
 * functions return everything they are asked for. */

typedef struct
{
  gint64    id;
  gint64    person_id;
  char     *full_name;
  char     *relation;
  char     *phone;
  char     *address_scheme;
  char     *province_code;
  char     *commune_code;
  char     *address_detail;
  gboolean  may_contact;
  char     *safety;          /* safe, unsafe, unknown */
  gboolean  involved;        /* in the trafficking */
  char     *safety_reason;
  gint64    version;
} ShelterRelativeRow;

typedef struct
{
  gint64  id;
  gint64  stay_id;
  gint64  relative_id;
  char   *relative_name;     /* in lists */
  char   *relation;          /* in lists */
  char   *contacted_on;
  char   *method;
  char   *made_by;
  char   *result;
  char   *notes;
} ShelterContactRow;

typedef struct
{
  gint64  id;
  gint64  stay_id;
  char   *status;
  char   *opened_on;
  char   *agencies;
  char   *note;
  gint64  version;
} ShelterTracingRow;

typedef struct
{
  gint64  id;
  gint64  person_id;
  char   *visitor_name;
  gint64  relative_id;       /* 0 when only a name */
  char   *reason;
  char   *created_at;
} ShelterVisitBanRow;

typedef struct
{
  gint64    id;
  gint64    stay_id;
  char     *visitor_name;
  gint64    relative_id;     /* 0 when not a recorded relative */
  char     *visited_at;
  char     *approved_by;
  gboolean  refused;
  char     *refusal_reason;
  gint64    ban_id;          /* 0 when no ban was hit */
  char     *notes;
} ShelterVisitRow;

/* A stay staying now without a reached contact (shelter_family_store_no_contact). */
typedef struct
{
  gint64    stay_id;
  gint64    person_id;
  char     *case_code;
  char     *full_name;       /* family middle given */
  gboolean  high_protection;
  char     *admitted_on;
  char     *last_reached_on; /* NULL when never */
} ShelterNoContactRow;

void shelter_relative_row_free   (ShelterRelativeRow  *row);
void shelter_contact_row_free    (ShelterContactRow   *row);
void shelter_tracing_row_free    (ShelterTracingRow   *row);
void shelter_visit_ban_row_free  (ShelterVisitBanRow  *row);
void shelter_visit_row_free      (ShelterVisitRow     *row);
void shelter_no_contact_row_free (ShelterNoContactRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterRelativeRow, shelter_relative_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterContactRow, shelter_contact_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterTracingRow, shelter_tracing_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterVisitBanRow, shelter_visit_ban_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterVisitRow, shelter_visit_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterNoContactRow, shelter_no_contact_row_free)

/* Relatives. Insert returns the new id or 0; update is refused with SHELTER_DB_ERROR_STALE
 * when the row is no longer at @row->version. Get: NULL with SHELTER_DB_ERROR_NOT_FOUND. */
gint64              shelter_relative_store_insert (ShelterDb                 *db,
                                                   const ShelterRelativeRow  *row,
                                                   const ShelterStamp        *stamp,
                                                   GError                   **error);
gboolean            shelter_relative_store_update (ShelterDb                 *db,
                                                   const ShelterRelativeRow  *row,
                                                   const ShelterStamp        *stamp,
                                                   GError                   **error);
ShelterRelativeRow *shelter_relative_store_get    (ShelterDb                 *db,
                                                   gint64                     id,
                                                   GError                   **error);
/* The person's relatives in the order they were recorded. */
GPtrArray          *shelter_relative_store_list   (ShelterDb                 *db,
                                                   gint64                     person_id,
                                                   GError                   **error);

gint64     shelter_contact_store_insert (ShelterDb                *db,
                                         const ShelterContactRow  *row,
                                         const ShelterStamp       *stamp,
                                         GError                  **error);
/* The contacts of all the person's stays, newest first. */
GPtrArray *shelter_contact_store_list   (ShelterDb                *db,
                                         gint64                    person_id,
                                         GError                  **error);

gint64             shelter_tracing_store_insert       (ShelterDb                *db,
                                                       const ShelterTracingRow  *row,
                                                       const ShelterStamp       *stamp,
                                                       GError                  **error);
gboolean           shelter_tracing_store_update       (ShelterDb                *db,
                                                       const ShelterTracingRow  *row,
                                                       const ShelterStamp       *stamp,
                                                       GError                  **error);
/* NULL with SHELTER_DB_ERROR_NOT_FOUND when the stay has no tracing. */
ShelterTracingRow *shelter_tracing_store_get_for_stay (ShelterDb                *db,
                                                       gint64                    stay_id,
                                                       GError                  **error);

gint64     shelter_visit_ban_store_insert (ShelterDb                 *db,
                                           const ShelterVisitBanRow  *row,
                                           const ShelterStamp        *stamp,
                                           GError                   **error);
GPtrArray *shelter_visit_ban_store_list   (ShelterDb                 *db,
                                           gint64                     person_id,
                                           GError                   **error);

gint64     shelter_visit_store_insert (ShelterDb              *db,
                                       const ShelterVisitRow  *row,
                                       const ShelterStamp     *stamp,
                                       GError                **error);
/* The visits and refused attempts of all the person's stays, newest first. */
GPtrArray *shelter_visit_store_list   (ShelterDb              *db,
                                       gint64                  person_id,
                                       GError                **error);

/* Stays not discharged (nor voided) admitted before @cutoff (YYYY-MM-DD) with no reached
 * contact on or after @cutoff, leaving out those whose family tracing is open or in
 * progress; in admission order. @stay_id alone when it is not 0. */
GPtrArray *shelter_family_store_no_contact (ShelterDb   *db,
                                            const char  *cutoff,
                                            gint64       stay_id,
                                            GError     **error);

G_END_DECLS
