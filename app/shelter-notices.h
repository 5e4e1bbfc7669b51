/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-reminders.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The desktop notices of reminders (without GTK: ui/shelter-notifier.c shows them). A
 * notice may be read by anyone passing the desk: it says what and the case code, never a
 * name nor anything restricted, so not the reminder's reason. The same reminder is told to
 * a person once, and again only when what it says changed (its fingerprint). */

/* Of @reminders, those not yet told to the signed-in person with the same key and
 * fingerprint (and, with @urgent_only, only the urgent ones; a reminder assigned to another
 * person is theirs), recorded as told in one transaction. The array does not own its
 * elements: they stay @reminders'. NULL and @error when the record cannot be written. */
GPtrArray *shelter_notices_take_new (ShelterSession   *session,
                                     GPtrArray        *reminders,
                                     gboolean          urgent_only,
                                     GError          **error);

/* A short title: what is due ("Health check at arrival"). */
char      *shelter_notice_title     (ShelterReminder  *reminder);
/* The case code (or the centre) and since when: "Case code 26-0012 · overdue since
 * 20/11/2026". */
char      *shelter_notice_body      (ShelterReminder  *reminder);

G_END_DECLS
