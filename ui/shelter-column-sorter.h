/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shelter-resident-list-store.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_COLUMN_SORTER (shelter_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (ShelterColumnSorter, shelter_column_sorter,
                      SHELTER, COLUMN_SORTER, GtkSorter)

/* A column's sorter that sorts nothing itself: it only names the order in which the
 * database sorts when the user clicks the column's header. */
GtkSorter            *shelter_column_sorter_new       (ShelterResidentOrder  key);
ShelterResidentOrder  shelter_column_sorter_get_key   (ShelterColumnSorter  *self);

/* The order a column view asks for: the primary sort column's order and direction.
 * Returns FALSE when no column is sorted. @view_sorter is gtk_column_view_get_sorter(). */
gboolean              shelter_column_sorter_find_primary (GtkSorter             *view_sorter,
                                                          ShelterResidentOrder  *order,
                                                          gboolean              *descending);

G_END_DECLS
