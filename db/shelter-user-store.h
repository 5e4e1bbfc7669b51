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
