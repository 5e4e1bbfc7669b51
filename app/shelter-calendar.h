/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-session.h"

G_BEGIN_DECLS

/* The date @working_days working days after @from: weekends and the public holidays of the
 * centre's holiday table are skipped ("within 10 working days of reception"). */
gboolean shelter_calendar_add_working_days (ShelterDb    *db,
                                            const GDate  *from,
                                            guint         working_days,
                                            GDate        *result,
                                            GError      **error);

/* The public holidays the working days skip, which the administrator keeps: they change
 * every year (Tết, substitute days off). */
typedef struct
{
  char *day;   /* YYYY-MM-DD */
  char *name;  /* "Tết Nguyên đán" */
} ShelterHoliday;

void       shelter_holiday_free     (ShelterHoliday  *holiday);

/* The holidays of @year in date order (anyone signed in). */
GPtrArray *shelter_holidays_list    (ShelterSession  *session,
                                     int              year,
                                     GError         **error);
/* Adds @day (YYYY-MM-DD) as a holiday named @name; EDIT_SETTINGS, audited. Refused with the
 * field named for a date that is not one, a day already listed, or a name empty or over
 * 100 characters. Deadlines already shown are worked out again with the new day. */
gboolean   shelter_holidays_add     (ShelterSession  *session,
                                     const char      *day,
                                     const char      *name,
                                     GError         **error);
/* Removes @day from the holidays; EDIT_SETTINGS, audited with its name. */
gboolean   shelter_holidays_remove  (ShelterSession  *session,
                                     const char      *day,
                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterHoliday, shelter_holiday_free)

G_END_DECLS
