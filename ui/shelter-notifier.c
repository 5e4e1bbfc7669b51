/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "shelter-application.h"
#include "shelter-notices.h"
#include "shelter-notifier.h"

/* More new reminders than this at one look: the first ones, then one notification saying
 * how many more (a desk returning from a long weekend is not buried in them). */
#define MAX_AT_ONCE 5
/* The first look after a sign-in or an unlock. */
#define FIRST_LOOK_SECONDS 2

struct _ShelterNotifier
{
  GObject         parent_instance;

  GSettings      *settings;
  gboolean        application_settings; /* the default one: the application's, looked up */
  ShelterSession *session;
  guint           timeout_id;
  guint           timeout_minutes;
  gboolean        warned;
  /* The timed look under way: the reminders are gathered in a worker thread
   * (app/shelter-reminders.h), told back on the main loop. Cancelled by a lock or a
   * sign-out: nothing found for a session is told after it ended. */
  GCancellable   *look;
  /* The notifications shown and not yet closed (their default action needs them alive). */
  GHashTable     *shown;
};

G_DEFINE_FINAL_TYPE (ShelterNotifier, shelter_notifier, G_TYPE_OBJECT)

enum
{
  SIGNAL_OPEN_RESIDENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ShelterNotifier *default_notifier;

typedef struct
{
  GWeakRef  notifier;
  gint64    person_id;
  char     *page;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *action = data;

  g_weak_ref_clear (&action->notifier);
  g_free (action->page);
  g_free (action);
}

static GSettings *
shelter_notifier_get_settings (ShelterNotifier *self)
{
  if (self->settings == NULL && self->application_settings)
    {
      GApplication *application = g_application_get_default ();

      if (SHELTER_IS_APPLICATION (application))
        {
          GSettings *settings =
            shelter_application_get_settings (SHELTER_APPLICATION (application));

          if (settings != NULL)
            self->settings = g_object_ref (settings);
        }
    }
  return self->settings;
}

/* "all", "urgent" or "off". */
static char *
shelter_notifier_dup_level (ShelterNotifier *self)
{
  GSettings *settings = shelter_notifier_get_settings (self);

  return settings != NULL ? g_settings_get_string (settings, "notify-level")
                          : g_strdup ("urgent");
}

static guint
shelter_notifier_get_interval (ShelterNotifier *self)
{
  GSettings *settings = shelter_notifier_get_settings (self);

  return settings != NULL ? (guint) MAX (1, g_settings_get_int (settings,
                                                                "notify-interval-minutes"))
                          : 15;
}

/* Whether a notification server answers; the first time one does not, one warning. */
static gboolean
shelter_notifier_server_ready (ShelterNotifier *self,
                               gboolean        *actions)
{
  g_autofree char *name = NULL;
  g_autofree char *vendor = NULL;
  g_autofree char *version = NULL;
  g_autofree char *spec = NULL;
  GList *caps;

  if (!notify_is_initted () && !notify_init (APP_ID))
    return FALSE;
  if (!notify_get_server_info (&name, &vendor, &version, &spec))
    {
      if (!self->warned)
        g_warning ("No desktop notification server answers: reminders are not told on the "
                   "desktop (they stay in the Today section).");
      self->warned = TRUE;
      return FALSE;
    }
  caps = notify_get_server_caps ();
  *actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  g_list_free_full (caps, g_free);
  return TRUE;
}

static void
shelter_notifier_closed_cb (NotifyNotification *notification,
                            ShelterNotifier    *self)
{
  g_signal_handlers_disconnect_by_data (notification, self);
  g_hash_table_remove (self->shown, notification);
}

static void
shelter_notifier_action_cb (NotifyNotification *notification,
                            char               *action,
                            gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr (ShelterNotifier) self = g_weak_ref_get (&data->notifier);

  if (self != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RESIDENT], 0, data->person_id, data->page);
}

/* Shows one notification; FALSE when the server refused it. */
static gboolean
shelter_notifier_show (ShelterNotifier *self,
                       gboolean         actions,
                       const char      *title,
                       const char      *body,
                       gboolean         urgent,
                       gint64           person_id,
                       const char      *page)
{
  NotifyNotification *notification;
  g_autoptr (GError) error = NULL;

  notification = notify_notification_new (title, body, APP_ID);
  notify_notification_set_app_name (notification, "Mái Ấm");
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  notify_notification_set_urgency (notification,
                                   urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  if (actions)
    {
      ActionData *data = g_new0 (ActionData, 1);

      g_weak_ref_init (&data->notifier, self);
      data->person_id = person_id;
      data->page = g_strdup (page);
      notify_notification_add_action (notification, "default",
                                      C_("notification", "Open"),
                                      shelter_notifier_action_cb, data, action_data_free);
    }
  if (!notify_notification_show (notification, &error))
    {
      g_debug ("A notification was refused: %s", error->message);
      g_object_unref (notification);
      return FALSE;
    }
  g_signal_connect (notification, "closed", G_CALLBACK (shelter_notifier_closed_cb), self);
  /* The set owns it until the server closes it. */
  g_hash_table_add (self->shown, notification);
  return TRUE;
}

/* Tells the new ones of @reminders, as @level allows; the number of notifications shown.
 * What was told is recorded on the session's own connection (it writes). */
static guint
shelter_notifier_tell (ShelterNotifier *self,
                       GPtrArray       *reminders,
                       const char      *level,
                       gboolean         actions)
{
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;
  guint shown = 0;

  fresh = shelter_notices_take_new (self->session, reminders,
                                    g_strcmp0 (level, "all") != 0, &error);
  if (fresh == NULL)
    {
      g_debug ("Could not record the reminders told: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      ShelterReminder *reminder = g_ptr_array_index (fresh, i);
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;

      if (i == MAX_AT_ONCE - 1 && fresh->len > MAX_AT_ONCE)
        {
          guint more = fresh->len - i;

          title = g_strdup_printf (ngettext ("%u more reminder", "%u more reminders", more),
                                   more);
          if (shelter_notifier_show (self, actions, title,
                                     _("Open Mái Ấm to see them in the Today section."),
                                     FALSE, 0, "today"))
            shown++;
          break;
        }
      title = shelter_notice_title (reminder);
      body = shelter_notice_body (reminder);
      if (shelter_notifier_show (self, actions, title, body, reminder->urgent,
                                 reminder->person_id, reminder->page))
        shown++;
    }
  return shown;
}

/* Whether a look may tell anything now: someone signed in, the level not "off" and a
 * server that answers. */
static gboolean
shelter_notifier_may_tell (ShelterNotifier  *self,
                           char            **level,
                           gboolean         *actions)
{
  if (self->session == NULL)
    return FALSE;
  *level = shelter_notifier_dup_level (self);
  if (g_strcmp0 (*level, "off") == 0)
    return FALSE;
  /* Nothing is marked as told while no one can be told. */
  return shelter_notifier_server_ready (self, actions);
}

static const char *
shelter_notifier_role (ShelterNotifier *self)
{
  ShelterUser *user = shelter_session_get_user (self->session);

  return user != NULL ? shelter_user_get_role (user) : NULL;
}

guint
shelter_notifier_check (ShelterNotifier *self)
{
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *level = NULL;
  gboolean actions = FALSE;

  g_return_val_if_fail (SHELTER_IS_NOTIFIER (self), 0);

  if (!shelter_notifier_may_tell (self, &level, &actions))
    return 0;
  reminders = shelter_reminders_for (self->session, NULL, shelter_notifier_role (self),
                                     &error);
  if (reminders == NULL)
    {
      g_debug ("Could not look for reminders: %s", error->message);
      return 0;
    }
  return shelter_notifier_tell (self, reminders, level, actions);
}

static void
shelter_notifier_cancel_look (ShelterNotifier *self)
{
  if (self->look != NULL)
    {
      g_cancellable_cancel (self->look);
      g_clear_object (&self->look);
    }
}

static void
shelter_notifier_look_done_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr (ShelterNotifier) self = user_data;
  g_autoptr (GPtrArray) reminders = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *level = NULL;
  gboolean actions = FALSE;

  reminders = shelter_reminders_for_finish (SHELTER_SESSION (source), result, &error);
  /* A lock or a sign-out came first (the one who cancelled forgot the look). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->look);
  if (reminders == NULL)
    {
      g_debug ("Could not look for reminders: %s", error->message);
      return;
    }
  /* The level may have changed meanwhile; the session may not (that cancels the look). */
  if ((ShelterSession *) source != self->session ||
      !shelter_notifier_may_tell (self, &level, &actions))
    return;
  shelter_notifier_tell (self, reminders, level, actions);
}

/* The timed looks: like shelter_notifier_check(), with the reminders gathered away from
 * the main thread, so that the window does not freeze every interval. One at a time. */
static void
shelter_notifier_look (ShelterNotifier *self)
{
  g_autofree char *level = NULL;
  gboolean actions = FALSE;

  if (self->look != NULL || !shelter_notifier_may_tell (self, &level, &actions))
    return;
  self->look = g_cancellable_new ();
  shelter_reminders_for_async (self->session, NULL, shelter_notifier_role (self), self->look,
                               shelter_notifier_look_done_cb, g_object_ref (self));
}

gboolean
shelter_notifier_send (ShelterNotifier *self,
                       const char      *title,
                       const char      *body,
                       gboolean         urgent,
                       gint64           person_id,
                       const char      *page)
{
  g_autofree char *level = NULL;
  gboolean actions = FALSE;

  g_return_val_if_fail (SHELTER_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  level = shelter_notifier_dup_level (self);
  if (g_strcmp0 (level, "off") == 0 || (!urgent && g_strcmp0 (level, "all") != 0))
    return FALSE;
  if (!shelter_notifier_server_ready (self, &actions))
    return FALSE;
  return shelter_notifier_show (self, actions, title, body, urgent, person_id, page);
}

static gboolean
shelter_notifier_timeout_cb (gpointer user_data)
{
  shelter_notifier_look (SHELTER_NOTIFIER (user_data));
  return G_SOURCE_CONTINUE;
}

static void
shelter_notifier_schedule (ShelterNotifier *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_minutes = shelter_notifier_get_interval (self);
  self->timeout_id = g_timeout_add_seconds (self->timeout_minutes * 60,
                                            shelter_notifier_timeout_cb, self);
}

static gboolean
shelter_notifier_first_cb (gpointer user_data)
{
  ShelterNotifier *self = SHELTER_NOTIFIER (user_data);

  self->timeout_id = 0;
  shelter_notifier_look (self);
  if (self->session != NULL)
    shelter_notifier_schedule (self);
  return G_SOURCE_REMOVE;
}

static void
shelter_notifier_settings_changed_cb (GSettings       *settings,
                                      const char      *key,
                                      ShelterNotifier *self)
{
  /* Only while the looks run (not locked, someone signed in, the first look done). */
  if (self->timeout_id == 0 || self->timeout_minutes == 0)
    return;
  if (g_strcmp0 (key, "notify-interval-minutes") == 0)
    {
      if (shelter_notifier_get_interval (self) != self->timeout_minutes)
        shelter_notifier_schedule (self);
    }
  else if (g_strcmp0 (key, "notify-level") == 0)
    shelter_notifier_look (self);
}

void
shelter_notifier_start (ShelterNotifier *self,
                        ShelterSession  *session)
{
  GSettings *settings;

  g_return_if_fail (SHELTER_IS_NOTIFIER (self));
  g_return_if_fail (SHELTER_IS_SESSION (session));

  if (self->session != session)
    {
      shelter_notifier_stop (self, self->session);
      self->session = g_object_ref (session);
    }
  settings = shelter_notifier_get_settings (self);
  if (settings != NULL)
    {
      g_signal_handlers_disconnect_by_func (settings, shelter_notifier_settings_changed_cb,
                                            self);
      g_signal_connect (settings, "changed", G_CALLBACK (shelter_notifier_settings_changed_cb),
                        self);
    }
  /* The first look once the window is drawn: sign-in is not held up by it. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_minutes = 0;
  self->timeout_id = g_timeout_add_seconds (FIRST_LOOK_SECONDS, shelter_notifier_first_cb, self);
}

void
shelter_notifier_pause (ShelterNotifier *self,
                        ShelterSession  *session)
{
  g_return_if_fail (SHELTER_IS_NOTIFIER (self));

  if (session == self->session)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      shelter_notifier_cancel_look (self);
    }
}

static gboolean
shelter_notifier_close_one (gpointer key,
                            gpointer value,
                            gpointer user_data)
{
  NotifyNotification *notification = key;

  g_signal_handlers_disconnect_by_data (notification, user_data);
  notify_notification_close (notification, NULL);
  return TRUE;
}

void
shelter_notifier_stop (ShelterNotifier *self,
                       ShelterSession  *session)
{
  g_return_if_fail (SHELTER_IS_NOTIFIER (self));

  if (session != self->session)
    return;
  shelter_notifier_pause (self, session);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings,
                                          shelter_notifier_settings_changed_cb, self);
  /* What was told to the one who signed out is not left on the screen. */
  g_hash_table_foreach_remove (self->shown, shelter_notifier_close_one, self);
  g_clear_object (&self->session);
}

static void
shelter_notifier_dispose (GObject *object)
{
  ShelterNotifier *self = SHELTER_NOTIFIER (object);

  shelter_notifier_stop (self, self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shelter_notifier_parent_class)->dispose (object);
}

static void
shelter_notifier_finalize (GObject *object)
{
  ShelterNotifier *self = SHELTER_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (shelter_notifier_parent_class)->finalize (object);
}

static void
shelter_notifier_class_init (ShelterNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shelter_notifier_dispose;
  object_class->finalize = shelter_notifier_finalize;

  /* ::open-resident (person_id, page): a notification's default action; person_id 0 for
   * the centre (raise the window only). */
  signals[SIGNAL_OPEN_RESIDENT] = g_signal_new ("open-resident",
                                                G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 2,
                                                G_TYPE_INT64, G_TYPE_STRING);
}

static void
shelter_notifier_init (ShelterNotifier *self)
{
  self->shown = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
}

ShelterNotifier *
shelter_notifier_new (GSettings *settings)
{
  ShelterNotifier *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SHELTER_TYPE_NOTIFIER, NULL);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  /* Once per process; it only names the program (the server is asked when needed). */
  if (!notify_is_initted ())
    notify_init (APP_ID);
  return self;
}

ShelterNotifier *
shelter_notifier_get_default (void)
{
  if (default_notifier == NULL)
    {
      default_notifier = shelter_notifier_new (NULL);
      default_notifier->application_settings = TRUE;
    }
  return default_notifier;
}
