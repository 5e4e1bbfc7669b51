/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the UI's GResource (templates, style sheet, shortcuts window, icon) once.
 * Called from the class_init of every class that loads a template, so that tests can build
 * a single widget without the application. The resource is registered by hand: left to a
 * constructor inside the static library, the linker would drop it. */
void _shelter_ui_ensure_resources (void);

G_END_DECLS
