/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shelter-statistics.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_STAT_CHART (shelter_stat_chart_get_type ())
G_DECLARE_FINAL_TYPE (ShelterStatChart, shelter_stat_chart, SHELTER, STAT_CHART, GtkDrawingArea)

GtkWidget  *shelter_stat_chart_new             (void);
/* Draws the rows of @table (not its total) as horizontal bars of the figures in @column,
 * each bar labelled with its figure; a suppressed figure has no bar and reads "<N". The
 * labels and figures are copied; NULL empties the chart. */
void        shelter_stat_chart_set_table       (ShelterStatChart       *self,
                                                const ShelterStatTable *table,
                                                guint                   column);
/* The sentence given to screen readers: the table's title and every row with its figure;
 * "" when empty. */
const char *shelter_stat_chart_get_description (ShelterStatChart       *self);

/* Whether @table is one the Reports section draws: a breakdown with few rows. */
gboolean    shelter_stat_chart_wants_table     (const ShelterStatTable *table);

/* A count as the reports show it: 12345 -> "12.345"; a suppressed one as "<@below". */
char       *shelter_stat_format_count          (gint64                  value,
                                                guint                   below);

G_END_DECLS
