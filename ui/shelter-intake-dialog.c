/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-intake-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-enums.h"
#include "shelter-intake-dialog.h"
#include "shelter-person-form.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-reference.h"
#include "shelter-residents-model.h"
#include "shelter-rooms.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

/* How long typing must pause before the records are searched for the same person. */
#define SIMILAR_DELAY_MS 400
/* How long typing must pause before what was typed is kept as a draft. */
#define DRAFT_DELAY_MS 1500
/* How long typing must pause before the residents are searched for the adult. */
#define CAME_WITH_DELAY_MS 250
/* The adults offered for an accompanying child, the first in name order. */
#define CAME_WITH_MAX_MATCHES 8
/* Lists whose first item means "not chosen" or "not recorded" (NULL). */
#define CHOICE_OFFSET 1
/* The age from which a person gives consent themselves. */
#define ADULT_AGE 18

typedef enum
{
  STEP_WHO,
  STEP_HOW,
  STEP_CONSENT,
  STEP_ARRIVAL,
  STEP_ROOM,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "who", "how", "consent", "arrival", "room" };

struct _ShelterIntakeDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  ShelterPersonForm   *form;
  Step                 step;
  /* The person as checked when leaving the first step. */
  ShelterPerson       *person;
  /* The person on record chosen for a new stay, or 0 for someone new. */
  gint64               returning_id;
  /* The time of admission, ISO 8601 with offset, as checked when leaving the second step. */
  char                *admitted_at;
  gint64               room_id;
  /* The adult an accompanying child came with (0: none chosen). */
  gint64               linked_person_id;
  /* Countries (ShelterReferenceEntry) in the order of the destination list, after its first
   * item. */
  GPtrArray           *countries;
  /* GtkCheckButton of each purpose of trafficking, in the enumeration's order. */
  GPtrArray           *purpose_checks;
  ShelterResidentsModel *residents;
  /* The row marked as the one at fault, if any. */
  GtkWidget           *error_widget;
  guint                similar_id;
  guint                came_with_id;
  guint                draft_id;
  guint                question_id;
  guint                close_id;
  /* The draft found when opening, until the user has said what to do with it. */
  GVariant            *draft;
  char                *draft_saved_at;
  char                *draft_error;
  /* The question asked over the dialog (draft, discard), hidden with it on a lock. */
  GtkWidget           *question;
  /* Set while the program fills the rows: not the user's edits. */
  gboolean             filling;
  /* Set while the rooms are listed: a room checked then is not the user's choice. */
  gboolean             loading_rooms;
  /* Whether the user chose who gave consent (else it follows the person's age). */
  gboolean             given_by_touched;
  /* Something was typed (or a draft continued): closing asks what to do with it. */
  gboolean             touched;
  /* Changes not yet kept in the draft. */
  gboolean             unsaved;
  /* Received or discarded: nothing more is kept as a draft. */
  gboolean             finished;
  gboolean             asked_draft;
  gboolean             may_close;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *back_button;
  GtkWidget           *next_button;
  GtkLabel            *next_label;
  GtkStack            *step_stack;
  /* Who */
  GtkBox              *who_box;
  GtkWidget           *returning_group;
  AdwActionRow        *returning_row;
  GtkWidget           *similar_group;
  GtkListBox          *similar_list;
  GtkWidget           *warnings_group;
  GtkListBox          *warnings_list;
  /* How they came */
  GtkLabel            *how_error_label;
  AdwComboRow         *handed_over_row;
  GtkStringList       *handed_over_list;
  AdwEntryRow         *officer_name_row;
  AdwEntryRow         *officer_unit_row;
  AdwEntryRow         *received_place_row;
  AdwEntryRow         *admitted_row;
  GtkWidget           *came_with_group;
  AdwActionRow        *came_with_row;
  AdwEntryRow         *came_with_search_row;
  GtkListBox          *came_with_list;
  AdwPreferencesGroup *purposes_group;
  GtkWidget           *trafficking_group;
  AdwComboRow         *scope_row;
  GtkStringList       *scope_list;
  AdwActionRow        *destination_row;
  GtkDropDown         *destination_drop_down;
  GtkStringList       *destination_list;
  AdwComboRow         *return_mode_row;
  GtkStringList       *return_mode_list;
  AdwComboRow         *identification_row;
  GtkStringList       *identification_list;
  AdwEntryRow         *identification_document_row;
  GtkWidget           *how_warnings_group;
  GtkListBox          *how_warnings_list;
  /* Consent */
  GtkLabel            *consent_error_label;
  GtkCheckButton      *consent_given_check;
  GtkCheckButton      *consent_not_now_check;
  GtkWidget           *consent_given_group;
  AdwComboRow         *given_by_row;
  GtkStringList       *given_by_list;
  AdwEntryRow         *guardian_name_row;
  GtkSwitch           *record_switch;
  GtkSwitch           *share_switch;
  AdwEntryRow         *share_agencies_row;
  GtkSwitch           *photo_switch;
  GtkWidget           *consent_not_now_group;
  AdwEntryRow         *not_now_reason_row;
  AdwEntryRow         *ask_again_row;
  /* Arrival */
  GtkLabel            *arrival_error_label;
  GtkTextView         *belongings_view;
  AdwEntryRow         *health_row;
  AdwEntryRow         *urgent_needs_row;
  GtkTextView         *safety_view;
  GtkSwitch           *signs_switch;
  AdwEntryRow         *not_signed_row;
  /* Room */
  GtkLabel            *room_error_label;
  GtkListBox          *room_list;
};

G_DEFINE_FINAL_TYPE (ShelterIntakeDialog, shelter_intake_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void shelter_intake_dialog_load_rooms     (ShelterIntakeDialog *self);
static void shelter_intake_dialog_show_error     (ShelterIntakeDialog *self,
                                                  const GError        *error);
static void shelter_intake_dialog_update_visible (ShelterIntakeDialog *self);
static void shelter_intake_dialog_save_draft     (ShelterIntakeDialog *self);
static void field_changed_cb                     (ShelterIntakeDialog *self,
                                                  gpointer             object);
static void shelter_intake_dialog_restore_draft  (ShelterIntakeDialog *self,
                                                  GVariant            *draft);

/* Small helpers */

static char *
dup_text (gpointer editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* The text of a text view, or NULL when it holds only white space. */
static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration,
                const char        *none_label)
{
  if (none_label != NULL)
    gtk_string_list_append (list, none_label);
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

static const char *
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= enumeration->n_values)
    return NULL;

  return enumeration->values[selected - offset].code;
}

static void
set_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset,
               const char        *code)
{
  for (guint i = 0; code != NULL && i < enumeration->n_values; i++)
    if (g_str_equal (enumeration->values[i].code, code))
      {
        adw_combo_row_set_selected (row, i + offset);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static const char *
entry_label (ShelterReferenceEntry *entry)
{
  if (entry->full_name != NULL)
    return entry->full_name;
  return entry->name != NULL ? entry->name : entry->code;
}

/* A drop-down's button is named after the row it sits in. */
static void
name_drop_down_button (GtkDropDown  *drop_down,
                       AdwActionRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* The person's age in whole years on the day of admission; -1 when unknown. */
static int
shelter_intake_dialog_age (ShelterIntakeDialog *self)
{
  g_autoptr(GDateTime) admitted = NULL;
  GDate on;

  if (self->person == NULL)
    return -1;

  if (self->admitted_at != NULL)
    admitted = g_date_time_new_from_iso8601 (self->admitted_at, NULL);
  if (admitted == NULL)
    admitted = shelter_session_now (self->session);
  g_date_clear (&on, 1);
  g_date_set_dmy (&on, g_date_time_get_day_of_month (admitted), g_date_time_get_month (admitted),
                  g_date_time_get_year (admitted));
  return shelter_text_age_on (shelter_person_get_birth_date (self->person), &on);
}

static const char *
shelter_intake_dialog_person_type (ShelterIntakeDialog *self)
{
  return self->person != NULL ? shelter_person_get_person_type (self->person) : NULL;
}

/* The intake as typed */

static const char *
shelter_intake_dialog_consent_status (ShelterIntakeDialog *self)
{
  if (gtk_check_button_get_active (self->consent_given_check))
    return "given";
  if (gtk_check_button_get_active (self->consent_not_now_check))
    return "not_now";
  return NULL;
}

/* Everything typed in the steps after the first, as it is: app/ checks and cleans it. */
static ShelterIntake *
shelter_intake_dialog_build_intake (ShelterIntakeDialog *self)
{
  ShelterIntake *intake = shelter_intake_new ();
  g_autoptr(GStrvBuilder) purposes = g_strv_builder_new ();
  g_auto(GStrv) purpose_codes = NULL;
  g_auto(GStrv) belongings = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ask_again = NULL;
  guint selected;
  GDate date;

  shelter_intake_set_handed_over_by (intake, get_enum_code (self->handed_over_row,
                                                            &shelter_enum_handed_over_by,
                                                            CHOICE_OFFSET));
  text = dup_text (self->officer_name_row);
  shelter_intake_set_officer_name (intake, text);
  g_free (text);
  text = dup_text (self->officer_unit_row);
  shelter_intake_set_officer_unit (intake, text);
  g_free (text);
  text = dup_text (self->received_place_row);
  shelter_intake_set_received_place (intake, text);
  g_clear_pointer (&text, g_free);
  shelter_intake_set_linked_person_id (intake, self->linked_person_id);

  for (guint i = 0; i < self->purpose_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->purpose_checks, i)))
      g_strv_builder_add (purposes, shelter_enum_trafficking_purpose.values[i].code);
  purpose_codes = g_strv_builder_end (purposes);
  shelter_intake_set_trafficking_purposes (intake, (const char * const *) purpose_codes);
  shelter_intake_set_trafficking_scope (intake, get_enum_code (self->scope_row,
                                                               &shelter_enum_trafficking_scope,
                                                               CHOICE_OFFSET));
  selected = gtk_drop_down_get_selected (self->destination_drop_down);
  if (selected != GTK_INVALID_LIST_POSITION && selected >= CHOICE_OFFSET &&
      selected - CHOICE_OFFSET < self->countries->len)
    shelter_intake_set_destination_country (
      intake, ((ShelterReferenceEntry *) g_ptr_array_index (self->countries,
                                                            selected - CHOICE_OFFSET))->code);
  shelter_intake_set_return_mode (intake, get_enum_code (self->return_mode_row,
                                                         &shelter_enum_return_mode,
                                                         CHOICE_OFFSET));
  shelter_intake_set_identification_status (intake,
                                            get_enum_code (self->identification_row,
                                                           &shelter_enum_identification_status,
                                                           CHOICE_OFFSET));
  text = dup_text (self->identification_document_row);
  shelter_intake_set_identification_document (intake, text);
  g_clear_pointer (&text, g_free);

  shelter_intake_set_consent_status (intake, shelter_intake_dialog_consent_status (self));
  shelter_intake_set_consent_given_by (intake, get_enum_code (self->given_by_row,
                                                              &shelter_enum_consent_given_by, 0));
  text = dup_text (self->guardian_name_row);
  shelter_intake_set_guardian_name (intake, text);
  g_free (text);
  shelter_intake_set_consent_record (intake, gtk_switch_get_active (self->record_switch));
  shelter_intake_set_consent_share (intake, gtk_switch_get_active (self->share_switch));
  text = dup_text (self->share_agencies_row);
  shelter_intake_set_consent_share_agencies (intake, text);
  g_free (text);
  shelter_intake_set_consent_photo (intake, gtk_switch_get_active (self->photo_switch));
  text = dup_text (self->not_now_reason_row);
  shelter_intake_set_consent_not_now_reason (intake, text);
  g_free (text);
  text = dup_text (self->ask_again_row);
  /* What is no date goes to app/ as typed, which names the field. */
  g_date_clear (&date, 1);
  if (text != NULL && shelter_text_parse_date (text, &date))
    ask_again = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));
  shelter_intake_set_consent_ask_again_on (intake, ask_again != NULL ? ask_again : text);
  g_clear_pointer (&text, g_free);

  text = dup_view_text (self->belongings_view);
  if (text != NULL)
    belongings = g_strsplit (text, "\n", -1);
  shelter_intake_set_belongings (intake, (const char * const *) belongings);
  g_free (text);
  text = dup_text (self->health_row);
  shelter_intake_set_health_at_arrival (intake, text);
  g_free (text);
  text = dup_text (self->urgent_needs_row);
  shelter_intake_set_urgent_needs (intake, text);
  g_free (text);
  text = dup_view_text (self->safety_view);
  shelter_intake_set_safety_note (intake, text);
  g_free (text);
  shelter_intake_set_person_signs (intake, gtk_switch_get_active (self->signs_switch));
  text = dup_text (self->not_signed_row);
  shelter_intake_set_not_signed_reason (intake, text);

  return intake;
}

static void
shelter_intake_dialog_show_linked (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterResidentSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  if (self->linked_person_id > 0)
    summary = shelter_residents_get_summary (self->session, self->linked_person_id, &error);
  if (error != NULL)
    g_debug ("Cannot read the adult chosen: %s", error->message);

  if (summary != NULL)
    {
      const char *name = shelter_resident_summary_get_full_name (summary);
      const char *code = shelter_resident_summary_get_case_code (summary);

      if (name != NULL)
        /* Translators: the adult an accompanying child came with: "Sùng Thị Dợ, case code
         * 2026-0012". */
        subtitle = g_strdup_printf (_("%s, case code %s"), name, code);
      else
        subtitle = g_strdup_printf (_("Case code %s"), code);
    }
  adw_action_row_set_subtitle (self->came_with_row,
                               subtitle != NULL ? subtitle : _("Nobody chosen yet"));
}

/* Fills the rows of the steps after the first from @intake (a draft's). */
static void
shelter_intake_dialog_fill_intake (ShelterIntakeDialog *self,
                                   ShelterIntake       *intake)
{
  const char * const *purposes = shelter_intake_get_trafficking_purposes (intake);
  const char * const *belongings = shelter_intake_get_belongings (intake);
  const char *status = shelter_intake_get_consent_status (intake);
  const char *country = shelter_intake_get_destination_country (intake);
  g_autofree char *ask_again = NULL;
  g_autofree char *belongings_text = NULL;
  guint country_position = 0;

  self->filling = TRUE;

  set_enum_code (self->handed_over_row, &shelter_enum_handed_over_by, CHOICE_OFFSET,
                 shelter_intake_get_handed_over_by (intake));
  set_text (self->officer_name_row, shelter_intake_get_officer_name (intake));
  set_text (self->officer_unit_row, shelter_intake_get_officer_unit (intake));
  set_text (self->received_place_row, shelter_intake_get_received_place (intake));
  self->linked_person_id = shelter_intake_get_linked_person_id (intake);
  shelter_intake_dialog_show_linked (self);

  for (guint i = 0; i < self->purpose_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->purpose_checks, i),
                                 purposes != NULL &&
                                 g_strv_contains (purposes,
                                                  shelter_enum_trafficking_purpose.values[i].code));
  set_enum_code (self->scope_row, &shelter_enum_trafficking_scope, CHOICE_OFFSET,
                 shelter_intake_get_trafficking_scope (intake));
  for (guint i = 0; country != NULL && i < self->countries->len; i++)
    if (g_strcmp0 (((ShelterReferenceEntry *) g_ptr_array_index (self->countries, i))->code,
                   country) == 0)
      country_position = i + CHOICE_OFFSET;
  gtk_drop_down_set_selected (self->destination_drop_down, country_position);
  set_enum_code (self->return_mode_row, &shelter_enum_return_mode, CHOICE_OFFSET,
                 shelter_intake_get_return_mode (intake));
  set_enum_code (self->identification_row, &shelter_enum_identification_status, CHOICE_OFFSET,
                 shelter_intake_get_identification_status (intake));
  set_text (self->identification_document_row,
            shelter_intake_get_identification_document (intake));

  gtk_check_button_set_active (self->consent_given_check, g_strcmp0 (status, "given") == 0);
  gtk_check_button_set_active (self->consent_not_now_check, g_strcmp0 (status, "not_now") == 0);
  set_enum_code (self->given_by_row, &shelter_enum_consent_given_by, 0,
                 shelter_intake_get_consent_given_by (intake));
  set_text (self->guardian_name_row, shelter_intake_get_guardian_name (intake));
  gtk_switch_set_active (self->record_switch, shelter_intake_get_consent_record (intake));
  gtk_switch_set_active (self->share_switch, shelter_intake_get_consent_share (intake));
  set_text (self->share_agencies_row, shelter_intake_get_consent_share_agencies (intake));
  gtk_switch_set_active (self->photo_switch, shelter_intake_get_consent_photo (intake));
  set_text (self->not_now_reason_row, shelter_intake_get_consent_not_now_reason (intake));
  if (shelter_intake_get_consent_ask_again_on (intake) != NULL)
    ask_again = shelter_text_format_date (shelter_intake_get_consent_ask_again_on (intake));
  if (ask_again != NULL && *ask_again != '\0')
    set_text (self->ask_again_row, ask_again);

  if (belongings != NULL)
    belongings_text = g_strjoinv ("\n", (char **) belongings);
  set_view_text (self->belongings_view, belongings_text);
  set_text (self->health_row, shelter_intake_get_health_at_arrival (intake));
  set_text (self->urgent_needs_row, shelter_intake_get_urgent_needs (intake));
  set_view_text (self->safety_view, shelter_intake_get_safety_note (intake));
  gtk_switch_set_active (self->signs_switch, shelter_intake_get_person_signs (intake));
  set_text (self->not_signed_row, shelter_intake_get_not_signed_reason (intake));

  self->filling = FALSE;
  shelter_intake_dialog_update_visible (self);
}

/* What is shown depends on what is chosen: the officer unless the person came alone, the
 * destination when abroad, the trafficking details and the adult by person type, and the
 * details of consent by its status. */
static void
shelter_intake_dialog_update_visible (ShelterIntakeDialog *self)
{
  const char *person_type = shelter_intake_dialog_person_type (self);
  const char *handed_over_by = get_enum_code (self->handed_over_row,
                                              &shelter_enum_handed_over_by, CHOICE_OFFSET);
  gboolean came_alone = g_strcmp0 (handed_over_by, "self") == 0;
  gboolean trafficking = shelter_intake_applies_trafficking (person_type);

  gtk_widget_set_visible (GTK_WIDGET (self->officer_name_row), !came_alone);
  gtk_widget_set_visible (GTK_WIDGET (self->officer_unit_row), !came_alone);
  gtk_widget_set_visible (self->came_with_group,
                          g_strcmp0 (person_type, "accompanying_minor") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->purposes_group), trafficking);
  gtk_widget_set_visible (self->trafficking_group, trafficking);
  gtk_widget_set_visible (GTK_WIDGET (self->destination_row),
                          g_strcmp0 (get_enum_code (self->scope_row,
                                                    &shelter_enum_trafficking_scope,
                                                    CHOICE_OFFSET), "abroad") == 0);

  gtk_widget_set_visible (self->consent_given_group,
                          gtk_check_button_get_active (self->consent_given_check));
  gtk_widget_set_visible (self->consent_not_now_group,
                          gtk_check_button_get_active (self->consent_not_now_check));
  gtk_widget_set_visible (GTK_WIDGET (self->guardian_name_row),
                          g_strcmp0 (get_enum_code (self->given_by_row,
                                                    &shelter_enum_consent_given_by, 0),
                                     "guardian") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->share_agencies_row),
                          gtk_switch_get_active (self->share_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->not_signed_row),
                          !gtk_switch_get_active (self->signs_switch));
}

static void
shelter_intake_dialog_update_intake_warnings (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterIntake) intake = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  if (self->person != NULL)
    {
      intake = shelter_intake_dialog_build_intake (self);
      warnings = shelter_intake_warnings (intake, self->person);
    }
  _shelter_ui_show_warnings (self->how_warnings_group, self->how_warnings_list, warnings);
}

/* Drafts */

/* The properties of @object that a draft keeps (text, switches, numbers, lists of text),
 * by name, leaving out those in @skip and those not set. */
static GVariant *
draft_from_object (GObject            *object,
                   const char * const *skip)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue value = G_VALUE_INIT;
      GVariant *variant = NULL;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (skip != NULL && g_strv_contains (skip, pspec->name)))
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);
      if (pspec->value_type == G_TYPE_STRING && g_value_get_string (&value) != NULL)
        variant = g_variant_new_string (g_value_get_string (&value));
      else if (pspec->value_type == G_TYPE_BOOLEAN)
        variant = g_variant_new_boolean (g_value_get_boolean (&value));
      else if (pspec->value_type == G_TYPE_INT64)
        variant = g_variant_new_int64 (g_value_get_int64 (&value));
      else if (pspec->value_type == G_TYPE_INT)
        variant = g_variant_new_int32 (g_value_get_int (&value));
      else if (pspec->value_type == G_TYPE_STRV && g_value_get_boxed (&value) != NULL)
        variant = g_variant_new_strv (g_value_get_boxed (&value), -1);
      g_value_unset (&value);

      if (variant != NULL)
        g_variant_builder_add (&builder, "{sv}", pspec->name, variant);
    }

  return g_variant_builder_end (&builder);
}

/* Sets the properties of @object named in @fields; what it does not have (a field of
 * another version) or of another type is left out. */
static void
draft_to_object (GVariant *fields,
                 GObject  *object)
{
  GVariantIter iter;
  const char *name;
  GVariant *variant;

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &variant))
    {
      g_autoptr(GVariant) owned = variant;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      GValue value = G_VALUE_INIT;

      if (pspec == NULL || (pspec->flags & G_PARAM_WRITABLE) == 0 ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_STRING &&
          g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING))
        g_value_set_string (&value, g_variant_get_string (variant, NULL));
      else if (pspec->value_type == G_TYPE_BOOLEAN &&
               g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
        g_value_set_boolean (&value, g_variant_get_boolean (variant));
      else if (pspec->value_type == G_TYPE_INT64 &&
               g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
        g_value_set_int64 (&value, g_variant_get_int64 (variant));
      else if (pspec->value_type == G_TYPE_INT &&
               g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
        g_value_set_int (&value, g_variant_get_int32 (variant));
      else if (pspec->value_type == G_TYPE_STRV &&
               g_variant_is_of_type (variant, G_VARIANT_TYPE_STRING_ARRAY))
        g_value_take_boxed (&value, g_variant_dup_strv (variant, NULL));
      else
        {
          g_value_unset (&value);
          continue;
        }
      g_object_set_property (object, name, &value);
      g_value_unset (&value);
    }
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);

  self->draft_id = 0;
  shelter_intake_dialog_save_draft (self);
  return G_SOURCE_REMOVE;
}

/* Everything typed, and the step: the person's fields as the form gives them (or the id of
 * the person on record), the intake's as the steps give them, and what the steps keep
 * as text until they are checked. */
static GVariant *
shelter_intake_dialog_build_draft (ShelterIntakeDialog *self)
{
  static const char * const person_skip[] = { "id", "version", "case-code", NULL };
  static const char * const intake_skip[] = { "stay-id", "record-number", "version", NULL };
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(ShelterIntake) intake = shelter_intake_dialog_build_intake (self);
  g_autofree char *admitted = dup_text (self->admitted_row);
  g_autofree char *ask_again = dup_text (self->ask_again_row);

  g_variant_builder_add (&builder, "{sv}", "step", g_variant_new_int32 (self->step));
  if (self->returning_id > 0)
    g_variant_builder_add (&builder, "{sv}", "returning-person-id",
                           g_variant_new_int64 (self->returning_id));
  else
    g_variant_builder_add (&builder, "{sv}", "person",
                           draft_from_object (G_OBJECT (person), person_skip));
  g_variant_builder_add (&builder, "{sv}", "intake",
                         draft_from_object (G_OBJECT (intake), intake_skip));
  if (admitted != NULL)
    g_variant_builder_add (&builder, "{sv}", "admitted-at", g_variant_new_string (admitted));
  if (ask_again != NULL)
    g_variant_builder_add (&builder, "{sv}", "ask-again-on", g_variant_new_string (ask_again));
  g_variant_builder_add (&builder, "{sv}", "room-id", g_variant_new_int64 (self->room_id));
  g_variant_builder_add (&builder, "{sv}", "given-by-touched",
                         g_variant_new_boolean (self->given_by_touched));

  return g_variant_builder_end (&builder);
}

/* Keeps what has been typed, unless nothing changed since the last time. */
static void
shelter_intake_dialog_save_draft (ShelterIntakeDialog *self)
{
  g_autoptr(GVariant) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->finished || !self->touched || !self->unsaved || self->session == NULL)
    return;

  fields = g_variant_ref_sink (shelter_intake_dialog_build_draft (self));
  if (!shelter_intake_draft_save (self->session, fields, &error))
    {
      g_warning ("Cannot keep the unfinished intake: %s", error->message);
      return;
    }
  self->unsaved = FALSE;
}

/* An edit by the user: kept in the draft once typing pauses. */
static void
shelter_intake_dialog_changed (ShelterIntakeDialog *self)
{
  if (self->filling || self->finished)
    return;

  self->touched = TRUE;
  self->unsaved = TRUE;
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* Steps */

static GtkLabel *
shelter_intake_dialog_error_label (ShelterIntakeDialog *self,
                                   Step                 step)
{
  switch (step)
    {
    case STEP_HOW:
      return self->how_error_label;
    case STEP_CONSENT:
      return self->consent_error_label;
    case STEP_ARRIVAL:
      return self->arrival_error_label;
    case STEP_WHO:
    case STEP_ROOM:
    case N_STEPS:
    default:
      return self->room_error_label;
    }
}

static void
shelter_intake_dialog_clear_error (ShelterIntakeDialog *self,
                                   Step                 step)
{
  if (step == STEP_WHO)
    shelter_person_form_show_error (self->form, NULL);
  else
    _shelter_ui_show_message (shelter_intake_dialog_error_label (self, step), NULL);

  if (self->error_widget != NULL)
    {
      _shelter_ui_set_error (self->error_widget, FALSE);
      g_clear_weak_pointer (&self->error_widget);
    }
}

static void
shelter_intake_dialog_set_step (ShelterIntakeDialog *self,
                                Step                 step)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *next_name = NULL;
  const char *step_title[N_STEPS] = {
    _("Who"), _("How They Came"), _("Consent"), _("Arrival"), _("Room")
  };

  if (self->step != step)
    shelter_intake_dialog_changed (self);
  self->step = step;
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_widget_set_visible (self->back_button, step > STEP_WHO);

  /* Translators: "Step 1 of 5: Who". */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), step + 1, N_STEPS, step_title[step]);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_label_set_label (self->next_label, step == STEP_ROOM ? _("_Receive") : _("_Next"));
  next_name = g_strdup (gtk_label_get_text (self->next_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);
  shelter_intake_dialog_update_visible (self);

  switch (step)
    {
    case STEP_WHO:
      if (self->returning_id > 0)
        gtk_widget_grab_focus (self->next_button);
      else
        shelter_person_form_focus (self->form);
      break;
    case STEP_HOW:
      shelter_intake_dialog_update_intake_warnings (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->handed_over_row));
      break;
    case STEP_CONSENT:
      if (!self->given_by_touched)
        {
          int age = shelter_intake_dialog_age (self);

          /* Under 18, a parent or guardian consents. */
          self->filling = TRUE;
          set_enum_code (self->given_by_row, &shelter_enum_consent_given_by, 0,
                         age >= 0 && age < ADULT_AGE ? "guardian" : "person");
          self->filling = FALSE;
          shelter_intake_dialog_update_visible (self);
        }
      if (gtk_check_button_get_active (self->consent_not_now_check))
        gtk_widget_grab_focus (GTK_WIDGET (self->consent_not_now_check));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->consent_given_check));
      break;
    case STEP_ARRIVAL:
      gtk_widget_grab_focus (GTK_WIDGET (self->belongings_view));
      break;
    case STEP_ROOM:
    case N_STEPS:
    default:
      shelter_intake_dialog_load_rooms (self);
      break;
    }
}

/* Step 1: who */

static void
shelter_intake_dialog_update_warnings (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GPtrArray) warnings = NULL;

  shelter_person_validate (person, now, NULL);
  warnings = shelter_person_warnings (person);
  _shelter_ui_show_warnings (self->warnings_group, self->warnings_list, warnings);
}

static void
shelter_intake_dialog_set_returning (ShelterIntakeDialog *self,
                                     ShelterPerson       *person)
{
  gboolean returning = person != NULL;

  self->returning_id = returning ? shelter_person_get_id (person) : 0;
  shelter_person_form_set_person (self->form, person);
  /* What is on record is kept as it is: a correction is an edit on the resident's page. */
  shelter_person_form_set_editable (self->form, !returning);
  gtk_widget_set_visible (self->returning_group, returning);
  gtk_widget_set_visible (self->similar_group, FALSE);
  _shelter_ui_clear_list_box (self->similar_list);

  if (returning)
    {
      g_autofree char *subtitle =
        /* Translators: under "A new stay for a person on record". */
        g_strdup_printf (_("Case code %s. Their record is kept as it is; correct it on their "
                           "page."), shelter_person_get_case_code (person));

      adw_action_row_set_subtitle (self->returning_row, subtitle);
      gtk_widget_grab_focus (self->next_button);
    }
  else
    shelter_person_form_focus (self->form);

  shelter_intake_dialog_update_warnings (self);
}

static void
new_stay_clicked_cb (GtkButton           *button,
                     ShelterIntakeDialog *self)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button),
                                                          "shelter-person-id"));
  g_autoptr(ShelterPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  person = shelter_person_open (self->session, person_id, &error);
  if (person == NULL)
    {
      shelter_person_form_show_error (self->form, error);
      return;
    }

  shelter_intake_dialog_set_returning (self, person);
  shelter_intake_dialog_changed (self);
}

static GtkWidget *
shelter_intake_dialog_new_similar_row (ShelterIntakeDialog    *self,
                                       ShelterResidentSummary *summary)
{
  g_autofree char *birth = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *button;
  GtkWidget *label;

  birth = shelter_text_format_date (shelter_resident_summary_get_birth_date (summary));
  if (birth != NULL && *birth != '\0')
    /* Translators: a person on record: "Case code 2026-0012 · born 03/05/1998". */
    subtitle = g_strdup_printf (_("Case code %s · born %s"),
                                shelter_resident_summary_get_case_code (summary), birth);
  else
    subtitle = g_strdup_printf (_("Case code %s"),
                                shelter_resident_summary_get_case_code (summary));

  row = _shelter_ui_new_text_row (shelter_resident_summary_get_full_name (summary), subtitle);

  /* A presentational label and an explicit name, so that the underline is not read. */
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", _("_New Stay for This Person"),
                        "use-underline", TRUE,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The row names the person: the button says what it does to them. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Stay for This Person"), -1);
  g_object_set_data (G_OBJECT (button), "shelter-person-id",
                     GSIZE_TO_POINTER ((gsize) shelter_resident_summary_get_person_id (summary)));
  g_signal_connect (button, "clicked", G_CALLBACK (new_stay_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static gboolean
similar_timeout_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  self->similar_id = 0;
  _shelter_ui_clear_list_box (self->similar_list);

  /* Nothing to compare yet. */
  if (shelter_person_get_given_name (person) == NULL &&
      shelter_person_get_id_number (person) == NULL)
    ids = NULL;
  else
    ids = shelter_person_find_similar (self->session, person, &error);
  if (error != NULL)
    g_warning ("Cannot look for similar people: %s", error->message);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(ShelterResidentSummary) summary = NULL;
      g_autoptr(GError) summary_error = NULL;

      summary = shelter_residents_get_summary (self->session, g_array_index (ids, gint64, i),
                                               &summary_error);
      if (summary == NULL)
        {
          g_debug ("Cannot read a similar person: %s", summary_error->message);
          continue;
        }
      gtk_list_box_append (self->similar_list,
                           shelter_intake_dialog_new_similar_row (self, summary));
    }

  gtk_widget_set_visible (self->similar_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->similar_list)) != NULL);

  return G_SOURCE_REMOVE;
}

static void
form_identity_changed_cb (ShelterIntakeDialog *self,
                          ShelterPersonForm   *form)
{
  g_clear_handle_id (&self->similar_id, g_source_remove);
  self->similar_id = g_timeout_add (SIMILAR_DELAY_MS, similar_timeout_cb, self);
}

static void
form_changed_cb (ShelterIntakeDialog *self,
                 ShelterPersonForm   *form)
{
  shelter_intake_dialog_changed (self);
  shelter_intake_dialog_update_warnings (self);
}

static void
someone_else_clicked_cb (ShelterIntakeDialog *self,
                         GtkButton           *button)
{
  shelter_intake_dialog_set_returning (self, NULL);
  shelter_intake_dialog_changed (self);
}

static gboolean
shelter_intake_dialog_check_who (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterPerson) person = shelter_person_form_get_person (self->form);
  g_autoptr(GDateTime) now = shelter_session_now (self->session);
  g_autoptr(GError) error = NULL;

  /* The same checks as the admission's, so that a wrong field is shown on its own step. */
  if (!shelter_person_validate (person, now, &error))
    {
      shelter_person_form_show_error (self->form, error);
      return FALSE;
    }

  shelter_person_form_show_error (self->form, NULL);
  g_set_object (&self->person, person);
  return TRUE;
}

/* Step 2: how they came */

static gboolean
shelter_intake_dialog_check_when (ShelterIntakeDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->admitted_row));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  int day, month, year, hour, minute;
  char end;

  if (sscanf (text, " %d/%d/%d %d:%d %c", &day, &month, &year, &hour, &minute, &end) != 5)
    {
      g_set_error_literal (&error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ADMITTED_AT,
                           _("Admission time: enter the date and time as dd/mm/yyyy hh:mm, for "
                             "example 22/11/2026 09:30."));
      shelter_intake_dialog_show_error (self, error);
      return FALSE;
    }

  /* Times are the centre's: Vietnam's, whatever the desk's computer is set to. */
  zone = g_time_zone_new_identifier ("+07:00");
  if (zone != NULL)
    time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  if (time == NULL)
    {
      g_set_error_literal (&error, SHELTER_FIELD_ERROR, SHELTER_FIELD_ADMITTED_AT,
                           _("Admission time: this is not a real date and time. Check the day, "
                             "month and hour."));
      shelter_intake_dialog_show_error (self, error);
      return FALSE;
    }

  g_free (self->admitted_at);
  self->admitted_at = shelter_session_format_time (time);
  return TRUE;
}

static void
handed_over_changed_cb (ShelterIntakeDialog *self)
{
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_update_intake_warnings (self);
  shelter_intake_dialog_changed (self);
}

static void
scope_changed_cb (ShelterIntakeDialog *self)
{
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_update_intake_warnings (self);
  shelter_intake_dialog_changed (self);
}

static void
came_with_toggled_cb (GtkCheckButton      *check,
                      ShelterIntakeDialog *self)
{
  if (!gtk_check_button_get_active (check) || self->filling)
    return;

  self->linked_person_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check),
                                                                          "shelter-person-id"));
  shelter_intake_dialog_show_linked (self);
  field_changed_cb (self, self->came_with_search_row);
}

static gboolean
came_with_timeout_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);
  g_autofree char *text = dup_text (self->came_with_search_row);
  g_autoptr(GError) error = NULL;
  GtkCheckButton *group = NULL;
  guint n_items;
  guint shown = 0;

  self->came_with_id = 0;
  _shelter_ui_clear_list_box (self->came_with_list);
  gtk_widget_set_visible (GTK_WIDGET (self->came_with_list), text != NULL);
  if (text == NULL)
    return G_SOURCE_REMOVE;

  /* Those staying now, by name, case code, ID number or phone. */
  if (self->residents == NULL)
    self->residents = shelter_residents_model_new (self->session);
  if (!shelter_residents_model_set_search (self->residents, text, &error))
    {
      gtk_list_box_append (self->came_with_list, _shelter_ui_new_text_row (error->message, NULL));
      return G_SOURCE_REMOVE;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->residents));
  self->filling = TRUE;
  for (guint i = 0; i < n_items && shown < CAME_WITH_MAX_MATCHES; i++)
    {
      g_autoptr(ShelterResidentSummary) summary =
        g_list_model_get_item (G_LIST_MODEL (self->residents), i);
      gint64 id = shelter_resident_summary_get_person_id (summary);
      const char *name = shelter_resident_summary_get_full_name (summary);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check;

      /* Not the child themselves, back for a new stay. */
      if (id == self->returning_id)
        continue;

      subtitle = g_strdup_printf (_("Case code %s"),
                                  shelter_resident_summary_get_case_code (summary));
      row = _shelter_ui_new_text_row (name != NULL ? name : subtitle,
                                      name != NULL ? subtitle : NULL);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Named by the row it activates (the resident's name). */
      g_object_set_data (G_OBJECT (check), "shelter-person-id", GSIZE_TO_POINTER ((gsize) id));
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), id == self->linked_person_id);
      g_signal_connect (check, "toggled", G_CALLBACK (came_with_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->came_with_list, row);
      shown++;
    }
  self->filling = FALSE;

  if (shown == 0)
    gtk_list_box_append (self->came_with_list,
                         _shelter_ui_new_text_row (_("No one staying now matches. Check the "
                                                     "spelling, or search by case code."),
                                                   NULL));

  return G_SOURCE_REMOVE;
}

static void
came_with_search_changed_cb (ShelterIntakeDialog *self,
                             GtkEditable         *editable)
{
  g_clear_handle_id (&self->came_with_id, g_source_remove);
  self->came_with_id = g_timeout_add (CAME_WITH_DELAY_MS, came_with_timeout_cb, self);
}

/* Step 3: consent */

static void
consent_toggled_cb (ShelterIntakeDialog *self,
                    GtkCheckButton      *check)
{
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_changed (self);
}

static void
given_by_changed_cb (ShelterIntakeDialog *self)
{
  if (!self->filling)
    self->given_by_touched = TRUE;
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_changed (self);
}

static void
share_changed_cb (ShelterIntakeDialog *self)
{
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_changed (self);
}

/* Step 4: arrival */

static void
signs_changed_cb (ShelterIntakeDialog *self)
{
  shelter_intake_dialog_update_visible (self);
  shelter_intake_dialog_changed (self);
}

/* An edit in any row: @object is the widget edited, or (for a notify:: signal, swapped)
 * the property's GParamSpec. */
static void
field_changed_cb (ShelterIntakeDialog *self,
                  gpointer             object)
{
  if (self->filling)
    return;

  if (self->error_widget != NULL && GTK_IS_WIDGET (object) &&
      (GTK_WIDGET (object) == self->error_widget ||
       gtk_widget_is_ancestor (GTK_WIDGET (object), self->error_widget)))
    {
      _shelter_ui_set_error (self->error_widget, FALSE);
      g_clear_weak_pointer (&self->error_widget);
    }
  if (self->step == STEP_HOW)
    shelter_intake_dialog_update_intake_warnings (self);
  shelter_intake_dialog_changed (self);
}

static void
buffer_changed_cb (ShelterIntakeDialog *self,
                   GtkTextBuffer       *buffer)
{
  shelter_intake_dialog_changed (self);
}

/* Errors: each on the step and at the field it names */

static Step
shelter_intake_dialog_locate (ShelterIntakeDialog  *self,
                              const GError         *error,
                              GtkWidget           **widget)
{
  *widget = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    switch ((ShelterField) error->code)
      {
      case SHELTER_FIELD_HANDED_OVER_BY:
        *widget = GTK_WIDGET (self->handed_over_row);
        return STEP_HOW;
      case SHELTER_FIELD_OFFICER_NAME:
        *widget = GTK_WIDGET (self->officer_name_row);
        return STEP_HOW;
      case SHELTER_FIELD_OFFICER_UNIT:
        *widget = GTK_WIDGET (self->officer_unit_row);
        return STEP_HOW;
      case SHELTER_FIELD_RECEIVED_PLACE:
        *widget = GTK_WIDGET (self->received_place_row);
        return STEP_HOW;
      case SHELTER_FIELD_ADMITTED_AT:
        *widget = GTK_WIDGET (self->admitted_row);
        return STEP_HOW;
      case SHELTER_FIELD_LINKED_PERSON:
        *widget = GTK_WIDGET (self->came_with_search_row);
        return STEP_HOW;
      case SHELTER_FIELD_TRAFFICKING_PURPOSES:
        if (self->purpose_checks->len > 0)
          *widget = g_ptr_array_index (self->purpose_checks, 0);
        return STEP_HOW;
      case SHELTER_FIELD_TRAFFICKING_SCOPE:
        *widget = GTK_WIDGET (self->scope_row);
        return STEP_HOW;
      case SHELTER_FIELD_DESTINATION_COUNTRY:
        *widget = GTK_WIDGET (self->destination_row);
        return STEP_HOW;
      case SHELTER_FIELD_RETURN_MODE:
        *widget = GTK_WIDGET (self->return_mode_row);
        return STEP_HOW;
      case SHELTER_FIELD_IDENTIFICATION:
        /* The status comes from a list: what can be wrong is the document. */
        *widget = GTK_WIDGET (self->identification_document_row);
        return STEP_HOW;
      case SHELTER_FIELD_CONSENT:
        if (shelter_intake_dialog_consent_status (self) == NULL)
          *widget = GTK_WIDGET (self->consent_given_check);
        else
          *widget = GTK_WIDGET (self->given_by_row);
        return STEP_CONSENT;
      case SHELTER_FIELD_CONSENT_AGENCIES:
        *widget = GTK_WIDGET (self->share_agencies_row);
        return STEP_CONSENT;
      case SHELTER_FIELD_GUARDIAN_NAME:
        *widget = GTK_WIDGET (self->guardian_name_row);
        return STEP_CONSENT;
      case SHELTER_FIELD_CONSENT_REASON:
        *widget = GTK_WIDGET (self->not_now_reason_row);
        return STEP_CONSENT;
      case SHELTER_FIELD_CONSENT_ASK_AGAIN:
        *widget = GTK_WIDGET (self->ask_again_row);
        return STEP_CONSENT;
      case SHELTER_FIELD_BELONGINGS:
        *widget = GTK_WIDGET (self->belongings_view);
        return STEP_ARRIVAL;
      case SHELTER_FIELD_HEALTH_AT_ARRIVAL:
        *widget = GTK_WIDGET (self->health_row);
        return STEP_ARRIVAL;
      case SHELTER_FIELD_URGENT_NEEDS:
        *widget = GTK_WIDGET (self->urgent_needs_row);
        return STEP_ARRIVAL;
      case SHELTER_FIELD_SAFETY_NOTE:
        *widget = GTK_WIDGET (self->safety_view);
        return STEP_ARRIVAL;
      case SHELTER_FIELD_NOT_SIGNED_REASON:
        *widget = GTK_WIDGET (self->not_signed_row);
        return STEP_ARRIVAL;
      case SHELTER_FIELD_ROOM:
        return STEP_ROOM;
      default:
        if (shelter_person_form_has_field (self->form, error->code))
          return STEP_WHO;
        return STEP_ROOM;
      }

  if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_LINKED))
    {
      *widget = GTK_WIDGET (self->came_with_search_row);
      return STEP_HOW;
    }
  if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ALREADY_IN_RESIDENCE))
    return STEP_WHO;

  /* The rest (a full room, a refusal, the database) is said where the intake is saved. */
  return STEP_ROOM;
}

static void
shelter_intake_dialog_show_error (ShelterIntakeDialog *self,
                                  const GError        *error)
{
  GtkWidget *widget = NULL;
  Step step = shelter_intake_dialog_locate (self, error, &widget);

  if (step != self->step)
    shelter_intake_dialog_set_step (self, step);
  shelter_intake_dialog_clear_error (self, step);

  if (step == STEP_WHO)
    {
      shelter_person_form_show_error (self->form, error);
      return;
    }

  if (step == STEP_ROOM &&
      ((error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_ROOM) ||
       g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_FULL) ||
       g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_ROOM_UNSUITABLE)))
    /* The rooms again, as they are now: someone may have taken the last bed. */
    shelter_intake_dialog_load_rooms (self);

  _shelter_ui_show_message (shelter_intake_dialog_error_label (self, step), error->message);
  if (widget != NULL)
    {
      /* A row hidden by an earlier choice cannot be at fault: show it with its error. */
      gtk_widget_set_visible (widget, TRUE);
      _shelter_ui_set_error (widget, TRUE);
      g_set_weak_pointer (&self->error_widget, widget);
      gtk_widget_grab_focus (widget);
    }
}

/* Checks the intake as app/ will when it is saved, but stops only for the fields of
 * @step and those before it: app/ checks the fields in the order of the steps, so a
 * refusal of a later step's field means those up to @step passed. */
static gboolean
shelter_intake_dialog_check_intake (ShelterIntakeDialog *self,
                                    Step                 step)
{
  g_autoptr(ShelterIntake) intake = shelter_intake_dialog_build_intake (self);
  g_autofree char *received_on = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *widget;

  g_assert (self->person != NULL && self->admitted_at != NULL);

  received_on = g_strndup (self->admitted_at, 10);
  if (!shelter_intake_validate (intake, self->person, shelter_intake_dialog_age (self),
                                received_on, &error) &&
      shelter_intake_dialog_locate (self, error, &widget) <= step)
    {
      shelter_intake_dialog_show_error (self, error);
      return FALSE;
    }

  shelter_intake_dialog_clear_error (self, step);
  return TRUE;
}

static gboolean
shelter_intake_dialog_check_step (ShelterIntakeDialog *self,
                                  Step                 step)
{
  switch (step)
    {
    case STEP_WHO:
      return shelter_intake_dialog_check_who (self);
    case STEP_HOW:
      shelter_intake_dialog_clear_error (self, STEP_HOW);
      return shelter_intake_dialog_check_when (self) &&
             shelter_intake_dialog_check_intake (self, STEP_HOW);
    case STEP_CONSENT:
    case STEP_ARRIVAL:
      return shelter_intake_dialog_check_intake (self, step);
    case STEP_ROOM:
    case N_STEPS:
    default:
      return TRUE;
    }
}

/* Step 5: room */

static void
room_toggled_cb (GtkCheckButton      *check,
                 ShelterIntakeDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  self->room_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check),
                                                                "shelter-room-id"));
  _shelter_ui_show_message (self->room_error_label, NULL);

  /* Chosen with the keyboard: Enter now receives the person. */
  if (!self->loading_rooms)
    {
      gtk_widget_grab_focus (self->next_button);
      shelter_intake_dialog_changed (self);
    }
}

static void
shelter_intake_dialog_load_rooms (ShelterIntakeDialog *self)
{
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;
  GtkCheckButton *group = NULL;
  GtkWidget *first = NULL;
  gint64 chosen = self->room_id;
  ShelterAgeBands bands;
  int age;

  _shelter_ui_clear_list_box (self->room_list);
  self->room_id = 0;

  age = shelter_intake_dialog_age (self);
  /* Unreadable bands leave the defaults, good enough to describe the rooms. */
  shelter_age_bands_load (shelter_session_get_db (self->session), &bands, NULL);
  {
    g_autofree char *on = self->admitted_at != NULL ? g_strndup (self->admitted_at, 10) : NULL;

    /* The rules (sex, age group, a small child with the parent, full) are app/'s. */
    rooms = shelter_placement_options (self->session, shelter_person_get_sex (self->person), age,
                                       shelter_person_get_person_type (self->person), on,
                                       &error);
  }
  if (rooms == NULL)
    {
      _shelter_ui_show_message (self->room_error_label, error->message);
      return;
    }

  self->loading_rooms = TRUE;
  for (guint i = 0; i < rooms->len; i++)
    {
      ShelterPlacementOption *option = g_ptr_array_index (rooms, i);
      ShelterRoom *room = option->room;
      const char *reason = option->reason;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check;

      if (shelter_room_get_name (room) != NULL)
        title = g_strdup_printf ("%s — %s", shelter_room_get_code (room),
                                 shelter_room_get_name (room));
      else
        title = g_strdup (shelter_room_get_code (room));
      if (reason != NULL)
        /* Translators: why a room cannot take the person: "Not suitable: male room". */
        subtitle = g_strdup_printf (_("Not suitable: %s"), reason);
      else
        subtitle = _shelter_ui_describe_room (room, &bands);

      row = _shelter_ui_new_text_row (title, subtitle);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Named by the row it activates (the room's code and name). */
      g_object_set_data (G_OBJECT (check), "shelter-room-id",
                         GSIZE_TO_POINTER ((gsize) shelter_room_get_id (room)));
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (room_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, reason == NULL);
      gtk_list_box_append (self->room_list, row);

      if (reason == NULL && (first == NULL || shelter_room_get_id (room) == chosen))
        first = check;
      if (reason == NULL && shelter_room_get_id (room) == chosen)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    }

  self->loading_rooms = FALSE;

  if (first == NULL)
    _shelter_ui_show_message (self->room_error_label,
                              _("No open room suits this person now. Free a bed or change a "
                                "room's use on the Rooms page, then come back."));
  else
    gtk_widget_grab_focus (first);
}

/* Receiving */

static void
shelter_intake_dialog_receive (ShelterIntakeDialog *self)
{
  g_autoptr(ShelterIntake) intake = shelter_intake_dialog_build_intake (self);
  g_autoptr(ShelterStay) stay = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  _shelter_ui_show_message (self->room_error_label, NULL);

  stay = shelter_receive_person (self->session, self->person, intake, self->room_id,
                                 self->admitted_at, &error);
  if (stay == NULL)
    {
      shelter_intake_dialog_show_error (self, error);
      return;
    }

  /* app/ removed the draft with the intake. */
  self->finished = TRUE;
  g_clear_handle_id (&self->draft_id, g_source_remove);

  /* Translators: after receiving a person: "Received: case 2026-0042, intake record
   * BBTN-2026-0042". */
  message = g_strdup_printf (_("Received: case %s, intake record %s"),
                             shelter_person_get_case_code (self->person),
                             shelter_intake_get_record_number (intake));
  _shelter_window_show_message (GTK_WIDGET (self), message);

  self->may_close = TRUE;
  g_signal_emit (self, signals[SIGNAL_ADMITTED], 0,
                 shelter_person_get_id (self->person),
                 shelter_person_get_case_code (self->person));
  gtk_window_close (GTK_WINDOW (self));
}

static void
next_clicked_cb (ShelterIntakeDialog *self,
                 GtkButton           *button)
{
  if (self->step == STEP_ROOM)
    shelter_intake_dialog_receive (self);
  else if (shelter_intake_dialog_check_step (self, self->step))
    shelter_intake_dialog_set_step (self, self->step + 1);
}

static void
back_clicked_cb (ShelterIntakeDialog *self,
                 GtkButton           *button)
{
  if (self->step > STEP_WHO)
    shelter_intake_dialog_set_step (self, self->step - 1);
}

static void
form_activate_cb (ShelterIntakeDialog *self,
                  ShelterPersonForm   *form)
{
  next_clicked_cb (self, NULL);
}

static void
entry_activated_cb (ShelterIntakeDialog *self,
                    AdwEntryRow         *row)
{
  next_clicked_cb (self, NULL);
}

static void
shelter_intake_dialog_next_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  next_clicked_cb (SHELTER_INTAKE_DIALOG (widget), NULL);
}

/* Questions over the dialog: hidden with it when the window locks, asked again when it
 * comes back, gone with it. */

static void
shelter_intake_dialog_ask (ShelterIntakeDialog *self,
                           GtkWidget           *dialog)
{
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_set_weak_pointer (&self->question, dialog);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
continue_response_cb (ShelterIntakeDialog *self,
                      const char          *response,
                      AdwMessageDialog    *dialog)
{
  g_autoptr(GVariant) draft = g_steal_pointer (&self->draft);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->draft_saved_at, g_free);
  if (draft == NULL)
    return;

  if (g_strcmp0 (response, "start-over") == 0)
    {
      if (!shelter_intake_draft_discard (self->session, &error))
        g_warning ("Cannot discard the unfinished intake: %s", error->message);
      shelter_person_form_focus (self->form);
      return;
    }

  shelter_intake_dialog_restore_draft (self, draft);
}

static void
shelter_intake_dialog_ask_continue (ShelterIntakeDialog *self)
{
  g_autofree char *when = _shelter_ui_format_time (self->draft_saved_at);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Continue the Unfinished Intake?"),
                                   NULL);
  /* Translators: the time the unfinished intake was last kept: "22/11/2026 09:30". */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("An intake was left unfinished on %s. Continue it, or "
                                    "start over and discard it."),
                                  when != NULL ? when : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "start-over", _("_Start Over"),
                                    "continue", _("_Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start-over",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  /* Escape decides nothing: what was typed is not thrown away by a key. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (continue_response_cb), self,
                           G_CONNECT_SWAPPED);
  shelter_intake_dialog_ask (self, dialog);
}

static void
shelter_intake_dialog_tell_draft_error (ShelterIntakeDialog *self)
{
  g_autofree char *message = g_steal_pointer (&self->draft_error);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unfinished Intake Discarded"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  shelter_intake_dialog_ask (self, dialog);
}

static gboolean
question_idle_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);

  self->question_id = 0;
  if (self->draft_error != NULL)
    shelter_intake_dialog_tell_draft_error (self);
  else if (self->draft != NULL && !self->asked_draft)
    {
      self->asked_draft = TRUE;
      shelter_intake_dialog_ask_continue (self);
    }
  return G_SOURCE_REMOVE;
}

static void
shelter_intake_dialog_map_cb (ShelterIntakeDialog *self)
{
  /* Back from a lock: the question asked before it. */
  if (self->question != NULL)
    gtk_window_present (GTK_WINDOW (self->question));
  else if ((self->draft_error != NULL || (self->draft != NULL && !self->asked_draft)) &&
           self->question_id == 0)
    self->question_id = g_idle_add (question_idle_cb, self);
}

static void
shelter_intake_dialog_hide_cb (ShelterIntakeDialog *self)
{
  /* Hidden by a lock, or closed: what was typed is kept now, not after the pause. */
  shelter_intake_dialog_save_draft (self);
  if (self->question != NULL)
    gtk_widget_set_visible (self->question, FALSE);
}

/* Closing */

static gboolean
close_idle_cb (gpointer user_data)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (user_data);

  self->close_id = 0;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (ShelterIntakeDialog *self,
                   const char          *response,
                   AdwMessageDialog    *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "keep") == 0)
    {
      self->unsaved = TRUE;
      shelter_intake_dialog_save_draft (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (!shelter_intake_draft_discard (self->session, &error))
        g_warning ("Cannot discard the unfinished intake: %s", error->message);
    }
  else
    return;

  /* Closed once the question is gone: it is destroyed with the dialog, and is still
   * answering now. */
  self->finished = TRUE;
  self->may_close = TRUE;
  if (self->close_id == 0)
    self->close_id = g_idle_add (close_idle_cb, self);
}

static gboolean
shelter_intake_dialog_close_request (GtkWindow *window)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (window);
  GtkWidget *dialog;

  if (self->may_close || !self->touched)
    {
      g_clear_handle_id (&self->similar_id, g_source_remove);
      g_clear_handle_id (&self->came_with_id, g_source_remove);
      return GTK_WINDOW_CLASS (shelter_intake_dialog_parent_class)->close_request (window);
    }

  dialog = adw_message_dialog_new (window, _("Discard Intake?"),
                                   _("Keep what has been typed as a draft to continue it at "
                                     "your next intake, or discard it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "edit", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "keep", _("_Keep Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  shelter_intake_dialog_ask (self, dialog);

  return TRUE;
}

/* Restoring a draft */

static void
shelter_intake_dialog_restore_draft (ShelterIntakeDialog *self,
                                     GVariant            *draft)
{
  g_autoptr(GVariant) person_fields = NULL;
  g_autoptr(GVariant) intake_fields = NULL;
  g_autoptr(ShelterIntake) intake = shelter_intake_new ();
  const char *text = NULL;
  gint64 returning_id = 0;
  gint32 step = STEP_WHO;
  Step target;
  Step reached;

  g_assert (g_variant_is_of_type (draft, G_VARIANT_TYPE_VARDICT));

  if (g_variant_lookup (draft, "returning-person-id", "x", &returning_id) && returning_id > 0)
    {
      g_autoptr(ShelterPerson) person = NULL;
      g_autoptr(GError) error = NULL;

      person = shelter_person_open (self->session, returning_id, &error);
      if (person != NULL)
        shelter_intake_dialog_set_returning (self, person);
      else
        shelter_person_form_show_error (self->form, error);
    }
  else if ((person_fields = g_variant_lookup_value (draft, "person",
                                                     G_VARIANT_TYPE_VARDICT)) != NULL)
    {
      g_autoptr(ShelterPerson) person = shelter_person_new ();

      draft_to_object (person_fields, G_OBJECT (person));
      shelter_intake_dialog_set_returning (self, NULL);
      shelter_person_form_set_person (self->form, person);
      shelter_intake_dialog_update_warnings (self);
    }

  /* shelter_intake_new() gives defaults; the draft says what was chosen, even nothing. */
  shelter_intake_set_consent_status (intake, NULL);
  intake_fields = g_variant_lookup_value (draft, "intake", G_VARIANT_TYPE_VARDICT);
  if (intake_fields != NULL)
    draft_to_object (intake_fields, G_OBJECT (intake));
  shelter_intake_dialog_fill_intake (self, intake);

  self->filling = TRUE;
  if (g_variant_lookup (draft, "admitted-at", "&s", &text))
    set_text (self->admitted_row, text);
  if (g_variant_lookup (draft, "ask-again-on", "&s", &text))
    set_text (self->ask_again_row, text);
  g_variant_lookup (draft, "room-id", "x", &self->room_id);
  g_variant_lookup (draft, "given-by-touched", "b", &self->given_by_touched);
  self->filling = FALSE;

  /* Continued: closing asks again what to do with it; it is already kept as it is. */
  self->touched = TRUE;
  self->unsaved = FALSE;

  /* Back to the step it was left on, through the checks of the steps before it: one that
   * does not pass any more (the adult chosen has left in the meantime) stays shown, with
   * why. */
  g_variant_lookup (draft, "step", "i", &step);
  target = (Step) CLAMP (step, STEP_WHO, STEP_ROOM);
  for (reached = STEP_WHO; reached < target; reached++)
    if (!shelter_intake_dialog_check_step (self, reached))
      break;
  if (reached == target && target != self->step)
    shelter_intake_dialog_set_step (self, target);
  self->unsaved = FALSE;
  g_clear_handle_id (&self->draft_id, g_source_remove);
}

ShelterIntakeDialog *
shelter_intake_dialog_new (ShelterSession *session)
{
  ShelterIntakeDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *tomorrow_text = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_INTAKE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->form = shelter_person_form_new (session);
  gtk_box_insert_child_after (self->who_box, GTK_WIDGET (self->form), self->returning_group);

  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "identity-changed",
                           G_CALLBACK (form_identity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "activate", G_CALLBACK (form_activate_cb), self,
                           G_CONNECT_SWAPPED);

  self->filling = TRUE;

  /* Countries by their Vietnamese name, for a trafficking abroad. */
  countries = shelter_reference_countries (shelter_session_get_db (session), &error);
  if (countries == NULL)
    {
      g_warning ("Cannot list the countries: %s", error->message);
      countries = g_ptr_array_new ();
    }
  gtk_string_list_append (self->destination_list, C_("field value", "Not chosen"));
  for (guint i = 0; i < countries->len; i++)
    gtk_string_list_append (self->destination_list, entry_label (g_ptr_array_index (countries, i)));
  self->countries = g_steal_pointer (&countries);

  now = shelter_session_now (session);
  now_text = g_date_time_format (now, "%d/%m/%Y %H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->admitted_row), now_text);
  tomorrow = g_date_time_add_days (now, 1);
  tomorrow_text = g_date_time_format (tomorrow, "%d/%m/%Y");
  gtk_editable_set_text (GTK_EDITABLE (self->ask_again_row), tomorrow_text);
  shelter_intake_dialog_show_linked (self);

  self->filling = FALSE;

  /* What was left unfinished last time, asked about once the dialog is shown. */
  self->draft = shelter_intake_draft_load (session, &self->draft_saved_at, &error);
  if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_DRAFT_UNREADABLE))
    self->draft_error = g_strdup (error->message);
  else if (error != NULL)
    g_warning ("Cannot read the unfinished intake: %s", error->message);

  shelter_intake_dialog_set_step (self, STEP_WHO);
  self->touched = FALSE;
  self->unsaved = FALSE;
  g_clear_handle_id (&self->draft_id, g_source_remove);

  return self;
}

static void
shelter_intake_dialog_dispose (GObject *object)
{
  ShelterIntakeDialog *self = SHELTER_INTAKE_DIALOG (object);

  /* Destroyed without being closed (another user signed in, the application quit): what
   * was typed is kept. */
  if (self->form != NULL)
    shelter_intake_dialog_save_draft (self);
  self->form = NULL;

  g_clear_handle_id (&self->similar_id, g_source_remove);
  g_clear_handle_id (&self->came_with_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_handle_id (&self->question_id, g_source_remove);
  g_clear_handle_id (&self->close_id, g_source_remove);
  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (self->question));
  g_clear_weak_pointer (&self->question);
  g_clear_weak_pointer (&self->error_widget);
  g_clear_object (&self->session);
  g_clear_object (&self->person);
  g_clear_object (&self->residents);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->purpose_checks, g_ptr_array_unref);
  g_clear_pointer (&self->admitted_at, g_free);
  g_clear_pointer (&self->draft, g_variant_unref);
  g_clear_pointer (&self->draft_saved_at, g_free);
  g_clear_pointer (&self->draft_error, g_free);

  G_OBJECT_CLASS (shelter_intake_dialog_parent_class)->dispose (object);
}

static void
shelter_intake_dialog_class_init (ShelterIntakeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_intake_dialog_dispose;
  window_class->close_request = shelter_intake_dialog_close_request;

  /* The person received: their id and new (or existing) case code. */
  signals[SIGNAL_ADMITTED] =
    g_signal_new ("admitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-intake-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterIntakeDialog, name)
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (next_label);
  BIND (step_stack);
  BIND (who_box);
  BIND (returning_group);
  BIND (returning_row);
  BIND (similar_group);
  BIND (similar_list);
  BIND (warnings_group);
  BIND (warnings_list);
  BIND (how_error_label);
  BIND (handed_over_row);
  BIND (handed_over_list);
  BIND (officer_name_row);
  BIND (officer_unit_row);
  BIND (received_place_row);
  BIND (admitted_row);
  BIND (came_with_group);
  BIND (came_with_row);
  BIND (came_with_search_row);
  BIND (came_with_list);
  BIND (purposes_group);
  BIND (trafficking_group);
  BIND (scope_row);
  BIND (scope_list);
  BIND (destination_row);
  BIND (destination_drop_down);
  BIND (destination_list);
  BIND (return_mode_row);
  BIND (return_mode_list);
  BIND (identification_row);
  BIND (identification_list);
  BIND (identification_document_row);
  BIND (how_warnings_group);
  BIND (how_warnings_list);
  BIND (consent_error_label);
  BIND (consent_given_check);
  BIND (consent_not_now_check);
  BIND (consent_given_group);
  BIND (given_by_row);
  BIND (given_by_list);
  BIND (guardian_name_row);
  BIND (record_switch);
  BIND (share_switch);
  BIND (share_agencies_row);
  BIND (photo_switch);
  BIND (consent_not_now_group);
  BIND (not_now_reason_row);
  BIND (ask_again_row);
  BIND (arrival_error_label);
  BIND (belongings_view);
  BIND (health_row);
  BIND (urgent_needs_row);
  BIND (safety_view);
  BIND (signs_switch);
  BIND (not_signed_row);
  BIND (room_error_label);
  BIND (room_list);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, someone_else_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, handed_over_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, came_with_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, given_by_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, signs_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Next, or Receive on the last step, from anywhere in the dialog (also from the notes,
   * where Enter starts a new line). */
  gtk_widget_class_install_action (widget_class, "intake.next", NULL,
                                   shelter_intake_dialog_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "intake.next", NULL);
}

static void
shelter_intake_dialog_init (ShelterIntakeDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  fill_enum_list (self->handed_over_list, &shelter_enum_handed_over_by,
                  C_("field value", "Not chosen"));
  fill_enum_list (self->scope_list, &shelter_enum_trafficking_scope,
                  C_("field value", "Not recorded"));
  fill_enum_list (self->return_mode_list, &shelter_enum_return_mode,
                  C_("field value", "Not recorded"));
  fill_enum_list (self->identification_list, &shelter_enum_identification_status,
                  C_("field value", "Not recorded"));
  fill_enum_list (self->given_by_list, &shelter_enum_consent_given_by, NULL);

  /* One row a purpose, whose check is named by it: more than one may apply. */
  self->purpose_checks = g_ptr_array_new ();
  for (guint i = 0; i < shelter_enum_trafficking_purpose.n_values; i++)
    {
      const char *label = shelter_enum_label (&shelter_enum_trafficking_purpose,
                                              shelter_enum_trafficking_purpose.values[i].code);
      GtkWidget *row = _shelter_ui_new_text_row (label, NULL);
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->purposes_group, row);
      g_ptr_array_add (self->purpose_checks, check);
    }

  /* Typing in the open list searches the countries. */
  {
    g_autoptr(GtkExpression) expression =
      gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->destination_drop_down, expression);
    name_drop_down_button (self->destination_drop_down, self->destination_row);
    _shelter_ui_name_drop_down_search (self->destination_drop_down);
  }

  /* In a note Enter starts a new line: Ctrl+Enter goes on, before the note takes it. */
  for (guint i = 0; i < 2; i++)
    {
      GtkTextView *view = i == 0 ? self->belongings_view : self->safety_view;
      GtkEventController *controller = gtk_shortcut_controller_new ();

      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                          gtk_named_action_new ("intake.next")));
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                          gtk_named_action_new ("intake.next")));
      gtk_widget_add_controller (GTK_WIDGET (view), controller);
      g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                               G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect (self, "map", G_CALLBACK (shelter_intake_dialog_map_cb), NULL);
  g_signal_connect (self, "hide", G_CALLBACK (shelter_intake_dialog_hide_cb), NULL);

  self->filling = FALSE;
}
