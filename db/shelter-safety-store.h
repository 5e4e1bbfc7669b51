/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* Safety protection (schema 0008-safety.sql): risk assessments, incidents and the times the
 * police or border guard were informed. Who may read what is app/shelter-safety.c's
 * business: these functions return everything they are asked for. */

typedef struct
{
  gint64   id;
  gint64   stay_id;
  gint64   person_id;
  char    *case_code;
  gboolean high_protection;  /* the person's flag now */
  char    *created_at;
  char    *created_by;
  gboolean withheld;         /* set by app/: details held back from this session */
  /* A risk assessment */
  char    *assessed_on;
  char    *level;
  char    *reasons;
  char    *measures;
  char    *review_on;
  gboolean protection_set;
  /* An incident */
  char    *occurred_on;
  char    *what;
  char    *involved;
  char    *actions;
  /* A police report */
  gint64   incident_id;
  char    *informed_at;
  char    *unit;
  char    *officer;
  char    *means;
  char    *reference;
  char    *note;
} ShelterSafetyRow;

void      shelter_safety_row_free              (ShelterSafetyRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterSafetyRow, shelter_safety_row_free)

/* Each inserts one row from the fields of @row that belong to its table; its id or 0. */
gint64    shelter_safety_store_insert_risk     (ShelterDb               *db,
                                                const ShelterSafetyRow  *row,
                                                const ShelterStamp      *stamp,
                                                GError                 **error);
gint64    shelter_safety_store_insert_incident (ShelterDb               *db,
                                                const ShelterSafetyRow  *row,
                                                const ShelterStamp      *stamp,
                                                GError                 **error);
gint64    shelter_safety_store_insert_police   (ShelterDb               *db,
                                                const ShelterSafetyRow  *row,
                                                const ShelterStamp      *stamp,
                                                GError                 **error);

/* Every row of every stay of @person_id, newest first (ShelterSafetyRow). */
GPtrArray *shelter_safety_store_list_risks     (ShelterDb  *db,
                                                gint64      person_id,
                                                GError    **error);
GPtrArray *shelter_safety_store_list_incidents (ShelterDb  *db,
                                                gint64      person_id,
                                                GError    **error);
GPtrArray *shelter_safety_store_list_police    (ShelterDb  *db,
                                                gint64      person_id,
                                                GError    **error);

/* For the managers' notices: the reports with an id above @after_id, oldest first
 * (ShelterSafetyRow with id, stay_id, person_id, case_code, created_at, created_by and unit
 * only: never the officer, reference or note). */
GPtrArray *shelter_safety_store_police_after   (ShelterDb  *db,
                                                gint64      after_id,
                                                GError    **error);
/* The greatest id of police_report into *@last_id (0 when there is none). */
gboolean  shelter_safety_store_police_last_id  (ShelterDb  *db,
                                                gint64     *last_id,
                                                GError    **error);

/* The stay of an incident, or 0 (without error when there is no such incident). */
gint64    shelter_safety_store_incident_stay   (ShelterDb  *db,
                                                gint64      incident_id,
                                                GError    **error);

/* Turns the person's high protection on; *@changed says whether it was off. */
gboolean  shelter_safety_store_protect_person  (ShelterDb           *db,
                                                gint64               person_id,
                                                const ShelterStamp  *stamp,
                                                gboolean            *changed,
                                                GError             **error);

/* Open stays whose newest risk assessment is to be reviewed on or before @day
 * (YYYY-MM-DD), earliest review first (ShelterSafetyRow with the assessment's fields); of
 * @stay_id alone when it is not 0. */
GPtrArray *shelter_safety_store_review_due     (ShelterDb   *db,
                                                const char  *day,
                                                gint64       stay_id,
                                                GError     **error);

G_END_DECLS
