/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-meals"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-meals.h"
#include "shelter-settings.h"
#include "shelter-text.h"

#define ENUM(name, table) \
  const ShelterEnum name = { table, G_N_ELEMENTS (table) }

static const ShelterEnumValue diet_values[] = {
  { "normal", N_("Normal") },
  { "vegetarian", N_("Vegetarian") },
  { "soft_medical", N_("Soft or medical") },
  { "infant", N_("Infant") },
  { "other", N_("Other diet") },
};
ENUM (shelter_enum_diet, diet_values);
G_STATIC_ASSERT (G_N_ELEMENTS (diet_values) == SHELTER_N_DIETS);

static const ShelterEnumValue rate_kind_values[] = {
  { "meals_per_day", N_("Meals, per resident and day") },
  { "clothing_kit", N_("Clothing kit, per resident") },
  { "travel_meal_per_day", N_("Meals on the journey home, per day") },
};
ENUM (shelter_enum_rate_kind, rate_kind_values);

/* domain.md: 2 sets of clothes, 2 sets of underwear, towel, slippers, toothbrush and paste,
 * soap, and sanitary pads for women. */
static const ShelterEnumValue clothing_item_values[] = {
  { "clothes", N_("Two sets of clothes") },
  { "underwear", N_("Two sets of underwear") },
  { "towel", N_("Towel") },
  { "slippers", N_("Slippers") },
  { "toothbrush_paste", N_("Toothbrush and toothpaste") },
  { "soap", N_("Soap") },
  { "sanitary_pads", N_("Sanitary pads") },
};
ENUM (shelter_enum_clothing_item, clothing_item_values);

#define WOMEN_ONLY_ITEM "sanitary_pads"
#define MEAL_NAME_MAX 40
#define DEFAULT_SCHEDULE "breakfast;lunch;dinner"

static const ShelterEnumValue meal_values[] = {
  { "breakfast", N_("Breakfast") },
  { "lunch", N_("Lunch") },
  { "dinner", N_("Dinner") },
};
static ENUM (meal_enum, meal_values);

/* shelter_session_check()'s refusal, naming the act more closely than the permission does:
 * rates come under the centre's profile, reading them under the kitchen. */
static gboolean
check_permission (ShelterSession     *session,
                  ShelterPermission   permission,
                  const char         *what,
                  GError            **error)
{
  if (shelter_session_may (session, permission))
    return TRUE;
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
               _("Your account may not %s. Ask a manager or the administrator."), what);
  return FALSE;
}

int
shelter_diet_index (const char *diet)
{
  for (guint i = 0; i < G_N_ELEMENTS (diet_values); i++)
    if (g_strcmp0 (diet_values[i].code, diet) == 0)
      return (int) i;
  return -1;
}

/* ---- Days -------------------------------------------------------------------------------- */

static char *
today_of (ShelterSession *session)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
iso_of (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gboolean
date_of (const char *iso,
         GDate      *date)
{
  g_date_clear (date, 1);
  return iso != NULL && strlen (iso) >= 10 && shelter_text_parse_date (iso, date);
}

/* A day typed as dd/mm/yyyy or YYYY-MM-DD, as YYYY-MM-DD; NULL with a field error. */
static char *
parse_day (const char    *text,
           ShelterField   field,
           const char    *label,
           GError       **error)
{
  g_autofree char *clean = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (clean == NULL || clean[0] == '\0' || !shelter_text_parse_date (clean, &date) ||
      strlen (clean) < 8)
    {
      shelter_field_error (error, field, _("%s: enter a day as dd/mm/yyyy."), label);
      return NULL;
    }
  return iso_of (&date);
}

/* ---- The meal schedule ------------------------------------------------------------------ */

GStrv
shelter_meal_schedule_parse (const char  *value,
                             GError     **error)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GPtrArray) meals = g_ptr_array_new_with_free_func (g_free);

  parts = g_strsplit (value != NULL ? value : "", ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean invalid = FALSE;
      g_autofree char *meal = shelter_text_clean (parts[i], &invalid);

      if (invalid)
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Meals: remove the control characters."));
          return NULL;
        }
      if (meal == NULL)
        continue;
      if (g_utf8_strlen (meal, -1) > MEAL_NAME_MAX)
        {
          g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                       _("Meals: a meal’s name may have at most %d characters."), MEAL_NAME_MAX);
          return NULL;
        }
      for (guint j = 0; j < meals->len; j++)
        {
          g_autofree char *a = shelter_text_fold (meal);
          g_autofree char *b = shelter_text_fold (g_ptr_array_index (meals, j));

          if (g_str_equal (a, b))
            {
              g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                           _("Meals: “%s” is listed twice."), meal);
              return NULL;
            }
        }
      g_ptr_array_add (meals, g_steal_pointer (&meal));
    }
  if (meals->len < 3 || meals->len > SHELTER_MEALS_MAX)
    {
      g_set_error (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_SETTING,
                   _("Meals: list from 3 to %d meals a day, separated by “;”."),
                   SHELTER_MEALS_MAX);
      return NULL;
    }
  g_ptr_array_add (meals, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&meals), FALSE);
}

GStrv
shelter_meal_schedule_labels (ShelterDb *db)
{
  g_autofree char *value = shelter_settings_get (db, SHELTER_SETTING_MEAL_SCHEDULE,
                                                 DEFAULT_SCHEDULE);
  g_autoptr (GError) error = NULL;
  GStrv meals = shelter_meal_schedule_parse (value, &error);

  if (meals == NULL)
    {
      g_warning ("The meal schedule “%s” is not valid (%s); using the default.", value,
                 error->message);
      meals = shelter_meal_schedule_parse (DEFAULT_SCHEDULE, NULL);
    }
  for (guint i = 0; meals[i] != NULL; i++)
    if (shelter_enum_is_valid (&meal_enum, meals[i]))
      {
        char *label = g_strdup (shelter_enum_label (&meal_enum, meals[i]));

        g_free (meals[i]);
        meals[i] = label;
      }
  return meals;
}

/* ---- Diets ------------------------------------------------------------------------------ */

GPtrArray *
shelter_diet_history (ShelterSession  *session,
                      gint64           stay_id,
                      GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_diet_store_list (shelter_session_get_db (session), stay_id, error);
}

const ShelterDietRow *
shelter_diet_find (GPtrArray  *history,
                   const char *day)
{
  g_return_val_if_fail (history != NULL, NULL);

  /* Newest first: the first that began on @day or before. */
  for (guint i = 0; i < history->len; i++)
    {
      const ShelterDietRow *row = g_ptr_array_index (history, i);

      if (strcmp (row->valid_from, day) <= 0)
        return row;
    }
  return NULL;
}

/* The stay, checked to cover @day (YYYY-MM-DD) and @day not after today; else a field
 * error on @field in the words of @label. */
static ShelterStay *
stay_covering (ShelterSession  *session,
               gint64           stay_id,
               const char      *day,
               ShelterField     field,
               const char      *label,
               GError         **error)
{
  g_autoptr (ShelterStay) stay = NULL;
  g_autofree char *today = today_of (session);
  g_autofree char *admitted = NULL;
  g_autofree char *shown = NULL;
  GError *local_error = NULL;

  stay = shelter_stay_store_get (shelter_session_get_db (session), stay_id, &local_error);
  if (stay == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (strcmp (day, today) > 0)
    {
      shelter_field_error (error, field, _("%s: the day is in the future. Enter today or a day "
                                           "before."), label);
      return NULL;
    }
  admitted = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  if (strcmp (day, admitted) < 0)
    {
      shown = shelter_text_format_date (admitted);
      shelter_field_error (error, field, _("%s: the day is before the resident was admitted on "
                                           "%s. Enter that day or a later one."), label, shown);
      return NULL;
    }
  if (shelter_stay_get_discharged_at (stay) != NULL &&
      strncmp (day, shelter_stay_get_discharged_at (stay), 10) > 0)
    {
      shown = shelter_text_format_date (shelter_stay_get_discharged_at (stay));
      shelter_field_error (error, field, _("%s: the stay ended on %s. Enter a day of the stay."),
                           label, shown);
      return NULL;
    }
  return g_steal_pointer (&stay);
}

gint64
shelter_diet_set (ShelterSession  *session,
                  gint64           stay_id,
                  const char      *diet,
                  const char      *note,
                  const char      *allergies,
                  const char      *valid_from,
                  GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *clean_note = NULL;
  g_autofree char *clean_allergies = NULL;
  g_autofree char *day = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!check_permission (session, SHELTER_PERMISSION_RECORD_DIET, _("record a diet"), error))
    return 0;
  if (shelter_diet_index (diet) < 0)
    {
      shelter_field_error (error, SHELTER_FIELD_DIET_KIND,
                           _("Diet: choose normal, vegetarian, soft or medical, infant or "
                             "other."));
      return 0;
    }
  if (!shelter_session_may (session, SHELTER_PERMISSION_ADMIT) &&
      !g_str_equal (diet, "soft_medical") && !g_str_equal (diet, "normal"))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_PERMISSION_DENIED,
                   _("Medical staff record soft or medical diets, and the return to the normal "
                     "diet. Ask a caseworker for any other diet."));
      return 0;
    }
  if (!shelter_field_clean_text (note, TRUE, SHELTER_DIET_NOTE_MAX, SHELTER_FIELD_DIET_NOTE,
                                 _("Note for the kitchen"), &clean_note, error) ||
      !shelter_field_clean_text (allergies, FALSE, SHELTER_DIET_ALLERGIES_MAX,
                                 SHELTER_FIELD_DIET_ALLERGIES, _("Allergies"), &clean_allergies,
                                 error))
    return 0;
  if (clean_note == NULL && (g_str_equal (diet, "soft_medical") || g_str_equal (diet, "other")))
    {
      shelter_field_error (error, SHELTER_FIELD_DIET_NOTE,
                           _("Note for the kitchen: say what the resident may eat (for example "
                             "“rice porridge, no fried food, for two weeks”)."));
      return 0;
    }
  if (valid_from == NULL)
    day = today_of (session);
  else if ((day = parse_day (valid_from, SHELTER_FIELD_DIET_FROM, _("From"), error)) == NULL)
    return 0;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = stay_covering (session, stay_id, day, SHELTER_FIELD_DIET_FROM, _("From"), &local_error);
  if (stay == NULL)
    goto failed;
  id = shelter_diet_store_insert (db, stay_id, diet, clean_note, clean_allergies, day, &stamp,
                                  &local_error);
  if (id == 0)
    goto failed;
  /* The note and allergies may say why (an operation): the trail keeps that they changed. */
  details = g_strdup_printf ("diet: %s\nfrom: %s\nnote: %s\nallergies: %s", diet, day,
                             clean_note != NULL ? "(set)" : "-",
                             clean_allergies != NULL ? "(set)" : "-");
  if (!shelter_audit_record (session, stamp.at, "set_diet", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (!shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- The kitchen sheet ------------------------------------------------------------------ */

static void
kitchen_entry_free (ShelterKitchenEntry *entry)
{
  g_free (entry->case_code);
  g_free (entry->name);
  g_free (entry->diet);
  g_free (entry->note);
  g_free (entry->allergies);
  g_free (entry);
}

typedef struct
{
  ShelterKitchenSheet  sheet;
  double               width;
  double               height;
} KitchenSheet;

void
shelter_kitchen_sheet_free (ShelterKitchenSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->day);
  g_free (sheet->centre_name);
  g_free (sheet->managing_agency);
  g_strfreev (sheet->meals);
  g_clear_pointer (&sheet->special, g_ptr_array_unref);
  g_free ((KitchenSheet *) sheet);
}

static char *
join_name (const char *family,
           const char *middle,
           const char *given)
{
  const char *parts[] = { family, middle, given };
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      {
        if (name->len > 0)
          g_string_append_c (name, ' ');
        g_string_append (name, parts[i]);
      }
  return g_string_free (name, FALSE);
}

ShelterKitchenSheet *
shelter_kitchen_sheet_load (ShelterSession  *session,
                            const char      *day,
                            GError         **error)
{
  g_autoptr (ShelterKitchenSheet) sheet = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (ShelterCentre) centre = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!check_permission (session, SHELTER_PERMISSION_VIEW_KITCHEN, _("see the kitchen sheet"),
                         error))
    return NULL;
  sheet = (ShelterKitchenSheet *) g_new0 (KitchenSheet, 1);
  if (day == NULL)
    sheet->day = today_of (session);
  else if ((sheet->day = parse_day (day, SHELTER_FIELD_DOCUMENT_DATE, _("Day"), error)) == NULL)
    return NULL;

  db = shelter_session_get_db (session);
  sheet->meals = shelter_meal_schedule_labels (db);
  sheet->special = g_ptr_array_new_with_free_func ((GDestroyNotify) kitchen_entry_free);
  centre = shelter_centre_store_get (db, NULL);
  if (centre != NULL)
    sheet->centre_name = g_strdup (shelter_centre_get_name (centre));
  sheet->managing_agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  if (sheet->managing_agency != NULL && sheet->managing_agency[0] == '\0')
    g_clear_pointer (&sheet->managing_agency, g_free);

  rows = shelter_kitchen_store_day (db, sheet->day, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ShelterKitchenRow *row = g_ptr_array_index (rows, i);
      int diet = row->diet != NULL ? shelter_diet_index (row->diet) : 0;
      ShelterKitchenEntry *entry;

      if (row->away)
        {
          sheet->away++;
          continue;
        }
      if (diet < 0)
        diet = shelter_diet_index ("other");
      sheet->residents++;
      sheet->by_diet[diet]++;
      if (row->allergies != NULL)
        sheet->with_allergies++;
      if (diet == 0 && row->allergies == NULL)
        continue;
      entry = g_new0 (ShelterKitchenEntry, 1);
      entry->case_code = g_strdup (row->case_code);
      /* Pinned in the kitchen: never the name of someone under high protection. */
      if (!row->high_protection)
        entry->name = join_name (row->family_name, row->middle_name, row->given_name);
      entry->diet = g_strdup (diet_values[diet].code);
      entry->note = g_strdup (row->note);
      entry->allergies = g_strdup (row->allergies);
      g_ptr_array_add (sheet->special, entry);
    }
  return g_steal_pointer (&sheet);
}

guint
shelter_kitchen_sheet_count (ShelterKitchenSheet *sheet,
                             guint                meal,
                             const char          *diet)
{
  int index = shelter_diet_index (diet);

  g_return_val_if_fail (sheet != NULL, 0);
  g_return_val_if_fail (meal < g_strv_length (sheet->meals), 0);
  g_return_val_if_fail (index >= 0, 0);

  /* Whoever eats at the centre that day eats every meal of it. */
  return sheet->by_diet[index];
}

char *
shelter_kitchen_sheet_dup_text (ShelterKitchenSheet *sheet)
{
  g_autofree char *date = NULL;
  GString *text;

  g_return_val_if_fail (sheet != NULL, NULL);

  date = shelter_text_format_date (sheet->day);
  text = g_string_new (NULL);
  g_string_append_printf (text, _("Kitchen sheet for %s"), date);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Residents eating at the centre: %u"), sheet->residents);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Away all day, not counted: %u"), sheet->away);
  g_string_append_c (text, '\n');
  g_string_append (text, _("Meal"));
  for (guint d = 0; d < SHELTER_N_DIETS; d++)
    g_string_append_printf (text, "\t%s", _(diet_values[d].label));
  g_string_append_printf (text, "\t%s\n", _("Total"));
  for (guint m = 0; sheet->meals[m] != NULL; m++)
    {
      g_string_append (text, sheet->meals[m]);
      for (guint d = 0; d < SHELTER_N_DIETS; d++)
        g_string_append_printf (text, "\t%u",
                                shelter_kitchen_sheet_count (sheet, m, diet_values[d].code));
      g_string_append_printf (text, "\t%u\n", sheet->residents);
    }
  g_string_append_printf (text, _("With allergies: %u"), sheet->with_allergies);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < sheet->special->len; i++)
    {
      ShelterKitchenEntry *entry = g_ptr_array_index (sheet->special, i);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\n", entry->case_code,
                              entry->name != NULL ? entry->name : "",
                              shelter_enum_label (&shelter_enum_diet, entry->diet),
                              entry->note != NULL ? entry->note : "",
                              entry->allergies != NULL ? entry->allergies : "");
    }
  return g_string_free (text, FALSE);
}

/* ---- The paper --------------------------------------------------------------------------- */

#define MM (72.0 / 25.4)
#define A4_WIDTH 595.276
#define A4_HEIGHT 841.890
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (25 * MM)
#define MARGIN_RIGHT (20 * MM)
#define FONT_FAMILY "Times New Roman,Liberation Serif,Tinos,DejaVu Serif,Serif"
#define PAD 3.0

typedef struct
{
  cairo_t      *cr;
  PangoLayout  *layout;
  double        top, bottom, left, right;
  double        y;
  guint         page;
  int           draw_page;  /* -1: only count the pages */
} Paper;

/* Lays out @text in @width points; returns its height. */
static double
set_text (Paper       *paper,
          const char  *text,
          double       width,
          double       size,
          gboolean     bold,
          gboolean     italic,
          PangoAlignment align)
{
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (paper->layout, font);
  pango_layout_set_width (paper->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (paper->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (paper->layout, align);
  pango_layout_set_text (paper->layout, text != NULL ? text : "", -1);
  pango_layout_get_size (paper->layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static gboolean
drawing (Paper *paper)
{
  return paper->draw_page >= 0 && (guint) paper->draw_page == paper->page;
}

/* Makes room for @height points: a new page when the rest of this one is too short. */
static void
need (Paper  *paper,
      double  height)
{
  if (paper->y + height > paper->bottom && paper->y > paper->top)
    {
      paper->page++;
      paper->y = paper->top;
    }
}

static void
paragraph (Paper          *paper,
           const char     *text,
           double          size,
           gboolean        bold,
           gboolean        italic,
           PangoAlignment  align,
           double          space_after)
{
  double width = paper->right - paper->left;
  double height = set_text (paper, text, width, size, bold, italic, align);

  need (paper, height);
  if (drawing (paper))
    {
      cairo_move_to (paper->cr, paper->left, paper->y);
      pango_cairo_show_layout (paper->cr, paper->layout);
    }
  paper->y += height + space_after;
}

/* One row of a table whose columns take @fractions of the width; in a table of @numbers,
 * every column but the first is centred. On a new page, @header comes first again. */
static void
table_row (Paper             *paper,
           const char *const *cells,
           const double      *fractions,
           guint              n_cells,
           gboolean           bold,
           const char *const *header,
           gboolean           numbers)
{
  double width = paper->right - paper->left;
  double height = 0;
  guint page = paper->page;

  for (guint i = 0; i < n_cells; i++)
    height = MAX (height, set_text (paper, cells[i], fractions[i] * width - 2 * PAD, 10.5,
                                    bold, FALSE, PANGO_ALIGN_LEFT));
  height += 2 * PAD;
  need (paper, height);
  if (header != NULL && paper->page != page)
    table_row (paper, header, fractions, n_cells, TRUE, NULL, numbers);

  if (drawing (paper))
    {
      double x = paper->left;

      cairo_set_line_width (paper->cr, 0.6);
      for (guint i = 0; i < n_cells; i++)
        {
          double cell = fractions[i] * width;

          set_text (paper, cells[i], cell - 2 * PAD, 10.5, bold, FALSE,
                    !numbers || i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
          cairo_move_to (paper->cr, x + PAD, paper->y + PAD);
          pango_cairo_show_layout (paper->cr, paper->layout);
          cairo_rectangle (paper->cr, x, paper->y, cell, height);
          cairo_stroke (paper->cr);
          x += cell;
        }
    }
  paper->y += height;
}

/* Walks the sheet for pages of @width x @height; draws page @draw_page (or none when -1);
 * returns the number of pages. */
static guint
render (ShelterKitchenSheet *sheet,
        cairo_t             *cr,
        double               width,
        double               height,
        int                  draw_page)
{
  static const double count_fractions[] = { 0.22, 0.13, 0.13, 0.13, 0.13, 0.13, 0.13 };
  static const double special_fractions[] = { 0.15, 0.24, 0.15, 0.26, 0.20 };
  g_autofree char *formal = shelter_text_format_formal_date (sheet->day);
  g_autofree char *summary = NULL;
  const char *count_header[G_N_ELEMENTS (count_fractions)];
  const char *special_header[G_N_ELEMENTS (special_fractions)];
  Paper paper = { 0 };

  paper.cr = cr;
  paper.layout = pango_cairo_create_layout (cr);
  paper.top = MARGIN_TOP;
  paper.bottom = height - MARGIN_BOTTOM;
  paper.left = MARGIN_LEFT;
  paper.right = width - MARGIN_RIGHT;
  paper.y = paper.top;
  paper.draw_page = draw_page;
  if (draw_page >= 0)
    cairo_set_source_rgb (cr, 0, 0, 0);

  if (sheet->managing_agency != NULL)
    {
      g_autofree char *upper = g_utf8_strup (sheet->managing_agency, -1);
      paragraph (&paper, upper, 11.5, FALSE, FALSE, PANGO_ALIGN_LEFT, 0);
    }
  if (sheet->centre_name != NULL)
    {
      g_autofree char *upper = g_utf8_strup (sheet->centre_name, -1);
      paragraph (&paper, upper, 11.5, TRUE, FALSE, PANGO_ALIGN_LEFT, 0);
    }
  paper.y += 14;
  paragraph (&paper, _("KITCHEN SHEET"), 15, TRUE, FALSE, PANGO_ALIGN_CENTER, 2);
  paragraph (&paper, formal, 13, FALSE, TRUE, PANGO_ALIGN_CENTER, 12);
  summary = g_strdup_printf (_("Residents eating at the centre: %u. Away all day, not counted: "
                               "%u. With allergies: %u."),
                             sheet->residents, sheet->away, sheet->with_allergies);
  paragraph (&paper, summary, 12, FALSE, FALSE, PANGO_ALIGN_LEFT, 8);

  count_header[0] = _("Meal");
  for (guint d = 0; d < SHELTER_N_DIETS; d++)
    count_header[d + 1] = _(diet_values[d].label);
  count_header[SHELTER_N_DIETS + 1] = _("Total");
  table_row (&paper, count_header, count_fractions, G_N_ELEMENTS (count_fractions), TRUE, NULL,
             TRUE);
  for (guint m = 0; sheet->meals[m] != NULL; m++)
    {
      char *numbers[SHELTER_N_DIETS + 1] = { NULL };
      const char *cells[G_N_ELEMENTS (count_fractions)];

      cells[0] = sheet->meals[m];
      for (guint d = 0; d < SHELTER_N_DIETS; d++)
        cells[d + 1] = numbers[d] = g_strdup_printf ("%u", sheet->by_diet[d]);
      cells[SHELTER_N_DIETS + 1] = numbers[SHELTER_N_DIETS] =
        g_strdup_printf ("%u", sheet->residents);
      table_row (&paper, cells, count_fractions, G_N_ELEMENTS (cells), FALSE, count_header,
                 TRUE);
      for (guint d = 0; d <= SHELTER_N_DIETS; d++)
        g_free (numbers[d]);
    }

  paper.y += 12;
  paragraph (&paper, _("Special diets and allergies"), 12.5, TRUE, FALSE, PANGO_ALIGN_LEFT, 4);
  if (sheet->special->len == 0)
    paragraph (&paper, _("Everyone eats the normal diet; nobody has an allergy recorded."), 12,
               FALSE, TRUE, PANGO_ALIGN_LEFT, 0);
  else
    {
      special_header[0] = _("Case code");
      special_header[1] = _("Name");
      special_header[2] = _("Diet");
      special_header[3] = _("Note for the kitchen");
      special_header[4] = _("Allergies");
      table_row (&paper, special_header, special_fractions, G_N_ELEMENTS (special_fractions),
                 TRUE, NULL, FALSE);
      for (guint i = 0; i < sheet->special->len; i++)
        {
          ShelterKitchenEntry *entry = g_ptr_array_index (sheet->special, i);
          const char *cells[] = {
            entry->case_code,
            entry->name != NULL ? entry->name : _("(protected: case code only)"),
            shelter_enum_label (&shelter_enum_diet, entry->diet),
            entry->note != NULL ? entry->note : "",
            entry->allergies != NULL ? entry->allergies : "",
          };

          table_row (&paper, cells, special_fractions, G_N_ELEMENTS (cells), FALSE,
                     special_header, FALSE);
        }
    }
  g_object_unref (paper.layout);
  return paper.page + 1;
}

guint
shelter_kitchen_sheet_paginate (ShelterKitchenSheet *sheet,
                                cairo_t             *cr,
                                double               width,
                                double               height)
{
  KitchenSheet *self = (KitchenSheet *) sheet;

  g_return_val_if_fail (sheet != NULL && cr != NULL, 0);

  self->width = width;
  self->height = height;
  return render (sheet, cr, width, height, -1);
}

void
shelter_kitchen_sheet_draw_page (ShelterKitchenSheet *sheet,
                                 cairo_t             *cr,
                                 guint                page)
{
  KitchenSheet *self = (KitchenSheet *) sheet;

  g_return_if_fail (sheet != NULL && cr != NULL);

  if (self->width <= 0 || self->height <= 0)
    {
      self->width = A4_WIDTH;
      self->height = A4_HEIGHT;
    }
  render (sheet, cr, self->width, self->height, (int) page);
}

static gboolean
record_paper (ShelterSession       *session,
              ShelterKitchenSheet  *sheet,
              const char           *action,
              const char           *path,
              GError              **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);
  g_autofree char *details = NULL;

  details = path != NULL ? g_strdup_printf ("day: %s\nfile: %s", sheet->day, path)
                         : g_strdup_printf ("day: %s", sheet->day);
  return shelter_audit_record (session, at, action, "kitchen_sheet", 0, details, error);
}

gboolean
shelter_kitchen_sheet_write_pdf (ShelterSession       *session,
                                 ShelterKitchenSheet  *sheet,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  ShelterDb *db;
  cairo_t *cr;
  guint pages;
  int fd;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (sheet != NULL && path != NULL, FALSE);

  if (!check_permission (session, SHELTER_PERMISSION_VIEW_KITCHEN, _("see the kitchen sheet"),
                         error))
    return FALSE;

  /* Written beside the target, readable by its owner only, then put in place. */
  temp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  surface = cairo_pdf_surface_create (temp, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  pages = shelter_kitchen_sheet_paginate (sheet, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < pages; page++)
    {
      shelter_kitchen_sheet_draw_page (sheet, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write “%s”: %s"),
                   shown, cairo_status_to_string (status));
      return FALSE;
    }

  db = shelter_session_get_db (session);
  if (!shelter_db_begin (db, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (!record_paper (session, sheet, "export", path, error))
    {
      shelter_db_rollback (db);
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (path);

      shelter_db_rollback (db);
      g_unlink (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

gboolean
shelter_kitchen_sheet_note_printed (ShelterSession       *session,
                                    ShelterKitchenSheet  *sheet,
                                    GError              **error)
{
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);

  db = shelter_session_get_db (session);
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!record_paper (session, sheet, "print", NULL, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}

/* ---- Rates ------------------------------------------------------------------------------ */

char *
shelter_rates_centre_province (ShelterDb *db)
{
  g_autoptr (ShelterCentre) centre = shelter_centre_store_get (db, NULL);

  if (centre == NULL || shelter_centre_get_province_code (centre) == NULL)
    return NULL;
  return g_strdup (shelter_centre_get_province_code (centre));
}

GPtrArray *
shelter_rates_list (ShelterSession  *session,
                    GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!check_permission (session, SHELTER_PERMISSION_VIEW_KITCHEN, _("see the rates"), error))
    return NULL;
  return shelter_rate_store_list (shelter_session_get_db (session), NULL, NULL, error);
}

const ShelterRateRow *
shelter_rates_find (GPtrArray   *rates,
                    const char  *kind,
                    const char  *province_code,
                    const char  *day)
{
  g_return_val_if_fail (rates != NULL, NULL);

  if (province_code == NULL)
    return NULL;
  for (guint i = 0; i < rates->len; i++)
    {
      const ShelterRateRow *rate = g_ptr_array_index (rates, i);

      if (g_str_equal (rate->kind, kind) && g_str_equal (rate->province_code, province_code) &&
          strcmp (rate->valid_from, day) <= 0 &&
          (rate->valid_to == NULL || strcmp (rate->valid_to, day) >= 0))
        return rate;
    }
  return NULL;
}

gint64
shelter_rates_add (ShelterSession  *session,
                   const char      *kind,
                   const char      *province_code,
                   gint64           amount_dong,
                   const char      *legal_basis,
                   const char      *valid_from,
                   const char      *valid_to,
                   GError         **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autofree char *province = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!check_permission (session, SHELTER_PERMISSION_EDIT_CENTRE, _("change the rates"), error))
    return 0;
  if (!shelter_enum_is_valid (&shelter_enum_rate_kind, kind))
    {
      shelter_field_error (error, SHELTER_FIELD_RATE_KIND,
                           _("Rate for: choose meals a day or the clothing kit."));
      return 0;
    }
  db = shelter_session_get_db (session);
  province = province_code != NULL ? g_strdup (province_code) : shelter_rates_centre_province (db);
  if (province == NULL || province[0] == '\0' || strlen (province) > 10)
    {
      shelter_field_error (error, SHELTER_FIELD_RATE_PROVINCE,
                           _("Province: choose the province whose rate this is."));
      return 0;
    }
  if (amount_dong <= 0 || amount_dong > 1000000000)
    {
      shelter_field_error (error, SHELTER_FIELD_RATE_AMOUNT,
                           _("Amount: enter the amount in đồng, more than 0 (for example "
                             "40000)."));
      return 0;
    }
  if (!shelter_field_clean_text (legal_basis, FALSE, SHELTER_RATE_BASIS_MAX,
                                 SHELTER_FIELD_RATE_BASIS, _("Legal basis"), &basis, error))
    return 0;
  if (basis == NULL)
    {
      shelter_field_error (error, SHELTER_FIELD_RATE_BASIS,
                           _("Legal basis: enter the decision or decree that sets the rate, "
                             "with its number and date."));
      return 0;
    }
  if ((from = parse_day (valid_from, SHELTER_FIELD_RATE_FROM, _("Valid from"), error)) == NULL)
    return 0;
  if (valid_to != NULL && valid_to[0] != '\0')
    {
      if ((to = parse_day (valid_to, SHELTER_FIELD_RATE_TO, _("Valid to"), error)) == NULL)
        return 0;
      if (strcmp (to, from) < 0)
        {
          shelter_field_error (error, SHELTER_FIELD_RATE_TO,
                               _("Valid to: the last day is before the first. Check both "
                                 "dates."));
          return 0;
        }
    }

  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return 0;
  existing = shelter_rate_store_list (db, kind, province, &local_error);
  if (existing == NULL)
    goto failed;
  /* Newest first: the past is not rewritten. */
  if (existing->len > 0)
    {
      ShelterRateRow *latest = g_ptr_array_index (existing, 0);

      if (strcmp (latest->valid_from, from) >= 0)
        {
          g_autofree char *shown = shelter_text_format_date (latest->valid_from);

          g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_RATE_FROM,
                       _("Valid from: a rate from %s is already recorded. A new rate starts "
                         "after it."), shown);
          goto failed;
        }
    }
  for (guint i = 0; i < existing->len; i++)
    {
      ShelterRateRow *rate = g_ptr_array_index (existing, i);
      g_autofree char *day_before = NULL;
      GDate date;

      if (rate->valid_to != NULL && strcmp (rate->valid_to, from) < 0)
        continue;
      date_of (from, &date);
      g_date_subtract_days (&date, 1);
      day_before = iso_of (&date);
      if (!shelter_rate_store_close (db, rate->id, day_before, &stamp, &local_error))
        goto failed;
    }
  id = shelter_rate_store_insert (db, kind, province, amount_dong, basis, from, to, &stamp,
                                  &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("kind: %s\nprovince: %s\namount_dong: %" G_GINT64_FORMAT
                             "\nlegal_basis: %s\nfrom: %s\nto: %s", kind, province, amount_dong,
                             basis, from, to != NULL ? to : "-");
  if (!shelter_audit_record (session, stamp.at, "add_rate", "rate", id, details, &local_error))
    goto failed;
  if (!shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

/* ---- Meal days --------------------------------------------------------------------------- */

static void
meal_period_free (ShelterMealPeriod *period)
{
  g_free (period->first_day);
  g_free (period->last_day);
  g_free (period->legal_basis);
  g_free (period);
}

void
shelter_meal_days_free (ShelterMealDays *days)
{
  if (days == NULL)
    return;
  g_free (days->first_day);
  g_free (days->last_day);
  g_clear_pointer (&days->periods, g_ptr_array_unref);
  g_free (days);
}

static gboolean
away_all_day (GArray     *spans,
              const char *day)
{
  for (guint i = 0; i < spans->len; i++)
    {
      ShelterAwaySpan *span = &g_array_index (spans, ShelterAwaySpan, i);

      if (strcmp (span->started_on, day) < 0 &&
          (span->returned_on == NULL || strcmp (span->returned_on, day) > 0))
        return TRUE;
    }
  return FALSE;
}

ShelterMealDays *
shelter_meal_days_count (ShelterSession  *session,
                         gint64           stay_id,
                         GError         **error)
{
  g_autoptr (ShelterMealDays) result = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autofree char *province = NULL;
  g_autofree char *today = NULL;
  ShelterMealPeriod *period = NULL;
  gint64 last_rate_id = -1;
  ShelterDb *db;
  GDate day, last;
  int limit;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  stay = shelter_stay_store_get (db, stay_id, error);
  if (stay == NULL)
    return NULL;

  result = g_new0 (ShelterMealDays, 1);
  result->periods = g_ptr_array_new_with_free_func ((GDestroyNotify) meal_period_free);
  result->first_day = g_strndup (shelter_stay_get_admitted_at (stay), 10);
  today = today_of (session);
  if (shelter_stay_get_discharged_at (stay) != NULL &&
      strncmp (shelter_stay_get_discharged_at (stay), today, 10) < 0)
    result->last_day = g_strndup (shelter_stay_get_discharged_at (stay), 10);
  else
    result->last_day = g_strdup (today);

  limit = shelter_stay_limit_store_days (db, "funded_meals", result->first_day, error);
  if (limit < 0)
    return NULL;
  result->limit_days = (guint) limit;
  spans = shelter_meal_store_absences (db, stay_id, error);
  if (spans == NULL)
    return NULL;
  province = shelter_rates_centre_province (db);
  rates = shelter_rate_store_list (db, "meals_per_day", province, error);
  if (rates == NULL)
    return NULL;

  if (!date_of (result->first_day, &day) || !date_of (result->last_day, &last))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The stay’s dates cannot be read."));
      return NULL;
    }
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      g_autofree char *iso = iso_of (&day);
      const ShelterRateRow *rate;
      gboolean funded;

      if (away_all_day (spans, iso))
        {
          result->away_days++;
          continue;
        }
      result->days++;
      funded = result->limit_days == 0 || result->days <= result->limit_days;
      rate = shelter_rates_find (rates, "meals_per_day", province, iso);
      if (funded)
        {
          result->funded_days++;
          if (rate != NULL)
            result->funded_dong += rate->amount_dong;
          else
            result->funded_unpriced++;
        }
      else
        {
          result->beyond_days++;
          if (rate != NULL)
            result->beyond_dong += rate->amount_dong;
          else
            result->beyond_unpriced++;
        }

      if (period == NULL || period->funded != funded ||
          last_rate_id != (rate != NULL ? rate->id : 0))
        {
          period = g_new0 (ShelterMealPeriod, 1);
          period->first_day = g_strdup (iso);
          period->funded = funded;
          period->rate_dong = rate != NULL ? rate->amount_dong : -1;
          period->legal_basis = rate != NULL ? g_strdup (rate->legal_basis) : NULL;
          last_rate_id = rate != NULL ? rate->id : 0;
          g_ptr_array_add (result->periods, period);
        }
      g_free (period->last_day);
      period->last_day = g_steal_pointer (&iso);
      period->days++;
    }
  return g_steal_pointer (&result);
}

/* ---- The clothing kit ------------------------------------------------------------------- */

const char * const *
shelter_clothing_kit_items_for (const char *sex)
{
  static const char *women[G_N_ELEMENTS (clothing_item_values) + 1];
  static const char *men[G_N_ELEMENTS (clothing_item_values) + 1];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (clothing_item_values); i++)
        {
          women[i] = clothing_item_values[i].code;
          if (!g_str_equal (clothing_item_values[i].code, WOMEN_ONLY_ITEM))
            men[n++] = clothing_item_values[i].code;
        }
      g_once_init_leave (&initialized, 1);
    }
  return g_strcmp0 (sex, "female") == 0 ? women : men;
}

ShelterClothingKitRow *
shelter_clothing_kit_get (ShelterSession  *session,
                          gint64           stay_id,
                          GError         **error)
{
  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  return shelter_clothing_kit_store_get (shelter_session_get_db (session), stay_id, error);
}

gint64
shelter_clothing_kit_issue (ShelterSession      *session,
                            gint64               stay_id,
                            const char * const  *items,
                            const char          *issued_on,
                            GError             **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterClothingKitRow) existing = NULL;
  g_autoptr (GPtrArray) rates = NULL;
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *day = NULL;
  g_autofree char *province = NULL;
  g_autofree char *stamp_at = NULL;
  g_autofree char *details = NULL;
  const ShelterRateRow *rate;
  gboolean pads = FALSE;
  ShelterStamp stamp;
  ShelterDb *db;
  gint64 id;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), 0);

  if (!shelter_session_check (session, SHELTER_PERMISSION_ADMIT, error))
    return 0;
  /* In the order of the checklist, each once. */
  for (guint i = 0; i < G_N_ELEMENTS (clothing_item_values); i++)
    if (items != NULL && g_strv_contains (items, clothing_item_values[i].code))
      {
        if (list->len > 0)
          g_string_append_c (list, ',');
        g_string_append (list, clothing_item_values[i].code);
        pads |= g_str_equal (clothing_item_values[i].code, WOMEN_ONLY_ITEM);
      }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!shelter_enum_is_valid (&shelter_enum_clothing_item, items[i]))
      {
        shelter_field_error (error, SHELTER_FIELD_KIT_ITEMS,
                             _("Items: “%s” is not an item of the clothing kit."), items[i]);
        return 0;
      }
  if (list->len == 0)
    {
      shelter_field_error (error, SHELTER_FIELD_KIT_ITEMS,
                           _("Items: tick the items handed over."));
      return 0;
    }
  if (issued_on == NULL)
    day = today_of (session);
  else if ((day = parse_day (issued_on, SHELTER_FIELD_KIT_DATE, _("Handed over on"),
                             error)) == NULL)
    return 0;

  db = shelter_session_get_db (session);
  now = shelter_session_now (session);
  stamp_at = shelter_session_format_time (now);
  stamp.at = stamp_at;
  stamp.actor = shelter_session_get_actor (session);
  if (!shelter_db_begin (db, error))
    return 0;
  stay = stay_covering (session, stay_id, day, SHELTER_FIELD_KIT_DATE, _("Handed over on"),
                        &local_error);
  if (stay == NULL)
    goto failed;
  person = shelter_person_store_get (db, shelter_stay_get_person_id (stay), &local_error);
  if (person == NULL)
    goto failed;
  if (pads && !g_str_equal (shelter_person_get_sex (person), "female"))
    {
      g_set_error (&local_error, SHELTER_FIELD_ERROR, SHELTER_FIELD_KIT_ITEMS,
                   _("Items: sanitary pads are for women; untick them for this resident."));
      goto failed;
    }
  existing = shelter_clothing_kit_store_get (db, stay_id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (existing != NULL)
    {
      g_autofree char *shown = shelter_text_format_date (existing->issued_on);

      g_set_error (&local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The clothing kit of this stay was already handed over on %s. A stay has "
                     "one arrival kit."), shown);
      goto failed;
    }
  province = shelter_rates_centre_province (db);
  rates = shelter_rate_store_list (db, "clothing_kit", province, &local_error);
  if (rates == NULL)
    goto failed;
  rate = shelter_rates_find (rates, "clothing_kit", province, day);
  id = shelter_clothing_kit_store_insert (db, stay_id, day, stamp.actor, list->str,
                                          rate != NULL ? rate->id : 0,
                                          rate != NULL ? rate->amount_dong : 0, &stamp,
                                          &local_error);
  if (id == 0)
    goto failed;
  details = g_strdup_printf ("issued_on: %s\nitems: %s\ncost_dong: %s", day, list->str,
                             rate != NULL ? "" : "unpriced");
  if (rate != NULL)
    {
      g_free (details);
      details = g_strdup_printf ("issued_on: %s\nitems: %s\ncost_dong: %" G_GINT64_FORMAT, day,
                                 list->str, rate->amount_dong);
    }
  if (!shelter_audit_record (session, stamp.at, "issue_clothing_kit", "stay", stay_id, details,
                             &local_error))
    goto failed;
  if (!shelter_db_commit (db, &local_error))
    goto failed;
  return id;

failed:
  shelter_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}
