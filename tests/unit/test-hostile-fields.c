/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "shelter-accounts.h"
#include "shelter-calendar.h"
#include "shelter-centre-profile.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-follow-up.h"
#include "shelter-meals.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-referrals.h"
#include "shelter-report-export.h"
#include "shelter-backup.h"
#include "shelter-safety.h"
#include "shelter-services.h"
#include "shelter-stay-limits.h"
#include "shelter-support-plan.h"
#include "test-common.h"

/* The hostile-input drill over every text field staff type, one row per field: what is
 * pasted comes back exactly as typed (Vietnamese in NFC even when typed in NFD, emoji with
 * joiners, right-to-left scripts, quotes and SQL), control characters and text past the
 * field's limit (counted in characters, not bytes) are refused with a SHELTER_FIELD_ERROR
 * whose code and message name the field, and a refusal saves nothing. The limits are the
 * use cases' own (private #defines there), repeated here. */

typedef struct
{
  ShelterDb      *db;
  ShelterSession *caseworker;
  ShelterSession *manager;
  ShelterSession *admin;
  gint64          room;
  gint64          other_room;
  gint64          stay_id;     /* a resident staying, for records that hang off a stay */
  gint64          person_id;
  gint64          relative_id;
  gint64          spare_stay;  /* received before a try counts what it writes */
  gint64          spare_child;
  guint           serial;      /* makes each saved record distinct */
  gint64          prepared;    /* what a field's prepare() made for the next try (a stay,
                                * a referral, a plan), 0 once a saved record took it */
  gint64          partner;
} Fixture;

typedef struct _Field Field;

/* Saves a record with @text in the field, everything else valid; returns the field as the
 * app reads it back, or NULL with @error. */
typedef char *(*SaveFunc) (Fixture      *fixture,
                           const Field  *field,
                           const char   *text,
                           GError      **error);

enum
{
  NAME = 1 << 0,      /* letters only: emoji and signs are refused, naming the field */
  NO_LIMIT = 1 << 1,  /* no length of its own to test (a format rules it) */
  FORMAT = 1 << 2,    /* a number or code: only the control characters are tried */
};

struct _Field
{
  const char   *path;
  const char   *label;    /* how the message names the field */
  ShelterField  code;
  int           limit;
  guint         flags;
  SaveFunc      save;
  const char   *property; /* the GObject property, for adaptors of objects */
  gsize         offset;   /* the member of the input struct, for adaptors of structs */
  gsize         read;     /* the same field in the row read back */
  int           variant;  /* what else the record needs for the field to apply */
  /* Makes, before the drill counts what a try writes, what the record hangs off (a
   * discharged stay, a referral, a plan): fixture->prepared. */
  void        (*prepare) (Fixture *fixture);
};

#define IN(type, member) G_STRUCT_OFFSET (type, member)
#define TEXT_AT(base, offset) G_STRUCT_MEMBER (const char *, base, offset)
#define STR_AT(base, offset) G_STRUCT_MEMBER (char *, base, offset)

static const char *given_names[] = {
  "Mai", "Lan", "Hoa", "Nga", "Hằng", "Thảo", "Vân", "Yến", "Loan", "Dung", "Hạnh", "Linh",
  "Ngân", "Trang", "Huệ", "Quyên", "Thắm", "Xuân", "Bích", "Cúc",
};

/* A new resident received two days ago, a woman or a girl of 14; its stay. */
static ShelterStay *
new_stay_with (Fixture            *fixture,
               gboolean            child,
               const char * const *belongings)
{
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (GError) error = NULL;
  const char *given = given_names[fixture->serial++ % G_N_ELEMENTS (given_names)];
  ShelterStay *stay;

  person = test_person_new ("Lò", "Thị", given, "female", child ? "2012-05-01" : "1990-01-01");
  shelter_intake_set_handed_over_by (intake, "self");
  if (belongings != NULL)
    shelter_intake_set_belongings (intake, belongings);
  if (child)
    {
      shelter_intake_set_consent_given_by (intake, "guardian");
      shelter_intake_set_guardian_name (intake, "Lò Văn Páo");
    }
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-11-20T08:00:00+07:00", &error);
  g_assert_no_error (error);
  return stay;
}

static ShelterStay *
new_stay (Fixture  *fixture,
          gboolean  child)
{
  return new_stay_with (fixture, child, NULL);
}

/* A stay for a record that needs one of its own, received before the drill counts what a
 * try writes; a saved record takes it (use_spare()), a refused one leaves it for the next. */
static gint64
spare_stay (Fixture  *fixture,
            gboolean  child)
{
  gint64 *spare = child ? &fixture->spare_child : &fixture->spare_stay;

  if (*spare == 0)
    {
      g_autoptr (ShelterStay) stay = new_stay (fixture, child);

      *spare = shelter_stay_get_id (stay);
    }
  return *spare;
}

static void
use_spare (Fixture *fixture,
           gint64   stay_id)
{
  if (fixture->spare_stay == stay_id)
    fixture->spare_stay = 0;
  if (fixture->spare_child == stay_id)
    fixture->spare_child = 0;
}

static gint64
audit_entries (Fixture *fixture)
{
  return test_count (fixture->db, "SELECT count(*) FROM audit_log");
}

/* One text from the file, as a user with sqlite3 would read it (fields no use case reads
 * back). */
static char *
stored_text (Fixture    *fixture,
             const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (shelter_db_get_path (fixture->db), &handle,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return text;
}

/* The row whose id (the first member of every store row) is @id. */
static gpointer
row_with_id (GPtrArray *rows,
             gint64     id)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (*(gint64 *) g_ptr_array_index (rows, i) == id)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static char *
property_of (gpointer    object,
             const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value;
}

/* ---- The person ---------------------------------------------------------------------- */

static char *
save_person (Fixture      *fixture,
             const Field  *field,
             const char   *text,
             GError      **error)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                     "1990-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) stored = NULL;

  if (g_str_equal (field->property, "id-number"))
    shelter_person_set_id_paper (person, "passport");
  g_object_set (person, field->property, text, NULL);
  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-11-20T08:00:00+07:00", error);
  if (stay == NULL)
    return NULL;
  stored = shelter_person_open (fixture->caseworker, shelter_stay_get_person_id (stay), error);
  g_assert_nonnull (stored);
  return property_of (stored, field->property);
}

/* ---- The intake ---------------------------------------------------------------------- */

enum { INTAKE_PLAIN, INTAKE_NOT_NOW };

static char *
save_intake (Fixture      *fixture,
             const Field  *field,
             const char   *text,
             GError      **error)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Mai", "female",
                                                     "1990-01-01");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterIntake) stored = NULL;
  g_autoptr (ShelterStay) stay = NULL;

  /* Handed over by the police, consent given by a guardian for sharing with agencies, not
   * signed: every text of the intake applies. */
  shelter_intake_set_handed_over_by (intake, "police");
  shelter_intake_set_officer_unit (intake, "Công an huyện Mường Khương");
  shelter_intake_set_consent_status (intake, "given");
  shelter_intake_set_consent_given_by (intake, "guardian");
  shelter_intake_set_guardian_name (intake, "Lò Văn Páo");
  shelter_intake_set_consent_share (intake, TRUE);
  shelter_intake_set_consent_share_agencies (intake, "Bệnh viện tỉnh");
  shelter_intake_set_person_signs (intake, FALSE);
  shelter_intake_set_not_signed_reason (intake, "Không biết chữ");
  if (field->variant == INTAKE_NOT_NOW)
    {
      shelter_intake_set_consent_status (intake, "not_now");
      shelter_intake_set_consent_ask_again_on (intake, "2026-11-25");
    }
  g_object_set (intake, field->property, text, NULL);
  stay = shelter_receive_person (fixture->caseworker, person, intake, fixture->room,
                                 "2026-11-20T08:00:00+07:00", error);
  if (stay == NULL)
    return NULL;
  stored = shelter_intake_open (fixture->caseworker, shelter_stay_get_id (stay), error);
  g_assert_nonnull (stored);
  return property_of (stored, field->property);
}

/* ---- Rooms, accounts, the centre, holidays -------------------------------------------- */

static char *
save_room (Fixture      *fixture,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autoptr (GPtrArray) rooms = NULL;
  g_autofree char *code = g_strdup_printf ("P%u", ++fixture->serial);

  shelter_room_set_code (room, code);
  shelter_room_set_name (room, code);
  shelter_room_set_sex_use (room, "female");
  shelter_room_set_age_group (room, "any");
  shelter_room_set_beds (room, 2);
  shelter_room_set_area_m2 (room, 12.0);
  shelter_room_set_opened_on (room, "2020-01-01");
  g_object_set (room, field->property, text, NULL);
  if (!shelter_rooms_add (fixture->admin, room, error))
    return NULL;
  rooms = shelter_rooms_list (fixture->admin, error);
  for (guint i = 0; i < rooms->len; i++)
    if (shelter_room_get_id (g_ptr_array_index (rooms, i)) == shelter_room_get_id (room))
      return property_of (g_ptr_array_index (rooms, i), field->property);
  g_assert_not_reached ();
}

static char *
save_account (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  g_autoptr (ShelterUser) user = shelter_user_new ();
  g_autoptr (GPtrArray) users = NULL;
  g_autofree char *username = g_strdup_printf ("nhan.vien%u", ++fixture->serial);

  shelter_user_set_username (user, username);
  shelter_user_set_role (user, "caseworker");
  shelter_user_set_full_name (user, text);
  if (!shelter_accounts_create (fixture->admin, user, "ngựa-vằn-ăn-cỏ-2026", error))
    return NULL;
  users = shelter_accounts_list (fixture->admin, error);
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (shelter_user_get_username (g_ptr_array_index (users, i)), username))
      return g_strdup (shelter_user_get_full_name (g_ptr_array_index (users, i)));
  g_assert_not_reached ();
}

/* The set-up assistant runs once a database: each try gets a new one, which becomes the
 * fixture's so that the drill counts its audit entries. */
static char *
save_centre (Fixture      *fixture,
             const Field  *field,
             const char   *text,
             GError      **error)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_new ();
  g_autoptr (ShelterUser) admin = shelter_user_new ();
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (ShelterCentre) stored = NULL;

  g_clear_object (&fixture->db);
  fixture->db = test_db_new ();
  shelter_centre_set_name (centre, "Trung tâm Công tác xã hội tỉnh Lào Cai");
  shelter_centre_set_province_scheme (centre, "vn-2025-07");
  shelter_centre_set_province_code (centre, "15");
  shelter_centre_set_address (centre, "Phường Cốc Lếu");
  shelter_centre_set_head_name (centre, "Nguyễn Văn Hải");
  g_object_set (centre, field->property, text, NULL);
  shelter_user_set_username (admin, "quan.tri");
  shelter_user_set_full_name (admin, "Trần Thị Quản");
  session = shelter_accounts_set_up_centre (fixture->db, centre, admin, "ngựa-vằn-ăn-cỏ-2026",
                                            error);
  if (session == NULL)
    return NULL;
  stored = shelter_centre_profile_get (session, error);
  g_assert_nonnull (stored);
  return property_of (stored, field->property);
}

static char *
save_holiday (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  g_autofree char *day = g_strdup_printf ("2027-03-%02u", ++fixture->serial % 28 + 1);
  g_autoptr (GPtrArray) days = NULL;

  if (!shelter_holidays_add (fixture->admin, day, text, error))
    return NULL;
  days = shelter_holidays_list (fixture->admin, 2027, error);
  for (guint i = 0; i < days->len; i++)
    {
      ShelterHoliday *holiday = g_ptr_array_index (days, i);

      if (g_str_equal (holiday->day, day))
        return g_strdup (holiday->name);
    }
  g_assert_not_reached ();
}

/* ---- Family --------------------------------------------------------------------------- */

static char *
save_relative (Fixture      *fixture,
               const Field  *field,
               const char   *text,
               GError      **error)
{
  ShelterRelativeInput input = {
    .person_id = fixture->person_id, .full_name = "Lò Văn Páo", .relation = "father",
    .may_contact = FALSE, .safety = "unsafe", .safety_reason = "Đã bán con gái",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_family_save_relative (fixture->caseworker, &input, error);
  if (id == 0)
    return NULL;
  rows = shelter_family_list_relatives (fixture->caseworker, fixture->person_id, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

static char *
save_contact (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  ShelterContactInput input = {
    .stay_id = fixture->stay_id, .relative_id = fixture->relative_id,
    .contacted_on = "2026-11-21", .method = "phone", .made_by = "Cán bộ xã", .result = "reached",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_family_record_contact (fixture->caseworker, &input, error);
  if (id == 0)
    return NULL;
  rows = shelter_family_list_contacts (fixture->caseworker, fixture->person_id, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

static char *
save_visit (Fixture      *fixture,
            const Field  *field,
            const char   *text,
            GError      **error)
{
  ShelterVisitInput input = {
    .stay_id = fixture->stay_id, .visitor_name = "Lò Thị Sua",
    .visited_at = "2026-11-21T15:00:00+07:00", .approved_by = "Trưởng phòng",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_family_record_visit (fixture->caseworker, &input, NULL, error);
  if (id == 0)
    return NULL;
  rows = shelter_family_list_visits (fixture->caseworker, fixture->person_id, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

enum { BAN_VISITOR, BAN_REASON };

static char *
save_visit_ban (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  ShelterVisitBanRow *row;
  gint64 id;

  id = shelter_family_add_visit_ban (fixture->manager, fixture->person_id, 0,
                                     field->variant == BAN_VISITOR ? text : "Người lạ",
                                     field->variant == BAN_REASON ? text : "Nghi là đối tượng",
                                     error);
  if (id == 0)
    return NULL;
  rows = shelter_family_list_visit_bans (fixture->manager, fixture->person_id, error);
  row = row_with_id (rows, id);
  return g_strdup (field->variant == BAN_VISITOR ? row->visitor_name : row->reason);
}

enum { TRACING_AGENCIES, TRACING_NOTE };

static char *
save_tracing (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  g_autoptr (ShelterTracingRow) row = NULL;
  gint64 stay_id = spare_stay (fixture, TRUE);

  if (shelter_family_open_tracing (fixture->caseworker, stay_id,
                                   field->variant == TRACING_AGENCIES ? text : "Hội Phụ nữ xã",
                                   field->variant == TRACING_NOTE ? text : NULL, error) == 0)
    return NULL;
  use_spare (fixture, stay_id);
  row = shelter_family_get_tracing (fixture->caseworker, stay_id, error);
  return g_strdup (field->variant == TRACING_AGENCIES ? row->agencies : row->note);
}

/* ---- Safety --------------------------------------------------------------------------- */

static char *
read_safety (Fixture  *fixture,
             GPtrArray *(*list) (ShelterSession *, gint64, GError **),
             gint64    id,
             gsize     read,
             GError  **error)
{
  g_autoptr (GPtrArray) rows = list (fixture->manager, fixture->person_id, error);

  return g_strdup (STR_AT (row_with_id (rows, id), read));
}

static char *
save_risk (Fixture      *fixture,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  ShelterRiskInput input = {
    fixture->stay_id, "2026-11-20", "medium", "Đường dây đang tìm chị",
    "Có cán bộ đi kèm khi ra ngoài", "2026-12-20",
  };
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_safety_assess_risk (fixture->manager, &input, NULL, error);
  return id == 0 ? NULL : read_safety (fixture, shelter_safety_list_risks, id, field->read, error);
}

static char *
save_incident (Fixture      *fixture,
               const Field  *field,
               const char   *text,
               GError      **error)
{
  ShelterIncidentInput input = {
    fixture->stay_id, "2026-11-21", "Người lạ đứng trước cổng", NULL, "Báo bảo vệ",
  };
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_safety_record_incident (fixture->manager, &input, error);
  return id == 0 ? NULL : read_safety (fixture, shelter_safety_list_incidents, id, field->read,
                                       error);
}

static char *
save_police (Fixture      *fixture,
             const Field  *field,
             const char   *text,
             GError      **error)
{
  ShelterPoliceInput input = {
    fixture->stay_id, 0, "2026-11-22T08:30:00+07:00", "border_guard", "Đại úy Nguyễn Văn Hùng",
    "in_person", NULL, NULL,
  };
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_safety_inform_police (fixture->manager, &input, error);
  return id == 0 ? NULL : read_safety (fixture, shelter_safety_list_reports, id, field->read,
                                       error);
}

/* ---- Services ------------------------------------------------------------------------ */

static char *
save_service (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  ShelterServiceRecord record = {
    .stay_id = fixture->stay_id, .kind = "legal", .subkind = "legal_counselling",
    .done_on = "2026-11-21", .staff_user = "test.caseworker", .description = "Tư vấn pháp lý",
    .cost_dong = -1,
  };
  g_autoptr (GPtrArray) entries = NULL;
  gint64 id;

  TEXT_AT (&record, field->offset) = text;
  id = shelter_services_record (fixture->caseworker, &record, error);
  if (id == 0)
    return NULL;
  entries = shelter_services_list_person (fixture->caseworker, fixture->person_id, error);
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterServiceEntry *entry = g_ptr_array_index (entries, i);

      if (shelter_service_entry_get_id (entry) != id)
        continue;
      if (field->offset == IN (ShelterServiceRecord, provider))
        return g_strdup (shelter_service_entry_get_provider (entry));
      if (field->offset == IN (ShelterServiceRecord, description))
        return g_strdup (shelter_service_entry_get_description (entry));
      return g_strdup (shelter_service_entry_get_outcome (entry));
    }
  g_assert_not_reached ();
}

/* ---- Partners, placement, discharge, the case list ----------------------------------- */

static char *
save_partner (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  g_autofree char *name = g_strdup_printf ("Bệnh viện Đa khoa số %u", ++fixture->serial);
  ShelterPartnerInput input = {
    .kind = "hospital", .name = name, .contact_person = "Bác sĩ Hà",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_partners_add (fixture->manager, &input, error);
  if (id == 0)
    return NULL;
  rows = shelter_partners_list (fixture->manager, TRUE, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

static char *
save_move_reason (Fixture      *fixture,
                  const Field  *field,
                  const char   *text,
                  GError      **error)
{
  gint64 stay_id = spare_stay (fixture, FALSE);
  g_autofree char *sql = NULL;

  if (!shelter_move_resident (fixture->caseworker, stay_id, fixture->other_room, NULL, text,
                              NULL, error))
    return NULL;
  use_spare (fixture, stay_id);
  sql = g_strdup_printf ("SELECT reason FROM placement WHERE stay_id = %" G_GINT64_FORMAT
                         " AND ended_at IS NULL", stay_id);
  return stored_text (fixture, sql);
}

static char *
save_absence_note (Fixture      *fixture,
                   const Field  *field,
                   const char   *text,
                   GError      **error)
{
  gint64 stay_id = spare_stay (fixture, FALSE);
  g_autofree char *sql = NULL;
  gint64 id;

  id = shelter_absence_start (fixture->caseworker, stay_id, "hospital", NULL, "2026-11-25",
                              text, error);
  if (id == 0)
    return NULL;
  use_spare (fixture, stay_id);
  sql = g_strdup_printf ("SELECT note FROM absence WHERE id = %" G_GINT64_FORMAT, id);
  return stored_text (fixture, sql);
}

enum { TO_ADDRESS, TO_FACILITY, DEATH, BELONGINGS };

static char *
save_discharge (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  g_autoptr (ShelterDischargeRow) row = NULL;
  ShelterBelongingReturn kept = { 1, FALSE, NULL };
  ShelterDischargeInput input = {
    .stay_id = field->variant == BELONGINGS ? 0 : spare_stay (fixture, FALSE),
    .reason = "community_reintegration",
    .discharged_at = "2026-11-22T08:45:00+07:00", .province_code = "01",
    .override_reason = "Chị tự ý rời trung tâm, gia đình đã được báo",
  };

  if (field->variant == TO_FACILITY)
    {
      input.reason = "transfer";
      input.province_code = NULL;
      input.facility_name = "Làng trẻ em SOS Hà Nội";
    }
  else if (field->variant == BELONGINGS)
    {
      input.stay_id = fixture->prepared;
      input.belongings = &kept;
      input.n_belongings = 1;
      kept.note = text;
    }
  else if (field->variant == DEATH)
    {
      input.reason = "death";
      input.province_code = NULL;
      input.discharged_at = "2026-11-22T06:00:00+07:00";
      input.death_informed = "Gia đình và công an xã";
    }
  if (field->variant != BELONGINGS)
    TEXT_AT (&input, field->offset) = text;
  if (!shelter_discharge (fixture->manager, &input, error))
    return NULL;
  use_spare (fixture, input.stay_id);
  row = shelter_discharge_get (fixture->manager, input.stay_id, error);
  if (field->variant == BELONGINGS)
    {
      fixture->prepared = 0;
      g_assert_cmpuint (row->belongings->len, ==, 1);
      return g_strdup (g_array_index (row->belongings, ShelterBelongingReturned, 0).note);
    }
  return g_strdup (STR_AT (row, field->read));
}

static char *
save_case_list_reason (Fixture      *fixture,
                       const Field  *field,
                       const char   *text,
                       GError      **error)
{
  ShelterPeriod period = { 0 };
  g_autofree char *path = test_path ("Danh sách ca.csv");

  g_assert_true (shelter_period_parse ("2026-Q4", "2026-11-22", &period, NULL));
  if (!shelter_case_list_export (fixture->manager, &period, text, SHELTER_REPORT_FORMAT_CSV,
                                 path, error))
    return NULL;
  /* The reason is kept in the audit entry only, after "reason: ". */
  {
    g_autofree char *details = stored_text (fixture, "SELECT details FROM audit_log WHERE "
                                                     "action = 'export' ORDER BY id DESC LIMIT 1");
    const char *reason = strstr (details, "reason: ");

    g_assert_nonnull (reason);
    return g_strdup (reason + strlen ("reason: "));
  }
}

/* ---- Follow-ups and case closure ------------------------------------------------------ */

/* A resident discharged yesterday, without a follow-up schedule. */
static void
prepare_discharged (Fixture *fixture)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) error = NULL;

  if (fixture->prepared != 0)
    return;
  stay = new_stay (fixture, FALSE);
  g_assert_true (shelter_discharge_stay (fixture->caseworker, stay, "2026-11-21T10:00:00+07:00",
                                         "goals_reached", &error));
  g_assert_no_error (error);
  fixture->prepared = shelter_stay_get_id (stay);
}

static char *
save_follow_up (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  ShelterFollowUpInput input = {
    .stay_id = fixture->prepared, .done_on = "2026-11-22", .method = "visit",
    .done_by = "Nguyễn Thị Thử", .situation = "stable", .living = "with_family",
    .activity = "working",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_follow_up_record (fixture->caseworker, &input, error);
  if (id == 0)
    return NULL;
  rows = shelter_follow_up_list_for_stay (fixture->caseworker, fixture->prepared, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

enum { CLOSURE_REASON, CLOSURE_SUMMARY };

static char *
save_closure (Fixture      *fixture,
              const Field  *field,
              const char   *text,
              GError      **error)
{
  g_autoptr (ShelterCaseClosureRow) row = NULL;
  gint64 stay_id = fixture->prepared;

  if (!shelter_follow_up_close_case (fixture->caseworker, stay_id,
                                     field->variant == CLOSURE_REASON ? text : NULL,
                                     field->variant == CLOSURE_SUMMARY ? text : NULL, error))
    return NULL;
  fixture->prepared = 0;
  row = shelter_follow_up_get_closure (fixture->caseworker, stay_id, error);
  g_assert_nonnull (row);
  return g_strdup (field->variant == CLOSURE_REASON ? row->reason : row->summary);
}

/* ---- Support plans ------------------------------------------------------------------- */

static const ShelterNeedInput health_need = { "health", "high", "Thiếu máu, cần khám" };

static gint64
assessed_stay (Fixture *fixture)
{
  g_autoptr (ShelterStay) stay = new_stay (fixture, FALSE);
  g_autoptr (GError) error = NULL;

  shelter_support_plan_assess (fixture->caseworker, shelter_stay_get_id (stay), "2026-11-21",
                               &health_need, 1, &error);
  g_assert_no_error (error);
  return shelter_stay_get_id (stay);
}

static const ShelterGoalInput health_goal = {
  "health", "Khỏe lại, hết thiếu máu", "Khám và uống thuốc bổ máu", NULL, "test.caseworker",
  "2027-02-20",
};

/* A stay whose needs were assessed, for a draft. */
static void
prepare_assessed (Fixture *fixture)
{
  if (fixture->prepared == 0)
    fixture->prepared = assessed_stay (fixture);
}

/* A plan drafted, approved and in progress: its id. */
static void
prepare_plan (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gint64 stay_id, plan_id;

  if (fixture->prepared != 0)
    return;
  stay_id = assessed_stay (fixture);
  plan_id = shelter_support_plan_draft (fixture->caseworker, stay_id, &health_goal, 1, NULL,
                                        &error);
  g_assert_no_error (error);
  {
    g_autoptr (ShelterPlanRow) drafted = shelter_plan_store_get (fixture->db, plan_id, NULL);

    g_assert_true (shelter_support_plan_approve (fixture->manager, plan_id, drafted->version,
                                                 NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr (ShelterPlanRow) approved = shelter_plan_store_get (fixture->db, plan_id, NULL);

    g_assert_true (shelter_support_plan_start (fixture->caseworker, plan_id, approved->version,
                                               &error));
    g_assert_no_error (error);
  }
  fixture->prepared = plan_id;
}

static ShelterSupportPlanFile *
plan_file (Fixture *fixture,
           gint64   plan_id)
{
  g_autoptr (ShelterPlanRow) plan = shelter_plan_store_get (fixture->db, plan_id, NULL);

  g_assert_nonnull (plan);
  return shelter_support_plan_read (fixture->caseworker, plan->stay_id, NULL);
}

static char *
save_need_note (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  ShelterNeedInput need = { "health", "medium", text };
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  ShelterAssessmentAreaRow *area = NULL;

  if (shelter_support_plan_assess (fixture->caseworker, fixture->stay_id, "2026-11-21", &need,
                                   1, error) == 0)
    return NULL;
  file = shelter_support_plan_read (fixture->caseworker, fixture->stay_id, error);
  for (guint i = 0; i < file->assessment->areas->len; i++)
    if (g_str_equal (((ShelterAssessmentAreaRow *) g_ptr_array_index (file->assessment->areas,
                                                                       i))->area, "health"))
      area = g_ptr_array_index (file->assessment->areas, i);
  g_assert_nonnull (area);
  return g_strdup (area->note);
}

static char *
save_goal (Fixture      *fixture,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  ShelterGoalInput goal = health_goal;
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  gint64 stay_id = fixture->prepared;

  TEXT_AT (&goal, field->offset) = text;
  if (shelter_support_plan_draft (fixture->caseworker, stay_id, &goal, 1, NULL, error) == 0)
    return NULL;
  fixture->prepared = 0;
  file = shelter_support_plan_read (fixture->caseworker, stay_id, error);
  g_assert_cmpuint (file->goals->len, ==, 1);
  return g_strdup (STR_AT (g_ptr_array_index (file->goals, 0), field->read));
}

static char *
save_plan_note (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  g_autoptr (ShelterSupportPlanFile) file = NULL;
  gint64 id;

  id = shelter_support_plan_add_note (fixture->caseworker, fixture->prepared, 0, "2026-11-22",
                                      text, error);
  if (id == 0)
    return NULL;
  file = plan_file (fixture, fixture->prepared);
  return g_strdup (((ShelterProgressNoteRow *) row_with_id (file->notes, id))->text);
}

static char *
save_plan_cancel (Fixture      *fixture,
                  const Field  *field,
                  const char   *text,
                  GError      **error)
{
  g_autoptr (ShelterPlanRow) plan = shelter_plan_store_get (fixture->db, fixture->prepared, NULL);
  g_autoptr (ShelterPlanRow) cancelled = NULL;

  if (!shelter_support_plan_cancel (fixture->manager, plan->id, plan->version, text, error))
    return NULL;
  fixture->prepared = 0;
  cancelled = shelter_plan_store_get (fixture->db, plan->id, NULL);
  return g_strdup (cancelled->close_reason);
}

/* ---- Meals, rates and stay limits ---------------------------------------------------- */

enum { DIET_NOTE, DIET_ALLERGIES };

static char *
save_diet (Fixture      *fixture,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  gint64 stay_id = spare_stay (fixture, FALSE);
  g_autoptr (GPtrArray) history = NULL;
  gint64 id;

  id = shelter_diet_set (fixture->caseworker, stay_id, "other",
                         field->variant == DIET_NOTE ? text : "Không ăn được đồ cay",
                         field->variant == DIET_ALLERGIES ? text : NULL, "2026-11-21", error);
  if (id == 0)
    return NULL;
  use_spare (fixture, stay_id);
  history = shelter_diet_history (fixture->caseworker, stay_id, error);
  {
    ShelterDietRow *row = row_with_id (history, id);

    return g_strdup (field->variant == DIET_NOTE ? row->note : row->allergies);
  }
}

/* Each saved rate or limit starts a day after the one before: the past is not rewritten. */
static char *
later_day (Fixture *fixture)
{
  g_autoptr (GDate) day = g_date_new_dmy (1, G_DATE_JANUARY, 2027);
  char text[11];

  g_date_add_days (day, ++fixture->serial);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

static char *
save_rate (Fixture      *fixture,
           const Field  *field,
           const char   *text,
           GError      **error)
{
  g_autofree char *from = later_day (fixture);
  g_autoptr (GPtrArray) rates = NULL;
  gint64 id;

  id = shelter_rates_add (fixture->manager, "meals_per_day", "15", 40000, text, from, NULL, error);
  if (id == 0)
    return NULL;
  rates = shelter_rates_list (fixture->manager, error);
  return g_strdup (((ShelterRateRow *) row_with_id (rates, id))->legal_basis);
}

static char *
save_stay_limit (Fixture      *fixture,
                 const Field  *field,
                 const char   *text,
                 GError      **error)
{
  g_autofree char *from = later_day (fixture);
  g_autoptr (GPtrArray) limits = NULL;
  gint64 id;

  id = shelter_stay_limits_add (fixture->manager, "emergency_protection", 30, text, from, error);
  if (id == 0)
    return NULL;
  limits = shelter_stay_limits_list (fixture->manager, error);
  return g_strdup (((ShelterStayLimit *) row_with_id (limits, id))->legal_basis);
}

/* ---- Services: the confidential note, voids, exceptions ------------------------------ */

static char *
save_confidential_note (Fixture      *fixture,
                        const Field  *field,
                        const char   *text,
                        GError      **error)
{
  g_autoptr (ShelterSession) counsellor = test_session_new (fixture->db, "counsellor");
  g_autoptr (GHashTable) details = g_hash_table_new (g_str_hash, g_str_equal);
  ShelterServiceRecord record = {
    .stay_id = fixture->stay_id, .kind = "psychological", .subkind = "counselling",
    .done_on = "2026-11-21", .staff_user = "test.counsellor", .description = "Tham vấn cá nhân",
    .cost_dong = -1, .details = details, .confidential_note = text,
  };
  g_autoptr (GPtrArray) entries = NULL;
  gint64 id;

  g_hash_table_insert (details, "format", "individual");
  id = shelter_services_record (counsellor, &record, error);
  if (id == 0)
    return NULL;
  entries = shelter_services_list_person (counsellor, fixture->person_id, error);
  for (guint i = 0; i < entries->len; i++)
    if (shelter_service_entry_get_id (g_ptr_array_index (entries, i)) == id)
      return g_strdup (shelter_service_entry_get_confidential_note (g_ptr_array_index (entries,
                                                                                        i)));
  g_assert_not_reached ();
}

/* A legal counselling recorded, for voiding. */
static void
prepare_service (Fixture *fixture)
{
  ShelterServiceRecord record = {
    .stay_id = fixture->stay_id, .kind = "legal", .subkind = "legal_counselling",
    .done_on = "2026-11-21", .staff_user = "test.caseworker", .description = "Tư vấn pháp lý",
    .cost_dong = -1,
  };
  g_autoptr (GError) error = NULL;

  if (fixture->prepared != 0)
    return;
  fixture->prepared = shelter_services_record (fixture->caseworker, &record, &error);
  g_assert_no_error (error);
}

static char *
save_void_reason (Fixture      *fixture,
                  const Field  *field,
                  const char   *text,
                  GError      **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  gint64 id = fixture->prepared;

  if (!shelter_services_void (fixture->caseworker, id, text, error))
    return NULL;
  fixture->prepared = 0;
  entries = shelter_services_list_person (fixture->caseworker, fixture->person_id, error);
  for (guint i = 0; i < entries->len; i++)
    if (shelter_service_entry_get_id (g_ptr_array_index (entries, i)) == id)
      return g_strdup (shelter_service_entry_get_void_reason (g_ptr_array_index (entries, i)));
  g_assert_not_reached ();
}

static char *
save_exception (Fixture      *fixture,
                const Field  *field,
                const char   *text,
                GError      **error)
{
  g_autofree char *sql = NULL;
  gint64 id;

  id = shelter_services_add_exception (fixture->manager, fixture->stay_id, "dd", text, error);
  if (id == 0)
    return NULL;
  sql = g_strdup_printf ("SELECT reason FROM entitlement_exception WHERE id = %" G_GINT64_FORMAT,
                         id);
  return stored_text (fixture, sql);
}

/* ---- Referrals and partners ---------------------------------------------------------- */

static void
prepare_partner (Fixture *fixture)
{
  ShelterPartnerInput hospital = {
    .kind = "hospital", .name = "Bệnh viện Đa khoa tỉnh Lào Cai", .contact_person = "Bác sĩ Hà",
  };
  g_autoptr (GError) error = NULL;

  if (fixture->partner == 0)
    fixture->partner = shelter_partners_add (fixture->manager, &hospital, &error);
  g_assert_no_error (error);
}

/* A referral drafted to the hospital. */
static void
prepare_referral (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  prepare_partner (fixture);
  if (fixture->prepared != 0)
    return;
  fixture->prepared = shelter_referrals_create (fixture->caseworker, fixture->stay_id,
                                                fixture->partner, "Khám chuyên khoa", &error);
  g_assert_no_error (error);
}

enum { REFERRAL_PURPOSE, REFERRAL_RISKS, REFERRAL_OPINION, REFERRAL_OFFER, REFERRAL_WITHDRAW };

static char *
save_referral (Fixture      *fixture,
               const Field  *field,
               const char   *text,
               GError      **error)
{
  g_autoptr (ShelterReferralRow) row = NULL;
  gint64 id = fixture->prepared;
  gboolean ok;

  switch (field->variant)
    {
    case REFERRAL_PURPOSE:
      id = shelter_referrals_create (fixture->caseworker, fixture->stay_id, fixture->partner, text,
                                     error);
      ok = id != 0;
      break;
    case REFERRAL_RISKS:
    case REFERRAL_OPINION:
      ok = shelter_referrals_record_assessment (fixture->caseworker, id, "2026-11-21", "low",
                                                field->variant == REFERRAL_RISKS
                                                ? text : "Nguy cơ thấp",
                                                field->variant == REFERRAL_OPINION
                                                ? text : "Muốn đi khám", error);
      break;
    case REFERRAL_OFFER:
      ok = shelter_referrals_record_offer (fixture->caseworker, id, "2026-11-21", text, error);
      break;
    default:
      ok = shelter_referrals_withdraw (fixture->caseworker, id, text, error);
      if (ok)
        fixture->prepared = 0;
      break;
    }
  if (!ok)
    return NULL;
  row = shelter_referrals_get (fixture->manager, id, error);
  return g_strdup (STR_AT (row, field->read));
}

/* Partners' phone and e-mail: a format rules them, only control characters are tried. */
static char *
save_partner_contact (Fixture      *fixture,
                      const Field  *field,
                      const char   *text,
                      GError      **error)
{
  g_autofree char *name = g_strdup_printf ("Hội Liên hiệp Phụ nữ huyện số %u", ++fixture->serial);
  ShelterPartnerInput input = {
    .kind = "hospital", .name = name, .phone = "0912 000 101", .email = "ctxh@example.vn",
  };
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id;

  TEXT_AT (&input, field->offset) = text;
  id = shelter_partners_add (fixture->manager, &input, error);
  if (id == 0)
    return NULL;
  rows = shelter_partners_list (fixture->manager, TRUE, error);
  return g_strdup (STR_AT (row_with_id (rows, id), field->read));
}

/* A resident whose intake listed one belonging, to discharge. */
static void
prepare_belonging (Fixture *fixture)
{
  static const char * const belongings[] = { "Điện thoại Oppo màu đen", NULL };

  if (fixture->prepared == 0)
    {
      g_autoptr (ShelterStay) stay = new_stay_with (fixture, FALSE, belongings);

      fixture->prepared = shelter_stay_get_id (stay);
    }
}

/* ---- The table ----------------------------------------------------------------------- */

#define PERSON(path, prop, label, code, limit, flags) \
  { "/person/" path, label, code, limit, flags, save_person, prop }
#define INTAKE(path, prop, label, code, limit, variant) \
  { "/intake/" path, label, code, limit, 0, save_intake, prop, 0, 0, variant }
#define STRUCT(path, label, code, limit, save, in, out, variant) \
  { path, label, code, limit, 0, save, NULL, in, out, variant }
#define PREPARED(path, label, code, limit, flags, save, in, out, variant, prepare) \
  { path, label, code, limit, flags, save, NULL, in, out, variant, prepare }

static const Field fields[] = {
  PERSON ("family-name", "family-name", "Family name", SHELTER_FIELD_FAMILY_NAME, 200, NAME),
  PERSON ("middle-name", "middle-name", "Middle name", SHELTER_FIELD_MIDDLE_NAME, 200, NAME),
  PERSON ("given-name", "given-name", "Given name", SHELTER_FIELD_GIVEN_NAME, 100, NAME),
  PERSON ("other-names", "other-names", "Other names", SHELTER_FIELD_OTHER_NAMES, 200, 0),
  PERSON ("languages", "languages", "Languages", SHELTER_FIELD_LANGUAGES, 200, 0),
  PERSON ("home-detail", "home-detail", "Street, village or hamlet",
          SHELTER_FIELD_HOME_ADDRESS, 200, 0),
  PERSON ("id-number", "id-number", "ID number", SHELTER_FIELD_ID_NUMBER, 0, FORMAT),
  PERSON ("phone", "phone", "Phone", SHELTER_FIELD_PHONE, 0, FORMAT),

  INTAKE ("officer-name", "officer-name", "Officer’s name", SHELTER_FIELD_OFFICER_NAME, 200,
          INTAKE_PLAIN),
  INTAKE ("officer-unit", "officer-unit", "Unit", SHELTER_FIELD_OFFICER_UNIT, 200,
          INTAKE_PLAIN),
  INTAKE ("received-place", "received-place", "Place of reception",
          SHELTER_FIELD_RECEIVED_PLACE, 200, INTAKE_PLAIN),
  INTAKE ("identification-document", "identification-document", "Identification document",
          SHELTER_FIELD_IDENTIFICATION, 200, INTAKE_PLAIN),
  INTAKE ("guardian-name", "guardian-name", "Parent or guardian", SHELTER_FIELD_GUARDIAN_NAME,
          200, INTAKE_PLAIN),
  INTAKE ("consent-agencies", "consent-share-agencies", "Partner agencies",
          SHELTER_FIELD_CONSENT_AGENCIES, 200, INTAKE_PLAIN),
  INTAKE ("consent-not-now-reason", "consent-not-now-reason", "Why consent could not be given",
          SHELTER_FIELD_CONSENT_REASON, 200, INTAKE_NOT_NOW),
  INTAKE ("health-at-arrival", "health-at-arrival", "Health at arrival",
          SHELTER_FIELD_HEALTH_AT_ARRIVAL, 2000, INTAKE_PLAIN),
  INTAKE ("urgent-needs", "urgent-needs", "Urgent needs", SHELTER_FIELD_URGENT_NEEDS, 2000,
          INTAKE_PLAIN),
  INTAKE ("safety-note", "safety-note", "First safety note", SHELTER_FIELD_SAFETY_NOTE, 2000,
          INTAKE_PLAIN),
  INTAKE ("not-signed-reason", "not-signed-reason", "Why the person cannot sign",
          SHELTER_FIELD_NOT_SIGNED_REASON, 200, INTAKE_PLAIN),

  { "/room/code", "Room code", SHELTER_FIELD_ROOM_CODE, 20, 0, save_room, "code" },
  { "/room/name", "Room name", SHELTER_FIELD_ROOM_NAME, 100, 0, save_room, "name" },
  { "/room/building", "Building", SHELTER_FIELD_ROOM_BUILDING, 100, 0, save_room, "building" },
  { "/account/full-name", "Full name", SHELTER_FIELD_FULL_NAME, 100, 0, save_account },
  { "/centre/name", "Centre name", SHELTER_FIELD_CENTRE_NAME, 200, 0, save_centre, "name" },
  { "/centre/address", "Address", SHELTER_FIELD_CENTRE_ADDRESS, 300, 0, save_centre,
    "address" },
  { "/centre/head-name", "Head of the Centre", SHELTER_FIELD_CENTRE_HEAD_NAME, 100, 0, save_centre,
    "head-name" },
  { "/holiday/name", "Name", SHELTER_FIELD_HOLIDAY_NAME, 100, 0, save_holiday },

  STRUCT ("/relative/full-name", "Name", SHELTER_FIELD_RELATIVE_NAME, 200, save_relative,
          IN (ShelterRelativeInput, full_name), IN (ShelterRelativeRow, full_name), 0),
  STRUCT ("/relative/address-detail", "Village or street", SHELTER_FIELD_RELATIVE_ADDRESS, 200,
          save_relative, IN (ShelterRelativeInput, address_detail),
          IN (ShelterRelativeRow, address_detail), 0),
  STRUCT ("/relative/safety-reason", "Reason", SHELTER_FIELD_RELATIVE_SAFETY_REASON, 1000,
          save_relative, IN (ShelterRelativeInput, safety_reason),
          IN (ShelterRelativeRow, safety_reason), 0),
  STRUCT ("/contact/made-by", "Made by", SHELTER_FIELD_CONTACT_MADE_BY, 200, save_contact,
          IN (ShelterContactInput, made_by), IN (ShelterContactRow, made_by), 0),
  STRUCT ("/contact/notes", "Notes", SHELTER_FIELD_CONTACT_NOTES, 2000, save_contact,
          IN (ShelterContactInput, notes), IN (ShelterContactRow, notes), 0),
  STRUCT ("/visit/visitor-name", "Visitor", SHELTER_FIELD_VISITOR_NAME, 200, save_visit,
          IN (ShelterVisitInput, visitor_name), IN (ShelterVisitRow, visitor_name), 0),
  STRUCT ("/visit/approved-by", "Approved by", SHELTER_FIELD_VISIT_APPROVED_BY, 200, save_visit,
          IN (ShelterVisitInput, approved_by), IN (ShelterVisitRow, approved_by), 0),
  STRUCT ("/visit/notes", "Notes", SHELTER_FIELD_VISIT_NOTES, 2000, save_visit,
          IN (ShelterVisitInput, notes), IN (ShelterVisitRow, notes), 0),
  STRUCT ("/visit-ban/visitor-name", "Name", SHELTER_FIELD_VISITOR_NAME, 200, save_visit_ban,
          0, 0, BAN_VISITOR),
  STRUCT ("/visit-ban/reason", "Reason", SHELTER_FIELD_VISIT_BAN_REASON, 1000, save_visit_ban,
          0, 0, BAN_REASON),
  STRUCT ("/tracing/agencies", "Agencies", SHELTER_FIELD_TRACING_AGENCIES, 1000, save_tracing,
          0, 0, TRACING_AGENCIES),
  STRUCT ("/tracing/note", "Note", SHELTER_FIELD_TRACING_NOTE, 2000, save_tracing, 0, 0,
          TRACING_NOTE),

  STRUCT ("/risk/reasons", "Reasons", SHELTER_FIELD_RISK_REASONS, 2000, save_risk,
          IN (ShelterRiskInput, reasons), IN (ShelterSafetyRow, reasons), 0),
  STRUCT ("/risk/measures", "Protective measures", SHELTER_FIELD_RISK_MEASURES, 2000, save_risk,
          IN (ShelterRiskInput, measures), IN (ShelterSafetyRow, measures), 0),
  STRUCT ("/incident/what", "What happened", SHELTER_FIELD_INCIDENT_WHAT, 4000, save_incident,
          IN (ShelterIncidentInput, what), IN (ShelterSafetyRow, what), 0),
  STRUCT ("/incident/involved", "Who was involved", SHELTER_FIELD_INCIDENT_INVOLVED, 1000,
          save_incident, IN (ShelterIncidentInput, involved), IN (ShelterSafetyRow, involved), 0),
  STRUCT ("/incident/actions", "Actions taken", SHELTER_FIELD_INCIDENT_ACTIONS, 4000,
          save_incident, IN (ShelterIncidentInput, actions), IN (ShelterSafetyRow, actions), 0),
  STRUCT ("/police/officer", "Officer", SHELTER_FIELD_POLICE_OFFICER, 200, save_police,
          IN (ShelterPoliceInput, officer), IN (ShelterSafetyRow, officer), 0),
  STRUCT ("/police/reference", "Reference", SHELTER_FIELD_POLICE_REFERENCE, 200, save_police,
          IN (ShelterPoliceInput, reference), IN (ShelterSafetyRow, reference), 0),
  STRUCT ("/police/note", "What was said or done", SHELTER_FIELD_POLICE_NOTE, 2000, save_police,
          IN (ShelterPoliceInput, note), IN (ShelterSafetyRow, note), 0),

  { "/service/provider", "Outside provider", SHELTER_FIELD_SERVICE_PROVIDER, 200, 0,
    save_service, NULL, IN (ShelterServiceRecord, provider) },
  { "/service/description", "What was done", SHELTER_FIELD_SERVICE_DESCRIPTION, 2000, 0,
    save_service, NULL, IN (ShelterServiceRecord, description) },
  { "/service/outcome", "Outcome", SHELTER_FIELD_SERVICE_OUTCOME, 2000, 0, save_service,
    NULL, IN (ShelterServiceRecord, outcome) },

  STRUCT ("/partner/name", "Name", SHELTER_FIELD_PARTNER_NAME, 200, save_partner,
          IN (ShelterPartnerInput, name), IN (ShelterPartnerRow, name), 0),
  STRUCT ("/partner/contact-person", "Contact person", SHELTER_FIELD_PARTNER_CONTACT, 100,
          save_partner, IN (ShelterPartnerInput, contact_person),
          IN (ShelterPartnerRow, contact_person), 0),
  STRUCT ("/partner/address", "Address", SHELTER_FIELD_PARTNER_TEXT, 300, save_partner,
          IN (ShelterPartnerInput, address), IN (ShelterPartnerRow, address), 0),
  STRUCT ("/partner/services", "Services", SHELTER_FIELD_PARTNER_TEXT, 1000, save_partner,
          IN (ShelterPartnerInput, services), IN (ShelterPartnerRow, services), 0),

  STRUCT ("/placement/move-reason", "Reason for the move", SHELTER_FIELD_MOVE_REASON, 200, save_move_reason,
          0, 0, 0),
  STRUCT ("/placement/absence-note", "Note", SHELTER_FIELD_ABSENCE_NOTE, 500, save_absence_note,
          0, 0, 0),

  STRUCT ("/discharge/address-detail", "Village or street", SHELTER_FIELD_DISCHARGE_ADDRESS, 200,
          save_discharge, IN (ShelterDischargeInput, address_detail),
          IN (ShelterDischargeRow, address_detail), TO_ADDRESS),
  STRUCT ("/discharge/facility-name", "Receiving facility", SHELTER_FIELD_DISCHARGE_FACILITY, 200,
          save_discharge, IN (ShelterDischargeInput, facility_name),
          IN (ShelterDischargeRow, facility_name), TO_FACILITY),
  STRUCT ("/discharge/received-by", "Received by", SHELTER_FIELD_DISCHARGE_RECEIVER, 200,
          save_discharge, IN (ShelterDischargeInput, received_by_name),
          IN (ShelterDischargeRow, received_by), TO_ADDRESS),
  STRUCT ("/discharge/family-not-needed", "Why no family contact",
          SHELTER_FIELD_DISCHARGE_FAMILY_NOT_NEEDED, 1000, save_discharge,
          IN (ShelterDischargeInput, family_not_needed),
          IN (ShelterDischargeRow, family_not_needed), TO_ADDRESS),
  STRUCT ("/discharge/commune-informed-whom", "Commune officer",
          SHELTER_FIELD_DISCHARGE_COMMUNE_WHOM, 200, save_discharge,
          IN (ShelterDischargeInput, commune_informed_whom),
          IN (ShelterDischargeRow, commune_informed_whom), TO_ADDRESS),
  STRUCT ("/discharge/police-informed-whom", "Police unit or officer",
          SHELTER_FIELD_DISCHARGE_POLICE_WHOM, 200, save_discharge,
          IN (ShelterDischargeInput, police_informed_whom),
          IN (ShelterDischargeRow, police_informed_whom), TO_ADDRESS),
  STRUCT ("/discharge/travel-not-needed", "Why no travel money",
          SHELTER_FIELD_DISCHARGE_TRAVEL_NOT_NEEDED, 1000, save_discharge,
          IN (ShelterDischargeInput, travel_not_needed),
          IN (ShelterDischargeRow, travel_not_needed), TO_ADDRESS),
  STRUCT ("/discharge/reintegration-plan", "Reintegration plan",
          SHELTER_FIELD_DISCHARGE_REINTEGRATION, 4000, save_discharge,
          IN (ShelterDischargeInput, reintegration_plan),
          IN (ShelterDischargeRow, reintegration_plan), TO_ADDRESS),
  STRUCT ("/discharge/override-reason", "Reason for going on", SHELTER_FIELD_DISCHARGE_OVERRIDE,
          1000, save_discharge, IN (ShelterDischargeInput, override_reason),
          IN (ShelterDischargeRow, override_reason), TO_ADDRESS),
  STRUCT ("/discharge/death-cause", "Cause of death", SHELTER_FIELD_DEATH_CAUSE, 500,
          save_discharge, IN (ShelterDischargeInput, death_cause),
          IN (ShelterDischargeRow, death_cause), DEATH),
  STRUCT ("/discharge/death-informed", "Who was informed", SHELTER_FIELD_DEATH_INFORMED, 1000,
          save_discharge, IN (ShelterDischargeInput, death_informed),
          IN (ShelterDischargeRow, death_informed), DEATH),

  PREPARED ("/follow-up/done-by", "Done by", SHELTER_FIELD_FOLLOW_UP_DONE_BY, 200, 0,
            save_follow_up, IN (ShelterFollowUpInput, done_by), IN (ShelterFollowUpRow, done_by),
            0, prepare_discharged),
  PREPARED ("/follow-up/activity-note", "Work or school", SHELTER_FIELD_FOLLOW_UP_ACTIVITY, 500,
            0, save_follow_up, IN (ShelterFollowUpInput, activity_note),
            IN (ShelterFollowUpRow, activity_note), 0, prepare_discharged),
  PREPARED ("/follow-up/next-step", "Next step", SHELTER_FIELD_FOLLOW_UP_NEXT_STEP, 1000, 0,
            save_follow_up, IN (ShelterFollowUpInput, next_step),
            IN (ShelterFollowUpRow, next_step), 0, prepare_discharged),
  PREPARED ("/follow-up/notes", "Notes", SHELTER_FIELD_FOLLOW_UP_NOTES, 2000, 0, save_follow_up,
            IN (ShelterFollowUpInput, notes), IN (ShelterFollowUpRow, notes), 0,
            prepare_discharged),
  PREPARED ("/case-closure/reason", "Reason", SHELTER_FIELD_CASE_CLOSURE_REASON, 1000, 0,
            save_closure, 0, 0, CLOSURE_REASON, prepare_discharged),
  PREPARED ("/case-closure/summary", "Summary", SHELTER_FIELD_CASE_CLOSURE_SUMMARY, 4000, 0,
            save_closure, 0, 0, CLOSURE_SUMMARY, prepare_discharged),

  STRUCT ("/plan/need-note", "Health", SHELTER_FIELD_ASSESSMENT_AREAS, 1000, save_need_note, 0,
          0, 0),
  PREPARED ("/plan/goal", "Goal 1", SHELTER_FIELD_PLAN_GOAL_TEXT, 500, 0, save_goal,
            IN (ShelterGoalInput, goal), IN (ShelterGoalRow, goal), 0, prepare_assessed),
  PREPARED ("/plan/services", "Goal 1", SHELTER_FIELD_PLAN_GOAL_SERVICES, 500, 0, save_goal,
            IN (ShelterGoalInput, services), IN (ShelterGoalRow, services), 0, prepare_assessed),
  PREPARED ("/plan/responsible", "Goal 1", SHELTER_FIELD_PLAN_GOAL_RESPONSIBLE, 200, 0,
            save_goal, IN (ShelterGoalInput, responsible), IN (ShelterGoalRow, responsible), 0,
            prepare_assessed),
  PREPARED ("/plan/progress-note", "Progress note", SHELTER_FIELD_PLAN_NOTE, 4000, 0,
            save_plan_note, 0, 0, 0, prepare_plan),
  PREPARED ("/plan/cancel-reason", "Reason", SHELTER_FIELD_PLAN_REASON, 1000, 0,
            save_plan_cancel, 0, 0, 0, prepare_plan),

  STRUCT ("/meals/diet-note", "Note for the kitchen", SHELTER_FIELD_DIET_NOTE, 300, save_diet, 0,
          0, DIET_NOTE),
  STRUCT ("/meals/allergies", "Allergies", SHELTER_FIELD_DIET_ALLERGIES, 300, save_diet, 0, 0,
          DIET_ALLERGIES),
  STRUCT ("/meals/rate-basis", "Legal basis", SHELTER_FIELD_RATE_BASIS, 300, save_rate, 0, 0, 0),
  STRUCT ("/stay-limit/legal-basis", "Legal basis", SHELTER_FIELD_STAY_LIMIT_BASIS, 300,
          save_stay_limit, 0, 0, 0),

  STRUCT ("/service/confidential-note", "Confidential note", SHELTER_FIELD_SERVICE_NOTE, 4000,
          save_confidential_note, 0, 0, 0),
  PREPARED ("/service/void-reason", "Reason", SHELTER_FIELD_SERVICE_VOID_REASON, 500, 0,
            save_void_reason, 0, 0, 0, prepare_service),
  STRUCT ("/service/exception-reason", "Reason for the exception", SHELTER_FIELD_EXCEPTION_REASON,
          500, save_exception, 0, 0, 0),

  PREPARED ("/referral/purpose", "Purpose", SHELTER_FIELD_REFERRAL_PURPOSE, 1000, 0,
            save_referral, 0, IN (ShelterReferralRow, purpose), REFERRAL_PURPOSE,
            prepare_partner),
  PREPARED ("/referral/risks", "Risks and vulnerability", SHELTER_FIELD_REFERRAL_TEXT, 1000, 0,
            save_referral, 0, IN (ShelterReferralRow, risk_assessment), REFERRAL_RISKS,
            prepare_referral),
  PREPARED ("/referral/opinion", "The person’s opinion", SHELTER_FIELD_REFERRAL_TEXT, 1000, 0,
            save_referral, 0, IN (ShelterReferralRow, person_opinion), REFERRAL_OPINION,
            prepare_referral),
  PREPARED ("/referral/offer", "What the agency offers", SHELTER_FIELD_REFERRAL_TEXT, 1000, 0,
            save_referral, 0, IN (ShelterReferralRow, agency_offer), REFERRAL_OFFER,
            prepare_referral),
  PREPARED ("/referral/withdraw-reason", "Reason", SHELTER_FIELD_REFERRAL_TEXT, 1000, 0,
            save_referral, 0, IN (ShelterReferralRow, withdraw_reason), REFERRAL_WITHDRAW,
            prepare_referral),
  PREPARED ("/partner/phone", "Phone", SHELTER_FIELD_PARTNER_PHONE, 0, FORMAT,
            save_partner_contact, IN (ShelterPartnerInput, phone), IN (ShelterPartnerRow, phone),
            0, NULL),
  PREPARED ("/partner/email", "E-mail", SHELTER_FIELD_PARTNER_EMAIL, 0, FORMAT,
            save_partner_contact, IN (ShelterPartnerInput, email), IN (ShelterPartnerRow, email),
            0, NULL),
  PREPARED ("/discharge/belongings", "Belongings", SHELTER_FIELD_DISCHARGE_BELONGINGS, 200, 0,
            save_discharge, 0, 0, BELONGINGS, prepare_belonging),

  STRUCT ("/report/case-list-reason", "Reason", SHELTER_FIELD_CASE_LIST_REASON, 500,
          save_case_list_reason, 0, 0, 0),
};

/* ---- The drill ----------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ShelterStay) stay = NULL;
  ShelterRelativeInput mother = {
    .full_name = "Lò Thị Sua", .relation = "mother", .may_contact = TRUE, .safety = "safe",
  };
  g_autoptr (GError) error = NULL;

  fixture->db = test_db_new ();
  fixture->caseworker = test_session_new (fixture->db, "caseworker");
  fixture->manager = test_session_new (fixture->db, "manager");
  fixture->admin = test_session_new (fixture->db, "administrator");
  test_add_account (fixture->db, "test.caseworker", "Trần Thị Lan", "caseworker");
  test_add_account (fixture->db, "test.manager", "Hoàng Văn Thắng", "manager");
  test_add_account (fixture->db, "test.counsellor", "Phạm Ngọc Minh", "counsellor");
  fixture->room = test_add_room (fixture->caseworker, "A101", "female", "any", 40);
  fixture->other_room = test_add_room (fixture->caseworker, "A102", "female", "any", 40);
  stay = new_stay (fixture, FALSE);
  fixture->stay_id = shelter_stay_get_id (stay);
  fixture->person_id = shelter_stay_get_person_id (stay);
  mother.person_id = fixture->person_id;
  fixture->relative_id = shelter_family_save_relative (fixture->caseworker, &mother, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->caseworker);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->admin);
  g_clear_object (&fixture->db);
}

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

static char *
repeat (const char *character,
        int         times)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < times; i++)
    g_string_append (text, character);
  return g_string_free (text, FALSE);
}

/* @text is refused naming @field, and nothing is written. */
static void
assert_refused (Fixture     *fixture,
                const Field *field,
                const char  *text,
                const char  *what)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 before;

  if (field->save != save_centre)
    spare_stay (fixture, field->save == save_tracing);
  if (field->prepare != NULL)
    field->prepare (fixture);
  before = audit_entries (fixture);

  stored = field->save (fixture, field, text, &error);
  if (stored != NULL || error == NULL)
    g_error ("%s: %s was saved as “%s”", field->path, what, stored);
  if (!g_error_matches (error, SHELTER_FIELD_ERROR, (int) field->code))
    g_error ("%s: %s was refused with “%s” (%s %d), not naming the field", field->path, what,
             error->message, g_quark_to_string (error->domain), error->code);
  if (!g_str_has_prefix (error->message, field->label))
    g_error ("%s: %s was refused with “%s”, which does not start with “%s”", field->path, what,
             error->message, field->label);
  /* A refused centre set-up leaves the new database without accounts or audit. */
  g_assert_cmpint (audit_entries (fixture), ==, field->save == save_centre ? 0 : before);
}

static void
assert_kept (Fixture     *fixture,
             const Field *field,
             const char  *text,
             const char  *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;

  if (field->prepare != NULL)
    field->prepare (fixture);
  stored = field->save (fixture, field, text, &error);
  if (error != NULL)
    g_error ("%s: “%s” was refused: %s", field->path, expected, error->message);
  if (g_strcmp0 (stored, expected) != 0)
    g_error ("%s: “%s” came back as “%s”", field->path, expected, stored);
}

static void
test_field (Fixture       *fixture,
            gconstpointer  data)
{
  const Field *field = data;
  static const char *typed[] = {
    "Phạm Thị Ngọc Ánh ở xã Ỷ Tý, Đắk Lắk",
    "Bác sĩ 👩‍⚕️ đã khám",
    "مرحبا بكم — שלום",
    "'; DROP TABLE person; --",
    "\" OR 1=1",
    "Cô ấy nói: \"về nhà\" và ‘không’",
  };
  static const char *names[] = { "Phạm Ngọc Ánh", "فاطمة", "H'Hen Niê", "Ê-đê" };

  if (!(field->flags & FORMAT))
    {
      g_autofree char *decomposed = nfd ("Nguyễn Thị Hường Ỷ");

      assert_kept (fixture, field, decomposed, "Nguyễn Thị Hường Ỷ");
      if (field->flags & NAME)
        {
          for (guint i = 0; i < G_N_ELEMENTS (names); i++)
            assert_kept (fixture, field, names[i], names[i]);
          assert_refused (fixture, field, "Lan 👩‍⚕️", "an emoji in a name");
          assert_refused (fixture, field, "Lan'; DROP TABLE person; --", "SQL in a name");
        }
      else
        for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
          {
            /* A short field (a room code) gets as much of the text as it holds. */
            glong length = MIN (g_utf8_strlen (typed[i], -1), field->limit);
            g_autofree char *fits = g_utf8_substring (typed[i], 0, length);

            g_strstrip (fits);
            assert_kept (fixture, field, fits, fits);
          }
    }

  assert_refused (fixture, field, "Lan\x01 Anh", "a control character (U+0001)");
  assert_refused (fixture, field, "\x1b[31mLan", "an escape sequence");

  if (!(field->flags & (NO_LIMIT | FORMAT)))
    {
      g_autofree char *at_limit = repeat ("ữ", field->limit);
      g_autofree char *over = repeat ("ữ", field->limit + 1);

      assert_kept (fixture, field, at_limit, at_limit);
      assert_refused (fixture, field, over, "one character over the limit");
    }
}

/* User names are stricter (ASCII letters, digits, dots): whatever else is typed is refused,
 * naming the field, and no account is made. */
static void
test_username (Fixture       *fixture,
               gconstpointer  data)
{
  static const char *refused[] = {
    "hường", "nurse👩‍⚕️", "فاطمة", "a'; DROP TABLE staff_user; --", "x\" OR 1=1", "lan\x01",
    "\x1b[31m", "ab",
  };
  gint64 before = test_count (fixture->db, "SELECT count(*) FROM staff_user");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ShelterUser) user = shelter_user_new ();
      g_autoptr (GError) error = NULL;

      shelter_user_set_username (user, refused[i]);
      shelter_user_set_full_name (user, "Trần Thị Lan");
      shelter_user_set_role (user, "caseworker");
      g_assert_false (shelter_accounts_create (fixture->admin, user, "ngựa-vằn-ăn-cỏ-2026",
                                               &error));
      g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_USERNAME);
      g_assert_true (g_str_has_prefix (error->message, "User name"));
    }
  g_assert_cmpint (test_count (fixture->db, "SELECT count(*) FROM staff_user"), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *path = g_strconcat ("/hostile-fields", fields[i].path, NULL);

      g_test_add (path, Fixture, &fields[i], fixture_set_up, test_field, fixture_tear_down);
    }
  g_test_add ("/hostile-fields/account/username", Fixture, NULL, fixture_set_up, test_username,
              fixture_tear_down);
  return g_test_run ();
}
