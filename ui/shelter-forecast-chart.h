/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shelter-capacity.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_FORECAST_CHART (shelter_forecast_chart_get_type ())
G_DECLARE_FINAL_TYPE (ShelterForecastChart, shelter_forecast_chart, SHELTER, FORECAST_CHART,
                      GtkWidget)

GtkWidget  *shelter_forecast_chart_new             (void);
/* Draws the expected residents of each segment with beds as a share of its beds, week by
 * week; NULL empties the chart. The forecast is copied. */
void        shelter_forecast_chart_set_forecast    (ShelterForecastChart          *self,
                                                    const ShelterCapacityForecast *forecast);
/* The sentence given to screen readers for what the chart shows; "" when empty. */
const char *shelter_forecast_chart_get_description (ShelterForecastChart          *self);

/* "dd/mm" of the last day of week @week (1-based) of @forecast: today + 7 × @week days. */
char       *shelter_forecast_chart_format_week_end (const ShelterCapacityForecast *forecast,
                                                    guint                          week);

G_END_DECLS
