/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-common.h"

static void
admit (ShelterSession *session,
       gint64          room,
       const char     *family,
       const char     *middle,
       const char     *given,
       gboolean        high_protection)
{
  g_autoptr (ShelterPerson) person = test_person_new (family, middle, given, "female",
                                                      "1995-06-15");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_high_protection (person, high_protection);
  stay = shelter_admit_person (session, person, room, NULL, &error);
  g_assert_no_error (error);
}

static char *
name_at (GListModel *model,
         guint       position)
{
  g_autoptr (ShelterResidentSummary) row = g_list_model_get_item (model, position);
  return g_strdup (shelter_resident_summary_get_full_name (row));
}

static void
test_lists_by_given_name (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (manager);
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (manager, "A101", "female", "adult", 8);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *last = NULL;

  admit (manager, room, "Bùi", "Thị", "Yến", FALSE);
  admit (manager, room, "Trần", "Thị", "Ánh", FALSE);
  admit (manager, room, "Đặng", "Ngọc", "Anh", FALSE);
  admit (manager, room, "Nguyễn", "Thị", "Đào", FALSE);

  g_assert_true (shelter_residents_model_reload (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  first = name_at (G_LIST_MODEL (model), 0);
  second = name_at (G_LIST_MODEL (model), 1);
  third = name_at (G_LIST_MODEL (model), 2);
  last = name_at (G_LIST_MODEL (model), 3);
  g_assert_cmpstr (first, ==, "Đặng Ngọc Anh");
  g_assert_cmpstr (second, ==, "Trần Thị Ánh");
  g_assert_cmpstr (third, ==, "Nguyễn Thị Đào");
  g_assert_cmpstr (last, ==, "Bùi Thị Yến");

  /* Descending by name turns it round. */
  g_assert_true (shelter_residents_model_set_order (model, SHELTER_RESIDENT_ORDER_NAME, TRUE,
                                                    &error));
  g_clear_pointer (&first, g_free);
  first = name_at (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (first, ==, "Bùi Thị Yến");

  {
    g_autoptr (ShelterResidentSummary) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (shelter_resident_summary_get_room_code (row), ==, "A101");
    g_assert_cmpstr (shelter_resident_summary_get_admitted_at (row), ==,
                     "2026-11-22T09:00:00+07:00");
  }
}

static void
test_search_forgives_diacritics (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (session, "A101", "female", "adult", 8);

  admit (session, room, "Đặng", "Thị", "Hường", FALSE);
  admit (session, room, "Nguyễn", "Thị", "Hương", FALSE);
  admit (session, room, "Lê", "Thị", "Lan", FALSE);

  g_assert_true (shelter_residents_model_set_search (model, "dang huong", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shelter_residents_model_set_search (model, "HUONG", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_true (shelter_residents_model_set_search (model, "2026-0003", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  /* Word prefixes in any order, đ typed as d. */
  admit (session, room, "Nguyễn", "Thị", "Đào", FALSE);
  g_assert_true (shelter_residents_model_set_search (model, "thi dao ng", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shelter_residents_model_set_search (model, "dao", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  /* Typed in decomposed form, as some keyboards send it. */
  g_assert_true (shelter_residents_model_set_search (model, "\xc4\x90" "a\xcc\x80" "o", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shelter_residents_model_set_search (model, "Quách", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (shelter_residents_model_set_search (model, "", &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
}

static void
test_high_protection_masked (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) medical = test_session_new (db, "medical");
  g_autoptr (ShelterResidentsModel) for_manager = shelter_residents_model_new (manager);
  g_autoptr (ShelterResidentsModel) for_medical = shelter_residents_model_new (medical);
  g_autoptr (ShelterResidentSummary) seen_by_manager = NULL;
  g_autoptr (ShelterResidentSummary) seen_by_medical = NULL;
  gint64 room = test_add_room (manager, "A101", "female", "adult", 8);

  admit (manager, room, "Sùng", "Thị", "Mai", TRUE);
  g_assert_true (shelter_residents_model_reload (for_manager, NULL));
  g_assert_true (shelter_residents_model_reload (for_medical, NULL));
  seen_by_manager = g_list_model_get_item (G_LIST_MODEL (for_manager), 0);
  seen_by_medical = g_list_model_get_item (G_LIST_MODEL (for_medical), 0);
  g_assert_cmpstr (shelter_resident_summary_get_full_name (seen_by_manager), ==, "Sùng Thị Mai");
  g_assert_cmpstr (shelter_resident_summary_get_full_name (seen_by_medical), !=, "Sùng Thị Mai");
  g_assert_null (shelter_resident_summary_get_room_code (seen_by_medical));
  g_assert_cmpstr (shelter_resident_summary_get_case_code (seen_by_medical), ==, "2026-0001");

  /* The manager's view of who the resident is was recorded, once; the masked one was not. */
  {
    g_autoptr (ShelterResidentSummary) again = g_list_model_get_item (G_LIST_MODEL (for_manager), 0);
    g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = "
                                     "'view_restricted' AND actor = 'test.manager'"), ==, 1);
    g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = "
                                     "'view_restricted' AND actor = 'test.medical'"), ==, 0);
  }
}

static void
test_administrator_may_not_list (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) admin = test_session_new (db, "administrator");
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (admin);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) found = NULL;

  g_assert_false (shelter_residents_model_reload (model, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  found = shelter_residents_search (admin, "lan", 10, &error);
  g_assert_null (found);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

static void
test_filter_in_residence (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (session);
  g_autoptr (ShelterPerson) person = test_person_new ("Lê", "Thị", "Lan", "female", "1990-01-01");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (session, "A101", "female", "adult", 8);

  admit (session, room, "Lê", "Thị", "Hoa", FALSE);
  stay = shelter_admit_person (session, person, room, "2026-01-05T08:00:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_true (shelter_discharge_stay (session, stay, "2026-03-05T08:00:00+07:00",
                                         "community_reintegration", &error));

  g_assert_true (shelter_residents_model_reload (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shelter_residents_model_set_filter (model, SHELTER_RESIDENT_FILTER_ALL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_true (shelter_residents_model_set_order (model, SHELTER_RESIDENT_ORDER_ADMITTED, FALSE,
                                                    &error));
  {
    g_autoptr (ShelterResidentSummary) row = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpstr (shelter_resident_summary_get_full_name (row), ==, "Lê Thị Lan");
    g_assert_null (shelter_resident_summary_get_room_code (row));
    g_assert_nonnull (shelter_resident_summary_get_discharged_at (row));
  }
}

/* The list's Type column: every row carries the person type, even when the identity is
 * masked, so that a protected resident is not shown with an unknown type. */
static void
test_rows_carry_person_type (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) manager = test_session_new (db, "manager");
  g_autoptr (ShelterSession) medical = test_session_new (db, "medical");
  g_autoptr (ShelterResidentsModel) model = shelter_residents_model_new (medical);
  g_autoptr (ShelterPerson) other = test_person_new ("Lò", "Thị", "Xuân", "female",
                                                     "1961-04-02");
  g_autoptr (ShelterResidentSummary) masked = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (manager, "A101", "female", "any", 8);
  gboolean seen_victim = FALSE;
  gboolean seen_other = FALSE;

  admit (manager, room, "Sùng", "Thị", "Mai", TRUE);
  shelter_person_set_person_type (other, "other_protected");
  stay = shelter_admit_person (manager, other, room, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (shelter_residents_model_reload (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ShelterResidentSummary) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *type = shelter_resident_summary_get_person_type (row);

      if (shelter_resident_summary_get_high_protection (row))
        {
          /* Masked for the medical staff, but still a victim of trafficking. */
          g_assert_cmpstr (shelter_resident_summary_get_full_name (row), !=, "Sùng Thị Mai");
          g_assert_cmpstr (type, ==, "victim");
          seen_victim = TRUE;
        }
      else
        {
          g_assert_cmpstr (shelter_resident_summary_get_full_name (row), ==, "Lò Thị Xuân");
          g_assert_cmpstr (type, ==, "other_protected");
          seen_other = TRUE;
        }
    }
  g_assert_true (seen_victim && seen_other);

  /* The same for one resident's row, as the resident's page reads it. */
  masked = shelter_residents_get_summary (medical, 1, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_resident_summary_get_high_protection (masked));
  g_assert_cmpstr (shelter_resident_summary_get_person_type (masked), ==, "victim");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/residents/lists-by-given-name", test_lists_by_given_name);
  g_test_add_func ("/app/residents/search-forgives-diacritics", test_search_forgives_diacritics);
  g_test_add_func ("/app/residents/high-protection-masked", test_high_protection_masked);
  g_test_add_func ("/app/residents/administrator-refused", test_administrator_may_not_list);
  g_test_add_func ("/app/residents/filter-in-residence", test_filter_in_residence);
  g_test_add_func ("/app/residents/rows-carry-person-type", test_rows_carry_person_type);

  return g_test_run ();
}
