/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "shelter-application.h"
#include "shelter-window.h"
#include "shelter-ui-private.h"

/* The product name is the same in every language. */
#define SHELTER_PRODUCT_NAME "Mái Ấm"

struct _ShelterApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;

  /* g_get_monotonic_time() at the start of main(). */
  gint64          started_at;
  /* From --database, absolute; NULL when not given. */
  char           *database;
  gboolean        quit_after_first_frame;
  gulong          after_paint_id;
  GdkFrameClock  *frame_clock;
};

G_DEFINE_FINAL_TYPE (ShelterApplication, shelter_application, ADW_TYPE_APPLICATION)

static const GOptionEntry shelter_application_options[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database file at PATH (it is never created)"), N_("PATH") },
  { "quit-after-first-frame", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Quit once the window is drawn, printing how long that took"), NULL },
  { NULL }
};

/* The database a window opens when neither --database nor SHELTER_DATABASE names one. */
static char *
shelter_application_dup_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "shelter.db", NULL);
}

static void
shelter_application_after_paint_cb (GdkFrameClock      *frame_clock,
                                    ShelterApplication *self)
{
  gint64 elapsed = g_get_monotonic_time () - self->started_at;

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_clear_object (&self->frame_clock);

  /* Read by the benchmark: not translated. */
  g_print ("first frame after %" G_GINT64_FORMAT " ms\n", elapsed / 1000);
  fflush (stdout);

  g_application_quit (G_APPLICATION (self));
}

static void
shelter_application_open_first_window (ShelterApplication *self)
{
  g_autofree char *default_path = shelter_application_dup_default_database ();
  g_autofree char *path = NULL;
  ShelterDbOpenFlags flags = SHELTER_DB_OPEN_DEFAULT;
  ShelterWindow *window;
  const char *env;

  /* An explicit path that does not exist is an error shown in the window, never a new
   * empty database: a mistyped path must not look like a centre with nobody in it. Only
   * the default database is created, on first start. */
  env = g_getenv ("SHELTER_DATABASE");
  if (self->database != NULL)
    path = g_strdup (self->database);
  else if (env != NULL && *env != '\0')
    path = g_canonicalize_filename (env, NULL);
  else if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (*last != '\0')
        path = g_steal_pointer (&last);
    }

  if (path == NULL || g_strcmp0 (path, default_path) == 0)
    {
      g_autofree char *folder = g_path_get_dirname (default_path);

      g_clear_pointer (&path, g_free);
      path = g_steal_pointer (&default_path);
      flags = SHELTER_DB_OPEN_CREATE;

      /* If this fails, opening the database says why. */
      g_mkdir_with_parents (folder, 0700);
    }

  window = shelter_window_new (self);
  shelter_window_open_database (window, path, flags);
  gtk_window_present (GTK_WINDOW (window));

  if (self->quit_after_first_frame)
    {
      self->frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

      if (self->frame_clock == NULL)
        {
          g_printerr ("no frame clock: the window was not realized\n");
          g_application_quit (G_APPLICATION (self));
          return;
        }

      g_object_ref (self->frame_clock);
      self->after_paint_id =
        g_signal_connect (self->frame_clock, "after-paint",
                          G_CALLBACK (shelter_application_after_paint_cb), self);
    }
}

static void
shelter_application_activate (GApplication *application)
{
  ShelterApplication *self = SHELTER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    gtk_window_present (window);
  else
    shelter_application_open_first_window (self);
}

static int
shelter_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  ShelterApplication *self = SHELTER_APPLICATION (application);
  g_autofree char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_clear_pointer (&self->database, g_free);
      self->database = g_canonicalize_filename (database, NULL);
    }

  if (g_variant_dict_contains (options, "quit-after-first-frame"))
    self->quit_after_first_frame = TRUE;

  /* Go on with the default handling. */
  return -1;
}

static void
shelter_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  ShelterApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, SHELTER_PRODUCT_NAME);
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Mái Ấm contributors"));
  adw_about_window_set_comments (about,
                                 _("Receive, house and follow up the people a social "
                                   "protection centre shelters."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Mái Ấm contributors"));
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (about, translators);

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shelter_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry shelter_application_actions[] = {
  { "about", shelter_application_about_action },
  { "quit", shelter_application_quit_action },
};

static void
shelter_application_load_settings (ShelterApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      /* g_settings_new() would abort. */
      g_message ("The settings schema %s is not installed; set GSETTINGS_SCHEMA_DIR to "
                 "the build's resources folder. Window size and last database are not kept.",
                 APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
}

static void
shelter_application_startup (GApplication *application)
{
  ShelterApplication *self = SHELTER_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (shelter_application_parent_class)->startup (application);

  shelter_application_load_settings (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   shelter_application_actions,
                                   G_N_ELEMENTS (shelter_application_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         close_accels);
  /* An application accelerator, not a binding of the window: it is handled before any
   * widget in the window sees the key, so Ctrl+F searches residents from anywhere (a
   * resident's page, the rooms, a text field), as the shortcuts window says. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);

  /* The launcher and the about window use it; installed, the theme has it too. */
  gtk_window_set_default_icon_name (APP_ID);
}

static void
shelter_application_dispose (GObject *object)
{
  ShelterApplication *self = SHELTER_APPLICATION (object);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shelter_application_parent_class)->dispose (object);
}

static void
shelter_application_finalize (GObject *object)
{
  ShelterApplication *self = SHELTER_APPLICATION (object);

  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (shelter_application_parent_class)->finalize (object);
}

static void
shelter_application_class_init (ShelterApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_application_dispose;
  object_class->finalize = shelter_application_finalize;

  application_class->activate = shelter_application_activate;
  application_class->startup = shelter_application_startup;
  application_class->handle_local_options = shelter_application_handle_local_options;
}

static void
shelter_application_init (ShelterApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), shelter_application_options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Mái Ấm: resident management for social "
                                              "protection centres."));
}

ShelterApplication *
shelter_application_new (gint64 started_at)
{
  ShelterApplication *self;

  /* Not unique: two windows on two databases are two processes, each with its own
   * --database. */
  self = g_object_new (SHELTER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/vn/maiam/Shelter",
                       NULL);
  self->started_at = started_at;

  return self;
}

GSettings *
shelter_application_get_settings (ShelterApplication *self)
{
  g_return_val_if_fail (SHELTER_IS_APPLICATION (self), NULL);

  return self->settings;
}
