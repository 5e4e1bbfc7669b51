/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-reminders.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_NOTIFIER (shelter_notifier_get_type ())
G_DECLARE_FINAL_TYPE (ShelterNotifier, shelter_notifier, SHELTER, NOTIFIER, GObject)

/* Desktop notifications through libnotify. While a session runs (from sign-in or unlock
 * to lock or sign-out) it looks for the reminders of the session's role on sign-in and
 * then every "notify-interval-minutes", and tells the new ones (app/shelter-notices.h:
 * the case code, never a name) as the "notify-level" setting allows: "all", "urgent" or
 * "off". A notification's default action, where the server supports actions, emits
 * "open-resident" (the person's id, 0 for the centre, and the page of the reminder, or
 * "today" for the one that counts those not shown one by one). With
 * no notification server the program goes on as before and logs one warning, once. */

/* @settings: the application's (with the keys above), or NULL for their defaults. */
ShelterNotifier *shelter_notifier_new         (GSettings        *settings);
/* The program's notifier, with the application's settings: the one the window runs and
 * the dialogs tell their events through. */
ShelterNotifier *shelter_notifier_get_default (void);

/* Starts (or resumes) the looks for @session's reminders: one in a moment (once the window
 * is drawn), then one every interval. */
void             shelter_notifier_start       (ShelterNotifier  *self,
                                               ShelterSession   *session);
/* Stops the looks for @session (a lock); the next start resumes them. Nothing when the
 * notifier runs for another session. */
void             shelter_notifier_pause       (ShelterNotifier  *self,
                                               ShelterSession   *session);
/* Stops the looks for @session and forgets it (a sign-out), closing its notifications;
 * nothing when the notifier runs for another session. */
void             shelter_notifier_stop        (ShelterNotifier  *self,
                                               ShelterSession   *session);

/* Looks once for new reminders and tells them; the number of notifications shown. */
guint            shelter_notifier_check       (ShelterNotifier  *self);

/* Tells an event at once ("the police were informed about case ..."), urgent or not, as
 * the level allows ("urgent" lets urgent events through). @person_id is for the default
 * action (0: the window only). TRUE when the notification was shown. */
gboolean         shelter_notifier_send        (ShelterNotifier  *self,
                                               const char       *title,
                                               const char       *body,
                                               gboolean          urgent,
                                               gint64            person_id,
                                               const char       *page);

G_END_DECLS
