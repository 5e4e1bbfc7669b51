/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "shelter-app-error.h"
#include "shelter-legacy-text.h"
#include "shelter-sheet.h"
#include "test-common.h"

static ShelterSheet *
read_data (const char  *data,
           gsize        len,
           const char  *name,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return shelter_sheet_read_bytes (bytes, name, NULL, NULL, error);
}

static const char *
cell (ShelterSheet *sheet,
      guint         row,
      guint         column)
{
  ShelterSheetRow *r;

  g_assert_cmpuint (row, <, sheet->rows->len);
  r = sheet->rows->pdata[row];
  if (column >= r->cells->len)
    return NULL;
  return r->cells->pdata[column];
}

static guint
row_width (ShelterSheet *sheet,
           guint         row)
{
  return ((ShelterSheetRow *) sheet->rows->pdata[row])->cells->len;
}

static guint
row_line (ShelterSheet *sheet,
          guint         row)
{
  return ((ShelterSheetRow *) sheet->rows->pdata[row])->line;
}

static void
assert_refused (const char *data,
                gsize       len,
                const char *name,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = read_data (data, len, name, &error);

  g_assert_null (sheet);
  g_assert_error (error, SHELTER_FIELD_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_csv_comma_quotes_crlf (void)
{
  const char data[] = "Họ và tên,Ngày sinh,Ghi chú\r\n"
                      "\"Nguyễn Thị Mai\",01/02/1990,\"Nói \"\"xin chào\"\"\r\ndòng hai\"\r\n"
                      "Trần Văn Bình,1985,\r\n"
                      "\r\n\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = read_data (data, sizeof data - 1, "/tmp/danh sách.csv", &error);
  g_autofree char *checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data,
                                                           sizeof data - 1);

  g_assert_no_error (error);
  g_assert_cmpint (sheet->format, ==, SHELTER_SHEET_CSV);
  g_assert_cmpstr (sheet->encoding, ==, "UTF-8");
  g_assert_cmpint (sheet->delimiter, ==, ',');
  g_assert_cmpstr (sheet->sheet_name, ==, "danh sách.csv");
  g_assert_cmpstr (sheet->sheet_names[0], ==, "danh sách.csv");
  g_assert_null (sheet->sheet_names[1]);
  g_assert_cmpstr (sheet->checksum, ==, checksum);
  g_assert_cmpuint (sheet->rows->len, ==, 3);
  g_assert_cmpuint (sheet->n_columns, ==, 3);
  g_assert_cmpstr (cell (sheet, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (sheet, 0, 1), ==, "Ngày sinh");
  g_assert_cmpstr (cell (sheet, 0, 2), ==, "Ghi chú");
  g_assert_cmpstr (cell (sheet, 1, 0), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (cell (sheet, 1, 1), ==, "01/02/1990");
  g_assert_cmpstr (cell (sheet, 1, 2), ==, "Nói \"xin chào\"\ndòng hai");
  g_assert_cmpstr (cell (sheet, 2, 0), ==, "Trần Văn Bình");
  g_assert_cmpstr (cell (sheet, 2, 1), ==, "1985");
  g_assert_cmpstr (cell (sheet, 2, 2), ==, "");
  /* The line the user sees in an editor: the quoted line break moves the next row down. */
  g_assert_cmpuint (row_line (sheet, 0), ==, 1);
  g_assert_cmpuint (row_line (sheet, 1), ==, 2);
  g_assert_cmpuint (row_line (sheet, 2), ==, 4);
}

static void
test_csv_semicolon_bom_and_cr (void)
{
  const char bom[] = "\xef\xbb\xbfHọ và tên;Quê quán\nLê Thị Hoa;Hà Giang, Việt Nam\n";
  const char cr[] = "Họ và tên;Quê quán\rLò Văn Sáng;Lào Cai";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) a = read_data (bom, sizeof bom - 1, "a.csv", &error);
  g_autoptr(ShelterSheet) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->encoding, ==, "UTF-8 BOM");
  g_assert_cmpint (a->delimiter, ==, ';');
  g_assert_cmpuint (a->rows->len, ==, 2);
  g_assert_cmpstr (cell (a, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (a, 0, 1), ==, "Quê quán");
  g_assert_cmpstr (cell (a, 1, 0), ==, "Lê Thị Hoa");
  g_assert_cmpstr (cell (a, 1, 1), ==, "Hà Giang, Việt Nam");

  b = read_data (cr, sizeof cr - 1, "b.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->encoding, ==, "UTF-8");
  g_assert_cmpuint (b->rows->len, ==, 2);
  g_assert_cmpstr (cell (b, 1, 0), ==, "Lò Văn Sáng");
  g_assert_cmpstr (cell (b, 1, 1), ==, "Lào Cai");
}

static void
test_csv_utf16_tabs (void)
{
  const char *text = "Họ và tên\tNgày tiếp nhận\r\nĐặng Thị Dung\t22/11/2026\r\n";
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_autofree char *data = g_malloc (len + 2);
  g_autoptr(ShelterSheet) sheet = NULL;

  g_assert_no_error (error);
  data[0] = (char) 0xFF;
  data[1] = (char) 0xFE;
  memcpy (data + 2, utf16, len);
  sheet = read_data (data, len + 2, "unicode.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->encoding, ==, "UTF-16LE");
  g_assert_cmpint (sheet->delimiter, ==, '\t');
  g_assert_cmpuint (sheet->rows->len, ==, 2);
  g_assert_cmpstr (cell (sheet, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (sheet, 0, 1), ==, "Ngày tiếp nhận");
  g_assert_cmpstr (cell (sheet, 1, 0), ==, "Đặng Thị Dung");
  g_assert_cmpstr (cell (sheet, 1, 1), ==, "22/11/2026");
}

static void
test_csv_legacy_encodings (void)
{
  /* Bytes as the .VnTime and VNI fonts typed them, saved as CSV by an old Excel. */
  const char tcvn3[] = "Ho ten,Que quan\nNguy\xd4n Th\xde H\xad\xeang,L\xb5o Cai\n";
  const char vni[] = "Ho ten;Que quan\nNguye\xe3n Th\xf2 H\xf6\xf4\xf8ng;Ha\xf8 Giang\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) a = read_data (tcvn3, sizeof tcvn3 - 1, "abc.csv", &error);
  g_autoptr(ShelterSheet) b = NULL;
  g_autofree char *name_a = NULL, *place_a = NULL, *name_b = NULL, *place_b = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a->encoding, ==, "Windows-1252");
  g_assert_cmpstr (cell (a, 1, 0), ==, "NguyÔn ThÞ H\xc2\xad\xc3\xaang");
  g_assert_cmpint (shelter_legacy_detect (cell (a, 1, 0)), ==, SHELTER_LEGACY_TCVN3);
  name_a = shelter_legacy_to_unicode (cell (a, 1, 0), SHELTER_LEGACY_TCVN3);
  place_a = shelter_legacy_to_unicode (cell (a, 1, 1), SHELTER_LEGACY_TCVN3);
  g_assert_cmpstr (name_a, ==, "Nguyễn Thị Hường");
  g_assert_cmpstr (place_a, ==, "Lào Cai");

  b = read_data (vni, sizeof vni - 1, "vni.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->encoding, ==, "Windows-1252");
  g_assert_cmpint (b->delimiter, ==, ';');
  g_assert_cmpint (shelter_legacy_detect (cell (b, 1, 0)), ==, SHELTER_LEGACY_VNI);
  name_b = shelter_legacy_to_unicode (cell (b, 1, 0), SHELTER_LEGACY_VNI);
  place_b = shelter_legacy_to_unicode (cell (b, 1, 1), SHELTER_LEGACY_VNI);
  g_assert_cmpstr (name_b, ==, "Nguyễn Thị Hường");
  g_assert_cmpstr (place_b, ==, "Hà Giang");
}

static void
test_csv_limits (void)
{
  g_autoptr(GString) wide = g_string_new ("a");
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *long_cell = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = NULL;
  g_autoptr(ShelterSheet) sheet2 = NULL;

  /* 500 columns: the row is kept, cut at the column limit, and marked. */
  for (guint i = 1; i < 500; i++)
    g_string_append_printf (wide, ",c%u", i);
  g_string_append (wide, "\nx,y\n");
  sheet = read_data (wide->str, wide->len, "wide.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->n_columns, ==, SHELTER_SHEET_MAX_COLUMNS);
  g_assert_cmpuint (row_width (sheet, 0), ==, SHELTER_SHEET_MAX_COLUMNS);
  g_assert_true (((ShelterSheetRow *) sheet->rows->pdata[0])->too_wide);
  g_assert_false (((ShelterSheetRow *) sheet->rows->pdata[1])->too_wide);
  g_assert_cmpstr (cell (sheet, 0, 199), ==, "c199");
  g_assert_cmpstr (cell (sheet, 1, 1), ==, "y");

  /* A 100,000-character cell is cut at the cell limit. */
  long_cell = g_strnfill (100000, 'x');
  {
    g_autofree char *data = g_strconcat ("Ghi chú,Tên\n\"", long_cell, "\",Mai\n", NULL);
    ShelterSheetRow *row;

    sheet2 = read_data (data, strlen (data), "long.csv", &error);
    g_assert_no_error (error);
    row = sheet2->rows->pdata[1];
    g_assert_true (row->too_long);
    g_assert_cmpuint (strlen (cell (sheet2, 1, 0)), ==, SHELTER_SHEET_MAX_CELL);
    g_assert_cmpstr (cell (sheet2, 1, 1), ==, "Mai");
    g_assert_false (((ShelterSheetRow *) sheet2->rows->pdata[0])->too_long);
  }

  /* More rows than the limit: refused. */
  for (guint i = 0; i <= SHELTER_SHEET_MAX_ROWS; i++)
    g_string_append (rows, "a\n");
  assert_refused (rows->str, rows->len, "rows.csv", SHELTER_FIELD_IMPORT_FILE, "100000 rows");
}

static void
test_bad_files (void)
{
  const char header[] = "Họ và tên,Ngày sinh\r\n";
  const char binary[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00 binary";
  const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00";
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = read_data (header, sizeof header - 1, "h.csv", &error);

  /* Only a header: read, one row; the import tells there are no people in it. */
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 1);
  g_assert_cmpstr (cell (sheet, 0, 1), ==, "Ngày sinh");

  assert_refused ("", 0, "empty.csv", SHELTER_FIELD_IMPORT_FILE, "empty");
  assert_refused ("\r\n\r\n", 4, "blank.csv", SHELTER_FIELD_IMPORT_FILE, "no rows");
  assert_refused (binary, sizeof binary - 1, "list.csv", SHELTER_FIELD_IMPORT_FILE, "CSV or XLSX");
  assert_refused (ole, sizeof ole - 1, "list.csv", SHELTER_FIELD_IMPORT_FILE, ".xlsx");
  assert_refused ("PK\x03\x04garbage", 11, "list.csv", SHELTER_FIELD_IMPORT_FILE, "damaged");
  assert_refused ("Họ và tên\n", 12, "list.xlsx", SHELTER_FIELD_IMPORT_FILE, "damaged");
}

static void
test_file_too_large (void)
{
  g_autofree char *path = test_path ("big.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = NULL;
  FILE *file = g_fopen (path, "wb");

  /* A sparse file: refused by its size, before it is read. */
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, SHELTER_SHEET_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  fclose (file);
  sheet = shelter_sheet_read_file (path, NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_IMPORT_FILE);
  g_assert_nonnull (strstr (error->message, "20 MB"));
  g_clear_error (&error);

  sheet = shelter_sheet_read_file ("/nonexistent/list.csv", NULL, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_IMPORT_FILE);
}

static void
test_cancelled (void)
{
  const char data[] = "a,b\n1,2\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) sheet = NULL;

  g_cancellable_cancel (cancellable);
  sheet = shelter_sheet_read_bytes (bytes, "a.csv", NULL, cancellable, &error);
  g_assert_null (sheet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
write_xlsx (void)
{
  char *path = test_path ("danh-sach.xlsx");
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *notes = workbook_add_worksheet (workbook, "Ghi chú");
  lxw_worksheet *list = workbook_add_worksheet (workbook, "Danh sách");
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *builtin_date = workbook_add_format (workbook);
  lxw_format *time = workbook_add_format (workbook);
  lxw_datetime born = { 1990, 2, 1, 0, 0, 0 };
  lxw_datetime received = { 2026, 11, 22, 0, 0, 0 };
  lxw_datetime leap = { 2000, 2, 29, 0, 0, 0 };

  format_set_num_format (date, "dd/mm/yyyy");
  format_set_num_format_index (builtin_date, 14);
  format_set_num_format (time, "[h]:mm:ss");
  worksheet_write_string (notes, 0, 0, "Danh sách tháng 11", NULL);

  worksheet_write_string (list, 0, 0, "Họ và tên", NULL);
  worksheet_write_string (list, 0, 1, "Ngày sinh", NULL);
  worksheet_write_string (list, 0, 2, "Số điện thoại", NULL);
  worksheet_write_string (list, 0, 3, "Ghi chú", NULL);
  worksheet_write_string (list, 0, 4, "Quê quán", NULL);
  worksheet_write_string (list, 1, 0, "Nguyễn Thị Mai", NULL);
  worksheet_write_datetime (list, 1, 1, &born, date);
  worksheet_write_number (list, 1, 2, 912345678, NULL);
  /* D2 left out: a gap. */
  worksheet_write_string (list, 1, 4, "Lào Cai", NULL);
  /* Row 3 left out entirely; row 4: */
  worksheet_write_string (list, 3, 0, "Trần Văn Bình", NULL);
  worksheet_write_datetime (list, 3, 1, &received, builtin_date);
  worksheet_write_number (list, 3, 2, 12.5, NULL);
  worksheet_write_boolean (list, 3, 3, 1, NULL);
  worksheet_write_string (list, 3, 4, "Nguyễn Thị Mai", NULL);
  worksheet_write_datetime (list, 4, 1, &leap, date);
  worksheet_write_number (list, 4, 2, 0.5, time);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx (void)
{
  g_autofree char *path = write_xlsx ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterSheet) first = shelter_sheet_read_file (path, NULL, NULL, &error);
  g_autoptr(ShelterSheet) sheet = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_cmpint (first->format, ==, SHELTER_SHEET_XLSX);
  g_assert_cmpstr (first->sheet_name, ==, "Ghi chú");
  g_assert_cmpstr (first->sheet_names[0], ==, "Ghi chú");
  g_assert_cmpstr (first->sheet_names[1], ==, "Danh sách");
  g_assert_null (first->sheet_names[2]);
  g_assert_cmpuint (first->rows->len, ==, 1);
  g_assert_cmpstr (cell (first, 0, 0), ==, "Danh sách tháng 11");
  g_assert_cmpint (first->delimiter, ==, 0);

  sheet = shelter_sheet_read_file (path, "Danh sách", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sheet->sheet_name, ==, "Danh sách");
  g_assert_cmpuint (sheet->rows->len, ==, 5);
  g_assert_cmpuint (sheet->n_columns, ==, 5);
  g_assert_cmpstr (cell (sheet, 0, 0), ==, "Họ và tên");
  g_assert_cmpstr (cell (sheet, 0, 1), ==, "Ngày sinh");
  g_assert_cmpstr (cell (sheet, 0, 2), ==, "Số điện thoại");
  g_assert_cmpstr (cell (sheet, 0, 3), ==, "Ghi chú");
  g_assert_cmpstr (cell (sheet, 0, 4), ==, "Quê quán");
  g_assert_cmpstr (cell (sheet, 1, 0), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (cell (sheet, 1, 1), ==, "1990-02-01");
  g_assert_cmpstr (cell (sheet, 1, 2), ==, "912345678");
  g_assert_cmpstr (cell (sheet, 1, 3), ==, "");
  g_assert_cmpstr (cell (sheet, 1, 4), ==, "Lào Cai");
  /* The left-out row is an empty row, numbered as Excel numbers it. */
  g_assert_cmpuint (row_width (sheet, 2), ==, 0);
  g_assert_cmpuint (row_line (sheet, 2), ==, 3);
  g_assert_cmpuint (row_line (sheet, 3), ==, 4);
  g_assert_cmpstr (cell (sheet, 3, 0), ==, "Trần Văn Bình");
  g_assert_cmpstr (cell (sheet, 3, 1), ==, "2026-11-22");
  g_assert_cmpstr (cell (sheet, 3, 2), ==, "12.5");
  g_assert_cmpstr (cell (sheet, 3, 3), ==, "TRUE");
  g_assert_cmpstr (cell (sheet, 3, 4), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (cell (sheet, 4, 0), ==, "");
  g_assert_cmpstr (cell (sheet, 4, 1), ==, "2000-02-29");
  /* A time of day is no date. */
  g_assert_cmpstr (cell (sheet, 4, 2), ==, "0.5");

  g_clear_pointer (&sheet, shelter_sheet_free);
  sheet = shelter_sheet_read_file (path, "Trang tính 3", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_IMPORT_SHEET);
  g_assert_nonnull (strstr (error->message, "Trang tính 3"));
  g_clear_error (&error);

  /* The same workbook cut in half (a download that stopped): refused as damaged. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_refused (contents, len / 2, "danh-sach.xlsx", SHELTER_FIELD_IMPORT_FILE, "damaged");
}

static void
test_zip_not_xlsx (void)
{
  g_autofree char *path = test_path ("photos.zip");
  g_autofree char *contents = NULL;
  gsize len;
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  const char text[] = "not a workbook";
  zip_source_t *source = zip_source_buffer (zip, text, sizeof text - 1, 0);

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_file_add (zip, "readme.txt", source, 0), >=, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_refused (contents, len, "list.xlsx", SHELTER_FIELD_IMPORT_FILE, "not an Excel workbook");
}

/* A workbook with the 1904 date system and an entity bomb: the first reads its dates from
 * 1904, the second is refused without expanding anything. */
static void
test_xlsx_hand_made (void)
{
  const char *workbook =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>";
  const char *rels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId7\" Type=\"x/worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>";
  const char *styles =
    "<?xml version=\"1.0\"?><styleSheet><numFmts><numFmt numFmtId=\"170\" formatCode=\"[$-42A]d&quot; tháng &quot;m\"/>"
    "<numFmt numFmtId=\"171\" formatCode=\"mm:ss\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/>"
    "<xf numFmtId=\"171\"/></cellXfs></styleSheet>";
  const char *data =
    "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\">"
    "<c r=\"B1\" s=\"1\"><v>0</v></c><c r=\"C1\" s=\"1\"><v>1</v></c><c r=\"D1\" s=\"2\"><v>5</v></c>"
    "<c r=\"AB1\" t=\"inlineStr\"><is><r><t>Lò </t></r><r><t xml:space=\"preserve\">Thị</t></r>"
    "<rPh><t>x</t></rPh></is></c><c t=\"str\"><v>A&amp;B</v></c></row></sheetData></worksheet>";
  const char *bomb =
    "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
    "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&d;&d;&d;</t></is></c></row></sheetData></worksheet>";

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autofree char *path = test_path (pass == 0 ? "hand.xlsx" : "bomb.xlsx");
      g_autofree char *contents = NULL;
      gsize len;
      int zerr = 0;
      zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
      const char *names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                              "xl/worksheets/data.xml" };
      const char *parts[] = { workbook, rels, styles, pass == 0 ? data : bomb };
      g_autoptr(GError) error = NULL;
      g_autoptr(ShelterSheet) sheet = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        zip_file_add (zip, names[i], zip_source_buffer (zip, parts[i], strlen (parts[i]), 0), 0);
      g_assert_cmpint (zip_close (zip), ==, 0);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      if (pass == 1)
        {
          assert_refused (contents, len, "bomb.xlsx", SHELTER_FIELD_IMPORT_FILE, "damaged");
          continue;
        }
      sheet = read_data (contents, len, "hand.xlsx", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (sheet->sheet_name, ==, "S");
      g_assert_cmpuint (sheet->n_columns, ==, 29);
      g_assert_cmpstr (cell (sheet, 0, 0), ==, "");
      g_assert_cmpstr (cell (sheet, 0, 1), ==, "0");
      g_assert_cmpstr (cell (sheet, 0, 2), ==, "1904-01-02");
      g_assert_cmpstr (cell (sheet, 0, 3), ==, "5");
      g_assert_cmpstr (cell (sheet, 0, 27), ==, "Lò Thị");
      g_assert_cmpstr (cell (sheet, 0, 28), ==, "A&B");
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/sheet/csv-comma-quotes-crlf", test_csv_comma_quotes_crlf);
  g_test_add_func ("/app/sheet/csv-semicolon-bom-cr", test_csv_semicolon_bom_and_cr);
  g_test_add_func ("/app/sheet/csv-utf16-tabs", test_csv_utf16_tabs);
  g_test_add_func ("/app/sheet/csv-tcvn3-and-vni", test_csv_legacy_encodings);
  g_test_add_func ("/app/sheet/csv-limits", test_csv_limits);
  g_test_add_func ("/app/sheet/bad-files", test_bad_files);
  g_test_add_func ("/app/sheet/file-too-large", test_file_too_large);
  g_test_add_func ("/app/sheet/cancelled", test_cancelled);
  g_test_add_func ("/app/sheet/xlsx", test_xlsx);
  g_test_add_func ("/app/sheet/zip-not-xlsx", test_zip_not_xlsx);
  g_test_add_func ("/app/sheet/xlsx-1904-and-entity-bomb", test_xlsx_hand_made);

  return g_test_run ();
}
