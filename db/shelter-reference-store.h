/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* A row of a reference table: an administrative unit, an ethnic group or a country. */
typedef struct
{
  char *scheme;      /* "vn-2025-07", "vn-63", "qd121-1979", ... ; NULL for countries */
  char *code;
  char *name;        /* short name: "Hà Nội", "Ba Đình", "Kinh", "Việt Nam" */
  char *full_name;   /* "Thành phố Hà Nội", "Phường Ba Đình"; the name where there is none */
  char *parent_code;
} ShelterReferenceEntry;

void      shelter_reference_entry_free        (ShelterReferenceEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterReferenceEntry, shelter_reference_entry_free)

/* Where a commune of the 63-province scheme went in the 2025 one (admin_unit_mapping):
 * the new commune, its province, and whether the whole old commune went there ("full")
 * or only a part of it ("partial"). */
typedef struct
{
  ShelterReferenceEntry *commune;
  ShelterReferenceEntry *province;
  char                  *kind;
} ShelterReferenceMapping;

void      shelter_reference_mapping_free      (ShelterReferenceMapping *mapping);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterReferenceMapping, shelter_reference_mapping_free)

/* Provinces of @scheme by code. */
GPtrArray *shelter_reference_store_provinces  (ShelterDb   *db,
                                               const char  *scheme,
                                               GError     **error);
/* Communes of a province of @scheme by code (for vn-63, through its districts). */
GPtrArray *shelter_reference_store_communes   (ShelterDb   *db,
                                               const char  *scheme,
                                               const char  *province_code,
                                               GError     **error);
/* Districts of a province of @scheme (only "vn-63" has districts), by code. */
GPtrArray *shelter_reference_store_districts  (ShelterDb   *db,
                                               const char  *scheme,
                                               const char  *province_code,
                                               GError     **error);
/* Communes of a district of @scheme, by code. */
GPtrArray *shelter_reference_store_district_communes (ShelterDb   *db,
                                                      const char  *scheme,
                                                      const char  *district_code,
                                                      GError     **error);
/* The ShelterReferenceMapping of the old commune @old_code into @new_scheme, by new code;
 * targets missing from @new_scheme's units are left out. Empty when none is known. */
GPtrArray *shelter_reference_store_mappings   (ShelterDb   *db,
                                               const char  *old_code,
                                               const char  *new_scheme,
                                               GError     **error);
/* One administrative unit, or NULL without error. */
ShelterReferenceEntry *shelter_reference_store_admin_unit (ShelterDb   *db,
                                                           const char  *scheme,
                                                           const char  *level,
                                                           const char  *code,
                                                           GError     **error);
GPtrArray *shelter_reference_store_ethnic_groups (ShelterDb   *db,
                                                  const char  *scheme,
                                                  GError     **error);
/* Countries by ISO code: the English name in @name, the Vietnamese one in @full_name. */
GPtrArray *shelter_reference_store_countries  (ShelterDb   *db,
                                               GError     **error);

G_END_DECLS
