/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "shelter-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShelterApplication) app = NULL;
  gint64 started_at = g_get_monotonic_time ();
  const char *localedir;

  /* SHELTER_LOCALEDIR points at the translations in the build tree (build-aux/dev sets it
   * to BUILD_LOCALEDIR), so that an uninstalled build speaks Vietnamese. */
  localedir = g_getenv ("SHELTER_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = shelter_application_new (started_at);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
