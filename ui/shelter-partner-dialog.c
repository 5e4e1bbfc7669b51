/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-partner-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-partner-dialog.h"
#include "shelter-ui-private.h"

struct _ShelterPartnerDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          partner_id;   /* 0 when adding */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwComboRow    *kind_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *services_row;
  GtkSwitch      *active_switch;
};

G_DEFINE_FINAL_TYPE (ShelterPartnerDialog, shelter_partner_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
row_changed_cb (ShelterPartnerDialog *self,
                GtkEditable          *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
shelter_partner_dialog_show_error (ShelterPartnerDialog *self,
                                   const GError         *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_PARTNER_KIND:
          row = GTK_WIDGET (self->kind_row);
          break;
        case SHELTER_FIELD_PARTNER_NAME:
          row = GTK_WIDGET (self->name_row);
          break;
        case SHELTER_FIELD_PARTNER_CONTACT:
          row = GTK_WIDGET (self->contact_row);
          break;
        case SHELTER_FIELD_PARTNER_PHONE:
          row = GTK_WIDGET (self->phone_row);
          break;
        case SHELTER_FIELD_PARTNER_EMAIL:
          row = GTK_WIDGET (self->email_row);
          break;
        case SHELTER_FIELD_PARTNER_TEXT:
          /* The message starts with the field's label. */
          row = g_str_has_prefix (error->message, _("Services"))
                ? GTK_WIDGET (self->services_row) : GTK_WIDGET (self->address_row);
          break;
        default:
          break;
        }
    }
  _shelter_ui_show_message (self->error_label, error->message);
  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label,
                                      NULL, -1);
      gtk_widget_grab_focus (row);
    }
}

static void
save_clicked_cb (ShelterPartnerDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char * const *kinds = shelter_partner_kinds ();
  guint selected = adw_combo_row_get_selected (self->kind_row);
  ShelterPartnerInput input = { 0 };
  GtkWidget *rows[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->name_row),
                        GTK_WIDGET (self->contact_row), GTK_WIDGET (self->phone_row),
                        GTK_WIDGET (self->email_row), GTK_WIDGET (self->address_row),
                        GTK_WIDGET (self->services_row) };
  gboolean saved;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);

  input.kind = selected < g_strv_length ((char **) kinds) ? kinds[selected] : NULL;
  input.name = get_text (self->name_row);
  input.contact_person = get_text (self->contact_row);
  input.phone = get_text (self->phone_row);
  input.email = get_text (self->email_row);
  input.address = get_text (self->address_row);
  input.services = get_text (self->services_row);
  input.inactive = !gtk_switch_get_active (self->active_switch);

  if (self->partner_id == 0)
    saved = shelter_partners_add (self->session, &input, &error) != 0;
  else
    saved = shelter_partners_update (self->session, self->partner_id, &input, &error);
  if (!saved)
    {
      shelter_partner_dialog_show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

ShelterPartnerDialog *
shelter_partner_dialog_new (ShelterSession          *session,
                            const ShelterPartnerRow *partner)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *kinds = shelter_partner_kinds ();
  ShelterPartnerDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_PARTNER_DIALOG, NULL);
  self->session = g_object_ref (session);
  for (guint i = 0; kinds[i] != NULL; i++)
    gtk_string_list_append (labels, shelter_partner_kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));

  if (partner != NULL)
    {
      self->partner_id = partner->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Partner"));
      adw_window_title_set_title (self->window_title, _("Edit Partner"));
      adw_window_title_set_subtitle (self->window_title, partner->name);
      for (guint i = 0; kinds[i] != NULL; i++)
        if (g_strcmp0 (kinds[i], partner->kind) == 0)
          adw_combo_row_set_selected (self->kind_row, i);
#define SET(row, value) gtk_editable_set_text (GTK_EDITABLE (self->row), (value) ? (value) : "")
      SET (name_row, partner->name);
      SET (contact_row, partner->contact_person);
      SET (phone_row, partner->phone);
      SET (email_row, partner->email);
      SET (address_row, partner->address);
      SET (services_row, partner->services);
#undef SET
      gtk_switch_set_active (self->active_switch, partner->active);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}

static void
shelter_partner_dialog_dispose (GObject *object)
{
  ShelterPartnerDialog *self = SHELTER_PARTNER_DIALOG (object);

  g_clear_object (&self->session);
  G_OBJECT_CLASS (shelter_partner_dialog_parent_class)->dispose (object);
}

static void
shelter_partner_dialog_class_init (ShelterPartnerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_partner_dialog_dispose;

  /* The partner was added or changed. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-partner-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, services_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterPartnerDialog, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_partner_dialog_init (ShelterPartnerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
