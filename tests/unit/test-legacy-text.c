/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "shelter-legacy-text.h"

/* An encoder written here from the published layouts, so that the converter is checked
 * against a second reading of the same facts: every vowel, in the tone order none,
 * grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng). */
static const char *vowels_lower[] = {
  "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
  "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
};
static const char *vowels_upper[] = {
  "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
  "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
};

static const guint8 tcvn3_codes[12][6] = {
  { 'a', 0xB5, 0xB6, 0xB7, 0xB8, 0xB9 }, { 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6 },
  { 0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB }, { 'e', 0xCC, 0xCE, 0xCF, 0xD0, 0xD1 },
  { 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6 }, { 'i', 0xD7, 0xD8, 0xDC, 0xDD, 0xDE },
  { 'o', 0xDF, 0xE1, 0xE2, 0xE3, 0xE4 }, { 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9 },
  { 0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE }, { 'u', 0xEF, 0xF1, 0xF2, 0xF3, 0xF4 },
  { 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9 }, { 'y', 0xFA, 0xFB, 0xFC, 0xFD, 0xFE },
};
/* The capitals TCVN3 has: Ă Â Ê Ô Ơ Ư (no toned capitals). */
static const guint8 tcvn3_capitals[12] = { 'A', 0xA1, 0xA2, 'E', 0xA3, 'I', 'O', 0xA4, 0xA5, 'U', 0xA6, 'Y' };

/* VNI: the base letter, then the mark byte (small forms; capitals are 0x20 lower). */
static const char vni_base[12] = { 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 0, 'u', 0, 'y' };
static const guint8 vni_tone[6] = { 0, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF };
static const guint8 vni_breve[6] = { 0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB };
static const guint8 vni_circumflex[6] = { 0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4 };
static const guint8 vni_i[6] = { 'i', 0xEC, 0xE6, 0xF3, 0xED, 0xF2 };

static gboolean
find_vowel (gunichar  c,
            guint    *row,
            guint    *tone,
            gboolean *upper)
{
  for (guint r = 0; r < 12; r++)
    for (guint pass = 0; pass < 2; pass++)
      {
        const char *p = pass == 0 ? vowels_lower[r] : vowels_upper[r];

        for (guint t = 0; t < 6; t++, p = g_utf8_next_char (p))
          if (g_utf8_get_char (p) == c)
            {
              *row = r;
              *tone = t;
              *upper = pass == 1;
              return TRUE;
            }
      }
  return FALSE;
}

/* @text written as the legacy font wants it, each byte given as the character a file
 * read as Windows-1252 (or an XLSX) shows for it. */
static char *
encode (const char *text,
        gboolean    vni)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint row, tone;
      gboolean upper;

      if (c == 0x0111 || c == 0x0110)
        {
          g_string_append_unichar (out, vni ? (c == 0x0111 ? 0xF1 : 0xD1)
                                            : (c == 0x0111 ? 0xAE : 0xA7));
          continue;
        }
      if (!find_vowel (c, &row, &tone, &upper))
        {
          g_assert_cmpuint (c, <, 0x80);
          g_string_append_unichar (out, c);
          continue;
        }
      if (!vni)
        {
          /* A toned capital has no code: the test sentences have none. */
          g_assert_true (!upper || tone == 0);
          g_string_append_unichar (out, upper ? tcvn3_capitals[row] : tcvn3_codes[row][tone]);
          continue;
        }
      {
        guint shift = upper ? 0x20 : 0;

        if (row == 5)
          {
            gunichar i = vni_i[tone];

            g_string_append_unichar (out, i == 'i' && upper ? 'I' : upper ? i - 0x20 : i);
            continue;
          }
        if (row == 8 || row == 10)
          g_string_append_unichar (out, (row == 8 ? 0xF4 : 0xF6) - shift);
        else
          g_string_append_c (out, upper ? g_ascii_toupper (vni_base[row]) : vni_base[row]);
        if (row == 1)
          g_string_append_unichar (out, vni_breve[tone] - shift);
        else if (row == 2 || row == 4 || row == 7)
          g_string_append_unichar (out, vni_circumflex[tone] - shift);
        else if (tone != 0)
          g_string_append_unichar (out, (row == 11 && tone == 5 ? 0xEE : vni_tone[tone]) - shift);
      }
    }
  return g_string_free (out, FALSE);
}

static const char *sentences[] = {
  "Nguyễn Thị Hường",
  "Đặng Văn Dũng",
  "Quảng Ninh",
  "Hà Giang",
  "Lào Cai",
  "ngày tiếp nhận",
  "Trần Thị Thúy Hằng, quê quán xã Mường Khương, tỉnh Lào Cai",
  "Phạm Ngọc Lan sinh ngày mồng một tháng giêng, ẩn náu ở thôn Bản Phố",
  "Vũ Thị Yến được đưa về trung tâm bảo trợ xã hội; người giám hộ: bà Lý Thị Ơn",
  "Hoàng Xuân Quỳnh, khuyết tật nhẹ, cần hỗ trợ tâm lý và học nghề may",
  "Đỗ Thị Ngoãn, Điện Biên, nạn nhân bị mua bán sang Trung Quốc năm hai nghìn",
  "Lê Thị Hiếu ở Thừa Thiên Huế, Quảng Trị, Hà Tĩnh, Nghệ An, Thanh Hóa",
  NULL,
};

static void
check_round_trip (const char            *unicode,
                  ShelterLegacyEncoding  encoding)
{
  g_autofree char *legacy = encode (unicode, encoding == SHELTER_LEGACY_VNI);
  g_autofree char *back = shelter_legacy_to_unicode (legacy, encoding);

  g_assert_cmpstr (back, ==, unicode);
}

static void
test_tcvn3_round_trip (void)
{
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      g_autofree char *legacy = encode (sentences[i], FALSE);

      check_round_trip (sentences[i], SHELTER_LEGACY_TCVN3);
      g_assert_cmpint (shelter_legacy_detect (legacy), ==, SHELTER_LEGACY_TCVN3);
    }
  /* Every small vowel with every tone, and the capitals TCVN3 has. */
  for (guint r = 0; r < 12; r++)
    check_round_trip (vowels_lower[r], SHELTER_LEGACY_TCVN3);
  check_round_trip ("Ă Â Ê Ô Ơ Ư Đ đ", SHELTER_LEGACY_TCVN3);

  /* The bytes as they are, e.g. "Nguyễn" in .VnTime is "NguyÔn". */
  {
    g_autofree char *a = shelter_legacy_to_unicode ("Ngun Th\xc2\xb8i B\xc2\xb6o", SHELTER_LEGACY_TCVN3);
    g_autofree char *b = shelter_legacy_to_unicode ("NguyÔn", SHELTER_LEGACY_TCVN3);
    /* .VnTimeH draws capitals with the small letters' codes: they read as small. */
    g_autofree char *c = shelter_legacy_to_unicode ("\xc2\xb8NH", SHELTER_LEGACY_TCVN3);

    g_assert_cmpstr (a, ==, "Ngun Thái Bảo");
    g_assert_cmpstr (b, ==, "Nguyễn");
    g_assert_cmpstr (c, ==, "áNH");
  }
}

static void
test_vni_round_trip (void)
{
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      g_autofree char *legacy = encode (sentences[i], TRUE);
      g_autofree char *upper = g_utf8_strup (sentences[i], -1);

      check_round_trip (sentences[i], SHELTER_LEGACY_VNI);
      check_round_trip (upper, SHELTER_LEGACY_VNI);
      g_test_message ("%s", legacy);
      g_assert_cmpint (shelter_legacy_detect (legacy), ==, SHELTER_LEGACY_VNI);
    }
  for (guint r = 0; r < 12; r++)
    {
      check_round_trip (vowels_lower[r], SHELTER_LEGACY_VNI);
      check_round_trip (vowels_upper[r], SHELTER_LEGACY_VNI);
    }
  {
    g_autofree char *a = shelter_legacy_to_unicode ("Tieáng Vieät raát hay", SHELTER_LEGACY_VNI);
    g_autofree char *b = shelter_legacy_to_unicode ("Xin chaøo caùc baïn", SHELTER_LEGACY_VNI);
    g_autofree char *c = shelter_legacy_to_unicode ("NGUYEÃN THÒ HÖÔØNG", SHELTER_LEGACY_VNI);

    g_assert_cmpstr (a, ==, "Tiếng Việt rất hay");
    g_assert_cmpstr (b, ==, "Xin chào các bạn");
    g_assert_cmpstr (c, ==, "NGUYỄN THỊ HƯỜNG");
  }
}

static void
test_detect_unicode_and_western (void)
{
  const char *unicode[] = {
    "Nguyễn Thị Hường", "Nguyen Van An", "", "0912345678", "Café", "São Paulo",
    "Müller", "Crème brûlée à la française", "José María Ibáñez", "Ångström", "Hôtel de Ville",
    "Señor Pérez", "Jürgen Groß", "Françoise Château", NULL,
  };

  for (guint i = 0; unicode[i] != NULL; i++)
    {
      g_test_message ("%s", unicode[i]);
      g_assert_cmpint (shelter_legacy_detect (unicode[i]), ==, SHELTER_LEGACY_UNICODE);
    }
  g_assert_cmpint (shelter_legacy_detect (NULL), ==, SHELTER_LEGACY_UNICODE);
  g_assert_cmpstr (shelter_legacy_encoding_name (SHELTER_LEGACY_TCVN3), ==, "TCVN3 (ABC)");
  g_assert_cmpstr (shelter_legacy_encoding_name (SHELTER_LEGACY_VNI), ==, "VNI");
  g_assert_cmpstr (shelter_legacy_encoding_name (SHELTER_LEGACY_UNICODE), ==, "Unicode");

  /* Unicode text comes back in NFC. */
  {
    g_autofree char *nfc = shelter_legacy_to_unicode ("Thi\xcc\xa3", SHELTER_LEGACY_UNICODE);

    g_assert_cmpstr (nfc, ==, "Thị");
  }
}

static void
test_detect_all_mixed (void)
{
  g_autofree char *t1 = encode (sentences[0], FALSE);
  g_autofree char *t2 = encode (sentences[1], FALSE);
  g_autofree char *t3 = encode (sentences[2], FALSE);
  g_autofree char *v1 = encode (sentences[3], TRUE);
  g_autofree char *v2 = encode (sentences[4], TRUE);
  const char *mixed[] = { t1, "Nguyen Van An", t2, t3, v1, "", NULL };
  const char *vni[] = { v1, v2, "Tran Van Ba", NULL };
  const char *plain[] = { "Nguyen Van An", "Tran Van Ba", NULL };
  const char *unicode[] = { sentences[0], sentences[1], t1, NULL };
  guint n_other = 99;

  g_assert_cmpint (shelter_legacy_detect_all (mixed, &n_other), ==, SHELTER_LEGACY_TCVN3);
  g_assert_cmpuint (n_other, ==, 1);
  g_assert_cmpint (shelter_legacy_detect_all (vni, &n_other), ==, SHELTER_LEGACY_VNI);
  g_assert_cmpuint (n_other, ==, 0);
  g_assert_cmpint (shelter_legacy_detect_all (plain, &n_other), ==, SHELTER_LEGACY_UNICODE);
  g_assert_cmpuint (n_other, ==, 0);
  g_assert_cmpint (shelter_legacy_detect_all (unicode, &n_other), ==, SHELTER_LEGACY_UNICODE);
  g_assert_cmpuint (n_other, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/legacy-text/tcvn3-round-trip", test_tcvn3_round_trip);
  g_test_add_func ("/app/legacy-text/vni-round-trip", test_vni_round_trip);
  g_test_add_func ("/app/legacy-text/unicode-and-western-stay", test_detect_unicode_and_western);
  g_test_add_func ("/app/legacy-text/detect-all-counts-mixed", test_detect_all_mixed);

  return g_test_run ();
}
