/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-session.h"

G_BEGIN_DECLS

/* The papers of a discharge, in the Vietnamese official layout of the referral letter
 * (shelter-paper.h): the national heading beside the managing agency and the centre with
 * the paper's number, place and formal date, the title, the body, and the signatures.
 *
 * - The handover record (biên bản bàn giao, "N/BBBG-KT"): the day and the place, the
 *   handing-over side (the centre, its head, the staff member who discharged), the
 *   receiving side (the relative or the facility, and the commune People's Committee that
 *   confirms it), the person (case code, name, birth, home), the reason, what was handed over
 *   (papers and belongings against the intake list, travel money), the reintegration plan,
 *   and three signature columns (receiving side, commune, centre).
 * - The case-closure form (phiếu kết thúc trợ giúp, "N/PKT"): the person, the stay (from,
 *   to, days), the reason and destination, the services given by kind, the checklist as it
 *   stood and any override with its reason, the follow-up schedule (or, after a death, the
 *   cause and who was informed), and the signatures of the caseworker and the head of centre.
 *
 * VIEW_RESIDENTS (protected residents as shelter_person_open()); refused for a stay that has
 * no discharge. Writing a PDF is audited as an export, the file is mode 0600. */

typedef enum
{
  SHELTER_DISCHARGE_PAPER_HANDOVER,
  SHELTER_DISCHARGE_PAPER_CLOSURE,
} ShelterDischargePaperKind;

typedef struct _ShelterDischargePaper ShelterDischargePaper;

ShelterDischargePaper *shelter_discharge_paper_load      (ShelterSession             *session,
                                                          gint64                      stay_id,
                                                          ShelterDischargePaperKind   kind,
                                                          GError                    **error);
void                   shelter_discharge_paper_free      (ShelterDischargePaper      *paper);
/* The paper as plain text, one paragraph a line, in reading order: what the PDF shows. */
char                  *shelter_discharge_paper_dup_text  (ShelterDischargePaper      *paper);
/* A suggested file name without the person's name: "bien-ban-ban-giao-2026-0042.pdf". */
char                  *shelter_discharge_paper_dup_file_name (ShelterDischargePaper  *paper);
gboolean               shelter_discharge_paper_write_pdf (ShelterSession             *session,
                                                          ShelterDischargePaper      *paper,
                                                          const char                 *path,
                                                          GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterDischargePaper, shelter_discharge_paper_free)

G_END_DECLS
