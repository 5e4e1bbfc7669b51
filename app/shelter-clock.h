/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The computer's clock dates every record. A clock set back (a flat battery, a wrong
 * year) would date admissions before the ones already recorded and put overdue reminders
 * out of sight, so it is checked against the records before anything is dated by it. */

/* TRUE when @now's date is not before the date of the last action recorded in @db (both
 * read in @now's time zone), or nothing is recorded yet. Days, not minutes: another desk's
 * clock a little ahead, or a demo centre whose day is laid out from 08:00, is no reason to
 * stop anyone; a clock on the wrong day or year is. Otherwise FALSE with
 * SHELTER_APP_ERROR_CLOCK_BEHIND, the message giving the computer's date and time and that
 * of the last action and saying to set the clock first; or another error when the records
 * cannot be read. Writes nothing. */
gboolean shelter_clock_check (ShelterDb  *db,
                              GDateTime  *now,
                              GError    **error);

G_END_DECLS
