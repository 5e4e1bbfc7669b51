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

G_END_DECLS
