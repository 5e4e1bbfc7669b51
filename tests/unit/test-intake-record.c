/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "shelter-accounts.h"
#include "shelter-intake-record.h"
#include "shelter-reception.h"
#include "shelter-text.h"
#include "test-common.h"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;
  gint64          women;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->session = test_session_new (fixture->db, "caseworker");
  fixture->women = test_add_room (fixture->session, "A101", "female", "adult", 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->db);
}

/* A woman handed over by the border guard, who could not sign the record. */
static ShelterIntake *
border_guard_intake (const char * const *belongings)
{
  ShelterIntake *intake = shelter_intake_new ();
  const char *purposes[] = { "forced_marriage", NULL };

  shelter_intake_set_handed_over_by (intake, "border_guard");
  shelter_intake_set_officer_name (intake, "Thiếu tá Lò Văn Thành");
  shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  shelter_intake_set_trafficking_purposes (intake, purposes);
  shelter_intake_set_trafficking_scope (intake, "abroad");
  shelter_intake_set_destination_country (intake, "CN");
  shelter_intake_set_return_mode (intake, "foreign_handover");
  shelter_intake_set_identification_status (intake, "identified");
  shelter_intake_set_consent_status (intake, "given");
  shelter_intake_set_consent_given_by (intake, "person");
  shelter_intake_set_consent_record (intake, TRUE);
  shelter_intake_set_belongings (intake, belongings);
  shelter_intake_set_health_at_arrival (intake, "Mệt, sốt nhẹ.\nVết bầm ở tay trái.");
  shelter_intake_set_urgent_needs (intake, "Quần áo ấm");
  shelter_intake_set_person_signs (intake, FALSE);
  shelter_intake_set_not_signed_reason (intake, "Không biết chữ, đã điểm chỉ");
  return intake;
}

/* Receives Giàng Thị Mỷ on 05/03/2026 at 09:30 and returns her stay's id. */
static gint64
receive (Fixture             *fixture,
         ShelterSession      *session,
         const char * const  *belongings,
         gboolean             high_protection)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Giàng", "Thị", "Mỷ", "female",
                                                      "2000-03-05");
  g_autoptr (ShelterIntake) intake = border_guard_intake (belongings);
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  shelter_person_set_high_protection (person, high_protection);
  stay = shelter_receive_person (session, person, intake, fixture->women,
                                 "2026-03-05T09:30:00+07:00", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stay);
  return shelter_stay_get_id (stay);
}

/* Whether @data (which may hold NUL bytes) contains @part. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *part)
{
  gsize part_length = strlen (part);

  for (gsize i = 0; i + part_length <= length; i++)
    if (memcmp (data + i, part, part_length) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

/* The centre's profile, as the set-up assistant writes it, and the agency it answers to. */
static void
set_up_centre (Fixture *fixture)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterUser) admin = shelter_user_new ();
  g_autoptr (ShelterUser) receiver = shelter_user_new ();
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "quantri", "2026-03-01T08:00:00+07:00" };

  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội tỉnh Lào Cai");
  shelter_centre_set_province_scheme (centre, "vn-2025-07");
  shelter_centre_set_province_code (centre, "15");
  shelter_centre_set_address (centre, "Tổ 12, phường Cam Đường, tỉnh Lào Cai");
  shelter_user_set_username (admin, "quantri");
  shelter_user_set_full_name (admin, "Đỗ Minh Quân");
  session = shelter_accounts_set_up_centre (fixture->db, centre, admin, "mật khẩu quản trị",
                                            &error);
  g_assert_no_error (error);
  /* Written straight to the store: the settings page does not offer it yet. */
  g_assert_true (shelter_setting_store_set (fixture->db, SHELTER_SETTING_MANAGING_AGENCY,
                                            "Sở Y tế tỉnh Lào Cai", &stamp, &error));
  g_assert_no_error (error);

  /* The account the test session acts as: the record names who received the person. */
  shelter_user_set_username (receiver, "test.caseworker");
  shelter_user_set_full_name (receiver, "Nguyễn Thị Thử");
  shelter_user_set_role (receiver, "caseworker");
  g_assert_true (shelter_user_store_insert (fixture->db, receiver, NULL, &stamp, &error));
  g_assert_no_error (error);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  const char *belongings[] = { "Điện thoại Oppo màu đen", "Giấy thông hành số 123",
                               "Tiền mặt 200.000 đồng", NULL };
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *formal = shelter_text_format_formal_date ("2026-03-05");
  gint64 stay_id;

  set_up_centre (fixture);
  stay_id = receive (fixture, fixture->session, belongings, FALSE);
  record = shelter_intake_record_load (fixture->session, stay_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpstr (shelter_intake_record_get_record_number (record), ==, "BBTN-2026-0001");
  g_assert_cmpint (shelter_intake_record_get_stay_id (record), ==, stay_id);

  text = shelter_intake_record_dup_text (record);
  /* The agency block: the managing agency, then the centre in capitals, then the number. */
  assert_contains (text, "SỞ Y TẾ TỈNH LÀO CAI\nTRUNG TÂM BẢO TRỢ XÃ HỘI TỈNH LÀO CAI\n"
                         "No.: BBTN-2026-0001\n");
  assert_contains (text, "Lào Cai, day 05 month 3 year 2026\n");
  assert_contains (text, "- Address: Tổ 12, phường Cam Đường, tỉnh Lào Cai");
  assert_contains (text, "SOCIALIST REPUBLIC OF VIETNAM");
  assert_contains (text, "INTAKE RECORD");
  /* The date of the reception, as official papers write it, and its time. */
  assert_contains (text, formal);
  assert_contains (text, "day 05 month 3 year 2026");
  assert_contains (text, "09:30");
  assert_contains (text, "Giàng Thị Mỷ");
  assert_contains (text, "Date of birth: 05/03/2000");
  assert_contains (text, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai (Border guard)");
  assert_contains (text, "Thiếu tá Lò Văn Thành");
  assert_contains (text, "Purposes of trafficking: Forced or illegal marriage");
  for (guint i = 0; belongings[i] != NULL; i++)
    {
      g_autofree char *row = g_strdup_printf ("%u\t%s\n", i + 1, belongings[i]);
      assert_contains (text, row);
    }
  /* A note keeps its lines. */
  assert_contains (text, "Health at arrival: Mệt, sốt nhẹ.\nVết bầm ở tay trái.");
  assert_contains (text, "Urgent needs: Quần áo ấm");
  /* Three columns to sign; the person could not. */
  assert_contains (text, "FOR THE HANDING SIDE");
  assert_contains (text, "FOR THE RECEIVING SIDE");
  assert_contains (text, "Could not sign: Không biết chữ, đã điểm chỉ");
  /* The staff member of the session receives. */
  assert_contains (text, "Nguyễn Thị Thử");
  g_assert_null (strstr (text, "(signature and full name)\nGiàng Thị Mỷ"));
}

static void
test_came_alone_without_belongings (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Trần", "Thị", "Lan", "female",
                                                      "1990-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  shelter_person_set_person_type (person, "other_protected");
  shelter_person_set_birth_date (person, "1990");
  shelter_person_set_birth_precision (person, "estimated");
  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_consent_status (intake, "given");
  shelter_intake_set_consent_record (intake, TRUE);
  stay = shelter_receive_person (fixture->session, person, intake, fixture->women,
                                 "2026-01-07T14:05:00+07:00", &error);
  g_assert_no_error (error);
  record = shelter_intake_record_load (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_no_error (error);
  text = shelter_intake_record_dup_text (record);

  assert_contains (text, "day 07 month 01 year 2026");
  assert_contains (text, "14:05");
  assert_contains (text, "came to the centre on their own");
  assert_contains (text, "No belongings or papers were recorded.");
  /* No handing side to sign, and nothing about trafficking for this person. */
  g_assert_null (strstr (text, "FOR THE HANDING SIDE"));
  g_assert_null (strstr (text, "Purposes of trafficking"));
  g_assert_null (strstr (text, "Could not sign"));
  assert_contains (text, "THE PERSON RECEIVED");
  assert_contains (text, "Year of birth: 1990 (estimated, about 36 years old)");
  /* Without a centre profile the place is left to be written by hand. */
  assert_contains (text, "……, day 07 month 01 year 2026");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  const char *belongings[] = { "Điện thoại Oppo màu đen", "Giấy thông hành số 123", NULL };
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_path ("BBTN-2026-0001.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  gint64 stay_id;

  stay_id = receive (fixture, fixture->session, belongings, FALSE);
  record = shelter_intake_record_load (fixture->session, stay_id, &error);
  g_assert_no_error (error);

  g_assert_true (shelter_intake_record_write_pdf (fixture->session, record, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (length, >, 5000);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'export' "
                               "AND entity = 'stay' AND details LIKE '%BBTN-2026-0001%'"),
                   ==, 1);

  /* Written again over the first: still the owner's only, and on record again. */
  g_assert_true (g_chmod (path, 0644) == 0);
  g_assert_true (shelter_intake_record_write_pdf (fixture->session, record, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 2);

  /* A folder that does not exist: a clear error, nothing on record. */
  {
    g_autofree char *missing = g_build_filename (test_tmpdir (), "no-such-folder", "r.pdf",
                                                 NULL);

    g_assert_false (shelter_intake_record_write_pdf (fixture->session, record, missing,
                                                     &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_true (strstr (error->message, "intake record") != NULL);
    g_clear_error (&error);
    g_assert_cmpint (test_count (fixture->db,
                                 "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 2);
  }

  g_assert_true (shelter_intake_record_note_printed (fixture->session, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'print' "
                               "AND entity = 'stay'"), ==, 1);
}

static void
test_without_intake (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Vũ", "Thị", "Thu", "female",
                                                      "1994-02-02");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;

  stay = shelter_admit_person (fixture->session, person, fixture->women,
                               "2026-06-01T10:00:00+07:00", &error);
  g_assert_no_error (error);
  record = shelter_intake_record_load (fixture->session, shelter_stay_get_id (stay), &error);
  g_assert_null (record);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_true (strstr (error->message, "without an intake") != NULL);
  g_clear_error (&error);

  /* A stay that does not exist. */
  record = shelter_intake_record_load (fixture->session, 999, &error);
  g_assert_null (record);
  g_assert_error (error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND);
}

static void
test_protected (Fixture       *fixture,
                gconstpointer  data)
{
  const char *belongings[] = { "Ba lô", NULL };
  g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");
  g_autoptr (ShelterSession) head = test_session_new (fixture->db, "manager");
  g_autoptr (ShelterIntakeRecord) refused = NULL;
  g_autoptr (ShelterIntakeRecord) admin_refused = NULL;
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  gint64 stay_id, restricted_before;

  stay_id = receive (fixture, head, belongings, TRUE);
  restricted_before = test_count (fixture->db, "SELECT count(*) FROM audit_log "
                                               "WHERE action = 'view_restricted'");

  refused = shelter_intake_record_load (fixture->session, stay_id, &error);
  g_assert_null (refused);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  /* The administrator keeps the accounts, not the case files. */
  admin_refused = shelter_intake_record_load (admin, stay_id, &error);
  g_assert_null (admin_refused);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  record = shelter_intake_record_load (head, stay_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  /* The manager's read of a protected resident is on record. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'view_restricted'"),
                   >, restricted_before);
  /* Writing it out needs the right to see residents too. */
  {
    g_autofree char *path = test_path ("refused.pdf");

    g_assert_false (shelter_intake_record_write_pdf (admin, record, path, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) belongings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ShelterIntakeRecord) record = NULL;
  g_autoptr (ShelterIntakeRecord) short_record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = test_path ("long.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint a4_pages, a5_pages, short_pages;
  gint64 stay_id;

  for (guint i = 1; i <= 60; i++)
    g_ptr_array_add (belongings, g_strdup_printf ("Vật dụng số %u: áo khoác, giày, túi xách", i));
  g_ptr_array_add (belongings, NULL);
  stay_id = receive (fixture, fixture->session, (const char * const *) belongings->pdata, FALSE);
  record = shelter_intake_record_load (fixture->session, stay_id, &error);
  g_assert_no_error (error);

  surface = cairo_pdf_surface_create (NULL, SHELTER_INTAKE_RECORD_A4_WIDTH,
                                      SHELTER_INTAKE_RECORD_A4_HEIGHT);
  cr = cairo_create (surface);
  a4_pages = shelter_intake_record_paginate (record, cr, SHELTER_INTAKE_RECORD_A4_WIDTH,
                                             SHELTER_INTAKE_RECORD_A4_HEIGHT);
  g_assert_cmpuint (a4_pages, >, 1);
  /* Smaller paper takes more pages; every page can be drawn. */
  a5_pages = shelter_intake_record_paginate (record, cr, 419.53, 595.28);
  g_assert_cmpuint (a5_pages, >, a4_pages);
  for (guint page = 0; page < a5_pages; page++)
    {
      shelter_intake_record_draw_page (record, cr, page);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (shelter_intake_record_write_pdf (fixture->session, record, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  {
    /* The PDF's page tree says how many pages it has. */
    g_autofree char *count = g_strdup_printf ("/Count %u", a4_pages);
    g_assert_true (contains_bytes (contents, length, count));
  }

  /* Two belongings take fewer pages. */
  {
    const char *few[] = { "Ba lô", "Áo khoác", NULL };
    g_autoptr (ShelterSession) other = test_session_new (fixture->db, "caseworker");
    g_autoptr (ShelterPerson) person = test_person_new ("Lý", "Thị", "Sao", "female", "1999");
    g_autoptr (ShelterIntake) intake = border_guard_intake (few);
    g_autoptr (ShelterStay) stay = NULL;

    stay = shelter_receive_person (other, person, intake, fixture->women,
                                   "2026-03-06T08:00:00+07:00", &error);
    g_assert_no_error (error);
    short_record = shelter_intake_record_load (other, shelter_stay_get_id (stay), &error);
    g_assert_no_error (error);
    surface = cairo_pdf_surface_create (NULL, SHELTER_INTAKE_RECORD_A4_WIDTH,
                                        SHELTER_INTAKE_RECORD_A4_HEIGHT);
    cr = cairo_create (surface);
    short_pages = shelter_intake_record_paginate (short_record, cr,
                                                  SHELTER_INTAKE_RECORD_A4_WIDTH,
                                                  SHELTER_INTAKE_RECORD_A4_HEIGHT);
    /* How many exactly depends on the fonts of the computer. */
    g_assert_cmpuint (short_pages, >=, 1);
    g_assert_cmpuint (short_pages, <, a4_pages);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app/intake-record/text", test_text);
  ADD ("/app/intake-record/came-alone-without-belongings", test_came_alone_without_belongings);
  ADD ("/app/intake-record/pdf", test_pdf);
  ADD ("/app/intake-record/without-intake", test_without_intake);
  ADD ("/app/intake-record/protected", test_protected);
  ADD ("/app/intake-record/pagination", test_pagination);
#undef ADD

  return g_test_run ();
}
