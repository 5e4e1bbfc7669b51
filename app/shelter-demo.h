/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-session.h"

G_BEGIN_DECLS

/* Called now and then while the demo centre is generated, with the people written so far. */
typedef void (*ShelterDemoProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/* Creates a realistic demo centre at @path: the centre profile, one account per role, rooms
 * split by sex and age group (about a dozen, more for large centres so that the history
 * fits), and @residents people with plausible Vietnamese names, birth dates, ethnic groups,
 * home communes of the 2025 scheme, and stays placed in suitable rooms without ever
 * exceeding a room's beds: older stays discharged (those of the last seven months, at most
 * 400, with their checklist, handover and follow-ups), the rest in residence today. Everything
 * goes through the use cases of app/ (validation, audit). The same @seed on the same day
 * gives the same centre. Refuses an existing file unless @force, in which case the old file
 * is replaced only once the new one is complete. */
gboolean shelter_demo_create (const char           *path,
                              guint                 residents,
                              guint32               seed,
                              gboolean              force,
                              ShelterDemoProgress   progress,
                              gpointer              user_data,
                              GError              **error);

/* The follow-ups of the demo's recorded discharges that came due before today, through the
 * use cases (app/shelter-demo-follow-up.c): most done, about one in six left overdue, the
 * cases whose last follow-up is done closed, one or two closed early. Run after the other
 * demo writers; @rand is the demo's stream for discharges. */
gboolean _shelter_demo_follow_up_write (ShelterSession  *session,
                                        GRand           *rand,
                                        GError         **error);

G_END_DECLS
