/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-partner-dialog.h"
#include "shelter-partners-page.h"
#include "shelter-referrals.h"
#include "shelter-ui-private.h"
#include "shelter-window-private.h"

struct _ShelterPartnersPage
{
  AdwBin               parent_instance;

  ShelterSession      *session;
  /* The rows in the group, removed on reload. */
  GPtrArray           *rows;
  /* The partners the rows show (ShelterPartnerRow). */
  GPtrArray           *partners;

  /* Template widgets */
  AdwPreferencesGroup *partners_group;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (ShelterPartnersPage, shelter_partners_page, ADW_TYPE_BIN)

static void
shelter_partners_page_clear (ShelterPartnersPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->partners_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->partners, g_ptr_array_unref);
}

static void
partner_saved_cb (ShelterPartnersPage  *self,
                  ShelterPartnerDialog *dialog)
{
  shelter_partners_page_reload (self);
  _shelter_window_show_message (GTK_WIDGET (self), _("Partner saved"));
}

static void
open_dialog (ShelterPartnersPage     *self,
             const ShelterPartnerRow *partner)
{
  ShelterPartnerDialog *dialog = shelter_partner_dialog_new (self->session, partner);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (partner_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
row_activated_cb (ShelterPartnersPage *self,
                  AdwActionRow        *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "partner-index"));

  if (self->session == NULL || self->partners == NULL || index >= self->partners->len)
    return;
  open_dialog (self, g_ptr_array_index (self->partners, index));
}

static void
add_clicked_cb (ShelterPartnersPage *self,
                GtkButton           *button)
{
  if (self->session != NULL)
    open_dialog (self, NULL);
}

static void
add_row (ShelterPartnersPage *self,
         GtkWidget           *row)
{
  adw_preferences_group_add (self->partners_group, row);
  g_ptr_array_add (self->rows, row);
}

void
shelter_partners_page_reload (ShelterPartnersPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean may_manage;

  g_return_if_fail (SHELTER_IS_PARTNERS_PAGE (self));

  shelter_partners_page_clear (self);
  may_manage = self->session != NULL &&
               shelter_session_may (self->session, SHELTER_PERMISSION_MANAGE_PARTNERS);
  gtk_widget_set_visible (self->add_button, may_manage);
  if (self->session == NULL)
    return;

  self->partners = shelter_partners_list (self->session, TRUE, &error);
  if (self->partners == NULL)
    {
      add_row (self, _shelter_ui_new_text_row (_("The directory could not be read"),
                                               error->message));
      return;
    }
  if (self->partners->len == 0)
    add_row (self, _shelter_ui_new_text_row (_("No partners yet"),
                                             may_manage
                                             ? _("Add the organisations the centre works with.")
                                             : _("A manager adds the organisations the centre works with.")));
  for (guint i = 0; i < self->partners->len; i++)
    {
      ShelterPartnerRow *partner = g_ptr_array_index (self->partners, i);
      g_autoptr(GString) subtitle = g_string_new (shelter_partner_kind_label (partner->kind));
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      g_string_append (subtitle, " · ");
      if (partner->contact_person != NULL)
        /* Translators: the partner's designated contact person. */
        g_string_append_printf (subtitle, _("Contact: %s"), partner->contact_person);
      else
        g_string_append (subtitle, _("No designated contact person"));
      if (partner->phone != NULL)
        g_string_append_printf (subtitle, " · %s", partner->phone);
      if (partner->email != NULL)
        g_string_append_printf (subtitle, " · %s", partner->email);
      if (partner->services != NULL)
        g_string_append_printf (subtitle, "\n%s", partner->services);
      /* Translators: a partner no longer referred to. */
      title = partner->active ? g_strdup (partner->name)
                              : g_strdup_printf (_("%s (inactive)"), partner->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      if (partner->contact_person == NULL && partner->active)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_set_tooltip_text (icon, _("No designated contact person: cannot be referred to"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("No designated contact person: cannot be referred to"),
                                          -1);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      if (may_manage)
        {
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Edit"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "partner-index", GUINT_TO_POINTER (i));
          g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      add_row (self, row);
    }
}

void
shelter_partners_page_set_session (ShelterPartnersPage *self,
                                   ShelterSession      *session)
{
  g_return_if_fail (SHELTER_IS_PARTNERS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  g_set_object (&self->session, session);
  shelter_partners_page_reload (self);
}

static void
shelter_partners_page_dispose (GObject *object)
{
  ShelterPartnersPage *self = SHELTER_PARTNERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_PARTNERS_PAGE);
  g_clear_object (&self->session);
  g_clear_pointer (&self->partners, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_partners_page_parent_class)->dispose (object);
}

static void
shelter_partners_page_finalize (GObject *object)
{
  ShelterPartnersPage *self = SHELTER_PARTNERS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_partners_page_parent_class)->finalize (object);
}

static void
shelter_partners_page_class_init (ShelterPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_partners_page_dispose;
  object_class->finalize = shelter_partners_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-partners-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnersPage, partners_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnersPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
shelter_partners_page_init (ShelterPartnersPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
