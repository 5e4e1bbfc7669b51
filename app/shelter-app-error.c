/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-app-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shelter-app-error.h"
#include "shelter-text.h"

G_DEFINE_QUARK (shelter-app-error-quark, shelter_app_error)
G_DEFINE_QUARK (shelter-field-error-quark, shelter_field_error)

gboolean
shelter_field_error (GError       **error,
                     ShelterField   field,
                     const char    *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SHELTER_FIELD_ERROR, (int) field, format, args);
  va_end (args);
  return FALSE;
}

gboolean
shelter_field_clean_text (const char    *text,
                          gboolean       note,
                          int            max_chars,
                          ShelterField   field,
                          const char    *label,
                          char         **clean,
                          GError       **error)
{
  g_autofree char *result = NULL;
  gboolean invalid = FALSE;

  result = note ? shelter_text_clean_note (text, &invalid) : shelter_text_clean (text, &invalid);
  if (invalid)
    return shelter_field_error (error, field,
                                _("%s: the text contains control characters. Type it again."),
                                label);
  if (result != NULL && g_utf8_strlen (result, -1) > max_chars)
    return shelter_field_error (error, field, _("%s: at most %d characters."), label, max_chars);
  *clean = g_steal_pointer (&result);
  return TRUE;
}
