/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shelter-capacity.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_OCCUPANCY_CHART (shelter_occupancy_chart_get_type ())
G_DECLARE_FINAL_TYPE (ShelterOccupancyChart, shelter_occupancy_chart, SHELTER, OCCUPANCY_CHART,
                      GtkWidget)

GtkWidget  *shelter_occupancy_chart_new             (void);
/* Draws the occupancy rate of each segment that had beds, month by month; NULL empties the
 * chart. The history is copied. */
void        shelter_occupancy_chart_set_history     (ShelterOccupancyChart         *self,
                                                     const ShelterOccupancyHistory *history);
/* The sentence given to screen readers for what the chart shows; "" when empty. */
const char *shelter_occupancy_chart_get_description (ShelterOccupancyChart         *self);

/* "mm/yyyy" of month @index of @history. */
char       *shelter_occupancy_chart_format_month    (const ShelterOccupancyHistory *history,
                                                     guint                          index);

G_END_DECLS
