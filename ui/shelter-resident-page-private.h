/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* ShelterResidentPage's instance and the functions its files share: the page itself
 * (shelter-resident-page.c), the Overview tab (shelter-resident-page-overview.c), the Stay
 * and Room tab (shelter-resident-page-stay.c) and the intake record's printing and PDF
 * (shelter-resident-page-record.c). */

#include "shelter-case-file-view.h"
#include "shelter-discharge-papers.h"
#include "shelter-intake.h"
#include "shelter-person.h"
#include "shelter-reception.h"
#include "shelter-placement.h"
#include "shelter-resident-page.h"
#include "shelter-resident-summary.h"
#include "shelter-stay.h"

G_BEGIN_DECLS

struct _ShelterResidentPage
{
  AdwBin                  parent_instance;

  ShelterSession         *session;
  gint64                  person_id;
  ShelterResidentSummary *summary;
  /* The record, when the session may see it; NULL for a protected resident it may not. */
  ShelterPerson          *person;
  /* The newest stay, open or ended, and its intake and case file; each NULL when there is
   * none (an intake also when the session may not see it). */
  ShelterStay            *stay;
  ShelterIntake          *intake;
  ShelterCaseFile        *case_file;
  /* The absence the resident of an open stay is away on: since when (ISO 8601) and the
   * day they should be back (YYYY-MM-DD); both NULL when they are at the centre. */
  ShelterAbsence         *absence;      /* NULL when at the centre */
  /* The "Save as PDF" file chooser while it is open. */
  GtkFileChooserNative   *chooser;
  /* The rows of the History tab, read when the tab is first shown for this resident. */
  GPtrArray              *history_rows;
  gboolean                history_loaded;

  /* Template widgets */
  GtkLabel               *name_label;
  GtkLabel               *case_code_label;
  GtkLabel               *facts_label;
  GtkWidget              *record_button;
  GtkWidget              *edit_button;
  GtkListBox             *alerts_list;
  AdwViewStack           *view_stack;
  AdwViewStackPage       *stay_page;
  GtkBox                 *stay_box;
  AdwViewStackPage       *case_file_page;
  AdwViewStackPage       *history_page;
  AdwPreferencesGroup    *history_group;
  GtkStack               *overview_stack;
  GtkBox                 *overview_box;
  ShelterCaseFileView    *case_file_view;
  AdwViewSwitcherBar     *switcher_bar;
  AdwViewStackPage       *care_page; GtkBox *care_box; /* shelter-resident-page-care.c */
  AdwViewStackPage       *services_page; GtkBox *services_box; /* shelter-resident-page-services.c */
  AdwViewStackPage       *plan_page; GtkBox *plan_box; /* shelter-resident-page-plan.c */
  AdwViewStackPage       *safety_page; GtkBox *safety_box; /* shelter-resident-page-safety.c */
  AdwViewStackPage       *family_page; GtkBox *family_box; /* shelter-resident-page-family.c */
};

/* shelter-resident-page-overview.c: fills the Overview tab from what the page holds. */
void _shelter_resident_page_update_overview  (ShelterResidentPage *self);

/* shelter-resident-page.c: reads the resident again after a change saved from one of the
 * tabs, shows @message as a toast and emits "changed". */
void _shelter_resident_page_reload           (ShelterResidentPage *self,
                                              const char          *message);
/* The alert row: a prefix icon styled @style, @title and @subtitle (may be NULL). */
GtkWidget *_shelter_resident_page_new_alert_row (const char *icon_name,
                                                 const char *style,
                                                 const char *title,
                                                 const char *subtitle);
/* Makes an alert row open the tab named @tab when activated. */
void       _shelter_resident_page_link_alert    (GtkWidget  *row,
                                                 const char *tab);

/* shelter-resident-page-stay.c: fills the Stay and Room tab; adds the absence, if any, to
 * the alerts (TRUE when it added one). */
void     _shelter_resident_page_update_stay     (ShelterResidentPage *self);
gboolean _shelter_resident_page_add_stay_alerts (ShelterResidentPage *self);
gboolean _shelter_resident_page_add_care_alerts (ShelterResidentPage *self); /* shelter-resident-page-alerts-care.c: health checks due, the plan's review due */
/* The "resident.move", "resident.record-absence" and "resident.record-return" actions. */
void     _shelter_resident_page_move            (ShelterResidentPage *self);
void     _shelter_resident_page_record_absence  (ShelterResidentPage *self);
void     _shelter_resident_page_record_return   (ShelterResidentPage *self);

/* shelter-resident-page-discharge.c: on the Stay tab, "Discharge…" for an open stay, the
 * discharge, its papers and the follow-up for an ended one (called by update_stay); the
 * "resident.discharge", "resident.save-handover" and "resident.save-closure" actions. */
void _shelter_resident_page_update_discharge     (ShelterResidentPage       *self);
void _shelter_resident_page_discharge            (ShelterResidentPage       *self);
void _shelter_resident_page_save_discharge_paper (ShelterResidentPage       *self,
                                                  ShelterDischargePaperKind  kind);

/* shelter-resident-page-record.c: the "resident.print-intake-record" and
 * "resident.save-intake-record" actions. */
void _shelter_resident_page_print_record     (ShelterResidentPage *self);
void _shelter_resident_page_save_record      (ShelterResidentPage *self);
void _shelter_resident_page_close_chooser    (ShelterResidentPage *self);

/* shelter-resident-page-care.c: fills the Meals and Needs tab (and shows it or not). */
void _shelter_resident_page_update_care      (ShelterResidentPage *self);

/* shelter-resident-page-services.c: fills the Services tab (and shows it or not). */
void _shelter_resident_page_update_services  (ShelterResidentPage *self);

/* shelter-resident-page-plan.c: fills the Support Plan tab (and shows it or not). */
void _shelter_resident_page_update_plan      (ShelterResidentPage *self);

/* shelter-resident-page-safety.c: fills the Safety tab (and shows it or not). */
void _shelter_resident_page_update_safety    (ShelterResidentPage *self);

/* shelter-resident-page-family.c: fills the Family tab (and shows it or not). */
void _shelter_resident_page_update_family    (ShelterResidentPage *self);

G_END_DECLS
