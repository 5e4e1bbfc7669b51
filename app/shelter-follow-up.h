/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-enums.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* Follow-up after discharge (theo dõi sau hỗ trợ, domain.md section 11): at least six
 * months of visits or calls so that the person is not sold again.
 *
 * - The schedule is written by the discharge (not after a death): one planned follow-up
 *   at each number of months of the setting SHELTER_SETTING_FOLLOW_UP_MONTHS after the day
 *   of discharge ("1,3,6" by default), by call, assigned to the staff member who
 *   discharged.
 * - Caseworkers and managers record follow-ups, change a planned one (day, method, who)
 *   and close cases (SHELTER_PERMISSION_RECORD_FOLLOW_UP); everyone who sees residents
 *   reads them.
 * - A follow-up records the situation (stable, at risk, re-trafficked, lost contact), the
 *   living situation, work or school, the support given since (loan, training, job,
 *   schooling, allowance) and the next step. It may not be dated before the discharge nor in
 *   the future. "At risk" and "re-trafficked" reach the managers at every desk
 *   (shelter_follow_up_alerts_after, HEAR_FOLLOW_UP_ALERTS: the case code, never the name).
 * - A follow-up may also be recorded that was not planned (an extra visit).
 * - The case closes after the last planned follow-up is done, or earlier with a written
 *   reason (the planned follow-ups left are cancelled with it). A closed case takes no more
 *   follow-ups.
 * - Each action is one transaction with its audit entry; a stale change is refused. */

#define SHELTER_SETTING_FOLLOW_UP_MONTHS "follow_up_months"   /* "1,3,6" */

extern const ShelterEnum shelter_follow_up_method;    /* visit, call, commune */
extern const ShelterEnum shelter_follow_up_status;    /* planned, done, cancelled */
/* stable, at_risk, re_trafficked, lost_contact */
extern const ShelterEnum shelter_follow_up_situation;
/* with_family, with_spouse, alone, with_others, in_facility, unknown */
extern const ShelterEnum shelter_follow_up_living;
/* working, studying, training, looking_for_work, none, unknown */
extern const ShelterEnum shelter_follow_up_activity;
/* loan, training, job, schooling, allowance */
extern const ShelterEnum shelter_follow_up_support;

/* For the discharge, inside its transaction: writes the schedule of @stay_id from
 * @discharged_on (YYYY-MM-DD), assigned to @assigned_to (a user name). The months come from
 * the setting; a day past the end of a month is the month's last. */
gboolean _shelter_follow_up_schedule (ShelterSession  *session,
                                      gint64           stay_id,
                                      const char      *discharged_on,
                                      const char      *assigned_to,
                                      GError         **error);

/* The months of the schedule, from the setting (the default when unset or unreadable),
 * ascending, each 1..60. */
GArray  *shelter_follow_up_months     (ShelterDb       *db);
/* The months of a value of the setting, or NULL and a field error
 * (SHELTER_FIELD_FOLLOW_UP_MONTHS) naming what is wrong. */
GArray  *shelter_follow_up_parse_months (const char  *text,
                                         GError     **error);
/* EDIT_SETTINGS. @months: "1,3,6" (ascending, distinct, 1..60, at least one; the last at
 * least 6: the law asks for six months). */
gboolean shelter_follow_up_set_months (ShelterSession  *session,
                                       const char      *months,
                                       GError         **error);

typedef struct
{
  gint64      id;             /* 0: a follow-up not planned */
  gint64      version;        /* the version read, for a planned one */
  gint64      stay_id;
  const char *done_on;        /* YYYY-MM-DD */
  const char *method;
  const char *done_by;        /* who made it: a staff member, the commune officer */
  const char *situation;
  const char *living;
  const char *activity;
  const char *activity_note;
  const char * const *support;  /* NULL-terminated codes, or NULL */
  const char *next_step;
  const char *notes;
} ShelterFollowUpInput;

/* Records a follow-up (fills in a planned one, or adds one); returns its id, or 0. */
gint64   shelter_follow_up_record     (ShelterSession             *session,
                                       const ShelterFollowUpInput *input,
                                       GError                    **error);
/* Changes a planned follow-up's day, method or staff member (a user name, or NULL). */
gboolean shelter_follow_up_reschedule (ShelterSession  *session,
                                       gint64           follow_up_id,
                                       gint64           version,
                                       const char      *due_on,
                                       const char      *method,
                                       const char      *assigned_to,
                                       GError         **error);
/* Closes the case of @stay_id: after the last planned follow-up is done, or (@reason
 * required) earlier, cancelling what is left. @summary: how the person is doing. */
gboolean shelter_follow_up_close_case (ShelterSession  *session,
                                       gint64           stay_id,
                                       const char      *reason,
                                       const char      *summary,
                                       GError         **error);

typedef struct
{
  gint64  id;
  gint64  version;
  gint64  stay_id;
  gint64  person_id;
  char   *case_code;
  char   *resident_name;     /* NULL for a protected resident the session may not know */
  char   *discharged_on;
  char   *due_on;
  char   *method;
  char   *assigned_to;
  char   *assigned_name;
  char   *status;
  char   *done_on;
  char   *done_by;
  char   *situation;
  char   *living;
  char   *activity;
  char   *activity_note;
  char  **support;           /* NULL-terminated, or NULL */
  char   *next_step;
  char   *notes;
  char   *cancel_reason;
} ShelterFollowUpRow;

void shelter_follow_up_row_free (ShelterFollowUpRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterFollowUpRow, shelter_follow_up_row_free)

/* The staff who may be given a follow-up (active caseworkers and managers, ShelterUser),
 * for choosing one; VIEW_RESIDENTS. */
GPtrArray *shelter_follow_up_staff         (ShelterSession  *session,
                                            GError         **error);

/* The follow-ups of a stay, by day (ShelterFollowUpRow). */
GPtrArray *shelter_follow_up_list_for_stay (ShelterSession  *session,
                                            gint64           stay_id,
                                            GError         **error);
/* The planned follow-ups due on or before @until (YYYY-MM-DD): overdue first, then due,
 * by day; of cases not closed. */
GPtrArray *shelter_follow_up_list_due      (ShelterSession  *session,
                                            const char      *until,
                                            GError         **error);

typedef struct
{
  gint64  stay_id;
  char   *closed_on;
  char   *closed_by;
  gboolean early;
  char   *reason;
  char   *summary;
} ShelterCaseClosureRow;

void shelter_case_closure_row_free (ShelterCaseClosureRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterCaseClosureRow, shelter_case_closure_row_free)

/* The closure of @stay_id's case; NULL without error when still open. */
ShelterCaseClosureRow *shelter_follow_up_get_closure (ShelterSession  *session,
                                                      gint64           stay_id,
                                                      GError         **error);

typedef struct
{
  gint64  id;
  char   *case_code;
  char   *situation;   /* at_risk, re_trafficked */
  gboolean own;        /* recorded in this session */
} ShelterFollowUpAlert;

void shelter_follow_up_alert_free (ShelterFollowUpAlert *alert);

/* As shelter_safety_reports_after(): the at-risk and re-trafficked follow-ups recorded
 * with an id above @after_id, from any desk, oldest first; *@last_id the newest id of all.
 * @after_id -1: nothing but *@last_id. Refused without HEAR_FOLLOW_UP_ALERTS. */
GPtrArray *shelter_follow_up_alerts_after (ShelterSession  *session,
                                           gint64           after_id,
                                           gint64          *last_id,
                                           GError         **error);

G_END_DECLS
