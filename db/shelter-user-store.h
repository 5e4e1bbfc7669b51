/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-user.h"

G_BEGIN_DECLS

gboolean     shelter_user_store_insert           (ShelterDb           *db,
                                                  ShelterUser         *user,
                                                  const char          *password_hash,
                                                  const ShelterStamp  *stamp,
                                                  GError             **error);
/* NULL without error when there is no such account. */
ShelterUser *shelter_user_store_get_by_username  (ShelterDb           *db,
                                                  const char          *username,
                                                  GError             **error);
/* All accounts, active first, by user name. */
GPtrArray   *shelter_user_store_list             (ShelterDb           *db,
                                                  GError             **error);

G_END_DECLS

G_BEGIN_DECLS

/* The stored Argon2id hash of an account's password, or NULL (no account, or no password). */
char        *shelter_user_store_get_password_hash (ShelterDb           *db,
                                                   const char          *username,
                                                   GError             **error);
gboolean     shelter_user_store_set_password_hash (ShelterDb           *db,
                                                   gint64               user_id,
                                                   const char          *password_hash,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
/* Saves full-name, role and active; STALE when @user's version is not the stored one. */
gboolean     shelter_user_store_update            (ShelterDb           *db,
                                                   ShelterUser         *user,
                                                   const ShelterStamp  *stamp,
                                                   GError             **error);
gint64       shelter_user_store_count             (ShelterDb           *db,
                                                   const char          *role,
                                                   gboolean             active_only,
                                                   GError             **error);

/* Sign-in throttling by the user name typed. */
gboolean     shelter_user_store_get_throttle      (ShelterDb           *db,
                                                   const char          *username,
                                                   int                 *failed_attempts,
                                                   char               **locked_until,
                                                   GError             **error);
gboolean     shelter_user_store_set_throttle      (ShelterDb           *db,
                                                   const char          *username,
                                                   int                  failed_attempts,
                                                   const char          *locked_until,
                                                   GError             **error);

G_END_DECLS
