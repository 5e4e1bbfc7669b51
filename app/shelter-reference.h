/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-reference-store.h"

G_BEGIN_DECLS

/* Reference data for the forms' pickers (ShelterReferenceEntry: code, name, full_name):
 * readable by anyone signed in, never changed by the program. */
#define SHELTER_ADDRESS_SCHEME "vn-2025-07"
#define SHELTER_LEGACY_ADDRESS_SCHEME "vn-63"
#define SHELTER_ETHNICITY_SCHEME "qd121-1979"

GPtrArray *shelter_reference_provinces     (ShelterDb   *db,
                                            const char  *scheme,
                                            GError     **error);
GPtrArray *shelter_reference_communes      (ShelterDb   *db,
                                            const char  *scheme,
                                            const char  *province_code,
                                            GError     **error);
GPtrArray *shelter_reference_ethnic_groups (ShelterDb   *db,
                                            GError     **error);
/* Countries with their Vietnamese name in full_name, sorted by it in Vietnamese order. */
GPtrArray *shelter_reference_countries     (ShelterDb   *db,
                                            GError     **error);
/* Whether @entries (of ShelterReferenceEntry) hold @code: a form's choice checked against
 * the list it was offered. */
gboolean   shelter_reference_has_code      (GPtrArray   *entries,
                                            const char  *code);

/* The 63-province scheme of older papers (SHELTER_LEGACY_ADDRESS_SCHEME): its provinces
 * come from shelter_reference_provinces(); below them are districts, then communes. */
GPtrArray *shelter_reference_legacy_districts (ShelterDb   *db,
                                               const char  *province_code,
                                               GError     **error);
GPtrArray *shelter_reference_legacy_communes  (ShelterDb   *db,
                                               const char  *district_code,
                                               GError     **error);

typedef enum
{
  /* No commune of today is known for it: the address stays as on the papers. */
  SHELTER_LEGACY_CONVERSION_NONE,
  /* The whole old commune is now @commune of @province: converted. */
  SHELTER_LEGACY_CONVERSION_FULL,
  /* The old commune was split (or went to several): the user chooses among @candidates. */
  SHELTER_LEGACY_CONVERSION_CHOOSE,
} ShelterLegacyConversionKind;

typedef struct
{
  ShelterLegacyConversionKind kind;
  /* The old commune and the district and province above it; NULL when not known. */
  ShelterReferenceEntry      *old_commune;
  ShelterReferenceEntry      *old_district;
  ShelterReferenceEntry      *old_province;
  /* FULL: the commune of today and its province; NULL otherwise. */
  ShelterReferenceEntry      *commune;
  ShelterReferenceEntry      *province;
  /* Every ShelterReferenceMapping of the old commune, by code (empty for NONE). */
  GPtrArray                  *candidates;
} ShelterLegacyConversion;

void       shelter_legacy_conversion_free   (ShelterLegacyConversion *conversion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterLegacyConversion, shelter_legacy_conversion_free)

/* Where the commune @old_commune_code of the 63-province scheme is in today's: one whole
 * ("full") target is converted by itself, a split one leaves the choice to the user, an
 * unknown code gives NONE. FALSE only when the database fails. */
gboolean   shelter_reference_convert_legacy_commune (ShelterDb                *db,
                                                     const char               *old_commune_code,
                                                     ShelterLegacyConversion **result,
                                                     GError                  **error);

/* The full names of an address from the commune up, as on papers: "Phường Trúc Bạch, Quận
 * Ba Đình, Thành phố Hà Nội" (vn-63) or "Phường Ba Đình, Thành phố Hà Nội"; the codes for
 * the units that are not known; NULL when there is no code. */
char      *shelter_reference_describe_address (ShelterDb   *db,
                                               const char  *scheme,
                                               const char  *province_code,
                                               const char  *commune_code,
                                               GError     **error);

G_END_DECLS
