/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* `shelterctl bench`: the timings design.md sets targets for, measured on a database (a
 * demo centre of 100,000 residents for the targets). Each measurement is one line of the
 * table: what, median, 95th percentile, target, pass or fail. */

typedef enum
{
  SHELTER_BENCH_MEASURED,
  SHELTER_BENCH_NOT_BUILT,   /* that part of the program does not exist yet: no number */
  SHELTER_BENCH_SKIPPED,     /* could not be measured here (no display, no binary) */
} ShelterBenchState;

typedef struct
{
  char              *code;     /* stable, for the JSON: "search", "intake_save" */
  char              *what;     /* translated */
  const char        *unit;     /* "ms", "MB" or "x" (a ratio) */
  ShelterBenchState  state;
  guint              runs;
  double             median;
  double             p95;
  double             target;   /* NAN: no target in design.md */
  gboolean           target_on_median; /* else the target bounds the 95th percentile */
  char              *note;     /* why skipped, or what exactly was measured; may be NULL */
} ShelterBenchLine;

ShelterBenchLine *shelter_bench_line_new       (const char        *code,
                                                const char        *what,
                                                const char        *unit,
                                                double             target);
void              shelter_bench_line_free      (ShelterBenchLine  *line);
/* Sets median and 95th percentile from @samples (doubles, sorted in place). */
void              shelter_bench_line_set_samples (ShelterBenchLine *line,
                                                  GArray           *samples);
/* TRUE when measured and within the target (or without one). */
gboolean          shelter_bench_line_passes    (const ShelterBenchLine *line);

/* Measures on @session's database, a working copy at @path that the measurements may
 * change (intakes are saved into it), and appends a ShelterBenchLine per measurement to
 * @lines: the search and its ratio to hand-written SQL, warm and on a new connection; the
 * Residents list's first screen and its last; a resident's page; saving an intake; the
 * kitchen sheet; today's reminders; the capacity forecast; the annual report; importing
 * residents. Each timed @runs times after one run to warm up. */
gboolean          shelter_bench_run            (ShelterSession    *session,
                                                const char        *path,
                                                guint              runs,
                                                GPtrArray         *lines,
                                                GError           **error);

/* Reads everything a resident's page and its tabs read when they open (ui/shelter-resident-
 * page*.c), dropping it: what the benchmark times and the query plan test traces. */
gboolean          shelter_bench_load_resident_page (ShelterSession *session,
                                                    gint64          person_id,
                                                    GError        **error);

/* The desk queries the search is timed with, made from people on record (at least 50 on a
 * centre of a few hundred people). */
GPtrArray        *shelter_bench_desk_queries   (ShelterDb         *db,
                                                GError           **error);

/* The table as printed: a header, then what, median, p95, target, verdict. */
char             *shelter_bench_format_table   (GPtrArray         *lines);
/* The same as JSON: {"residents": N, ..., "lines": [{"code", "what", "unit", "state",
 * "median", "p95", "target", "pass", "note"}]}; @info adds string members at the top. */
char             *shelter_bench_format_json    (GPtrArray         *lines,
                                                const char * const *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterBenchLine, shelter_bench_line_free)

G_END_DECLS
