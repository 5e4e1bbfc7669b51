/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-clothing-kit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-clothing-kit-dialog.h"
#include "shelter-meals.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

#define ITEM_KEY "shelter-clothing-item"

struct _ShelterClothingKitDialog
{
  AdwWindow            parent_instance;

  ShelterSession      *session;
  gint64               stay_id;
  /* The GtkCheckButton of each item, in the checklist's order. */
  GPtrArray           *checks;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *items_group;
  AdwEntryRow         *day_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterClothingKitDialog, shelter_clothing_kit_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shelter_clothing_kit_dialog_show_error (ShelterClothingKitDialog *self,
                                        const GError             *error)
{
  GtkWidget *widget = NULL;

  if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_KIT_DATE)
    widget = GTK_WIDGET (self->day_row);
  else if (error->domain == SHELTER_FIELD_ERROR && error->code == SHELTER_FIELD_KIT_ITEMS &&
           self->checks->len > 0)
    widget = g_ptr_array_index (self->checks, 0);

  _shelter_ui_show_message (self->error_label, error->message);
  if (widget != NULL)
    {
      if (widget == GTK_WIDGET (self->day_row))
        _shelter_ui_set_error (widget, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
      gtk_widget_grab_focus (widget);
    }
}

static void
shelter_clothing_kit_dialog_save (ShelterClothingKitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *day = NULL;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->day_row));

  _shelter_ui_set_error (GTK_WIDGET (self->day_row), FALSE);
  _shelter_ui_show_message (self->error_label, NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        g_ptr_array_add (items, g_object_get_data (G_OBJECT (check), ITEM_KEY));
    }
  g_ptr_array_add (items, NULL);

  /* As typed when it is no date: app/ says what is wrong with it. */
  day = _shelter_ui_parse_day (typed);
  if (day == NULL)
    day = g_strdup (typed);

  if (shelter_clothing_kit_issue (self->session, self->stay_id,
                                  (const char * const *) items->pdata, day, &error) == 0)
    {
      shelter_clothing_kit_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterClothingKitDialog *self,
                 GtkButton                *button)
{
  shelter_clothing_kit_dialog_save (self);
}

static void
row_changed_cb (ShelterClothingKitDialog *self,
                GtkEditable              *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterClothingKitDialog *self,
                  AdwEntryRow              *row)
{
  shelter_clothing_kit_dialog_save (self);
}

ShelterClothingKitDialog *
shelter_clothing_kit_dialog_new (ShelterSession *session,
                                 gint64          stay_id,
                                 const char     *name,
                                 const char     *sex,
                                 const char     *default_day)
{
  ShelterClothingKitDialog *self;
  const char * const *items;
  g_autofree char *day = NULL;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (stay_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_CLOTHING_KIT_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->stay_id = stay_id;
  adw_window_title_set_subtitle (self->window_title, name);

  items = shelter_clothing_kit_items_for (sex);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *label = shelter_enum_label (&shelter_enum_clothing_item, items[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), ITEM_KEY, (gpointer) items[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->items_group, row);
      g_ptr_array_add (self->checks, check);
    }

  day = default_day != NULL ? shelter_text_format_date (default_day) : NULL;
  if (day == NULL)
    {
      g_autoptr(GDateTime) now = shelter_session_now (session);

      day = g_date_time_format (now, "%d/%m/%Y");
    }
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), day);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->day_row));

  return self;
}

static void
shelter_clothing_kit_dialog_dispose (GObject *object)
{
  ShelterClothingKitDialog *self = SHELTER_CLOTHING_KIT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_clothing_kit_dialog_parent_class)->dispose (object);
}

static void
shelter_clothing_kit_dialog_class_init (ShelterClothingKitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_clothing_kit_dialog_dispose;

  /* The kit was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-clothing-kit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterClothingKitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterClothingKitDialog, items_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterClothingKitDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterClothingKitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_clothing_kit_dialog_init (ShelterClothingKitDialog *self)
{
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
