/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The benchmark's yardstick: the residents search written by hand as one SQLite query on
 * the same index (prepared anew, no cache, no folding), so that `shelterctl bench` can
 * compare the program's search with what SQLite alone takes. Returns the number of rows,
 * or -1 with @error set. */
gint64 shelter_bench_store_raw_search (ShelterDb   *db,
                                       const char  *fts_query,
                                       guint        limit,
                                       GError     **error);

G_END_DECLS
