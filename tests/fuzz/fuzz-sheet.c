/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the spreadsheet reader (as CSV and as XLSX) and the legacy text
 * detector and converter, on any bytes. Built and run by run-fuzz.sh. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shelter-legacy-text.h"
#include "shelter-sheet.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
convert_cells (ShelterSheet *sheet)
{
  g_autoptr(GPtrArray) column = g_ptr_array_new ();
  guint n_other = 0;

  for (guint i = 0; i < sheet->rows->len; i++)
    {
      ShelterSheetRow *row = sheet->rows->pdata[i];

      g_assert (row->cells->len <= SHELTER_SHEET_MAX_COLUMNS);
      for (guint j = 0; j < row->cells->len; j++)
        {
          const char *text = row->cells->pdata[j];
          ShelterLegacyEncoding encoding = shelter_legacy_detect (text);
          g_autofree char *converted = shelter_legacy_to_unicode (text, encoding);

          g_assert (g_utf8_validate (text, -1, NULL));
          g_assert (g_utf8_validate (converted, -1, NULL));
          if (j == 0)
            g_ptr_array_add (column, (gpointer) text);
        }
    }
  g_ptr_array_add (column, NULL);
  shelter_legacy_detect_all ((const char * const *) column->pdata, &n_other);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *names[] = { "fuzz.csv", "fuzz.xlsx" };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShelterSheet) sheet = shelter_sheet_read_bytes (bytes, names[i], NULL, NULL, &error);

      g_assert ((sheet == NULL) != (error == NULL));
      if (sheet != NULL)
        convert_cells (sheet);
    }
  for (ShelterLegacyEncoding e = SHELTER_LEGACY_UNICODE; e <= SHELTER_LEGACY_VNI; e++)
    {
      g_autofree char *converted = shelter_legacy_to_unicode (text, e);

      g_assert (g_utf8_validate (converted, -1, NULL));
    }
  shelter_legacy_detect (text);
  return 0;
}
