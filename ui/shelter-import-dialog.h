/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_IMPORT_DIALOG (shelter_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterImportDialog, shelter_import_dialog, SHELTER, IMPORT_DIALOG,
                      AdwWindow)

/* The import assistant (Administration, SHELTER_PERMISSION_IMPORT): residents brought in
 * from a CSV or XLSX spreadsheet in four steps: the file (and its sheet); the text's
 * encoding, shown on a sample before and after, and which column fills which field; every
 * row with its problems and its match with a person on record (a new stay or skipped);
 * then the import, all rows or none, and its counts. The file is read, checked and
 * imported in a worker thread on a connection of its own, with a button to stop it; the
 * dialog stays open on every refusal, saying it in words. Emits ::imported (with a message
 * for a toast, const char *) once people are written. */
ShelterImportDialog *shelter_import_dialog_new       (ShelterSession      *session);

/* Reads @path as if it had been chosen in the file chooser (the tests' way in). */
void                 shelter_import_dialog_open_file (ShelterImportDialog *self,
                                                      const char          *path);

/* Whether a file is being read, checked or imported now. */
gboolean             shelter_import_dialog_is_busy   (ShelterImportDialog *self);

G_END_DECLS
