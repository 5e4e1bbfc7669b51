/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The date @working_days working days after @from: weekends and the public holidays of the
 * centre's holiday table are skipped ("within 10 working days of reception"). */
gboolean shelter_calendar_add_working_days (ShelterDb    *db,
                                            const GDate  *from,
                                            guint         working_days,
                                            GDate        *result,
                                            GError      **error);

G_END_DECLS
