/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shelter-backup.h"
#include "shelter-ctl.h"
#include "shelter-discharge.h"
#include "shelter-discharge-papers.h"
#include "shelter-import.h"
#include "shelter-intake-record.h"
#include "shelter-referral-letter.h"
#include "shelter-referrals.h"
#include "shelter-reception.h"
#include "shelter-report-export.h"
#include "test-common.h"

/* Hostile input drill: whatever is pasted into a field comes back exactly as typed (in
 * NFC), or is refused with a message naming the field; nothing typed reaches SQL as SQL. */

#define NOTE_LIMIT 2000

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  gint64          room;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->db);
}

/* Receives @person with @note as the intake's health note; the stay, or NULL with @error. */
static ShelterStay *
receive (Fixture        *fixture,
         ShelterPerson  *person,
         const char     *note,
         GError        **error)
{
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();

  shelter_intake_set_handed_over_by (intake, "self");
  shelter_intake_set_health_at_arrival (intake, note);
  return shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-11-22T08:00:00+07:00", error);
}

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *family = nfd ("Đặng");
  g_autofree char *given = nfd ("Hường");
  g_autoptr (ShelterPerson) decomposed = test_person_new (family, "Thị", given, "female",
                                                         "1999-05-01");
  g_autoptr (ShelterPerson) minority = test_person_new ("H'Hen", NULL, "Niê", "female",
                                                       "2001-02-03");
  g_autoptr (ShelterPerson) arabic = test_person_new ("الحسن", NULL, "فاطمة", "female",
                                                     "1995-06-07");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GError) error = NULL;

  /* Typed in NFD (as some keyboards and macOS send it): stored in NFC, and found either way. */
  stay = receive (fixture, decomposed, NULL, &error);
  g_assert_no_error (error);
  stored = shelter_person_open (fixture->caseworker, shelter_stay_get_person_id (stay), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_family_name (stored), ==, "Đặng");
  g_assert_cmpstr (shelter_person_get_given_name (stored), ==, "Hường");
  g_assert_true (g_utf8_validate (shelter_person_get_given_name (stored), -1, NULL));
  for (guint i = 0; i < 3; i++)
    {
      const char *queries[] = { "Hường", NULL, "dang thi huong" };
      g_autofree char *typed = i == 1 ? nfd ("Đặng Hường") : g_strdup (queries[i]);
      g_autoptr (GArray) hits = shelter_residents_search (fixture->caseworker, typed, 50, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
    }
  g_clear_object (&stay);

  /* An apostrophe in an ethnic-minority name, and a foreign victim's name in Arabic script. */
  stay = receive (fixture, minority, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&stay);
  stay = receive (fixture, arabic, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = shelter_person_open (fixture->caseworker, shelter_stay_get_person_id (stay), &error);
  g_assert_cmpstr (shelter_person_get_given_name (stored), ==, "فاطمة");
  g_clear_object (&stay);

  /* Refused, naming the field: an emoji, SQL, a control character, too long. */
  {
    static const char *refused[] = { "Lan 🙂", "Lan'); DROP TABLE person;--", "Lan\x07",
                                     "Lan\x1b[31m" };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", refused[i], "female",
                                                           "1990-01-01");

        g_assert_null (receive (fixture, person, NULL, &error));
        g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_GIVEN_NAME);
        g_assert_true (g_str_has_prefix (error->message, "Given name"));
        g_clear_error (&error);
      }
  }
  {
    g_autoptr (GString) long_name = g_string_new (NULL);
    g_autoptr (ShelterPerson) person = NULL;

    for (guint i = 0; i < 201; i++)
      g_string_append (long_name, "ữ");
    person = test_person_new (long_name->str, NULL, "Lan", "female", "1990-01-01");
    g_assert_null (receive (fixture, person, NULL, &error));
    g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_FAMILY_NAME);
    g_assert_nonnull (strstr (error->message, "200"));
    g_clear_error (&error);
  }
  /* None of the refusals wrote anything. */
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 3);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *kept[] = {
    "Đau đầu, sốt nhẹ 🤒; cần khám lại 👩‍⚕️",
    "مرحبا — nói tiếng Ả Rập, cần phiên dịch",
    "Cô ấy nói: \"Tôi muốn về nhà\" và 'không muốn gặp chồng'",
    "Robert'); DROP TABLE person;-- ; SELECT * FROM audit_log WHERE 1=1 OR ''='",
    "Dòng một\nDòng hai\n\tthụt lề",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *given = g_strdup_printf ("Lan %c", 'A' + i);
      g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", given, "female",
                                                         "1990-01-01");
      g_autoptr (ShelterStay) stay = receive (fixture, person, kept[i], &error);
      g_autoptr (ShelterIntake) intake = NULL;
      g_autofree char *expected = NULL;

      g_assert_no_error (error);
      intake = shelter_intake_open (fixture->caseworker, shelter_stay_get_id (stay), &error);
      g_assert_no_error (error);
      /* A note's lines are trimmed one by one; what is in them is kept as typed. */
      expected = i == 4 ? g_strdup ("Dòng một\nDòng hai\nthụt lề")
                        : g_utf8_normalize (kept[i], -1, G_NORMALIZE_NFC);
      g_assert_cmpstr (shelter_intake_get_health_at_arrival (intake), ==, expected);
    }
  /* NFD in a note comes back NFC. */
  {
    g_autofree char *typed = nfd ("Sức khỏe ổn định");
    g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                       "1990-01-01");
    g_autoptr (ShelterStay) stay = receive (fixture, person, typed, &error);
    g_autoptr (ShelterIntake) intake = NULL;

    g_assert_no_error (error);
    intake = shelter_intake_open (fixture->caseworker, shelter_stay_get_id (stay), &error);
    g_assert_cmpstr (shelter_intake_get_health_at_arrival (intake), ==, "Sức khỏe ổn định");
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 6);

  /* Control characters and text past the limit are refused, naming the field. */
  {
    g_autoptr (GString) long_note = g_string_new (NULL);
    const char *bad[2];

    for (guint i = 0; i <= NOTE_LIMIT; i++)
      g_string_append (long_note, "ạ");
    bad[0] = "Sốt\x01 cao";
    bad[1] = long_note->str;
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Nga", "female",
                                                           "1990-01-01");

        g_assert_null (receive (fixture, person, bad[i], &error));
        g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_HEALTH_AT_ARRIVAL);
        g_assert_true (g_str_has_prefix (error->message, "Health at arrival"));
        g_clear_error (&error);
      }
  }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 6);
}

/* What shelterctl prints goes out as TAP comments, not as lines TAP does not know. */
static void
print_as_comment (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      fprintf (stdout, "# %s\n", lines[i]);
}

/* shelterctl in-process, its output as TAP comments; the exit status. */
static int
run_ctl (char **argv)
{
  GPrintFunc previous = g_set_print_handler (print_as_comment);
  int status = shelter_ctl_run (g_strv_length (argv), argv);

  g_set_print_handler (previous);
  return status;
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_prefix (contents, "%PDF");
}

/* Folders and files named as staff name them: spaces, Vietnamese letters, brackets. */
static void
test_file_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ShelterSession) manager = test_session_new (fixture->db, "manager");
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = test_path ("Sao lưu tháng 11 (bản chính)");
  g_autofree char *backup = g_build_filename (folder, "Mái Ấm – sao lưu ngày 22.11.2026.bak",
                                              NULL);
  g_autofree char *report = g_build_filename (folder, "Báo cáo quý 3 năm 2026.csv", NULL);
  ShelterBackupInfo info = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (shelter_backup_create (manager, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_verify (backup, NULL, &info, &error));
  g_assert_no_error (error);

  {
    char *argv[] = { "shelterctl", "report", (char *) shelter_db_get_path (fixture->db),
                     "--period", "2026-Q3", "--format", "csv", "--output", report, NULL };

    g_assert_cmpint (run_ctl (argv), ==, 0);
    g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  }

  /* An encrypted backup through shelterctl, its passphrase (Vietnamese and an emoji) read
   * from a file in the same folder, verified with the passphrase as typed. */
  {
    g_autofree char *passphrase_file = g_build_filename (folder, "mật khẩu (đừng gửi).txt", NULL);
    g_autofree char *encrypted = g_build_filename (folder, "Bản sao ‘mã hoá’ 22.11.bak", NULL);
    char *argv[] = { "shelterctl", "backup", (char *) shelter_db_get_path (fixture->db),
                     encrypted, "--passphrase-file", passphrase_file, NULL };

    g_assert_true (g_file_set_contents (passphrase_file, "Hoa mai nở 👩‍⚕️ sớm\n", -1, &error));
    g_assert_cmpint (run_ctl (argv), ==, 0);
    g_assert_true (shelter_backup_verify (encrypted, "Hoa mai nở 👩‍⚕️ sớm", &info, &error));
    g_assert_no_error (error);
    g_assert_false (shelter_backup_verify (encrypted, "Hoa mai no sớm", &info, &error));
    g_assert_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_BACKUP_PASSPHRASE);
    g_clear_error (&error);
  }

  /* The case list, written by the app into a folder with a quote in its name. */
  {
    g_autofree char *quoted = g_build_filename (folder, "Thư mục có dấu ‘2026’", NULL);
    g_autofree char *list = g_build_filename (quoted, "Danh sách ca quý 4 ‘2026’.csv", NULL);
    g_autofree char *contents = NULL;
    ShelterPeriod period = { 0 };

    g_assert_cmpint (g_mkdir_with_parents (quoted, 0700), ==, 0);
    g_assert_true (shelter_period_parse ("2026-Q4", "2026-11-22", &period, NULL));
    g_assert_true (shelter_case_list_export (manager, &period, "Gửi Sở Lao động – TB&XH",
                                             SHELTER_REPORT_FORMAT_CSV, list, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (list, &contents, NULL, &error));
    g_assert_nonnull (strstr (contents, "Case code"));
  }
}

/* Restoring, importing and writing papers to and from "/…/Thư mục có dấu/…" files, through
 * the app and through shelterctl. */
static void
test_file_names_papers (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (ShelterSession) manager = test_session_new (fixture->db, "manager");
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = test_path ("Thư mục có dấu");
  g_autofree char *backup = g_build_filename (folder, "Báo cáo quý 3 ‘2026’.bak", NULL);
  g_autofree char *passphrase_file = g_build_filename (folder, "mật khẩu ‘2026’.txt", NULL);
  g_autofree char *restored = g_build_filename (folder, "Cơ sở dữ liệu (khôi phục).db", NULL);
  g_autofree char *restored_ctl = g_build_filename (folder, "Khôi phục bằng lệnh.db", NULL);
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                     "1990-01-01");
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) saved = NULL;
  ShelterBackupInfo info = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  stay = receive (fixture, person, NULL, &error);
  g_assert_no_error (error);
  saved = shelter_person_open (fixture->caseworker, shelter_stay_get_person_id (stay), &error);
  g_assert_no_error (error);

  /* A backup, restored by the app and by shelterctl restore. */
  g_assert_true (g_file_set_contents (passphrase_file, "Hoa mai nở sớm ở Lào Cai\n", -1, NULL));
  g_assert_true (shelter_backup_create (manager, backup, "Hoa mai nở sớm ở Lào Cai", &error));
  g_assert_no_error (error);
  g_assert_true (shelter_backup_restore_file (backup, "Hoa mai nở sớm ở Lào Cai", restored,
                                              "os:test", &info, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (info.encrypted);
  g_assert_true (g_file_test (restored, G_FILE_TEST_IS_REGULAR));
  {
    char *argv[] = { "shelterctl", "restore", backup, restored_ctl, "--passphrase-file",
                     passphrase_file, NULL };

    g_assert_cmpint (run_ctl (argv), ==, 0);
  }
  {
    g_autoptr (ShelterDb) db = shelter_db_open (restored_ctl, SHELTER_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (test_count (db, "SELECT count(*) FROM person"), ==, 1);
  }

  /* A spreadsheet and its mapping file (typed in NFD) in the same folder, imported by
   * shelterctl; a mapping line with an escape sequence is refused, naming the mapping. */
  {
    g_autofree char *csv = g_build_filename (folder, "Danh sách ‘tiếp nhận’ tháng 11.csv", NULL);
    g_autofree char *mapping = g_build_filename (folder, "Ánh xạ cột (bản 2).txt", NULL);
    g_autofree char *hostile = g_build_filename (folder, "Ánh xạ ‘lạ’.txt", NULL);
    g_autofree char *typed = nfd ("Tên người=full_name\n");
    char *argv[] = { "shelterctl", "import", (char *) shelter_db_get_path (fixture->db), csv,
                     "--mapping", mapping, NULL };
    char *refused[] = { "shelterctl", "import", (char *) shelter_db_get_path (fixture->db), csv,
                        "--mapping", hostile, NULL };

    g_assert_true (g_file_set_contents (csv, "Tên người;Giới tính;Ngày tiếp nhận\r\n"
                                             "Nguyễn Thị Hoa;Nữ;01/11/2026\r\n", -1, NULL));
    g_assert_true (g_file_set_contents (mapping, typed, -1, NULL));
    g_assert_true (g_file_set_contents (hostile, "\x1b[31mTên người=full_name\n", -1, NULL));
    g_assert_cmpint (run_ctl (refused), !=, 0);
    g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person"), ==, 1);
    {
      g_autoptr (ShelterImport) import = shelter_import_open (manager, csv, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_false (shelter_import_apply_mapping (import, "Tên\x01 người=full_name", &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_IMPORT_MAPPING);
      g_assert_true (g_str_has_prefix (error->message, "Mapping, line 1"));
      g_clear_error (&error);
    }
    g_assert_cmpint (run_ctl (argv), ==, 0);
    g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM person "
                                              "WHERE given_name = 'Hoa'"), ==, 1);
  }

  /* The intake record, by the app and by shelterctl intake-record --output. */
  {
    g_autofree char *pdf = g_build_filename (folder, "Biên bản tiếp nhận ‘Mai’.pdf", NULL);
    g_autofree char *pdf_ctl = g_build_filename (folder, "Biên bản (lệnh).pdf", NULL);
    g_autoptr (ShelterIntakeRecord) record = NULL;
    char *argv[] = { "shelterctl", "intake-record", (char *) shelter_db_get_path (fixture->db),
                     (char *) shelter_person_get_case_code (saved), "--output", pdf_ctl, NULL };

    record = shelter_intake_record_load (fixture->caseworker, shelter_stay_get_id (stay), &error);
    g_assert_no_error (error);
    g_assert_true (shelter_intake_record_write_pdf (fixture->caseworker, record, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (is_pdf (pdf));
    g_assert_cmpint (run_ctl (argv), ==, 0);
    g_assert_true (is_pdf (pdf_ctl));
  }

  /* The referral letter. */
  {
    static const char * const shared[] = { "birth_date", NULL };
    ShelterPartnerInput hospital = { "hospital", "Bệnh viện Đa khoa tỉnh Lào Cai",
                                     "BS. Nguyễn Văn Thử", NULL, NULL, NULL, NULL, FALSE };
    ShelterReferralDecision decision = { "2026-11-20", "agrees", "person", NULL, shared, NULL,
                                         NULL };
    g_autofree char *pdf = g_build_filename (folder, "Thư giới thiệu ‘khám bệnh’.pdf", NULL);
    g_autoptr (ShelterReferralLetter) letter = NULL;
    gint64 partner, id;

    partner = shelter_partners_add (manager, &hospital, &error);
    g_assert_no_error (error);
    id = shelter_referrals_create (fixture->caseworker, shelter_stay_get_id (stay), partner,
                                   "Khám chuyên khoa", &error);
    g_assert_no_error (error);
    g_assert_true (shelter_referrals_record_assessment (fixture->caseworker, id, "2026-11-20",
                                                        "low", "Nguy cơ thấp", "Muốn đi khám",
                                                        &error));
    g_assert_true (shelter_referrals_record_offer (fixture->caseworker, id, "2026-11-20",
                                                   "Khám miễn phí", &error));
    g_assert_true (shelter_referrals_record_decision (fixture->caseworker, id, &decision,
                                                      &error));
    g_assert_no_error (error);
    letter = shelter_referral_letter_load (fixture->caseworker, id, &error);
    g_assert_no_error (error);
    g_assert_true (shelter_referral_letter_write_pdf (fixture->caseworker, letter, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (is_pdf (pdf));
  }

  /* The discharge papers, by the app and by shelterctl discharge-papers --output. */
  {
    ShelterDischargeInput input = {
      .stay_id = shelter_stay_get_id (stay), .reason = "community_reintegration",
      .discharged_at = "2026-11-22T08:45:00+07:00", .province_code = "01",
      .override_reason = "Chị tự ý rời trung tâm, gia đình đã được báo",
    };
    g_autofree char *pdf = g_build_filename (folder, "Biên bản bàn giao ‘Mai’.pdf", NULL);
    g_autofree char *pdf_ctl = g_build_filename (folder, "Phiếu kết thúc ca (lệnh).pdf", NULL);
    g_autoptr (ShelterDischargePaper) paper = NULL;
    char *argv[] = { "shelterctl", "discharge-papers", (char *) shelter_db_get_path (fixture->db),
                     (char *) shelter_person_get_case_code (saved), "--paper", "closure",
                     "--output", pdf_ctl, NULL };

    g_assert_true (shelter_discharge (manager, &input, &error));
    g_assert_no_error (error);
    paper = shelter_discharge_paper_load (manager, input.stay_id,
                                          SHELTER_DISCHARGE_PAPER_HANDOVER, &error);
    g_assert_no_error (error);
    g_assert_true (shelter_discharge_paper_write_pdf (manager, paper, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (is_pdf (pdf));
    g_assert_cmpint (run_ctl (argv), ==, 0);
    g_assert_true (is_pdf (pdf_ctl));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/hostile-input/names", Fixture, NULL, fixture_set_up, test_names,
              fixture_tear_down);
  g_test_add ("/hostile-input/notes", Fixture, NULL, fixture_set_up, test_notes,
              fixture_tear_down);
  g_test_add ("/hostile-input/file-names", Fixture, NULL, fixture_set_up, test_file_names,
              fixture_tear_down);
  g_test_add ("/hostile-input/file-names/papers", Fixture, NULL, fixture_set_up,
              test_file_names_papers, fixture_tear_down);
  return g_test_run ();
}
