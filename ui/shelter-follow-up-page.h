/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shelter-session.h"

G_BEGIN_DECLS

#define SHELTER_TYPE_FOLLOW_UP_PAGE (shelter_follow_up_page_get_type ())
G_DECLARE_FINAL_TYPE (ShelterFollowUpPage, shelter_follow_up_page, SHELTER, FOLLOW_UP_PAGE,
                      AdwBin)

/* The Follow-up section (theo dõi sau hỗ trợ): the planned follow-ups after discharge that
 * are overdue, and those due this week (the next seven days), in two groups that say so
 * when there is nothing to do. Each row: the case code, the name (or "Protected identity"), the
 * day of discharge, the due day, the method and the staff member; "Record…" and "Change…"
 * (RECORD_FOLLOW_UP) open the dialogs; activating a row emits ::resident-activated with the
 * person's id. NULL empties the page. */
void shelter_follow_up_page_set_session (ShelterFollowUpPage *self,
                                         ShelterSession      *session);
/* Reads the lists again. */
void shelter_follow_up_page_reload      (ShelterFollowUpPage *self);

G_END_DECLS
