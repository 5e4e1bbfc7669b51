/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "shelter-discharge-papers.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-meals.h"
#include "shelter-reception.h"
#include "shelter-settings.h"
#include "shelter-text.h"
#include "test-common.h"

/* The clock of test sessions: 2026-11-22 09:00 +07:00. */
#define MORNING "2026-11-22T08:00:00+07:00"
#define HEAD "Trần Thị Thu"
#define KEPT "Công an tỉnh giữ làm vật chứng"

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  gint64          room;
  gint64          stay_id;    /* a victim received on 01/09/2026 with two belongings */
  gint64          person_id;
  char           *case_code;
  gint64          mother;     /* judged safe and reached */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female", "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterSession) admin = NULL;
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { "test", "2026-01-01T08:00:00+07:00" };
  const char *belongings[] = { "Điện thoại Oppo màu đen", "Giấy thông hành số 123", NULL };
  const char *purposes[] = { "forced_marriage", NULL };
  ShelterRelativeInput mother = {
    .full_name = "Lò Thị Hoa", .relation = "mother", .province_code = "01",
    .may_contact = TRUE, .safety = "safe",
  };
  ShelterContactInput contact = {
    .contacted_on = "2026-11-10", .method = "phone", .made_by = "Cán bộ Lan",
    .result = "reached",
  };

  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  admin = test_session_new (fixture->db, "administrator");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
  test_add_account (fixture->db, "test.caseworker", "Trần Thị Lan", "caseworker");
  test_add_account (fixture->db, "test.manager", "Hoàng Văn Thắng", "manager");
  shelter_centre_set_name (centre, "Trung tâm Bảo trợ xã hội thử nghiệm");
  shelter_centre_set_province_scheme (centre, "2025");
  shelter_centre_set_province_code (centre, "01");
  shelter_centre_set_head_name (centre, HEAD);
  shelter_centre_set_address (centre, "Số 1 đường Thử, phường Thử");
  g_assert_true (shelter_centre_store_save (fixture->db, centre, &stamp, &error));
  g_assert_true (shelter_settings_set (admin, SHELTER_SETTING_MANAGING_AGENCY,
                                       "Sở Y tế thành phố Hà Nội", &error));
  g_assert_no_error (error);
  g_assert_cmpint (shelter_rates_add (fixture->manager, "travel_meal_per_day", NULL, 150000,
                                      "Quyết định số 99/2026/QĐ-UBND (thử nghiệm)",
                                      "2026-01-01", NULL, &error), >, 0);
  g_assert_no_error (error);

  shelter_person_set_person_type (person, "victim");
  shelter_intake_set_handed_over_by (intake, "border_guard");
  shelter_intake_set_officer_name (intake, "Thiếu tá Lò Văn Thành");
  shelter_intake_set_officer_unit (intake, "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai");
  shelter_intake_set_trafficking_purposes (intake, purposes);
  shelter_intake_set_trafficking_scope (intake, "abroad");
  shelter_intake_set_destination_country (intake, "CN");
  shelter_intake_set_return_mode (intake, "foreign_handover");
  shelter_intake_set_identification_status (intake, "identified");
  shelter_intake_set_consent_record (intake, TRUE);
  shelter_intake_set_belongings (intake, belongings);
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-09-01T10:00:00+07:00", &error);
  g_assert_no_error (error);
  fixture->stay_id = shelter_stay_get_id (stay);
  fixture->person_id = shelter_stay_get_person_id (stay);
  {
    g_autoptr (ShelterPerson) saved = shelter_person_open (fixture->caseworker,
                                                           fixture->person_id, &error);

    g_assert_no_error (error);
    fixture->case_code = g_strdup (shelter_person_get_case_code (saved));
  }
  mother.person_id = fixture->person_id;
  fixture->mother = shelter_family_save_relative (fixture->caseworker, &mother, &error);
  g_assert_no_error (error);
  contact.stay_id = fixture->stay_id;
  contact.relative_id = fixture->mother;
  g_assert_cmpint (shelter_family_record_contact (fixture->caseworker, &contact, &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->case_code);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

/* Home to her mother, the passport kept by the police. */
static void
discharge_home (Fixture *fixture)
{
  static const ShelterBelongingReturn returns[] = { { 1, TRUE, NULL }, { 2, FALSE, KEPT } };
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id,
    .reason = "goals_reached",
    .discharged_at = MORNING,
    .province_code = "01",
    .commune_code = "00004",
    .address_detail = "Thôn Nậm Cang",
    .received_by_relative_id = fixture->mother,
    .commune_informed_on = "2026-11-18",
    .commune_informed_whom = "Ông Sùng A Tủa",
    .police_informed_on = "2026-11-19",
    .police_informed_whom = "Công an tỉnh, Phòng PC02",
    .travel_fare_dong = 350000,
    .travel_days = 2,
    .belongings = returns,
    .n_belongings = G_N_ELEMENTS (returns),
    .reintegration_plan = "Về sống với mẹ; học nghề may; vay vốn Ngân hàng CSXH.",
  };
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
}

static void
discharge_death (Fixture *fixture)
{
  ShelterDischargeInput input = {
    .stay_id = fixture->stay_id, .reason = "death",
    .discharged_at = "2026-11-21T23:40:00+07:00",
    .death_informed = "Mẹ (bà Lò Thị Hoa), Công an xã.",
  };
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_discharge (fixture->caseworker, &input, &error));
  g_assert_no_error (error);
}

static char *
text_of (Fixture                   *fixture,
         ShelterDischargePaperKind  kind)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDischargePaper) paper =
    shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id, kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (paper);
  return shelter_discharge_paper_dup_text (paper);
}

#define HAS(text, needle) G_STMT_START {                                                       \
    if (strstr ((text), (needle)) == NULL)                                                     \
      g_error ("“%s” not found in:\n%s", (needle), (text));                                    \
  } G_STMT_END

static void
test_handover (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *number = g_strdup_printf ("No.: %" G_GINT64_FORMAT "/BBBG-KT", fixture->stay_id);
  g_autofree char *formal = shelter_text_format_formal_date ("2026-11-22");
  g_autofree char *kept = g_strdup_printf ("2 | Giấy thông hành số 123 | No | %s", KEPT);

  discharge_home (fixture);
  text = text_of (fixture, SHELTER_DISCHARGE_PAPER_HANDOVER);

  /* The heading: the agency, the centre, the number, the motto, place and formal date. */
  HAS (text, "SỞ Y TẾ THÀNH PHỐ HÀ NỘI\n");
  HAS (text, "TRUNG TÂM BẢO TRỢ XÃ HỘI THỬ NGHIỆM\n");
  HAS (text, number);
  HAS (text, "SOCIALIST REPUBLIC OF VIETNAM\n");
  HAS (text, formal);
  HAS (text, "HANDOVER RECORD\n");
  /* The parties: the centre, its head and who discharged; the mother; the commune. */
  HAS (text, "The handing-over side: Trung tâm Bảo trợ xã hội thử nghiệm");
  HAS (text, "- Represented by: " HEAD);
  HAS (text, "- Staff member who discharged the person: Trần Thị Lan\n");
  HAS (text, "The receiving side: Lò Thị Hoa (Mother)");
  HAS (text, "Thôn Nậm Cang, ");
  HAS (text, "Confirmed by: The People’s Committee of ");
  HAS (text, "18/11/2026 (Ông Sùng A Tủa)");
  /* The person. */
  HAS (text, fixture->case_code);
  HAS (text, "- Full name: Lò Thị Mai");
  HAS (text, "- Date of birth: 04/03/1998");
  HAS (text, "from 01/09/2026 to 22/11/2026 (82 days)");
  HAS (text, "Goals reached, returned to family");
  /* What was handed over: the belongings against the intake list, and why one was not;
   * the travel money. */
  HAS (text, "No. | Belongings and papers | Given back | Note\n");
  HAS (text, "1 | Điện thoại Oppo màu đen | Yes | \n");
  HAS (text, kept);
  HAS (text, "650.000");
  HAS (text, "Về sống với mẹ; học nghề may");
  /* Three signatures: the receiving side, the commune, the centre. */
  HAS (text, "THE RECEIVING SIDE\n(Signature, full name and seal)\nLò Thị Hoa (Mother)\n");
  HAS (text, "COMMUNE PEOPLE’S COMMITTEE\n(Signature, full name and seal)\nÔng Sùng A Tủa\n");
  HAS (text, "THE HANDING-OVER SIDE\n(Signature, full name and seal)\n" HEAD "\n");
}

static void
test_closure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *number = g_strdup_printf ("No.: %" G_GINT64_FORMAT "/PKT", fixture->stay_id);

  discharge_home (fixture);
  text = text_of (fixture, SHELTER_DISCHARGE_PAPER_CLOSURE);

  HAS (text, number);
  HAS (text, "CASE-CLOSURE FORM\n");
  HAS (text, fixture->case_code);
  HAS (text, "- Admitted on: 01/09/2026\n");
  HAS (text, "- Discharged on: 22/11/2026\n");
  HAS (text, "- Days at the centre: 82 days\n");
  HAS (text, "- Destination: Thôn Nậm Cang, ");
  HAS (text, "- Received by: Lò Thị Hoa (Mother)\n");
  HAS (text, "- Police informed on: 19/11/2026 (Công an tỉnh, Phòng PC02)\n");
  /* The services by kind: the travel home the discharge recorded. */
  HAS (text, "No. | Service | Times | Cost\n");
  HAS (text, "1 | Travel costs | 1 | 650.000");
  /* The checklist as it stood. */
  HAS (text, "THE CHECKLIST AT DISCHARGE\n");
  HAS (text, ": Done\n");
  /* The follow-up schedule at 1, 3 and 6 months. */
  HAS (text, "FOLLOW-UP AFTER DISCHARGE\n");
  HAS (text, "1 | 22/12/2026 | ");
  HAS (text, "2 | 22/02/2027 | ");
  HAS (text, "3 | 22/05/2027 | ");
  g_assert_null (strstr (text, "Cause of death"));
  HAS (text, "CASEWORKER\n(Signature, full name and seal)\nTrần Thị Lan\n");
  HAS (text, "HEAD OF CENTRE\n(Signature, full name and seal)\n" HEAD "\n");
}

static void
test_death (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDischargePaper) handover = NULL;
  g_autofree char *text = NULL;

  discharge_death (fixture);
  /* Nothing is handed over after a death. */
  handover = shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id,
                                           SHELTER_DISCHARGE_PAPER_HANDOVER, &error);
  g_assert_null (handover);
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "death"));
  g_assert_nonnull (strstr (error->message, "case-closure form"));

  /* The closure form: the day, the cause (unknown), who was informed, no follow-up. */
  text = text_of (fixture, SHELTER_DISCHARGE_PAPER_CLOSURE);
  HAS (text, "- Date of death: 21/11/2026\n");
  HAS (text, "- Cause of death: unknown\n");
  HAS (text, "- Who was informed: Mẹ (bà Lò Thị Hoa), Công an xã.\n");
  HAS (text, "there is no follow-up");
  g_assert_null (strstr (text, "FOLLOW-UP AFTER DISCHARGE"));
  g_assert_null (strstr (text, "Destination"));
}

static void
test_refused_before_discharge (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterSession) admin = test_session_new (fixture->db, "administrator");

  for (guint kind = SHELTER_DISCHARGE_PAPER_HANDOVER; kind <= SHELTER_DISCHARGE_PAPER_CLOSURE; kind++)
    {
      g_assert_null (shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id, kind,
                                                   &error));
      g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "not been ended by a discharge"));
      g_clear_error (&error);
    }
  /* Someone who does not see residents sees no papers. */
  discharge_home (fixture);
  g_assert_null (shelter_discharge_paper_load (admin, fixture->stay_id,
                                               SHELTER_DISCHARGE_PAPER_CLOSURE, &error));
  g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED);
}

/* Whether @needle is in the @length bytes of @data, NULs included. */
static gboolean
has_bytes (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The text pdftotext finds in @path, or NULL when the tool is missing. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { tool, "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (tool == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ShelterDischargePaper) handover = NULL;
  g_autoptr (ShelterDischargePaper) closure = NULL;
  g_autofree char *path = test_path ("handover.pdf");
  g_autofree char *closure_path = test_path ("closure.pdf");
  g_autofree char *pdf = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *found = NULL;
  GStatBuf st;
  gsize length;

  discharge_home (fixture);
  handover = shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id,
                                           SHELTER_DISCHARGE_PAPER_HANDOVER, &error);
  g_assert_no_error (error);

  /* The suggested file name: the case code, never the name. */
  file_name = shelter_discharge_paper_dup_file_name (handover);
  expected = g_strdup_printf ("bien-ban-ban-giao-%s.pdf", fixture->case_code);
  g_strcanon (expected, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.", '-');
  g_assert_cmpstr (file_name, ==, expected);

  g_assert_true (shelter_discharge_paper_write_pdf (fixture->caseworker, handover, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (length > 1000 && memcmp (pdf, "%PDF", 4) == 0);
  /* The metadata: the paper and its number, no name. */
  title = g_strdup_printf ("/Title (Handover record %" G_GINT64_FORMAT "/BBBG-KT)",
                           fixture->stay_id);
  g_assert_true (has_bytes (pdf, length, title));
  g_assert_false (has_bytes (pdf, length, "Mai"));
  /* Audited as an export of the stay. */
  audit = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                           "entity = 'stay' AND entity_id = %" G_GINT64_FORMAT, fixture->stay_id);
  g_assert_cmpint (test_count (fixture->db, audit), ==, 1);

  closure = shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id,
                                          SHELTER_DISCHARGE_PAPER_CLOSURE, &error);
  g_assert_no_error (error);
  g_assert_true (shelter_discharge_paper_write_pdf (fixture->caseworker, closure, closure_path,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (fixture->db, audit), ==, 2);

  /* A file that cannot be written: nothing is audited. */
  {
    g_autofree char *nowhere = g_build_filename (test_tmpdir (), "no-such-folder", "x.pdf", NULL);

    g_assert_false (shelter_discharge_paper_write_pdf (fixture->caseworker, closure, nowhere,
                                                       &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (test_count (fixture->db, audit), ==, 2);
  }

  /* The Vietnamese paper renders its words (when pdftotext and the locale are there). */
  found = pdf_text (path);
  if (found == NULL)
    {
      g_test_message ("pdftotext is missing: the rendered text is not checked");
      return;
    }
  g_assert_nonnull (strstr (found, "HANDOVER RECORD"));
  g_clear_pointer (&found, g_free);
  {
    g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
    g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
    g_autofree char *vi_path = test_path ("bien-ban.pdf");
    g_autoptr (ShelterDischargePaper) vietnamese = NULL;
    const char *localedir = g_getenv ("SHELTER_LOCALEDIR");

    if (localedir == NULL || setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
      {
        g_test_message ("No Vietnamese locale: the Vietnamese paper is not checked");
        return;
      }
    g_setenv ("LANGUAGE", "vi", TRUE);
    bindtextdomain (GETTEXT_PACKAGE, localedir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    vietnamese = shelter_discharge_paper_load (fixture->caseworker, fixture->stay_id,
                                               SHELTER_DISCHARGE_PAPER_HANDOVER, &error);
    g_assert_no_error (error);
    g_assert_true (shelter_discharge_paper_write_pdf (fixture->caseworker, vietnamese, vi_path,
                                                      &error));
    g_assert_no_error (error);
    if (saved_language != NULL)
      g_setenv ("LANGUAGE", saved_language, TRUE);
    else
      g_unsetenv ("LANGUAGE");
    setlocale (LC_ALL, saved);
    found = pdf_text (vi_path);
    HAS (found, "BIÊN BẢN BÀN GIAO");
    HAS (found, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    HAS (found, "Lò Thị Mai");
  }
}

static void
test_ctl (Fixture       *fixture,
          gconstpointer  data)
{
  const char *ctl = g_getenv ("SHELTERCTL");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  int status;

  if (ctl == NULL || !g_file_test (ctl, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shelterctl is not built");
      return;
    }
  discharge_home (fixture);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  {
    const char *argv[] = { ctl, "discharge-papers", shelter_db_get_path (fixture->db),
                           fixture->case_code, "--paper", "closure", "--text", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    HAS (out, "CASE-CLOSURE FORM\n");
    HAS (out, fixture->case_code);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { ctl, "discharge-papers", shelter_db_get_path (fixture->db),
                           fixture->case_code, "--paper", "letter", "--text", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    HAS (err, "--paper handover or --paper closure");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/discharge-papers/handover", test_handover);
  ADD ("/discharge-papers/closure", test_closure);
  ADD ("/discharge-papers/death", test_death);
  ADD ("/discharge-papers/refused-before-discharge", test_refused_before_discharge);
  ADD ("/discharge-papers/pdf", test_pdf);
  ADD ("/discharge-papers/ctl", test_ctl);
#undef ADD

  return g_test_run ();
}
