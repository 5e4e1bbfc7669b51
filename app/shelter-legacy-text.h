/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Vietnamese text of old spreadsheets, typed with the .Vn fonts (TCVN3, also called
 * ABC) or the VNI fonts: to the eye Vietnamese, to the computer Latin letters and symbols
 * (in a file read as Windows-1252, or in an XLSX that stored the font's characters as
 * they are). Recognised and converted to Unicode in NFC. */

typedef enum
{
  SHELTER_LEGACY_UNICODE,  /* already Unicode (or plain ASCII): nothing to convert */
  SHELTER_LEGACY_TCVN3,
  SHELTER_LEGACY_VNI,
} ShelterLegacyEncoding;

/* "Unicode", "TCVN3 (ABC)", "VNI": for the user. */
const char           *shelter_legacy_encoding_name (ShelterLegacyEncoding  encoding);

/* The encoding @text looks written in: TCVN3 or VNI when its characters are those the
 * encoding gives Vietnamese letters and reading them so gives Vietnamese syllables;
 * Unicode when it holds Vietnamese letters already or nothing that tells. */
ShelterLegacyEncoding shelter_legacy_detect        (const char            *text);

/* The encoding most of @texts (NULL-terminated, e.g. the cells of the name column) look
 * written in, and in *@n_other how many look written in another one (mixed encodings:
 * the caller tells the user). */
ShelterLegacyEncoding shelter_legacy_detect_all    (const char * const    *texts,
                                                    guint                 *n_other);

/* @text read in @encoding, as Unicode NFC (a copy of @text, in NFC, for UNICODE). */
char                 *shelter_legacy_to_unicode    (const char            *text,
                                                    ShelterLegacyEncoding  encoding);

G_END_DECLS
