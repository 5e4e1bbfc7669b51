/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-accounts.h"
#include "shelter-audit.h"
#include "test-common.h"

static GDateTime *
at_minute (int minute)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  return g_date_time_new (vietnam, 2026, 11, 22, 9, minute, 0);
}

/* A new centre set up with its first administrator, "quantri" / "mật khẩu quản trị". */
static ShelterSession *
set_up (ShelterDb *db)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterUser) admin = shelter_user_new ();
  g_autoptr (GError) error = NULL;
  ShelterSession *session;

  shelter_centre_set_name (centre, "  Trung tâm Bảo trợ xã hội tỉnh Lào Cai ");
  shelter_user_set_username (admin, "QuanTri");
  shelter_user_set_full_name (admin, "Đỗ Minh Quân");
  session = shelter_accounts_set_up_centre (db, centre, admin, "mật khẩu quản trị", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session;
}

static void
test_setup_once (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = NULL;
  g_autoptr (ShelterCentre) again = shelter_centre_new ();
  g_autoptr (ShelterUser) intruder = shelter_user_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_accounts_needs_setup (db, NULL));
  admin = set_up (db);
  g_assert_false (shelter_accounts_needs_setup (db, NULL));
  g_assert_cmpstr (shelter_user_get_username (shelter_session_get_user (admin)), ==, "quantri");
  g_assert_cmpstr (shelter_user_get_role (shelter_session_get_user (admin)), ==, "administrator");
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM centre WHERE name = "
                                   "'Trung tâm Bảo trợ xã hội tỉnh Lào Cai'"), ==, 1);
  /* The password is stored as an Argon2id hash, never in clear. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM staff_user WHERE password_hash LIKE "
                                   "'$argon2id$%'"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM staff_user WHERE password_hash LIKE "
                                   "'%mật khẩu%'"), ==, 0);

  /* A second set-up is refused: nobody takes over a centre that way. */
  shelter_centre_set_name (again, "Trung tâm khác");
  shelter_user_set_username (intruder, "keco");
  shelter_user_set_full_name (intruder, "Kẻ Cơ");
  g_assert_null (shelter_accounts_set_up_centre (db, again, intruder, "mật khẩu khác hẳn", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_SET_UP);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM staff_user"), ==, 1);
}

static void
test_setup_rejects_bad_input (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterUser) admin = shelter_user_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) huge = g_string_new (NULL);

  shelter_user_set_username (admin, "quantri");
  shelter_user_set_full_name (admin, "Đỗ Minh Quân");
  g_assert_null (shelter_accounts_set_up_centre (db, centre, admin, "mật khẩu quản trị", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_CENTRE_NAME);

  g_clear_error (&error);
  shelter_centre_set_name (centre, "Trung tâm");
  g_assert_null (shelter_accounts_set_up_centre (db, centre, admin, "ngắn", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD);

  g_clear_error (&error);
  for (int i = 0; i < 10000; i++)
    g_string_append_c (huge, 'x');
  g_assert_null (shelter_accounts_set_up_centre (db, centre, admin, huge->str, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD);

  g_clear_error (&error);
  shelter_user_set_username (admin, "Quản trị");
  g_assert_null (shelter_accounts_set_up_centre (db, centre, admin, "mật khẩu quản trị", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME);
  g_assert_true (shelter_accounts_needs_setup (db, NULL));
}

static void
test_sign_in (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = set_up (db);
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GDateTime) now = at_minute (0);
  g_autoptr (GError) error = NULL;

  session = shelter_accounts_sign_in (db, "  QUANTRI ", "mật khẩu quản trị", now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_session_get_actor (session), ==, "quantri");

  /* Wrong password and unknown user name get the very same answer. */
  {
    g_autoptr (GError) wrong = NULL;
    g_autoptr (GError) unknown = NULL;
    g_assert_null (shelter_accounts_sign_in (db, "quantri", "mật khẩu sai rồi", now, &wrong));
    g_assert_null (shelter_accounts_sign_in (db, "khongco", "mật khẩu sai rồi", now, &unknown));
    g_assert_error (wrong, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED);
    g_assert_error (unknown, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED);
    g_assert_cmpstr (wrong->message, ==, unknown->message);
  }

  /* Empty, whitespace-only and enormous input. */
  g_assert_null (shelter_accounts_sign_in (db, "   ", "mật khẩu quản trị", now, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME);
  g_clear_error (&error);
  {
    g_autofree char *huge = g_strnfill (10000, 'a');
    g_assert_null (shelter_accounts_sign_in (db, "quantri", huge, now, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED);
  }

  /* Every attempt is on record; passwords never are. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'sign_in'"), ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = "
                                   "'sign_in_failed'"), ==, 3);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE details LIKE "
                                   "'%mật khẩu%'"), ==, 0);
}

static void
test_lockout (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = set_up (db);
  g_autoptr (GError) error = NULL;
  const char *names[] = { "quantri", "khongco" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      for (int i = 0; i < SHELTER_SIGN_IN_MAX_FAILURES - 1; i++)
        {
          g_autoptr (GDateTime) now = at_minute (i);
          g_autoptr (GError) attempt = NULL;
          g_assert_null (shelter_accounts_sign_in (db, names[n], "sai mật khẩu", now, &attempt));
          g_assert_error (attempt, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED);
        }
      {
        g_autoptr (GDateTime) now = at_minute (4);
        g_autoptr (GError) fifth = NULL;
        g_assert_null (shelter_accounts_sign_in (db, names[n], "sai mật khẩu", now, &fifth));
        /* Known or not, the fifth failure starts the wait, and says so. */
        g_assert_error (fifth, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LOCKED_OUT);
        g_assert_true (strstr (fifth->message, "5") != NULL);
      }
    }

  {
    /* Even the right password waits... */
    g_autoptr (GDateTime) soon = at_minute (6);
    g_assert_null (shelter_accounts_sign_in (db, "quantri", "mật khẩu quản trị", soon, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LOCKED_OUT);
    g_clear_error (&error);
  }
  {
    /* ...until five minutes have passed. */
    g_autoptr (GDateTime) later = at_minute (10);
    g_autoptr (ShelterSession) session = shelter_accounts_sign_in (db, "quantri",
                                                                   "mật khẩu quản trị", later,
                                                                   &error);
    g_assert_no_error (error);
    g_assert_nonnull (session);
  }
}

static void
test_administration (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = set_up (db);
  g_autoptr (ShelterUser) lan = shelter_user_new ();
  g_autoptr (ShelterUser) copy = NULL;
  g_autoptr (ShelterSession) as_lan = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at_minute (0);

  shelter_user_set_username (lan, "canbo.lan");
  shelter_user_set_full_name (lan, "Trần Thị Lan");
  shelter_user_set_role (lan, "caseworker");
  g_assert_true (shelter_accounts_create (admin, lan, "mật khẩu của Lan", &error));
  g_assert_no_error (error);

  /* The same user name twice is refused, naming the field. */
  copy = shelter_user_new ();
  shelter_user_set_username (copy, "CANBO.LAN");
  shelter_user_set_full_name (copy, "Trần Thị Lan");
  shelter_user_set_role (copy, "caseworker");
  g_assert_false (shelter_accounts_create (admin, copy, "mật khẩu của Lan", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME);
  g_clear_error (&error);

  /* A caseworker may not manage accounts. */
  as_lan = shelter_accounts_sign_in (db, "canbo.lan", "mật khẩu của Lan", now, &error);
  g_assert_no_error (error);
  g_assert_null (shelter_accounts_list (as_lan, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_false (shelter_accounts_reset_password (as_lan, "quantri", "mật khẩu mới toanh", &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* Deactivated, never deleted: the account cannot sign in and stays on the list. */
  shelter_user_set_active (lan, FALSE);
  g_assert_true (shelter_accounts_update (admin, lan, &error));
  g_assert_no_error (error);
  g_assert_null (shelter_accounts_sign_in (db, "canbo.lan", "mật khẩu của Lan", now, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_SIGN_IN_FAILED);
  g_clear_error (&error);
  accounts = shelter_accounts_list (admin, &error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'update' AND "
                                   "details LIKE '%active: yes -> no%'"), ==, 1);

  /* A stale edit is refused. */
  {
    g_autoptr (ShelterUser) stale = shelter_user_new ();
    shelter_user_set_id (stale, shelter_user_get_id (lan));
    shelter_user_set_username (stale, "canbo.lan");
    shelter_user_set_full_name (stale, "Trần Thị Lan B");
    shelter_user_set_role (stale, "caseworker");
    shelter_user_set_version (stale, 1);
    g_assert_false (shelter_accounts_update (admin, stale, &error));
    g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_STALE);
    g_clear_error (&error);
  }

  /* The last administrator stays. */
  {
    ShelterUser *me = shelter_session_get_user (admin);
    g_autoptr (ShelterUser) demoted = shelter_user_new ();
    shelter_user_set_id (demoted, shelter_user_get_id (me));
    shelter_user_set_username (demoted, "quantri");
    shelter_user_set_full_name (demoted, "Đỗ Minh Quân");
    shelter_user_set_role (demoted, "manager");
    shelter_user_set_version (demoted, shelter_user_get_version (me));
    g_assert_false (shelter_accounts_update (admin, demoted, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_LAST_ADMINISTRATOR);
    g_clear_error (&error);
  }
}

static void
test_passwords (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = set_up (db);
  g_autoptr (ShelterSession) again = NULL;
  g_autoptr (GDateTime) now = at_minute (0);
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_accounts_change_password (admin, "không đúng mật khẩu", "mật khẩu mới dài",
                                                    &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD);
  g_clear_error (&error);
  g_assert_false (shelter_accounts_change_password (admin, "mật khẩu quản trị", "ngắn", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_NEW_PASSWORD);
  g_clear_error (&error);
  g_assert_true (shelter_accounts_change_password (admin, "mật khẩu quản trị", "mật khẩu mới dài",
                                                   &error));
  g_assert_no_error (error);
  g_assert_null (shelter_accounts_sign_in (db, "quantri", "mật khẩu quản trị", now, &error));
  g_clear_error (&error);
  again = shelter_accounts_sign_in (db, "quantri", "mật khẩu mới dài", now, &error);
  g_assert_no_error (error);

  /* Unlocking needs the session owner's own password. */
  g_assert_false (shelter_accounts_unlock (again, "mật khẩu quản trị", &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_PASSWORD);
  g_clear_error (&error);
  g_assert_true (shelter_accounts_unlock (again, "mật khẩu mới dài", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/accounts/set-up-once", test_setup_once);
  g_test_add_func ("/app/accounts/set-up-rejects-bad-input", test_setup_rejects_bad_input);
  g_test_add_func ("/app/accounts/sign-in", test_sign_in);
  g_test_add_func ("/app/accounts/lockout", test_lockout);
  g_test_add_func ("/app/accounts/administration", test_administration);
  g_test_add_func ("/app/accounts/passwords", test_passwords);

  return g_test_run ();
}
