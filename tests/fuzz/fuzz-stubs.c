/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the reader needs of app/shelter-app-error.c, without the rest of the app (ICU,
 * the text helpers): the fuzz build compiles only the files under test. */
#include "config.h"

#include "shelter-app-error.h"

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
