/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-application.h"
#include "shelter-window.h"

G_BEGIN_DECLS

/* What the UI tests share: the one application of the test program, a window on a demo
 * database, signing in as a person would, waiting, and finding widgets. */

/* One application for all the tests of a program: a registered application cannot be
 * registered again on the same bus. Set by the test's main() (or ui_test_init()). */
extern ShelterApplication *app;

/* The Vietnamese interface from the translations built beside the tests, gtk_test_init(),
 * libadwaita, and the application registered, with desktop notifications off. */
void            ui_test_init       (int          *argc,
                                    char       ***argv);

/* Lets the window lay out and draw, as a person would wait for it. */
void            wait_ms            (guint         ms);
/* Runs the main loop until @condition holds, for at most @timeout_ms. */
gboolean        wait_until         (gboolean    (*condition) (gpointer data),
                                    gpointer      data,
                                    guint         timeout_ms);

/* The first mapped widget of @type under @root. */
GtkWidget      *find_widget        (GtkWidget    *root,
                                    GType         type);
/* The first widget of @type under @root, shown or not. */
GtkWidget      *find_type          (GtkWidget    *root,
                                    GType         type);
/* A widget of a template by its id in the .ui file, shown or not. */
gpointer        find_by_id         (GtkWidget    *root,
                                    const char   *id);
/* A visible top-level window of @type. */
gpointer        find_toplevel      (GType         type);
/* The text of every mapped label under @root, one a line. */
void            collect_labels     (GtkWidget    *root,
                                    GString      *out);

/* A window of the application on the database at @path, shown. */
ShelterWindow  *open_window        (const char   *path);
/* Types into the sign-in form as a person would, and presses Enter; then shows the
 * residents list when the role has one. */
void            sign_in            (ShelterWindow *window,
                                    const char    *username,
                                    const char    *password);

/* A demo centre of 20 residents named @name in a new temporary folder (*@dir), and its
 * removal with the folder. */
char           *new_demo_copy      (const char   *name,
                                    char        **dir);
void            remove_demo_copy   (char         *path,
                                    char         *dir);

/* With SHELTER_SCREENSHOT_DIR set, saves what @widget's window shows as NAME.png there;
 * SHELTER_PAUSE_AT=NAME holds the window there for ten seconds (SHELTER_PAUSE_SECONDS), for
 * a11y-tree. */
void            save_screenshot    (GtkWidget    *widget,
                                    const char   *name);

G_END_DECLS
