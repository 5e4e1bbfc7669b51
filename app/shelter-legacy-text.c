/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-legacy-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-legacy-text.h"

/* The five tones as Unicode combining marks; a letter is decoded as its base letter
 * (a ă â e ê i o ô ơ u ư y đ) plus at most one of these, then composed with NFC. */
enum
{
  TONE_NONE,
  TONE_ACUTE,
  TONE_GRAVE,
  TONE_HOOK,
  TONE_TILDE,
  TONE_DOT,
};

static const gunichar tone_marks[] = { 0, 0x0301, 0x0300, 0x0309, 0x0303, 0x0323 };

#define A_BREVE      0x0103
#define A_CIRC       0x00E2
#define E_CIRC       0x00EA
#define O_CIRC       0x00F4
#define O_HORN       0x01A1
#define U_HORN       0x01B0
#define D_STROKE     0x0111
#define CAP_A_BREVE  0x0102
#define CAP_A_CIRC   0x00C2
#define CAP_E_CIRC   0x00CA
#define CAP_O_CIRC   0x00D4
#define CAP_O_HORN   0x01A0
#define CAP_U_HORN   0x01AF
#define CAP_D_STROKE 0x0110

typedef struct
{
  guint8   code;  /* the byte, which a file read as Windows-1252 gives as U+00code */
  gunichar base;
  guint8   tone;
} LegacyLetter;

/* TCVN3 (ABC), as the .VnTime fonts lay it out: the seven capitals with a diacritic at
 * 0xA1–0xA7, the small letters with a diacritic from 0xA8, and each toned vowel as one
 * byte in the order grave, hook, tilde, acute, dot. Capitals with a tone have no code:
 * the .VnTimeH fonts draw the small letters' codes as capitals, so they read as small. */
static const LegacyLetter tcvn3_letters[] = {
  { 0xA1, CAP_A_BREVE, TONE_NONE }, { 0xA2, CAP_A_CIRC, TONE_NONE },
  { 0xA3, CAP_E_CIRC, TONE_NONE },  { 0xA4, CAP_O_CIRC, TONE_NONE },
  { 0xA5, CAP_O_HORN, TONE_NONE },  { 0xA6, CAP_U_HORN, TONE_NONE },
  { 0xA7, CAP_D_STROKE, TONE_NONE },
  { 0xA8, A_BREVE, TONE_NONE }, { 0xA9, A_CIRC, TONE_NONE }, { 0xAA, E_CIRC, TONE_NONE },
  { 0xAB, O_CIRC, TONE_NONE },  { 0xAC, O_HORN, TONE_NONE }, { 0xAD, U_HORN, TONE_NONE },
  { 0xAE, D_STROKE, TONE_NONE },
  { 0xB5, 'a', TONE_GRAVE }, { 0xB6, 'a', TONE_HOOK }, { 0xB7, 'a', TONE_TILDE },
  { 0xB8, 'a', TONE_ACUTE }, { 0xB9, 'a', TONE_DOT },
  { 0xBB, A_BREVE, TONE_GRAVE }, { 0xBC, A_BREVE, TONE_HOOK }, { 0xBD, A_BREVE, TONE_TILDE },
  { 0xBE, A_BREVE, TONE_ACUTE }, { 0xC6, A_BREVE, TONE_DOT },
  { 0xC7, A_CIRC, TONE_GRAVE }, { 0xC8, A_CIRC, TONE_HOOK }, { 0xC9, A_CIRC, TONE_TILDE },
  { 0xCA, A_CIRC, TONE_ACUTE }, { 0xCB, A_CIRC, TONE_DOT },
  { 0xCC, 'e', TONE_GRAVE }, { 0xCE, 'e', TONE_HOOK }, { 0xCF, 'e', TONE_TILDE },
  { 0xD0, 'e', TONE_ACUTE }, { 0xD1, 'e', TONE_DOT },
  { 0xD2, E_CIRC, TONE_GRAVE }, { 0xD3, E_CIRC, TONE_HOOK }, { 0xD4, E_CIRC, TONE_TILDE },
  { 0xD5, E_CIRC, TONE_ACUTE }, { 0xD6, E_CIRC, TONE_DOT },
  { 0xD7, 'i', TONE_GRAVE }, { 0xD8, 'i', TONE_HOOK }, { 0xDC, 'i', TONE_TILDE },
  { 0xDD, 'i', TONE_ACUTE }, { 0xDE, 'i', TONE_DOT },
  { 0xDF, 'o', TONE_GRAVE }, { 0xE1, 'o', TONE_HOOK }, { 0xE2, 'o', TONE_TILDE },
  { 0xE3, 'o', TONE_ACUTE }, { 0xE4, 'o', TONE_DOT },
  { 0xE5, O_CIRC, TONE_GRAVE }, { 0xE6, O_CIRC, TONE_HOOK }, { 0xE7, O_CIRC, TONE_TILDE },
  { 0xE8, O_CIRC, TONE_ACUTE }, { 0xE9, O_CIRC, TONE_DOT },
  { 0xEA, O_HORN, TONE_GRAVE }, { 0xEB, O_HORN, TONE_HOOK }, { 0xEC, O_HORN, TONE_TILDE },
  { 0xED, O_HORN, TONE_ACUTE }, { 0xEE, O_HORN, TONE_DOT },
  { 0xEF, 'u', TONE_GRAVE }, { 0xF1, 'u', TONE_HOOK }, { 0xF2, 'u', TONE_TILDE },
  { 0xF3, 'u', TONE_ACUTE }, { 0xF4, 'u', TONE_DOT },
  { 0xF5, U_HORN, TONE_GRAVE }, { 0xF6, U_HORN, TONE_HOOK }, { 0xF7, U_HORN, TONE_TILDE },
  { 0xF8, U_HORN, TONE_ACUTE }, { 0xF9, U_HORN, TONE_DOT },
  { 0xFA, 'y', TONE_GRAVE }, { 0xFB, 'y', TONE_HOOK }, { 0xFC, 'y', TONE_TILDE },
  { 0xFD, 'y', TONE_ACUTE }, { 0xFE, 'y', TONE_DOT },
};

/* VNI (VNI-Windows fonts): letters that are one byte (ơ ư đ and the toned i), the rest a
 * plain letter followed by a mark byte. Capitals use the capital form of each byte. */
static const LegacyLetter vni_letters[] = {
  { 0xF4, O_HORN, TONE_NONE }, { 0xF6, U_HORN, TONE_NONE }, { 0xF1, D_STROKE, TONE_NONE },
  { 0xEC, 'i', TONE_GRAVE }, { 0xED, 'i', TONE_ACUTE }, { 0xE6, 'i', TONE_HOOK },
  { 0xF3, 'i', TONE_TILDE }, { 0xF2, 'i', TONE_DOT },
  { 0xD4, CAP_O_HORN, TONE_NONE }, { 0xD6, CAP_U_HORN, TONE_NONE },
  { 0xD1, CAP_D_STROKE, TONE_NONE },
  { 0xCC, 'I', TONE_GRAVE }, { 0xCD, 'I', TONE_ACUTE }, { 0xC6, 'I', TONE_HOOK },
  { 0xD3, 'I', TONE_TILDE }, { 0xD2, 'I', TONE_DOT },
};

/* VNI mark bytes: which diacritic of the vowel they add (0: none, '^' circumflex on a e o,
 * '(' breve on a) and which tone. Small forms; a capital form is the small one - 0x20. */
typedef struct
{
  guint8 code;
  char   shape;
  guint8 tone;
} VniMark;

static const VniMark vni_marks[] = {
  { 0xF9, 0, TONE_ACUTE }, { 0xF8, 0, TONE_GRAVE }, { 0xFB, 0, TONE_HOOK },
  { 0xF5, 0, TONE_TILDE }, { 0xEF, 0, TONE_DOT },   { 0xEE, 0, TONE_DOT },
  { 0xE2, '^', TONE_NONE }, { 0xE1, '^', TONE_ACUTE }, { 0xE0, '^', TONE_GRAVE },
  { 0xE5, '^', TONE_HOOK }, { 0xE3, '^', TONE_TILDE }, { 0xE4, '^', TONE_DOT },
  { 0xEA, '(', TONE_NONE }, { 0xE9, '(', TONE_ACUTE }, { 0xE8, '(', TONE_GRAVE },
  { 0xFA, '(', TONE_HOOK }, { 0xFC, '(', TONE_TILDE }, { 0xEB, '(', TONE_DOT },
};

static const LegacyLetter *
find_letter (const LegacyLetter *table,
             gsize               n,
             gunichar            c)
{
  for (gsize i = 0; i < n; i++)
    if (table[i].code == c)
      return &table[i];
  return NULL;
}

static const VniMark *
find_vni_mark (gunichar c)
{
  if (c < 0xC0 || c > 0xFF)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (vni_marks); i++)
    if (vni_marks[i].code == c || (gunichar) (vni_marks[i].code - 0x20) == c)
      return &vni_marks[i];
  return NULL;
}

static gboolean
is_plain_vowel (gunichar c)
{
  return c != 0 && c < 0x80 && strchr ("aeiouyAEIOUY", (int) c) != NULL;
}

static gboolean
is_vowel_base (gunichar c)
{
  switch (c)
    {
    case A_BREVE: case A_CIRC: case E_CIRC: case O_CIRC: case O_HORN: case U_HORN:
    case CAP_A_BREVE: case CAP_A_CIRC: case CAP_E_CIRC: case CAP_O_CIRC: case CAP_O_HORN:
    case CAP_U_HORN:
      return TRUE;
    default:
      return is_plain_vowel (c);
    }
}

/* A letter being decoded: its base and tone, written out once the next byte shows no more
 * marks come. */
typedef struct
{
  GString  *out;
  gunichar  base;
  guint8    tone;
  gboolean  pending;
} Decoder;

static void
decoder_flush (Decoder *d)
{
  if (!d->pending)
    return;
  g_string_append_unichar (d->out, d->base);
  if (d->tone != TONE_NONE)
    g_string_append_unichar (d->out, tone_marks[d->tone]);
  d->pending = FALSE;
}

static void
decoder_put (Decoder  *d,
             gunichar  base,
             guint8    tone)
{
  decoder_flush (d);
  d->base = base;
  d->tone = tone;
  d->pending = TRUE;
}

/* @text in @encoding as NFC; *@n_stray counts the characters that have no meaning there
 * (a Latin-1 letter TCVN3 does not use, a VNI mark after no vowel). */
static char *
legacy_decode (const char            *text,
               ShelterLegacyEncoding  encoding,
               guint                 *n_stray)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  Decoder d = { g_string_new (NULL), 0, 0, FALSE };
  char *nfc;

  *n_stray = 0;
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const LegacyLetter *letter = NULL;

      if (encoding == SHELTER_LEGACY_TCVN3)
        {
          if (c >= 0xA0 && c <= 0xFF)
            letter = find_letter (tcvn3_letters, G_N_ELEMENTS (tcvn3_letters), c);
          if (letter != NULL)
            decoder_put (&d, letter->base, letter->tone);
          else
            {
              if (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7)
                (*n_stray)++;
              decoder_put (&d, c, TONE_NONE);
            }
          continue;
        }

      /* VNI */
      {
        const VniMark *mark = find_vni_mark (c);

        if (mark != NULL && d.pending && is_vowel_base (d.base) && d.tone == TONE_NONE)
          {
            gboolean upper = g_unichar_isupper (d.base);
            gunichar lower = g_unichar_tolower (d.base);
            gboolean fits = TRUE;

            if (mark->shape == '^')
              {
                if (lower == 'a')
                  lower = A_CIRC;
                else if (lower == 'e')
                  lower = E_CIRC;
                else if (lower == 'o')
                  lower = O_CIRC;
                else
                  fits = FALSE;
              }
            else if (mark->shape == '(')
              {
                if (lower == 'a')
                  lower = A_BREVE;
                else
                  fits = FALSE;
              }
            else if (mark->code == 0xEE && lower != 'y')
              fits = FALSE;
            if (fits)
              {
                d.base = upper ? g_unichar_toupper (lower) : lower;
                d.tone = mark->tone;
                continue;
              }
          }
        if (c >= 0xC0 && c <= 0xFF)
          letter = find_letter (vni_letters, G_N_ELEMENTS (vni_letters), c);
        if (letter != NULL)
          decoder_put (&d, letter->base, letter->tone);
        else
          {
            if (mark != NULL || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7))
              (*n_stray)++;
            decoder_put (&d, c, TONE_NONE);
          }
      }
    }
  decoder_flush (&d);
  nfc = g_utf8_normalize (d.out->str, -1, G_NORMALIZE_NFC);
  g_string_free (d.out, TRUE);
  return nfc != NULL ? nfc : g_strdup ("");
}

const char *
shelter_legacy_encoding_name (ShelterLegacyEncoding encoding)
{
  switch (encoding)
    {
    case SHELTER_LEGACY_TCVN3:
      return "TCVN3 (ABC)";
    case SHELTER_LEGACY_VNI:
      return "VNI";
    case SHELTER_LEGACY_UNICODE:
    default:
      return "Unicode";
    }
}

char *
shelter_legacy_to_unicode (const char            *text,
                           ShelterLegacyEncoding  encoding)
{
  guint n_stray;

  if (text == NULL)
    return g_strdup ("");
  if (encoding == SHELTER_LEGACY_TCVN3 || encoding == SHELTER_LEGACY_VNI)
    return legacy_decode (text, encoding, &n_stray);
  {
    g_autofree char *valid = g_utf8_make_valid (text, -1);
    char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

    return nfc != NULL ? nfc : g_strdup ("");
  }
}

/* ---- Is it Vietnamese? ------------------------------------------------------------ */

/* A letter split into its base (lower case, ă â ê ô ơ ư đ kept) and its tone. */
static gunichar
split_letter (gunichar  c,
              guint8   *tone)
{
  gunichar decomposed[4];
  gsize n = g_unichar_fully_decompose (g_unichar_tolower (c), FALSE, decomposed, 4);
  gunichar base = decomposed[0];

  *tone = TONE_NONE;
  for (gsize i = 1; i < n; i++)
    {
      switch (decomposed[i])
        {
        case 0x0301: *tone = TONE_ACUTE; break;
        case 0x0300: *tone = TONE_GRAVE; break;
        case 0x0309: *tone = TONE_HOOK; break;
        case 0x0303: *tone = TONE_TILDE; break;
        case 0x0323: *tone = TONE_DOT; break;
        case 0x0306: base = A_BREVE; break;
        case 0x0302:
          base = base == 'a' ? A_CIRC : base == 'e' ? E_CIRC : base == 'o' ? O_CIRC : 0;
          break;
        case 0x031B: base = base == 'o' ? O_HORN : base == 'u' ? U_HORN : 0; break;
        default: return 0;
        }
      if (base == 0)
        return 0;
    }
  return base;
}

static gboolean
has_shape (gunichar base)
{
  return base == A_BREVE || base == A_CIRC || base == E_CIRC || base == O_CIRC
         || base == O_HORN || base == U_HORN;
}

/* The vowel groups a Vietnamese syllable can have, spelt with the letters' bases. */
static const char * const nuclei[] = {
  "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
  "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
  "iêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uyê", "uya", "yêu", "uyu", NULL,
};
/* Those that end in a glide (or are ia ua ưa) close the syllable: no final consonant. */
static const char * const open_nuclei[] = {
  "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi",
  "ưu", "ua", "ưa", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "iêu", "yêu", "uya",
  "uyu", NULL,
};
static const char * const onsets[] = {
  "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "", NULL,
};
static const char * const codas[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL };

static gboolean
in_list (const char * const *list,
         const char         *s)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* 2 for a Vietnamese syllable with its tone where it belongs, 1 for one with the tone on
 * an unusual vowel, 0 for no syllable at all. @word: lower-case bases, @tones alike. */
static int
syllable_score (const gunichar *bases,
                const guint8   *tones,
                guint           n)
{
  g_autoptr(GString) spelt = g_string_new (NULL);
  guint n_tones = 0, tone_at = 0;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_unichar (spelt, bases[i]);
      if (tones[i] != TONE_NONE)
        {
          n_tones++;
          tone_at = i;
        }
    }
  if (n_tones > 1)
    return 0;

  for (guint o = 0; onsets[o] != NULL; o++)
    {
      glong onset_len = g_utf8_strlen (onsets[o], -1);
      guint start = (guint) onset_len, end;
      const char *rest;

      if (!g_str_has_prefix (spelt->str, onsets[o]) || start > n)
        continue;
      end = start;
      while (end < n && (is_plain_vowel (bases[end]) || has_shape (bases[end])))
        end++;
      if (end == start)
        {
          /* "gìn": the i of gi is the vowel. */
          if (strcmp (onsets[o], "gi") == 0)
            continue;
          return 0;
        }
      {
        g_autoptr(GString) nucleus = g_string_new (NULL);
        guint vowels = end - start;
        guint expected;

        for (guint i = start; i < end; i++)
          g_string_append_unichar (nucleus, bases[i]);
        rest = g_utf8_offset_to_pointer (spelt->str, end);
        if (!in_list (nuclei, nucleus->str) || !in_list (codas, rest))
          continue;
        if ((strcmp (nucleus->str, "oo") == 0 && *rest == '\0')
            || (*rest != '\0' && in_list (open_nuclei, nucleus->str)))
          return 0;
        if (n_tones == 0)
          return 2;
        if (tone_at < start || tone_at >= end)
          return 0;
        expected = start;
        for (guint i = start; i < end; i++)
          if (has_shape (bases[i]))
            expected = i;
        if (expected == start && !has_shape (bases[start]))
          {
            if (vowels == 3)
              expected = start + 1;
            else if (vowels == 2 && (*rest != '\0'
                                     || strcmp (nucleus->str, "oa") == 0
                                     || strcmp (nucleus->str, "oe") == 0
                                     || strcmp (nucleus->str, "uy") == 0))
              expected = start + 1;
          }
        if (tone_at == expected)
          return 2;
        /* Old style "hòa", "thúy". */
        if (vowels == 2 && *rest == '\0' && tone_at == start)
          return 2;
        return 1;
      }
    }
  return 0;
}

static gboolean
is_letter_for_words (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* How much @converted reads as Vietnamese: words that carry a Vietnamese letter score
 * as syllables (up to 2 each), words that do not form one cost 3. */
static int
vietnamese_score (const char *converted,
                  guint      *n_words)
{
  int score = 0;
  const char *p = converted;

  *n_words = 0;
  while (*p)
    {
      gunichar bases[16];
      guint8 tones[16];
      guint n = 0;
      gboolean special = FALSE, broken = FALSE;

      while (*p && !is_letter_for_words (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!*p)
        break;
      while (*p && is_letter_for_words (g_utf8_get_char (p)))
        {
          gunichar c = g_utf8_get_char (p);
          guint8 tone;
          gunichar base = split_letter (c, &tone);

          if (c >= 0x80)
            special = TRUE;
          if (base == 0 || n == G_N_ELEMENTS (bases))
            broken = TRUE;
          else
            {
              bases[n] = base;
              tones[n] = tone;
              n++;
            }
          p = g_utf8_next_char (p);
        }
      if (!special)
        continue;
      (*n_words)++;
      if (broken)
        score -= 3;
      else
        {
          int s = syllable_score (bases, tones, n);

          score += s > 0 ? s : -3;
        }
    }
  return score;
}

static gboolean
is_vietnamese_unicode (gunichar c)
{
  return (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0102 || c == 0x0103 || c == 0x0110
         || c == 0x0111 || c == 0x0128 || c == 0x0129 || c == 0x0168 || c == 0x0169
         || c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0
         || (c >= 0x0300 && c <= 0x0323);
}

/* The encoding @text reads as; *@telling: FALSE when nothing in it tells (plain ASCII). */
static ShelterLegacyEncoding
detect_one (const char *text,
            gboolean   *telling)
{
  gboolean latin1 = FALSE;
  ShelterLegacyEncoding best = SHELTER_LEGACY_UNICODE;
  int best_score = 0;
  static const ShelterLegacyEncoding candidates[] = { SHELTER_LEGACY_TCVN3, SHELTER_LEGACY_VNI };

  *telling = FALSE;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return SHELTER_LEGACY_UNICODE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_vietnamese_unicode (c))
        {
          *telling = TRUE;
          return SHELTER_LEGACY_UNICODE;
        }
      if (c >= 0xA0 && c <= 0xFF)
        latin1 = TRUE;
    }
  if (!latin1)
    return SHELTER_LEGACY_UNICODE;

  *telling = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint n_stray, n_words;
      g_autofree char *converted = legacy_decode (text, candidates[i], &n_stray);
      int score = vietnamese_score (converted, &n_words) - 3 * (int) n_stray;

      /* Every word with a special letter must read as Vietnamese, or nearly every one
       * in a longer text: "Café" or "São Paulo" read as TCVN3 give no syllables. */
      if (n_words == 0 || score < (int) n_words)
        continue;
      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }
  return best;
}

ShelterLegacyEncoding
shelter_legacy_detect (const char *text)
{
  gboolean telling;

  return detect_one (text, &telling);
}

ShelterLegacyEncoding
shelter_legacy_detect_all (const char * const *texts,
                           guint              *n_other)
{
  guint counts[3] = { 0, 0, 0 };
  guint total = 0, best = SHELTER_LEGACY_UNICODE;

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      gboolean telling;
      ShelterLegacyEncoding e = detect_one (texts[i], &telling);

      if (!telling)
        continue;
      counts[e]++;
      total++;
    }
  /* A tie keeps Unicode: converting text that is already right would spoil it. */
  for (guint e = SHELTER_LEGACY_TCVN3; e <= SHELTER_LEGACY_VNI; e++)
    if (counts[e] > counts[best])
      best = e;
  if (n_other != NULL)
    *n_other = total - counts[best];
  return (ShelterLegacyEncoding) best;
}
