/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-enums.h"
#include "shelter-plan-store.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The individual support plan (kế hoạch trợ giúp) of a stay: a needs assessment in the
 * eight areas of the guidelines, a plan of goals drawn from it (each with the services
 * planned, who is responsible and a target date), drafted by a caseworker, approved by a
 * manager, then carried out with progress notes and reviewed by a date.
 *
 * Statuses: draft -> approved -> in_progress -> completed; draft, approved or in progress
 * -> cancelled. Only an approved plan may be put in progress; nothing is deleted.
 *
 * Decisions where the issue is silent:
 * - Who: caseworkers and managers assess needs, draft and edit plans, start them, set a
 *   goal's status, record a review and complete a plan (SHELTER_PERMISSION_DRAFT_PLAN);
 *   managers approve (SHELTER_PERMISSION_APPROVE_PLAN) and cancel a plan once approved (a
 *   caseworker may cancel a draft); everyone who sees residents reads plans and medical
 *   staff and counsellors add progress notes too (SHELTER_PERMISSION_WRITE_PLAN_NOTE).
 *   Their confidential notes stay in the services, not here.
 * - One open plan (draft, approved or in progress) per stay; a new one after the last is
 *   completed or cancelled. Plans are for stays going on (not for ended stays).
 * - An assessment keeps all eight areas; an area not given is stored as "none". A plan is
 *   drawn from the newest assessment of the stay; editing a draft draws it again from the
 *   newest one. A goal must be in an area the assessment found a need in.
 * - Limits: a goal's target date after today and at most 2 years ahead; a review date
 *   after today and at most 1 year ahead (3 months after approval when none is given); a
 *   goal dropped needs a reason; a plan completed or cancelled needs one.
 * - The review is due on its date (not the day after) and stays flagged until a review is
 *   recorded with the next date. */

extern const ShelterEnum shelter_enum_need_area;   /* health, education, ..., other */
extern const ShelterEnum shelter_enum_need_level;  /* none, low, medium, high */
extern const ShelterEnum shelter_enum_plan_status; /* draft, approved, in_progress, ... */
extern const ShelterEnum shelter_enum_goal_status; /* open, achieved, dropped */

#define SHELTER_N_NEED_AREAS 8

typedef struct
{
  const char *area;   /* a code of shelter_enum_need_area */
  const char *level;  /* a code of shelter_enum_need_level */
  const char *note;   /* may be NULL */
} ShelterNeedInput;

/* Records an assessment of the stay's needs on @assessed_on (YYYY-MM-DD) by the session's
 * user; its id or 0. Refused: a day not a date, in the future, before the admission
 * (SHELTER_FIELD_ASSESSMENT_DATE); no area with a need, an unknown area or level, an area
 * twice, a note too long (SHELTER_FIELD_ASSESSMENT_AREAS); an ended stay
 * (SHELTER_APP_ERROR_PLAN_STATUS). */
gint64   shelter_support_plan_assess       (ShelterSession          *session,
                                            gint64                   stay_id,
                                            const char              *assessed_on,
                                            const ShelterNeedInput  *needs,
                                            guint                    n_needs,
                                            GError                 **error);

typedef struct
{
  const char *area;          /* an area the assessment found a need in */
  const char *goal;
  const char *services;      /* the services planned, in words */
  const char *support_type;  /* NULL, or a letter of the law's article ("dd" for đ) */
  const char *responsible;   /* a staff account's user name or an outside provider */
  const char *target_on;     /* YYYY-MM-DD */
} ShelterGoalInput;

/* Drafts a plan for the stay from its newest assessment; its id or 0. Refused: no
 * assessment, or an open plan already (SHELTER_APP_ERROR_PLAN_STATUS); a goal at fault
 * (SHELTER_FIELD_PLAN_GOALS, the message starting "Goal N:"); a review date out of bounds
 * (SHELTER_FIELD_PLAN_REVIEW_DATE). @review_on may be NULL. */
gint64   shelter_support_plan_draft        (ShelterSession          *session,
                                            gint64                   stay_id,
                                            const ShelterGoalInput  *goals,
                                            guint                    n_goals,
                                            const char              *review_on,
                                            GError                 **error);
/* Writes a draft's goals and review date again, as read at @version; a plan changed since
 * is refused with SHELTER_DB_ERROR_STALE, one no longer a draft with
 * SHELTER_APP_ERROR_PLAN_STATUS. */
gboolean shelter_support_plan_edit         (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            const ShelterGoalInput  *goals,
                                            guint                    n_goals,
                                            const char              *review_on,
                                            GError                 **error);
/* A manager approves a draft with at least one goal, with its review date (@review_on, or
 * NULL for 3 months from today); who and when are recorded. */
gboolean shelter_support_plan_approve      (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            const char              *review_on,
                                            GError                 **error);
/* Puts an approved plan in progress. A plan not approved is refused with
 * SHELTER_APP_ERROR_PLAN_STATUS: "This plan has not been approved by a manager yet; only an
 * approved plan can be put in progress." */
gboolean shelter_support_plan_start        (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            GError                 **error);
/* A progress note on an approved or in-progress plan (@goal_id 0: the whole plan), written
 * on @written_on (not in the future); its id or 0. */
gint64   shelter_support_plan_add_note     (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   goal_id,
                                            const char              *written_on,
                                            const char              *text,
                                            GError                 **error);
/* Marks a goal of a plan in progress open, achieved or dropped (@note required to drop). */
gboolean shelter_support_plan_set_goal_status (ShelterSession       *session,
                                               gint64                goal_id,
                                               const char           *status,
                                               const char           *note,
                                               GError              **error);
/* Records a review of an approved or in-progress plan: @note as a progress note and the
 * next review date. */
gboolean shelter_support_plan_review       (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            const char              *next_review_on,
                                            const char              *note,
                                            GError                 **error);
/* Completes a plan in progress, or cancels one not closed, with a written reason
 * (SHELTER_FIELD_PLAN_REASON). */
gboolean shelter_support_plan_complete     (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            const char              *reason,
                                            GError                 **error);
gboolean shelter_support_plan_cancel       (ShelterSession          *session,
                                            gint64                   plan_id,
                                            gint64                   version,
                                            const char              *reason,
                                            GError                 **error);

/* Everything about a stay's plan, for the resident page (VIEW_RESIDENTS). */
typedef struct
{
  ShelterAssessmentRow *assessment; /* the newest, NULL when none */
  ShelterPlanRow       *plan;       /* the newest plan, NULL when none */
  GPtrArray            *goals;      /* ShelterGoalRow of the plan, never NULL */
  GPtrArray            *notes;      /* ShelterProgressNoteRow, newest first, never NULL */
  gboolean              review_due; /* approved or in progress and the review date has come */
} ShelterSupportPlanFile;

void     shelter_support_plan_file_free    (ShelterSupportPlanFile  *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterSupportPlanFile, shelter_support_plan_file_free)

ShelterSupportPlanFile *shelter_support_plan_read (ShelterSession   *session,
                                                   gint64            stay_id,
                                                   GError          **error);

/* The level of @area in @assessment, "none" when it is not there. */
const char *shelter_support_plan_area_level (const ShelterAssessmentRow *assessment,
                                             const char                 *area);

/* For the reminders: the stays going on whose approved or in-progress plan has its review
 * date today or before (ShelterPlanReviewDueRow), the longest due first; of @stay_id alone
 * when it is not 0 (VIEW_RESIDENTS). */
GArray  *shelter_support_plan_reviews_due  (ShelterSession          *session,
                                            gint64                   stay_id,
                                            GError                 **error);

/* The demo centre's plans (app/shelter-demo-plans.c). */
gboolean _shelter_demo_plans_write         (ShelterSession          *session,
                                            GError                 **error);

G_END_DECLS
