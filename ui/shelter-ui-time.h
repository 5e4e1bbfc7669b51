/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shelter-session.h"

G_BEGIN_DECLS

/* The date and time fields of the forms, typed as the desk writes them. */

/* "22/11/2026 09:30" -> "2026-11-22T09:30:00+07:00", in Vietnam's time whatever the desk's
 * computer is set to; NULL when @text is not a real date and time. */
char *_shelter_ui_parse_time   (const char     *text);
/* "25/11/2026" (or d/m/yyyy, or yyyy-mm-dd) -> "2026-11-25"; NULL when it is no date. */
char *_shelter_ui_parse_day    (const char     *text);
/* Now, as a time field starts: "22/11/2026 09:30". */
char *_shelter_ui_format_now   (ShelterSession *session);

G_END_DECLS
