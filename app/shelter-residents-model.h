/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-resident-list-store.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_RESIDENTS_MODEL (shelter_residents_model_get_type ())
G_DECLARE_FINAL_TYPE (ShelterResidentsModel, shelter_residents_model,
                      SHELTER, RESIDENTS_MODEL, GObject)

/* A GListModel of ShelterResidentSummary: the residents in list order, loaded lazily so that
 * 100,000 people open at once. Rows of residents under high protection show only the case
 * code to a session that may not see them. The model is empty until the first reload
 * (or set_order, set_search, set_filter); it starts with everyone in residence by name. */
ShelterResidentsModel *shelter_residents_model_new          (ShelterSession         *session);

/* Reloads in the given order; emits one items-changed for the whole list. */
gboolean               shelter_residents_model_set_order    (ShelterResidentsModel  *self,
                                                             ShelterResidentOrder    order,
                                                             gboolean                descending,
                                                             GError                **error);
/* Shows only the people whose names, case code, ID number or phone match @text (diacritics
 * and case ignored); NULL or "" shows everyone again. */
gboolean               shelter_residents_model_set_search   (ShelterResidentsModel  *self,
                                                             const char             *text,
                                                             GError                **error);
gboolean               shelter_residents_model_set_filter   (ShelterResidentsModel  *self,
                                                             ShelterResidentFilter   filter,
                                                             GError                **error);
gboolean               shelter_residents_model_reload       (ShelterResidentsModel  *self,
                                                             GError                **error);

/* One resident's row (latest stay, current room), masked as the list masks it. */
ShelterResidentSummary *shelter_residents_get_summary       (ShelterSession         *session,
                                                             gint64                  person_id,
                                                             GError                **error);

/* A search shows at most this many matches, the first in name order. */
#define SHELTER_RESIDENTS_SEARCH_LIMIT 500

/* How many people the centre has on record (in residence or not). */
gint64                 shelter_residents_count_all          (ShelterSession         *session,
                                                             GError                **error);

/* Search without a model, for shelterctl: ids of the first @limit matches in name order. */
GArray                *shelter_residents_search             (ShelterSession         *session,
                                                             const char             *text,
                                                             guint                   limit,
                                                             GError                **error);

G_END_DECLS
