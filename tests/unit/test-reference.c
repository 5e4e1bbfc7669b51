/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shelter-audit.h"
#include "shelter-reference.h"
#include "shelter-text.h"
#include "test-common.h"

/* The codes below are real ones of the seeded reference data (db/schema/0001-seed-*.sql):
 * in the 63-province scheme, Quận Ba Đình (001) of Hà Nội (01) and its wards Phường Phúc Xá
 * (00001, wholly in today's Phường Hồng Hà 00097) and Phường Ngọc Hà (00016, split between
 * today's Phường Ba Đình 00004 and Phường Ngọc Hà 00008); Phường Trần Phú (00691) of Hà
 * Giang (02), wholly in Phường Hà Giang 2 of today's Tuyên Quang (08). */

typedef struct
{
  ShelterDb *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_db_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
}

static ShelterReferenceEntry *
find_code (GPtrArray  *entries,
           const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->code, code))
        return entry;
    }
  return NULL;
}

static void
test_legacy_districts_and_communes (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr (GPtrArray) districts = NULL;
  g_autoptr (GPtrArray) communes = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReferenceEntry *entry;

  /* Hà Nội had 30 districts, by code. */
  districts = shelter_reference_legacy_districts (fixture->db, "01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (districts->len, ==, 30);
  entry = g_ptr_array_index (districts, 0);
  g_assert_cmpstr (entry->code, ==, "001");
  g_assert_cmpstr (entry->full_name, ==, "Quận Ba Đình");
  g_assert_cmpstr (entry->scheme, ==, SHELTER_LEGACY_ADDRESS_SCHEME);
  g_assert_cmpstr (entry->parent_code, ==, "01");

  /* Quận Ba Đình had 13 wards, Phúc Xá first. */
  communes = shelter_reference_legacy_communes (fixture->db, "001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (communes->len, ==, 13);
  entry = g_ptr_array_index (communes, 0);
  g_assert_cmpstr (entry->code, ==, "00001");
  g_assert_cmpstr (entry->full_name, ==, "Phường Phúc Xá");
  entry = find_code (communes, "00016");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->name, ==, "Ngọc Hà");
  g_assert_cmpstr (entry->parent_code, ==, "001");
  /* Only the district's own. */
  g_assert_null (find_code (communes, "00037"));

  /* Today's scheme has no districts. */
  none = shelter_reference_store_districts (fixture->db, SHELTER_ADDRESS_SCHEME, "01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_ptr_array_unref);
  none = shelter_reference_legacy_communes (fixture->db, "999", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_legacy_full_converts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterLegacyConversion) conversion = NULL;
  g_autoptr (ShelterLegacyConversion) moved = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReferenceMapping *only;

  g_assert_true (shelter_reference_convert_legacy_commune (fixture->db, "00001", &conversion,
                                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (conversion->kind, ==, SHELTER_LEGACY_CONVERSION_FULL);
  g_assert_cmpstr (conversion->commune->code, ==, "00097");
  g_assert_cmpstr (conversion->commune->full_name, ==, "Phường Hồng Hà");
  g_assert_cmpstr (conversion->commune->scheme, ==, SHELTER_ADDRESS_SCHEME);
  g_assert_cmpstr (conversion->province->code, ==, "01");
  g_assert_cmpstr (conversion->province->full_name, ==, "Thành phố Hà Nội");
  /* What it was converted from, for the form to say. */
  g_assert_cmpstr (conversion->old_commune->full_name, ==, "Phường Phúc Xá");
  g_assert_cmpstr (conversion->old_district->full_name, ==, "Quận Ba Đình");
  g_assert_cmpstr (conversion->old_province->full_name, ==, "Thành phố Hà Nội");
  g_assert_cmpuint (conversion->candidates->len, ==, 1);
  only = g_ptr_array_index (conversion->candidates, 0);
  g_assert_cmpstr (only->kind, ==, "full");

  /* A province merged into another: the province changes with the commune. */
  g_assert_true (shelter_reference_convert_legacy_commune (fixture->db, "00691", &moved,
                                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (moved->kind, ==, SHELTER_LEGACY_CONVERSION_FULL);
  g_assert_cmpstr (moved->old_province->full_name, ==, "Tỉnh Hà Giang");
  g_assert_cmpstr (moved->commune->full_name, ==, "Phường Hà Giang 2");
  g_assert_cmpstr (moved->province->code, ==, "08");
  g_assert_cmpstr (moved->province->full_name, ==, "Tỉnh Tuyên Quang");
}

static void
test_legacy_partial_gives_candidates (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr (ShelterLegacyConversion) conversion = NULL;
  g_autoptr (GError) error = NULL;
  ShelterReferenceMapping *first;
  ShelterReferenceMapping *second;

  g_assert_true (shelter_reference_convert_legacy_commune (fixture->db, "00016", &conversion,
                                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (conversion->kind, ==, SHELTER_LEGACY_CONVERSION_CHOOSE);
  /* Not converted by itself: the user chooses. */
  g_assert_null (conversion->commune);
  g_assert_null (conversion->province);
  g_assert_cmpstr (conversion->old_commune->full_name, ==, "Phường Ngọc Hà");

  g_assert_cmpuint (conversion->candidates->len, ==, 2);
  first = g_ptr_array_index (conversion->candidates, 0);
  second = g_ptr_array_index (conversion->candidates, 1);
  g_assert_cmpstr (first->commune->code, ==, "00004");
  g_assert_cmpstr (first->commune->full_name, ==, "Phường Ba Đình");
  g_assert_cmpstr (first->province->code, ==, "01");
  g_assert_cmpstr (first->kind, ==, "partial");
  g_assert_cmpstr (second->commune->code, ==, "00008");
  g_assert_cmpstr (second->commune->full_name, ==, "Phường Ngọc Hà");
  g_assert_cmpstr (second->kind, ==, "partial");
}

static void
test_legacy_unknown_gives_nothing (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (ShelterLegacyConversion) unknown = NULL;
  g_autoptr (ShelterLegacyConversion) missing = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (shelter_reference_convert_legacy_commune (fixture->db, "99999", &unknown,
                                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (unknown->kind, ==, SHELTER_LEGACY_CONVERSION_NONE);
  g_assert_cmpuint (unknown->candidates->len, ==, 0);
  g_assert_null (unknown->old_commune);
  g_assert_null (unknown->commune);
  g_assert_null (unknown->province);

  /* The mapping names a commune (23737) that today's list lacks: nothing to offer, rather
   * than a code the form could not show. */
  g_assert_true (shelter_reference_convert_legacy_commune (fixture->db, "23938", &missing,
                                                           &error));
  g_assert_no_error (error);
  g_assert_cmpint (missing->kind, ==, SHELTER_LEGACY_CONVERSION_NONE);
  g_assert_nonnull (missing->old_commune);
  g_assert_cmpuint (missing->candidates->len, ==, 0);
}

static void
test_describe_address (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *today = NULL;
  g_autofree char *province = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *nothing = NULL;

  legacy = shelter_reference_describe_address (fixture->db, SHELTER_LEGACY_ADDRESS_SCHEME,
                                               "01", "00016", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (legacy, ==, "Phường Ngọc Hà, Quận Ba Đình, Thành phố Hà Nội");

  /* The same code in today's scheme is another ward. */
  today = shelter_reference_describe_address (fixture->db, SHELTER_ADDRESS_SCHEME, NULL,
                                              "00004", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (today, ==, "Phường Ba Đình, Thành phố Hà Nội");

  province = shelter_reference_describe_address (fixture->db, SHELTER_LEGACY_ADDRESS_SCHEME,
                                                 "02", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (province, ==, "Tỉnh Hà Giang");

  /* What the lists do not know is shown as stored, not dropped. */
  unknown = shelter_reference_describe_address (fixture->db, SHELTER_ADDRESS_SCHEME, "99",
                                                "99999", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unknown, ==, "99999, 99");

  nothing = shelter_reference_describe_address (fixture->db, SHELTER_ADDRESS_SCHEME, NULL, NULL,
                                                &error);
  g_assert_no_error (error);
  g_assert_null (nothing);
}

/* The fields of the person form's "who" part that come with the intake: checked and cleaned
 * by shelter_person_validate(). */

static GDateTime *
test_now (void)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");

  return g_date_time_new (vietnam, 2026, 11, 22, 9, 0, 0);
}

static void
assert_field_error (ShelterPerson *person,
                    ShelterField   field)
{
  g_autoptr (GDateTime) now = test_now ();
  g_autoptr (GError) error = NULL;

  g_assert_false (shelter_person_validate (person, now, &error));
  g_assert_error (error, SHELTER_FIELD_ERROR, (int) field);
  g_assert_nonnull (error->message);
}

static void
test_validate_cleans_new_fields (void)
{
  g_autoptr (ShelterPerson) person = test_person_new ("Giàng", "Thị", "Mỷ", "female", "2004");
  g_autoptr (GDateTime) now = test_now ();
  g_autoptr (GError) error = NULL;

  /* "Mỷ" typed decomposed (y, then the combining hook above), with stray spaces: stored in
   * NFC, trimmed, spaces folded. */
  shelter_person_set_other_names (person, "  My\xcc\x89,   Mai  Lý ");
  shelter_person_set_languages (person, "tiếng H'Mông,   tiếng Việt ");
  shelter_person_set_home_detail (person, "  thôn   Sà Phìn A ");
  shelter_person_set_religion (person, "protestantism");
  shelter_person_set_interpreter_needed (person, TRUE);
  shelter_person_set_origin_scheme (person, SHELTER_LEGACY_ADDRESS_SCHEME);
  shelter_person_set_origin_province_code (person, "02");
  shelter_person_set_origin_commune_code (person, "00691");

  g_assert_true (shelter_person_validate (person, now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_other_names (person), ==, "Mỷ, Mai Lý");
  g_assert_cmpstr (shelter_person_get_languages (person), ==, "tiếng H'Mông, tiếng Việt");
  g_assert_cmpstr (shelter_person_get_home_detail (person), ==, "thôn Sà Phìn A");
  g_assert_cmpstr (shelter_person_get_religion (person), ==, "protestantism");
  /* A hometown from old papers is kept in their scheme. */
  g_assert_cmpstr (shelter_person_get_origin_scheme (person), ==, "vn-63");
  g_assert_cmpstr (shelter_person_get_origin_commune_code (person), ==, "00691");

  /* Blank is unknown, never "". */
  shelter_person_set_other_names (person, "   ");
  shelter_person_set_origin_province_code (person, NULL);
  shelter_person_set_origin_commune_code (person, NULL);
  g_assert_true (shelter_person_validate (person, now, &error));
  g_assert_null (shelter_person_get_other_names (person));
  g_assert_null (shelter_person_get_origin_scheme (person));
}

static void
test_validate_refuses_new_fields (void)
{
  g_autoptr (GString) long_text = g_string_new (NULL);

  for (int i = 0; i < 201; i++)
    g_string_append (long_text, "ạ");

#define CHECK(setup, field)                                                           \
  G_STMT_START {                                                                      \
    g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Văn", "Sáng", "male",  \
                                                        "1999-02-03");                \
    setup;                                                                            \
    assert_field_error (person, field);                                               \
  } G_STMT_END

  CHECK (shelter_person_set_other_names (person, long_text->str), SHELTER_FIELD_OTHER_NAMES);
  CHECK (shelter_person_set_other_names (person, "Sáng\x01"), SHELTER_FIELD_OTHER_NAMES);
  CHECK (shelter_person_set_languages (person, long_text->str), SHELTER_FIELD_LANGUAGES);
  CHECK (shelter_person_set_home_detail (person, long_text->str), SHELTER_FIELD_HOME_ADDRESS);
  CHECK (shelter_person_set_religion (person, "pastafarianism"), SHELTER_FIELD_RELIGION);
  CHECK ({
           shelter_person_set_origin_scheme (person, "vn-1976");
           shelter_person_set_origin_province_code (person, "14");
         }, SHELTER_FIELD_ORIGIN_ADDRESS);
  CHECK ({
           shelter_person_set_origin_province_code (person, "14");
         }, SHELTER_FIELD_ORIGIN_ADDRESS);
  CHECK ({
           shelter_person_set_origin_scheme (person, SHELTER_ADDRESS_SCHEME);
           shelter_person_set_origin_province_code (person, "Sơn La");
         }, SHELTER_FIELD_ORIGIN_ADDRESS);
  CHECK ({
           shelter_person_set_origin_scheme (person, SHELTER_ADDRESS_SCHEME);
           shelter_person_set_origin_province_code (person, "14");
           shelter_person_set_origin_commune_code (person, "041");
         }, SHELTER_FIELD_ORIGIN_ADDRESS);
#undef CHECK

  /* 200 characters are allowed. */
  {
    g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Văn", "Sáng", "male",
                                                        "1999-02-03");
    g_autoptr (GDateTime) now = test_now ();

    g_string_truncate (long_text, 200 * strlen ("ạ"));
    shelter_person_set_languages (person, long_text->str);
    g_assert_true (shelter_person_validate (person, now, NULL));
  }
}

/* An edit of the new fields is found by the alias and written in the audit trail, the
 * street hidden like the phone. */
static void
test_save_alias_and_audit (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (ShelterSession) session = test_session_new (fixture->db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Giàng", "Thị", "Mỷ", "female",
                                                      "2004");
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GArray) found = NULL;
  g_autoptr (GBytes) sort_key = shelter_text_name_sort_key ("Giàng", "Thị", "Mỷ");
  g_autoptr (GError) error = NULL;
  ShelterStamp stamp = { .actor = "test.caseworker", .at = "2026-11-21T10:00:00+07:00" };

  shelter_person_set_case_code (person, "2026-0001");
  shelter_person_set_nationality_status (person, "citizen");
  shelter_person_set_nationality (person, "VN");
  shelter_person_set_id_paper (person, "none");
  g_assert_true (shelter_person_store_insert (fixture->db, person, sort_key, "giang thi my",
                                              &stamp, &error));
  g_assert_no_error (error);

  shelter_person_set_other_names (person, "Mai Lý");
  shelter_person_set_home_detail (person, "thôn Sà Phìn A");
  shelter_person_set_interpreter_needed (person, TRUE);
  shelter_person_set_origin_scheme (person, SHELTER_ADDRESS_SCHEME);
  shelter_person_set_origin_province_code (person, "08");
  shelter_person_set_origin_commune_code (person, "00691");
  g_assert_true (shelter_person_save (session, person, NULL, &error));
  g_assert_no_error (error);

  stored = shelter_person_store_get (fixture->db, shelter_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter_person_get_other_names (stored), ==, "Mai Lý");
  g_assert_cmpstr (shelter_person_get_origin_commune_code (stored), ==, "00691");
  g_assert_true (shelter_person_get_interpreter_needed (stored));

  found = shelter_residents_search (session, "mai ly", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, shelter_person_get_id (person));

  g_assert_cmpint (test_count (fixture->db,
                               "SELECT count(*) FROM audit_log WHERE action = 'update' "
                               "AND details LIKE '%other-names:  -> Mai Lý%' "
                               "AND details LIKE '%home-detail: (hidden) -> (hidden)%' "
                               "AND details NOT LIKE '%Sà Phìn%' "
                               "AND details LIKE '%interpreter-needed: no -> yes%' "
                               "AND details LIKE '%origin-commune-code:  -> 00691%'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reference/legacy/districts-and-communes", test_legacy_districts_and_communes);
  ADD ("/reference/legacy/full-mapping-converts", test_legacy_full_converts);
  ADD ("/reference/legacy/partial-mapping-gives-candidates", test_legacy_partial_gives_candidates);
  ADD ("/reference/legacy/unknown-code-gives-nothing", test_legacy_unknown_gives_nothing);
  ADD ("/reference/describe-address", test_describe_address);
  ADD ("/app/person/save-finds-alias-and-audits", test_save_alias_and_audit);
#undef ADD
  g_test_add_func ("/app/person/validate-cleans-new-fields", test_validate_cleans_new_fields);
  g_test_add_func ("/app/person/validate-refuses-new-fields", test_validate_refuses_new_fields);

  return g_test_run ();
}
