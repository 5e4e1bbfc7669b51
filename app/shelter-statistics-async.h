/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-statistics.h"

G_BEGIN_DECLS

/* shelter_statistics_compute() away from the main thread: a year of a large centre takes
 * a good part of a second, too long to freeze the window. The worker opens the session's
 * database a second time, read-only, as the same user with the same clock, so the figures
 * are those shelter_statistics_compute() gives on the session itself. A database that
 * cannot be opened twice (in memory) is counted on the calling thread instead.
 *
 * Cancelled (another period chosen, the session gone): _finish() fails with
 * G_IO_ERROR_CANCELLED and gives none of the tables. */
void       shelter_statistics_compute_async  (ShelterSession       *session,
                                              const ShelterPeriod  *period,
                                              gboolean              suppress,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The tables (ShelterStatTable) as shelter_statistics_compute() returns them. */
GPtrArray *shelter_statistics_compute_finish (ShelterSession       *session,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
