/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "shelter-audit.h"
#include "test-common.h"

static void
admit_three (ShelterSession *session)
{
  const char *given[] = { "Lan", "Hoa", "Mai" };
  gint64 room = test_add_room (session, "A101", "female", "adult", 6);

  for (guint i = 0; i < G_N_ELEMENTS (given); i++)
    {
      g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", given[i], "female",
                                                          "1990-01-01");
      g_autoptr (ShelterStay) stay = NULL;
      g_autoptr (GError) error = NULL;

      stay = shelter_admit_person (session, person, room, NULL, &error);
      g_assert_no_error (error);
    }
}

/* Runs the sqlite3 tool on the file, as someone with access to the disk could. */
static void
sqlite3_tool (const char *path,
              const char *sql)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "sqlite3", path, sql, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
}

static void
test_chain_detects_tampering (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autofree char *path = g_strdup (shelter_db_get_path (db));
  gint64 entries = 0, broken = -1;
  g_autoptr (GError) error = NULL;
  g_autofree char *tool_path = g_find_program_in_path ("sqlite3");

  if (tool_path == NULL)
    {
      g_test_skip ("the sqlite3 tool is not installed");
      return;
    }

  admit_three (session);
  g_assert_true (shelter_audit_verify_chain (db, &entries, &broken, &error));
  g_assert_cmpint (entries, ==, 4);
  g_assert_cmpint (broken, ==, 0);

  /* The triggers refuse a change even from the sqlite3 tool... */
  sqlite3_tool (path, "UPDATE audit_log SET actor = 'someone' WHERE id = 2");
  sqlite3_tool (path, "DELETE FROM audit_log WHERE id = 3");
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE actor = 'someone'"), ==, 0);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log"), ==, 4);

  /* ...and whoever drops them first is caught by the chain. */
  g_clear_object (&session);
  g_clear_object (&db);
  sqlite3_tool (path, "DROP TRIGGER audit_log_no_update; "
                      "UPDATE audit_log SET details = 'nothing' WHERE id = 3");
  db = shelter_db_open (path, SHELTER_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_audit_verify_chain (db, &entries, &broken, &error));
  g_assert_cmpint (broken, ==, 3);
}

static void
test_model_filters_and_exports (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) caseworker = test_session_new (db, "caseworker");
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterAuditModel) model = shelter_audit_model_new (manager);
  g_autoptr (ShelterAuditModel) refused = shelter_audit_model_new (caseworker);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv_path = test_path ("audit.csv");
  g_autofree char *csv = NULL;
  ShelterAuditFilter by_actor = { .actor = (char *) "test.caseworker" };
  ShelterAuditFilter by_action = { .action = (char *) "admit" };
  ShelterAuditFilter by_person = { .person = (char *) "2026-0002" };
  ShelterAuditFilter by_date = { .from_date = (char *) "2026-11-23" };

  admit_three (caseworker);

  g_assert_false (shelter_audit_model_set_filter (refused, NULL, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  g_assert_true (shelter_audit_model_set_filter (model, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  {
    /* Newest first, with the action in words. */
    g_autoptr (ShelterAuditEntry) newest = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (shelter_audit_entry_get_action (newest), ==, "admit");
    g_assert_cmpstr (shelter_audit_entry_get_action_label (newest), ==, "Admission");
  }
  g_assert_true (shelter_audit_model_set_filter (model, &by_actor, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_true (shelter_audit_model_set_filter (model, &by_action, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_true (shelter_audit_model_set_filter (model, &by_person, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shelter_audit_model_set_filter (model, &by_date, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_assert_true (shelter_audit_model_set_filter (model, &by_action, &error));
  g_assert_true (shelter_audit_model_export_csv (model, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf\"Time\""));
  g_assert_true (strstr (csv, "2026-0003") != NULL);
  /* The export itself is on record. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                   "AND actor = 'test.manager'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/audit/chain-detects-tampering", test_chain_detects_tampering);
  g_test_add_func ("/app/audit/model-filters-and-exports", test_model_filters_and_exports);

  return g_test_run ();
}
