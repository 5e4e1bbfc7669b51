/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-intake-record"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-audit.h"
#include "shelter-centre-profile.h"
#include "shelter-enums.h"
#include "shelter-intake-record.h"
#include "shelter-reception.h"
#include "shelter-reference.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The page as Decree 30/2020/NĐ-CP sets out administrative papers: A4, margins of 20 mm at
 * the top and bottom, 30 mm on the left (for binding) and 20 mm on the right; Times New
 * Roman where the computer has it. One unit is one point. */
#define MM (72.0 / 25.4)
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (20 * MM)
#define FONT_FAMILY "Times New Roman,Liberation Serif,Tinos,DejaVu Serif,Serif"
#define BODY_SIZE 13.0
#define HEADING_SIZE 12.5
#define SMALL_SIZE 10.0
#define LINE_SPACING 1.12
#define PARAGRAPH_SPACE 2.5
#define SECTION_SPACE 9.0
#define PARAGRAPH_INDENT (10 * MM)
#define FIELD_INDENT (5 * MM)
#define SIGNING_SPACE (24 * MM)
#define CELL_PADDING 3.0
#define NUMBER_COLUMN (13 * MM)
#define RULE_WIDTH 0.6
/* Where someone writes a name by hand. */
#define DOTTED_LINE "……………………………"

typedef enum
{
  STYLE_PLAIN = 0,
  STYLE_BOLD = 1 << 0,
  STYLE_ITALIC = 1 << 1,
} Style;

typedef enum
{
  RULE_NONE,
  RULE_UNDER_LINE,   /* under the last line, as wide as it: the national motto */
  RULE_SHORT,        /* a third of the column, centred: under the agency's name */
} Rule;

/* One piece of text laid out as one PangoLayout. */
typedef struct
{
  char           *text;
  Style           style;
  double          size;
  PangoAlignment  align;
  double          indent;        /* of every line */
  double          first_indent;  /* added to the first line: negative for a hanging indent */
  double          space_before;
  Rule            rule;
  gboolean        one_line;      /* made smaller rather than broken: the national heading */

  /* Laid out. */
  PangoLayout    *layout;
  double          height;
  double          y;             /* in a column: from the top of the block */
} Item;

typedef struct
{
  double     x;        /* fraction of the text width */
  double     width;    /* fraction of the text width */
  GPtrArray *items;    /* of Item, from the top */
  Item      *foot;     /* the signer's name: at the same height in every column */

  double     top_height;
} Column;

typedef enum
{
  BLOCK_TEXT,     /* a paragraph: may break between lines across pages */
  BLOCK_COLUMNS,  /* the heading of the paper or the signatures: never broken */
  BLOCK_ROW,      /* a row of the belongings table: never broken */
} BlockKind;

typedef struct
{
  BlockKind  kind;
  double     space_before;
  gboolean   keep_with_next;

  Item      *item;          /* BLOCK_TEXT */
  GPtrArray *columns;       /* BLOCK_COLUMNS: of Column */
  double     foot_gap;      /* BLOCK_COLUMNS: room to sign above the feet */
  gboolean   align_rows;    /* BLOCK_COLUMNS: the n-th items of all columns side by side */
  Item      *cells[2];      /* BLOCK_ROW: number and description */
  gboolean   table_header;  /* BLOCK_ROW */
  guint      header_block;  /* BLOCK_ROW: the row to repeat at the top of a new page */

  /* Laid out. */
  double     height;
  double     top_height;    /* BLOCK_COLUMNS: above the feet */
  GArray    *line_tops;     /* BLOCK_TEXT: of double, from the top of the layout */
  GArray    *line_bottoms;
} Block;

typedef struct
{
  guint  block;
  guint  first_line;  /* BLOCK_TEXT: the lines on this page */
  guint  n_lines;
  double y;           /* from the top margin */
} Placement;

struct _ShelterIntakeRecord
{
  gint64        stay_id;
  gint64        person_id;
  char         *record_number;
  char         *case_code;
  GPtrArray    *blocks;   /* of Block, in reading order */

  /* Laid out by shelter_intake_record_paginate(). */
  PangoContext *context;
  double        page_width;
  double        page_height;
  GPtrArray    *pages;    /* of GArray of Placement */
};

/* ---- The document ------------------------------------------------------------------- */

static Item *
item_new (const char     *text,
          Style           style,
          double          size,
          PangoAlignment  align)
{
  Item *item = g_new0 (Item, 1);

  item->text = g_strdup (text);
  item->style = style;
  item->size = size;
  item->align = align;
  return item;
}

static void
item_free (Item *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_clear_object (&item->layout);
  g_free (item);
}

static void
column_free (Column *column)
{
  g_ptr_array_unref (column->items);
  item_free (column->foot);
  g_free (column);
}

static void
block_free (Block *block)
{
  item_free (block->item);
  item_free (block->cells[0]);
  item_free (block->cells[1]);
  g_clear_pointer (&block->columns, g_ptr_array_unref);
  g_clear_pointer (&block->line_tops, g_array_unref);
  g_clear_pointer (&block->line_bottoms, g_array_unref);
  g_free (block);
}

static Block *
add_block (ShelterIntakeRecord *self,
           BlockKind            kind,
           double               space_before)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static Item *
add_text (ShelterIntakeRecord *self,
          const char          *text,
          Style                style,
          PangoAlignment       align,
          double               space_before)
{
  Block *block = add_block (self, BLOCK_TEXT, space_before);

  block->item = item_new (text, style, BODY_SIZE, align);
  return block->item;
}

/* A paragraph of running text, its first line indented. */
static void
add_paragraph (ShelterIntakeRecord *self,
               const char          *text)
{
  Item *item = add_text (self, text, STYLE_PLAIN, PANGO_ALIGN_LEFT, PARAGRAPH_SPACE);

  item->first_indent = PARAGRAPH_INDENT;
}

/* A bold heading kept on the same page as what follows it. */
static void
add_heading (ShelterIntakeRecord *self,
             const char          *text)
{
  add_text (self, text, STYLE_BOLD, PANGO_ALIGN_LEFT, SECTION_SPACE);
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = TRUE;
}

#define DASH_WIDTH 8.0

/* "- Label: value", the lines after the first under the text rather than the dash (a
 * negative indent in Pango is a hanging one). */
static void
add_field (ShelterIntakeRecord *self,
           const char          *text)
{
  g_autofree char *line = g_strconcat ("- ", text, NULL);
  Item *item = add_text (self, line, STYLE_PLAIN, PANGO_ALIGN_LEFT, PARAGRAPH_SPACE);

  item->indent = FIELD_INDENT;
  item->first_indent = -DASH_WIDTH;
}

/* Like add_field() with a printf format holding one %s. */
static void add_fieldf (ShelterIntakeRecord *self,
                        const char          *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
add_fieldf (ShelterIntakeRecord *self,
            const char          *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add_field (self, text);
}

static Column *
add_column (Block  *block,
            double  x,
            double  width)
{
  Column *column = g_new0 (Column, 1);

  column->x = x;
  column->width = width;
  column->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (block->columns, column);
  return column;
}

static Item *
column_add (Column     *column,
            const char *text,
            Style       style,
            double      size,
            double      space_before)
{
  Item *item = item_new (text, style, size, PANGO_ALIGN_CENTER);

  item->space_before = space_before;
  g_ptr_array_add (column->items, item);
  return item;
}

static Block *
add_columns (ShelterIntakeRecord *self,
             double               space_before,
             double               foot_gap)
{
  Block *block = add_block (self, BLOCK_COLUMNS, space_before);

  block->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  block->foot_gap = foot_gap;
  return block;
}

static void
add_row (ShelterIntakeRecord *self,
         guint                header_block,
         const char          *number,
         const char          *description,
         gboolean             header)
{
  Block *block = add_block (self, BLOCK_ROW, 0);
  Style style = header ? STYLE_BOLD : STYLE_PLAIN;

  block->cells[0] = item_new (number, style, BODY_SIZE, PANGO_ALIGN_CENTER);
  block->cells[1] = item_new (description, style, BODY_SIZE,
                              header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  block->table_header = header;
  block->header_block = header ? self->blocks->len - 1 : header_block;
  block->keep_with_next = header;
}

/* ---- What the record says ------------------------------------------------------------- */

static const char *
or_unknown (const char *value)
{
  /* Translators: a field of the intake record whose value is not known. */
  return value != NULL ? value : C_("intake record", "not known");
}

static const char *
yes_no (gboolean value)
{
  return value ? C_("intake record", "Yes") : C_("intake record", "No");
}

/* The full name of a reference entry ("Tỉnh Lào Cai", "Xã Bát Xát"). */
static const char *
entry_name (ShelterReferenceEntry *entry)
{
  if (entry->full_name != NULL)
    return entry->full_name;
  return entry->name != NULL ? entry->name : entry->code;
}

/* "Thôn Nậm Chạc, Xã A Mú Sung, Tỉnh Lào Cai": the detail, the commune (and for the old
 * scheme its district) and the province; NULL when nothing is known. */
static char *
describe_address (ShelterDb  *db,
                  const char *scheme,
                  const char *province_code,
                  const char *commune_code,
                  const char *detail)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (detail != NULL)
    g_ptr_array_add (parts, g_strdup (detail));
  if (scheme != NULL && commune_code != NULL)
    {
      g_autoptr (ShelterReferenceEntry) commune = NULL;

      commune = shelter_reference_store_admin_unit (db, scheme, "commune", commune_code, NULL);
      if (commune != NULL)
        {
          g_ptr_array_add (parts, g_strdup (entry_name (commune)));
          if (g_strcmp0 (scheme, SHELTER_LEGACY_ADDRESS_SCHEME) == 0 &&
              commune->parent_code != NULL)
            {
              g_autoptr (ShelterReferenceEntry) district = NULL;

              district = shelter_reference_store_admin_unit (db, scheme, "district",
                                                             commune->parent_code, NULL);
              if (district != NULL)
                g_ptr_array_add (parts, g_strdup (entry_name (district)));
            }
        }
    }
  if (scheme != NULL && province_code != NULL)
    {
      g_autoptr (ShelterReferenceEntry) province = NULL;

      province = shelter_reference_store_admin_unit (db, scheme, "province", province_code,
                                                     NULL);
      if (province != NULL)
        g_ptr_array_add (parts, g_strdup (entry_name (province)));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The name of @code in a list of reference entries, or NULL. */
static char *
find_reference_name (GPtrArray  *entries,
                     const char *code)
{
  for (guint i = 0; entries != NULL && code != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->code, code) == 0)
        return g_strdup (entry_name (entry));
    }
  return NULL;
}

static void
add_birth (ShelterIntakeRecord *self,
           ShelterPerson       *person,
           GDateTime           *received)
{
  const char *birth = shelter_person_get_birth_date (person);
  const char *precision = shelter_person_get_birth_precision (person);
  g_autofree char *shown = NULL;

  if (birth == NULL || g_strcmp0 (precision, "unknown") == 0)
    {
      add_fieldf (self, _("Date of birth: %s"), C_("intake record", "not known"));
      return;
    }
  shown = shelter_text_format_date (birth);
  if (g_strcmp0 (precision, "estimated") == 0)
    {
      GDate on;
      int age;

      g_date_clear (&on, 1);
      g_date_set_dmy (&on, g_date_time_get_day_of_month (received),
                      g_date_time_get_month (received), g_date_time_get_year (received));
      age = shelter_text_age_on (birth, &on);
      if (age >= 0)
        {
          add_fieldf (self,
                      ngettext ("Year of birth: %s (estimated, about %d year old)",
                                "Year of birth: %s (estimated, about %d years old)", age),
                      shown, age);
          return;
        }
    }
  if (strlen (birth) == 4 || g_strcmp0 (precision, "year") == 0 ||
      g_strcmp0 (precision, "estimated") == 0)
    add_fieldf (self, _("Year of birth: %s"), shown);
  else
    add_fieldf (self, _("Date of birth: %s"), shown);
}

static void
add_person (ShelterIntakeRecord *self,
            ShelterDb           *db,
            ShelterPerson       *person,
            GDateTime           *received)
{
  g_autofree char *full_name = shelter_person_dup_full_name (person);
  g_autofree char *ethnicity = NULL;
  g_autofree char *country = NULL;
  g_autofree char *nationality = NULL;
  g_autofree char *residence = NULL;
  g_autofree char *hometown = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  const char *code;

  add_fieldf (self, _("Full name: %s"), full_name);
  if (shelter_person_get_other_names (person) != NULL)
    add_fieldf (self, _("Other names: %s"), shelter_person_get_other_names (person));
  add_fieldf (self, _("Case code: %s"), or_unknown (shelter_person_get_case_code (person)));
  code = shelter_person_get_sex (person);
  add_fieldf (self, _("Sex: %s"),
              code != NULL ? shelter_enum_label (&shelter_enum_sex, code) : or_unknown (NULL));
  add_birth (self, person, received);

  code = shelter_person_get_ethnicity_code (person);
  if (code != NULL)
    {
      const char *scheme = shelter_person_get_ethnicity_scheme (person);

      groups = shelter_reference_store_ethnic_groups (db, scheme ? scheme
                                                             : SHELTER_ETHNICITY_SCHEME, NULL);
      ethnicity = find_reference_name (groups, code);
    }
  add_fieldf (self, _("Ethnicity: %s"), or_unknown (ethnicity ? ethnicity : code));

  code = shelter_person_get_religion (person);
  if (code != NULL)
    add_fieldf (self, _("Religion: %s"), shelter_enum_label (&shelter_enum_religion, code));

  code = shelter_person_get_nationality (person);
  if (code != NULL)
    {
      countries = shelter_reference_store_countries (db, NULL);
      country = find_reference_name (countries, code);
      if (country == NULL)
        country = g_strdup (code);
    }
  code = shelter_person_get_nationality_status (person);
  if (country != NULL && code != NULL && !g_str_equal (code, "citizen"))
    nationality = g_strdup_printf ("%s (%s)", country,
                                   shelter_enum_label (&shelter_enum_nationality_status, code));
  else if (country != NULL)
    nationality = g_steal_pointer (&country);
  else if (code != NULL)
    nationality = g_strdup (shelter_enum_label (&shelter_enum_nationality_status, code));
  add_fieldf (self, _("Nationality: %s"), or_unknown (nationality));

  code = shelter_person_get_id_paper (person);
  if (code != NULL && shelter_person_get_id_number (person) != NULL &&
      !g_str_equal (code, "none"))
    {
      g_autofree char *line = NULL;

      /* Translators: "Identity paper: Citizen identity card (CCCD), number 001190012345". */
      line = g_strdup_printf (_("Identity paper: %s, number %s"),
                              shelter_enum_label (&shelter_enum_id_paper, code),
                              shelter_person_get_id_number (person));
      add_field (self, line);
    }
  else
    add_fieldf (self, _("Identity paper: %s"),
                code != NULL ? shelter_enum_label (&shelter_enum_id_paper, code)
                             : or_unknown (NULL));

  if (shelter_person_get_languages (person) != NULL)
    {
      if (shelter_person_get_interpreter_needed (person))
        add_fieldf (self, _("Languages: %s (needs an interpreter)"),
                    shelter_person_get_languages (person));
      else
        add_fieldf (self, _("Languages: %s"), shelter_person_get_languages (person));
    }
  else if (shelter_person_get_interpreter_needed (person))
    add_field (self, _("Needs an interpreter."));

  residence = describe_address (db, shelter_person_get_home_scheme (person),
                                shelter_person_get_home_province_code (person),
                                shelter_person_get_home_commune_code (person),
                                shelter_person_get_home_detail (person));
  add_fieldf (self, _("Permanent residence: %s"), or_unknown (residence));
  hometown = describe_address (db, shelter_person_get_origin_scheme (person),
                               shelter_person_get_origin_province_code (person),
                               shelter_person_get_origin_commune_code (person), NULL);
  add_fieldf (self, _("Hometown: %s"), or_unknown (hometown));
}

/* The trafficking details (for the person types they apply to) and the adult an
 * accompanying child came with; FALSE when there is nothing to say. */
static gboolean
add_how_they_came (ShelterIntakeRecord *self,
                   ShelterDb           *db,
                   ShelterPerson       *person,
                   ShelterIntake       *intake,
                   const char          *heading)
{
  const char * const *purposes = shelter_intake_get_trafficking_purposes (intake);
  const char *scope = shelter_intake_get_trafficking_scope (intake);
  const char *destination = shelter_intake_get_destination_country (intake);
  const char *return_mode = shelter_intake_get_return_mode (intake);
  const char *status = shelter_intake_get_identification_status (intake);
  const char *document = shelter_intake_get_identification_document (intake);
  gint64 linked = shelter_intake_get_linked_person_id (intake);
  g_autoptr (ShelterPerson) adult = NULL;
  gboolean trafficking;

  trafficking = shelter_intake_applies_trafficking (shelter_person_get_person_type (person));
  /* The adult by case code only: no name of anyone else on this paper. */
  if (linked > 0)
    adult = shelter_person_store_get (db, linked, NULL);
  if (!trafficking)
    purposes = NULL, scope = destination = return_mode = status = document = NULL;
  if ((purposes == NULL || purposes[0] == NULL) && scope == NULL && destination == NULL &&
      return_mode == NULL && status == NULL && document == NULL && adult == NULL)
    return FALSE;

  add_heading (self, heading);
  if (adult != NULL)
    add_fieldf (self, _("Accompanying the person with case code %s."),
                shelter_person_get_case_code (adult));
  if (purposes != NULL && purposes[0] != NULL)
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint i = 0; purposes[i] != NULL; i++)
        g_ptr_array_add (labels,
                         (gpointer) shelter_enum_label (&shelter_enum_trafficking_purpose,
                                                        purposes[i]));
      g_ptr_array_add (labels, NULL);
      joined = g_strjoinv ("; ", (char **) labels->pdata);
      add_fieldf (self, _("Purposes of trafficking: %s"), joined);
    }
  if (scope != NULL)
    add_fieldf (self, _("Trafficked: %s"),
                shelter_enum_label (&shelter_enum_trafficking_scope, scope));
  if (destination != NULL)
    {
      g_autoptr (GPtrArray) countries = shelter_reference_store_countries (db, NULL);
      g_autofree char *name = find_reference_name (countries, destination);

      add_fieldf (self, _("Destination country: %s"), name != NULL ? name : destination);
    }
  if (return_mode != NULL)
    add_fieldf (self, _("How the person came back: %s"),
                shelter_enum_label (&shelter_enum_return_mode, return_mode));
  if (status != NULL)
    add_fieldf (self, _("Identification as a victim: %s"),
                shelter_enum_label (&shelter_enum_identification_status, status));
  if (document != NULL)
    add_fieldf (self, _("Identification document: %s"), document);
  return TRUE;
}

static void
add_belongings (ShelterIntakeRecord *self,
                ShelterIntake       *intake)
{
  const char * const *belongings = shelter_intake_get_belongings (intake);
  guint header;

  if (belongings == NULL || belongings[0] == NULL)
    {
      add_paragraph (self, _("No belongings or papers were recorded."));
      return;
    }
  add_paragraph (self, _("The person arrived with the following belongings and papers:"));
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = TRUE;
  header = self->blocks->len;
  /* Translators: the heading of the number column of a table in an official paper. */
  add_row (self, 0, C_("table", "No."), _("Belongings and papers"), TRUE);
  ((Block *) g_ptr_array_index (self->blocks, header))->space_before = 4.0;
  for (guint i = 0; belongings[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      add_row (self, header, number, belongings[i], FALSE);
    }
}

/* A note of several lines: "- Label: first line", then each other line as a paragraph of
 * its own under the text. */
static void
add_note (ShelterIntakeRecord *self,
          const char          *format,
          const char          *note,
          const char          *when_empty)
{
  g_auto (GStrv) lines = g_strsplit (note != NULL ? note : when_empty, "\n", -1);
  g_autofree char *first = g_strdup_printf (format, lines[0] != NULL ? lines[0] : "");

  add_field (self, first);
  for (guint i = 1; lines[0] != NULL && lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      add_text (self, lines[i], STYLE_PLAIN, PANGO_ALIGN_LEFT, 0)->indent =
        FIELD_INDENT + DASH_WIDTH;
}

static void
add_consent (ShelterIntakeRecord *self,
             ShelterIntake       *intake,
             const char          *heading)
{
  const char *status = shelter_intake_get_consent_status (intake);

  add_heading (self, heading);
  if (g_strcmp0 (status, "given") == 0)
    {
      const char *given_by = shelter_intake_get_consent_given_by (intake);
      const char *guardian = shelter_intake_get_guardian_name (intake);
      const char *agencies = shelter_intake_get_consent_share_agencies (intake);

      if (given_by != NULL && g_str_equal (given_by, "guardian") && guardian != NULL)
        {
          g_autofree char *who = NULL;

          who = g_strdup_printf ("%s, %s",
                                 shelter_enum_label (&shelter_enum_consent_given_by, given_by),
                                 guardian);
          add_fieldf (self, _("Consent given by: %s"), who);
        }
      else if (given_by != NULL)
        add_fieldf (self, _("Consent given by: %s"),
                    shelter_enum_label (&shelter_enum_consent_given_by, given_by));
      add_fieldf (self, _("Agrees that their information is recorded and kept: %s"),
                  yes_no (shelter_intake_get_consent_record (intake)));
      if (shelter_intake_get_consent_share (intake) && agencies != NULL)
        add_fieldf (self, _("Agrees that their information is shared with: %s"), agencies);
      else
        add_fieldf (self, _("Agrees that their information is shared with other agencies: %s"),
                    yes_no (shelter_intake_get_consent_share (intake)));
      add_fieldf (self, _("Agrees to be photographed: %s"),
                  yes_no (shelter_intake_get_consent_photo (intake)));
    }
  else if (g_strcmp0 (status, "not_now") == 0)
    {
      const char *ask_again_on = shelter_intake_get_consent_ask_again_on (intake);
      g_autofree char *again = shelter_text_format_date (ask_again_on);

      add_fieldf (self, _("Consent could not be asked at reception: %s"),
                  or_unknown (shelter_intake_get_consent_not_now_reason (intake)));
      if (again[0] != '\0')
        add_fieldf (self, _("To be asked again on %s."), again);
    }
  else
    add_field (self, C_("intake record", "not known"));
}

static Item *
signature_column (Block      *block,
                  double      x,
                  double      width,
                  const char *title,
                  const char *name,
                  const char *not_signed)
{
  Column *column = add_column (block, x, width);

  column_add (column, title, STYLE_BOLD, HEADING_SIZE - 0.5, 0);
  if (not_signed != NULL)
    column_add (column, not_signed, STYLE_ITALIC, BODY_SIZE, 2);
  else
    column_add (column, _("(signature and full name)"), STYLE_ITALIC, BODY_SIZE, 2);
  column->foot = item_new (name != NULL ? name : DOTTED_LINE, STYLE_BOLD, BODY_SIZE,
                           PANGO_ALIGN_CENTER);
  return column->foot;
}

static void
add_signatures (ShelterIntakeRecord *self,
                gboolean             handing_side,
                const char          *officer_name,
                const char          *person_name,
                const char          *not_signed,
                const char          *staff_name)
{
  Block *block = add_columns (self, SECTION_SPACE * 1.5, SIGNING_SPACE);
  guint n = handing_side ? 3 : 2;
  double width = 1.0 / n;
  guint i = 0;

  block->align_rows = TRUE;
  if (handing_side)
    signature_column (block, width * i++, width, _("FOR THE HANDING SIDE"), officer_name, NULL);
  /* Translators: the heading of the person's column among the signatures. */
  signature_column (block, width * i++, width, C_("signature", "THE PERSON RECEIVED"),
                    person_name, not_signed);
  signature_column (block, width * i++, width, _("FOR THE RECEIVING SIDE"), staff_name, NULL);
}

/* The national heading and the agency's block, side by side as in every administrative
 * paper; the place and date under the motto. */
static void
add_paper_heading (ShelterIntakeRecord *self,
                   const char          *managing_agency,
                   const char          *centre_name,
                   const char          *record_number,
                   const char          *place_and_date)
{
  Block *block = add_columns (self, 0, 0);
  Column *left = add_column (block, 0, 0.41);
  Column *right = add_column (block, 0.41, 0.59);
  g_autofree char *number = g_strdup_printf (_("No.: %s"), record_number);
  Item *item;

  if (managing_agency != NULL)
    {
      g_autofree char *upper = g_utf8_strup (managing_agency, -1);
      column_add (left, upper, STYLE_PLAIN, HEADING_SIZE - 0.5, 0);
    }
  if (centre_name != NULL)
    {
      g_autofree char *upper = g_utf8_strup (centre_name, -1);
      item = column_add (left, upper, STYLE_BOLD, HEADING_SIZE - 0.5, 0);
      item->rule = RULE_SHORT;
    }
  column_add (left, number, STYLE_PLAIN, BODY_SIZE, centre_name != NULL ? 6 : 0);

  item = column_add (right, _("SOCIALIST REPUBLIC OF VIETNAM"), STYLE_BOLD, HEADING_SIZE - 0.5, 0);
  item->one_line = TRUE;
  item = column_add (right, _("Independence - Freedom - Happiness"), STYLE_BOLD, BODY_SIZE, 0);
  item->rule = RULE_UNDER_LINE;
  item->one_line = TRUE;
  column_add (right, place_and_date, STYLE_ITALIC, BODY_SIZE, 6);
}

/* "III. BELONGINGS AND PAPERS" */
static char *
section_heading (guint       index,
                 const char *title)
{
  static const char * const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };

  g_assert (index < G_N_ELEMENTS (roman));
  return g_strdup_printf ("%s. %s", roman[index], title);
}

static char *
format_time (GDateTime *time)
{
  /* Translators: the time of day in an official paper; Vietnamese "%02d giờ %02d". */
  return g_strdup_printf (_("%02d:%02d"), g_date_time_get_hour (time),
                          g_date_time_get_minute (time));
}

static GDateTime *
parse_vietnam_time (const char *iso)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) parsed = NULL;

  if (iso != NULL)
    parsed = g_date_time_new_from_iso8601 (iso, vietnam);
  if (parsed == NULL)
    return NULL;
  return g_date_time_to_timezone (parsed, vietnam);
}

ShelterIntakeRecord *
shelter_intake_record_load (ShelterSession  *session,
                            gint64           stay_id,
                            GError         **error)
{
  g_autoptr (ShelterIntakeRecord) self = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterIntake) intake = NULL;
  g_autoptr (ShelterCentre) centre = NULL;
  g_autoptr (ShelterReferenceEntry) province = NULL;
  g_autoptr (GDateTime) received = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *managing_agency = NULL;
  g_autofree char *formal_date = NULL;
  g_autofree char *iso_day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *place_and_date = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *place = NULL;
  g_autofree char *text = NULL;
  g_autofree char *not_signed = NULL;
  g_autofree char *heading = NULL;
  const char *centre_name = NULL;
  const char *handed_over_by;
  const char *person_type;
  const char *staff_name = NULL;
  gboolean handing_side;
  g_autoptr (ShelterUser) receiver = NULL;
  ShelterDb *db;
  guint section = 0;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  stay = shelter_stay_store_get (db, stay_id, error);
  if (stay == NULL)
    return NULL;
  /* Refuses a resident under high protection to those who may not know who they are. */
  person = shelter_person_open (session, shelter_stay_get_person_id (stay), error);
  if (person == NULL)
    return NULL;
  intake = shelter_intake_open (session, stay_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (intake == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("This stay was recorded without an intake, so it has no intake record."));
      return NULL;
    }
  centre = shelter_centre_profile_get (session, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_new0 (ShelterIntakeRecord, 1);
  self->stay_id = stay_id;
  self->person_id = shelter_person_get_id (person);
  self->record_number = g_strdup (shelter_intake_get_record_number (intake));
  self->case_code = g_strdup (shelter_person_get_case_code (person));
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  /* When and where. */
  received = parse_vietnam_time (shelter_stay_get_admitted_at (stay));
  if (received == NULL)
    received = shelter_session_now (session);
  iso_day = g_date_time_format (received, "%Y-%m-%d");
  formal_date = shelter_text_format_formal_date (iso_day);
  time = format_time (received);
  if (centre != NULL)
    {
      centre_name = shelter_centre_get_name (centre);
      if (shelter_centre_get_province_scheme (centre) != NULL &&
          shelter_centre_get_province_code (centre) != NULL)
        province = shelter_reference_store_admin_unit (db,
                                                       shelter_centre_get_province_scheme (centre),
                                                       "province",
                                                       shelter_centre_get_province_code (centre),
                                                       NULL);
    }
  /* Translators: the place and date at the top right of an official paper: "Lào Cai, ngày
   * 05 tháng 3 năm 2026". The first %s is the place, the second the formal date. */
  place_and_date = g_strdup_printf (C_("paper", "%s, %s"),
                                    province != NULL && province->name != NULL ? province->name
                                                                                : DOTTED_LINE,
                                    formal_date);
  managing_agency = shelter_settings_get (db, SHELTER_SETTING_MANAGING_AGENCY, NULL);
  if (managing_agency != NULL && managing_agency[0] == '\0')
    g_clear_pointer (&managing_agency, g_free);

  add_paper_heading (self, managing_agency, centre_name, self->record_number, place_and_date);

  add_text (self, _("INTAKE RECORD"), STYLE_BOLD, PANGO_ALIGN_CENTER, 22)->size = 14;
  person_type = shelter_person_get_person_type (person);
  if (person_type != NULL)
    {
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (_("Person received: %s"),
                                  shelter_enum_label (&shelter_enum_person_type, person_type));
      add_text (self, subtitle, STYLE_BOLD, PANGO_ALIGN_CENTER, 2);
    }

  /* The parties. */
  if (shelter_intake_get_received_place (intake) != NULL)
    place = g_strdup (shelter_intake_get_received_place (intake));
  else if (centre_name != NULL)
    place = g_strdup (centre_name);
  else
    place = g_strdup (_("the centre"));
  /* Translators: the opening sentence of the intake record. The first %s is the time
   * ("09 giờ 30"), the second the formal date ("ngày 05 tháng 3 năm 2026"), the third the
   * place. Vietnamese: "Hôm nay, hồi %s %s, tại %s, chúng tôi gồm:". */
  text = g_strdup_printf (_("Today, at %s on %s, at %s, we the undersigned are:"), time,
                          formal_date, place);
  add_text (self, text, STYLE_PLAIN, PANGO_ALIGN_LEFT, 14)->first_indent = PARAGRAPH_INDENT;

  handed_over_by = shelter_intake_get_handed_over_by (intake);
  handing_side = g_strcmp0 (handed_over_by, "self") != 0;
  if (handing_side)
    {
      const char *unit = shelter_intake_get_officer_unit (intake);
      const char *officer = shelter_intake_get_officer_name (intake);
      const char *label = shelter_enum_label (&shelter_enum_handed_over_by, handed_over_by);
      g_autofree char *agency = unit != NULL ? g_strdup_printf ("%s (%s)", unit, label)
                                             : g_strdup (label);

      add_heading (self, _("A. THE HANDING SIDE"));
      add_fieldf (self, _("Agency or unit: %s"), agency ? agency : or_unknown (NULL));
      add_fieldf (self, _("Officer: %s"), officer != NULL ? officer : DOTTED_LINE);
    }
  else
    {
      add_heading (self, _("A. THE HANDING SIDE"));
      add_paragraph (self, _("The person came to the centre on their own: there is no handing "
                             "side."));
    }

  /* The staff member who saved the intake received the person, whoever prints it. An
   * account that no longer exists leaves a line to write the name by hand. */
  if (shelter_intake_get_received_by (intake) != NULL)
    receiver = shelter_user_store_get_by_username (db, shelter_intake_get_received_by (intake),
                                                   NULL);
  if (receiver != NULL)
    staff_name = shelter_user_get_full_name (receiver);
  add_heading (self, _("B. THE RECEIVING SIDE"));
  add_fieldf (self, _("Centre: %s"), centre_name ? centre_name : or_unknown (NULL));
  if (centre != NULL && shelter_centre_get_address (centre) != NULL)
    add_fieldf (self, _("Address: %s"), shelter_centre_get_address (centre));
  add_fieldf (self, _("Staff member receiving the person: %s"),
              staff_name ? staff_name : DOTTED_LINE);

  add_text (self, _("Together we have made this record of the reception of the following "
                    "person:"), STYLE_PLAIN, PANGO_ALIGN_LEFT, SECTION_SPACE)->first_indent =
    PARAGRAPH_INDENT;

  /* The person and their arrival, in numbered sections. */
  heading = section_heading (section++, _("THE PERSON RECEIVED"));
  add_heading (self, heading);
  add_person (self, db, person, received);
  g_free (heading);
  heading = section_heading (section, _("HOW THE PERSON CAME"));
  if (add_how_they_came (self, db, person, intake, heading))
    section++;
  g_free (heading);
  heading = section_heading (section++, _("BELONGINGS AND PAPERS"));
  add_heading (self, heading);
  add_belongings (self, intake);
  g_free (heading);
  heading = section_heading (section++, _("HEALTH AT ARRIVAL AND URGENT NEEDS"));
  add_heading (self, heading);
  add_note (self, _("Health at arrival: %s"), shelter_intake_get_health_at_arrival (intake),
            C_("intake record", "not recorded"));
  add_note (self, _("Urgent needs: %s"), shelter_intake_get_urgent_needs (intake),
            C_("intake record", "none recorded"));
  g_free (heading);
  heading = section_heading (section++, _("CONSENT"));
  add_consent (self, intake, heading);

  /* The closing sentence stays with the signatures. */
  if (handing_side)
    add_paragraph (self, _("This record was made in two copies of equal value, one for the "
                           "handing side and one kept in the person’s case file at the "
                           "centre. It was read aloud to those present, who agreed with its "
                           "content and signed below."));
  else
    add_paragraph (self, _("This record was made in two copies of equal value, one for the "
                           "person received and one kept in their case file at the centre. "
                           "It was read aloud to the person, who agreed with its content and "
                           "signed below."));
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->space_before =
    SECTION_SPACE;
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->keep_with_next = TRUE;

  full_name = shelter_person_dup_full_name (person);
  if (!shelter_intake_get_person_signs (intake))
    {
      const char *reason = shelter_intake_get_not_signed_reason (intake);

      not_signed = reason != NULL ? g_strdup_printf (_("Could not sign: %s"), reason)
                                  : g_strdup (_("Could not sign"));
    }
  add_signatures (self, handing_side, shelter_intake_get_officer_name (intake), full_name,
                  not_signed, staff_name);

  return g_steal_pointer (&self);
}

void
shelter_intake_record_free (ShelterIntakeRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->record_number);
  g_free (record->case_code);
  g_ptr_array_unref (record->blocks);
  g_clear_object (&record->context);
  g_clear_pointer (&record->pages, g_ptr_array_unref);
  g_free (record);
}

const char *
shelter_intake_record_get_record_number (ShelterIntakeRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  return record->record_number;
}

gint64
shelter_intake_record_get_stay_id (ShelterIntakeRecord *record)
{
  g_return_val_if_fail (record != NULL, 0);
  return record->stay_id;
}

char *
shelter_intake_record_dup_text (ShelterIntakeRecord *record)
{
  GString *text;

  g_return_val_if_fail (record != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < record->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (record->blocks, i);

      switch (block->kind)
        {
        case BLOCK_TEXT:
          g_string_append_printf (text, "%s\n", block->item->text);
          break;
        case BLOCK_ROW:
          g_string_append_printf (text, "%s\t%s\n", block->cells[0]->text,
                                  block->cells[1]->text);
          break;
        case BLOCK_COLUMNS:
          for (guint c = 0; c < block->columns->len; c++)
            {
              Column *column = g_ptr_array_index (block->columns, c);

              for (guint j = 0; j < column->items->len; j++)
                g_string_append_printf (text, "%s\n",
                                        ((Item *) g_ptr_array_index (column->items, j))->text);
              if (column->foot != NULL)
                g_string_append_printf (text, "%s\n", column->foot->text);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}

/* ---- Layout ---------------------------------------------------------------------------- */

static double
text_width (ShelterIntakeRecord *self)
{
  return MAX (self->page_width - MARGIN_LEFT - MARGIN_RIGHT, 72.0);
}

static double
text_height (ShelterIntakeRecord *self)
{
  return MAX (self->page_height - MARGIN_TOP - MARGIN_BOTTOM, 72.0);
}

static PangoLayout *
make_layout (ShelterIntakeRecord *self,
             const char          *text,
             Style                style,
             double               size,
             PangoAlignment       align,
             double               width,
             double               first_indent)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, (style & STYLE_BOLD) ? PANGO_WEIGHT_BOLD
                                                                 : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, (style & STYLE_ITALIC) ? PANGO_STYLE_ITALIC
                                                                  : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 10.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_indent (layout, (int) (first_indent * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
rule_extra (Item *item)
{
  return item->rule != RULE_NONE ? 5.0 : 0.0;
}

#define SMALLEST_SIZE 9.0

static void
layout_item (ShelterIntakeRecord *self,
             Item                *item,
             double               width)
{
  PangoRectangle logical;
  double size = item->size;

  g_clear_object (&item->layout);
  item->layout = make_layout (self, item->text, item->style, size, item->align,
                              width - item->indent, item->first_indent);
  while (item->one_line && size > SMALLEST_SIZE && pango_layout_get_line_count (item->layout) > 1)
    {
      size -= 0.5;
      g_object_unref (item->layout);
      item->layout = make_layout (self, item->text, item->style, size, item->align,
                                  width - item->indent, item->first_indent);
    }
  pango_layout_get_extents (item->layout, NULL, &logical);
  item->height = (double) logical.height / PANGO_SCALE + rule_extra (item);
}

static void
layout_block (ShelterIntakeRecord *self,
              Block               *block)
{
  double width = text_width (self);

  switch (block->kind)
    {
    case BLOCK_TEXT:
      {
        PangoLayoutIter *iter;

        layout_item (self, block->item, width);
        g_clear_pointer (&block->line_tops, g_array_unref);
        g_clear_pointer (&block->line_bottoms, g_array_unref);
        block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
        block->line_bottoms = g_array_new (FALSE, FALSE, sizeof (double));
        iter = pango_layout_get_iter (block->item->layout);
        do
          {
            int top, bottom;
            double t, b;

            pango_layout_iter_get_line_yrange (iter, &top, &bottom);
            t = (double) top / PANGO_SCALE;
            b = (double) bottom / PANGO_SCALE;
            g_array_append_val (block->line_tops, t);
            g_array_append_val (block->line_bottoms, b);
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        block->height = block->item->height;
      }
      break;

    case BLOCK_ROW:
      {
        double number_width = MIN (NUMBER_COLUMN, width / 4);

        layout_item (self, block->cells[0], number_width - 2 * CELL_PADDING);
        layout_item (self, block->cells[1], width - number_width - 2 * CELL_PADDING);
        block->height = MAX (block->cells[0]->height, block->cells[1]->height) +
                        2 * CELL_PADDING;
      }
      break;

    case BLOCK_COLUMNS:
      {
        double top = 0, foot = 0, row_y = 0;
        guint n_rows = 0;

        for (guint c = 0; c < block->columns->len; c++)
          {
            Column *column = g_ptr_array_index (block->columns, c);
            double column_width = column->width * width - 4.0;

            column->top_height = 0;
            for (guint i = 0; i < column->items->len; i++)
              {
                Item *item = g_ptr_array_index (column->items, i);

                layout_item (self, item, column_width);
                item->y = column->top_height + item->space_before;
                column->top_height += item->space_before + item->height;
              }
            top = MAX (top, column->top_height);
            n_rows = MAX (n_rows, column->items->len);
            if (column->foot != NULL)
              {
                layout_item (self, column->foot, column_width);
                foot = MAX (foot, column->foot->height);
              }
          }
        /* Signatures: a title taking two lines in one column keeps the hints level. */
        for (guint i = 0; block->align_rows && i < n_rows; i++)
          {
            double row_height = 0;

            for (guint c = 0; c < block->columns->len; c++)
              {
                Column *column = g_ptr_array_index (block->columns, c);

                if (i < column->items->len)
                  {
                    Item *item = g_ptr_array_index (column->items, i);

                    item->y = row_y + item->space_before;
                    row_height = MAX (row_height, item->space_before + item->height);
                  }
              }
            row_y += row_height;
            top = row_y;
          }
        block->height = top + (foot > 0 ? block->foot_gap + foot : 0);
        block->top_height = top;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static guint
block_n_lines (Block *block)
{
  return block->kind == BLOCK_TEXT ? block->line_tops->len : 1;
}

/* The height of lines @first to @first + @n - 1 of a text block, or of a whole block. */
static double
lines_height (Block *block,
              guint  first,
              guint  n)
{
  if (block->kind != BLOCK_TEXT)
    return block->height;
  return g_array_index (block->line_bottoms, double, first + n - 1) -
         g_array_index (block->line_tops, double, first);
}

static GArray *
new_page (ShelterIntakeRecord *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

static void
place (GArray *page,
       guint   block,
       guint   first_line,
       guint   n_lines,
       double  y)
{
  Placement placement = { block, first_line, n_lines, y };

  g_array_append_val (page, placement);
}

guint
shelter_intake_record_paginate (ShelterIntakeRecord *record,
                                cairo_t             *cr,
                                double               width,
                                double               height)
{
  cairo_font_options_t *options;
  GArray *page;
  double y = 0, available;

  g_return_val_if_fail (record != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  /* Measured in points whatever the target: the same line breaks on screen, paper and
   * PDF. */
  g_clear_object (&record->context);
  record->context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (record->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (record->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (record->context, pango_language_from_string ("vi"));

  record->page_width = width;
  record->page_height = height;
  available = text_height (record);
  for (guint i = 0; i < record->blocks->len; i++)
    layout_block (record, g_ptr_array_index (record->blocks, i));

  g_clear_pointer (&record->pages, g_ptr_array_unref);
  record->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  page = new_page (record);

  for (guint i = 0; i < record->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (record->blocks, i);
      double space = page->len > 0 ? block->space_before : 0;
      guint n = block_n_lines (block);
      guint first = 0;

      /* A heading, a table's header row or the closing sentence goes to the next page with
       * the start of what follows rather than stay alone at the bottom. */
      if (block->keep_with_next && page->len > 0)
        {
          double need = space + block->height;

          for (guint j = i + 1; j < record->blocks->len; j++)
            {
              Block *next = g_ptr_array_index (record->blocks, j);

              if (next->keep_with_next)
                need += next->space_before + next->height;
              else
                {
                  need += next->space_before +
                          lines_height (next, 0, MIN (2, block_n_lines (next)));
                  break;
                }
            }
          if (y + need > available && need <= available)
            {
              page = new_page (record);
              y = space = 0;
            }
        }

      if (block->kind != BLOCK_TEXT)
        {
          if (y + space + block->height > available && page->len > 0)
            {
              page = new_page (record);
              y = space = 0;
            }
          /* A table continued on a new page starts with its header row again. */
          if (block->kind == BLOCK_ROW && !block->table_header && page->len == 0)
            {
              Block *header = g_ptr_array_index (record->blocks, block->header_block);

              place (page, block->header_block, 0, 1, y);
              y += header->height;
            }
          place (page, i, 0, 1, y + space);
          y += space + block->height;
          continue;
        }

      while (first < n)
        {
          guint fit = 0;

          while (first + fit < n &&
                 y + space + lines_height (block, first, fit + 1) <= available)
            fit++;
          /* No line alone at the foot of a page when the paragraph goes on. */
          if (fit == 1 && first == 0 && n > 1 && page->len > 0)
            fit = 0;
          if (fit == 0 && page->len == 0)
            fit = 1;  /* taller than a page: let it run over rather than loop */
          if (fit == 0)
            {
              page = new_page (record);
              y = space = 0;
              continue;
            }
          place (page, i, first, fit, y + space);
          y += space + lines_height (block, first, fit);
          first += fit;
          if (first < n)
            {
              page = new_page (record);
              y = space = 0;
            }
        }
    }
  return record->pages->len;
}

/* Draws lines @first to @first + @n - 1 of @item's layout with the top of the first at
 * (@x, @y). */
static void
draw_item_lines (cairo_t *cr,
                 Item    *item,
                 double   x,
                 double   y,
                 guint    first,
                 guint    n)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
  double origin = 0;
  guint line_index = 0;

  do
    {
      if (line_index == first)
        {
          int top, bottom;

          pango_layout_iter_get_line_yrange (iter, &top, &bottom);
          origin = (double) top / PANGO_SCALE;
        }
      if (line_index >= first && line_index < first + n)
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle in_layout, in_line;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &in_layout);
          pango_layout_line_get_extents (line, NULL, &in_line);
          cairo_move_to (cr, x + item->indent + (double) (in_layout.x - in_line.x) / PANGO_SCALE,
                         y + baseline - origin);
          pango_cairo_show_layout_line (cr, line);
        }
      line_index++;
    }
  while (line_index < first + n && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_rule (cairo_t *cr,
           double   x1,
           double   x2,
           double   y)
{
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

/* Draws a whole item with its rule; returns its height. */
static double
draw_item (cairo_t *cr,
           Item    *item,
           double   x,
           double   y,
           double   width)
{
  PangoRectangle logical;

  cairo_move_to (cr, x + item->indent, y);
  pango_cairo_show_layout (cr, item->layout);
  pango_layout_get_extents (item->layout, NULL, &logical);
  if (item->rule == RULE_UNDER_LINE)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
      PangoRectangle line;

      while (pango_layout_iter_next_line (iter))
        ;
      pango_layout_iter_get_line_extents (iter, NULL, &line);
      pango_layout_iter_free (iter);
      draw_rule (cr, x + (double) line.x / PANGO_SCALE,
                 x + (double) (line.x + line.width) / PANGO_SCALE,
                 y + (double) logical.height / PANGO_SCALE + 2.5);
    }
  else if (item->rule == RULE_SHORT)
    draw_rule (cr, x + width / 3, x + 2 * width / 3,
               y + (double) logical.height / PANGO_SCALE + 2.5);
  return item->height;
}

static void
draw_block (ShelterIntakeRecord *self,
            cairo_t             *cr,
            Block               *block,
            const Placement     *placement,
            double               y)
{
  double width = text_width (self);
  double x = MARGIN_LEFT;

  switch (block->kind)
    {
    case BLOCK_TEXT:
      draw_item_lines (cr, block->item, x, y, placement->first_line, placement->n_lines);
      break;

    case BLOCK_ROW:
      {
        double number_width = MIN (NUMBER_COLUMN, width / 4);

        cairo_set_line_width (cr, RULE_WIDTH);
        cairo_rectangle (cr, x, y, number_width, block->height);
        cairo_rectangle (cr, x + number_width, y, width - number_width, block->height);
        cairo_stroke (cr);
        draw_item (cr, block->cells[0], x + CELL_PADDING, y + CELL_PADDING,
                   number_width - 2 * CELL_PADDING);
        draw_item (cr, block->cells[1], x + number_width + CELL_PADDING, y + CELL_PADDING,
                   width - number_width - 2 * CELL_PADDING);
      }
      break;

    case BLOCK_COLUMNS:
      for (guint c = 0; c < block->columns->len; c++)
        {
          Column *column = g_ptr_array_index (block->columns, c);
          double column_x = x + column->x * width + 2.0;
          double column_width = column->width * width - 4.0;

          for (guint i = 0; i < column->items->len; i++)
            {
              Item *item = g_ptr_array_index (column->items, i);

              draw_item (cr, item, column_x, y + item->y, column_width);
            }
          if (column->foot != NULL)
            draw_item (cr, column->foot, column_x, y + block->top_height + block->foot_gap,
                       column_width);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
shelter_intake_record_draw_page (ShelterIntakeRecord *record,
                                 cairo_t             *cr,
                                 guint                page)
{
  GArray *placements;

  g_return_if_fail (record != NULL);
  g_return_if_fail (cr != NULL);

  if (record->pages == NULL)
    shelter_intake_record_paginate (record, cr, SHELTER_INTAKE_RECORD_A4_WIDTH,
                                    SHELTER_INTAKE_RECORD_A4_HEIGHT);
  g_return_if_fail (page < record->pages->len);

  placements = g_ptr_array_index (record->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      draw_block (record, cr, g_ptr_array_index (record->blocks, placement->block), placement,
                  MARGIN_TOP + placement->y);
    }

  if (record->pages->len > 1)
    {
      g_autofree char *footer = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      int footer_width, footer_height;

      /* Translators: the foot of each page of an official paper of several pages: the
       * record number, the page and the number of pages ("BBTN-2026-0012, trang 2/3"). */
      footer = g_strdup_printf (_("%s, page %u of %u"), record->record_number, page + 1,
                                record->pages->len);
      layout = make_layout (record, footer, STYLE_ITALIC, SMALL_SIZE, PANGO_ALIGN_CENTER,
                            text_width (record), 0);
      pango_layout_get_size (layout, &footer_width, &footer_height);
      cairo_move_to (cr, MARGIN_LEFT,
                     record->page_height - MARGIN_BOTTOM / 2 -
                     (double) footer_height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

/* ---- PDF and audit ------------------------------------------------------------------- */

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_error (GError     **error,
             const char  *path,
             int          saved_errno,
             const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR,
               saved_errno != 0 ? g_file_error_from_errno (saved_errno) : G_FILE_ERROR_FAILED,
               _("Could not write the intake record to “%s”: %s"), display,
               saved_errno != 0 ? g_strerror (saved_errno) : reason);
  return FALSE;
}

static guint
render_pdf (ShelterIntakeRecord *record,
            Sink                *sink,
            cairo_status_t      *status)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *title = NULL;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink,
                                                 SHELTER_INTAKE_RECORD_A4_WIDTH,
                                                 SHELTER_INTAKE_RECORD_A4_HEIGHT);
  /* No name in the metadata: file managers show it to anyone looking at the folder. */
  title = g_strdup_printf (_("Intake record %s"), record->record_number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mái Ấm");
  cr = cairo_create (surface);
  n_pages = shelter_intake_record_paginate (record, cr, SHELTER_INTAKE_RECORD_A4_WIDTH,
                                            SHELTER_INTAKE_RECORD_A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      shelter_intake_record_draw_page (record, cr, page);
      cairo_show_page (cr);
    }
  *status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return n_pages;
}

static gboolean
record_audit (ShelterSession       *session,
              ShelterIntakeRecord  *record,
              const char           *action,
              const char           *details,
              GError              **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autofree char *at = shelter_session_format_time (now);

  return shelter_audit_record (session, at, action, "stay", record->stay_id, details, error);
}

gboolean
shelter_intake_record_write_pdf (ShelterSession       *session,
                                 ShelterIntakeRecord  *record,
                                 const char           *path,
                                 GError              **error)
{
  g_autofree char *temp = NULL;
  g_autofree char *details = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };
  ShelterDb *db;
  guint n_pages;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return FALSE;

  /* Written beside the target, readable by its owner only, then put in place: nobody sees
   * a half-written record, nor one that the rest of the computer's users can read. */
  temp = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return write_error (error, path, errno, NULL);
  n_pages = render_pdf (record, &sink, &status);
  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno, status = CAIRO_STATUS_WRITE_ERROR;
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    sink.saved_errno = errno, status = CAIRO_STATUS_WRITE_ERROR;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      return write_error (error, path, sink.saved_errno, cairo_status_to_string (status));
    }

  /* The export is on record before the file is in place, in the same transaction. */
  details = g_strdup_printf ("file: %s\nrecord_number: %s\ncase_code: %s\npages: %u", path,
                             record->record_number, record->case_code ? record->case_code : "",
                             n_pages);
  db = shelter_session_get_db (session);
  if (!shelter_db_begin (db, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (!record_audit (session, record, "export", details, error))
    {
      shelter_db_rollback (db);
      g_unlink (temp);
      return FALSE;
    }
  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;

      shelter_db_rollback (db);
      g_unlink (temp);
      return write_error (error, path, saved_errno, NULL);
    }
  if (!shelter_db_commit (db, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

gboolean
shelter_intake_record_note_printed (ShelterSession       *session,
                                    ShelterIntakeRecord  *record,
                                    GError              **error)
{
  g_autofree char *details = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return FALSE;
  details = g_strdup_printf ("record_number: %s\ncase_code: %s\npages: %u",
                             record->record_number, record->case_code ? record->case_code : "",
                             record->pages != NULL ? record->pages->len : 0);
  db = shelter_session_get_db (session);
  if (!shelter_db_begin (db, error))
    return FALSE;
  if (!record_audit (session, record, "print", details, error))
    {
      shelter_db_rollback (db);
      return FALSE;
    }
  return shelter_db_commit (db, error);
}
