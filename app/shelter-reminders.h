/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-enums.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The reminder engine: for a day, everything the rest of the program knows to be due or
 * late, computed from the data each time (nothing is stored that could drift). Each module
 * keeps its own rule (the case file's 10 working days, the health checks, the plan reviews,
 * the stay limits, the referral answers...); this one asks them and says it the same way:
 * what, whom it concerns (a case code, or the centre), why, since when, who should act and
 * what resolves it.
 *
 * VIEW_RESIDENTS for the reminders about residents; the centre-wide ones (capacity, report
 * deadlines, backups) for the roles they concern. A protected resident's reminders carry the
 * case code and never the name, for every session (a reminder may be read over a shoulder
 * or sent as a notification). */

typedef enum
{
  SHELTER_REMINDER_OVERDUE,   /* past its day: act now */
  SHELTER_REMINDER_TODAY,     /* due today */
  SHELTER_REMINDER_SOON,      /* due within the coming week */
} ShelterReminderUrgency;

/* The kinds, in the order the Today section groups them. */
extern const ShelterEnum shelter_reminder_kind;

typedef struct
{
  char                   *kind;       /* a code of shelter_reminder_kind */
  ShelterReminderUrgency  urgency;
  gboolean                urgent;     /* told at once on the desktop (see below) */
  gint64                  person_id;  /* 0 for the centre */
  gint64                  stay_id;    /* 0 for the centre */
  char                   *case_code;  /* NULL for the centre */
  char                   *title;      /* what, translated: "Health check at arrival" */
  char                   *reason;     /* why, translated, no name: "Admitted 20/11/2026 08:00" */
  char                   *since;      /* YYYY-MM-DD: the day it fell due */
  char                   *role;       /* who should act: a role code */
  char                   *assignee;   /* a user name when one person should act, else NULL */
  char                   *action;     /* what resolves it, translated */
  char                   *page;       /* where: a resident page tab ("overview", "stay",
                                       * "meals", "services", "plan", "safety", "family",
                                       * "case-file") or a section ("rooms", "planning",
                                       * "referrals", "follow-up", "backups") */
  char                   *key;        /* stable identity: "kind:stay_id:since" */
  char                   *fingerprint; /* changes when what the reminder says changes */
} ShelterReminder;

void shelter_reminder_free (ShelterReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterReminder, shelter_reminder_free)

/* The reminders on @on (YYYY-MM-DD, NULL: today by the session's clock) that @role should
 * act on (NULL: every role the session may see reminders of), most urgent first, then by
 * day. Urgent (notified at once): police to inform, re-trafficked or at-risk follow-ups,
 * capacity over 90%, a backup that failed, a health check at arrival overdue, an absence
 * past its return. */
GPtrArray *shelter_reminders_for      (ShelterSession  *session,
                                       const char      *on,
                                       const char      *role,
                                       GError         **error);

/* shelter_reminders_for() away from the calling thread, for the window: on a large centre
 * it takes long enough to freeze it. The reminders are gathered in a worker thread on a
 * connection of its own to the same file, opened read-only (the session's ShelterDb is not
 * thread-safe; write-ahead logging lets it read while the window writes), for the same
 * account and on the session's clock as it reads now. @callback runs in the thread-default
 * main context of the caller. When the database cannot be opened a second time (in memory,
 * gone, unreadable) they are gathered on the calling thread instead, as
 * shelter_reminders_for() would. Cancelling @cancellable ends the wait at once:
 * _finish() then fails with G_IO_ERROR_CANCELLED and gives nothing of what was found. */
void       shelter_reminders_for_async  (ShelterSession       *session,
                                         const char           *on,
                                         const char           *role,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The reminders (of ShelterReminder, owned), or NULL with @error set. */
GPtrArray *shelter_reminders_for_finish (ShelterSession       *session,
                                         GAsyncResult         *result,
                                         GError              **error);

/* The reminders of one resident's stay on @on, for their page. */
GPtrArray *shelter_reminders_for_stay (ShelterSession  *session,
                                       gint64           stay_id,
                                       const char      *on,
                                       GError         **error);

/* A line as `shelterctl reminders` prints it: urgency, kind, case code (or "-"), since,
 * role, what, why, action; tab-separated. */
char      *shelter_reminder_to_line   (ShelterReminder *reminder);

/* The deadlines of the periodic reports, "MM-DD" separated by commas; reminded from 14 days
 * before. Default "03-15,06-15,09-15,12-15": each quarter, the six-month report on 15/6 and
 * the year's on 15/12. */
#define SHELTER_SETTING_REPORT_DUE_DAYS "report_due_days"

/* The deadlines of a value of the setting (month * 100 + day), or NULL and a field
 * error saying what is wrong; shelter_settings_set() checks the setting with it. */
GArray    *shelter_reminders_parse_report_due_days (const char  *value,
                                                    GError     **error);
/* EDIT_SETTINGS; audited. Refused with SHELTER_FIELD_SETTING: not real days of the year
 * written MM-DD, none, or one twice. */
gboolean   shelter_reminders_set_report_due_days (ShelterSession  *session,
                                                  const char      *value,
                                                  GError         **error);

G_END_DECLS
