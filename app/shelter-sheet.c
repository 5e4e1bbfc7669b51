/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "shelter-app-error.h"
#include "shelter-sheet.h"

/* An XLSX part unpacks to at most this much: a real sheet of the allowed size stays far
 * below, a zip bomb is stopped while it unpacks. */
#define MAX_UNPACKED_PART (200 * 1024 * 1024)
/* Far more distinct texts than a sheet within the limits can show. */
#define MAX_SHARED_STRINGS 4000000
#define MB (1024 * 1024)

/* ---- Rows ---------------------------------------------------------------------------- */

static void
row_free (gpointer data)
{
  ShelterSheetRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

static ShelterSheetRow *
row_new (guint line)
{
  ShelterSheetRow *row = g_new0 (ShelterSheetRow, 1);

  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->line = line;
  return row;
}

/* Puts @text (taken) in @row at @column, filling a gap with empty cells; cuts it at the
 * cell limit and drops it past the column limit, marking the row. */
static void
row_set (ShelterSheetRow *row,
         guint            column,
         char            *text)
{
  if (column >= SHELTER_SHEET_MAX_COLUMNS)
    {
      row->too_wide = TRUE;
      g_free (text);
      return;
    }
  if (g_utf8_strlen (text, -1) > SHELTER_SHEET_MAX_CELL)
    {
      *g_utf8_offset_to_pointer (text, SHELTER_SHEET_MAX_CELL) = '\0';
      row->too_long = TRUE;
    }
  while (row->cells->len < column)
    g_ptr_array_add (row->cells, g_strdup (""));
  if (column < row->cells->len)
    {
      g_free (row->cells->pdata[column]);
      row->cells->pdata[column] = text;
    }
  else
    g_ptr_array_add (row->cells, text);
}

static gboolean
row_is_empty (const ShelterSheetRow *row)
{
  for (guint i = 0; i < row->cells->len; i++)
    if (*(const char *) row->cells->pdata[i] != '\0')
      return FALSE;
  return !row->too_wide;
}

void
shelter_sheet_free (ShelterSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->sheet_name);
  g_strfreev (sheet->sheet_names);
  g_free (sheet->encoding);
  if (sheet->rows != NULL)
    g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

static ShelterSheet *
sheet_new (ShelterSheetFormat format)
{
  ShelterSheet *sheet = g_new0 (ShelterSheet, 1);

  sheet->format = format;
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  return sheet;
}

static gboolean
too_many_rows (GError **error)
{
  return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                              _("The file has more than %d rows. Split it into smaller files "
                                "and import them one after another."),
                              SHELTER_SHEET_MAX_ROWS);
}

/* Drops the trailing empty rows and measures the widest; refuses a sheet with nothing. */
static gboolean
sheet_finish (ShelterSheet  *sheet,
              GError       **error)
{
  while (sheet->rows->len > 0 && row_is_empty (sheet->rows->pdata[sheet->rows->len - 1]))
    g_ptr_array_remove_index (sheet->rows, sheet->rows->len - 1);
  if (sheet->rows->len == 0)
    return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                                _("The file holds no rows. Choose the file that holds the "
                                  "list, or fill it in first."));
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      ShelterSheetRow *row = sheet->rows->pdata[i];

      sheet->n_columns = MAX (sheet->n_columns, row->cells->len);
    }
  return TRUE;
}

/* ---- CSV ----------------------------------------------------------------------------- */

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined are read as ISO-8859-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
windows_1252_to_utf8 (const guint8 *data,
                      gsize         len)
{
  g_autoptr(GError) error = NULL;
  char *text = g_convert ((const char *) data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, &error);
  GString *out;

  if (text != NULL)
    return text;
  /* iconv refuses the undefined bytes: read byte by byte, as ISO-8859-1 for those. */
  out = g_string_sized_new (len * 2);
  for (gsize i = 0; i < len; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  return g_string_free (out, FALSE);
}

/* The file's text as UTF-8, with the name of the encoding it was in; NULL for bytes that
 * are no text (NUL bytes outside UTF-16). */
static char *
csv_text (const guint8  *data,
          gsize          len,
          char         **encoding)
{
  if (len >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      gboolean le = data[0] == 0xFF;
      char *text = g_convert ((const char *) data + 2, (len - 2) & ~(gsize) 1, "UTF-8",
                              le ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);

      if (text == NULL)
        return NULL;
      *encoding = g_strdup (le ? "UTF-16LE" : "UTF-16BE");
      return text;
    }
  if (memchr (data, '\0', len) != NULL)
    return NULL;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      if (g_utf8_validate_len ((const char *) data + 3, len - 3, NULL))
        {
          *encoding = g_strdup ("UTF-8 BOM");
          return g_strndup ((const char *) data + 3, len - 3);
        }
    }
  else if (g_utf8_validate_len ((const char *) data, len, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup ((const char *) data, len);
    }
  *encoding = g_strdup ("Windows-1252");
  return windows_1252_to_utf8 (data, len);
}

/* The delimiter the header line uses most, outside quotes: comma when none. */
static char
csv_guess_delimiter (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static gboolean
csv_parse (ShelterSheet  *sheet,
           const char    *text,
           GCancellable  *cancellable,
           GError       **error)
{
  const char delimiter = sheet->delimiter;
  const char *p = text;
  guint line = 1;

  while (*p)
    {
      ShelterSheetRow *row;
      guint column = 0;
      gboolean row_done = FALSE;

      if (sheet->rows->len % 256 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (sheet->rows->len >= SHELTER_SHEET_MAX_ROWS)
        return too_many_rows (error);

      row = row_new (line);
      g_ptr_array_add (sheet->rows, row);
      while (!row_done)
        {
          GString *cell = g_string_new (NULL);

          if (*p == '"')
            {
              p++;
              for (;;)
                {
                  if (*p == '\0')
                    break;
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p += 2;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      /* A line break inside quotes: one break in the cell, one more line. */
                      if (*p == '\r' || *p == '\n')
                        {
                          line++;
                          if (*p == '\r' && p[1] == '\n')
                            p++;
                          g_string_append_c (cell, '\n');
                          p++;
                          continue;
                        }
                      g_string_append_c (cell, *p++);
                    }
                }
              /* Text after the closing quote (not RFC 4180, but Excel keeps it). */
              while (*p && *p != delimiter && *p != '\r' && *p != '\n')
                g_string_append_c (cell, *p++);
            }
          else
            while (*p && *p != delimiter && *p != '\r' && *p != '\n')
              g_string_append_c (cell, *p++);

          row_set (row, column++, g_string_free (cell, FALSE));
          if (*p == delimiter)
            p++;
          else
            {
              if (*p == '\r' && p[1] == '\n')
                p += 2;
              else if (*p)
                p++;
              line++;
              row_done = TRUE;
            }
        }
    }
  return TRUE;
}

static ShelterSheet *
read_csv (const guint8  *data,
          gsize          len,
          const char    *file_name,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(ShelterSheet) sheet = sheet_new (SHELTER_SHEET_CSV);
  g_autofree char *text = csv_text (data, len, &sheet->encoding);
  g_autofree char *base = g_path_get_basename (file_name != NULL ? file_name : "");

  if (text == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                           _("The file is not a spreadsheet that can be read. Save it from "
                             "Excel or LibreOffice as CSV or XLSX and choose it again."));
      return NULL;
    }
  sheet->delimiter = csv_guess_delimiter (text);
  sheet->sheet_name = g_strdup (base);
  sheet->sheet_names = g_new0 (char *, 2);
  sheet->sheet_names[0] = g_strdup (base);
  if (!csv_parse (sheet, text, cancellable, error) || !sheet_finish (sheet, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

/* ---- XLSX: reading a part of the zip through libxml2 ------------------------------- */

typedef struct
{
  zip_file_t *file;
  gsize       read;
  gboolean    too_big;
  gboolean    zip_failed;
} PartInput;

static int
part_read (void *context,
           char *buffer,
           int   len)
{
  PartInput *input = context;
  zip_int64_t n = zip_fread (input->file, buffer, (zip_uint64_t) len);

  if (n < 0)
    {
      input->zip_failed = TRUE;
      return -1;
    }
  input->read += (gsize) n;
  if (input->read > MAX_UNPACKED_PART)
    {
      input->too_big = TRUE;
      return -1;
    }
  return (int) n;
}

static int
part_close (void *context)
{
  (void) context;
  return 0;
}

static void
ignore_xml_error (void       *context,
                  xmlErrorPtr error)
{
  (void) context;
  (void) error;
}

typedef struct
{
  zip_t            *zip;
  GCancellable     *cancellable;
  GHashTable       *rels;          /* workbook relationship id -> part name */
  GPtrArray        *shared;        /* of char* */
  GArray           *date_styles;   /* of gboolean, by cellXfs index */
  gboolean          date1904;
  char            **sheet_names;
  char            **sheet_rids;
} Xlsx;

typedef struct
{
  xmlTextReaderPtr reader;
  zip_file_t      *file;
  PartInput        input;
} Part;

static void
part_close_all (Part *part)
{
  if (part->reader != NULL)
    xmlFreeTextReader (part->reader);
  if (part->file != NULL)
    zip_fclose (part->file);
  memset (part, 0, sizeof *part);
}

static gboolean
broken (GError    **error,
        const char *what)
{
  return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                              _("The XLSX file is damaged (%s). Open it in Excel or "
                                "LibreOffice, save it again and choose it again."),
                              what);
}

/* Opens @name in the zip for reading as XML; FALSE (without error) when @optional and
 * the part is not there. */
static gboolean
part_open (Xlsx        *xlsx,
           Part        *part,
           const char  *name,
           gboolean     optional,
           GError     **error)
{
  memset (part, 0, sizeof *part);
  part->file = zip_fopen (xlsx->zip, name, 0);
  if (part->file == NULL)
    {
      if (optional)
        return FALSE;
      return broken (error, name);
    }
  part->input.file = part->file;
  /* No network, no DTD loading, no entity substitution: entities stay references. */
  part->reader = xmlReaderForIO (part_read, part_close, &part->input, name, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                                 | XML_PARSE_NOCDATA);
  if (part->reader == NULL)
    {
      part_close_all (part);
      return broken (error, name);
    }
  xmlTextReaderSetStructuredErrorHandler (part->reader, ignore_xml_error, NULL);
  return TRUE;
}

/* The next node: 1, 0 at the end, -1 with @error set. A document type declaration is
 * refused: no XLSX has one, and it is where entity bombs live. */
static int
part_next (Part        *part,
           const char  *name,
           GError     **error)
{
  int ret = xmlTextReaderRead (part->reader);

  if (ret == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_DOCUMENT_TYPE)
    ret = -1;
  if (ret == 1 && xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ENTITY_REFERENCE)
    ret = -1;
  if (ret < 0)
    {
      if (part->input.too_big)
        shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                             _("The XLSX file unpacks to more than %d MB. Split it into "
                               "smaller files and import them one after another."),
                             MAX_UNPACKED_PART / MB);
      else
        broken (error, name);
      return -1;
    }
  return ret;
}

static gboolean
is_element (Part       *part,
            const char *local_name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->reader), local_name) == 0;
}

static gboolean
is_end (Part       *part,
        const char *local_name)
{
  return xmlTextReaderNodeType (part->reader) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (part->reader), local_name) == 0;
}

static char *
attribute (Part       *part,
           const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (part->reader, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The r:id attribute, whatever prefix the relationships namespace has. */
static char *
relationship_id (Part *part)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (part->reader, (const xmlChar *) "id",
    (const xmlChar *) "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (part->reader, (const xmlChar *) "id",
      (const xmlChar *) "http://purl.oclc.org/ooxml/officeDocument/relationships");
  copy = value != NULL ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

/* The text of the string element the reader is on (<si> or <is>): its <t>, or the <t> of
 * each rich text run, leaving out phonetic hints (<rPh>). */
static char *
read_string_item (Part        *part,
                  const char  *end_name,
                  GError     **error)
{
  GString *text = g_string_new (NULL);
  gboolean in_t = FALSE;
  guint in_phonetic = 0;
  int ret;

  if (xmlTextReaderIsEmptyElement (part->reader))
    return g_string_free (text, FALSE);
  while ((ret = part_next (part, end_name, error)) == 1)
    {
      int type = xmlTextReaderNodeType (part->reader);

      if (is_end (part, end_name))
        break;
      if (is_element (part, "rPh") && !xmlTextReaderIsEmptyElement (part->reader))
        in_phonetic++;
      else if (is_end (part, "rPh") && in_phonetic > 0)
        in_phonetic--;
      else if (is_element (part, "t"))
        in_t = !xmlTextReaderIsEmptyElement (part->reader);
      else if (is_end (part, "t"))
        in_t = FALSE;
      else if (in_t && in_phonetic == 0
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA))
        {
          /* Bound the cell: a longer one is cut anyway, only its length must show. */
          if (text->len <= SHELTER_SHEET_MAX_CELL * 4 + 4)
            g_string_append (text, (const char *) xmlTextReaderConstValue (part->reader));
        }
    }
  if (ret < 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/* A part name from a relationship target, relative to xl/ unless absolute. */
static char *
part_name_for_target (const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat ("xl/", target, NULL);
  pieces = g_strsplit (joined, "/", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (strcmp (pieces[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
        }
      else if (*pieces[i] != '\0' && strcmp (pieces[i], ".") != 0)
        g_ptr_array_add (kept, pieces[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static gboolean
read_workbook (Xlsx    *xlsx,
               GError **error)
{
  Part part;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rids = g_ptr_array_new_with_free_func (g_free);
  int ret;

  if (!part_open (xlsx, &part, "xl/workbook.xml", TRUE, error))
    return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                                _("The file is a zip archive but not an Excel workbook. "
                                  "Open it in Excel or LibreOffice, save it as XLSX and "
                                  "choose it again."));
  while ((ret = part_next (&part, "xl/workbook.xml", error)) == 1)
    {
      if (is_element (&part, "workbookPr"))
        {
          g_autofree char *d1904 = attribute (&part, "date1904");

          xlsx->date1904 = d1904 != NULL && (strcmp (d1904, "1") == 0 || strcmp (d1904, "true") == 0);
        }
      else if (is_element (&part, "sheet") && names->len < 1000)
        {
          char *name = attribute (&part, "name");
          char *rid = relationship_id (&part);

          g_ptr_array_add (names, name != NULL ? name : g_strdup (""));
          g_ptr_array_add (rids, rid != NULL ? rid : g_strdup (""));
        }
    }
  part_close_all (&part);
  if (ret < 0)
    return FALSE;
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (rids, NULL);
  xlsx->sheet_names = (char **) g_ptr_array_steal (names, NULL);
  xlsx->sheet_rids = (char **) g_ptr_array_steal (rids, NULL);

  if (part_open (xlsx, &part, "xl/_rels/workbook.xml.rels", TRUE, error))
    {
      while ((ret = part_next (&part, "xl/_rels/workbook.xml.rels", error)) == 1)
        if (is_element (&part, "Relationship"))
          {
            g_autofree char *id = attribute (&part, "Id");
            g_autofree char *target = attribute (&part, "Target");
            g_autofree char *mode = attribute (&part, "TargetMode");

            if (id != NULL && target != NULL && g_strcmp0 (mode, "External") != 0
                && g_hash_table_size (xlsx->rels) < 10000)
              g_hash_table_replace (xlsx->rels, g_steal_pointer (&id),
                                    part_name_for_target (target));
          }
      part_close_all (&part);
      if (ret < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_shared_strings (Xlsx    *xlsx,
                     GError **error)
{
  Part part;
  int ret;

  if (!part_open (xlsx, &part, "xl/sharedStrings.xml", TRUE, error))
    return TRUE;
  while ((ret = part_next (&part, "xl/sharedStrings.xml", error)) == 1)
    if (is_element (&part, "si"))
      {
        if (xlsx->shared->len >= MAX_SHARED_STRINGS)
          {
            too_many_rows (error);
            ret = -1;
            break;
          }
        char *text = read_string_item (&part, "si", error);

        if (text == NULL)
          {
            ret = -1;
            break;
          }
        g_ptr_array_add (xlsx->shared, text);
      }
  part_close_all (&part);
  return ret >= 0;
}

/* Whether a number format shows a date: it has day, month or year codes, and is not a
 * time alone ("mm:ss" has m but is minutes). Quoted text, [colours] and \escapes do not
 * count. */
static gboolean
format_is_date (const char *code)
{
  gboolean d = FALSE, y = FALSE, m = FALSE, h_or_s = FALSE;

  for (const char *p = code; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      if (*p == '"')
        {
          p = strchr (p + 1, '"');
          if (p == NULL)
            break;
        }
      else if (*p == '[')
        {
          p = strchr (p + 1, ']');
          if (p == NULL)
            break;
        }
      else if (*p == '\\' || *p == '_' || *p == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (c == 'd')
        d = TRUE;
      else if (c == 'y')
        y = TRUE;
      else if (c == 'm')
        m = TRUE;
      else if (c == 'h' || c == 's')
        h_or_s = TRUE;
    }
  return d || y || (m && !h_or_s);
}

static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static gboolean
read_styles (Xlsx    *xlsx,
             GError **error)
{
  Part part;
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean in_cell_xfs = FALSE;
  int ret;

  if (!part_open (xlsx, &part, "xl/styles.xml", TRUE, error))
    return TRUE;
  while ((ret = part_next (&part, "xl/styles.xml", error)) == 1)
    {
      if (is_element (&part, "numFmt"))
        {
          g_autofree char *id = attribute (&part, "numFmtId");
          g_autofree char *code = attribute (&part, "formatCode");

          if (id != NULL && code != NULL)
            g_hash_table_insert (custom, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                                 GINT_TO_POINTER (format_is_date (code) ? 1 : 2));
        }
      else if (is_element (&part, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (part.reader);
      else if (is_end (&part, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (&part, "xf") && xlsx->date_styles->len < 100000)
        {
          g_autofree char *id_text = attribute (&part, "numFmtId");
          guint id = id_text != NULL ? (guint) g_ascii_strtoull (id_text, NULL, 10) : 0;
          int kind = GPOINTER_TO_INT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));
          gboolean date = kind != 0 ? kind == 1 : builtin_is_date (id);

          g_array_append_val (xlsx->date_styles, date);
        }
    }
  part_close_all (&part);
  return ret >= 0;
}

/* "AB12" -> column 27 (from 0); -1 when there are no letters. */
static int
column_of_reference (const char *reference)
{
  int column = 0, letters = 0;

  for (const char *p = reference; g_ascii_isalpha (*p); p++, letters++)
    {
      if (letters >= 3)
        return G_MAXINT / 2;
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
    }
  return letters > 0 ? column - 1 : -1;
}

/* A number as Excel's General format shows it: up to 15 significant digits. */
static char *
general_number (const char *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == value || *end != '\0' || !isfinite (number))
    return g_strdup (value);
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (strcmp (buffer, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buffer);
}

/* An Excel serial as "YYYY-MM-DD": the 1900 system counts the 29 February 1900 that never
 * was (serial 60), so serials from 61 are days since 30 December 1899. */
static char *
serial_to_date (const char *value,
                gboolean    date1904)
{
  char *end = NULL;
  double serial = g_ascii_strtod (value, &end);
  g_autoptr(GDate) date = NULL;
  char buffer[16];
  gint64 days;

  if (end == value || *end != '\0' || !isfinite (serial) || serial < 1 || serial > 2958465)
    return NULL;
  days = (gint64) serial;
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else if (days == 60)
    return g_strdup ("1900-02-29");
  else if (days > 60)
    date = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  else
    date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  if (!g_date_valid (date))
    return NULL;
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buffer);
}

static char *
cell_text (Xlsx       *xlsx,
           const char *type,
           const char *style,
           const char *value,
           char       *inline_text)
{
  if (g_strcmp0 (type, "inlineStr") == 0)
    return inline_text != NULL ? inline_text : g_strdup ("");
  g_free (inline_text);
  if (value == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);

      return g_strdup (index < xlsx->shared->len ? (const char *) xlsx->shared->pdata[index] : "");
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (strcmp (value, "1") == 0 ? "TRUE" : "FALSE");
  if (g_strcmp0 (type, "d") == 0)
    return g_strndup (value, MIN (strlen (value), 10));
  if (type == NULL || strcmp (type, "n") == 0)
    {
      guint64 index = style != NULL ? g_ascii_strtoull (style, NULL, 10) : 0;

      if (style != NULL && index < xlsx->date_styles->len
          && g_array_index (xlsx->date_styles, gboolean, index))
        {
          char *date = serial_to_date (value, xlsx->date1904);

          if (date != NULL)
            return date;
        }
      return general_number (value);
    }
  /* "str" (a formula's text), "e" (an error such as #N/A): as they are. */
  return g_strdup (value);
}

static gboolean
read_worksheet (Xlsx          *xlsx,
                ShelterSheet  *sheet,
                const char    *name,
                GError       **error)
{
  Part part;
  ShelterSheetRow *row = NULL;
  guint next_line = 1;
  int next_column = 0;
  int ret;

  if (!part_open (xlsx, &part, name, FALSE, error))
    return FALSE;
  while ((ret = part_next (&part, name, error)) == 1)
    {
      if (is_element (&part, "row"))
        {
          g_autofree char *r = attribute (&part, "r");
          guint64 line = r != NULL ? g_ascii_strtoull (r, NULL, 10) : next_line;

          if (g_cancellable_set_error_if_cancelled (xlsx->cancellable, error))
            {
              ret = -1;
              break;
            }
          if (line < next_line)
            line = next_line;
          if (line > SHELTER_SHEET_MAX_ROWS)
            {
              too_many_rows (error);
              ret = -1;
              break;
            }
          /* Rows left out of the file are empty rows. */
          while (next_line < line)
            g_ptr_array_add (sheet->rows, row_new (next_line++));
          row = row_new (next_line++);
          g_ptr_array_add (sheet->rows, row);
          next_column = 0;
        }
      else if (is_element (&part, "c") && row != NULL)
        {
          g_autofree char *reference = attribute (&part, "r");
          g_autofree char *type = attribute (&part, "t");
          g_autofree char *style = attribute (&part, "s");
          g_autofree char *value = NULL;
          char *inline_text = NULL;
          int column = reference != NULL ? column_of_reference (reference) : -1;

          if (column < 0)
            column = next_column;
          next_column = column < G_MAXINT / 2 ? column + 1 : column;
          if (!xmlTextReaderIsEmptyElement (part.reader))
            {
              while ((ret = part_next (&part, name, error)) == 1 && !is_end (&part, "c"))
                {
                  if (is_element (&part, "v") && value == NULL)
                    {
                      xmlChar *v = xmlTextReaderReadString (part.reader);

                      value = g_strdup (v != NULL ? (const char *) v : "");
                      xmlFree (v);
                    }
                  else if (is_element (&part, "is") && inline_text == NULL)
                    {
                      inline_text = read_string_item (&part, "is", error);
                      if (inline_text == NULL)
                        {
                          ret = -1;
                          break;
                        }
                    }
                }
              if (ret != 1)
                {
                  g_free (inline_text);
                  if (ret == 0)
                    {
                      broken (error, name);
                      ret = -1;
                    }
                  break;
                }
            }
          row_set (row, (guint) MIN (column, SHELTER_SHEET_MAX_COLUMNS),
                   cell_text (xlsx, type, style, value, inline_text));
        }
      else if (is_end (&part, "sheetData"))
        break;
    }
  part_close_all (&part);
  return ret >= 0;
}

static void
xlsx_clear (Xlsx *xlsx)
{
  if (xlsx->zip != NULL)
    zip_discard (xlsx->zip);
  g_clear_pointer (&xlsx->rels, g_hash_table_unref);
  g_clear_pointer (&xlsx->shared, g_ptr_array_unref);
  g_clear_pointer (&xlsx->date_styles, g_array_unref);
  g_clear_pointer (&xlsx->sheet_names, g_strfreev);
  g_clear_pointer (&xlsx->sheet_rids, g_strfreev);
}

static ShelterSheet *
read_xlsx (GBytes        *bytes,
           const char    *sheet_name,
           GCancellable  *cancellable,
           GError       **error)
{
  Xlsx xlsx = { 0 };
  g_autoptr(ShelterSheet) sheet = sheet_new (SHELTER_SHEET_XLSX);
  zip_error_t zip_error;
  zip_source_t *source;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  int chosen = -1;
  const char *part_name;
  g_autofree char *default_name = NULL;
  gboolean ok = FALSE;

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, len, 0, &zip_error);
  if (source != NULL)
    {
      xlsx.zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
      if (xlsx.zip == NULL)
        zip_source_free (source);
    }
  if (xlsx.zip == NULL)
    {
      broken (error, zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);
  xlsx.cancellable = cancellable;
  xlsx.rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  xlsx.shared = g_ptr_array_new_with_free_func (g_free);
  xlsx.date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!read_workbook (&xlsx, error))
    goto out;
  if (xlsx.sheet_names[0] == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_IMPORT_SHEET,
                           _("The workbook has no sheets. Open it in Excel or LibreOffice, "
                             "check it holds the list and save it again."));
      goto out;
    }
  for (int i = 0; xlsx.sheet_names[i] != NULL; i++)
    if (sheet_name == NULL || strcmp (sheet_name, xlsx.sheet_names[i]) == 0)
      {
        chosen = i;
        break;
      }
  if (chosen < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_IMPORT_SHEET,
                           _("The workbook has no sheet named “%s”. Choose one of its sheets."),
                           sheet_name);
      goto out;
    }
  part_name = g_hash_table_lookup (xlsx.rels, xlsx.sheet_rids[chosen]);
  if (part_name == NULL)
    part_name = default_name = g_strdup_printf ("xl/worksheets/sheet%d.xml", chosen + 1);
  if (!read_shared_strings (&xlsx, error) || !read_styles (&xlsx, error)
      || !read_worksheet (&xlsx, sheet, part_name, error) || !sheet_finish (sheet, error))
    goto out;
  sheet->sheet_name = g_strdup (xlsx.sheet_names[chosen]);
  sheet->sheet_names = g_steal_pointer (&xlsx.sheet_names);
  ok = TRUE;

out:
  xlsx_clear (&xlsx);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

/* ---- Entry points ------------------------------------------------------------------- */

static const guint8 zip_signature[] = { 'P', 'K', 0x03, 0x04 };
static const guint8 empty_zip_signature[] = { 'P', 'K', 0x05, 0x06 };
static const guint8 ole_signature[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static gboolean
file_too_large (GError **error)
{
  return shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                              _("The file is larger than %d MB. Split it into smaller files "
                                "and import them one after another."),
                              SHELTER_SHEET_MAX_BYTES / MB);
}

ShelterSheet *
shelter_sheet_read_bytes (GBytes        *bytes,
                          const char    *file_name,
                          const char    *sheet_name,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  ShelterSheet *sheet = NULL;
  g_autofree char *lower = g_ascii_strdown (file_name != NULL ? file_name : "", -1);

  if (len == 0)
    {
      shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                           _("The file is empty. Choose the file that holds the list."));
      return NULL;
    }
  if (len > SHELTER_SHEET_MAX_BYTES)
    {
      file_too_large (error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (len >= sizeof ole_signature && memcmp (data, ole_signature, sizeof ole_signature) == 0)
    {
      /* XLS (or another old Office file): not read, Excel or LibreOffice converts it. */
      shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                           _("The file is an old Excel workbook (.xls), which cannot be read "
                             "here. Open it in Excel or LibreOffice, save it as .xlsx and "
                             "choose that file."));
      return NULL;
    }
  if (len >= 4 && (memcmp (data, zip_signature, 4) == 0 || memcmp (data, empty_zip_signature, 4) == 0))
    sheet = read_xlsx (bytes, sheet_name, cancellable, error);
  else if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xls"))
    broken (error, _("not a zip archive"));
  else
    sheet = read_csv (data, len, file_name, cancellable, error);

  if (sheet != NULL)
    {
      g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

      g_strlcpy (sheet->checksum, checksum, sizeof sheet->checksum);
    }
  return sheet;
}

ShelterSheet *
shelter_sheet_read_file (const char    *path,
                         const char    *sheet_name,
                         GCancellable  *cancellable,
                         GError       **error)
{
  GStatBuf st;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = g_path_get_basename (path);

  if (g_stat (path, &st) == 0 && st.st_size > SHELTER_SHEET_MAX_BYTES)
    {
      file_too_large (error);
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_IMPORT_FILE,
                           _("The file cannot be read (%s). Check that it exists and that "
                             "you may open it."),
                           local->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return shelter_sheet_read_bytes (bytes, base, sheet_name, cancellable, error);
}
