/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The reminders told on the desktop (schema 0010-notices.sql): for each person and
 * reminder key, the fingerprint of the reminder last sent to them. */

/* The fingerprint last sent to @username for @key in @fingerprint (NULL when none was);
 * FALSE only on an error. */
gboolean shelter_notice_store_get_sent (ShelterDb    *db,
                                        const char   *username,
                                        const char   *key,
                                        char        **fingerprint,
                                        GError      **error);
/* Records that @fingerprint was sent to @username for @key at @sent_at (ISO 8601),
 * replacing what was sent before for that key. */
gboolean shelter_notice_store_set_sent (ShelterDb    *db,
                                        const char   *username,
                                        const char   *key,
                                        const char   *fingerprint,
                                        const char   *sent_at,
                                        GError      **error);

G_END_DECLS
