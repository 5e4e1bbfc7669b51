/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-enums.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Services given to residents: one record model for every kind (medical, psychological,
 * legal, schooling, vocational, interpretation, travel), each kind with its subkinds and
 * their own fields, checked against the entitlements of the person (the table
 * "entitlement", by person type, nationality status and, for a person being identified,
 * whether the trafficking was in the country or abroad).
 *
 * Decisions where the issue is silent:
 * - Who records what: medical services, medical staff; psychological services, counsellors;
 *   legal, schooling, vocational, interpretation and travel, caseworkers and managers. The
 *   staff member named on a record must have a role that may record its kind, too. Nobody
 *   else records (an administrator keeps the system, not case files); shelterctl's operator
 *   may record anything (the demo centre). Voiding follows the same rule.
 * - Who reads what: everyone who sees residents sees every service's date, kind, who, what
 *   was done, outcome, cost and next date, so that the care is coordinated. The confidential
 *   note of a psychological service is returned to counsellors only (each read audited as
 *   view_restricted); HIV status and pregnancy are kept apart from services and read by
 *   medical staff only (audited), never on a list.
 * - "In the country or abroad" is the intake's trafficking scope ("domestic" or "abroad").
 *   Where the intake does not say, a person being identified gets only the supports allowed
 *   both in the country and abroad (a to d), and the refusal says that the scope is not
 *   recorded.
 * - A person type outside the Law (other protected people) has its rows in the table too
 *   (the centre's social protection regime: a to k), so that no person goes unchecked.
 * - A resident under high protection: the service lists give the case code only to staff
 *   who may not know who they are, and a name search does not find them for those staff.
 *
 * Support types are the letters of the law's article: a, b, c, d, đ (stored "dd"), e, g, h,
 * i, k. */

typedef enum
{
  SHELTER_SERVICE_FIELD_TEXT,
  SHELTER_SERVICE_FIELD_DATE,    /* YYYY-MM-DD */
  SHELTER_SERVICE_FIELD_MONEY,   /* whole đồng, digits only */
  SHELTER_SERVICE_FIELD_CHOICE,  /* a code of @choices */
} ShelterServiceFieldType;

/* A field of a subkind, kept in the record's details under @name. */
typedef struct
{
  const char              *name;
  const char              *label;     /* untranslated; use _() */
  ShelterServiceFieldType  type;
  gboolean                 required;
  const ShelterEnum       *choices;
} ShelterServiceField;

typedef struct
{
  const char                *code;
  const char                *label;        /* untranslated */
  const char                *support_type; /* "a" ... "k", "dd" for đ */
  const ShelterServiceField *fields;       /* ends with a NULL name */
} ShelterServiceSubkind;

typedef struct
{
  const char                  *code;
  const char                  *label;      /* untranslated */
  const char                  *icon_name;
  const ShelterServiceSubkind *subkinds;   /* ends with a NULL code */
} ShelterServiceKind;

/* The kinds in the order forms offer them, ending with a NULL code. */
const ShelterServiceKind    *shelter_service_kinds          (void);
const ShelterServiceKind    *shelter_service_kind_find      (const char *kind);
const ShelterServiceSubkind *shelter_service_subkind_find   (const char *kind,
                                                             const char *subkind);
/* The translated label of a kind or subkind, the code itself when unknown. */
const char  *shelter_service_kind_label    (const char *kind);
const char  *shelter_service_subkind_label (const char *kind,
                                            const char *subkind);
/* "đ" for "dd", the letter otherwise. */
const char  *shelter_support_type_letter   (const char *support_type);
/* "Legal aid", translated. */
const char  *shelter_support_type_label    (const char *support_type);
/* Whether a role may record a kind; whether this session may (the operator may all). */
gboolean     shelter_services_role_may_record (const char     *role,
                                               const char     *kind);
gboolean     shelter_services_may_record      (ShelterSession *session,
                                               const char     *kind);

/* What a form sends. @cost_dong is -1 when there is no cost; @details maps the subkind's
 * field names to the text typed (may be NULL). */
typedef struct
{
  gint64      stay_id;
  const char *kind;
  const char *subkind;
  const char *done_on;            /* YYYY-MM-DD */
  const char *staff_user;         /* an account's user name, or NULL with a provider */
  const char *provider;           /* an outside provider (hospital, school, lawyer...) */
  const char *description;        /* what was done */
  const char *outcome;
  gint64      cost_dong;
  const char *next_on;            /* YYYY-MM-DD or NULL */
  const char *confidential_note;  /* psychological services only */
  GHashTable *details;
} ShelterServiceRecord;

/* Records a service in one transaction with its audit entry; its id, or 0. Refused:
 * without the role for its kind (SHELTER_APP_ERROR_PERMISSION_DENIED); a date before the
 * admission, after the discharge or after today, a negative cost, a next date before the
 * service, a staff member whose role may not record the kind, a missing or invalid field
 * of the subkind (SHELTER_FIELD_ERROR naming the field); a support type outside the
 * person's entitlements on that day without a manager's exception for the stay
 * (SHELTER_APP_ERROR_NOT_ENTITLED, saying what the person is entitled to). */
gint64   shelter_services_record        (ShelterSession              *session,
                                         const ShelterServiceRecord  *record,
                                         GError                     **error);
/* Voids a service with a written reason (the roles that may record its kind). */
gboolean shelter_services_void          (ShelterSession  *session,
                                         gint64           service_id,
                                         const char      *reason,
                                         GError         **error);
/* A manager's exception: the stay may receive @support_type although outside the
 * entitlements, for the written @reason. Audited. Its id, or 0. */
gint64   shelter_services_add_exception (ShelterSession  *session,
                                         gint64           stay_id,
                                         const char      *support_type,
                                         const char      *reason,
                                         GError         **error);
/* The support types (letters as stored) @stay_id is entitled to on @on, NULL-terminated;
 * @who gets the translated description of the person ("a person being identified abroad"). */
GStrv    shelter_services_entitlements  (ShelterSession  *session,
                                         gint64           stay_id,
                                         const char      *on,
                                         char           **who,
                                         GError         **error);

/* One service as a list shows it. */
#define SHELTER_TYPE_SERVICE_ENTRY (shelter_service_entry_get_type ())
G_DECLARE_FINAL_TYPE (ShelterServiceEntry, shelter_service_entry, SHELTER, SERVICE_ENTRY, GObject)

gint64       shelter_service_entry_get_id            (ShelterServiceEntry *self);
gint64       shelter_service_entry_get_stay_id       (ShelterServiceEntry *self);
gint64       shelter_service_entry_get_person_id     (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_case_code     (ShelterServiceEntry *self);
/* The resident's name, or NULL when the session may not know who they are. */
const char  *shelter_service_entry_get_resident_name (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_kind          (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_subkind       (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_support_type  (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_done_on       (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_staff_user    (ShelterServiceEntry *self);
/* The staff member's full name (the user name when the account is gone), or NULL. */
const char  *shelter_service_entry_get_staff_name    (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_provider      (ShelterServiceEntry *self);
/* "Lê Thị Hoa", "Bệnh viện Đa khoa tỉnh", or both joined with " · ". */
char        *shelter_service_entry_dup_who           (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_description   (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_outcome       (ShelterServiceEntry *self);
gint64       shelter_service_entry_get_cost_dong     (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_next_on       (ShelterServiceEntry *self);
/* NULL unless the session is a counsellor's (and the note exists). */
const char  *shelter_service_entry_get_confidential_note (ShelterServiceEntry *self);
/* The value of a field of the subkind, or NULL. */
const char  *shelter_service_entry_get_detail        (ShelterServiceEntry *self,
                                                      const char          *name);
/* "School: Trường THCS Tân Phong; Grade: 7; From: 05/09/2026", translated, or NULL. */
char        *shelter_service_entry_dup_details_text  (ShelterServiceEntry *self);
gboolean     shelter_service_entry_get_has_exception (ShelterServiceEntry *self);
gboolean     shelter_service_entry_get_voided        (ShelterServiceEntry *self);
const char  *shelter_service_entry_get_void_reason   (ShelterServiceEntry *self);

/* Every service of a person's stays, newest first, voided ones included (VIEW_RESIDENTS). */
GPtrArray   *shelter_services_list_person  (ShelterSession  *session,
                                            gint64           person_id,
                                            GError         **error);

typedef struct
{
  const char *kind;        /* NULL: all kinds */
  const char *staff_user;  /* NULL: everyone */
  const char *from;        /* YYYY-MM-DD, NULL: from the first */
  const char *to;          /* YYYY-MM-DD, NULL: to the last */
  gint64      stay_id;     /* 0: every stay */
  const char *resident;    /* words of a name, case code, ID or phone; NULL: everyone */
} ShelterServiceFilter;

/* The services of the centre, not voided, newest first: @limit of them from @offset
 * (VIEW_RESIDENTS). A date that is not one is refused with the field named. */
GPtrArray   *shelter_services_list         (ShelterSession              *session,
                                            const ShelterServiceFilter  *filter,
                                            guint                        offset,
                                            guint                        limit,
                                            GError                     **error);

/* Stays the medical staff should see to, for the reminders: no health check recorded
 * although admitted more than the setting "health_check_arrival_hours" ago (24 by default),
 * or the last health check (or the admission when none) 6 months ago or more. */
typedef enum
{
  SHELTER_HEALTH_CHECK_ARRIVAL,
  SHELTER_HEALTH_CHECK_PERIODIC,
} ShelterHealthCheckFlagKind;

typedef struct
{
  ShelterHealthCheckFlagKind kind;
  gint64                     stay_id;
  gint64                     person_id;
  char                       since[26]; /* admission (ISO 8601) or last check (YYYY-MM-DD) */
} ShelterHealthCheckFlag;

GArray      *shelter_services_health_check_flags (ShelterSession  *session,
                                                  GError         **error);
/* The flags of one stay only (none for a stay ended or unknown), for the resident's page
 * (VIEW_RESIDENTS). */
GArray      *shelter_services_health_check_flags_for_stay (ShelterSession  *session,
                                                           gint64           stay_id,
                                                           GError         **error);

/* HIV status and pregnancy, medical staff only, each read and write audited. */
#define SHELTER_RESTRICTED_HIV_STATUS "hiv_status"
#define SHELTER_RESTRICTED_PREGNANCY  "pregnancy"
/* The values a field takes (not_tested, negative, positive, declined; not_pregnant,
 * pregnant, unknown). */
const ShelterEnum *shelter_services_restricted_values (const char *field);
gboolean     shelter_services_set_restricted (ShelterSession  *session,
                                              gint64           person_id,
                                              const char      *field,
                                              const char      *value,
                                              const char      *recorded_on,
                                              GError         **error);
/* The newest value, or NULL without error when none is recorded. */
char        *shelter_services_get_restricted (ShelterSession  *session,
                                              gint64           person_id,
                                              const char      *field,
                                              GError         **error);
/* The same, with the day it was found (YYYY-MM-DD) in @recorded_on (NULL when none is
 * recorded); the read is audited as with shelter_services_get_restricted(). */
char        *shelter_services_get_restricted_dated (ShelterSession  *session,
                                                    gint64           person_id,
                                                    const char      *field,
                                                    char           **recorded_on,
                                                    GError         **error);

/* The demo centre's services (app/shelter-demo-services.c). */
gboolean     _shelter_demo_services_write    (ShelterSession  *session,
                                              GError         **error);

G_END_DECLS
