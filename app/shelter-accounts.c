/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "shelter-accounts.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-enums.h"
#include "shelter-stores.h"
#include "shelter-text.h"

#define USERNAME_MIN_CHARS 3
#define USERNAME_MAX_CHARS 32
#define FULL_NAME_MAX_CHARS 100
#define CENTRE_ADDRESS_MAX_CHARS 300

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

static GTimeZone *
vietnam (void)
{
  static GTimeZone *zone;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      zone = g_time_zone_new_identifier ("+07:00");
      g_once_init_leave (&initialized, 1);
    }
  return zone;
}

static char *
format_time (GDateTime *time)
{
  return shelter_session_format_time (time);
}

/* Lower case and trimmed: "CanBo.Lan " signs in as "canbo.lan". */
static char *
normalize_username (const char *username)
{
  g_autofree char *trimmed = NULL;

  if (username == NULL || !g_utf8_validate (username, -1, NULL))
    return NULL;
  trimmed = g_strstrip (g_strdup (username));
  if (*trimmed == '\0')
    return NULL;
  return g_utf8_strdown (trimmed, -1);
}

gboolean
shelter_accounts_check_username (const char  *username,
                                 GError     **error)
{
  gsize length;

  if (username == NULL || *username == '\0')
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                   _("User name: enter a user name."));
      return FALSE;
    }
  length = strlen (username);
  if (length < USERNAME_MIN_CHARS || length > USERNAME_MAX_CHARS)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                   _("User name: use %d to %d characters."), USERNAME_MIN_CHARS,
                   USERNAME_MAX_CHARS);
      return FALSE;
    }
  for (const char *p = username; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      {
        g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                     _("User name: use only letters without diacritics, digits, dots, hyphens "
                       "and underscores, for example “canbo.lan”."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_password_field (const char    *password,
                      ShelterField   field,
                      GError       **error)
{
  glong length;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    length = 0;
  else
    length = g_utf8_strlen (password, -1);

  if (length > SHELTER_PASSWORD_MAX_CHARS)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, field,
                   _("Password: at most %d characters."), SHELTER_PASSWORD_MAX_CHARS);
      return FALSE;
    }
  if (length < SHELTER_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, field,
                   _("Password: at least %d characters. A short sentence is easy to remember "
                     "and hard to guess."), SHELTER_PASSWORD_MIN_CHARS);
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_accounts_check_password (const char  *password,
                                 GError     **error)
{
  return check_password_field (password, SHELTER_FIELD_PASSWORD, error);
}

static char *
hash_password (const char  *password,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  ensure_sodium ();
  if (crypto_pwhash_str (hash, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The computer does not have enough free memory to protect the password. "
                     "Close other programs and try again."));
      return NULL;
    }
  return g_strdup (hash);
}

/* Compares in the time it takes whether or not there is a hash, so that the answer's delay
 * does not tell which user names exist. */
static gboolean
password_matches (const char *stored_hash,
                  const char *password)
{
  static char *dummy_hash;
  static gsize initialized;
  gboolean matches;

  ensure_sodium ();
  if (g_once_init_enter (&initialized))
    {
      dummy_hash = hash_password ("no account has this password", NULL);
      g_once_init_leave (&initialized, 1);
    }
  if (password == NULL)
    password = "";

  matches = crypto_pwhash_str_verify (stored_hash != NULL ? stored_hash : dummy_hash, password,
                                      strlen (password)) == 0;
  return matches && stored_hash != NULL;
}

static gboolean
check_full_name (ShelterUser  *user,
                 GError      **error)
{
  gboolean invalid = FALSE;
  g_autofree char *clean = shelter_text_clean (shelter_user_get_full_name (user), &invalid);

  if (invalid)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FULL_NAME,
                   _("Full name: the text contains control characters. Type it again."));
      return FALSE;
    }
  if (clean == NULL)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FULL_NAME,
                   _("Full name: enter the staff member’s full name."));
      return FALSE;
    }
  if (g_utf8_strlen (clean, -1) > FULL_NAME_MAX_CHARS)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FULL_NAME,
                   _("Full name: at most %d characters."), FULL_NAME_MAX_CHARS);
      return FALSE;
    }
  shelter_user_set_full_name (user, clean);
  return TRUE;
}

static gboolean
check_new_user (ShelterUser  *user,
                GError      **error)
{
  g_autofree char *username = normalize_username (shelter_user_get_username (user));

  if (!shelter_accounts_check_username (username, error) || !check_full_name (user, error))
    return FALSE;
  shelter_user_set_username (user, username);
  if (!shelter_enum_is_valid (&shelter_enum_role, shelter_user_get_role (user)))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROLE,
                   _("Role: choose what the staff member does."));
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_accounts_needs_setup (ShelterDb  *db,
                              GError    **error)
{
  gint64 count;

  g_return_val_if_fail (SHELTER_IS_DB (db), FALSE);

  count = shelter_user_store_count (db, NULL, FALSE, error);
  return count == 0;
}

static gboolean
insert_user (ShelterDb       *db,
             ShelterUser     *user,
             const char      *password,
             const char      *at,
             const char      *actor,
             GError         **error)
{
  g_autofree char *hash = hash_password (password, error);
  g_autofree char *details = NULL;
  ShelterStamp stamp = { actor, at };

  if (hash == NULL)
    return FALSE;
  if (!shelter_user_store_insert (db, user, hash, &stamp, error))
    {
      if (g_error_matches (*error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                       _("User name: “%s” is taken. Choose another."),
                       shelter_user_get_username (user));
        }
      return FALSE;
    }
  details = g_strdup_printf ("username: %s\nfull_name: %s\nrole: %s",
                             shelter_user_get_username (user), shelter_user_get_full_name (user),
                             shelter_user_get_role (user));
  return shelter_audit_record_as (db, actor, at, "create", "staff_user",
                                  shelter_user_get_id (user), details, error);
}

ShelterSession *
shelter_accounts_set_up_centre (ShelterDb      *db,
                                ShelterCentre  *centre,
                                ShelterUser    *admin,
                                const char     *password,
                                GError        **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now (vietnam ());
  g_autofree char *at = format_time (now);
  g_autofree char *centre_name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *head_name = NULL;
  g_autofree char *details = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean invalid = FALSE;
  ShelterStamp stamp;
  gint64 existing;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);
  g_return_val_if_fail (SHELTER_IS_CENTRE (centre), NULL);
  g_return_val_if_fail (SHELTER_IS_USER (admin), NULL);

  centre_name = shelter_text_clean (shelter_centre_get_name (centre), &invalid);
  if (invalid || centre_name == NULL || g_utf8_strlen (centre_name, -1) > 200)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CENTRE_NAME,
                   _("Centre name: enter the centre’s official name (at most 200 "
                     "characters)."));
      return NULL;
    }
  shelter_centre_set_name (centre, centre_name);
  /* Printed on every paper: kept in NFC, without control characters, of a sensible length. */
  if (!shelter_field_clean_text (shelter_centre_get_address (centre), FALSE,
                                 CENTRE_ADDRESS_MAX_CHARS, SHELTER_FIELD_CENTRE_ADDRESS,
                                 _("Address"), &address, error) ||
      !shelter_field_clean_text (shelter_centre_get_head_name (centre), FALSE,
                                 FULL_NAME_MAX_CHARS, SHELTER_FIELD_CENTRE_HEAD_NAME,
                                 _("Head of the Centre"), &head_name, error))
    return NULL;
  shelter_centre_set_address (centre, address);
  shelter_centre_set_head_name (centre, head_name);
  shelter_user_set_role (admin, "administrator");
  shelter_user_set_active (admin, TRUE);
  if (!check_new_user (admin, error) || !shelter_accounts_check_password (password, error))
    return NULL;

  stamp.actor = shelter_user_get_username (admin);
  stamp.at = at;

  if (!shelter_db_begin (db, error))
    return NULL;
  existing = shelter_user_store_count (db, NULL, FALSE, &local_error);
  if (existing != 0)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_SET_UP,
                     _("This centre is already set up. Sign in with your account."));
      goto failed;
    }

  details = g_strdup_printf ("name: %s\nprovince_code: %s", centre_name,
                             shelter_centre_get_province_code (centre) ?: "");
  if (!shelter_centre_store_save (db, centre, &stamp, &local_error) ||
      !shelter_audit_record_as (db, stamp.actor, at, "setup", "centre", 1, details,
                                &local_error) ||
      !insert_user (db, admin, password, at, stamp.actor, &local_error))
    goto failed;
  /* A failed commit rolls back by itself. */
  if (!shelter_db_commit (db, &local_error))
    goto forget;

  return shelter_session_new_for_user (db, admin);

failed:
  shelter_db_rollback (db);
forget:
  shelter_user_set_id (admin, 0);
  shelter_centre_set_version (centre, 0);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static char *
lock_message (GDateTime  *now,
              const char *locked_until)
{
  g_autoptr (GDateTime) until = g_date_time_new_from_iso8601 (locked_until, NULL);
  gint64 seconds = until != NULL ? g_date_time_difference (until, now) / G_TIME_SPAN_SECOND : 60;
  int minutes = (int) MAX (1, (seconds + 59) / 60);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Too many failed attempts. Wait %d minute, then try "
                                       "again.",
                                       "Too many failed attempts. Wait %d minutes, then try "
                                       "again.",
                                       minutes),
                          minutes);
}

/* Checks @password for @username under the throttle and records the attempt. Returns the
 * account on success. @action is "sign_in" or "unlock". */
static ShelterUser *
authenticate (ShelterDb   *db,
              const char  *typed_username,
              const char  *password,
              GDateTime   *now,
              const char  *action,
              GError     **error)
{
  g_autofree char *username = normalize_username (typed_username);
  g_autofree char *at = format_time (now);
  g_autofree char *locked_until = NULL;
  g_autofree char *stored_hash = NULL;
  g_autofree char *failed_action = g_strconcat (action, "_failed", NULL);
  g_autofree char *actor = NULL;
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean matches;
  int failures = 0;

  if (username == NULL)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                   _("User name: enter your user name."));
      return NULL;
    }
  if (password == NULL || *password == '\0')
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD,
                   _("Password: enter your password."));
      return NULL;
    }

  /* What the trail records of a stranger's attempt: no more than a user name's length. */
  actor = g_utf8_substring (username, 0, MIN (g_utf8_strlen (username, -1), USERNAME_MAX_CHARS));

  if (!shelter_user_store_get_throttle (db, actor, &failures, &locked_until, error))
    return NULL;
  if (locked_until != NULL && g_strcmp0 (locked_until, at) > 0)
    {
      g_autofree char *message = lock_message (now, locked_until);

      if (shelter_db_begin (db, NULL))
        {
          if (shelter_audit_record_as (db, actor, at, failed_action, "staff_user", 0,
                                       "reason: waiting after failed attempts", NULL))
            shelter_db_commit (db, NULL);
          else
            shelter_db_rollback (db);
        }
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LOCKED_OUT, message);
      return NULL;
    }

  /* Hashing takes a noticeable moment: done before the write lock is taken. */
  if (g_utf8_strlen (password, -1) <= SHELTER_PASSWORD_MAX_CHARS)
    stored_hash = shelter_user_store_get_password_hash (db, actor, NULL);
  matches = g_utf8_strlen (password, -1) <= SHELTER_PASSWORD_MAX_CHARS &&
            password_matches (stored_hash, password);
  if (matches)
    user = shelter_user_store_get_by_username (db, actor, &local_error);

  if (!shelter_db_begin (db, error))
    return NULL;

  if (user != NULL && shelter_user_get_active (user))
    {
      if (!shelter_user_store_set_throttle (db, actor, 0, NULL, &local_error) ||
          !shelter_audit_record_as (db, actor, at, action, "staff_user",
                                    shelter_user_get_id (user), "", &local_error) ||
          !shelter_db_commit (db, &local_error))
        goto failed;
      return g_steal_pointer (&user);
    }

  if (user != NULL)
    {
      /* The right password for a deactivated account: saying so gives nothing away. */
      if (!shelter_audit_record_as (db, actor, at, failed_action, "staff_user",
                                    shelter_user_get_id (user), "reason: account deactivated",
                                    &local_error) ||
          !shelter_db_commit (db, &local_error))
        goto failed;
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED,
                   _("This account has been deactivated. Ask the administrator."));
      return NULL;
    }

  failures++;
  g_clear_pointer (&locked_until, g_free);
  if (failures >= SHELTER_SIGN_IN_MAX_FAILURES)
    {
      g_autoptr (GDateTime) until = g_date_time_add_minutes (now, SHELTER_SIGN_IN_WAIT_MINUTES);
      locked_until = format_time (until);
      failures = 0;
    }
  if (!shelter_user_store_set_throttle (db, actor, failures, locked_until, &local_error) ||
      !shelter_audit_record_as (db, actor, at, failed_action, "staff_user", 0,
                                locked_until != NULL ? "reason: wrong password; now waiting"
                                                     : "reason: wrong user name or password",
                                &local_error) ||
      !shelter_db_commit (db, &local_error))
    goto failed;

  if (locked_until != NULL)
    {
      g_autofree char *message = lock_message (now, locked_until);
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LOCKED_OUT, message);
    }
  else
    g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED,
                 _("The user name or the password is wrong. Check them and try again."));
  return NULL;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

ShelterSession *
shelter_accounts_sign_in (ShelterDb   *db,
                          const char  *username,
                          const char  *password,
                          GDateTime   *now,
                          GError     **error)
{
  g_autoptr (GDateTime) real_now = NULL;
  g_autoptr (ShelterUser) user = NULL;
  ShelterSession *session;

  g_return_val_if_fail (SHELTER_IS_DB (db), NULL);

  if (now == NULL)
    now = real_now = g_date_time_new_now (vietnam ());
  user = authenticate (db, username, password, now, "sign_in", error);
  if (user == NULL)
    return NULL;
  session = shelter_session_new_for_user (db, user);
  if (real_now == NULL)
    shelter_session_set_clock (session, now);
  return session;
}

gboolean
shelter_accounts_unlock (ShelterSession  *session,
                         const char      *password,
                         GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterUser *owner;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  owner = shelter_session_get_user (session);
  if (owner == NULL)
    return TRUE;
  now = shelter_session_now (session);
  user = authenticate (shelter_session_get_db (session), shelter_user_get_username (owner),
                       password, now, "unlock", &local_error);
  /* Only the password was typed here: say so rather than "user name or password". */
  if (g_error_matches (local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED) &&
      shelter_user_get_active (owner))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD,
                   _("Password: it is not right. Type it again."));
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return user != NULL;
}

GPtrArray *
shelter_accounts_list (ShelterSession  *session,
                       GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_USERS, error))
    return NULL;
  return shelter_user_store_list (shelter_session_get_db (session), error);
}

gboolean
shelter_accounts_create (ShelterSession  *session,
                         ShelterUser     *user,
                         const char      *password,
                         GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *at = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_USER (user), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_USERS, error) ||
      !check_new_user (user, error) || !shelter_accounts_check_password (password, error))
    return FALSE;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = format_time (now);
  shelter_user_set_active (user, TRUE);
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!insert_user (db, user, password, at, shelter_session_get_actor (session), error))
    {
      shelter_db_rollback (db);
      shelter_user_set_id (user, 0);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

gboolean
shelter_accounts_update (ShelterSession  *session,
                         ShelterUser     *user,
                         GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterUser) stored = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *at = NULL;
  ShelterUser *me;
  ShelterStamp stamp;
  ShelterDb *db;
  gboolean was_admin, stays_admin;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (SHELTER_IS_USER (user), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_USERS, error) ||
      !check_full_name (user, error))
    return FALSE;
  if (!shelter_enum_is_valid (&shelter_enum_role, shelter_user_get_role (user)))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ROLE,
                   _("Role: choose what the staff member does."));
      return FALSE;
    }

  me = shelter_session_get_user (session);
  if (me != NULL && shelter_user_get_id (me) == shelter_user_get_id (user) &&
      !shelter_user_get_active (user))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LAST_ADMINISTRATOR,
                   _("You cannot deactivate your own account. Ask another administrator."));
      return FALSE;
    }

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  at = format_time (now);
  stamp.actor = shelter_session_get_actor (session);
  stamp.at = at;

  if (!shelter_db_begin (db, error))
    return FALSE;
  stored = shelter_user_store_get_by_username (db, shelter_user_get_username (user),
                                               &local_error);
  if (stored == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                     _("This account no longer exists."));
      goto failed;
    }

  was_admin = shelter_user_get_active (stored) &&
              g_str_equal (shelter_user_get_role (stored), "administrator");
  stays_admin = shelter_user_get_active (user) &&
                g_str_equal (shelter_user_get_role (user), "administrator");
  if (was_admin && !stays_admin &&
      shelter_user_store_count (db, "administrator", TRUE, &local_error) <= 1)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LAST_ADMINISTRATOR,
                     _("This is the last active administrator. Make another account "
                       "administrator first."));
      goto failed;
    }

  shelter_audit_note_change (details, "full_name", shelter_user_get_full_name (stored),
                             shelter_user_get_full_name (user), FALSE);
  shelter_audit_note_change (details, "role", shelter_user_get_role (stored),
                             shelter_user_get_role (user), FALSE);
  shelter_audit_note_change (details, "active",
                             shelter_user_get_active (stored) ? "yes" : "no",
                             shelter_user_get_active (user) ? "yes" : "no", FALSE);

  if (!shelter_user_store_update (db, user, &stamp, &local_error) ||
      !shelter_audit_record (session, at, "update", "staff_user", shelter_user_get_id (user),
                             details->str, &local_error))
    goto failed;
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
set_password (ShelterSession  *session,
              const char      *username,
              const char      *new_password,
              const char      *action,
              GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = format_time (now);
  g_autofree char *hash = NULL;
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  ShelterStamp stamp = { shelter_session_get_actor (session), at };

  if (!check_password_field (new_password, SHELTER_FIELD_NEW_PASSWORD, error))
    return FALSE;
  hash = hash_password (new_password, error);
  if (hash == NULL)
    return FALSE;

  if (!shelter_db_begin (db, error))
    return FALSE;
  user = shelter_user_store_get_by_username (db, username, &local_error);
  if (user == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND,
                     _("This account no longer exists."));
      goto failed;
    }
  /* A new password also lifts a wait after failed attempts. */
  if (!shelter_user_store_set_password_hash (db, shelter_user_get_id (user), hash, &stamp,
                                             &local_error) ||
      !shelter_user_store_set_throttle (db, username, 0, NULL, &local_error) ||
      !shelter_audit_record (session, at, action, "staff_user", shelter_user_get_id (user),
                             "password: (hidden) -> (hidden)", &local_error))
    goto failed;
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
shelter_accounts_reset_password (ShelterSession  *session,
                                 const char      *username,
                                 const char      *new_password,
                                 GError         **error)
{
  g_autofree char *normalized = normalize_username (username);

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_MANAGE_USERS, error))
    return FALSE;
  if (normalized == NULL)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME,
                   _("User name: choose the account."));
      return FALSE;
    }
  return set_password (session, normalized, new_password, "password_reset", error);
}

gboolean
shelter_accounts_change_password (ShelterSession  *session,
                                  const char      *current_password,
                                  const char      *new_password,
                                  GError         **error)
{
  ShelterUser *me;
  g_autofree char *stored_hash = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);

  me = shelter_session_get_user (session);
  if (me == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("Sign in with your staff account to change your password."));
      return FALSE;
    }
  stored_hash = shelter_user_store_get_password_hash (shelter_session_get_db (session),
                                                      shelter_user_get_username (me), NULL);
  if (current_password == NULL ||
      g_utf8_strlen (current_password, -1) > SHELTER_PASSWORD_MAX_CHARS ||
      !password_matches (stored_hash, current_password))
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD,
                   _("Current password: it is not right. Type it again."));
      return FALSE;
    }
  if (g_strcmp0 (current_password, new_password) == 0)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_NEW_PASSWORD,
                   _("New password: choose one that differs from the current password."));
      return FALSE;
    }
  return set_password (session, shelter_user_get_username (me), new_password,
                       "password_change", error);
}
