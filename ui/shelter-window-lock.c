/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-window"

/* ShelterWindow, continued: the dialogs over the window, the idle lock, locking and
 * unlocking. */

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-notifier.h"
#include "shelter-settings.h"
#define SHELTER_WINDOW_INTERNALS
#include "shelter-window-private.h"

/* The idle lock when the centre has not set it, and the bounds app/ accepts. */
#define IDLE_LOCK_DEFAULT_MINUTES 10
#define IDLE_LOCK_MIN_MINUTES 1
#define IDLE_LOCK_MAX_MINUTES 120

/* Dialogs */

static void
dialog_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  ShelterWindow *self = data;

  g_ptr_array_remove (self->dialogs, where_the_object_was);
}

static void
native_dialog_gone_cb (gpointer  data,
                       GObject  *where_the_object_was)
{
  ShelterWindow *self = data;

  g_ptr_array_remove (self->native_dialogs, where_the_object_was);
}

void
_shelter_window_present_dialog (GtkWidget *from,
                                GtkWindow *dialog)
{
  ShelterWindow *self = _shelter_window_from_widget (from);

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  gtk_window_set_modal (dialog, TRUE);

  if (self == NULL)
    {
      GtkRoot *root = from != NULL ? gtk_widget_get_root (from) : NULL;

      if (GTK_IS_WINDOW (root))
        gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
      gtk_window_present (dialog);
      return;
    }

  gtk_window_set_transient_for (dialog, GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  g_ptr_array_add (self->dialogs, dialog);
  g_object_weak_ref (G_OBJECT (dialog), dialog_gone_cb, self);
  /* Typing in a dialog is using the application. */
  _shelter_window_add_activity_controllers (self, GTK_WIDGET (dialog));

  gtk_window_present (dialog);
}

void
_shelter_window_show_native_dialog (GtkWidget       *from,
                                    GtkNativeDialog *dialog)
{
  ShelterWindow *self = _shelter_window_from_widget (from);

  g_return_if_fail (GTK_IS_NATIVE_DIALOG (dialog));

  gtk_native_dialog_set_modal (dialog, TRUE);

  if (self != NULL)
    {
      gtk_native_dialog_set_transient_for (dialog, GTK_WINDOW (self));
      if (!g_ptr_array_find (self->native_dialogs, dialog, NULL))
        {
          g_ptr_array_add (self->native_dialogs, dialog);
          g_object_weak_ref (G_OBJECT (dialog), native_dialog_gone_cb, self);
        }
    }

  gtk_native_dialog_show (dialog);
}

void
_shelter_window_forget_dialogs (ShelterWindow *self)
{
  for (guint i = 0; i < self->dialogs->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->dialogs, i), dialog_gone_cb, self);
  g_ptr_array_set_size (self->dialogs, 0);

  for (guint i = 0; i < self->native_dialogs->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->native_dialogs, i),
                         native_dialog_gone_cb, self);
  g_ptr_array_set_size (self->native_dialogs, 0);
}

/* A lock hides the dialogs until the same user unlocks; file choosers are cancelled. */
static void
shelter_window_hide_dialogs (ShelterWindow *self)
{
  for (guint i = 0; i < self->dialogs->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->dialogs, i), FALSE);
  for (guint i = 0; i < self->native_dialogs->len; i++)
    gtk_native_dialog_hide (g_ptr_array_index (self->native_dialogs, i));
}

static void
shelter_window_show_dialogs (ShelterWindow *self)
{
  for (guint i = 0; i < self->dialogs->len; i++)
    gtk_window_present (g_ptr_array_index (self->dialogs, i));
}

/* When the session ends, what its dialogs held goes with them. */
void
_shelter_window_destroy_dialogs (ShelterWindow *self)
{
  g_autoptr(GPtrArray) dialogs = g_ptr_array_copy (self->dialogs, NULL, NULL);
  g_autoptr(GPtrArray) native_dialogs = g_ptr_array_copy (self->native_dialogs, NULL, NULL);

  for (guint i = 0; i < native_dialogs->len; i++)
    gtk_native_dialog_hide (g_ptr_array_index (native_dialogs, i));
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
}

/* The idle lock */

static int
shelter_window_get_idle_minutes (ShelterWindow *self)
{
  int minutes;

  if (self->session == NULL)
    return IDLE_LOCK_DEFAULT_MINUTES;

  minutes = shelter_settings_get_int (shelter_session_get_db (self->session),
                                      SHELTER_SETTING_IDLE_LOCK_MINUTES,
                                      IDLE_LOCK_DEFAULT_MINUTES);
  return CLAMP (minutes, IDLE_LOCK_MIN_MINUTES, IDLE_LOCK_MAX_MINUTES);
}

static gboolean shelter_window_idle_timeout_cb (gpointer user_data);

/* Arms the timeout for the rest of the idle time, or locks when it is over. */
void
_shelter_window_arm_idle_lock (ShelterWindow *self)
{
  gint64 limit_us;
  gint64 idle_us;
  guint seconds;

  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);

  if (self->session == NULL || self->locked)
    return;

  limit_us = (gint64) shelter_window_get_idle_minutes (self) * 60 * G_USEC_PER_SEC;
  idle_us = g_get_monotonic_time () - self->last_activity;

  if (idle_us >= limit_us)
    {
      _shelter_window_lock (self);
      return;
    }

  /* Rounded up: never early. */
  seconds = (guint) ((limit_us - idle_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  self->idle_timeout_id = g_timeout_add_seconds (seconds, shelter_window_idle_timeout_cb, self);
}

static gboolean
shelter_window_idle_timeout_cb (gpointer user_data)
{
  ShelterWindow *self = SHELTER_WINDOW (user_data);

  self->idle_timeout_id = 0;
  _shelter_window_arm_idle_lock (self);

  return G_SOURCE_REMOVE;
}

/* Input only moves the deadline; the timeout itself is armed once per period. */
void
_shelter_window_note_activity (ShelterWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
activity_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         ShelterWindow         *self)
{
  _shelter_window_note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

static void
activity_motion_cb (GtkEventControllerMotion *controller,
                    double                    x,
                    double                    y,
                    ShelterWindow            *self)
{
  _shelter_window_note_activity (self);
}

static void
activity_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     ShelterWindow   *self)
{
  _shelter_window_note_activity (self);
}

static gboolean
activity_scroll_cb (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    ShelterWindow            *self)
{
  _shelter_window_note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

/* Watches @widget's input in the capture phase, before any child handles it, without
 * claiming anything. */
void
_shelter_window_add_activity_controllers (ShelterWindow *self,
                                          GtkWidget     *widget)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (activity_key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "motion", G_CALLBACK (activity_motion_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (activity_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (activity_scroll_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

void
_shelter_window_idle_setting_changed (GtkWidget *from)
{
  ShelterWindow *self = _shelter_window_from_widget (from);

  if (self != NULL)
    _shelter_window_arm_idle_lock (self);
}

/* Locking and unlocking */

void
_shelter_window_lock (ShelterWindow *self)
{
  if (self->session == NULL || self->locked)
    return;

  self->locked = TRUE;
  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);
  g_clear_handle_id (&self->police_timeout_id, g_source_remove);
  shelter_notifier_pause (shelter_notifier_get_default (), self->session);
  shelter_window_hide_dialogs (self);

  shelter_lock_page_set_session (self->lock_page, self->session);
  gtk_window_set_title (GTK_WINDOW (self), SHELTER_PRODUCT_NAME);
  gtk_stack_set_visible_child_name (self->main_stack, "lock");
  /* Not only covered: the sections leave the widget tree that is shown, and with it what
   * assistive technologies can read. */
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);
  shelter_lock_page_focus (self->lock_page);

  _shelter_window_update_actions (self);
}

void
_shelter_window_unlocked_cb (ShelterWindow   *self,
                             ShelterLockPage *page)
{
  if (self->session == NULL)
    return;

  self->locked = FALSE;
  _shelter_window_set_title_from_centre (self);
  gtk_widget_set_visible (GTK_WIDGET (self->leaflet), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  shelter_window_show_dialogs (self);

  _shelter_window_update_actions (self);
  _shelter_window_note_activity (self);
  _shelter_window_arm_idle_lock (self);
  _shelter_window_watch_police_reports (self);
  shelter_notifier_start (shelter_notifier_get_default (), self->session);
}

void
_shelter_window_switch_user_cb (ShelterWindow   *self,
                                ShelterLockPage *page)
{
  /* The locked session stays until someone else has signed in. */
  _shelter_window_show_sign_in (self, TRUE);
}

void
_shelter_window_sign_in_back_cb (ShelterWindow     *self,
                                 ShelterSignInPage *page)
{
  if (self->session == NULL || !self->locked)
    return;

  gtk_stack_set_visible_child_name (self->main_stack, "lock");
  shelter_lock_page_reset (self->lock_page);
  shelter_lock_page_focus (self->lock_page);
}

