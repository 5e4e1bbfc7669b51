/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-reception.h"
#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_CASE_FILE_VIEW (shelter_case_file_view_get_type ())
G_DECLARE_FINAL_TYPE (ShelterCaseFileView, shelter_case_file_view,
                      SHELTER, CASE_FILE_VIEW, AdwBin)

/* The case file (hồ sơ) of one stay: each document received (with its date) or missing, the
 * deadline, and, for those who may admit, "Mark Received…" and "Undo…" per document. Emits
 * "changed" after a document was marked or unmarked (or the attempt found the file changed
 * by someone else), so that the page reads the case file again and shows it here. */

/* Shows @file (not taken; NULL: the person has no stay, hence no case file) as @session
 * sees it; @today is YYYY-MM-DD. */
void shelter_case_file_view_show (ShelterCaseFileView *self,
                                  ShelterSession      *session,
                                  ShelterCaseFile     *file,
                                  const char          *today);

G_END_DECLS
