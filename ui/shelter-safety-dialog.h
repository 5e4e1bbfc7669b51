/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

/* The three forms of the Safety tab in one dialog (they share everything but their
 * fields): a risk assessment, an incident, and "Inform the Police". */
typedef enum
{
  SHELTER_SAFETY_DIALOG_RISK,
  SHELTER_SAFETY_DIALOG_INCIDENT,
  SHELTER_SAFETY_DIALOG_POLICE,
} ShelterSafetyDialogKind;

#define SHELTER_TYPE_SAFETY_DIALOG (shelter_safety_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterSafetyDialog, shelter_safety_dialog, SHELTER, SAFETY_DIALOG,
                      AdwWindow)

/* A modal dialog recording one safety record of the stay @stay_id of the resident shown as
 * @name (the case code when the session may not know who they are); @case_code names the
 * case in the desktop notification sent once the police are informed (never the name).
 * @incident_id (POLICE only, 0 for none) is the incident the report is about. Shows app/'s
 * refusals on the field they name and emits ::saved with the message for a toast. */
ShelterSafetyDialog *shelter_safety_dialog_new (ShelterSession           *session,
                                                ShelterSafetyDialogKind   kind,
                                                gint64                    stay_id,
                                                const char               *name,
                                                const char               *case_code,
                                                gint64                    incident_id);

/* Sends "The police were informed about case CODE" as an urgent desktop notification
 * through the program's notifier (ui/shelter-notifier.h): the managers on this computer
 * see it at once, unless notifications are off. */
void shelter_safety_notify_police_informed (const char *case_code,
                                            const char *unit);

G_END_DECLS
