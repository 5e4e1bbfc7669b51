/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-admin-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts-page.h"
#include "shelter-admin-page.h"
#include "shelter-audit-page.h"
#include "shelter-backup-page.h"
#include "shelter-enums.h"
#include "shelter-holidays-page.h"
#include "shelter-import-dialog.h"
#include "shelter-partners-page.h"
#include "shelter-placement-rules-page.h"
#include "shelter-rates-page.h"
#include "shelter-rooms-admin-page.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterAdminPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;

  /* Template widgets */
  AdwViewStack        *stack;
  AdwViewStackPage    *accounts_stack_page;
  AdwViewStackPage    *audit_stack_page;
  AdwViewStackPage    *backup_stack_page;
  AdwViewStackPage    *holidays_stack_page;
  AdwViewStackPage    *rooms_stack_page;
  AdwViewStackPage    *rules_stack_page;
  AdwViewStackPage    *rates_stack_page;
  AdwViewStackPage    *partners_stack_page;
  AdwViewStackPage    *import_stack_page;
  AdwViewStackPage    *account_stack_page;
  ShelterAccountsPage *accounts_page;
  ShelterAuditPage    *audit_page;
  ShelterBackupPage   *backup_page;
  ShelterHolidaysPage *holidays_page;
  ShelterRoomsAdminPage *rooms_page;
  ShelterPlacementRulesPage *rules_page;
  ShelterRatesPage    *rates_page;
  ShelterPartnersPage *partners_page;
  AdwActionRow        *full_name_row;
  AdwActionRow        *username_row;
  AdwActionRow        *role_row;
  AdwViewSwitcherBar  *switcher_bar;
};

G_DEFINE_FINAL_TYPE (ShelterAdminPage, shelter_admin_page, ADW_TYPE_BIN)

gboolean
shelter_admin_page_session_may_see (ShelterSession *session)
{
  g_return_val_if_fail (session == NULL || SHELTER_IS_SESSION (session), FALSE);

  return session != NULL
         && (shelter_session_may (session, SHELTER_PERMISSION_MANAGE_USERS)
             || shelter_session_may (session, SHELTER_PERMISSION_VIEW_AUDIT)
             || shelter_session_may (session, SHELTER_PERMISSION_BACKUP)
             || shelter_session_may (session, SHELTER_PERMISSION_MANAGE_ROOMS)
             || shelter_session_may (session, SHELTER_PERMISSION_EDIT_SETTINGS)
             || shelter_session_may (session, SHELTER_PERMISSION_IMPORT));
}

static void
shelter_admin_page_show_user (ShelterAdminPage *self)
{
  ShelterUser *user = self->session != NULL ? shelter_session_get_user (self->session) : NULL;
  const char *role = user != NULL ? shelter_user_get_role (user) : NULL;

  adw_action_row_set_subtitle (self->full_name_row,
                               user != NULL ? shelter_user_get_full_name (user) : "");
  adw_action_row_set_subtitle (self->username_row,
                               user != NULL ? shelter_user_get_username (user) : "");
  adw_action_row_set_subtitle (self->role_row,
                               role != NULL ? shelter_enum_label (&shelter_enum_role, role) : "");
}

void
shelter_admin_page_reload (ShelterAdminPage *self)
{
  GtkWidget *child;

  g_return_if_fail (SHELTER_IS_ADMIN_PAGE (self));

  child = adw_view_stack_get_visible_child (self->stack);

  if (child == GTK_WIDGET (self->accounts_page))
    shelter_accounts_page_reload (self->accounts_page);
  else if (child == GTK_WIDGET (self->audit_page))
    shelter_audit_page_reload (self->audit_page);
  else if (child == GTK_WIDGET (self->backup_page))
    shelter_backup_page_reload (self->backup_page);
  else if (child == GTK_WIDGET (self->holidays_page))
    shelter_holidays_page_reload (self->holidays_page);
  else if (child == GTK_WIDGET (self->rooms_page))
    shelter_rooms_admin_page_reload (self->rooms_page);
  else if (child == GTK_WIDGET (self->rules_page))
    shelter_placement_rules_page_reload (self->rules_page);
  else if (child == GTK_WIDGET (self->rates_page))
    shelter_rates_page_reload (self->rates_page);
  else if (child == GTK_WIDGET (self->partners_page))
    shelter_partners_page_reload (self->partners_page);
}

static void
visible_child_changed_cb (ShelterAdminPage *self,
                          GParamSpec       *pspec,
                          AdwViewStack     *stack)
{
  if (self->session != NULL)
    shelter_admin_page_reload (self);
}

void
shelter_admin_page_set_session (ShelterAdminPage *self,
                                ShelterSession   *session)
{
  gboolean may_manage_users = FALSE;
  gboolean may_view_audit = FALSE;
  gboolean may_back_up = FALSE;
  gboolean may_manage_rooms = FALSE;
  gboolean may_edit_settings = FALSE;

  g_return_if_fail (SHELTER_IS_ADMIN_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (self->session == session)
    return;

  g_set_object (&self->session, session);

  if (session != NULL)
    {
      may_manage_users = shelter_session_may (session, SHELTER_PERMISSION_MANAGE_USERS);
      may_view_audit = shelter_session_may (session, SHELTER_PERMISSION_VIEW_AUDIT);
      may_back_up = shelter_session_may (session, SHELTER_PERMISSION_BACKUP);
      may_manage_rooms = shelter_session_may (session, SHELTER_PERMISSION_MANAGE_ROOMS);
      may_edit_settings = shelter_session_may (session, SHELTER_PERMISSION_EDIT_SETTINGS);
    }

  /* Pages the session may not use get no session at all. */
  shelter_accounts_page_set_session (self->accounts_page, may_manage_users ? session : NULL);
  shelter_audit_page_set_session (self->audit_page, may_view_audit ? session : NULL);
  shelter_backup_page_set_session (self->backup_page, may_back_up ? session : NULL);
  /* Anyone may read the holidays; the page lets only an administrator change them. */
  shelter_holidays_page_set_session (self->holidays_page, session);
  shelter_rooms_admin_page_set_session (self->rooms_page, may_manage_rooms ? session : NULL);
  /* Anyone may read the rates; the page lets those who keep the centre's profile add one. */
  shelter_rates_page_set_session (self->rates_page, session);
  /* Those who refer read the directory; managers change it (the page says which). */
  shelter_partners_page_set_session (self->partners_page, session);
  /* Age groups and stay limits are the rooms' managers'; area and staff the administrator's:
   * the page lets each change their part. */
  shelter_placement_rules_page_set_session (self->rules_page,
                                            may_manage_rooms || may_edit_settings ? session
                                                                                  : NULL);

  adw_view_stack_page_set_visible (self->accounts_stack_page, may_manage_users);
  adw_view_stack_page_set_visible (self->audit_stack_page, may_view_audit);
  adw_view_stack_page_set_visible (self->backup_stack_page, may_back_up);
  adw_view_stack_page_set_visible (self->holidays_stack_page, session != NULL);
  adw_view_stack_page_set_visible (self->rooms_stack_page, may_manage_rooms);
  adw_view_stack_page_set_visible (self->rates_stack_page, session != NULL);
  adw_view_stack_page_set_visible (self->partners_stack_page, session != NULL);
  adw_view_stack_page_set_visible (self->rules_stack_page, may_manage_rooms || may_edit_settings);
  adw_view_stack_page_set_visible (self->import_stack_page,
                                   session != NULL
                                   && shelter_session_may (session, SHELTER_PERMISSION_IMPORT));

  shelter_admin_page_show_user (self);

  /* Each session starts on the first page it may see. */
  if (may_manage_users)
    adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->accounts_page));
  else if (may_view_audit)
    adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->audit_page));
  else if (may_back_up)
    adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->backup_page));
  else if (may_manage_rooms)
    adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->rooms_page));
  else
    adw_view_stack_set_visible_child_name (self->stack, "your-account");
}

AdwViewStack *
shelter_admin_page_get_stack (ShelterAdminPage *self)
{
  g_return_val_if_fail (SHELTER_IS_ADMIN_PAGE (self), NULL);

  return self->stack;
}

void
shelter_admin_page_set_bottom_switcher (ShelterAdminPage *self,
                                        gboolean          reveal)
{
  g_return_if_fail (SHELTER_IS_ADMIN_PAGE (self));

  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

/* The import */

static void
residents_imported_cb (ShelterAdminPage *self,
                       const char       *message)
{
  /* The residents list of this window shows the people brought in. */
  _shelter_window_residents_changed (GTK_WIDGET (self));
  _shelter_window_show_message (GTK_WIDGET (self), message);
}

static void
import_clicked_cb (ShelterAdminPage *self)
{
  ShelterImportDialog *dialog;

  if (self->session == NULL || !shelter_session_may (self->session, SHELTER_PERMISSION_IMPORT))
    return;
  dialog = shelter_import_dialog_new (self->session);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (residents_imported_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
shelter_admin_page_dispose (GObject *object)
{
  ShelterAdminPage *self = SHELTER_ADMIN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_ADMIN_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_admin_page_parent_class)->dispose (object);
}

static void
shelter_admin_page_class_init (ShelterAdminPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_admin_page_dispose;

  g_type_ensure (SHELTER_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (SHELTER_TYPE_AUDIT_PAGE);
  g_type_ensure (SHELTER_TYPE_BACKUP_PAGE);
  g_type_ensure (SHELTER_TYPE_HOLIDAYS_PAGE);
  g_type_ensure (SHELTER_TYPE_ROOMS_ADMIN_PAGE);
  g_type_ensure (SHELTER_TYPE_PLACEMENT_RULES_PAGE);
  g_type_ensure (SHELTER_TYPE_RATES_PAGE);
  g_type_ensure (SHELTER_TYPE_PARTNERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-admin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, accounts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, audit_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, backup_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, holidays_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rooms_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rules_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rates_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, partners_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, import_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, account_stack_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, audit_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, backup_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, holidays_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rooms_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rules_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, rates_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, partners_page);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterAdminPage, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
shelter_admin_page_init (ShelterAdminPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
