/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The support plans (schema 0007-support-plan.sql): needs assessments with their areas,
 * plans, their goals and progress notes. The rules (who, when, which status may follow
 * which) are app/shelter-support-plan.c's; these functions store what they are given. */

typedef struct
{
  char *area;
  char *level;
  char *note;   /* NULL when none */
} ShelterAssessmentAreaRow;

typedef struct
{
  gint64     id;
  gint64     stay_id;
  char      *assessed_on;
  char      *assessed_by;
  char      *created_at;
  GPtrArray *areas;  /* ShelterAssessmentAreaRow, in the order stored */
} ShelterAssessmentRow;

void   shelter_assessment_row_free (ShelterAssessmentRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterAssessmentRow, shelter_assessment_row_free)

/* Inserts an assessment and its areas (@areas: ShelterAssessmentAreaRow); its id or 0. */
gint64 shelter_assessment_store_insert  (ShelterDb           *db,
                                         gint64               stay_id,
                                         const char          *assessed_on,
                                         const char          *assessed_by,
                                         GPtrArray           *areas,
                                         const ShelterStamp  *stamp,
                                         GError             **error);
/* The newest assessment of a stay (by day, then as entered); NULL without error when none. */
ShelterAssessmentRow *shelter_assessment_store_latest (ShelterDb  *db,
                                                      gint64      stay_id,
                                                      GError    **error);
ShelterAssessmentRow *shelter_assessment_store_get    (ShelterDb  *db,
                                                      gint64      id,
                                                      GError    **error);

typedef struct
{
  gint64  id;
  gint64  stay_id;
  gint64  assessment_id;
  char   *status;
  char   *drafted_by;
  char   *drafted_at;
  char   *approved_by;
  char   *approved_at;
  char   *review_on;
  char   *started_at;
  char   *started_by;
  char   *closed_at;
  char   *closed_by;
  char   *close_reason;
  gint64  version;
} ShelterPlanRow;

void   shelter_plan_row_free (ShelterPlanRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterPlanRow, shelter_plan_row_free)

/* A new draft of @stay_id drawn from @assessment_id, drafted by the stamp's actor; its id
 * or 0 (SHELTER_DB_ERROR_CONSTRAINT when the stay has an open plan already). */
gint64 shelter_plan_store_insert (ShelterDb           *db,
                                  gint64               stay_id,
                                  gint64               assessment_id,
                                  const char          *review_on,
                                  const ShelterStamp  *stamp,
                                  GError             **error);
/* NULL with SHELTER_DB_ERROR_NOT_FOUND when there is none. */
ShelterPlanRow *shelter_plan_store_get    (ShelterDb  *db,
                                           gint64      id,
                                           GError    **error);
/* The newest plan of a stay, whatever its status; NULL without error when none. */
ShelterPlanRow *shelter_plan_store_latest (ShelterDb  *db,
                                           gint64      stay_id,
                                           GError    **error);
/* Writes the status, approval, review date, start and close fields of @row (and the
 * assessment it is drawn from) when the plan is still at @row->version;
 * SHELTER_DB_ERROR_STALE when it changed. @row->version is then one more. */
gboolean shelter_plan_store_update (ShelterDb           *db,
                                    ShelterPlanRow      *row,
                                    const ShelterStamp  *stamp,
                                    GError             **error);

typedef struct
{
  gint64  id;
  gint64  plan_id;
  char   *area;
  char   *goal;
  char   *services;
  char   *support_type;  /* NULL when none */
  char   *responsible;
  char   *target_on;
  char   *status;
  char   *status_note;
} ShelterGoalRow;

void   shelter_goal_row_free (ShelterGoalRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterGoalRow, shelter_goal_row_free)

/* Adds a goal at @position; its id or 0. Only area, goal, services, support type,
 * responsible and target date of @goal are read. */
gint64    shelter_goal_store_insert   (ShelterDb             *db,
                                       gint64                 plan_id,
                                       guint                  position,
                                       const ShelterGoalRow  *goal,
                                       const ShelterStamp    *stamp,
                                       GError               **error);
/* Marks every goal of a plan withdrawn (a draft's goals before they are written again). */
gboolean  shelter_goal_store_withdraw_all (ShelterDb           *db,
                                           gint64               plan_id,
                                           const ShelterStamp  *stamp,
                                           GError             **error);
/* The goals of a plan not withdrawn, in order. */
GPtrArray *shelter_goal_store_list    (ShelterDb             *db,
                                       gint64                 plan_id,
                                       GError               **error);
ShelterGoalRow *shelter_goal_store_get (ShelterDb            *db,
                                        gint64                id,
                                        GError              **error);
gboolean  shelter_goal_store_set_status (ShelterDb           *db,
                                         gint64               id,
                                         const char          *status,
                                         const char          *note,
                                         const ShelterStamp  *stamp,
                                         GError             **error);

typedef struct
{
  gint64  id;
  gint64  plan_id;
  gint64  goal_id;     /* 0 when about the whole plan */
  char   *written_on;
  char   *written_by;
  char   *text;
} ShelterProgressNoteRow;

void   shelter_progress_note_row_free (ShelterProgressNoteRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterProgressNoteRow, shelter_progress_note_row_free)

gint64     shelter_progress_note_store_insert (ShelterDb           *db,
                                               gint64               plan_id,
                                               gint64               goal_id,
                                               const char          *written_on,
                                               const char          *text,
                                               const ShelterStamp  *stamp,
                                               GError             **error);
/* The notes of a plan, newest first. */
GPtrArray *shelter_progress_note_store_list   (ShelterDb           *db,
                                               gint64               plan_id,
                                               GError             **error);

typedef struct
{
  gint64 stay_id;
  gint64 person_id;
  gint64 plan_id;
  char   review_on[11];
} ShelterPlanReviewDueRow;

/* Approved or in-progress plans of open stays whose review date is on or before @cutoff
 * (YYYY-MM-DD), the longest due first; of @stay_id alone when it is not 0. */
GArray *shelter_plan_store_reviews_due (ShelterDb   *db,
                                        const char  *cutoff,
                                        gint64       stay_id,
                                        GError     **error);

G_END_DECLS
