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

char *
shelter_centre_profile_dup_name (ShelterDb *db)
{
  g_autoptr (ShelterCentre) centre = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  centre = shelter_centre_store_get (db, &error);
  if (error != NULL)
    g_warning ("Cannot read the centre's name: %s", error->message);
  if (centre == NULL || shelter_centre_get_name (centre) == NULL)
    return NULL;
  return g_strdup (shelter_centre_get_name (centre));
}
