/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"
#include "shelter-person.h"

G_BEGIN_DECLS

/* @sort_key orders lists (an ICU collation key made in app/); @search_words are the folded
 * words the search index holds for this person. Both are derived by app/ from the person. */
gboolean       shelter_person_store_insert          (ShelterDb           *db,
                                                     ShelterPerson       *person,
                                                     GBytes              *sort_key,
                                                     const char          *search_words,
                                                     const ShelterStamp  *stamp,
                                                     GError             **error);
/* Fails with SHELTER_DB_ERROR_STALE when the stored version is not @person's. */
gboolean       shelter_person_store_update          (ShelterDb           *db,
                                                     ShelterPerson       *person,
                                                     GBytes              *sort_key,
                                                     const char          *search_words,
                                                     const ShelterStamp  *stamp,
                                                     GError             **error);
ShelterPerson *shelter_person_store_get             (ShelterDb           *db,
                                                     gint64               id,
                                                     GError             **error);
/* Takes the next serial for case codes starting with @prefix (1 for the first); -1 on error.
 * Call it inside the transaction that writes the code, so that no two desks get the same. */
gint64         shelter_person_store_next_serial     (ShelterDb           *db,
                                                     const char          *prefix,
                                                     GError             **error);
/* Ids of people (not voided) matching an FTS5 query over the search words, sorted by name;
 * at most @limit. */
GArray        *shelter_person_store_search          (ShelterDb           *db,
                                                     const char          *fts_query,
                                                     guint                limit,
                                                     GError             **error);
/* People (not voided) who may be @person: the same ID number, or the same family, middle
 * and given name, birth year and home province. At most 20 ids, by name. */
GArray        *shelter_person_store_find_similar    (ShelterDb           *db,
                                                     ShelterPerson       *person,
                                                     GError             **error);
/* The id of the person (not voided) with @case_code, 0 without error when there is none,
 * -1 on error. */
gint64         shelter_person_store_find_by_case_code (ShelterDb           *db,
                                                       const char          *case_code,
                                                       GError             **error);
gint64         shelter_person_store_count           (ShelterDb           *db,
                                                     GError             **error);

G_END_DECLS
