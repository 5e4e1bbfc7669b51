/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A spreadsheet read into memory for the import: the rows of one sheet as text, whatever
 * the file was (CSV with comma or semicolon, UTF-8 with or without BOM, UTF-16 as Excel
 * writes it, or text in no valid UTF-8 at all, read as Windows-1252 so that the old
 * Vietnamese encodings can be recognised afterwards; XLSX through libzip and libxml2;
 * old XLS through libfreexl when built with it). Nothing here knows what a column means. */

/* Whole-file limits: past them the file is refused, naming the limit. */
#define SHELTER_SHEET_MAX_BYTES   (20 * 1024 * 1024)
#define SHELTER_SHEET_MAX_ROWS    100000
#define SHELTER_SHEET_MAX_COLUMNS 200
/* A cell longer than this (in characters) is cut there and its row marked too_long. */
#define SHELTER_SHEET_MAX_CELL    4000

typedef enum
{
  SHELTER_SHEET_CSV,
  SHELTER_SHEET_XLSX,
  SHELTER_SHEET_XLS,
} ShelterSheetFormat;

typedef struct
{
  GPtrArray *cells;       /* of char*, UTF-8; "" for an empty cell, never NULL */
  guint      line;        /* the row's number in the file as the user sees it (from 1) */
  gboolean   too_long;    /* a cell was cut at SHELTER_SHEET_MAX_CELL characters */
  gboolean   too_wide;    /* the row had more than SHELTER_SHEET_MAX_COLUMNS cells; the rest dropped */
} ShelterSheetRow;

typedef struct
{
  ShelterSheetFormat format;
  char              *sheet_name;   /* XLSX/XLS: the sheet read; CSV: the file's base name */
  char             **sheet_names;  /* XLSX/XLS: every sheet, in order; CSV: just the one */
  char              *encoding;     /* CSV: "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE", "Windows-1252" */
  char               delimiter;    /* CSV: ',' ';' or '\t'; 0 otherwise */
  GPtrArray         *rows;         /* of ShelterSheetRow, every row including the header
                                    * row, trailing empty rows dropped */
  guint              n_columns;    /* the widest row (at most SHELTER_SHEET_MAX_COLUMNS) */
  char               checksum[65]; /* SHA-256 of the file's bytes, hex */
} ShelterSheet;

void          shelter_sheet_free        (ShelterSheet  *sheet);

/* Reads @bytes (named @file_name, whose extension and content decide the format: a
 * renamed binary is recognised by content, not by name). @sheet_name: the sheet to read
 * (XLSX/XLS), NULL for the first. A cell that holds an Excel date (a number whose style
 * is a date format) is given as "YYYY-MM-DD"; other numbers as Excel shows them in
 * general format ("1990", "0912345678" keeps no leading zero: it is a number there).
 * Refuses, in SHELTER_FIELD_ERROR / SHELTER_FIELD_IMPORT_FILE (or _IMPORT_SHEET for a
 * sheet that is not there) with a message that says what to do: an empty file, a file
 * that is none of the formats, a broken zip or XML, a file past the limits above.
 * Honours @cancellable between rows. */
ShelterSheet *shelter_sheet_read_bytes  (GBytes        *bytes,
                                         const char    *file_name,
                                         const char    *sheet_name,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* The same for a file on disk (refusing one larger than the limit before reading it). */
ShelterSheet *shelter_sheet_read_file   (const char    *path,
                                         const char    *sheet_name,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterSheet, shelter_sheet_free)

G_END_DECLS
