/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "shelter-app-error.h"
#include "shelter-demo.h"
#include "ui-test-common.h"

ShelterApplication *app;

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autoptr (GError) error = NULL;

  /* The Vietnamese interface, from the translations built beside the tests. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  else
    g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SHELTER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* gtk_test_init() sets the C locale, in which gettext ignores LANGUAGE. */
  setlocale (LC_ALL, g_getenv ("LC_ALL"));
  adw_init ();

  app = shelter_application_new (g_get_monotonic_time ());
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* No notification server on this bus: test-notify.c tests them with one. */
  g_settings_set_string (shelter_application_get_settings (app), "notify-level", "off");
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay out and draw, as a person would wait for it. */
void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

ShelterWindow *
open_window (const char *path)
{
  ShelterWindow *window;

  window = shelter_window_new (app);
  shelter_window_open_database (window, path, SHELTER_DB_OPEN_DEFAULT);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (800);
  return window;
}

/* Types into the sign-in form as a person would, and presses Enter. */
void
sign_in (ShelterWindow *window,
         const char    *username,
         const char    *password)
{
  GtkWidget *username_row = find_widget (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW);
  GtkWidget *password_row = find_widget (GTK_WIDGET (window), ADW_TYPE_PASSWORD_ENTRY_ROW);
  GtkWidget *residents_row;

  g_assert_nonnull (username_row);
  g_assert_nonnull (password_row);
  gtk_editable_set_text (GTK_EDITABLE (username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (password_row), password);
  g_signal_emit_by_name (password_row, "entry-activated");
  /* Argon2id takes a moment. */
  wait_ms (1500);
  g_assert_nonnull (shelter_window_get_session (window));
  /* The day starts on Today (test_today_section); the tests that sign in here start from
   * the residents list, when the role has one. */
  residents_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                             SHELTER_TYPE_WINDOW,
                                                             "residents_row"));
  if (residents_row != NULL && gtk_widget_get_visible (residents_row))
    {
      gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (residents_row)),
                               GTK_LIST_BOX_ROW (residents_row));
      wait_ms (200);
    }
}

/* Runs the main loop until @condition holds, for at most @timeout_ms. */
gboolean
wait_until (gboolean (*condition) (gpointer data),
            gpointer   data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

/* A widget of a template by its id in the .ui file, shown or not. */
gpointer
find_by_id (GtkWidget  *root,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
find_toplevel (GType type)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
new_demo_copy (const char *name,
               char      **dir)
{
  g_autoptr (GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("shelter-ui-intake-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, name, NULL);
  shelter_demo_create (path, 20, 3, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

void
remove_demo_copy (char *path,
                  char *dir)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("SHELTER_SCREENSHOT_DIR");
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (g_strcmp0 (g_getenv ("SHELTER_PAUSE_AT"), name) == 0)
    wait_ms (g_getenv ("SHELTER_PAUSE_SECONDS") != NULL
             ? (guint) g_ascii_strtoull (g_getenv ("SHELTER_PAUSE_SECONDS"), NULL, 10) * 1000
             : 10000);
  if (dir == NULL)
    return;
  wait_ms (400);
  width = gtk_widget_get_width (GTK_WIDGET (native));
  height = gtk_widget_get_height (GTK_WIDGET (native));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (native));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, file));
}
