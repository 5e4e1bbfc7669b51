/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* `shelterctl bench`: the timings design.md sets targets for, measured on a database (a
 * demo centre of 100,000 residents for the targets). Read-only: it changes nothing. */

typedef struct
{
  char    *query;      /* as typed at the desk */
  guint    hits;       /* rows returned (at most the first screen) */
  double   p50_ms;
  double   p95_ms;
  double   max_ms;
  double   raw_p50_ms; /* the same search as one hand-written SQLite query */
} ShelterBenchSearch;

void       shelter_bench_search_free (ShelterBenchSearch *result);

/* Times the residents search as the Residents section runs it for the first screen (50
 * rows), @runs times per query over queries a reception desk types: a common family name,
 * a given name without diacritics, word prefixes in any order, a case code, the start of
 * a phone or ID number, one letter. The queries are drawn from the database itself so that
 * they find people. A GPtrArray of ShelterBenchSearch. */
GPtrArray *shelter_bench_search      (ShelterSession  *session,
                                      guint            runs,
                                      GError         **error);

/* Times what the rooms board and the planning view read when they open: every room's beds
 * now; the 12-week forecast; the planning view as a whole (the forecast, the stays that need
 * a look, the last 12 months' occupancy and the compliance view). Each as p50 and p95 in
 * milliseconds over @runs runs. */
gboolean   shelter_bench_capacity    (ShelterSession  *session,
                                      guint            runs,
                                      double           board_ms[2],
                                      double           forecast_ms[2],
                                      double           planning_ms[2],
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterBenchSearch, shelter_bench_search_free)

G_END_DECLS
