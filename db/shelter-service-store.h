/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The services given to residents (schema 0006-services.sql): the records with their
 * kind's fields, the entitlement matrix and its exceptions, and the restricted medical
 * facts. What may be read by whom is app/shelter-services.c's business: these functions
 * return everything they are asked for. */

typedef struct
{
  gint64      stay_id;
  const char *kind;
  const char *subkind;
  const char *support_type;
  const char *done_on;
  const char *staff_user;        /* NULL when only a provider */
  const char *provider;
  const char *description;
  const char *outcome;
  gint64      cost_dong;         /* -1 when there is no cost */
  const char *next_on;
  const char *confidential_note;
  gint64      exception_id;      /* 0 when inside the entitlements */
} ShelterServiceInsert;

typedef struct
{
  gint64      id;
  gint64      stay_id;
  gint64      person_id;
  char       *kind;
  char       *subkind;
  char       *support_type;
  char       *done_on;
  char       *staff_user;
  char       *staff_name;        /* the account's full name, when there is one */
  char       *provider;
  char       *description;
  char       *outcome;
  gint64      cost_dong;         /* -1 when none */
  char       *next_on;
  char       *confidential_note;
  gint64      exception_id;
  char       *voided_at;
  char       *void_reason;
  char       *created_by;
  gint64      version;
  /* The resident */
  char       *case_code;
  char       *full_name;         /* family middle given */
  gboolean    high_protection;
  /* name -> value, the kind's fields */
  GHashTable *details;
} ShelterServiceRow;

void     shelter_service_row_free        (ShelterServiceRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterServiceRow, shelter_service_row_free)

/* Inserts a service and its fields (@details: name -> value, may be NULL); its id or 0. */
gint64   shelter_service_store_insert    (ShelterDb                   *db,
                                          const ShelterServiceInsert  *service,
                                          GHashTable                  *details,
                                          const ShelterStamp          *stamp,
                                          GError                     **error);
/* One service, voided or not; NULL with SHELTER_DB_ERROR_NOT_FOUND when there is none. */
ShelterServiceRow *shelter_service_store_get (ShelterDb              *db,
                                              gint64                  id,
                                              GError                **error);
/* Voids a service not yet voided at @version; SHELTER_DB_ERROR_STALE when it changed. */
gboolean shelter_service_store_void      (ShelterDb                   *db,
                                          gint64                       id,
                                          gint64                       version,
                                          const char                  *reason,
                                          const ShelterStamp          *stamp,
                                          GError                     **error);

/* Every service of every stay of a person, voided ones included, newest first. */
GPtrArray *shelter_service_store_list_person (ShelterDb              *db,
                                              gint64                  person_id,
                                              GError                **error);

typedef struct
{
  const char *kind;       /* NULL: any */
  const char *staff_user; /* NULL: any */
  const char *from;       /* YYYY-MM-DD inclusive, NULL: any */
  const char *to;         /* YYYY-MM-DD inclusive, NULL: any */
  gint64      stay_id;    /* 0: any */
  const char *match;      /* an FTS5 query on the residents' search words, NULL: any */
  gboolean    match_protected; /* whether @match may find residents under high protection */
} ShelterServiceQuery;

/* Services not voided across the centre, newest first, @limit from @offset. */
GPtrArray *shelter_service_store_list    (ShelterDb                   *db,
                                          const ShelterServiceQuery   *query,
                                          guint                        offset,
                                          guint                        limit,
                                          GError                     **error);

/* For each stay not ended (or only @stay_id when not 0), its newest service of @kind done
 * on or before @on, if any: newest first. */
GPtrArray *shelter_service_store_newest_of_open_stays (ShelterDb   *db,
                                                       const char  *kind,
                                                       const char  *on,
                                                       gint64       stay_id,
                                                       GError     **error);

/* The support types allowed in the matrix on @on for a person of @person_type and
 * @nationality_status with trafficking @scope ("in_country" or "abroad"; rows for "any"
 * always count), as a NULL-terminated array of letters. */
GStrv    shelter_entitlement_store_allowed (ShelterDb              *db,
                                            const char             *person_type,
                                            const char             *nationality_status,
                                            const char             *scope,
                                            const char             *on,
                                            GError                **error);
/* The newest exception for @stay_id and @support_type, or 0 without error. */
gint64   shelter_entitlement_store_find_exception (ShelterDb       *db,
                                                   gint64           stay_id,
                                                   const char      *support_type,
                                                   GError         **error);
gint64   shelter_entitlement_store_add_exception  (ShelterDb       *db,
                                                   gint64           stay_id,
                                                   const char      *support_type,
                                                   const char      *reason,
                                                   const ShelterStamp *stamp,
                                                   GError         **error);

/* Restricted medical facts: the newest value of @field (NULL without error when none). */
char    *shelter_medical_restricted_store_get  (ShelterDb          *db,
                                                gint64              person_id,
                                                const char         *field,
                                                char              **recorded_on,
                                                GError            **error);
gint64   shelter_medical_restricted_store_add  (ShelterDb          *db,
                                                gint64              person_id,
                                                const char         *field,
                                                const char         *value,
                                                const char         *recorded_on,
                                                const char         *note,
                                                const ShelterStamp *stamp,
                                                GError            **error);

typedef struct
{
  gint64 stay_id;
  gint64 person_id;
  char   since[26];  /* the admission (ISO 8601) or the last check's day (YYYY-MM-DD) */
} ShelterHealthCheckDueRow;

/* Open stays admitted at or before @cutoff (ISO 8601) without an arrival health check;
 * @stay_id alone when it is not 0. */
GArray  *shelter_service_store_arrival_check_missing (ShelterDb   *db,
                                                      const char  *cutoff,
                                                      gint64       stay_id,
                                                      GError     **error);
/* Open stays whose last health check (arrival or periodic; the admission day when none)
 * was on or before @cutoff (YYYY-MM-DD); @stay_id alone when it is not 0. */
GArray  *shelter_service_store_periodic_check_due    (ShelterDb   *db,
                                                      const char  *cutoff,
                                                      gint64       stay_id,
                                                      GError     **error);

/* For the demo: the open stays with their person's type, nationality status, sex, birth
 * date and admission, in admission order. */
typedef struct
{
  gint64 stay_id;
  char   person_type[24];
  char   nationality_status[12];
  char   sex[8];
  char   birth_date[11];
  char   admitted_at[26];
  char   scope[12];        /* the intake's trafficking scope, "" when none */
} ShelterServiceDemoStay;

GArray  *shelter_service_store_open_stays (ShelterDb   *db,
                                           GError     **error);

G_END_DECLS
