/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the pages ask of the window they are in. @from is any widget inside the window, or
 * in a dialog shown over it; outside a ShelterWindow (a widget built alone in a test) each
 * falls back to the plain GTK behaviour. */

/* Shows @dialog modal over the window. The window keeps track of it: a lock hides it until
 * the same user unlocks, signing out destroys it, and input in it counts as activity for
 * the idle lock. */
void _shelter_window_present_dialog        (GtkWidget       *from,
                                            GtkWindow       *dialog);
/* The same for a file chooser: a lock or a sign-out cancels it. */
void _shelter_window_show_native_dialog    (GtkWidget       *from,
                                            GtkNativeDialog *dialog);

/* Shows @toast over whichever page is shown. Takes @toast. */
void _shelter_window_add_toast             (GtkWidget       *from,
                                            AdwToast        *toast);
/* A toast with a plain-text message (not markup). */
void _shelter_window_show_message          (GtkWidget       *from,
                                            const char      *message);

/* People were added or changed outside a resident's page (an import): the window's
 * residents list reads them again. */
void _shelter_window_residents_changed     (GtkWidget       *from);

/* Asks the window to restore @backup_path over its database: the window signs everyone
 * out, restores, closes the database and opens it again on the sign-in screen. */
void _shelter_window_restore_backup        (GtkWidget       *from,
                                            const char      *backup_path,
                                            const char      *passphrase);

/* The idle lock setting changed: the window reads it again. */
void _shelter_window_idle_setting_changed  (GtkWidget       *from);

G_END_DECLS

/* The rest is for shelter-window*.c only: the window's instance and the functions its
 * files share. */
#ifdef SHELTER_WINDOW_INTERNALS

#include "shelter-admin-page.h"
#include "shelter-kitchen-page.h"
#include "shelter-lock-page.h"
#include "shelter-referrals-page.h"
#include "shelter-resident-page.h"
#include "shelter-residents-page.h"
#include "shelter-rooms-page.h"
#include "shelter-services-page.h"
#include "shelter-session.h"
#include "shelter-setup-page.h"
#include "shelter-sign-in-page.h"
#include "shelter-window.h"

G_BEGIN_DECLS

/* The product name is the same in every language. */
#define SHELTER_PRODUCT_NAME "Mái Ấm"

/* A restore asked for by the backup page, run once its dialog is gone. */
typedef struct
{
  ShelterSession *session;
  char           *backup_path;
  char           *passphrase;
} PendingRestore;

struct _ShelterWindow
{
  AdwApplicationWindow  parent_instance;

  /* The open database, from its opening to its closing: the setup and sign-in pages use
   * it before there is a session. */
  ShelterDb            *db;
  /* Who is signed in; NULL before. A locked window keeps it. */
  ShelterSession       *session;
  gboolean              locked;
  GtkFileChooserNative *chooser;

  /* The dialogs and file choosers shown over the window (not owned): hidden by a lock,
   * destroyed or cancelled when the session ends. */
  GPtrArray            *dialogs;
  GPtrArray            *native_dialogs;

  /* The idle lock: the time of the last input, and a timeout that fires at the deadline
   * and either locks or waits for the rest. */
  gint64                last_activity;
  guint                 idle_timeout_id;

  /* A manager's desk asks every so often whether the police were informed from any desk
   * sharing the file: the newest report seen (-1: not asked yet), and the timeout. */
  gint64                police_last_id;
  guint                 police_timeout_id;
  /* The same for follow-ups finding someone at risk after discharge (-1: not asked yet). */
  gint64                follow_up_last_id;

  /* The automatic backup, once per opened database, after the first frame of a session
   * that may make backups. */
  gboolean              scheduled_backup_done;
  GdkFrameClock        *backup_frame_clock;
  gulong                backup_after_paint_id;
  guint                 backup_idle_id;

  PendingRestore       *pending_restore;
  guint                 restore_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkButton            *choose_file_button;
  ShelterSetupPage     *setup_page;
  ShelterSignInPage    *sign_in_page;
  /* The integrity check of the open file, run beside the sign-in screen. */
  GCancellable         *check_cancellable;
  ShelterLockPage      *lock_page;
  AdwStatusPage        *busy_page;
  GtkSpinner           *busy_spinner;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *residents_row;
  GtkListBoxRow        *rooms_row;
  GtkListBoxRow        *meals_row;
  GtkListBoxRow        *services_row;
  GtkListBoxRow        *referrals_row;
  GtkListBoxRow        *admin_row;
  GtkWidget            *content;
  GtkStack             *title_stack;
  AdwWindowTitle       *content_title;
  AdwViewSwitcherTitle *admin_switcher_title;
  GtkToggleButton      *search_button;
  GtkWidget            *list_back_button;
  GtkWidget            *intake_button;
  GtkStack             *content_stack;
  ShelterResidentsPage *residents_page;
  ShelterResidentPage  *resident_page;
  ShelterRoomsPage     *rooms_page;
  ShelterKitchenPage   *kitchen_page;
  ShelterServicesPage  *services_page;
  ShelterReferralsPage *referrals_page;
  ShelterAdminPage     *admin_page;
};

/* shelter-window.c */
ShelterWindow *_shelter_window_from_widget             (GtkWidget      *from);
void           _shelter_window_show_lasting_message    (ShelterWindow  *self,
                                                        const char     *message);
void           _shelter_window_update_actions          (ShelterWindow  *self);
void           _shelter_window_set_title_from_centre   (ShelterWindow  *self);
void           _shelter_window_show_sign_in            (ShelterWindow  *self,
                                                        gboolean        can_go_back);
void           _shelter_window_start_session           (ShelterWindow  *self,
                                                        ShelterSession *session);
void           _shelter_window_end_session             (ShelterWindow  *self);
void           _shelter_window_watch_police_reports    (ShelterWindow  *self);
void           _shelter_window_close_database          (ShelterWindow  *self);
void           _shelter_window_show_error              (ShelterWindow  *self,
                                                        const GError   *error);

/* shelter-window-lock.c */
void           _shelter_window_add_activity_controllers (ShelterWindow *self,
                                                         GtkWidget     *widget);
void           _shelter_window_note_activity           (ShelterWindow  *self);
void           _shelter_window_arm_idle_lock           (ShelterWindow  *self);
void           _shelter_window_lock                    (ShelterWindow  *self);
void           _shelter_window_destroy_dialogs         (ShelterWindow  *self);
void           _shelter_window_forget_dialogs          (ShelterWindow  *self);
/* Template callbacks. */
void           _shelter_window_unlocked_cb             (ShelterWindow     *self,
                                                        ShelterLockPage   *page);
void           _shelter_window_switch_user_cb          (ShelterWindow     *self,
                                                        ShelterLockPage   *page);
void           _shelter_window_sign_in_back_cb         (ShelterWindow     *self,
                                                        ShelterSignInPage *page);

/* shelter-window-backup.c */
void           _shelter_window_schedule_backup         (ShelterWindow  *self);
void           _shelter_window_cancel_scheduled_backup (ShelterWindow  *self);
void           _shelter_window_cancel_restore          (ShelterWindow  *self);

G_END_DECLS

#endif /* SHELTER_WINDOW_INTERNALS */
