/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower case, no diacritics, đ -> d, any Unicode form: "Đặng Thị Ánh" -> "dang thi anh".
 * Anything that is not a letter or digit becomes a single space. */
char   *shelter_text_fold               (const char  *text);
/* NFC, trimmed, inner runs of white space collapsed to one space; NULL when nothing is
 * left. Fails (returns NULL, sets *@invalid) for invalid UTF-8 or control characters. */
char   *shelter_text_clean              (const char  *text,
                                         gboolean    *invalid);
/* Like shelter_text_clean() for a note of several lines: each line is cleaned on its own,
 * empty lines at either end are dropped and several empty lines become one. */
char   *shelter_text_clean_note         (const char  *text,
                                         gboolean    *invalid);
/* The ICU collation key (Vietnamese rules) that sorts people by given name, then middle
 * name, then family name. */
GBytes *shelter_text_name_sort_key      (const char  *family_name,
                                         const char  *middle_name,
                                         const char  *given_name);
/* An FTS5 query that finds every folded word of @text as a word prefix, or NULL when
 * @text has no letter or digit. */
char   *shelter_text_search_query       (const char  *text);

/* "2026-11-22" or "2026-11-22T09:30:00+07:00" -> "22/11/2026"; "1998" -> "1998". */
char   *shelter_text_format_date        (const char  *iso);
/* A date as official papers write it, through a translatable format: "2026-03-05" (or
 * "2026-03-05T09:30:00+07:00") -> "ngày 05 tháng 3 năm 2026" in Vietnamese, with a leading
 * zero for days under 10 and for months 1 and 2 only. Invalid text is returned as is. */
char   *shelter_text_format_formal_date (const char  *iso_date);
/* Reads dd/mm/yyyy (or d/m/yyyy, or yyyy-mm-dd) into a GDate; FALSE when it is no date. */
gboolean shelter_text_parse_date        (const char  *text,
                                         GDate       *out);
/* Whether @text is a real day written "YYYY-MM-DD", as app/ takes and stores dates. */
gboolean shelter_text_is_iso_date       (const char  *text);
/* Whole years from @birth ("YYYY-MM-DD" or "YYYY") to @on; -1 when unknown. */
int     shelter_text_age_on             (const char  *birth,
                                         const GDate *on);

/* Whole đồng as Vietnamese papers write them: 1500000 -> "1.500.000 ₫". */
char   *shelter_text_format_money       (gint64       dong);

G_END_DECLS
