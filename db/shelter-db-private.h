/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "shelter-db.h"

G_BEGIN_DECLS

/* For the stores in db/ only. */
sqlite3      *_shelter_db_get_handle  (ShelterDb     *self);
/* A prepared statement from the cache, reset and with its bindings cleared. @sql must be a
 * string literal: the cache is keyed by it. Hand it back with _shelter_db_release(). */
sqlite3_stmt *_shelter_db_prepare     (ShelterDb     *self,
                                       const char    *sql,
                                       GError       **error);
void          _shelter_db_release     (ShelterDb     *self,
                                       sqlite3_stmt  *stmt);
/* Steps a statement that returns no row; on failure sets @error in the caller's words. */
gboolean      _shelter_db_exec_stmt   (ShelterDb     *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean      _shelter_db_set_error   (ShelterDb     *self,
                                       int            rc,
                                       GError       **error);
void          _shelter_db_bind_text   (sqlite3_stmt  *stmt,
                                       int            index,
                                       const char    *text);
const char   *_shelter_db_column_text (sqlite3_stmt  *stmt,
                                       int            index);
/* Steps a statement that returns one number (a count), hands the statement back to the
 * cache and returns the number, or -1 with @error set. */
gint64        _shelter_db_step_count  (ShelterDb     *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
/* From now on, a statement of this connection stops with SQLITE_INTERRUPT once @ms
 * milliseconds have passed; 0 lifts the limit. For a read that has a cheaper way round
 * when it turns out slow, never for a write. */
void          _shelter_db_limit_time  (ShelterDb     *self,
                                       guint          ms);
/* Maps the extended result of a failed step to the error of a store. */
int           _shelter_db_changes     (ShelterDb     *self);

G_END_DECLS
