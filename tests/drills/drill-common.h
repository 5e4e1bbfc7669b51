/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a drill asserts of a database file after whatever happened to it, read straight
 * with SQLite as an administrator with sqlite3 would: PRAGMA integrity_check says ok,
 * foreign_key_check finds nothing, and, once the schema is there, the search index agrees
 * with the people table (the same people, FTS5's own check, and a sample of case codes
 * found through it). Returns the number of people, or -1 when there is no people table yet. */
gint64 drill_assert_sound       (const char  *path);

/* A connection straight to the file (read-write: a log left by a killed writer is
 * replayed, as the app would), and a count from @sql on it, or -1. */
struct sqlite3 *drill_open      (const char       *path);
gint64 drill_count_on           (struct sqlite3   *handle,
                                 const char       *sql);

/* A count from @sql on @path, or -1. */
gint64 drill_count              (const char  *path,
                                 const char  *sql);

/* SHA-256 of the file's bytes. */
char  *drill_file_checksum      (const char  *path);

/* Starts a program with @argv (NULL-terminated), stdout and stderr piped (and stdin when
 * @with_stdin). */
GSubprocess *drill_spawn        (gboolean            with_stdin,
                                 const char * const *argv);

G_END_DECLS
