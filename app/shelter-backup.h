/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shelter-session.h"

G_BEGIN_DECLS

/* A backup file: a header that names the format, its version, the data version and whether
 * it is encrypted, then the SQLite database, either plain with a BLAKE2b checksum or
 * encrypted with a key derived from a passphrase (Argon2id) through libsodium's
 * secretstream, which also detects any change or truncation. Extension ".maiam-backup". */
#define SHELTER_BACKUP_EXTENSION ".maiam-backup"

typedef struct
{
  int      format_version;
  int      schema_version;
  gboolean encrypted;
  gint64   created_unix;
} ShelterBackupInfo;

/* Makes a consistent copy of the open database while it is in use (the online backup API),
 * encrypted when @passphrase is not NULL. Records the run (ok or not) and audits it. */
gboolean shelter_backup_create          (ShelterSession     *session,
                                         const char         *dest_path,
                                         const char         *passphrase,
                                         GError            **error);

/* Reads and checks a backup without restoring: format, data version, passphrase, checksum,
 * and the integrity of the database inside. */
gboolean shelter_backup_verify          (const char         *backup_path,
                                         const char         *passphrase,
                                         ShelterBackupInfo  *info,
                                         GError            **error);

/* Restores @backup_path over the session's database (administrator only): the backup is
 * unpacked beside the database and verified first; only then is the current file moved
 * aside (its new name in @replaced_path) and the restored one put in its place. A backup
 * that fails its checks changes nothing and the session goes on; after a restore the
 * session's database is closed, and the caller drops the session and opens the file again. */
gboolean shelter_backup_restore         (ShelterSession     *session,
                                         const char         *backup_path,
                                         const char         *passphrase,
                                         char              **replaced_path,
                                         GError            **error);

/* The same for a database that is not open, or cannot be (damaged): shelterctl restore, run
 * by whoever holds the file. @actor is recorded in the restored database's audit trail;
 * @info (may be NULL) receives what the backup held. */
gboolean shelter_backup_restore_file    (const char         *backup_path,
                                         const char         *passphrase,
                                         const char         *db_path,
                                         const char         *actor,
                                         ShelterBackupInfo  *info,
                                         char              **replaced_path,
                                         GError            **error);

/* The automatic backup at start: when the newest backup in @folder is older than a day (or
 * there is none), makes a new one, then keeps the 14 newest and the newest of each of the
 * last 12 months. Sets @made to whether it made one. Failures are returned and recorded. */
gboolean shelter_backup_run_scheduled   (ShelterSession     *session,
                                         const char         *folder,
                                         gboolean           *made,
                                         GError            **error);

/* The default folder for automatic backups: $XDG_DATA_HOME/vn.maiam.Shelter/backups. */
char    *shelter_backup_default_folder  (void);

/* The last backup run recorded in the database: its time (ISO 8601) and whether it worked;
 * FALSE when none was ever made. */
gboolean shelter_backup_last_run        (ShelterSession     *session,
                                         char              **at,
                                         gboolean           *ok,
                                         char              **message,
                                         GError            **error);

/* Overwrites a passphrase the user typed, then frees it; NULL is ignored. Through
 * libsodium, so that the compiler cannot drop the overwrite of memory about to be freed. */
void      shelter_backup_passphrase_free        (char               *passphrase);

/* A backup found on disk, described from its header alone (no passphrase needed). */
typedef struct
{
  char     *path;           /* absolute */
  gint64    created_unix;
  gboolean  encrypted;
  int       schema_version;
  /* What the backup says of the database it was made from; NULL in backups made before
   * Mái Ấm wrote it (format 1). */
  char     *database_id;
  char     *database_path;
  char     *centre_name;
} ShelterBackupFound;

#define SHELTER_TYPE_BACKUP_FOUND (shelter_backup_found_get_type ())
GType               shelter_backup_found_get_type (void) G_GNUC_CONST;
ShelterBackupFound *shelter_backup_found_copy     (const ShelterBackupFound *found);
void                shelter_backup_found_free     (ShelterBackupFound       *found);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterBackupFound, shelter_backup_found_free)

/* Reads the header of @backup_path: a complete check needs shelter_backup_verify(). NULL
 * with SHELTER_APP_ERROR_BACKUP_INVALID or _TOO_NEW, or an I/O error. */
ShelterBackupFound *shelter_backup_describe     (const char   *backup_path,
                                                 GError      **error);

/* The backups of the database at @db_path, newest first, without needing it open (it may be
 * damaged): in the folders the user's record says its backups went to (every backup made,
 * by hand or automatic, is noted there), the backup folder its settings name if they can
 * still be read (read-only), and the default folder. Only backups that name this database,
 * by its path or by the id it keeps, are returned; unreadable and foreign files are left
 * out. An array of ShelterBackupFound, maybe empty. */
GPtrArray          *shelter_backup_find_for_database (const char *db_path);

G_END_DECLS
