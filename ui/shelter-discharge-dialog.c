/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-discharge-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-discharge-dialog.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-follow-up.h"
#include "shelter-reception.h"
#include "shelter-reference.h"
#include "shelter-referrals.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

typedef enum
{
  STEP_REASON,
  STEP_CHECKLIST,
  STEP_CONFIRM,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "reason", "checklist", "confirm" };

/* The reason list starts with "Choose…"; so do the facility ("By name") and receiver ("A
 * named person") lists, and the province, commune and country lists ("Not recorded"). */
#define OFFSET 1

/* One item of the checklist: its row (icon, label, detail, state in words) and the inputs
 * that complete it, in one group shown only when the item applies. */
typedef struct
{
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *state_label;
} ItemView;

/* A belonging of the intake list: given back, or why not. */
typedef struct
{
  GtkWidget *check;
  GtkWidget *note_row;
} BelongingView;

struct _ShelterDischargeDialog
{
  AdwWindow             parent_instance;

  ShelterSession       *session;
  gint64                stay_id;
  gint64                person_id;
  char                 *name;
  char                 *room_code;
  Step                  step;
  gboolean              filling;
  gboolean              touched;
  gboolean              done;
  gboolean              check_failed;
  gboolean              when_typed;
  guint                 check_id;
  guint                 close_id;

  GPtrArray            *provinces;   /* ShelterReferenceEntry */
  GPtrArray            *communes;
  GPtrArray            *countries;
  GPtrArray            *partners;    /* ShelterPartnerRow */
  GPtrArray            *relatives;   /* ShelterRelativeRow */
  GPtrArray            *items;       /* ShelterDischargeItem of the last check, or NULL */
  ItemView              views[SHELTER_N_DISCHARGE_ITEMS];
  GArray               *belongings;  /* BelongingView */
  GtkWidget            *error_widget;

  /* The checklist's inputs */
  GtkWidget            *family_not_needed_row;
  GtkWidget            *commune_on_row;
  GtkWidget            *commune_whom_row;
  GtkWidget            *police_on_row;
  GtkWidget            *police_whom_row;
  GtkWidget            *fare_row;
  GtkWidget            *days_row;
  GtkWidget            *travel_not_needed_row;
  GtkTextView          *plan_view;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *next_button;
  GtkLabel             *next_label;
  GtkLabel             *error_label;
  GtkStack             *step_stack;
  AdwPreferencesPage   *reason_page;
  AdwPreferencesPage   *checklist_page;
  AdwPreferencesPage   *confirm_page;
  AdwComboRow          *reason_row;
  GtkStringList        *reason_list;
  AdwEntryRow          *when_row;
  GtkWidget            *address_group;
  AdwActionRow         *province_row;
  GtkDropDown          *province_drop_down;
  GtkStringList        *province_list;
  AdwActionRow         *commune_row;
  GtkDropDown          *commune_drop_down;
  GtkStringList        *commune_list;
  AdwEntryRow          *detail_row;
  GtkWidget            *facility_group;
  AdwActionRow         *facility_row;
  GtkDropDown          *facility_drop_down;
  GtkStringList        *facility_list;
  AdwEntryRow          *facility_name_row;
  GtkWidget            *country_group;
  AdwActionRow         *country_row;
  GtkDropDown          *country_drop_down;
  GtkStringList        *country_list;
  GtkWidget            *receiver_group;
  AdwComboRow          *receiver_row;
  GtkStringList        *receiver_list;
  AdwEntryRow          *receiver_name_row;
  AdwActionRow         *receiver_warning_row;
  GtkWidget            *death_group;
  AdwEntryRow          *death_cause_row;
  AdwEntryRow          *death_informed_row;
  AdwPreferencesGroup  *summary_group;
  GtkWidget            *open_group;
  GtkWidget            *override_group;
  AdwEntryRow          *override_row;
  GtkWidget            *manager_label;
  GPtrArray            *summary_rows;
  GPtrArray            *open_rows;
};

G_DEFINE_FINAL_TYPE (ShelterDischargeDialog, shelter_discharge_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DISCHARGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_check (ShelterDischargeDialog *self);
static void set_step       (ShelterDischargeDialog *self,
                            Step                    step);

/* Small helpers */

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* NULL for an empty field, as app/ reads "not given". */
static const char *
given (gpointer editable)
{
  const char *text = text_of (editable);

  return text != NULL && *text != '\0' ? text : NULL;
}

static char *
plan_text (ShelterDischargeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->plan_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
reason_code (ShelterDischargeDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->reason_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < OFFSET ||
      selected - OFFSET >= shelter_enum_discharge_reason.n_values)
    return NULL;
  return shelter_enum_discharge_reason.values[selected - OFFSET].code;
}

static gpointer
selected_entry (GtkDropDown *drop_down,
                GPtrArray   *entries)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected == GTK_INVALID_LIST_POSITION || selected < OFFSET || entries == NULL ||
      selected - OFFSET >= entries->len)
    return NULL;
  return g_ptr_array_index (entries, selected - OFFSET);
}

static const char *
selected_code (GtkDropDown *drop_down,
               GPtrArray   *entries)
{
  ShelterReferenceEntry *entry = selected_entry (drop_down, entries);

  return entry != NULL ? entry->code : NULL;
}

static ShelterRelativeRow *
selected_relative (ShelterDischargeDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->receiver_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < OFFSET || self->relatives == NULL ||
      selected - OFFSET >= self->relatives->len)
    return NULL;
  return g_ptr_array_index (self->relatives, selected - OFFSET);
}

static void
fill_reference_list (GtkStringList  *list,
                     GPtrArray     **slot,
                     GPtrArray      *entries,
                     const char     *first)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = entries;
  g_ptr_array_add (names, (gpointer) first);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (names, entry->full_name != NULL ? entry->full_name
                              : entry->name != NULL ? entry->name : entry->code);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 0, n_items, (const char * const *) names->pdata);
}

/* libadwaita 1.2 leaves the button of a drop-down in a row unnamed: it takes the row's. */
static void
name_drop_down (GtkDropDown  *drop_down,
                AdwActionRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
  _shelter_ui_name_drop_down_search (drop_down);
}

static void
load_communes (ShelterDischargeDialog *self,
               const char             *province_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *communes = NULL;

  if (province_code != NULL)
    {
      communes = shelter_reference_communes (shelter_session_get_db (self->session),
                                             SHELTER_ADDRESS_SCHEME, province_code, &error);
      if (communes == NULL)
        g_warning ("Cannot list the communes of %s: %s", province_code, error->message);
    }
  fill_reference_list (self->commune_list, &self->communes, communes,
                       C_("field value", "Not recorded"));
  gtk_drop_down_set_selected (self->commune_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commune_row), province_code != NULL);
}

/* "1.500.000" -> 1500000; -1 when empty; -2 when it is no amount. */
static gint64
parse_dong (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 amount;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, (char) c);
      else if (!(c == '.' || g_unichar_isspace (c) || c == 0x20AB /* ₫ */))
        return -2;
    }
  if (digits->len == 0)
    return -1;
  if (!g_ascii_string_to_signed (digits->str, 10, 0, G_MAXINT64, &amount, NULL))
    return -2;
  return amount;
}

/* The input as typed */

typedef struct
{
  ShelterDischargeInput  input;
  char                  *discharged_at;
  char                  *commune_on;
  char                  *police_on;
  char                  *plan;
  GArray                *belongings;
  gboolean               bad_fare;
  gboolean               bad_days;
} Gathered;

static void
gathered_clear (Gathered *gathered)
{
  g_free (gathered->discharged_at);
  g_free (gathered->commune_on);
  g_free (gathered->police_on);
  g_free (gathered->plan);
  g_clear_pointer (&gathered->belongings, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Gathered, gathered_clear)

/* A day typed as dd/mm/yyyy in ISO; as typed when it is no day (app/ says what is wrong). */
static char *
day_of (gpointer editable)
{
  const char *text = given (editable);
  char *day;

  if (text == NULL)
    return NULL;
  day = _shelter_ui_parse_day (text);
  return day != NULL ? day : g_strdup (text);
}

static void
gather (ShelterDischargeDialog *self,
        Gathered               *out)
{
  ShelterDischargeInput *input = &out->input;
  const char *reason = reason_code (self);
  ShelterDischargeDestination destination = shelter_discharge_destination_for (reason);
  gboolean death = g_strcmp0 (reason, "death") == 0;
  const char *when = given (self->when_row);
  ShelterRelativeRow *relative;
  ShelterPartnerRow *partner;
  guint64 days = 0;

  memset (out, 0, sizeof *out);
  input->stay_id = self->stay_id;
  input->reason = reason;
  if (when != NULL)
    {
      out->discharged_at = _shelter_ui_parse_time (when);
      if (out->discharged_at == NULL)
        out->discharged_at = g_strdup (when);
    }
  input->discharged_at = out->discharged_at;

  if (reason != NULL && !death)
    {
      if (destination == SHELTER_DISCHARGE_TO_ADDRESS ||
          destination == SHELTER_DISCHARGE_TO_NOWHERE)
        {
          input->province_code = selected_code (self->province_drop_down, self->provinces);
          input->commune_code = selected_code (self->commune_drop_down, self->communes);
          input->address_detail = given (self->detail_row);
        }
      else if (destination == SHELTER_DISCHARGE_TO_FACILITY)
        {
          partner = selected_entry (self->facility_drop_down, self->partners);
          input->facility_partner_id = partner != NULL ? partner->id : 0;
          input->facility_name = partner != NULL ? NULL : given (self->facility_name_row);
        }
      else if (destination == SHELTER_DISCHARGE_TO_COUNTRY)
        input->country_code = selected_code (self->country_drop_down, self->countries);

      if (destination != SHELTER_DISCHARGE_TO_NOWHERE)
        {
          relative = selected_relative (self);
          input->received_by_relative_id = relative != NULL ? relative->id : 0;
          input->received_by_name = relative != NULL ? NULL : given (self->receiver_name_row);
        }
    }
  if (death)
    {
      input->death_cause = given (self->death_cause_row);
      input->death_informed = given (self->death_informed_row);
    }

  input->family_not_needed = given (self->family_not_needed_row);
  out->commune_on = day_of (self->commune_on_row);
  input->commune_informed_on = out->commune_on;
  input->commune_informed_whom = given (self->commune_whom_row);
  out->police_on = day_of (self->police_on_row);
  input->police_informed_on = out->police_on;
  input->police_informed_whom = given (self->police_whom_row);
  /* app/shelter-discharge.c reads 0 as "no fare given" (and refuses any negative amount),
   * whatever the header's -1 says. */
  input->travel_fare_dong = parse_dong (text_of (self->fare_row));
  out->bad_fare = input->travel_fare_dong == -2;
  if (input->travel_fare_dong < 0)
    input->travel_fare_dong = 0;
  if (given (self->days_row) != NULL)
    {
      g_autofree char *typed = g_strstrip (g_strdup (text_of (self->days_row)));

      if (!g_ascii_string_to_unsigned (typed, 10, 0, 60, &days, NULL))
        out->bad_days = TRUE;
    }
  input->travel_days = (guint) days;
  input->travel_not_needed = given (self->travel_not_needed_row);

  out->belongings = g_array_new (FALSE, TRUE, sizeof (ShelterBelongingReturn));
  for (guint i = 0; i < self->belongings->len; i++)
    {
      BelongingView *view = &g_array_index (self->belongings, BelongingView, i);
      ShelterBelongingReturn item = {
        .position = i + 1,
        .returned = gtk_check_button_get_active (GTK_CHECK_BUTTON (view->check)),
        .note = given (view->note_row),
      };

      g_array_append_val (out->belongings, item);
    }
  input->belongings = (const ShelterBelongingReturn *) out->belongings->data;
  input->n_belongings = out->belongings->len;

  out->plan = plan_text (self);
  input->reintegration_plan = *out->plan != '\0' ? out->plan : NULL;
  input->override_reason = given (self->override_row);
}

/* Errors */

static void
clear_error (ShelterDischargeDialog *self)
{
  _shelter_ui_show_message (self->error_label, NULL);
  if (self->error_widget != NULL)
    {
      _shelter_ui_set_error (self->error_widget, FALSE);
      g_clear_weak_pointer (&self->error_widget);
    }
}

/* Shows @message and marks @widget; @go there (its step, the focus) after a button was
 * pressed, not while the person is typing. */
static void
mark_error (ShelterDischargeDialog *self,
            GtkWidget              *widget,
            Step                    step,
            const char             *message,
            gboolean                go)
{
  clear_error (self);
  _shelter_ui_show_message (self->error_label, message);
  if (widget == NULL)
    return;
  if (go && self->step != step)
    set_step (self, step);
  _shelter_ui_set_error (widget, TRUE);
  g_set_weak_pointer (&self->error_widget, widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->error_label, NULL, -1);
  if (go)
    gtk_widget_grab_focus (widget);
}

/* The first belonging not given back and without a note, else the first. */
static GtkWidget *
belonging_at_fault (ShelterDischargeDialog *self)
{
  for (guint i = 0; i < self->belongings->len; i++)
    {
      BelongingView *view = &g_array_index (self->belongings, BelongingView, i);

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (view->check)) &&
          given (view->note_row) == NULL)
        return view->note_row;
    }
  return self->belongings->len > 0 ? g_array_index (self->belongings, BelongingView, 0).check
                                   : NULL;
}

static void
show_error (ShelterDischargeDialog *self,
            const GError           *error,
            gboolean                go)
{
  GtkWidget *widget = NULL;
  Step step = self->step;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      step = STEP_REASON;
      switch (error->code)
        {
        case SHELTER_FIELD_DISCHARGED_AT:
          widget = GTK_WIDGET (self->when_row);
          break;
        case SHELTER_FIELD_DISCHARGE_REASON:
          widget = GTK_WIDGET (self->reason_row);
          break;
        case SHELTER_FIELD_DISCHARGE_PROVINCE:
          widget = GTK_WIDGET (self->province_row);
          break;
        case SHELTER_FIELD_DISCHARGE_COMMUNE:
          widget = GTK_WIDGET (self->commune_row);
          break;
        case SHELTER_FIELD_DISCHARGE_ADDRESS:
          widget = GTK_WIDGET (self->detail_row);
          break;
        case SHELTER_FIELD_DISCHARGE_FACILITY:
          widget = selected_entry (self->facility_drop_down, self->partners) != NULL
                   ? GTK_WIDGET (self->facility_row) : GTK_WIDGET (self->facility_name_row);
          break;
        case SHELTER_FIELD_DISCHARGE_COUNTRY:
          widget = GTK_WIDGET (self->country_row);
          break;
        case SHELTER_FIELD_DISCHARGE_RECEIVER:
          widget = selected_relative (self) != NULL ? GTK_WIDGET (self->receiver_row)
                                                    : GTK_WIDGET (self->receiver_name_row);
          break;
        case SHELTER_FIELD_DEATH_CAUSE:
          widget = GTK_WIDGET (self->death_cause_row);
          break;
        case SHELTER_FIELD_DEATH_INFORMED:
          widget = GTK_WIDGET (self->death_informed_row);
          break;
        case SHELTER_FIELD_DISCHARGE_OVERRIDE:
          widget = GTK_WIDGET (self->override_row);
          step = STEP_CONFIRM;
          break;
        default:
          step = STEP_CHECKLIST;
          switch (error->code)
            {
            case SHELTER_FIELD_DISCHARGE_FAMILY_NOT_NEEDED:
              widget = self->family_not_needed_row;
              break;
            case SHELTER_FIELD_DISCHARGE_COMMUNE_DATE:
              widget = self->commune_on_row;
              break;
            case SHELTER_FIELD_DISCHARGE_COMMUNE_WHOM:
              widget = self->commune_whom_row;
              break;
            case SHELTER_FIELD_DISCHARGE_POLICE_DATE:
              widget = self->police_on_row;
              break;
            case SHELTER_FIELD_DISCHARGE_POLICE_WHOM:
              widget = self->police_whom_row;
              break;
            case SHELTER_FIELD_DISCHARGE_TRAVEL_FARE:
              widget = self->fare_row;
              break;
            case SHELTER_FIELD_DISCHARGE_TRAVEL_DAYS:
              widget = self->days_row;
              break;
            case SHELTER_FIELD_DISCHARGE_TRAVEL_NOT_NEEDED:
              widget = self->travel_not_needed_row;
              break;
            case SHELTER_FIELD_DISCHARGE_BELONGINGS:
              widget = belonging_at_fault (self);
              break;
            case SHELTER_FIELD_DISCHARGE_REINTEGRATION:
              widget = GTK_WIDGET (self->plan_view);
              break;
            default:
              step = self->step;
              break;
            }
          break;
        }
    }
  else if (g_error_matches (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_UNSAFE_FAMILY))
    {
      widget = GTK_WIDGET (self->receiver_row);
      step = STEP_REASON;
    }
  mark_error (self, widget, step, error->message, go);
}

/* Step 1: what the reason asks for */

static void
update_destination (ShelterDischargeDialog *self)
{
  const char *reason = reason_code (self);
  ShelterDischargeDestination destination = shelter_discharge_destination_for (reason);
  gboolean death = g_strcmp0 (reason, "death") == 0;
  gboolean chosen = reason != NULL;
  gboolean by_name = selected_entry (self->facility_drop_down, self->partners) == NULL;
  ShelterRelativeRow *relative = selected_relative (self);
  gboolean unsafe = relative != NULL &&
                    (relative->involved || g_strcmp0 (relative->safety, "unsafe") == 0);

  gtk_widget_set_visible (self->address_group,
                          chosen && !death &&
                          (destination == SHELTER_DISCHARGE_TO_ADDRESS ||
                           destination == SHELTER_DISCHARGE_TO_NOWHERE));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->address_group),
                                         destination == SHELTER_DISCHARGE_TO_NOWHERE
                                         ? _("The last known address, if any.")
                                         : _("Where the person will live."));
  gtk_widget_set_visible (self->facility_group,
                          chosen && destination == SHELTER_DISCHARGE_TO_FACILITY);
  gtk_widget_set_visible (GTK_WIDGET (self->facility_name_row), by_name);
  gtk_widget_set_visible (self->country_group,
                          chosen && destination == SHELTER_DISCHARGE_TO_COUNTRY);
  gtk_widget_set_visible (self->receiver_group,
                          chosen && destination != SHELTER_DISCHARGE_TO_NOWHERE);
  gtk_widget_set_visible (GTK_WIDGET (self->receiver_name_row), relative == NULL);
  gtk_widget_set_visible (self->death_group, death);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->when_row),
                                 death ? _("Date and Time of Death (dd/mm/yyyy hh:mm)")
                                       : _("Date and Time (dd/mm/yyyy hh:mm)"));

  /* An unsafe relative is refused whatever the override: said at once, in words. */
  gtk_widget_set_visible (GTK_WIDGET (self->receiver_warning_row), unsafe);
  if (unsafe)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a relative's name. */
      title = g_strdup_printf (_("%s is judged unsafe: the person cannot be handed to them"),
                               relative->full_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->receiver_warning_row), title);
      adw_action_row_set_subtitle (self->receiver_warning_row,
                                   relative->safety_reason != NULL ? relative->safety_reason : "");
    }
  _shelter_ui_set_error (GTK_WIDGET (self->receiver_row), unsafe);
}

static void
field_changed_cb (ShelterDischargeDialog *self)
{
  if (self->filling)
    return;
  self->touched = TRUE;
  update_destination (self);
  schedule_check (self);
}

/* A death is recorded with the day it happened: the time proposed (now) is taken away
 * unless the person typed one, and comes back for another reason. */
static void
reason_changed_cb (ShelterDischargeDialog *self)
{
  gboolean death = g_strcmp0 (reason_code (self), "death") == 0;

  if (self->filling)
    return;
  if (!self->when_typed)
    {
      g_autofree char *now = death ? NULL : _shelter_ui_format_now (self->session);

      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->when_row), now != NULL ? now : "");
      self->filling = FALSE;
    }
  field_changed_cb (self);
}

static void
when_changed_cb (ShelterDischargeDialog *self)
{
  if (!self->filling)
    self->when_typed = TRUE;
}

static void
editable_changed_cb (ShelterDischargeDialog *self,
                     GtkEditable            *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  if (GTK_WIDGET (editable) == self->error_widget)
    clear_error (self);
  field_changed_cb (self);
}

static void
province_selected_cb (ShelterDischargeDialog *self)
{
  if (self->session == NULL)
    return;
  load_communes (self, selected_code (self->province_drop_down, self->provinces));
  field_changed_cb (self);
}

static void
connect_editable (ShelterDischargeDialog *self,
                  gpointer                editable)
{
  g_signal_connect_object (editable, "changed", G_CALLBACK (editable_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Step 2: the checklist */

/* The state in words, beside its icon: never colour alone. */
static const char *
state_word (ShelterDischargeItemState state)
{
  if ((guint) state >= shelter_discharge_item_state.n_values)
    return "";
  return shelter_enum_label (&shelter_discharge_item_state,
                             shelter_discharge_item_state.values[state].code);
}

static const char *
state_icon (ShelterDischargeItemState state)
{
  switch (state)
    {
    case SHELTER_DISCHARGE_ITEM_DONE:
      return "object-select-symbolic";
    case SHELTER_DISCHARGE_ITEM_OPEN:
      return "dialog-warning-symbolic";
    case SHELTER_DISCHARGE_ITEM_NOT_NEEDED:
    case SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE:
    default:
      return "action-unavailable-symbolic";
    }
}

static const char *
state_style (ShelterDischargeItemState state)
{
  switch (state)
    {
    case SHELTER_DISCHARGE_ITEM_DONE:
      return "success";
    case SHELTER_DISCHARGE_ITEM_OPEN:
      return "warning";
    case SHELTER_DISCHARGE_ITEM_NOT_NEEDED:
    case SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE:
    default:
      return "dim-label";
    }
}

static void
show_state (GtkWidget                 *icon,
            GtkWidget                 *label,
            ShelterDischargeItemState  state)
{
  const char *styles[] = { "success", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      gtk_widget_remove_css_class (icon, styles[i]);
      gtk_widget_remove_css_class (label, styles[i]);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), state_icon (state));
  gtk_widget_add_css_class (icon, state_style (state));
  gtk_widget_add_css_class (label, state_style (state));
  gtk_label_set_label (GTK_LABEL (label), state_word (state));
}

static GtkWidget *
new_state_icon (void)
{
  return g_object_new (GTK_TYPE_IMAGE, "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}

static GtkWidget *
new_state_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
add_entry (ShelterDischargeDialog *self,
           GtkWidget              *group,
           const char             *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  connect_editable (self, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* Where an item kept elsewhere is done, under its row. */
static void
add_hint (GtkWidget  *group,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

static void
toggle_belonging_cb (ShelterDischargeDialog *self,
                     GtkCheckButton         *check)
{
  GtkWidget *note = g_object_get_data (G_OBJECT (check), "note-row");

  gtk_widget_set_visible (note, !gtk_check_button_get_active (check));
  if (check == (GtkCheckButton *) self->error_widget)
    clear_error (self);
  field_changed_cb (self);
}

static void
add_belongings (ShelterDischargeDialog *self,
                GtkWidget              *group)
{
  g_autoptr(ShelterIntake) intake = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *items = NULL;

  intake = shelter_intake_open (self->session, self->stay_id, &error);
  if (intake == NULL && error != NULL)
    g_debug ("The intake cannot be read: %s", error->message);
  if (intake != NULL)
    items = shelter_intake_get_belongings (intake);
  if (items == NULL || items[0] == NULL)
    return;
  for (guint i = 0; items[i] != NULL; i++)
    {
      BelongingView view;
      GtkWidget *row = _shelter_ui_new_text_row (items[i], NULL);
      g_autofree char *check_name = NULL;
      g_autofree char *note_title = NULL;

      view.check = gtk_check_button_new_with_mnemonic (_("_Given back"));
      gtk_widget_set_valign (view.check, GTK_ALIGN_CENTER);
      /* Translators: the name of a "Given back" check; %s is a belonging ("CCCD"). */
      check_name = g_strdup_printf (_("Given back: %s"), items[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view.check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      check_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), view.check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), view.check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      /* Translators: the title of the note of a belonging not given back; %s is the
       * belonging. */
      note_title = g_strdup_printf (_("Why “%s” is not given back"), items[i]);
      view.note_row = add_entry (self, group, note_title);
      g_object_set_data (G_OBJECT (view.check), "note-row", view.note_row);
      g_signal_connect_object (view.check, "toggled", G_CALLBACK (toggle_belonging_cb), self,
                               G_CONNECT_SWAPPED);
      g_array_append_val (self->belongings, view);
    }
}

static void
add_plan_view (ShelterDischargeDialog *self,
               GtkWidget              *group)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reintegration plan"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 110);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_widget_set_margin_top (frame, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  self->plan_view = GTK_TEXT_VIEW (view);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
build_checklist (ShelterDischargeDialog *self)
{
  for (guint kind = 0; kind < SHELTER_N_DISCHARGE_ITEMS; kind++)
    {
      ItemView *view = &self->views[kind];
      GtkWidget *group = adw_preferences_group_new ();

      view->group = group;
      view->row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (view->row), FALSE);
      view->icon = new_state_icon ();
      view->state_label = new_state_label ();
      adw_action_row_add_prefix (ADW_ACTION_ROW (view->row), view->icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (view->row), view->state_label);
      gtk_widget_add_css_class (view->row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), view->row);
      gtk_widget_set_visible (group, FALSE);

      switch ((ShelterDischargeItemKind) kind)
        {
        case SHELTER_DISCHARGE_ITEM_FAMILY:
          add_hint (group, _("Contacts with the family and the safety of each relative are "
                             "recorded on the Family tab."));
          self->family_not_needed_row =
            add_entry (self, group, _("No Family Contact Needed Because"));
          break;
        case SHELTER_DISCHARGE_ITEM_COMMUNE:
          self->commune_on_row = add_entry (self, group, _("Commune Informed On (dd/mm/yyyy)"));
          self->commune_whom_row = add_entry (self, group, _("Commune Officer Informed"));
          break;
        case SHELTER_DISCHARGE_ITEM_POLICE:
          self->police_on_row = add_entry (self, group, _("Police Informed On (dd/mm/yyyy)"));
          self->police_whom_row = add_entry (self, group, _("Police Officer Informed"));
          break;
        case SHELTER_DISCHARGE_ITEM_TRAVEL:
          add_hint (group, _("The meals of the travel days are priced from the rate table."));
          self->fare_row = add_entry (self, group, _("Travel Fare (đồng)"));
          self->days_row = add_entry (self, group, _("Days of the Journey"));
          self->travel_not_needed_row =
            add_entry (self, group, _("No Travel Money Needed Because"));
          break;
        case SHELTER_DISCHARGE_ITEM_BELONGINGS:
          add_belongings (self, group);
          break;
        case SHELTER_DISCHARGE_ITEM_REINTEGRATION:
          add_plan_view (self, group);
          break;
        case SHELTER_DISCHARGE_ITEM_GUARDIAN:
          add_hint (group, _("Choose the parent or guardian under “Received By” in the first "
                             "step."));
          break;
        case SHELTER_DISCHARGE_ITEM_PLAN:
          add_hint (group, _("The support plan’s goals are closed on the Support Plan tab."));
          break;
        case SHELTER_N_DISCHARGE_ITEMS:
        default:
          break;
        }
      adw_preferences_page_add (self->checklist_page, ADW_PREFERENCES_GROUP (group));
    }
}

static guint
count_open (ShelterDischargeDialog *self)
{
  guint n = 0;

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ShelterDischargeItem *item = g_ptr_array_index (self->items, i);

      if (item->state == SHELTER_DISCHARGE_ITEM_OPEN)
        n++;
    }
  return n;
}

static void update_confirm (ShelterDischargeDialog *self);

/* Discharge: with every item done, or by a manager who gave a reason for those left. */
static void
update_sensitivity (ShelterDischargeDialog *self)
{
  gboolean may_override;

  if (self->step != STEP_CONFIRM)
    return;
  may_override = shelter_session_may (self->session, SHELTER_PERMISSION_OVERRIDE_DISCHARGE);
  gtk_widget_set_sensitive (self->next_button,
                            count_open (self) == 0 ||
                            (may_override && given (self->override_row) != NULL));
}

/* Asks app/ for the checklist as the input stands and shows it. FALSE (the error shown)
 * when app/ refuses what no override lifts. */
static gboolean
run_check (ShelterDischargeDialog *self,
           gboolean                go)
{
  g_auto(Gathered) gathered = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->session == NULL || self->done)
    return FALSE;
  gather (self, &gathered);
  items = shelter_discharge_check (self->session, &gathered.input, &error);
  if (items == NULL)
    {
      show_error (self, error, go);
      self->check_failed = TRUE;
      return FALSE;
    }
  /* What the last check refused has been put right. */
  if (self->check_failed || self->error_widget == NULL)
    clear_error (self);
  self->check_failed = FALSE;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;

  for (guint i = 0; i < items->len; i++)
    {
      ShelterDischargeItem *item = g_ptr_array_index (items, i);
      ItemView *view;

      if ((guint) item->kind >= SHELTER_N_DISCHARGE_ITEMS)
        continue;
      view = &self->views[item->kind];
      gtk_widget_set_visible (view->group, item->state != SHELTER_DISCHARGE_ITEM_NOT_APPLICABLE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (view->row), item->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (view->row),
                                   item->detail != NULL ? item->detail : "");
      show_state (view->icon, view->state_label, item->state);
      {
        /* A screen reader hears the state and what is missing with the item. */
        g_autofree char *description = g_strdup_printf ("%s. %s", state_word (item->state),
                                                        item->detail != NULL ? item->detail : "");

        gtk_accessible_update_property (GTK_ACCESSIBLE (view->row),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      }
    }
  update_confirm (self);
  return TRUE;
}

static gboolean
check_timeout_cb (gpointer data)
{
  ShelterDischargeDialog *self = data;

  self->check_id = 0;
  run_check (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (ShelterDischargeDialog *self)
{
  if (self->step == STEP_REASON)
    return;
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (150, check_timeout_cb, self);
}

/* Step 3: what will happen */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_summary (ShelterDischargeDialog *self,
             const char             *icon_name,
             const char             *title,
             const char             *subtitle)
{
  GtkWidget *row = _shelter_ui_new_text_row (title, subtitle);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                  "valign", GTK_ALIGN_CENTER,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->summary_group, row);
  g_ptr_array_add (self->summary_rows, row);
}

/* "1, 3 and 6". */
static char *
describe_months (GArray *months)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      if (i > 0 && i == months->len - 1)
        /* Translators: between the last two numbers of a list: "1, 3 and 6". */
        g_string_append (text, _(" and "));
      else if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%d", g_array_index (months, int, i));
    }
  return g_strdup (text->str);
}

static void
update_confirm (ShelterDischargeDialog *self)
{
  const char *reason = reason_code (self);
  gboolean death = g_strcmp0 (reason, "death") == 0;
  gboolean may_override = shelter_session_may (self->session,
                                               SHELTER_PERMISSION_OVERRIDE_DISCHARGE);
  guint n_open = count_open (self);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (self->step != STEP_CONFIRM)
    return;

  clear_rows (self->summary_group, self->summary_rows);
  when = g_strdup (given (self->when_row));
  if (when == NULL)
    when = _shelter_ui_format_now (self->session);
  /* Translators: %s is the day and time of discharge (dd/mm/yyyy hh:mm). */
  title = g_strdup_printf (_("The stay ends on %s"), when);
  add_summary (self, "x-office-calendar-symbolic", title,
               reason != NULL ? shelter_enum_label (&shelter_enum_discharge_reason, reason) : NULL);
  if (self->room_code != NULL)
    {
      g_autofree char *bed = NULL;

      /* Translators: %s is a room's code. */
      bed = g_strdup_printf (_("The bed in room %s is freed"), self->room_code);
      add_summary (self, "user-home-symbolic", bed, NULL);
    }
  else
    add_summary (self, "user-home-symbolic", _("The bed is freed"), NULL);
  add_summary (self, "view-list-bullet-symbolic", _("The support plan closes"),
               _("Completed, or cancelled when it was never approved."));
  if (death)
    add_summary (self, "action-unavailable-symbolic", _("No follow-up is planned after a death"),
                 NULL);
  else
    {
      g_autoptr(GArray) months = shelter_follow_up_months (shelter_session_get_db (self->session));
      g_autofree char *list = describe_months (months);
      g_autofree char *follow_up = NULL;
      guint last = months != NULL && months->len > 0
                   ? (guint) g_array_index (months, int, months->len - 1) : 6;

      /* Translators: %s lists numbers of months: "1, 3 and 6". */
      follow_up = g_strdup_printf (ngettext ("Follow-ups are planned after %s month",
                                             "Follow-ups are planned after %s months", last),
                                   list);
      add_summary (self, "x-office-address-book-symbolic", follow_up,
                   _("By phone call at first; each can be changed on the resident’s page."));
    }
  add_summary (self, "document-save-symbolic",
               _("The handover record and the case-closure form can then be saved"),
               _("From the Stay tab of the resident’s page."));

  clear_rows (ADW_PREFERENCES_GROUP (self->open_group), self->open_rows);
  gtk_widget_set_visible (self->open_group, n_open > 0);
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      ShelterDischargeItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row, *icon, *label;

      if (item->state != SHELTER_DISCHARGE_ITEM_OPEN)
        continue;
      row = _shelter_ui_new_text_row (item->label, item->detail);
      icon = new_state_icon ();
      label = new_state_label ();
      show_state (icon, label, item->state);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      /* Before the override's row. */
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->open_group), row);
      g_ptr_array_add (self->open_rows, row);
    }
  if (n_open > 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %u is a number of checklist items. */
      description = g_strdup_printf (ngettext ("%u item is not done.",
                                               "%u items are not done.", n_open), n_open);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->open_group),
                                             description);
    }
  gtk_widget_set_visible (self->override_group, n_open > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->override_row), n_open > 0 && may_override);
  gtk_widget_set_visible (self->manager_label, n_open > 0 && !may_override);
  update_sensitivity (self);
}

/* Steps */

static void
set_step (ShelterDischargeDialog *self,
          Step                    step)
{
  const char *titles[N_STEPS] = { _("Reason and Destination"), _("Checklist"), _("Confirm") };
  g_autofree char *subtitle = NULL;
  g_autofree char *next_name = NULL;

  self->step = step;
  gtk_stack_set_visible_child_name (self->step_stack, step_names[step]);
  gtk_widget_set_visible (self->back_button, step > STEP_REASON);
  /* Translators: "Step 1 of 3: Reason and Destination". */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), step + 1, N_STEPS, titles[step]);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->next_label, step == STEP_CONFIRM ? _("_Discharge") : _("_Next"));
  next_name = g_strdup (gtk_label_get_text (self->next_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);
  gtk_widget_set_sensitive (self->next_button, TRUE);
  if (step == STEP_CONFIRM)
    {
      update_confirm (self);
      if (gtk_widget_get_visible (GTK_WIDGET (self->override_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->override_row));
    }
  else if (step == STEP_REASON)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
discharge (ShelterDischargeDialog *self)
{
  g_auto(Gathered) gathered = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gather (self, &gathered);
  if (!shelter_discharge (self->session, &gathered.input, &error))
    {
      /* The checklist may have changed meanwhile (another desk): show it as it is. */
      if (error->domain != SHELTER_FIELD_ERROR)
        run_check (self, FALSE);
      show_error (self, error, TRUE);
      return;
    }
  self->done = TRUE;
  /* Translators: a toast; %s is the resident's name (or case code). */
  message = g_strdup_printf (_("Discharged: %s"), self->name);
  g_signal_emit (self, signals[SIGNAL_DISCHARGED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
next_clicked_cb (ShelterDischargeDialog *self)
{
  g_auto(Gathered) gathered = { 0 };

  if (self->session == NULL || self->done)
    return;
  if (self->step == STEP_CONFIRM)
    {
      if (gtk_widget_is_sensitive (self->next_button))
        discharge (self);
      return;
    }
  if (self->step == STEP_REASON && reason_code (self) == NULL)
    {
      mark_error (self, GTK_WIDGET (self->reason_row), STEP_REASON,
                  _("Reason: choose why the stay ends."), TRUE);
      return;
    }
  gather (self, &gathered);
  if (gathered.bad_fare)
    {
      mark_error (self, self->fare_row, STEP_CHECKLIST,
                  _("Travel fare: type the amount in đồng, such as 350.000, or leave it empty."),
                  TRUE);
      return;
    }
  if (gathered.bad_days)
    {
      mark_error (self, self->days_row, STEP_CHECKLIST,
                  _("Days of the journey: type a whole number of days, or leave it empty."),
                  TRUE);
      return;
    }
  if (!run_check (self, TRUE))
    return;
  set_step (self, self->step + 1);
  update_confirm (self);
}

static void
back_clicked_cb (ShelterDischargeDialog *self)
{
  if (self->step > STEP_REASON)
    set_step (self, self->step - 1);
}

static void
override_changed_cb (ShelterDischargeDialog *self)
{
  if (self->error_widget == GTK_WIDGET (self->override_row))
    clear_error (self);
  self->touched = TRUE;
  update_sensitivity (self);
}

/* Closing with something typed asks first. */
static gboolean
close_idle_cb (gpointer data)
{
  ShelterDischargeDialog *self = data;

  self->close_id = 0;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (ShelterDischargeDialog *self,
                     const char             *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->touched = FALSE;
  /* Closed once the question is gone: it is destroyed with the dialog, and is still
   * answering now. */
  if (self->close_id == 0)
    self->close_id = g_idle_add (close_idle_cb, self);
}

static gboolean
close_request_cb (ShelterDischargeDialog *self)
{
  GtkWidget *dialog;

  if (self->done || !self->touched)
    return FALSE;
  dialog = _shelter_ui_new_discard_dialog (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Building */

static void
fill_receivers (ShelterDischargeDialog *self)
{
  g_autoptr(GError) error = NULL;

  gtk_string_list_append (self->receiver_list, _("Another person (type the name)"));
  self->relatives = shelter_family_list_relatives (self->session, self->person_id, &error);
  if (self->relatives == NULL)
    {
      g_debug ("The relatives cannot be listed: %s", error->message);
      return;
    }
  for (guint i = 0; i < self->relatives->len; i++)
    {
      ShelterRelativeRow *relative = g_ptr_array_index (self->relatives, i);
      g_autofree char *label = NULL;
      const char *safety = relative->involved
                           ? _("involved in the trafficking")
                           : shelter_enum_label (&shelter_family_safety, relative->safety);

      /* Translators: a relative who may receive the person: name, relation, safety:
       * "Vàng Thị Pà (Mother) — Safe". */
      label = g_strdup_printf (_("%s (%s) — %s"), relative->full_name,
                               shelter_enum_label (&shelter_family_relation, relative->relation),
                               safety);
      gtk_string_list_append (self->receiver_list, label);
    }
}

static void
fill_partners (ShelterDischargeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) _("Not in the directory (type the name)"));
  self->partners = shelter_partners_list (self->session, FALSE, &error);
  if (self->partners == NULL)
    g_debug ("The partners cannot be listed: %s", error->message);
  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    {
      ShelterPartnerRow *partner = g_ptr_array_index (self->partners, i);

      g_ptr_array_add (names, partner->name);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->facility_list, 0, 0, (const char * const *) names->pdata);
}

ShelterDischargeDialog *
shelter_discharge_dialog_new (ShelterSession *session,
                              gint64          stay_id,
                              gint64          person_id,
                              const char     *name,
                              const char     *room_code)
{
  ShelterDischargeDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_DISCHARGE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;
  self->person_id = person_id;
  self->name = g_strdup (name);
  self->room_code = g_strdup (room_code);
  self->filling = TRUE;

  adw_window_title_set_title (self->window_title, _("Discharge"));
  gtk_string_list_append (self->reason_list, _("Choose…"));
  for (guint i = 0; i < shelter_enum_discharge_reason.n_values; i++)
    gtk_string_list_append (self->reason_list,
                            shelter_enum_label (&shelter_enum_discharge_reason,
                                                shelter_enum_discharge_reason.values[i].code));
  now = _shelter_ui_format_now (session);
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), now);

  entries = shelter_reference_provinces (shelter_session_get_db (session), SHELTER_ADDRESS_SCHEME,
                                         &error);
  if (entries == NULL)
    g_warning ("Cannot list the provinces: %s", error->message);
  g_clear_error (&error);
  fill_reference_list (self->province_list, &self->provinces, entries,
                       C_("field value", "Not recorded"));
  load_communes (self, NULL);
  entries = shelter_reference_countries (shelter_session_get_db (session), &error);
  if (entries == NULL)
    g_warning ("Cannot list the countries: %s", error->message);
  fill_reference_list (self->country_list, &self->countries, entries,
                       C_("field value", "Not recorded"));
  fill_partners (self);
  fill_receivers (self);
  build_checklist (self);
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  self->filling = FALSE;
  update_destination (self);
  set_step (self, STEP_REASON);
  return self;
}

static void
shelter_discharge_dialog_dispose (GObject *object)
{
  ShelterDischargeDialog *self = SHELTER_DISCHARGE_DIALOG (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->close_id, g_source_remove);
  g_clear_weak_pointer (&self->error_widget);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (shelter_discharge_dialog_parent_class)->dispose (object);
}

static void
shelter_discharge_dialog_finalize (GObject *object)
{
  ShelterDischargeDialog *self = SHELTER_DISCHARGE_DIALOG (object);

  g_free (self->name);
  g_free (self->room_code);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
  g_clear_pointer (&self->relatives, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->belongings, g_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->open_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (shelter_discharge_dialog_parent_class)->finalize (object);
}

static void
shelter_discharge_dialog_class_init (ShelterDischargeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_discharge_dialog_dispose;
  object_class->finalize = shelter_discharge_dialog_finalize;

  /* The stay was ended: the pages showing the resident read it again. */
  signals[SIGNAL_DISCHARGED] =
    g_signal_new ("discharged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-discharge-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShelterDischargeDialog, name)
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (next_label);
  BIND (error_label);
  BIND (step_stack);
  BIND (reason_page);
  BIND (checklist_page);
  BIND (confirm_page);
  BIND (reason_row);
  BIND (reason_list);
  BIND (when_row);
  BIND (address_group);
  BIND (province_row);
  BIND (province_drop_down);
  BIND (province_list);
  BIND (commune_row);
  BIND (commune_drop_down);
  BIND (commune_list);
  BIND (detail_row);
  BIND (facility_group);
  BIND (facility_row);
  BIND (facility_drop_down);
  BIND (facility_list);
  BIND (facility_name_row);
  BIND (country_group);
  BIND (country_row);
  BIND (country_drop_down);
  BIND (country_list);
  BIND (receiver_group);
  BIND (receiver_row);
  BIND (receiver_list);
  BIND (receiver_name_row);
  BIND (receiver_warning_row);
  BIND (death_group);
  BIND (death_cause_row);
  BIND (death_informed_row);
  BIND (summary_group);
  BIND (open_group);
  BIND (override_group);
  BIND (override_row);
  BIND (manager_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_discharge_dialog_init (ShelterDischargeDialog *self)
{
  self->filling = TRUE;
  self->belongings = g_array_new (FALSE, TRUE, sizeof (BelongingView));
  self->summary_rows = g_ptr_array_new ();
  self->open_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->reason_row, "notify::selected", G_CALLBACK (reason_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->when_row, "changed", G_CALLBACK (when_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->receiver_row, "notify::selected",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->province_drop_down, "notify::selected",
                           G_CALLBACK (province_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->commune_drop_down, "notify::selected",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->facility_drop_down, "notify::selected",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_drop_down, "notify::selected",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  connect_editable (self, self->when_row);
  connect_editable (self, self->detail_row);
  connect_editable (self, self->facility_name_row);
  connect_editable (self, self->receiver_name_row);
  connect_editable (self, self->death_cause_row);
  connect_editable (self, self->death_informed_row);
  g_signal_connect_object (self->override_row, "changed", G_CALLBACK (override_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);

  name_drop_down (self->province_drop_down, self->province_row);
  name_drop_down (self->commune_drop_down, self->commune_row);
  name_drop_down (self->facility_drop_down, self->facility_row);
  name_drop_down (self->country_drop_down, self->country_row);
}
