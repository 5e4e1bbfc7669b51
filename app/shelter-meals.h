/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "shelter-enums.h"
#include "shelter-session.h"
#include "shelter-stores.h"

G_BEGIN_DECLS

/* Meals and essential needs: the centre's meal schedule, each stay's diet, the kitchen
 * sheet of a day, the meal days of a stay priced from the province's rates, and the
 * clothing kit handed over on arrival.
 *
 * Who eats on a day. A resident counts for every meal of day D when their stay covers some
 * of D (admitted on D or before, not discharged before D) and they were not away the whole
 * of D. Away the whole day means an absence that began before D (on an earlier date) and
 * had not ended by the end of D (no return yet, or a return on a later date). So the day
 * someone leaves for hospital and the day they come back both count, as do the day of
 * admission and the day of discharge; a resident away from Monday to Thursday does not eat
 * at the centre on Tuesday and Wednesday. The kitchen sheet and the meal days of a stay
 * follow the same rule, so what the kitchen cooked is what the stay is charged.
 *
 * Names on the kitchen sheet. The sheet is printed and pinned in the kitchen, so a resident
 * under high protection appears on it by case code only, whoever prints it (even a manager
 * who may see the name elsewhere): the cook needs the diet, not who it is. Everyone else
 * with a special diet or an allergy is listed by name with their case code. */

extern const ShelterEnum shelter_enum_diet;           /* normal, vegetarian, soft_medical, infant, other */
extern const ShelterEnum shelter_enum_rate_kind;  /* meals_per_day, clothing_kit, travel_meal_per_day */
extern const ShelterEnum shelter_enum_clothing_item;  /* clothes, underwear, ..., sanitary_pads */

#define SHELTER_N_DIETS 5
#define SHELTER_DIET_NOTE_MAX 300
#define SHELTER_DIET_ALLERGIES_MAX 300
#define SHELTER_RATE_BASIS_MAX 300
#define SHELTER_MEALS_MAX 6

/* The index of a diet code in shelter_enum_diet, or -1. */
int         shelter_diet_index              (const char        *diet);

/* ---- The meal schedule ------------------------------------------------------------------ */

/* The meals of the day from the setting SHELTER_SETTING_MEAL_SCHEDULE: meal names separated
 * by ";", in the order they are served; "breakfast", "lunch" and "dinner" are codes shown
 * translated, anything else is shown as typed. Default "breakfast;lunch;dinner". */
#define SHELTER_SETTING_MEAL_SCHEDULE "meal_schedule"

/* The entries of a schedule value, trimmed, or NULL with SHELTER_FIELD_SETTING: at least 3
 * meals (domain: at least three meals a day), at most 6, each 1 to 40 characters, no two
 * alike. The settings use case calls it to validate the setting. */
GStrv       shelter_meal_schedule_parse     (const char        *value,
                                             GError           **error);
/* The meals of the centre's schedule, translated for display (never fails: a damaged
 * setting falls back to the default). */
GStrv       shelter_meal_schedule_labels    (ShelterDb         *db);

/* ---- Diets ------------------------------------------------------------------------------ */

/* VIEW_RESIDENTS. The diets recorded for a stay, newest first (ShelterDietRow). */
GPtrArray  *shelter_diet_history            (ShelterSession    *session,
                                             gint64             stay_id,
                                             GError           **error);
/* The diet in force on @day (YYYY-MM-DD) in @history (as listed), or NULL (normal). */
const ShelterDietRow *shelter_diet_find     (GPtrArray         *history,
                                             const char        *day);

/* RECORD_DIET; audited. Records that the stay eats @diet from @valid_from (dd/mm/yyyy or
 * YYYY-MM-DD; NULL for today) until the next diet recorded. Medical staff (who may not
 * ADMIT) record soft or medical diets and the return to normal only. @note (at most 300
 * characters) is required for soft_medical and other; @allergies (at most 300) is optional.
 * Refused, naming the field: a day before the stay's admission, after its discharge, or in
 * the future. Returns the diet's id, or 0 with @error set. */
gint64      shelter_diet_set                (ShelterSession    *session,
                                             gint64             stay_id,
                                             const char        *diet,
                                             const char        *note,
                                             const char        *allergies,
                                             const char        *valid_from,
                                             GError           **error);

/* ---- The kitchen sheet ------------------------------------------------------------------ */

typedef struct
{
  char *case_code;
  char *name;       /* "Lò Thị Mai"; NULL for a resident under high protection */
  char *diet;       /* a code of shelter_enum_diet */
  char *note;
  char *allergies;
} ShelterKitchenEntry;

typedef struct
{
  char       *day;            /* YYYY-MM-DD */
  char       *centre_name;    /* NULL before set-up */
  char       *managing_agency;
  GStrv       meals;          /* the schedule's meals, translated */
  guint       residents;      /* eating at the centre: every meal of the day counts them */
  guint       away;           /* staying, but away the whole day: not counted */
  guint       by_diet[SHELTER_N_DIETS]; /* residents by diet, in shelter_enum_diet's order */
  guint       with_allergies;
  GPtrArray  *special;        /* ShelterKitchenEntry: a diet other than normal, or allergies */
} ShelterKitchenSheet;

void                 shelter_kitchen_sheet_free     (ShelterKitchenSheet  *sheet);
/* VIEW_KITCHEN (everyone signed in). @day is YYYY-MM-DD or dd/mm/yyyy; NULL for today. */
ShelterKitchenSheet *shelter_kitchen_sheet_load     (ShelterSession       *session,
                                                     const char           *day,
                                                     GError              **error);
/* Portions of @meal (an index of sheet->meals) for @diet (a code); the same for each meal. */
guint                shelter_kitchen_sheet_count    (ShelterKitchenSheet  *sheet,
                                                     guint                 meal,
                                                     const char           *diet);
/* The sheet as plain lines (tab-separated table), as shelterctl kitchen prints it. */
char                *shelter_kitchen_sheet_dup_text (ShelterKitchenSheet  *sheet);

/* A4 portrait in points, like the intake record: paginate for the page size, then draw each
 * page; without paginate, draw_page lays out for A4. */
guint                shelter_kitchen_sheet_paginate (ShelterKitchenSheet  *sheet,
                                                     cairo_t              *cr,
                                                     double                width,
                                                     double                height);
void                 shelter_kitchen_sheet_draw_page (ShelterKitchenSheet *sheet,
                                                      cairo_t             *cr,
                                                      guint                page);
/* Writes an A4 PDF (mode 0600) and records the export; or records that it was printed. */
gboolean             shelter_kitchen_sheet_write_pdf (ShelterSession      *session,
                                                      ShelterKitchenSheet *sheet,
                                                      const char          *path,
                                                      GError             **error);
gboolean             shelter_kitchen_sheet_note_printed (ShelterSession      *session,
                                                         ShelterKitchenSheet *sheet,
                                                         GError             **error);

/* ---- Meal days of a stay ---------------------------------------------------------------- */

typedef struct
{
  char     *first_day;   /* YYYY-MM-DD */
  char     *last_day;
  guint     days;        /* meal days in the period (days away the whole day left out) */
  gboolean  funded;      /* within the funded limit */
  gint64    rate_dong;   /* the meals_per_day rate in force; -1 when none: unpriced */
  char     *legal_basis; /* of the rate, NULL when none */
} ShelterMealPeriod;

typedef struct
{
  char      *first_day;        /* admission day */
  char      *last_day;         /* discharge day, or today while staying */
  guint      limit_days;       /* funded meal days in force on the admission day; 0: none */
  guint      days;             /* meal days */
  guint      away_days;        /* whole days away, not counted */
  guint      funded_days;      /* of @days, within the limit (all of them when no limit) */
  guint      beyond_days;      /* of @days, past the limit */
  guint      funded_unpriced;  /* of @funded_days, on days without a meal rate */
  guint      beyond_unpriced;
  gint64     funded_dong;      /* priced days only */
  gint64     beyond_dong;
  GPtrArray *periods;          /* ShelterMealPeriod, in order: a new one at each change of
                                * rate or at the limit */
} ShelterMealDays;

void             shelter_meal_days_free  (ShelterMealDays  *days);
/* VIEW_RESIDENTS. Counts the meal days of a stay, each priced by the meals_per_day rate of
 * the centre's province in force that day. A day without a rate is counted as unpriced,
 * never as 0 ₫. */
ShelterMealDays *shelter_meal_days_count (ShelterSession   *session,
                                          gint64            stay_id,
                                          GError          **error);

/* ---- Rates ------------------------------------------------------------------------------ */

/* VIEW_KITCHEN. Every rate (ShelterRateRow), by kind, province and newest start first. */
GPtrArray  *shelter_rates_list              (ShelterSession    *session,
                                             GError           **error);
/* In @rates, the rate of @kind for @province_code in force on @day, or NULL. */
const ShelterRateRow *shelter_rates_find    (GPtrArray         *rates,
                                             const char        *kind,
                                             const char        *province_code,
                                             const char        *day);
/* The centre's province code, or NULL before set-up. */
char       *shelter_rates_centre_province   (ShelterDb         *db);

/* EDIT_CENTRE (administrator and manager); audited. Records a rate of @kind for
 * @province_code (NULL: the centre's province) of @amount_dong (> 0) a day (meals) or a
 * kit, from @valid_from to @valid_to (its last day, NULL: until replaced), on
 * @legal_basis (required, at most 300 characters). The rate of that kind and province in
 * force on @valid_from ends the day before, as a new decree supersedes the old. A start on
 * or before that of a rate already recorded is refused: the past is not rewritten. Refusals
 * name the field (SHELTER_FIELD_RATE_*). Returns the rate's id, or 0. */
gint64      shelter_rates_add               (ShelterSession    *session,
                                             const char        *kind,
                                             const char        *province_code,
                                             gint64             amount_dong,
                                             const char        *legal_basis,
                                             const char        *valid_from,
                                             const char        *valid_to,
                                             GError           **error);

/* ---- The clothing kit ------------------------------------------------------------------- */

/* The checklist for a person of @sex ("female"/"male"): every item, sanitary pads for
 * women only. NULL-terminated, static. */
const char * const *shelter_clothing_kit_items_for (const char  *sex);

/* VIEW_RESIDENTS. The kit handed to a stay, or NULL without error when none yet. */
ShelterClothingKitRow *shelter_clothing_kit_get    (ShelterSession  *session,
                                                    gint64           stay_id,
                                                    GError         **error);

/* ADMIT; audited. Records the kit of @items (codes of shelter_enum_clothing_item, at least
 * one) handed to the stay on @issued_on (dd/mm/yyyy or YYYY-MM-DD; NULL: today) by the
 * signed-in staff member, priced by the clothing_kit rate of the centre's province in force
 * that day (no rate: no cost, shown as unpriced). Refused, naming the field: sanitary pads
 * for a man, a day before admission or in the future. One kit a stay: a second one is
 * refused (a kit replaced later is not an arrival kit). Returns the kit's id, or 0. */
gint64      shelter_clothing_kit_issue      (ShelterSession     *session,
                                             gint64              stay_id,
                                             const char * const *items,
                                             const char         *issued_on,
                                             GError            **error);

/* For shelter-demo.c: diets, rates and kits for the demo centre. */
gboolean    _shelter_demo_meals_write       (ShelterSession    *session,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterKitchenSheet, shelter_kitchen_sheet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShelterMealDays, shelter_meal_days_free)

G_END_DECLS
