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

GPtrArray *
shelter_reference_legacy_districts (ShelterDb   *db,
                                    const char  *province_code,
                                    GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (province_code != NULL, NULL);
  return shelter_reference_store_districts (db, SHELTER_LEGACY_ADDRESS_SCHEME, province_code,
                                            error);
}

GPtrArray *
shelter_reference_legacy_communes (ShelterDb   *db,
                                   const char  *district_code,
                                   GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (district_code != NULL, NULL);
  return shelter_reference_store_district_communes (db, SHELTER_LEGACY_ADDRESS_SCHEME,
                                                    district_code, error);
}

void
shelter_legacy_conversion_free (ShelterLegacyConversion *conversion)
{
  if (conversion == NULL)
    return;
  shelter_reference_entry_free (conversion->old_commune);
  shelter_reference_entry_free (conversion->old_district);
  shelter_reference_entry_free (conversion->old_province);
  shelter_reference_entry_free (conversion->commune);
  shelter_reference_entry_free (conversion->province);
  g_clear_pointer (&conversion->candidates, g_ptr_array_unref);
  g_free (conversion);
}

static ShelterReferenceEntry *
copy_entry (const ShelterReferenceEntry *entry)
{
  ShelterReferenceEntry *copy = g_new0 (ShelterReferenceEntry, 1);

  copy->scheme = g_strdup (entry->scheme);
  copy->code = g_strdup (entry->code);
  copy->name = g_strdup (entry->name);
  copy->full_name = g_strdup (entry->full_name);
  copy->parent_code = g_strdup (entry->parent_code);
  return copy;
}

/* The unit of @level and @code into *@unit, NULL when there is none (or no @code). */
static gboolean
lookup (ShelterDb              *db,
        const char             *scheme,
        const char             *level,
        const char             *code,
        ShelterReferenceEntry **unit,
        GError                **error)
{
  GError *local_error = NULL;

  *unit = NULL;
  if (code == NULL)
    return TRUE;
  *unit = shelter_reference_store_admin_unit (db, scheme, level, code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static const char *
parent_of (ShelterReferenceEntry *unit)
{
  return unit != NULL ? unit->parent_code : NULL;
}

gboolean
shelter_reference_convert_legacy_commune (ShelterDb                *db,
                                          const char               *old_commune_code,
                                          ShelterLegacyConversion **result,
                                          GError                  **error)
{
  g_autoptr (ShelterLegacyConversion) conversion = NULL;
  const char *legacy = SHELTER_LEGACY_ADDRESS_SCHEME;
  ShelterReferenceMapping *first;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);
  g_return_val_if_fail (old_commune_code != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  conversion = g_new0 (ShelterLegacyConversion, 1);
  if (!lookup (db, legacy, "commune", old_commune_code, &conversion->old_commune, error) ||
      !lookup (db, legacy, "district", parent_of (conversion->old_commune),
               &conversion->old_district, error) ||
      !lookup (db, legacy, "province", parent_of (conversion->old_district),
               &conversion->old_province, error))
    return FALSE;

  conversion->candidates = shelter_reference_store_mappings (db, old_commune_code,
                                                             SHELTER_ADDRESS_SCHEME, error);
  if (conversion->candidates == NULL)
    return FALSE;

  first = conversion->candidates->len > 0 ? g_ptr_array_index (conversion->candidates, 0) : NULL;
  if (first == NULL)
    conversion->kind = SHELTER_LEGACY_CONVERSION_NONE;
  else if (conversion->candidates->len == 1 && g_strcmp0 (first->kind, "full") == 0)
    {
      conversion->kind = SHELTER_LEGACY_CONVERSION_FULL;
      conversion->commune = copy_entry (first->commune);
      conversion->province = copy_entry (first->province);
    }
  else
    /* Even a single partial target: the rest of the old commune went elsewhere, so only
     * the person can say where they lived. */
    conversion->kind = SHELTER_LEGACY_CONVERSION_CHOOSE;

  *result = g_steal_pointer (&conversion);
  return TRUE;
}

char *
shelter_reference_describe_address (ShelterDb   *db,
                                    const char  *scheme,
                                    const char  *province_code,
                                    const char  *commune_code,
                                    GError     **error)
{
  g_autoptr (ShelterReferenceEntry) commune = NULL;
  g_autoptr (ShelterReferenceEntry) district = NULL;
  g_autoptr (ShelterReferenceEntry) province = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  gboolean legacy;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  if (province_code == NULL && commune_code == NULL)
    return NULL;
  if (scheme == NULL)
    scheme = SHELTER_ADDRESS_SCHEME;
  legacy = g_str_equal (scheme, SHELTER_LEGACY_ADDRESS_SCHEME);

  if (!lookup (db, scheme, "commune", commune_code, &commune, error))
    return NULL;
  /* Only the 63-province scheme has districts between communes and provinces. */
  if (legacy && !lookup (db, scheme, "district", parent_of (commune), &district, error))
    return NULL;
  if (province_code == NULL)
    province_code = legacy ? parent_of (district) : parent_of (commune);
  if (!lookup (db, scheme, "province", province_code, &province, error))
    return NULL;

  if (commune_code != NULL)
    g_ptr_array_add (parts, commune != NULL ? commune->full_name : (char *) commune_code);
  if (district != NULL)
    g_ptr_array_add (parts, district->full_name);
  if (province_code != NULL)
    g_ptr_array_add (parts, province != NULL ? province->full_name : (char *) province_code);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

gboolean
shelter_reference_has_code (GPtrArray  *entries,
                            const char *code)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (g_strcmp0 (((ShelterReferenceEntry *) g_ptr_array_index (entries, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}
