/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "shelter-accounts.h"
#include "shelter-audit.h"
#include "shelter-backup.h"
#include "shelter-settings.h"
#include "test-common.h"

/* Every role against every use case, through the use cases themselves: what the law and
 * the centre expect, written out independently of the permission table it checks. */
typedef gboolean (*UseCase) (ShelterSession *session, GError **error);

static gint64 test_room;

static gboolean
admit (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "1990-01-01");
  g_autoptr (ShelterStay) stay = shelter_admit_person (session, person, test_room, NULL, error);
  return stay != NULL;
}

static gboolean
list_residents (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  return shelter_residents_model_reload (model, error);
}

static gboolean
add_room (ShelterSession *session, GError **error)
{
  static guint n;
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autofree char *code = g_strdup_printf ("P%u", ++n);

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, "Phòng");
  shelter_room_set_sex_use (room, "male");
  shelter_room_set_age_group (room, "adult");
  shelter_room_set_beds (room, 2);
  shelter_room_set_area_m2 (room, 12);
  return shelter_rooms_add (session, room, error);
}

static gboolean
list_rooms (ShelterSession *session, GError **error)
{
  g_autoptr (GPtrArray) rooms = shelter_rooms_list (session, error);
  return rooms != NULL;
}

static gboolean
list_accounts (ShelterSession *session, GError **error)
{
  g_autoptr (GPtrArray) accounts = shelter_accounts_list (session, error);
  return accounts != NULL;
}

static gboolean
read_audit (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterAuditModel) model = shelter_audit_model_new (session);
  return shelter_audit_model_set_filter (model, NULL, error);
}

static gboolean
back_up (ShelterSession *session, GError **error)
{
  g_autofree char *path = test_path ("perm.maiam-backup");
  return shelter_backup_create (session, path, NULL, error);
}

static gboolean
restore (ShelterSession *session, GError **error)
{
  /* A missing backup: the permission is checked before the file is read. */
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = test_path ("none.maiam-backup");

  if (shelter_backup_restore (session, path, NULL, NULL, &local_error))
    return TRUE;
  if (g_error_matches (local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gint64 test_person;

static gboolean
open_person (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterPerson) person = shelter_person_open (session, test_person, error);
  return person != NULL;
}

static gboolean
edit_person (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterSession) reader = test_session_new (shelter_session_get_db (session), "manager");
  g_autoptr (ShelterPerson) person = shelter_person_open (reader, test_person, NULL);

  shelter_person_set_phone (person, "0912345678");
  return shelter_person_save (session, person, NULL, error);
}

static gboolean
find_similar (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Hoa", "female", "1990-01-01");
  g_autoptr (GArray) ids = shelter_person_find_similar (session, person, error);
  return ids != NULL;
}

static gboolean
discharge (ShelterSession *session, GError **error)
{
  g_autoptr (ShelterSession) desk = test_session_new (shelter_session_get_db (session),
                                                      "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Lan", "female", "1991-01-01");
  g_autoptr (ShelterStay) stay = shelter_admit_person (desk, person, test_room, NULL, NULL);

  g_assert_nonnull (stay);
  return shelter_discharge_stay (session, stay, NULL, "goals_reached", error);
}

static gboolean
reset_password (ShelterSession *session, GError **error)
{
  return shelter_accounts_reset_password (session, "test.someone", "một mật khẩu mới dài", error);
}

static gboolean
change_setting (ShelterSession *session, GError **error)
{
  return shelter_settings_set (session, SHELTER_SETTING_IDLE_LOCK_MINUTES, "15", error);
}

static const struct
{
  const char *name;
  UseCase     use_case;
  /* administrator, manager, caseworker, medical, counsellor */
  gboolean    allowed[5];
} expectations[] = {
  { "admit a person", admit, { FALSE, TRUE, TRUE, FALSE, FALSE } },
  { "open a resident's record", open_person, { FALSE, TRUE, TRUE, TRUE, TRUE } },
  { "edit a resident's record", edit_person, { FALSE, TRUE, TRUE, FALSE, FALSE } },
  { "look for a person on record", find_similar, { FALSE, TRUE, TRUE, TRUE, TRUE } },
  { "end a stay", discharge, { FALSE, TRUE, TRUE, FALSE, FALSE } },
  { "reset a password", reset_password, { TRUE, FALSE, FALSE, FALSE, FALSE } },
  { "list residents", list_residents, { FALSE, TRUE, TRUE, TRUE, TRUE } },
  { "add a room", add_room, { TRUE, TRUE, FALSE, FALSE, FALSE } },
  { "list rooms", list_rooms, { TRUE, TRUE, TRUE, TRUE, TRUE } },
  { "manage accounts", list_accounts, { TRUE, FALSE, FALSE, FALSE, FALSE } },
  { "read the audit log", read_audit, { TRUE, TRUE, FALSE, FALSE, FALSE } },
  { "make a backup", back_up, { TRUE, TRUE, FALSE, FALSE, FALSE } },
  { "restore a backup", restore, { TRUE, FALSE, FALSE, FALSE, FALSE } },
  { "change a setting", change_setting, { TRUE, FALSE, FALSE, FALSE, FALSE } },
};

static const char *roles[] = { "administrator", "manager", "caseworker", "medical", "counsellor" };

static void
test_matrix (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) operator = test_session_new (db, "operator");

  test_room = test_add_room (operator, "A101", "female", "adult", 40);
  {
    g_autoptr (ShelterPerson) person = test_person_new ("Đinh", "Thị", "Hà", "female", "1985-05-05");
    g_autoptr (ShelterStay) stay = shelter_admit_person (operator, person, test_room, NULL, NULL);
    g_autoptr (ShelterUser) someone = shelter_user_new ();

    g_assert_nonnull (stay);
    test_person = shelter_person_get_id (person);
    shelter_user_set_username (someone, "test.someone");
    shelter_user_set_full_name (someone, "Người Thử");
    shelter_user_set_role (someone, "caseworker");
    g_assert_true (shelter_accounts_create (operator, someone, "mật khẩu ban đầu dài", NULL));
  }

  for (guint u = 0; u < G_N_ELEMENTS (expectations); u++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      {
        g_autoptr (ShelterSession) session = test_session_new (db, roles[r]);
        g_autoptr (GError) error = NULL;
        gboolean done = expectations[u].use_case (session, &error);

        g_test_message ("%s as %s: %s", expectations[u].name, roles[r],
                        done ? "done" : error->message);
        if (expectations[u].allowed[r])
          g_assert_no_error (error);
        else
          g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
        g_assert_cmpint (done, ==, expectations[u].allowed[r]);
      }
}

static void
test_deactivated_may_nothing (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterUser) user = shelter_user_new ();
  g_autoptr (ShelterSession) session = NULL;

  shelter_user_set_username (user, "cu.giamdoc");
  shelter_user_set_full_name (user, "Cựu Giám Đốc");
  shelter_user_set_role (user, "manager");
  shelter_user_set_active (user, FALSE);
  session = shelter_session_new_for_user (db, user);
  for (int p = 0; p < SHELTER_N_PERMISSIONS; p++)
    g_assert_false (shelter_session_may (session, p));
}

/* A refusal says what the account may not do, for every permission: "Your account may not
 * place someone in a room that does not suit them", not a generic "do this". */
static void
test_refusals_say_what (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterUser) user = shelter_user_new ();
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  shelter_user_set_username (user, "cu.giamdoc");
  shelter_user_set_full_name (user, "Cựu Giám Đốc");
  shelter_user_set_role (user, "manager");
  shelter_user_set_active (user, FALSE);
  session = shelter_session_new_for_user (db, user);
  for (int p = 0; p < SHELTER_N_PERMISSIONS; p++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (shelter_session_check (session, p, &error));
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
      g_assert_null (strstr (error->message, "do this"));
      /* Each its own words. */
      g_assert_true (g_hash_table_add (seen, g_strdup (error->message)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/permissions/every-role-every-use-case", test_matrix);
  g_test_add_func ("/app/permissions/deactivated-may-nothing", test_deactivated_may_nothing);
  g_test_add_func ("/app/permissions/refusals-say-what", test_refusals_say_what);

  return g_test_run ();
}
