/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The benchmark's yardstick: the residents search written by hand as one SQLite query on
 * the same index (prepared anew, no cache, no folding), so that `shelterctl bench` can
 * compare the program's search with what SQLite alone takes. Returns the number of rows,
 * or -1 with @error set. */
gint64     shelter_bench_store_raw_search  (ShelterDb   *db,
                                            const char  *fts_query,
                                            guint        limit,
                                            GError     **error);

/* Starts recording the text of every statement @db runs (once each, in the order first
 * run), so that a test can look at the plans of what a use case really asks. */
void       shelter_bench_store_trace_start (ShelterDb   *db);
/* Stops recording; the statements' SQL (of char *), owned. */
GPtrArray *shelter_bench_store_trace_stop  (ShelterDb   *db);

/* The plan SQLite makes for @sql (EXPLAIN QUERY PLAN, parameters unbound): one line per
 * step, as "SCAN person" or "SEARCH stay USING INDEX stay_person (person_id=?)". NULL with
 * @error set when @sql does not prepare. */
GPtrArray *shelter_bench_store_query_plan  (ShelterDb   *db,
                                            const char  *sql,
                                            GError     **error);

/* How many rows @table has (a table of the schema, checked), -1 with @error set. */
gint64     shelter_bench_store_count_rows  (ShelterDb   *db,
                                            const char  *table,
                                            GError     **error);

/* The returns a centre sees: the demo gives each resident one stay, and design.md's centre
 * has about 1.2. Gives every fifth person an earlier stay of 30 days that ended 30 days
 * before their first admission (when the centre was open then), with a copy of that
 * admission's intake and room. Not through the use case and not audited, created by
 * "bench": for the benchmark's generated centres only, and done once (none is added
 * when a centre has such stays already). Returns the stays added, or -1 with @error set. */
gint64     shelter_bench_store_add_earlier_stays   (ShelterDb   *db,
                                                    GError     **error);

/* The service history a centre that has kept its records for years has: the demo records
 * services only for the residents staying today, so the benchmark adds @per_stay services
 * to every ended stay that has none, copied from the services on record (kinds, staff,
 * texts) and dated within the stay. Not through the use case and not audited: for the
 * benchmark's generated centres only. Returns the rows added, or -1 with @error set. */
gint64     shelter_bench_store_add_service_history (ShelterDb   *db,
                                                    guint        per_stay,
                                                    GError     **error);

G_END_DECLS
