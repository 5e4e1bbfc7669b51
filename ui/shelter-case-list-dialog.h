/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-report-export.h"
#include "shelter-session.h"
#include "shelter-statistics.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_CASE_LIST_DIALOG (shelter_case_list_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShelterCaseListDialog, shelter_case_list_dialog,
                      SHELTER, CASE_LIST_DIALOG, AdwWindow)

/* A modal dialog for the centre's own list of the stays of @period, with names: it says
 * that the names leave the program, asks why (required) and the format (CSV or XLSX),
 * then where to save it. For SHELTER_PERMISSION_EXPORT_CASE_LIST. */
ShelterCaseListDialog *shelter_case_list_dialog_new    (ShelterSession        *session,
                                                        const ShelterPeriod   *period);

/* What the dialog does once a file is chosen: shelter_case_list_export() with the reason
 * and format typed, the refusal shown on the field it names; closes the dialog when
 * written. */
gboolean               shelter_case_list_dialog_export (ShelterCaseListDialog *self,
                                                        const char            *path,
                                                        GError               **error);

G_END_DECLS
