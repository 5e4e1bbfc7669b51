/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-reference"

#include "config.h"

#include "shelter-reference.h"
#include "shelter-text.h"

GPtrArray *
shelter_reference_provinces (ShelterDb   *db,
                             const char  *scheme,
                             GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  return shelter_reference_store_provinces (db, scheme ? scheme : SHELTER_ADDRESS_SCHEME, error);
}

GPtrArray *
shelter_reference_communes (ShelterDb   *db,
                            const char  *scheme,
                            const char  *province_code,
                            GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (province_code != NULL, NULL);
  return shelter_reference_store_communes (db, scheme ? scheme : SHELTER_ADDRESS_SCHEME,
                                           province_code, error);
}

GPtrArray *
shelter_reference_ethnic_groups (ShelterDb  *db,
                                 GError    **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  return shelter_reference_store_ethnic_groups (db, SHELTER_ETHNICITY_SCHEME, error);
}

static int
compare_by_vietnamese_name (gconstpointer a,
                            gconstpointer b)
{
  const ShelterReferenceEntry *x = *(ShelterReferenceEntry * const *) a;
  const ShelterReferenceEntry *y = *(ShelterReferenceEntry * const *) b;
  g_autoptr (GBytes) kx = shelter_text_name_sort_key (NULL, NULL, x->full_name);
  g_autoptr (GBytes) ky = shelter_text_name_sort_key (NULL, NULL, y->full_name);

  return g_bytes_compare (kx, ky);
}

GPtrArray *
shelter_reference_countries (ShelterDb  *db,
                             GError    **error)
{
  GPtrArray *countries;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  countries = shelter_reference_store_countries (db, error);
  if (countries != NULL)
    g_ptr_array_sort (countries, compare_by_vietnamese_name);
  return countries;
}
