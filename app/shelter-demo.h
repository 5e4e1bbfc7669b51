/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called now and then while the demo centre is generated, with the people written so far. */
typedef void (*ShelterDemoProgress) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/* Creates a realistic demo centre at @path: the centre profile, one account per role, rooms
 * split by sex and age group (about a dozen, more for large centres so that the history
 * fits), and @residents people with plausible Vietnamese names, birth dates, ethnic groups,
 * home communes of the 2025 scheme, and stays placed in suitable rooms without ever
 * exceeding a room's beds: older stays discharged, the rest in residence today. Everything
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

G_END_DECLS
