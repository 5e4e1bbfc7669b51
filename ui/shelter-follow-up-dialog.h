/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-follow-up.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The dialogs of the follow-up after discharge (theo dõi sau hỗ trợ), one type for the
 * three forms:
 * - RECORD: a follow-up (day, method, done by, situation, living situation, work or school
 *   and its note, the support given as checkboxes, next step, notes), filling in a planned
 *   one or adding one not planned;
 * - RESCHEDULE: a planned follow-up's day, method and staff member;
 * - CLOSE_CASE: closing the case of a stay, with a reason (required while planned
 *   follow-ups remain: they are cancelled with it) and a summary.
 * Each shows app/'s refusals on the field they name, and emits ::saved (with a message for
 * a toast, const char *) once stored; the caller then reloads. Present them with
 * _shelter_window_present_dialog() (ui/shelter-window-private.h) after connecting ::saved:
 *
 *   dialog = shelter_follow_up_dialog_new_record (session, stay_id, code, name, NULL);
 *   g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
 *   _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
 *
 * where saved_cb is void saved_cb (gpointer self, const char *message). */
#define SHELTER_TYPE_FOLLOW_UP_DIALOG (shelter_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterFollowUpDialog, shelter_follow_up_dialog,
                      SHELTER, FOLLOW_UP_DIALOG, AdwWindow)

/* Records a follow-up of the stay @stay_id, the resident shown as @name (the case code
 * when NULL: a protected resident the session may not know); @case_code names the case in
 * the desktop notification sent when the situation found is "at risk" or "re-trafficked"
 * (never the name). @planned: the planned follow-up it fills in (as app/ listed it; its day
 * and method are proposed), or NULL for a follow-up not planned. */
ShelterFollowUpDialog *shelter_follow_up_dialog_new_record     (ShelterSession           *session,
                                                                gint64                    stay_id,
                                                                const char               *case_code,
                                                                const char               *name,
                                                                const ShelterFollowUpRow *planned);

/* Changes the day, method or staff member of the planned follow-up @planned (as app/
 * listed it; not NULL). */
ShelterFollowUpDialog *shelter_follow_up_dialog_new_reschedule (ShelterSession           *session,
                                                                const ShelterFollowUpRow *planned);

/* Closes the case of the stay @stay_id (the resident shown as @name, or @case_code when
 * NULL): the reason is required while planned follow-ups remain. */
ShelterFollowUpDialog *shelter_follow_up_dialog_new_close_case (ShelterSession           *session,
                                                                gint64                    stay_id,
                                                                const char               *case_code,
                                                                const char               *name);

/* Sends "At risk after discharge: CODE" or "Re-trafficked: CODE" (@situation "at_risk" or
 * "re_trafficked") as an urgent desktop notification through the program's notifier
 * (ui/shelter-notifier.h), unless notifications are off. Never the name. */
void shelter_follow_up_notify_alert (const char *case_code,
                                     const char *situation);

G_END_DECLS
