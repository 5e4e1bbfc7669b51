/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-centre-profile"

#include "config.h"

#include "shelter-centre-profile.h"
#include "shelter-stores.h"

ShelterCentre *
shelter_centre_profile_get (ShelterSession  *session,
                            GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  return shelter_centre_store_get (shelter_session_get_db (session), error);
}

GPtrArray *
shelter_centre_profile_provinces (ShelterDb  *db,
                                  GError    **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  return shelter_reference_store_provinces (db, "vn-2025-07", error);
}
