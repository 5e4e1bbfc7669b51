/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* How long a stay may last, by law and by decision of the province: emergency protection
 * ("emergency_protection", 3 months by default) and state-funded meals ("funded_meals",
 * 60 days by default). Decrees change them, so each limit is kept with its legal basis and
 * the days it applies; a new limit ends the one before it, never rewrites it. */

#define SHELTER_STAY_LIMIT_DAYS_MAX 3650
#define SHELTER_STAY_LIMIT_BASIS_MAX 300

typedef struct
{
  gint64  id;
  char   *kind;
  guint   days;
  char   *legal_basis;  /* the decree or decision, with its number and date */
  char   *valid_from;   /* YYYY-MM-DD */
  char   *valid_to;     /* YYYY-MM-DD, its last day; NULL while open-ended */
} ShelterStayLimit;

void                    shelter_stay_limit_free        (ShelterStayLimit  *limit);

/* The kinds, in display order (NULL-terminated, static), and their labels, translated:
 * "Emergency protection", "State-funded meals"; NULL for an unknown kind. */
const char * const     *shelter_stay_limit_kinds       (void);
const char             *shelter_stay_limit_kind_label  (const char        *kind);

/* VIEW_ROOMS. Every limit recorded, by kind in the order of shelter_stay_limit_kinds(),
 * the newest (latest start) first within each kind. */
GPtrArray              *shelter_stay_limits_list       (ShelterSession    *session,
                                                        GError           **error);
/* In @limits (as listed), the limit of @kind in force on @on (YYYY-MM-DD), or NULL. */
const ShelterStayLimit *shelter_stay_limits_find       (GPtrArray         *limits,
                                                        const char        *kind,
                                                        const char        *on);

/* MANAGE_ROOMS; audited. Records a limit of @kind of @days (1 to 3650) from @valid_from
 * (YYYY-MM-DD) on @legal_basis (required, at most 300 characters), and ends the limit of
 * that kind recorded before it on the day before, in the same transaction. A start before
 * that of the limit in force (or of one already recorded to start later) is refused: the
 * past is not rewritten. Refusals name the field (SHELTER_FIELD_STAY_LIMIT_*). Returns the
 * new limit's id, or 0 with @error set. */
gint64                  shelter_stay_limits_add        (ShelterSession    *session,
                                                        const char        *kind,
                                                        guint              days,
                                                        const char        *legal_basis,
                                                        const char        *valid_from,
                                                        GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterStayLimit, shelter_stay_limit_free)

G_END_DECLS
