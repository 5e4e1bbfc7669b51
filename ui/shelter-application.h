/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHELTER_TYPE_APPLICATION (shelter_application_get_type ())
G_DECLARE_FINAL_TYPE (ShelterApplication, shelter_application,
                      SHELTER, APPLICATION, AdwApplication)

/* @started_at is g_get_monotonic_time() at the start of main(), for --quit-after-first-frame. */
ShelterApplication *shelter_application_new          (gint64              started_at);

/* The application's settings, or NULL when the schema is not installed (an uninstalled run
 * without GSETTINGS_SCHEMA_DIR): windows then keep their default size. */
GSettings          *shelter_application_get_settings (ShelterApplication *self);

G_END_DECLS
