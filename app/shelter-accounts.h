/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-centre.h"
#include "shelter-session.h"
#include "shelter-user.h"

G_BEGIN_DECLS

/* Passwords: at least this many characters, and at most the upper bound so that a pasted
 * novel gets a clear message instead of minutes of hashing. */
#define SHELTER_PASSWORD_MIN_CHARS 10
#define SHELTER_PASSWORD_MAX_CHARS 256
/* Failed sign-ins before the wait, and the wait. */
#define SHELTER_SIGN_IN_MAX_FAILURES 5
#define SHELTER_SIGN_IN_WAIT_MINUTES 5

/* TRUE when the database has no account yet: the first start shows the set-up assistant. */
gboolean        shelter_accounts_needs_setup      (ShelterDb        *db,
                                                   GError          **error);

/* The set-up assistant's one transaction: the centre profile and the first administrator.
 * Refused once any account exists. @admin's username, full-name are used; its role is set to
 * administrator. Returns the administrator's session. */
ShelterSession *shelter_accounts_set_up_centre    (ShelterDb        *db,
                                                   ShelterCentre    *centre,
                                                   ShelterUser      *admin,
                                                   const char       *password,
                                                   GError          **error);

/* Checks the password (libsodium Argon2id) and opens a session. Every attempt is audited.
 * Wrong user name or password: SHELTER_APP_ERROR_SIGN_IN_FAILED, the same message either way.
 * After SHELTER_SIGN_IN_MAX_FAILURES failures for a user name, known or not, every attempt for
 * it fails with SHELTER_APP_ERROR_LOCKED_OUT for SHELTER_SIGN_IN_WAIT_MINUTES. A deactivated
 * account cannot sign in. */
ShelterSession *shelter_accounts_sign_in          (ShelterDb        *db,
                                                   const char       *username,
                                                   const char       *password,
                                                   GDateTime        *now,
                                                   GError          **error);

/* Unlocking a locked window: TRUE when @password is the session user's, with the same
 * throttling and auditing as a sign-in. */
gboolean        shelter_accounts_unlock           (ShelterSession   *session,
                                                   const char       *password,
                                                   GError          **error);

/* Administration (administrator only). */
GPtrArray      *shelter_accounts_list             (ShelterSession   *session,
                                                   GError          **error);
/* Creates @user (username, full-name, role) with @password. */
gboolean        shelter_accounts_create           (ShelterSession   *session,
                                                   ShelterUser      *user,
                                                   const char       *password,
                                                   GError          **error);
/* Saves full-name, role and active of @user; STALE when someone changed it meanwhile.
 * Refuses to deactivate or demote the last active administrator, or oneself. */
gboolean        shelter_accounts_update           (ShelterSession   *session,
                                                   ShelterUser      *user,
                                                   GError          **error);
gboolean        shelter_accounts_reset_password   (ShelterSession   *session,
                                                   const char       *username,
                                                   const char       *new_password,
                                                   GError          **error);
/* Anyone signed in, for their own account; needs the current password. */
gboolean        shelter_accounts_change_password  (ShelterSession   *session,
                                                   const char       *current_password,
                                                   const char       *new_password,
                                                   GError          **error);

/* Checks a new user name or password as the forms do (SHELTER_FIELD_ERROR). */
gboolean        shelter_accounts_check_username   (const char       *username,
                                                   GError          **error);
gboolean        shelter_accounts_check_password   (const char       *password,
                                                   GError          **error);

G_END_DECLS
