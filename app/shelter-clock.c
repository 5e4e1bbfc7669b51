/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-clock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-app-error.h"
#include "shelter-clock.h"
#include "shelter-stores.h"

static int
day_number (GDateTime *time)
{
  return g_date_time_get_year (time) * 400 + g_date_time_get_day_of_year (time);
}

gboolean
shelter_clock_check (ShelterDb  *db,
                     GDateTime  *now,
                     GError    **error)
{
  g_autofree char *last_text = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autoptr (GDateTime) last_here = NULL;
  g_autofree char *shown_now = NULL;
  g_autofree char *shown_last = NULL;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  last_text = shelter_audit_store_last_at (db, error);
  if (last_text == NULL)
    return FALSE;
  if (last_text[0] == '\0')
    return TRUE;
  last = g_date_time_new_from_iso8601 (last_text, NULL);
  if (last == NULL)
    return TRUE;  /* an unreadable stamp says nothing about the clock */
  /* Both in the computer's own offset, as the user reads the clock. */
  last_here = g_date_time_to_timezone (last, g_date_time_get_timezone (now));
  if (day_number (now) >= day_number (last_here))
    return TRUE;

  shown_now = g_date_time_format (now, "%d/%m/%Y %H:%M");
  shown_last = g_date_time_format (last_here, "%d/%m/%Y %H:%M");
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_CLOCK_BEHIND,
               _("The computer’s clock shows %s, earlier than the last action recorded "
                 "(%s). Anything recorded now would carry a wrong date: set the computer’s "
                 "date and time first."),
               shown_now, shown_last);
  return FALSE;
}
