/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-enums.h"
#include "shelter-family-store.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Family contact (domain.md section 8): a resident's relatives with the centre's judgement
 * of their safety, every attempt to contact them, the tracing of the family of a child who
 * has none known, the visits to the centre and the people who may not visit.
 *
 * - Caseworkers and managers record (SHELTER_PERMISSION_RECORD_FAMILY); everyone who may
 *   view residents reads. The phone numbers and addresses of the relatives of a resident
 *   under high protection are left out (NULL) for sessions that may not see who the
 *   resident is (SHELTER_PERMISSION_VIEW_PROTECTED_IDENTITY); so are the resident's names
 *   in shelter_family_no_contact().
 * - A relative "involved in the trafficking" is unsafe and may not be contacted nor visit.
 *   Contacting them, or a relative who may not be contacted, is refused with the reason
 *   (SHELTER_APP_ERROR_CONTACT_FORBIDDEN) and nothing is written.
 * - A visit by someone on the no-visit list (by relative or by name, letter case and
 *   diacritics aside) or by an involved relative is refused (SHELTER_APP_ERROR_VISIT_REFUSED)
 *   and the attempt is written, in its own transaction after the refusal, with its reason.
 * - Each action is one transaction with its audit entry. Dates are YYYY-MM-DD, never in
 *   the future; a visit's time is ISO 8601 with offset. */

extern const ShelterEnum shelter_family_relation;       /* mother, father, husband, ... */
extern const ShelterEnum shelter_family_safety;         /* safe, unsafe, unknown */
extern const ShelterEnum shelter_family_contact_method; /* phone, visit, letter, commune, police */
/* reached, no_answer, refused, wrong_number */
extern const ShelterEnum shelter_family_contact_result;
extern const ShelterEnum shelter_family_tracing_status; /* open, in_progress, found, ... */

/* Days without a reached contact after which a stay is flagged (and the least length of
 * stay for the flag). */
#define SHELTER_FAMILY_NO_CONTACT_DAYS 30

typedef struct
{
  gint64      id;             /* 0: a new relative */
  gint64      version;        /* the version read, when changing one */
  gint64      person_id;
  const char *full_name;
  const char *relation;
  const char *phone;          /* NULL or empty: none */
  const char *province_code;  /* today's scheme (SHELTER_ADDRESS_SCHEME); NULL: unknown */
  const char *commune_code;
  const char *address_detail; /* village, street */
  gboolean    may_contact;
  const char *safety;
  gboolean    involved;       /* in the trafficking: forces unsafe and no contact */
  const char *safety_reason;  /* required when unsafe or involved, or not to be contacted */
} ShelterRelativeInput;

typedef struct
{
  gint64      stay_id;
  gint64      relative_id;
  const char *contacted_on;
  const char *method;
  const char *made_by;        /* who made it: a staff member, the commune officer... */
  const char *result;
  const char *notes;
} ShelterContactInput;

typedef struct
{
  gint64      stay_id;
  gint64      relative_id;    /* 0 when the visitor is not a recorded relative */
  const char *visitor_name;   /* may be NULL for a relative: their name is used */
  const char *visited_at;     /* ISO 8601 with offset */
  const char *approved_by;    /* who let the visit happen; required */
  const char *notes;
} ShelterVisitInput;

/* Adds (id 0) or changes a relative; returns its id, or 0. */
gint64     shelter_family_save_relative   (ShelterSession              *session,
                                           const ShelterRelativeInput  *input,
                                           GError                     **error);
/* ShelterRelativeRow of the person, masked as said above. */
GPtrArray *shelter_family_list_relatives  (ShelterSession              *session,
                                           gint64                       person_id,
                                           GError                     **error);

gint64     shelter_family_record_contact  (ShelterSession              *session,
                                           const ShelterContactInput   *input,
                                           GError                     **error);
/* ShelterContactRow of all the person's stays, newest first. */
GPtrArray *shelter_family_list_contacts   (ShelterSession              *session,
                                           gint64                       person_id,
                                           GError                     **error);

/* Opens the tracing of the family of the child of @stay_id (under 18 on the day; one per
 * stay); @agencies: who is asked (commune, police, ...). Returns its id, or 0. */
gint64     shelter_family_open_tracing    (ShelterSession              *session,
                                           gint64                       stay_id,
                                           const char                  *agencies,
                                           const char                  *note,
                                           GError                     **error);
/* Moves the tracing read at @version to @status with the agencies and note now. */
gboolean   shelter_family_update_tracing  (ShelterSession              *session,
                                           gint64                       stay_id,
                                           gint64                       version,
                                           const char                  *status,
                                           const char                  *agencies,
                                           const char                  *note,
                                           GError                     **error);
/* The tracing of the stay; NULL without error when there is none. */
ShelterTracingRow *shelter_family_get_tracing (ShelterSession          *session,
                                               gint64                   stay_id,
                                               GError                 **error);

/* Puts someone (a recorded relative of the person, or a name) on the no-visit list. */
gint64     shelter_family_add_visit_ban   (ShelterSession              *session,
                                           gint64                       person_id,
                                           gint64                       relative_id,
                                           const char                  *visitor_name,
                                           const char                  *reason,
                                           GError                     **error);
/* ShelterVisitBanRow of the person. */
GPtrArray *shelter_family_list_visit_bans (ShelterSession              *session,
                                           gint64                       person_id,
                                           GError                     **error);

/* Records a visit; a refused one returns 0 with SHELTER_APP_ERROR_VISIT_REFUSED, the attempt
 * written (its id in *@refused_id when not NULL). */
gint64     shelter_family_record_visit    (ShelterSession              *session,
                                           const ShelterVisitInput     *input,
                                           gint64                      *refused_id,
                                           GError                     **error);
/* ShelterVisitRow of all the person's stays, refused attempts included, newest first. */
GPtrArray *shelter_family_list_visits     (ShelterSession              *session,
                                           gint64                       person_id,
                                           GError                     **error);

/* The stays to remind about (ShelterNoContactRow), on the session's today: staying now,
 * admitted more than SHELTER_FAMILY_NO_CONTACT_DAYS days ago, with no reached contact in
 * the last SHELTER_FAMILY_NO_CONTACT_DAYS days (a contact exactly that many days ago still
 * counts). Children whose family tracing is open or in progress are left out: they have no
 * family to contact, and the tracing is followed instead; once the family is found they are
 * flagged like anyone else. Names masked as said above. */
GPtrArray *shelter_family_no_contact      (ShelterSession              *session,
                                           GError                     **error);
/* The same for one stay: its row when it is flagged, else NULL (without error). */
ShelterNoContactRow *shelter_family_no_contact_for_stay (ShelterSession  *session,
                                                         gint64           stay_id,
                                                         GError         **error);

gboolean   _shelter_demo_family_write     (ShelterSession              *session,
                                           GError                     **error);

G_END_DECLS
