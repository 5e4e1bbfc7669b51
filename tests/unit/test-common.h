/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-domain.h"
#include "shelter-residents-model.h"
#include "shelter-rooms.h"
#include "shelter-session.h"
#include "shelter-stores.h"

G_BEGIN_DECLS

/* A fresh temporary folder for this test process, removed at exit. */
const char     *test_tmpdir           (void);
/* A path in it that does not exist yet. */
char           *test_path             (const char  *name);
/* A new, migrated database in the temporary folder. */
ShelterDb      *test_db_new           (void);
/* A session acting as an account of @role ("operator" for shelterctl's operator), with the
 * clock fixed at 2026-11-22 09:00 +07:00. */
ShelterSession *test_session_new      (ShelterDb   *db,
                                       const char  *role);
/* Adds a room through the use case; returns its id. */
gint64          test_add_room         (ShelterSession *session,
                                       const char     *code,
                                       const char     *use,
                                       const char     *age_group,
                                       guint           beds);
/* A valid adult woman with no papers. */
ShelterPerson  *test_person_new       (const char  *family,
                                       const char  *middle,
                                       const char  *given,
                                       const char  *sex,
                                       const char  *birth_date);
/* An active staff account (a staff member services and discharges can name). */
void            test_add_account      (ShelterDb   *db,
                                       const char  *username,
                                       const char  *full_name,
                                       const char  *role);
/* A count from an SQL query run straight on the file, as a user with sqlite3 would. */
gint64          test_count            (ShelterDb   *db,
                                       const char  *sql);

G_END_DECLS
