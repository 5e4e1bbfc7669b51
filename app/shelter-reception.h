/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-intake.h"
#include "shelter-person.h"
#include "shelter-session.h"
#include "shelter-stay.h"

G_BEGIN_DECLS

/* The reception desk's use cases: receiving a person with the whole intake, the intake's
 * draft while the assistant is open, and the case file that must be complete within ten
 * working days. */

/* Whether the trafficking details (purposes, in the country or abroad, destination, how
 * they came back, identification) apply to a person of @person_type. */
gboolean       shelter_intake_applies_trafficking (const char      *person_type);

/* Checks an intake for a person of @person's type and @age_at_reception (years, -1 when
 * unknown), received on @received_on (YYYY-MM-DD). Cleans the text in place (NFC, trimmed;
 * notes keep their lines) and clears what does not apply (trafficking details for other
 * types, the destination of a trafficking in the country, consent details that the
 * status makes meaningless). The error is in SHELTER_FIELD_ERROR and names the field. */
gboolean       shelter_intake_validate            (ShelterIntake   *intake,
                                                   ShelterPerson   *person,
                                                   int              age_at_reception,
                                                   const char      *received_on,
                                                   GError         **error);

/* Sentences the assistant shows without refusing the save (a victim without an
 * identification status, a trafficking abroad without how they came back). */
GPtrArray     *shelter_intake_warnings            (ShelterIntake   *intake,
                                                   ShelterPerson   *person);

/* The use case "receive a person": everything shelter_admit_person() does, plus the intake
 * (with its record number "BBTN-YYYY-NNNN", sequential per year of reception and never
 * reused), its purposes and belongings, and the removal of the acting user's draft, in one
 * transaction. An accompanying minor must be linked to an adult staying at the centre.
 * On success @intake has its stay id and record number; on failure nothing is written and
 * @person and @intake are as they were. */
ShelterStay   *shelter_receive_person             (ShelterSession  *session,
                                                   ShelterPerson   *person,
                                                   ShelterIntake   *intake,
                                                   gint64           room_id,
                                                   const char      *admitted_at,
                                                   GError         **error);

/* The same, into a room that does not suit the person (another sex or age group, or a
 * small child apart from the parent): only a manager, with a written @override_reason that
 * the placement and the audit trail keep. A full room is refused all the same. */
ShelterStay   *shelter_receive_person_overriding  (ShelterSession  *session,
                                                   ShelterPerson   *person,
                                                   ShelterIntake   *intake,
                                                   gint64           room_id,
                                                   const char      *admitted_at,
                                                   const char      *override_reason,
                                                   GError         **error);

/* The intake of a stay, for the resident's page and the intake record (VIEW_RESIDENTS; for
 * a resident under high protection the same rule and audit entry as shelter_person_open()).
 * NULL without error when the stay was recorded without an intake. */
ShelterIntake *shelter_intake_open                (ShelterSession  *session,
                                                   gint64           stay_id,
                                                   GError         **error);

/* The person's newest stay, open or ended; NULL without error when there is none. */
ShelterStay   *shelter_stay_open_latest           (ShelterSession  *session,
                                                   gint64           person_id,
                                                   GError         **error);

/* Drafts. The assistant keeps what has been typed as an a{sv} of its own making; one draft
 * per staff member, replaced on each save, removed when the intake is saved or discarded.
 * shelter_intake_draft_load() returns NULL without error when there is none, and refuses
 * (and removes) a draft that another version of the program wrote or that is damaged. */
#define SHELTER_INTAKE_DRAFT_FORMAT 1

gboolean       shelter_intake_draft_save          (ShelterSession  *session,
                                                   GVariant        *fields,
                                                   GError         **error);
GVariant      *shelter_intake_draft_load          (ShelterSession  *session,
                                                   char           **saved_at,
                                                   GError         **error);
gboolean       shelter_intake_draft_discard       (ShelterSession  *session,
                                                   GError         **error);

/* The case file (hồ sơ) of a stay: the documents it needs, which have been received and
 * when, and the deadline. */
typedef struct
{
  char     *kind;          /* a code of shelter_enum_case_document */
  char     *received_on;   /* YYYY-MM-DD, or NULL when still missing */
  gboolean  required;      /* FALSE for the ID copy of a person without papers */
} ShelterCaseFileItem;

typedef struct
{
  gint64      stay_id;
  char       *reception_date;  /* YYYY-MM-DD */
  char       *deadline;        /* YYYY-MM-DD: the reception plus the working days */
  guint       working_days;    /* SHELTER_SETTING_CASE_FILE_WORKING_DAYS, 10 by default */
  GArray     *items;           /* of ShelterCaseFileItem, in the order of the enumeration */
  guint       n_missing;       /* required items not yet received */
} ShelterCaseFile;

ShelterCaseFile *shelter_case_file_get            (ShelterSession  *session,
                                                   gint64           stay_id,
                                                   GError         **error);
void             shelter_case_file_free           (ShelterCaseFile *file);
/* TRUE when documents are missing and @today (YYYY-MM-DD) is past the deadline. */
gboolean         shelter_case_file_is_overdue     (ShelterCaseFile *file,
                                                   const char      *today);
/* Records a document as received on @received_on (YYYY-MM-DD; NULL means today), not
 * before the reception nor in the future. ADMIT; audited. */
gboolean         shelter_case_file_mark_received  (ShelterSession  *session,
                                                   gint64           stay_id,
                                                   const char      *kind,
                                                   const char      *received_on,
                                                   GError         **error);
/* Takes back a mark made by mistake, keeping it voided in the history with @reason. */
gboolean         shelter_case_file_unmark         (ShelterSession  *session,
                                                   gint64           stay_id,
                                                   const char      *kind,
                                                   const char      *reason,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterCaseFile, shelter_case_file_free)

G_END_DECLS
