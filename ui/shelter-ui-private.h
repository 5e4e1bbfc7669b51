/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-placement.h"

G_BEGIN_DECLS

/* Registers the UI's GResource (templates, style sheet, shortcuts window, icon) once.
 * Called from the class_init of every class that loads a template, so that tests can build
 * a single widget without the application. The resource is registered by hand: left to a
 * constructor inside the static library, the linker would drop it. */
void  _shelter_ui_ensure_resources (void);

/* "2026-11-22T09:30:00+07:00" -> "22/11/2026 09:30", in the offset the time was written
 * with (the centre's); any other text is returned as it is. NULL for NULL. */
char *_shelter_ui_format_time      (const char *iso);

/* Marks a form row (or any widget) as the one at fault, with the "error" style class. */
void  _shelter_ui_set_error        (GtkWidget  *widget,
                                    gboolean    error);

/* Shows @message in @label (a GtkLabel styled "error" under a form), or hides the label
 * when @message is NULL. */
void  _shelter_ui_show_message     (GtkLabel   *label,
                                    const char *message);

/* Wipes the text of a password row or entry, so that the secret does not stay on screen
 * or in the widget's buffer longer than needed. */
void  _shelter_ui_clear_secret     (GtkEditable *editable);

/* libadwaita 1.2 gives the buttons inside an entry row (show the password, apply) a tooltip
 * but no accessible name: names them after their tooltip, in every AdwEntryRow under
 * @root. Called once a template is built. */
void  _shelter_ui_name_entry_row_buttons (GtkWidget *root);
/* GTK 4.8's catalogues lack the placeholder of a drop-down's search entry, so it shows
 * "Search…" in English: gives the search entry of @drop_down our own, translated, placeholder
 * and accessible name. */
void  _shelter_ui_name_drop_down_search (GtkDropDown *drop_down);

G_END_DECLS

G_BEGIN_DECLS

/* Removes every row of @list. */
void       _shelter_ui_clear_list_box (GtkListBox *list);

/* A row that shows text (no markup): @title, and @subtitle under it when not NULL. */
GtkWidget *_shelter_ui_new_text_row   (const char *title,
                                       const char *subtitle);

/* Shows @warnings (translated sentences) as rows of @list and shows @group only when there
 * are some. */
void       _shelter_ui_show_warnings  (GtkWidget  *group,
                                       GtkListBox *list,
                                       GPtrArray  *warnings);

G_END_DECLS

G_BEGIN_DECLS

/* "Discard Changes?" over @parent, with the responses "keep" (default, and on Escape) and
 * "discard" (destructive). The caller connects "response" and presents it. */
GtkWidget *_shelter_ui_new_discard_dialog (GtkWindow *parent);

/* A room in a list of rooms to choose from: "Female room · Adults 18 to 59 · 2 of 6 beds
 * free", with the age group's bounds as the centre has set them. */
char *_shelter_ui_describe_room    (ShelterRoom           *room,
                                    const ShelterAgeBands *bands);

/* Saving a paper as PDF: a Save dialog offering @file_name (kept ASCII: it travels by e-mail
 * and USB sticks) with a PDF filter. */
GtkFileChooserNative *_shelter_ui_pdf_chooser_new  (const char            *title,
                                                    GtkWindow             *parent,
                                                    const char            *file_name);
/* Destroys the dialog at *@chooser, if any, and clears it. */
void                  _shelter_ui_chooser_close    (GtkFileChooserNative **chooser);
/* The local path chosen in @chooser's @response: NULL without error when it was cancelled,
 * NULL with a message saying what to do when the place is not on this computer. */
char                 *_shelter_ui_chooser_get_path (GtkFileChooserNative  *chooser,
                                                    int                    response,
                                                    GError               **error);

G_END_DECLS
