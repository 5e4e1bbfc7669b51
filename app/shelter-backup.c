/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-backup.h"
#include "shelter-centre-profile.h"
#include "shelter-settings.h"
#include "shelter-stores.h"

/* The file: MAGIC, then the fixed header (little-endian); from format 2 on, the identity of
 * the database it was made from (a 32-bit length, then a key file: its id, its path, the
 * centre's name), so that the backups of one database can be told from another's in a shared
 * folder without a passphrase. Then, for a plain backup, the BLAKE2b of the database (format
 * 2: of the header, identity and database) and the database itself; for an encrypted one the
 * salt, the Argon2id limits, the secretstream header and the database in chunks, the header
 * (and identity) authenticated with the first chunk. Format 1 files, without identity, are
 * read as before. */
#define MAGIC "MAIAMBAK"
#define FORMAT_VERSION 2
#define IDENTITY_MAX_BYTES (16 * 1024)
#define IDENTITY_GROUP "Database"
/* A random id kept in the database's settings, made at its first backup: it follows the
 * file when it is moved, where its path does not. */
#define DATABASE_ID_SETTING "database_id"
/* The per-user record of where each database's backups went: a damaged database cannot be
 * trusted to say where its backup folder was. */
#define PLACES_FILE "backup-places.ini"
#define PLACES_KEEP_FOLDERS 8
#define FLAG_ENCRYPTED 0x01
#define CHUNK_SIZE (64 * 1024)
#define KEEP_NEWEST 14
#define KEEP_MONTHS 12
/* Automatic backups are named by time under this prefix; only they are ever pruned, so a
 * backup made by hand in the same folder is never deleted. */
#define AUTOMATIC_PREFIX "shelter-auto-"

typedef struct
{
  guint8  format_version;
  guint8  flags;
  guint32 schema_version;
  gint64  created_unix;
  guint64 payload_length;
} Header;

#define HEADER_BYTES (8 + 1 + 1 + 2 + 4 + 8 + 8)

static void
ensure_sodium (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium cannot start");
      g_once_init_leave (&initialized, 1);
    }
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v = 0;
  for (int i = 3; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;
  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static void
encode_header (const Header *header,
               guint8        out[HEADER_BYTES])
{
  memset (out, 0, HEADER_BYTES);
  memcpy (out, MAGIC, 8);
  out[8] = header->format_version;
  out[9] = header->flags;
  put_u32 (out + 12, header->schema_version);
  put_u64 (out + 16, (guint64) header->created_unix);
  put_u64 (out + 24, header->payload_length);
}

static gboolean
invalid_backup (GError     **error,
                const char  *path)
{
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_INVALID,
               _("“%s” is not a complete Mái Ấm backup: it is another kind of file, or it was "
                 "cut short or changed. Choose another backup."), path);
  return FALSE;
}

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               saved_errno == ENOSPC
                 ? _("The disk is full: “%s” could not be written. Free some space and try again.")
                 : _("“%s” could not be read or written: %s."),
               path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (FILE          *out,
           const void    *data,
           gsize          length,
           const char    *path,
           GError       **error)
{
  if (length > 0 && fwrite (data, 1, length, out) != length)
    return io_error (error, path, errno ? errno : EIO);
  return TRUE;
}

static gboolean
finish_file (FILE        *out,
             const char  *path,
             GError     **error)
{
  int saved_errno = 0;

  if (fflush (out) != 0 || fsync (fileno (out)) != 0)
    saved_errno = errno;
  if (fclose (out) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno != 0)
    return io_error (error, path, saved_errno);
  return TRUE;
}

/* A new private file beside @near, for writing. */
static FILE *
open_private_temp (const char  *near,
                   char       **temp_path,
                   GError     **error)
{
  g_autofree char *template = g_strconcat (near, ".part-XXXXXX", NULL);
  int fd = g_mkstemp_full (template, O_WRONLY, 0600);
  FILE *file;

  if (fd < 0)
    {
      io_error (error, near, errno);
      return NULL;
    }
  file = fdopen (fd, "wb");
  *temp_path = g_steal_pointer (&template);
  return file;
}

/* Writes the backup file from the database snapshot at @snapshot_path. */
static gboolean
pack (const char  *snapshot_path,
      const char  *dest_path,
      int          schema_version,
      const char  *identity,
      const char  *passphrase,
      GError     **error)
{
  g_autoptr (GByteArray) lead = g_byte_array_new ();
  guint8 length_bytes[4];
  g_autofree char *temp_path = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  g_autofree guint8 *cipher = g_malloc (CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES);
  guint8 header_bytes[HEADER_BYTES];
  Header header = { FORMAT_VERSION, 0, (guint32) schema_version, g_get_real_time () / G_USEC_PER_SEC, 0 };
  FILE *in = NULL, *out = NULL;
  GStatBuf st;
  gboolean ok = FALSE;

  ensure_sodium ();
  if (g_stat (snapshot_path, &st) != 0)
    return io_error (error, snapshot_path, errno);
  header.payload_length = (guint64) st.st_size;
  if (passphrase != NULL)
    header.flags |= FLAG_ENCRYPTED;
  encode_header (&header, header_bytes);
  /* The header and the identity: written first, covered by the checksum or authenticated. */
  put_u32 (length_bytes, (guint32) strlen (identity));
  g_byte_array_append (lead, header_bytes, sizeof header_bytes);
  g_byte_array_append (lead, length_bytes, sizeof length_bytes);
  g_byte_array_append (lead, (const guint8 *) identity, strlen (identity));

  in = g_fopen (snapshot_path, "rb");
  if (in == NULL)
    return io_error (error, snapshot_path, errno);
  out = open_private_temp (dest_path, &temp_path, error);
  if (out == NULL)
    goto out;
  if (!write_all (out, lead->data, lead->len, dest_path, error))
    goto out;

  if (passphrase == NULL)
    {
      crypto_generichash_state state;
      guchar digest[crypto_generichash_BYTES];
      gsize n;

      /* The checksum goes first, so it is computed in a first pass. */
      crypto_generichash_init (&state, NULL, 0, sizeof digest);
      crypto_generichash_update (&state, lead->data, lead->len);
      while ((n = fread (buffer, 1, CHUNK_SIZE, in)) > 0)
        crypto_generichash_update (&state, buffer, n);
      crypto_generichash_final (&state, digest, sizeof digest);
      rewind (in);
      if (!write_all (out, digest, sizeof digest, dest_path, error))
        goto out;
      while ((n = fread (buffer, 1, CHUNK_SIZE, in)) > 0)
        if (!write_all (out, buffer, n, dest_path, error))
          goto out;
    }
  else
    {
      guint8 salt[crypto_pwhash_SALTBYTES];
      guint8 limits[16];
      guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
      guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
      crypto_secretstream_xchacha20poly1305_state state;
      gboolean first = TRUE;
      gsize n;

      randombytes_buf (salt, sizeof salt);
      put_u64 (limits, crypto_pwhash_OPSLIMIT_INTERACTIVE);
      put_u64 (limits + 8, crypto_pwhash_MEMLIMIT_INTERACTIVE);
      if (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), salt,
                         crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                         crypto_pwhash_ALG_ARGON2ID13) != 0)
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("The computer does not have enough free memory to encrypt the backup."));
          goto out;
        }
      crypto_secretstream_xchacha20poly1305_init_push (&state, stream_header, key);
      sodium_memzero (key, sizeof key);
      if (!write_all (out, salt, sizeof salt, dest_path, error) ||
          !write_all (out, limits, sizeof limits, dest_path, error) ||
          !write_all (out, stream_header, sizeof stream_header, dest_path, error))
        goto out;

      do
        {
          unsigned long long cipher_length;
          guint8 tag;

          n = fread (buffer, 1, CHUNK_SIZE, in);
          tag = feof (in) ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
          /* The first chunk also authenticates the header: its data version cannot be
           * changed without the passphrase. */
          crypto_secretstream_xchacha20poly1305_push (&state, cipher, &cipher_length, buffer, n,
                                                      first ? lead->data : NULL,
                                                      first ? lead->len : 0, tag);
          first = FALSE;
          if (!write_all (out, cipher, cipher_length, dest_path, error))
            goto out;
        }
      while (!feof (in));
    }

  ok = finish_file (out, dest_path, error);
  out = NULL;
  if (ok && g_rename (temp_path, dest_path) != 0)
    ok = io_error (error, dest_path, errno);

out:
  if (in != NULL)
    fclose (in);
  if (out != NULL)
    fclose (out);
  if (!ok && temp_path != NULL)
    g_unlink (temp_path);
  return ok;
}

/* Reads the magic, the fixed header and (format 2) the identity from @in, checking that
 * this program can read the rest. @lead receives the bytes read, which the checksum or the
 * authentication covers; @identity (may be NULL) the identity text, "" for format 1. */
static gboolean
read_lead (FILE         *in,
           const char   *backup_path,
           Header       *header,
           GByteArray   *lead,
           char        **identity,
           GError      **error)
{
  guint8 header_bytes[HEADER_BYTES];
  g_autofree char *text = NULL;

  if (fread (header_bytes, 1, sizeof header_bytes, in) != sizeof header_bytes ||
      memcmp (header_bytes, MAGIC, 8) != 0)
    return invalid_backup (error, backup_path);
  header->format_version = header_bytes[8];
  header->flags = header_bytes[9];
  header->schema_version = get_u32 (header_bytes + 12);
  header->created_unix = (gint64) get_u64 (header_bytes + 16);
  header->payload_length = get_u64 (header_bytes + 24);
  g_byte_array_append (lead, header_bytes, sizeof header_bytes);

  if (header->format_version > FORMAT_VERSION ||
      header->schema_version > (guint32) shelter_db_latest_schema_version ())
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_TOO_NEW,
                   _("This backup was made by a newer version of Mái Ấm (data version %u). "
                     "Update Mái Ấm to restore it."), header->schema_version);
      return FALSE;
    }
  if (header->format_version < 1)
    return invalid_backup (error, backup_path);

  if (header->format_version >= 2)
    {
      guint8 length_bytes[4];
      guint32 length;

      if (fread (length_bytes, 1, sizeof length_bytes, in) != sizeof length_bytes)
        return invalid_backup (error, backup_path);
      length = get_u32 (length_bytes);
      if (length > IDENTITY_MAX_BYTES)
        return invalid_backup (error, backup_path);
      text = g_malloc (length + 1);
      if (fread (text, 1, length, in) != length)
        return invalid_backup (error, backup_path);
      text[length] = '\0';
      g_byte_array_append (lead, length_bytes, sizeof length_bytes);
      g_byte_array_append (lead, (const guint8 *) text, length);
    }
  if (identity != NULL)
    *identity = text != NULL ? g_steal_pointer (&text) : g_strdup ("");
  return TRUE;
}

/* Reads a backup into a database file at @dest_path (created 0600), checking everything
 * the format allows: magic, versions, passphrase, checksum or authentication, length. */
static gboolean
unpack_with_key_of (const char         *backup_path,
                    const char         *passphrase,
                    const char         *dest_path,
                    ShelterBackupInfo  *info,
                    GError            **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES);
  g_autofree guint8 *plain = g_malloc (CHUNK_SIZE);
  g_autoptr (GByteArray) lead = g_byte_array_new ();
  Header header;
  guint64 written = 0;
  FILE *in, *out = NULL;
  gboolean ok = FALSE;
  int fd;

  ensure_sodium ();
  in = g_fopen (backup_path, "rb");
  if (in == NULL)
    return io_error (error, backup_path, errno);

  if (!read_lead (in, backup_path, &header, lead, NULL, error))
    goto out;
  if (info != NULL)
    {
      info->format_version = header.format_version;
      info->schema_version = (int) header.schema_version;
      info->encrypted = (header.flags & FLAG_ENCRYPTED) != 0;
      info->created_unix = header.created_unix;
    }
  if ((header.flags & FLAG_ENCRYPTED) != 0 && (passphrase == NULL || *passphrase == '\0'))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE,
                   _("This backup is encrypted. Enter its passphrase."));
      goto out;
    }

  fd = g_open (dest_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || (out = fdopen (fd, "wb")) == NULL)
    {
      io_error (error, dest_path, errno);
      goto out;
    }

  if ((header.flags & FLAG_ENCRYPTED) == 0)
    {
      guchar expected[crypto_generichash_BYTES];
      guchar digest[crypto_generichash_BYTES];
      crypto_generichash_state state;
      gsize n;

      if (fread (expected, 1, sizeof expected, in) != sizeof expected)
        {
          invalid_backup (error, backup_path);
          goto out;
        }
      crypto_generichash_init (&state, NULL, 0, sizeof digest);
      /* Format 1 covered the database only. */
      if (header.format_version >= 2)
        crypto_generichash_update (&state, lead->data, lead->len);
      while ((n = fread (plain, 1, CHUNK_SIZE, in)) > 0)
        {
          crypto_generichash_update (&state, plain, n);
          written += n;
          if (!write_all (out, plain, n, dest_path, error))
            goto out;
        }
      crypto_generichash_final (&state, digest, sizeof digest);
      if (written != header.payload_length || sodium_memcmp (digest, expected, sizeof digest) != 0)
        {
          invalid_backup (error, backup_path);
          goto out;
        }
    }
  else
    {
      guint8 salt[crypto_pwhash_SALTBYTES];
      guint8 limits[16];
      guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
      guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
      crypto_secretstream_xchacha20poly1305_state state;
      guint64 opslimit, memlimit;
      gboolean first = TRUE, final = FALSE;

      if (fread (salt, 1, sizeof salt, in) != sizeof salt ||
          fread (limits, 1, sizeof limits, in) != sizeof limits ||
          fread (stream_header, 1, sizeof stream_header, in) != sizeof stream_header)
        {
          invalid_backup (error, backup_path);
          goto out;
        }
      opslimit = get_u64 (limits);
      memlimit = get_u64 (limits + 8);
      /* Limits from the file are bounded so that a forged file cannot exhaust memory. */
      if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE ||
          memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
        {
          invalid_backup (error, backup_path);
          goto out;
        }
      if (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), salt, opslimit,
                         (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0 ||
          crypto_secretstream_xchacha20poly1305_init_pull (&state, stream_header, key) != 0)
        {
          sodium_memzero (key, sizeof key);
          invalid_backup (error, backup_path);
          goto out;
        }
      sodium_memzero (key, sizeof key);

      while (!final)
        {
          gsize n = fread (buffer, 1, CHUNK_SIZE + crypto_secretstream_xchacha20poly1305_ABYTES, in);
          unsigned long long plain_length;
          guint8 tag;

          if (n < crypto_secretstream_xchacha20poly1305_ABYTES ||
              crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_length, &tag,
                                                          buffer, n,
                                                          first ? lead->data : NULL,
                                                          first ? lead->len : 0) != 0)
            {
              /* The first chunk fails with a wrong passphrase; later ones only if the file
               * was changed. */
              if (first && n >= crypto_secretstream_xchacha20poly1305_ABYTES)
                g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE,
                             _("The passphrase is not the one this backup was encrypted with, "
                               "or the file was changed. Check the passphrase."));
              else
                invalid_backup (error, backup_path);
              goto out;
            }
          first = FALSE;
          final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
          written += plain_length;
          if (!write_all (out, plain, plain_length, dest_path, error))
            goto out;
        }
      if (fgetc (in) != EOF || written != header.payload_length)
        {
          invalid_backup (error, backup_path);
          goto out;
        }
    }

  ok = finish_file (out, dest_path, error);
  out = NULL;

out:
  fclose (in);
  if (out != NULL)
    fclose (out);
  if (!ok)
    g_unlink (dest_path);
  return ok;
}

/* The passphrase as a backup is made with it (see unpack()): the same letters
 * typed on another computer, or by another keyboard, in NFD or NFC, give the same key. */
static char *
passphrase_for_key (const char  *passphrase,
                    GError     **error)
{
  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      shelter_field_error (error, SHELTER_FIELD_PASSPHRASE,
                           _("%s: the text contains control characters. Type it again."),
                           _("Passphrase"));
      return NULL;
    }
  /* Spaces are kept as typed (they are part of the passphrase); a tab, a line break or an
   * escape sequence cannot be typed again the same way at restore time. */
  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        shelter_field_error (error, SHELTER_FIELD_PASSPHRASE,
                             _("%s: the text contains control characters. Type it again."),
                             _("Passphrase"));
        return NULL;
      }
  return g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
}

/* Backups are made with the NFC form of the passphrase; those made before that, with the
 * passphrase exactly as typed. The NFC form is tried first and, only if it does not open
 * the backup, the passphrase as typed. */
static gboolean
unpack (const char         *backup_path,
        const char         *passphrase,
        const char         *dest_path,
        ShelterBackupInfo  *info,
        GError            **error)
{
  g_autofree char *composed = NULL;
  g_autoptr (GError) local_error = NULL;

  if (passphrase != NULL && g_utf8_validate (passphrase, -1, NULL))
    composed = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  if (composed == NULL || g_str_equal (composed, passphrase))
    return unpack_with_key_of (backup_path, passphrase, dest_path, info, error);
  if (unpack_with_key_of (backup_path, composed, dest_path, info, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return unpack_with_key_of (backup_path, passphrase, dest_path, info, error);
}

static gboolean
record_run (ShelterSession *session,
            const char     *path,
            gboolean        encrypted,
            gboolean        automatic,
            const GError   *failure,
            GError        **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autofree char *details = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };

  details = g_strdup_printf ("file: %s\nencrypted: %s\nautomatic: %s%s%s", path,
                             encrypted ? "yes" : "no", automatic ? "yes" : "no",
                             failure ? "\nerror: " : "", failure ? failure->message : "");
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!shelter_setting_store_add_backup_run (db, &stamp, path, encrypted, automatic,
                                             failure == NULL, failure ? failure->message : "",
                                             error) ||
      !shelter_audit_record (session, at, failure ? "backup_failed" : "backup", "backup", 0,
                             details, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

/* The path with links and ".." resolved, so that one database has one name. */
static char *
absolute_path (const char *path)
{
  char *real = realpath (path, NULL);
  char *result;

  if (real == NULL)
    return g_canonicalize_filename (path, NULL);
  result = g_strdup (real);
  free (real);
  return result;
}

/* The database's id, made and kept in its settings the first time; NULL when it cannot be
 * read or written, the path then identifying the backup alone. */
static char *
ensure_database_id (ShelterSession *session)
{
  g_autoptr (GError) error = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  g_autofree char *id = shelter_setting_store_get (db, DATABASE_ID_SETTING, &error);
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  ShelterStamp stamp;

  if (id != NULL || error != NULL)
    return g_steal_pointer (&id);

  id = g_uuid_string_random ();
  now = shelter_session_now (session);
  at = shelter_session_format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;
  if (!shelter_db_begin (db, &error))
    return NULL;
  if (!shelter_setting_store_set (db, DATABASE_ID_SETTING, id, &stamp, &error))
    {
      g_debug ("The database id was not kept: %s", error->message);
      shelter_db_rollback (db);
      return NULL;
    }
  if (!shelter_db_commit (db, &error))
    return NULL;
  return g_steal_pointer (&id);
}

/* What the backup says of the database it was made from. */
static char *
identity_text (ShelterSession *session,
               const char     *database_id)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = absolute_path (shelter_db_get_path (db));
  g_autofree char *centre = shelter_centre_profile_dup_name (db);

  if (database_id != NULL)
    g_key_file_set_string (keys, IDENTITY_GROUP, "Id", database_id);
  g_key_file_set_string (keys, IDENTITY_GROUP, "Path", path);
  if (centre != NULL)
    g_key_file_set_string (keys, IDENTITY_GROUP, "Centre", centre);
  return g_key_file_to_data (keys, NULL, NULL);
}

static char *
places_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vn.maiam.Shelter", PLACES_FILE, NULL);
}

/* Notes in the user's record that a backup of @db_path went to @backup_path. Best effort:
 * the backup is made whatever happens here. */
static void
record_place (const char *db_path,
              const char *backup_path)
{
  g_autoptr (GKeyFile) places = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *file = places_path ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *database = absolute_path (db_path);
  g_autofree char *backup = absolute_path (backup_path);
  g_autofree char *folder = g_path_get_dirname (backup);
  g_auto (GStrv) old = NULL;
  g_autoptr (GStrvBuilder) folders = g_strv_builder_new ();
  g_auto (GStrv) new_folders = NULL;
  guint kept = 1;

  g_key_file_load_from_file (places, file, G_KEY_FILE_NONE, NULL);
  old = g_key_file_get_string_list (places, database, "Folders", NULL, NULL);
  /* The newest first; each once. */
  g_strv_builder_add (folders, folder);
  for (guint i = 0; old != NULL && old[i] != NULL && kept < PLACES_KEEP_FOLDERS; i++)
    if (g_strcmp0 (old[i], folder) != 0)
      {
        g_strv_builder_add (folders, old[i]);
        kept++;
      }
  new_folders = g_strv_builder_end (folders);
  g_key_file_set_string_list (places, database, "Folders",
                              (const char * const *) new_folders, g_strv_length (new_folders));
  g_key_file_set_string (places, database, "Latest", backup);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (places, file, &error))
    g_debug ("The place of the backup was not recorded: %s",
             error != NULL ? error->message : g_strerror (errno));
}

static gboolean
create_backup (ShelterSession  *session,
               const char      *dest_path,
               const char      *passphrase,
               gboolean         automatic,
               GError         **error)
{
  g_autofree char *snapshot = NULL;
  g_autofree char *database_id = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *composed = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  gboolean encrypted = passphrase != NULL && *passphrase != '\0';
  int fd;

  if (!shelter_session_check (session, SHELTER_PERMISSION_BACKUP, error))
    return FALSE;
  if (encrypted)
    {
      composed = passphrase_for_key (passphrase, error);
      if (composed == NULL)
        return FALSE;
      passphrase = composed;
    }
  if (encrypted && g_utf8_strlen (passphrase, -1) < 10)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSPHRASE,
                   _("Passphrase: at least 10 characters. Keep it somewhere safe: without "
                     "it the backup cannot be restored."));
      return FALSE;
    }

  /* Before the snapshot, so that the backup holds the id it is known by. */
  database_id = ensure_database_id (session);
  identity = identity_text (session, database_id);

  snapshot = g_strconcat (dest_path, ".snapshot-XXXXXX", NULL);
  fd = g_mkstemp_full (snapshot, O_WRONLY, 0600);
  if (fd < 0)
    io_error (&local_error, dest_path, errno);
  else
    {
      close (fd);
      if (shelter_db_backup_to (db, snapshot, &local_error))
        pack (snapshot, dest_path, shelter_db_get_schema_version (db), identity,
              encrypted ? passphrase : NULL, &local_error);
      g_unlink (snapshot);
    }

  /* Failures are recorded too: the Today screen and the reminders show them. */
  if (!record_run (session, dest_path, encrypted, automatic, local_error,
                   local_error == NULL ? error : NULL) && local_error == NULL)
    return FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  record_place (shelter_db_get_path (db), dest_path);
  return TRUE;
}

gboolean
shelter_backup_create (ShelterSession  *session,
                       const char      *dest_path,
                       const char      *passphrase,
                       GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return create_backup (session, dest_path, passphrase, FALSE, error);
}

/* Opening a database leaves its -wal and -shm files beside it. */
static void
remove_with_companions (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

gboolean
shelter_backup_verify (const char         *backup_path,
                       const char         *passphrase,
                       ShelterBackupInfo  *info,
                       GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  dir = g_dir_make_tmp ("shelter-verify-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  temp = g_build_filename (dir, "backup.db", NULL);
  ok = unpack (backup_path, passphrase, temp, info, error) &&
       shelter_db_verify_file (temp, NULL, error);
  remove_with_companions (temp);
  g_rmdir (dir);
  return ok;
}

static char *
aside_name (const char *db_path,
            GDateTime  *now)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.replaced-%s", db_path, stamp);
}

static gboolean
move_with_companions (const char  *from,
                      const char  *to,
                      GError     **error)
{
  static const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (from, to) != 0)
    return io_error (error, from, errno);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *a = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *b = g_strconcat (to, suffixes[i], NULL);
      if (g_file_test (a, G_FILE_TEST_EXISTS))
        g_rename (a, b);
    }
  return TRUE;
}

/* Unpacks and verifies @backup_path into a new file beside @db_path, so that putting it in
 * place is one rename on the same disk. Nothing of the database is touched. */
static char *
prepare_restore (const char         *backup_path,
                 const char         *passphrase,
                 const char         *db_path,
                 ShelterBackupInfo  *info,
                 GError            **error)
{
  g_autofree char *temp = g_strconcat (db_path, ".restoring-XXXXXX", NULL);
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  int fd;

  fd = g_mkstemp_full (temp, O_WRONLY, 0600);
  if (fd < 0)
    {
      io_error (error, db_path, errno);
      return NULL;
    }
  close (fd);

  if (!unpack (backup_path, passphrase, temp, info, error))
    return NULL;
  if (!shelter_db_verify_file (temp, NULL, error))
    {
      remove_with_companions (temp);
      return NULL;
    }
  /* Only the file itself moves into place; the checking connection's companions go. */
  wal = g_strconcat (temp, "-wal", NULL);
  shm = g_strconcat (temp, "-shm", NULL);
  g_unlink (wal);
  g_unlink (shm);
  return g_steal_pointer (&temp);
}

/* Moves the current database aside and the verified @temp into its place, then records the
 * restore in the restored database. */
static gboolean
swap_in (const char  *temp,
         const char  *backup_path,
         const char  *db_path,
         const char  *actor,
         char       **replaced_path,
         GError     **error)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) now = g_date_time_new_now (vietnam);
  g_autoptr (ShelterDb) restored = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *at = NULL;
  g_autofree char *details = NULL;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      aside = aside_name (db_path, now);
      if (!move_with_companions (db_path, aside, error))
        {
          g_unlink (temp);
          return FALSE;
        }
    }
  if (g_rename (temp, db_path) != 0)
    {
      int saved_errno = errno;
      /* Put the original back: the centre must never be left without its database. */
      if (aside != NULL)
        move_with_companions (aside, db_path, NULL);
      g_unlink (temp);
      return io_error (error, db_path, saved_errno);
    }

  /* Open (and upgrade) the restored database and put the restore on its record. */
  restored = shelter_db_open (db_path, SHELTER_DB_OPEN_DEFAULT, error);
  if (restored == NULL)
    return FALSE;
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  details = g_strdup_printf ("from: %s\nreplaced: %s", backup_path, aside ? aside : "");
  if (!shelter_db_begin (restored, error))
    return FALSE;
  if (!shelter_audit_record_as (restored, actor, at, "restore", "backup", 0, details, error))
    {
      shelter_db_rollback (restored);
      return FALSE;
    }
  if (!shelter_db_commit (restored, error))
    return FALSE;

  if (replaced_path != NULL)
    *replaced_path = g_steal_pointer (&aside);
  return TRUE;
}

gboolean
shelter_backup_restore_file (const char         *backup_path,
                             const char         *passphrase,
                             const char         *db_path,
                             const char         *actor,
                             ShelterBackupInfo  *info,
                             char              **replaced_path,
                             GError            **error)
{
  g_autofree char *temp = NULL;

  g_return_val_if_fail (backup_path != NULL && db_path != NULL && actor != NULL, FALSE);

  temp = prepare_restore (backup_path, passphrase, db_path, info, error);
  if (temp == NULL)
    return FALSE;
  return swap_in (temp, backup_path, db_path, actor, replaced_path, error);
}

gboolean
shelter_backup_restore (ShelterSession  *session,
                        const char      *backup_path,
                        const char      *passphrase,
                        char           **replaced_path,
                        GError         **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *db_path = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_RESTORE, error))
    return FALSE;

  db = shelter_session_get_db (session);
  db_path = g_strdup (shelter_db_get_path (db));
  temp = prepare_restore (backup_path, passphrase, db_path, NULL, error);
  if (temp == NULL)
    return FALSE;

  /* Closed before its file moves: SQLite removes a connection's -wal and -shm by name when
   * it closes, and these names will belong to the restored database. Whatever was written
   * so far goes into the file kept aside. */
  shelter_db_close (db);
  return swap_in (temp, backup_path, db_path, shelter_session_get_actor (session),
                  replaced_path, error);
}

char *
shelter_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "vn.maiam.Shelter", "backups", NULL);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The automatic backups of @folder, newest first (their names sort by time). */
static GPtrArray *
list_automatic (const char *folder)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, AUTOMATIC_PREFIX) && g_str_has_suffix (name, SHELTER_BACKUP_EXTENSION))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names_newest_first);
  return names;
}

static void
prune (const char *folder)
{
  g_autoptr (GPtrArray) names = list_automatic (folder);
  g_autoptr (GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      /* "shelter-auto-YYYYMMDD-HHMMSS": the month is YYYYMM. */
      g_autofree char *month = g_strndup (name + strlen (AUTOMATIC_PREFIX), 6);
      gboolean keep = i < KEEP_NEWEST;

      if (!g_hash_table_contains (months, month) && g_hash_table_size (months) < KEEP_MONTHS)
        {
          g_hash_table_add (months, g_steal_pointer (&month));
          keep = TRUE;
        }
      if (!keep)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_unlink (path);
        }
    }
}

gboolean
shelter_backup_run_scheduled (ShelterSession  *session,
                              const char      *folder,
                              gboolean        *made,
                              GError         **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (made != NULL)
    *made = FALSE;
  if (!shelter_session_may (session, SHELTER_PERMISSION_BACKUP))
    return TRUE;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autoptr (GError) local_error = NULL;
      io_error (&local_error, folder, errno);
      record_run (session, folder, FALSE, TRUE, local_error, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  now = shelter_session_now (session);
  names = list_automatic (folder);
  if (names->len > 0)
    {
      g_autoptr (GDateTime) day_ago = g_date_time_add_days (now, -1);
      g_autofree char *limit = g_date_time_format (day_ago, AUTOMATIC_PREFIX "%Y%m%d-%H%M%S");

      /* Names start with their time: compare that part only. */
      if (strncmp (g_ptr_array_index (names, 0), limit, strlen (limit)) > 0)
        return TRUE;
    }

  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  name = g_strconcat (AUTOMATIC_PREFIX, stamp, SHELTER_BACKUP_EXTENSION, NULL);
  dest = g_build_filename (folder, name, NULL);
  if (!create_backup (session, dest, NULL, TRUE, error))
    return FALSE;
  if (made != NULL)
    *made = TRUE;
  prune (folder);
  return TRUE;
}

gboolean
shelter_backup_last_run (ShelterSession  *session,
                         char           **at,
                         gboolean        *ok,
                         char           **message,
                         GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_BACKUP, error))
    return FALSE;
  return shelter_setting_store_last_backup_run (shelter_session_get_db (session), FALSE, at, ok,
                                                message, error);
}

/* Finding the backups of a database that cannot be opened */

G_DEFINE_BOXED_TYPE (ShelterBackupFound, shelter_backup_found, shelter_backup_found_copy,
                     shelter_backup_found_free)

ShelterBackupFound *
shelter_backup_found_copy (const ShelterBackupFound *found)
{
  ShelterBackupFound *copy = g_new0 (ShelterBackupFound, 1);

  *copy = *found;
  copy->path = g_strdup (found->path);
  copy->database_id = g_strdup (found->database_id);
  copy->database_path = g_strdup (found->database_path);
  copy->centre_name = g_strdup (found->centre_name);
  return copy;
}

void
shelter_backup_found_free (ShelterBackupFound *found)
{
  if (found == NULL)
    return;
  g_free (found->path);
  g_free (found->database_id);
  g_free (found->database_path);
  g_free (found->centre_name);
  g_free (found);
}

ShelterBackupFound *
shelter_backup_describe (const char  *backup_path,
                         GError     **error)
{
  g_autoptr (GByteArray) lead = g_byte_array_new ();
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *identity = NULL;
  ShelterBackupFound *found;
  Header header;
  FILE *in;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, NULL);

  in = g_fopen (backup_path, "rb");
  if (in == NULL)
    {
      io_error (error, backup_path, errno);
      return NULL;
    }
  ok = read_lead (in, backup_path, &header, lead, &identity, error);
  fclose (in);
  if (!ok)
    return NULL;

  found = g_new0 (ShelterBackupFound, 1);
  found->path = absolute_path (backup_path);
  found->created_unix = header.created_unix;
  found->encrypted = (header.flags & FLAG_ENCRYPTED) != 0;
  found->schema_version = (int) header.schema_version;
  /* An identity that cannot be read identifies nothing; the backup may still be chosen. */
  if (*identity != '\0' && g_key_file_load_from_data (keys, identity, -1, G_KEY_FILE_NONE, NULL))
    {
      found->database_id = g_key_file_get_string (keys, IDENTITY_GROUP, "Id", NULL);
      found->database_path = g_key_file_get_string (keys, IDENTITY_GROUP, "Path", NULL);
      found->centre_name = g_key_file_get_string (keys, IDENTITY_GROUP, "Centre", NULL);
    }
  return found;
}

static void
add_folder (GPtrArray  *folders,
            const char *folder)
{
  g_autofree char *absolute = NULL;

  if (folder == NULL || *folder == '\0')
    return;
  absolute = absolute_path (folder);
  for (guint i = 0; i < folders->len; i++)
    if (g_str_equal (g_ptr_array_index (folders, i), absolute))
      return;
  g_ptr_array_add (folders, g_steal_pointer (&absolute));
}

/* What the damaged file may still tell: its id and its backup folder. Read-only and
 * without the integrity check, which is what failed; any error means it cannot say. */
static void
read_damaged (const char  *db_path,
              char       **database_id,
              char       **folder)
{
  g_autoptr (ShelterDb) db = NULL;

  db = shelter_db_open (db_path, SHELTER_DB_OPEN_READ_ONLY | SHELTER_DB_OPEN_CHECKED, NULL);
  if (db == NULL)
    return;
  *database_id = shelter_setting_store_get (db, DATABASE_ID_SETTING, NULL);
  *folder = shelter_setting_store_get (db, SHELTER_SETTING_BACKUP_FOLDER, NULL);
}

static int
compare_found_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const ShelterBackupFound *x = *(ShelterBackupFound * const *) a;
  const ShelterBackupFound *y = *(ShelterBackupFound * const *) b;

  if (x->created_unix != y->created_unix)
    return x->created_unix > y->created_unix ? -1 : 1;
  return -strcmp (x->path, y->path);
}

GPtrArray *
shelter_backup_find_for_database (const char *db_path)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) shelter_backup_found_free);
  g_autoptr (GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GKeyFile) places = g_key_file_new ();
  g_autofree char *places_file = places_path ();
  g_autofree char *database = NULL;
  g_autofree char *database_id = NULL;
  g_autofree char *setting_folder = NULL;
  g_autofree char *default_folder = shelter_backup_default_folder ();
  g_auto (GStrv) recorded = NULL;

  g_return_val_if_fail (db_path != NULL, found);

  database = absolute_path (db_path);
  if (g_key_file_load_from_file (places, places_file, G_KEY_FILE_NONE, NULL))
    recorded = g_key_file_get_string_list (places, database, "Folders", NULL, NULL);
  for (guint i = 0; recorded != NULL && recorded[i] != NULL; i++)
    add_folder (folders, recorded[i]);
  read_damaged (db_path, &database_id, &setting_folder);
  add_folder (folders, setting_folder);
  add_folder (folders, default_folder);

  for (guint i = 0; i < folders->len; i++)
    {
      const char *folder = g_ptr_array_index (folders, i);
      g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          ShelterBackupFound *backup;

          if (!g_str_has_suffix (name, SHELTER_BACKUP_EXTENSION))
            continue;
          path = g_build_filename (folder, name, NULL);
          if (g_hash_table_contains (seen, path))
            continue;
          /* Unreadable, cut short, of another kind or too new: not offered. */
          backup = shelter_backup_describe (path, NULL);
          if (backup == NULL)
            continue;
          /* Only this database's: by its path, or by the id it keeps when it was moved. A
           * backup of format 1 says neither, and is never offered on a guess. */
          if (g_strcmp0 (backup->database_path, database) == 0 ||
              (database_id != NULL && g_strcmp0 (backup->database_id, database_id) == 0))
            g_ptr_array_add (found, backup);
          else
            shelter_backup_found_free (backup);
          g_hash_table_add (seen, g_steal_pointer (&path));
        }
    }
  g_ptr_array_sort (found, compare_found_newest_first);
  return found;
}

void
shelter_backup_passphrase_free (char *passphrase)
{
  if (passphrase == NULL)
    return;
  sodium_memzero (passphrase, strlen (passphrase));
  g_free (passphrase);
}
