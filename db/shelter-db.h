/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SHELTER_DB_ERROR (shelter_db_error_quark ())

typedef enum
{
  SHELTER_DB_ERROR_MISSING,        /* the file does not exist */
  SHELTER_DB_ERROR_UNREADABLE,     /* no permission, a folder, an I/O error */
  SHELTER_DB_ERROR_NOT_A_DATABASE, /* not SQLite, or SQLite but not Mái Ấm's */
  SHELTER_DB_ERROR_CORRUPT,        /* fails the integrity check */
  SHELTER_DB_ERROR_TOO_NEW,        /* written by a newer version of the program */
  SHELTER_DB_ERROR_MIGRATION,      /* an upgrade step failed; the file was rolled back */
  SHELTER_DB_ERROR_STALE,          /* changed by someone else since it was read */
  SHELTER_DB_ERROR_NOT_FOUND,
  SHELTER_DB_ERROR_CONSTRAINT,     /* the data breaks a rule of the schema */
  SHELTER_DB_ERROR_BUSY,           /* another desk holds the database for too long */
  SHELTER_DB_ERROR_FULL,           /* the disk is full */
  SHELTER_DB_ERROR_READ_ONLY,
  SHELTER_DB_ERROR_FAILED,
} ShelterDbError;

typedef enum
{
  SHELTER_DB_OPEN_DEFAULT   = 0,
  SHELTER_DB_OPEN_CREATE    = 1 << 0, /* create the file (mode 0600) if it does not exist */
  SHELTER_DB_OPEN_READ_ONLY = 1 << 1,
  /* A second connection to a file this program has open and checked already: the
   * integrity check, which reads the whole file, is not run again. */
  SHELTER_DB_OPEN_CHECKED   = 1 << 2,
} ShelterDbOpenFlags;

/* Who writes and when, stamped on every row a use case writes (created/updated at/by) and
 * on its audit entry. @at is ISO 8601 with offset; @actor a user name, or "os:NAME" for
 * shelterctl run by the operating-system user NAME. */
typedef struct
{
  const char *actor;
  const char *at;
} ShelterStamp;

#define SHELTER_TYPE_DB (shelter_db_get_type ())
G_DECLARE_FINAL_TYPE (ShelterDb, shelter_db, SHELTER, DB, GObject)

GQuark      shelter_db_error_quark             (void);

ShelterDb  *shelter_db_open                    (const char          *path,
                                                ShelterDbOpenFlags   flags,
                                                GError             **error);
const char *shelter_db_get_path                (ShelterDb           *self);
gboolean    shelter_db_is_read_only            (ShelterDb           *self);
int         shelter_db_get_schema_version      (ShelterDb           *self);
/* The copy made before the last migration of this open, or NULL. */
const char *shelter_db_get_pre_migration_backup (ShelterDb          *self);

int         shelter_db_latest_schema_version   (void);

/* Text as names compare: lower case, no diacritics (đ as d), one space between words. */
char       *shelter_db_fold_text               (const char          *text);

/* Transactions nest: the outermost begin takes the write lock (BEGIN IMMEDIATE), inner ones
 * are savepoints. Every successful begin is matched by exactly one commit or rollback. */
gboolean    shelter_db_begin                   (ShelterDb           *self,
                                                GError             **error);
gboolean    shelter_db_commit                  (ShelterDb           *self,
                                                GError             **error);
void        shelter_db_rollback                (ShelterDb           *self);

/* Runs PRAGMA integrity_check (or quick_check) and foreign_key_check; on failure @problems
 * gets the first lines SQLite reported. */
gboolean    shelter_db_check                   (ShelterDb           *self,
                                                gboolean             quick,
                                                char               **problems,
                                                GError             **error);

/* Checks a database file that is not open, without changing it: that it is Mái Ấm's, of a
 * data version this program knows (its version in @schema_version), sound (integrity and
 * foreign keys). */
gboolean    shelter_db_verify_file             (const char          *path,
                                                int                 *schema_version,
                                                GError             **error);

/* Closes the connection now (after a checkpoint), even while others hold the object: every
 * later call fails with "the database is closed". Used before the file is replaced. */
void        shelter_db_close                   (ShelterDb           *self);

/* Writes everything in the write-ahead log into the database file itself. */
gboolean    shelter_db_checkpoint              (ShelterDb           *self,
                                                GError             **error);

/* A consistent copy of the open database through SQLite's online backup API. */
gboolean    shelter_db_backup_to               (ShelterDb           *self,
                                                const char          *dest_path,
                                                GError             **error);

G_END_DECLS
