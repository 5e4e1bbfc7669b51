/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-enums.h"
#include "shelter-safety-store.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Safety protection (bảo vệ an toàn) of a resident: the risk level with its reasons and
 * protective measures, reviewed by a date (every assessment kept; the newest is the
 * current one); the incidents; and each time the centre informed the police or the border
 * guard.
 *
 * Decisions where the issue is silent:
 * - Who records: caseworkers and managers (SHELTER_PERMISSION_RECORD_SAFETY); shelterctl's
 *   operator too (the demo centre).
 * - Who reads: everyone who sees residents reads the risk level, the measures (the staff on
 *   duty apply them: no visits, an escort outside) and the review date. For a resident
 *   under high protection, the reasons of an assessment, what happened in an incident and
 *   who was involved, and the officer, reference and note of a report to the police are
 *   withheld from those who may not see who the resident is (the row says withheld); each
 *   time they are shown to someone who may, the view is audited (view_restricted).
 * - A "high" risk turns the person's high protection on in the same transaction as the
 *   assessment, audited apart ("protect"). Lowering the risk later does not turn it off: a
 *   manager decides that on the person's record (the "High protection" switch), since the
 *   identity may need hiding for other reasons.
 * - Informing the police is one use case; the screen that calls it sends the desktop
 *   notification; a manager signed in at another desk sharing the file learns of it from
 *   shelter_safety_reports_after (HEAR_POLICE_REPORTS, managers only: the case code and
 *   the unit, never the name). The reference may be empty (a phone call may have none); the time may not
 *   be in the future nor before the admission.
 * - The stay must not have ended for a new assessment; incidents and reports fall within
 *   the stay (from the admission day to the discharge day). */

extern const ShelterEnum shelter_enum_risk_level;    /* low, medium, high */
extern const ShelterEnum shelter_enum_police_unit;   /* police, border_guard */
extern const ShelterEnum shelter_enum_police_means;  /* phone, in_person, written */

typedef struct
{
  gint64      stay_id;
  const char *assessed_on;  /* YYYY-MM-DD, not in the future */
  const char *level;        /* low, medium, high */
  const char *reasons;      /* required */
  const char *measures;     /* required unless low */
  const char *review_on;    /* YYYY-MM-DD, after assessed_on */
} ShelterRiskInput;

/* Records an assessment in one transaction with its audit entry; "high" also turns the
 * person's high protection on (*@protection_turned_on says whether it was off). Its id or
 * 0. Refused without RECORD_SAFETY, with a field error for a missing or wrong field. */
gint64   shelter_safety_assess_risk     (ShelterSession          *session,
                                         const ShelterRiskInput  *input,
                                         gboolean                *protection_turned_on,
                                         GError                 **error);

typedef struct
{
  gint64      stay_id;
  const char *occurred_on;  /* YYYY-MM-DD */
  const char *what;         /* what happened, required */
  const char *involved;     /* who was involved, may be empty */
  const char *actions;      /* actions taken, required */
} ShelterIncidentInput;

gint64   shelter_safety_record_incident (ShelterSession              *session,
                                         const ShelterIncidentInput  *input,
                                         GError                     **error);

typedef struct
{
  gint64      stay_id;
  gint64      incident_id;  /* 0: not about one incident */
  const char *informed_at;  /* ISO 8601 ("2026-11-22T08:30:00+07:00"; +07:00 when none) */
  const char *unit;         /* police, border_guard */
  const char *officer;      /* which officer, required */
  const char *means;        /* phone, in_person, written */
  const char *reference;    /* their reference, may be empty */
  const char *note;         /* what was said or done, may be empty */
} ShelterPoliceInput;

/* Records that the police (or border guard) were informed, in one transaction with its
 * audit entry ("inform_police", every field but the note). Its id or 0. */
gint64   shelter_safety_inform_police   (ShelterSession            *session,
                                         const ShelterPoliceInput  *input,
                                         GError                   **error);

/* A report to the police as the managers are told of it: the case and the unit, never
 * who the resident is nor the officer, reference or note. */
typedef struct
{
  gint64   id;
  char    *case_code;
  char    *unit;        /* police, border_guard */
  gboolean own;         /* recorded through this very session (its screen told already) */
} ShelterPoliceNotice;

void     shelter_police_notice_free     (ShelterPoliceNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPoliceNotice, shelter_police_notice_free)

/* The reports recorded with an id above @after_id, from any desk sharing the database,
 * oldest first (ShelterPoliceNotice); *@last_id gets the newest id of all, also when there
 * is none new. @after_id -1 returns nothing but *@last_id (at sign-in: from now on).
 * Refused without HEAR_POLICE_REPORTS (managers). */
GPtrArray *shelter_safety_reports_after   (ShelterSession  *session,
                                           gint64           after_id,
                                           gint64          *last_id,
                                           GError         **error);

/* Every assessment, incident and report of the person's stays, newest first
 * (ShelterSafetyRow), with the details of a protected resident withheld from a session
 * that may not see who they are (VIEW_RESIDENTS). */
GPtrArray *shelter_safety_list_risks      (ShelterSession  *session,
                                           gint64           person_id,
                                           GError         **error);
GPtrArray *shelter_safety_list_incidents  (ShelterSession  *session,
                                           gint64           person_id,
                                           GError         **error);
GPtrArray *shelter_safety_list_reports    (ShelterSession  *session,
                                           gint64           person_id,
                                           GError         **error);

/* Whether an assessment to be reviewed on @review_on (YYYY-MM-DD) is due on the session's
 * today. */
gboolean   shelter_safety_review_is_due   (ShelterSession  *session,
                                           const char      *review_on);
/* For the reminders: the current assessment of each open stay whose review is due today or
 * overdue, earliest first (ShelterSafetyRow; the reasons of a protected resident always
 * withheld: a reminder needs the level and the date); of @stay_id alone when not 0
 * (VIEW_RESIDENTS). */
GPtrArray *shelter_safety_reviews_due     (ShelterSession  *session,
                                           gint64           stay_id,
                                           GError         **error);

/* The demo centre's safety records (app/shelter-demo-safety.c). */
gboolean   _shelter_demo_safety_write     (ShelterSession  *session,
                                           GError         **error);

G_END_DECLS
