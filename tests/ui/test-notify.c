/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Desktop notifications with a real notification server: Debian's notification-daemon on a
 * session bus of the test's own (GTestDBus), on the X display of xvfb-run. What the server
 * receives is watched as dbus-monitor would (org.freedesktop.DBus.Monitoring). */
#include "config.h"

#include <string.h>
#include <libnotify/notify.h>

#include "shelter-notifier.h"
#include "shelter-reception.h"
#include "test-common.h"

#define DAEMON "/usr/lib/notification-daemon/notification-daemon"
#define NOTIFICATIONS "org.freedesktop.Notifications"

typedef struct
{
  GMutex     lock;
  GPtrArray *calls; /* the bodies of the Notify calls seen: (susssasa{sv}i) */
} Monitor;

static GTestDBus *test_bus;
/* xvfb-run's display: GTestDBus unsets DISPLAY, the daemon needs it. */
static char *display;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A resident received three weeks ago, whose name is known: her health check at arrival
 * and her case file are late. Returns her case code. */
static char *
receive_resident (ShelterDb *db)
{
  g_autoptr (ShelterSession) session = test_session_new (db, "caseworker");
  g_autoptr (ShelterPerson) person = test_person_new ("Lò", "Thị", "Nhàn", "female",
                                                      "1998-03-04");
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 room = test_add_room (session, "A101", "female", "any", 20);

  shelter_intake_set_handed_over_by (intake, "self");
  stay = shelter_receive_person (session, person, intake, room, "2026-11-02T10:00:00+07:00",
                                 &error);
  g_assert_no_error (error);
  stored = shelter_person_store_get (db, shelter_stay_get_person_id (stay), NULL);
  return g_strdup (shelter_person_get_case_code (stored));
}

static GSettings *
settings_new (const char *level)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "notify-level", level);
  return settings;
}

/* No server on the bus: the program goes on, with one warning, however often it tries. */
static void
test_no_server (void)
{
  g_autoptr (ShelterDb) db = test_db_new ();
  g_autoptr (ShelterSession) session = test_session_new (db, "medical");
  g_autoptr (GSettings) settings = settings_new ("all");
  g_autoptr (ShelterNotifier) notifier = shelter_notifier_new (settings);
  g_autofree char *case_code = receive_resident (db);

  shelter_notifier_start (notifier, session);
  g_test_expect_message ("shelter-notifier", G_LOG_LEVEL_WARNING,
                         "No desktop notification server*");
  g_assert_cmpuint (shelter_notifier_check (notifier), ==, 0);
  g_test_assert_expected_messages ();
  /* Once only: an unexpected warning would end the test here. */
  g_assert_cmpuint (shelter_notifier_check (notifier), ==, 0);
  g_assert_false (shelter_notifier_send (notifier, "Police Informed",
                                         "The police were informed about case 26-0001.", TRUE,
                                         0, NULL));
  /* The first look after a sign-in comes by itself, and is as quiet. */
  wait_ms (2500);
  /* Nothing was marked as told: with a server, later, it is told. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM reminder_notice"), ==, 0);
  shelter_notifier_stop (notifier, session);
}

static GDBusMessage *
monitor_filter (GDBusConnection *connection,
                GDBusMessage    *message,
                gboolean         incoming,
                gpointer         user_data)
{
  Monitor *monitor = user_data;

  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    return message;
  if (g_strcmp0 (g_dbus_message_get_interface (message), NOTIFICATIONS) == 0
      && g_strcmp0 (g_dbus_message_get_member (message), "Notify") == 0)
    {
      g_mutex_lock (&monitor->lock);
      g_ptr_array_add (monitor->calls, g_variant_ref (g_dbus_message_get_body (message)));
      g_mutex_unlock (&monitor->lock);
    }
  /* A monitor must not answer what it sees: dropped here, before GDBus would. */
  g_object_unref (message);
  return NULL;
}

static GDBusConnection *
monitor_start (Monitor *monitor)
{
  const char *rules[] = { "type='method_call',interface='" NOTIFICATIONS "',member='Notify'",
                          NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  GDBusConnection *connection;

  connection = g_dbus_connection_new_for_address_sync (
    g_test_dbus_get_bus_address (test_bus),
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
    G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_add_filter (connection, monitor_filter, monitor, NULL);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Monitoring", "BecomeMonitor",
                                       g_variant_new ("(^asu)", rules, 0), NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static guint
monitor_count (Monitor *monitor)
{
  guint count;

  g_mutex_lock (&monitor->lock);
  count = monitor->calls->len;
  g_mutex_unlock (&monitor->lock);
  return count;
}

/* Waits until @count Notify calls were seen, at most five seconds. */
static void
monitor_wait (Monitor *monitor,
              guint    count)
{
  for (guint i = 0; i < 50 && monitor_count (monitor) < count; i++)
    wait_ms (100);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr (GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The reminders reach a real server: the summary and body as the notices say them, the
 * case code and never the name; told once; and the police informed at once. */
static void
test_daemon (void)
{
  g_autoptr (ShelterDb) db = NULL;
  g_autoptr (ShelterSession) session = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (ShelterNotifier) notifier = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GDBusConnection) watcher = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *case_code = NULL;
  Monitor monitor = { 0 };
  gboolean about_her = FALSE;
  guint shown;

  if (!g_file_test (DAEMON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("notification-daemon is not installed (apt-get install notification-daemon)");
      return;
    }
  if (display == NULL)
    {
      g_test_skip ("no X display for notification-daemon (run under xvfb-run)");
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, DAEMON, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 100 && !name_has_owner (bus, NOTIFICATIONS); i++)
    wait_ms (100);
  g_assert_true (name_has_owner (bus, NOTIFICATIONS));

  g_mutex_init (&monitor.lock);
  monitor.calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  watcher = monitor_start (&monitor);

  db = test_db_new ();
  session = test_session_new (db, "medical");
  case_code = receive_resident (db);
  settings = settings_new ("all");
  notifier = shelter_notifier_new (settings);
  shelter_notifier_start (notifier, session);

  /* The first look after the sign-in comes by itself (its reminders gathered in a worker
   * thread, told on the main loop): at most ten seconds, then what it told. */
  for (guint i = 0; i < 100 && monitor_count (&monitor) == 0; i++)
    wait_ms (100);
  wait_ms (500);
  shown = monitor_count (&monitor);
  g_assert_cmpuint (shown, >, 0);
  for (guint i = 0; i < monitor.calls->len; i++)
    {
      const char *app_name = NULL;
      const char *summary = NULL;
      const char *body = NULL;
      g_autofree char *text = NULL;

      g_variant_get_child (g_ptr_array_index (monitor.calls, i), 0, "&s", &app_name);
      g_variant_get_child (g_ptr_array_index (monitor.calls, i), 3, "&s", &summary);
      g_variant_get_child (g_ptr_array_index (monitor.calls, i), 4, "&s", &body);
      g_assert_cmpstr (app_name, ==, "Mái Ấm");
      g_test_message ("Notified: %s | %s", summary, body);
      text = g_strconcat (summary, "\n", body, NULL);
      g_assert_null (strstr (text, "Nhàn"));
      g_assert_null (strstr (text, "Lò"));
      if (strstr (body, case_code) != NULL)
        about_her = TRUE;
    }
  g_assert_true (about_her);

  /* Fifteen minutes later nothing changed: nothing is told again. */
  g_assert_cmpuint (shelter_notifier_check (notifier), ==, 0);

  /* Urgent events at once, as the safety dialog tells them. */
  g_assert_true (shelter_notifier_send (notifier, "Police Informed",
                                        "The police were informed about case 26-0001.", TRUE,
                                        0, NULL));
  monitor_wait (&monitor, shown + 1);
  g_assert_cmpuint (monitor_count (&monitor), ==, shown + 1);
  {
    const char *summary = NULL;
    g_autoptr (GVariant) hints = NULL;
    guchar urgency = 0;

    g_variant_get_child (g_ptr_array_index (monitor.calls, shown), 3, "&s", &summary);
    g_assert_cmpstr (summary, ==, "Police Informed");
    hints = g_variant_get_child_value (g_ptr_array_index (monitor.calls, shown), 6);
    g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
    g_assert_cmpuint (urgency, ==, NOTIFY_URGENCY_CRITICAL);
  }

  /* Switched off: not even that. */
  g_settings_set_string (settings, "notify-level", "off");
  g_assert_false (shelter_notifier_send (notifier, "Police Informed",
                                         "The police were informed about case 26-0002.", TRUE,
                                         0, NULL));
  wait_ms (300);
  g_assert_cmpuint (monitor_count (&monitor), ==, shown + 1);

  shelter_notifier_stop (notifier, session);
  g_clear_object (&notifier);
  g_dbus_connection_close_sync (watcher, NULL, NULL);
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  g_ptr_array_unref (monitor.calls);
  g_mutex_clear (&monitor.lock);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* A bus of the test's own, with no notification server until the test starts one (and
   * none that D-Bus could start by itself). */
  display = g_strdup (g_getenv ("DISPLAY"));
  test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (test_bus);

  g_test_add_func ("/notify/no-server", test_no_server);
  g_test_add_func ("/notify/daemon", test_daemon);

  status = g_test_run ();

  /* libnotify keeps its connection to the bus until told to let go. */
  notify_uninit ();
  g_test_dbus_down (test_bus);
  g_object_unref (test_bus);
  g_free (display);
  return status;
}
