/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shelter-db.h"

G_BEGIN_DECLS

/* The counts behind the periodic reports. Every query takes a period as two days,
 * @first (YYYY-MM-DD, inclusive) and @next (exclusive), compares the local dates of the
 * records (their first ten characters) and leaves voided records out. No name is read. */

/* A stay that began in the period, with what the breakdowns need. Strings are "" when
 * not recorded. */
typedef struct
{
  gint64 stay_id;
  gint64 person_id;
  char   admitted_on[11];
  char   sex[8];
  char   birth_date[11];          /* YYYY-MM-DD, YYYY, or "" */
  char   ethnicity_code[8];
  char   ethnicity_name[64];
  char   person_type[24];
  char   nationality_status[16];
  char   trafficking_scope[12];
  char   destination_country[8];
  char   destination_name[64];    /* the country's Vietnamese name, or "" */
  char   handed_over_by[24];
  char   return_mode[24];
  char   purposes[160];           /* comma-separated codes, "" for none */
} ShelterStatReceivedRow;

/* The stays admitted in the period, oldest first. */
GArray  *shelter_statistics_store_received (ShelterDb   *db,
                                            const char  *first,
                                            const char  *next,
                                            GError     **error);

/* A stay in care on at least one day of the period, for the meal days. */
typedef struct
{
  gint64 stay_id;
  char   admitted_on[11];
  char   discharged_on[11];       /* "" while staying */
} ShelterStatStayRow;

/* The stays begun before @next and not ended before @first, by id. */
GArray  *shelter_statistics_store_stays    (ShelterDb   *db,
                                            const char  *first,
                                            const char  *next,
                                            GError     **error);

typedef struct
{
  gint64 stay_id;
  char   started_on[11];
  char   returned_on[11];         /* "" while away */
} ShelterStatAbsenceRow;

/* The absences of those stays that began before @next, by stay and start. */
GArray  *shelter_statistics_store_absences (ShelterDb   *db,
                                            const char  *first,
                                            const char  *next,
                                            GError     **error);

typedef enum
{
  SHELTER_STAT_QUERY_IN_CARE_AT_END,  /* one row: stays begun before @next, not ended by then */
  SHELTER_STAT_QUERY_DISCHARGES,      /* reason, destination kind; count */
  SHELTER_STAT_QUERY_SERVICES,        /* kind; people, services, cost; then '*': all kinds */
  SHELTER_STAT_QUERY_CLOTHING_KITS,   /* one row: kits, people, cost */
  SHELTER_STAT_QUERY_REFERRALS,       /* status, direction; count */
  SHELTER_STAT_QUERY_FOLLOW_UPS,      /* situation; follow-ups, people; then '*': all */
} ShelterStatQuery;

typedef struct
{
  char   key[32];
  char   key2[32];
  gint64 a;
  gint64 b;
  gint64 c;
} ShelterStatCountRow;

GArray  *shelter_statistics_store_count    (ShelterDb         *db,
                                            ShelterStatQuery   query,
                                            const char        *first,
                                            const char        *next,
                                            GError           **error);

G_END_DECLS
