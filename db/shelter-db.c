/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "shelter-db-private.h"
#include "shelter-db-resources.h"

/* PRAGMA application_id of every Mái Ấm database ("MAIM"), so that another program's
 * SQLite file is recognised as such and never migrated. */
#define SHELTER_APPLICATION_ID 0x4D41494D

#define SCHEMA_RESOURCE_PATH "/vn/maiam/Shelter/db/schema/"
#define BUSY_TIMEOUT_MS 5000

struct _ShelterDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *path;
  char       *pre_migration_backup;
  GHashTable *statements;  /* const char *sql -> sqlite3_stmt * */
  int         schema_version;
  guint       transaction_depth;
  gint64      deadline;  /* monotonic µs; 0 when statements may run as long as they need */
  guint       read_only : 1;
};

G_DEFINE_FINAL_TYPE (ShelterDb, shelter_db, G_TYPE_OBJECT)
G_DEFINE_QUARK (shelter-db-error-quark, shelter_db_error)

static void
shelter_db_finalize (GObject *object)
{
  ShelterDb *self = SHELTER_DB (object);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pre_migration_backup, g_free);

  G_OBJECT_CLASS (shelter_db_parent_class)->finalize (object);
}

static void
shelter_db_class_init (ShelterDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shelter_db_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
shelter_db_init (ShelterDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      shelter_db_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* Turns an SQLite result code into an error a caseworker can act on. */
static void
set_error_from_code (GError     **error,
                     int          rc,
                     const char  *detail)
{
  int primary = rc & 0xff;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_BUSY,
                   _("Another computer is saving to the database right now. "
                     "Wait a moment and try again."));
      break;
    case SQLITE_FULL:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_FULL,
                   _("The disk is full, so nothing was saved. "
                     "Free some space, then save again."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_READ_ONLY,
                   _("The database is open read-only, so nothing was saved."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT,
                   _("The database file is damaged. Restore it from the latest backup."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE,
                   _("This file is not a Mái Ấm database. Choose another file."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT,
                   _("The record breaks a rule of the database (%s)."),
                   detail ? detail : sqlite3_errstr (rc));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("The database file cannot be read or written (%s). "
                     "Check that the disk is connected and that you may use the file."),
                   sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_FAILED,
                   _("The database reported an error: %s."),
                   detail ? detail : sqlite3_errstr (rc));
      break;
    }
}

gboolean
_shelter_db_set_error (ShelterDb  *self,
                       int         rc,
                       GError    **error)
{
  const char *detail = NULL;

  if (self != NULL && self->handle != NULL)
    detail = sqlite3_errmsg (self->handle);
  set_error_from_code (error, rc, detail);
  return FALSE;
}

sqlite3 *
_shelter_db_get_handle (ShelterDb *self)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), NULL);
  return self->handle;
}

sqlite3_stmt *
_shelter_db_prepare (ShelterDb   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (self), NULL);

  if (self->handle == NULL)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_FAILED,
                   _("The database was closed. Open it again."));
      return NULL;
    }
  if (g_hash_table_steal_extended (self->statements, sql, NULL, (gpointer *) &stmt))
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare statement: %s\n%s", sqlite3_errmsg (self->handle), sql);
      _shelter_db_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

void
_shelter_db_release (ShelterDb    *self,
                     sqlite3_stmt *stmt)
{
  g_return_if_fail (SHELTER_IS_DB (self));

  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  /* Keyed by the statement's own SQL, which is the literal it was prepared from; a
   * statement prepared twice concurrently (a nested use) is simply finalized. */
  if (g_hash_table_contains (self->statements, sqlite3_sql (stmt)))
    sqlite3_finalize (stmt);
  else
    g_hash_table_insert (self->statements, (gpointer) sqlite3_sql (stmt), stmt);
}

gboolean
_shelter_db_exec_stmt (ShelterDb     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _shelter_db_set_error (self, rc, error);
}

gint64
_shelter_db_step_count (ShelterDb     *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  gint64 count = -1;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    _shelter_db_set_error (self, rc, error);
  _shelter_db_release (self, stmt);
  return count;
}

static int
deadline_passed_cb (gpointer user_data)
{
  ShelterDb *self = user_data;

  return self->deadline != 0 && g_get_monotonic_time () > self->deadline;
}

void
_shelter_db_limit_time (ShelterDb *self,
                        guint      ms)
{
  g_return_if_fail (SHELTER_IS_DB (self));

  self->deadline = ms > 0 ? g_get_monotonic_time () + (gint64) ms * 1000 : 0;
  /* Called every thousand virtual machine instructions: a few microseconds. */
  sqlite3_progress_handler (self->handle, ms > 0 ? 1000 : 0, ms > 0 ? deadline_passed_cb : NULL,
                            self);
}

int
_shelter_db_changes (ShelterDb *self)
{
  return sqlite3_changes (self->handle);
}

void
_shelter_db_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_shelter_db_column_text (sqlite3_stmt *stmt,
                         int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gboolean
exec_sql (ShelterDb   *self,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Lower case, without diacritics (đ as d), letters and digits only, words separated by one
 * space: how names and words compare whatever their form (NFC or NFD, case, accents). */
char *
shelter_db_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      /* đ and Đ are letters of their own, not d with a mark: NFD leaves them whole. */
      if (c == 0x0111 || c == 0x0110)
        c = 'd';
      if (!g_unichar_isalnum (c))
        {
          pending_space = folded->len > 0;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (folded, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

/* shelter_fold(TEXT): shelter_db_fold_text() in SQL, so that statements keep the folded
 * name beside the name (person.folded_name) and a migration can fill it. */
static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, shelter_db_fold_text (text), -1, g_free);
}

/* shelter_has_word_prefixes(WORDS, TERMS): 1 when every space-separated term of TERMS
 * begins some space-separated word of WORDS, as an FTS5 prefix query would match them.
 * Both are folded text (lower case, letters and digits), so bytes compare. */
static void
has_word_prefixes (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *words = (const char *) sqlite3_value_text (argv[0]);
  const char *terms = (const char *) sqlite3_value_text (argv[1]);
  const char *term = terms;

  if (words == NULL || terms == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  while (*term != '\0')
    {
      size_t term_length = strcspn (term, " ");
      gboolean found = FALSE;

      for (const char *word = words; *word != '\0' && !found; )
        {
          size_t word_length = strcspn (word, " ");

          found = word_length >= term_length && strncmp (word, term, term_length) == 0;
          word += word_length;
          word += strspn (word, " ");
        }
      if (term_length > 0 && !found)
        {
          sqlite3_result_int (context, 0);
          return;
        }
      term += term_length;
      term += strspn (term, " ");
    }
  sqlite3_result_int (context, 1);
}

static gboolean
query_int (ShelterDb   *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return _shelter_db_set_error (self, rc, error);
  return TRUE;
}

gboolean
shelter_db_begin (ShelterDb  *self,
                  GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_READ_ONLY,
                   _("The database is open read-only, so nothing was saved."));
      return FALSE;
    }

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT nested_%u", self->transaction_depth);

  if (!exec_sql (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
shelter_db_commit (ShelterDb  *self,
                   GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE nested_%u", self->transaction_depth - 1);

  if (!exec_sql (self, sql, error))
    {
      /* A failed COMMIT (disk full, busy) leaves the transaction open: undo it so that
       * the caller's next action starts clean and nothing half-done remains. */
      shelter_db_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
shelter_db_rollback (ShelterDb *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (SHELTER_IS_DB (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO nested_%u; RELEASE nested_%u",
                           self->transaction_depth - 1, self->transaction_depth - 1);

  if (!exec_sql (self, sql, NULL) && sqlite3_get_autocommit (self->handle) == 0)
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));
  self->transaction_depth--;
}

int
shelter_db_latest_schema_version (void)
{
  g_auto (GStrv) names = NULL;
  int latest = 0;

  ensure_resources ();
  names = g_resources_enumerate_children (SCHEMA_RESOURCE_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    latest = MAX (latest, (int) g_ascii_strtoll (names[i], NULL, 10));
  return latest;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Version N is every resource db/schema/NNNN-*.sql, applied in name order: the schema
 * first ("NNNN-initial.sql" sorts before "NNNN-seed-...") then its seed data. */
static gboolean
apply_migration (ShelterDb  *self,
                 int         version,
                 GError    **error)
{
  g_auto (GStrv) names = g_resources_enumerate_children (SCHEMA_RESOURCE_PATH, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("%04d-", version);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  g_autoptr (GError) local_error = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix) && g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (files, names[i]);
  g_ptr_array_sort (files, compare_strings);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_RESOURCE_PATH, files->pdata[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, &local_error);
      g_autofree char *sql = NULL;

      if (bytes == NULL)
        break;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!exec_sql (self, sql, &local_error))
        {
          g_prefix_error (&local_error, "%s: ", (const char *) files->pdata[i]);
          break;
        }
    }

  if (local_error == NULL)
    exec_sql (self, set_version, &local_error);
  if (local_error == NULL)
    exec_sql (self, "COMMIT", &local_error);

  if (local_error != NULL)
    {
      exec_sql (self, "ROLLBACK", NULL);
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_MIGRATION,
                   _("The database could not be upgraded to version %d, "
                     "so it was left as it was: %s"),
                   version, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
backup_handle (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  /* The copy holds the same personal data as the original: create it private. */
  fd = g_open (dest_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("Cannot create the backup file “%s”: %s."),
                   dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (dest_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (50);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (dest_path);
      set_error_from_code (error, rc, NULL);
      g_prefix_error (error, _("The backup failed: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_db_backup_to (ShelterDb   *self,
                      const char  *dest_path,
                      GError     **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  return backup_handle (self->handle, dest_path, error);
}

static gboolean
migrate (ShelterDb  *self,
         gboolean    is_new,
         GError    **error)
{
  int latest = shelter_db_latest_schema_version ();

  if (self->schema_version >= latest)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_READ_ONLY,
                   _("The database is from an older version and must be upgraded, "
                     "but it is open read-only. Open it with permission to write."));
      return FALSE;
    }

  if (!is_new)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *backup = g_strdup_printf ("%s.before-v%d-%s.bak", self->path,
                                                 latest, stamp);

      if (!backup_handle (self->handle, backup, error))
        {
          g_prefix_error (error, _("The database was not upgraded because no backup "
                                   "could be made first. "));
          return FALSE;
        }
      g_free (self->pre_migration_backup);
      self->pre_migration_backup = g_steal_pointer (&backup);
    }

  for (int version = self->schema_version + 1; version <= latest; version++)
    {
      if (!apply_migration (self, version, error))
        return FALSE;
      self->schema_version = version;
    }
  return TRUE;
}

/* Reads the start of the file so that a stranger's file is refused before SQLite touches
 * it: SQLite would happily treat an empty file as an empty database and write to it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("The database file “%s” cannot be read: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Mái Ấm database. Choose another file."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("Cannot create the folder “%s”: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("Cannot create the database file “%s”: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

ShelterDb *
shelter_db_open (const char          *path,
                 ShelterDbOpenFlags   flags,
                 GError             **error)
{
  g_autoptr (ShelterDb) self = NULL;
  gboolean is_new = FALSE;
  int application_id = 0;
  int table_count = 0;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_resources ();

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_UNREADABLE,
                   _("“%s” is a folder, not a database file. Choose a file."), path);
      return NULL;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if ((flags & SHELTER_DB_OPEN_CREATE) == 0 || (flags & SHELTER_DB_OPEN_READ_ONLY) != 0)
        {
          g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_MISSING,
                       _("The database file “%s” does not exist. "
                         "Choose another file or create a new centre."), path);
          return NULL;
        }
      if (!create_private_file (path, error))
        return NULL;
      is_new = TRUE;
    }
  else if (!check_header (path, error))
    return NULL;

  self = g_object_new (SHELTER_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & SHELTER_DB_OPEN_READ_ONLY) != 0;

  open_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (path, &self->handle, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      _shelter_db_set_error (self, rc, error);
      return NULL;
    }
  /* A file the system lets us only read (its mode, its folder's, a read-only disk): SQLite
   * fell back to reading it. Go on read-only, for the caller to say so, instead of failing
   * at the first write of the open below with a message about a save. */
  if (!self->read_only && sqlite3_db_readonly (self->handle, "main") == 1)
    self->read_only = TRUE;
  sqlite3_extended_result_codes (self->handle, TRUE);
  /* Reading a write-ahead-log database needs its "-shm" file beside it; in a folder we may
   * not write to, SQLite refuses even to read unless told that nobody writes the file. */
  if (self->read_only &&
      sqlite3_exec (self->handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK &&
      (sqlite3_extended_errcode (self->handle) == SQLITE_READONLY_DIRECTORY ||
       sqlite3_extended_errcode (self->handle) == SQLITE_READONLY_CANTINIT))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);

      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
      rc = sqlite3_open_v2 (uri, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (rc != SQLITE_OK)
        {
          _shelter_db_set_error (self, rc, error);
          return NULL;
        }
      sqlite3_extended_result_codes (self->handle, TRUE);
    }
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);
  sqlite3_create_function (self->handle, "shelter_has_word_prefixes", 2,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           has_word_prefixes, NULL, NULL);
  sqlite3_create_function (self->handle, "shelter_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           fold_function, NULL, NULL);

  /* Nothing below writes until the file is known to be ours, sound and not too new. */
  if (!query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &table_count, error))
    return NULL;

  if ((self->schema_version > 0 && application_id != SHELTER_APPLICATION_ID) ||
      (self->schema_version == 0 && table_count > 0))
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Mái Ấm. "
                     "Choose another file."), path);
      return NULL;
    }

  if (self->schema_version > shelter_db_latest_schema_version ())
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_TOO_NEW,
                   _("The database was saved by a newer version of Mái Ấm (data version %d; "
                     "this version knows up to %d). Update Mái Ấm to open it; "
                     "the file was not changed."),
                   self->schema_version, shelter_db_latest_schema_version ());
      return NULL;
    }

  if (!is_new && (flags & SHELTER_DB_OPEN_CHECKED) == 0)
    {
      g_autofree char *problems = NULL;

      if (!shelter_db_check (self, TRUE, &problems, error))
        return NULL;
    }

  if (!self->read_only)
    {
      g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d",
                                                 SHELTER_APPLICATION_ID);

      /* Written only when not yet set: a write waits for any other desk's transaction,
       * and opening the file while another computer saves must not. */
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
          (application_id != SHELTER_APPLICATION_ID && !exec_sql (self, set_id, error)))
        return NULL;
    }

  if (!exec_sql (self,
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON;"
                 /* Savepoint journals and sorts in memory: personal data never lands in
                  * stray temporary files, and nested writes are faster. */
                 "PRAGMA temp_store = MEMORY;"
                 /* SQLite's 2 MB page cache holds little of a large centre: a report
                  * would read the same pages from the system again on every run. The
                  * cache fills only as pages are read, so a small centre stays small. */
                 "PRAGMA cache_size = -32768;",
                 error))
    return NULL;

  if (!migrate (self, is_new, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
shelter_db_check (ShelterDb  *self,
                  gboolean    quick,
                  char      **problems,
                  GError    **error)
{
  g_autoptr (GString) found = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);

  rc = sqlite3_prepare_v2 (self->handle,
                           quick ? "PRAGMA quick_check(10)" : "PRAGMA integrity_check(10)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (line, "ok") != 0)
            g_string_append_printf (found, "%s\n", line);
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      if (problems != NULL)
        *problems = g_strdup (sqlite3_errstr (rc));
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT,
                   _("The database file “%s” is damaged (%s). "
                     "Restore it from the latest backup; the file was not changed."),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (!quick)
    {
      rc = sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (found, "foreign key: %s row %lld -> %s\n",
                                sqlite3_column_text (stmt, 0),
                                (long long) sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }

  if (found->len > 0)
    {
      if (problems != NULL)
        *problems = g_strdup (found->str);
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CORRUPT,
                   _("The database file “%s” is damaged. "
                     "Restore it from the latest backup; the file was not changed."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

const char *
shelter_db_get_path (ShelterDb *self)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), NULL);
  return self->path;
}

gboolean
shelter_db_is_read_only (ShelterDb *self)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);
  return self->read_only;
}

int
shelter_db_get_schema_version (ShelterDb *self)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), 0);
  return self->schema_version;
}

const char *
shelter_db_get_pre_migration_backup (ShelterDb *self)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), NULL);
  return self->pre_migration_backup;
}

gboolean
shelter_db_verify_file (const char  *path,
                        int         *schema_version,
                        GError     **error)
{
  g_autoptr (ShelterDb) self = NULL;
  g_autofree char *problems = NULL;
  int application_id = 0;
  int rc;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_header (path, error))
    return FALSE;

  self = g_object_new (SHELTER_TYPE_DB, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;
  rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    return _shelter_db_set_error (self, rc, error);

  if (!query_int (self, "PRAGMA user_version", &self->schema_version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (application_id != SHELTER_APPLICATION_ID)
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Mái Ấm database. Choose another file."), path);
      return FALSE;
    }
  if (self->schema_version > shelter_db_latest_schema_version ())
    {
      g_set_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_TOO_NEW,
                   _("The database was saved by a newer version of Mái Ấm (data version %d; "
                     "this version knows up to %d). Update Mái Ấm to open it; "
                     "the file was not changed."),
                   self->schema_version, shelter_db_latest_schema_version ());
      return FALSE;
    }
  if (!shelter_db_check (self, FALSE, &problems, error))
    return FALSE;
  if (schema_version != NULL)
    *schema_version = self->schema_version;
  return TRUE;
}

gboolean
shelter_db_checkpoint (ShelterDb  *self,
                       GError    **error)
{
  g_return_val_if_fail (SHELTER_IS_DB (self), FALSE);

  if (self->read_only)
    return TRUE;
  return exec_sql (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

void
shelter_db_close (ShelterDb *self)
{
  g_return_if_fail (SHELTER_IS_DB (self));

  if (self->handle == NULL)
    return;
  g_hash_table_remove_all (self->statements);
  if (!self->read_only)
    exec_sql (self, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  sqlite3_close_v2 (self->handle);
  self->handle = NULL;
}
