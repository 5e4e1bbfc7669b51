/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-plan-dialog.h"
#include "shelter-services.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

static const char * const support_types[] = { "a", "b", "c", "d", "dd", "e", "g", "h", "i", "k" };

typedef struct
{
  GtkWidget   *group;
  AdwComboRow *area;
  AdwEntryRow *goal;
  AdwEntryRow *services;
  AdwComboRow *support_type;
  AdwEntryRow *responsible;
  AdwEntryRow *target;
} GoalRows;

struct _ShelterPlanDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  gint64               stay_id;
  gint64               plan_id;   /* 0 for a new draft */
  gint64               version;
  GPtrArray           *areas;     /* codes (static) of the areas in need */
  GPtrArray           *goals;     /* GoalRows */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  AdwPreferencesGroup *assessment_group;
  GtkBox              *goals_box;
  AdwEntryRow         *review_row;
};

G_DEFINE_FINAL_TYPE (ShelterPlanDialog, shelter_plan_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void shelter_plan_dialog_save (ShelterPlanDialog *self);

static void
row_changed_cb (ShelterPlanDialog *self,
                GtkEditable       *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterPlanDialog *self,
                  AdwEntryRow       *row)
{
  shelter_plan_dialog_save (self);
}

static void
save_clicked_cb (ShelterPlanDialog *self,
                 GtkButton         *button)
{
  shelter_plan_dialog_save (self);
}

static void
number_goals (ShelterPlanDialog *self)
{
  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalRows *rows = g_ptr_array_index (self->goals, i);
      /* Translators: the title of one goal of a support plan in the plan dialog. */
      g_autofree char *title = g_strdup_printf (_("Goal %u"), i + 1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows->group), title);
    }
}

static void
remove_goal_clicked_cb (GtkButton *button,
                        gpointer   user_data)
{
  ShelterPlanDialog *self = user_data;
  GtkWidget *group = g_object_get_data (G_OBJECT (button), "shelter-goal-group");

  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalRows *rows = g_ptr_array_index (self->goals, i);

      if (rows->group != group)
        continue;
      gtk_box_remove (self->goals_box, group);
      g_ptr_array_remove_index (self->goals, i);
      break;
    }
  number_goals (self);
}

static AdwEntryRow *
add_entry_row (ShelterPlanDialog *self,
               GtkWidget         *group,
               const char        *title,
               const char        *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static void
add_goal (ShelterPlanDialog    *self,
          const ShelterGoalRow *goal)
{
  g_autoptr (GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  g_autofree char *target = goal != NULL ? shelter_text_format_date (goal->target_on) : NULL;
  GoalRows *rows = g_new0 (GoalRows, 1);
  GtkWidget *remove, *combo;

  rows->group = adw_preferences_group_new ();
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Goal"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Goal"), -1);
  g_object_set_data (G_OBJECT (remove), "shelter-goal-group", rows->group);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_goal_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (rows->group), remove);

  for (guint i = 0; i < self->areas->len; i++)
    gtk_string_list_append (areas, shelter_enum_label (&shelter_enum_need_area,
                                                       g_ptr_array_index (self->areas, i)));
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Area of Need"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (combo), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Area of need"), -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (areas));
  for (guint i = 0; goal != NULL && i < self->areas->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->areas, i), goal->area) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows->group), combo);
  rows->area = ADW_COMBO_ROW (combo);

  rows->goal = add_entry_row (self, rows->group, _("Goal"), goal ? goal->goal : NULL);
  rows->services = add_entry_row (self, rows->group, _("Services Planned"),
                                  goal ? goal->services : NULL);

  gtk_string_list_append (types, _("No support type"));
  for (guint i = 0; i < G_N_ELEMENTS (support_types); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s — %s",
                                                shelter_support_type_letter (support_types[i]),
                                                shelter_support_type_label (support_types[i]));

      gtk_string_list_append (types, label);
    }
  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Support Type"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (combo), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Support type"), -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (types));
  for (guint i = 0; goal != NULL && i < G_N_ELEMENTS (support_types); i++)
    if (g_strcmp0 (support_types[i], goal->support_type) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i + 1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows->group), combo);
  rows->support_type = ADW_COMBO_ROW (combo);

  rows->responsible = add_entry_row (self, rows->group,
                                     _("Responsible (User Name or Outside Provider)"),
                                     goal ? goal->responsible : NULL);
  rows->target = add_entry_row (self, rows->group, _("Target Date (dd/mm/yyyy)"), target);

  gtk_box_append (self->goals_box, rows->group);
  g_ptr_array_add (self->goals, rows);
  number_goals (self);
}

static void
add_goal_clicked_cb (ShelterPlanDialog *self,
                     GtkButton         *button)
{
  GoalRows *rows;

  add_goal (self, NULL);
  rows = g_ptr_array_index (self->goals, self->goals->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (rows->goal));
}

static char *
day_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  char *day;

  if (text == NULL || *text == '\0')
    return NULL;
  day = _shelter_ui_parse_day (text);
  return day != NULL ? day : g_strdup (text);
}

static void
show_error (ShelterPlanDialog *self,
            const GError      *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_PLAN_REVIEW_DATE)
    row = GTK_WIDGET (self->review_row);
  else if (error->domain == SHELTER_FIELD_ERROR && error->code > SHELTER_FIELD_PLAN_GOALS &&
           error->code <= SHELTER_FIELD_PLAN_GOAL_TARGET)
    {
      /* "Goal 2: ..." in the user's language: the goal's number is the first one in it. */
      const char *digit = error->message;
      guint n;

      while (*digit != '\0' && !g_ascii_isdigit (*digit))
        digit++;
      n = (guint) strtoul (digit, NULL, 10);
      if (n >= 1 && n <= self->goals->len)
        {
          GoalRows *rows = g_ptr_array_index (self->goals, n - 1);

          switch (error->code)
            {
            case SHELTER_FIELD_PLAN_GOAL_TEXT:
              row = GTK_WIDGET (rows->goal);
              break;
            case SHELTER_FIELD_PLAN_GOAL_SERVICES:
              row = GTK_WIDGET (rows->services);
              break;
            case SHELTER_FIELD_PLAN_GOAL_SUPPORT_TYPE:
              row = GTK_WIDGET (rows->support_type);
              break;
            case SHELTER_FIELD_PLAN_GOAL_RESPONSIBLE:
              row = GTK_WIDGET (rows->responsible);
              break;
            case SHELTER_FIELD_PLAN_GOAL_TARGET:
              row = GTK_WIDGET (rows->target);
              break;
            default:
              row = GTK_WIDGET (rows->area);
              break;
            }
        }
    }
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->error_label, NULL, -1);
      gtk_widget_grab_focus (row);
    }
}

static void
shelter_plan_dialog_save (ShelterPlanDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autofree ShelterGoalInput *goals = g_new0 (ShelterGoalInput, self->goals->len + 1);
  g_autofree char *review = day_of (self->review_row);
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->review_row), FALSE);
  for (guint i = 0; i < self->goals->len; i++)
    {
      GoalRows *rows = g_ptr_array_index (self->goals, i);
      guint area = adw_combo_row_get_selected (rows->area);
      guint type = adw_combo_row_get_selected (rows->support_type);
      char *target = day_of (rows->target);

      _shelter_ui_set_error (GTK_WIDGET (rows->area), FALSE);
      _shelter_ui_set_error (GTK_WIDGET (rows->target), FALSE);
      g_ptr_array_add (owned, target);
      goals[i].area = area < self->areas->len ? g_ptr_array_index (self->areas, area) : NULL;
      goals[i].goal = gtk_editable_get_text (GTK_EDITABLE (rows->goal));
      goals[i].services = gtk_editable_get_text (GTK_EDITABLE (rows->services));
      goals[i].support_type = type >= 1 && type <= G_N_ELEMENTS (support_types)
                              ? support_types[type - 1] : NULL;
      goals[i].responsible = gtk_editable_get_text (GTK_EDITABLE (rows->responsible));
      goals[i].target_on = target;
    }
  if (self->plan_id == 0)
    ok = shelter_support_plan_draft (self->session, self->stay_id, goals, self->goals->len,
                                     review, &error) != 0;
  else
    ok = shelter_support_plan_edit (self->session, self->plan_id, self->version, goals,
                                    self->goals->len, review, &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
shelter_plan_dialog_dispose (GObject *object)
{
  ShelterPlanDialog *self = SHELTER_PLAN_DIALOG (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (shelter_plan_dialog_parent_class)->dispose (object);
}

static void
shelter_plan_dialog_finalize (GObject *object)
{
  ShelterPlanDialog *self = SHELTER_PLAN_DIALOG (object);

  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  G_OBJECT_CLASS (shelter_plan_dialog_parent_class)->finalize (object);
}

static void
shelter_plan_dialog_class_init (ShelterPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_plan_dialog_dispose;
  object_class->finalize = shelter_plan_dialog_finalize;

  /* The plan was drafted or changed. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanDialog, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanDialog, goals_box);
  gtk_widget_class_bind_template_child (widget_class, ShelterPlanDialog, review_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_goal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_plan_dialog_init (ShelterPlanDialog *self)
{
  self->areas = g_ptr_array_new ();
  self->goals = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}

ShelterPlanDialog *
shelter_plan_dialog_new (ShelterSession               *session,
                         gint64                        stay_id,
                         const char                   *name,
                         const ShelterSupportPlanFile *file)
{
  ShelterPlanDialog *self;
  gboolean editing;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (file != NULL && file->assessment != NULL, NULL);

  self = g_object_new (SHELTER_TYPE_PLAN_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;
  editing = file->plan != NULL && g_strcmp0 (file->plan->status, "draft") == 0;
  if (editing)
    {
      self->plan_id = file->plan->id;
      self->version = file->plan->version;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Plan"));
      adw_window_title_set_title (self->window_title, _("Edit Plan"));
    }
  adw_window_title_set_subtitle (self->window_title, name);

  /* The areas the assessment found a need in, with what was seen. */
  for (guint i = 0; i < shelter_enum_need_area.n_values; i++)
    {
      const char *area = shelter_enum_need_area.values[i].code;
      const char *level = shelter_support_plan_area_level (file->assessment, area);
      const char *note = NULL;
      g_autofree char *subtitle = NULL;

      if (g_str_equal (level, "none"))
        continue;
      g_ptr_array_add (self->areas, (gpointer) area);
      for (guint j = 0; j < file->assessment->areas->len; j++)
        {
          const ShelterAssessmentAreaRow *row = g_ptr_array_index (file->assessment->areas, j);

          if (g_str_equal (row->area, area))
            note = row->note;
        }
      subtitle = note != NULL ? g_strdup_printf ("%s · %s",
                                                 shelter_enum_label (&shelter_enum_need_level,
                                                                     level), note)
                              : g_strdup (shelter_enum_label (&shelter_enum_need_level, level));
      adw_preferences_group_add (self->assessment_group,
                                 _shelter_ui_new_text_row (shelter_enum_label (&shelter_enum_need_area,
                                                                               area),
                                                           subtitle));
    }

  if (editing)
    {
      g_autofree char *review = shelter_text_format_date (file->plan->review_on);

      for (guint i = 0; i < file->goals->len; i++)
        add_goal (self, g_ptr_array_index (file->goals, i));
      if (review != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->review_row), review);
    }
  if (self->goals->len == 0)
    add_goal (self, NULL);
  return self;
}
