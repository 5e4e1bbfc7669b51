/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-setup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-accounts.h"
#include "shelter-app-error.h"
#include "shelter-centre-profile.h"
#include "shelter-setup-page.h"
#include "shelter-ui-private.h"

struct _ShelterSetupPage
{
  AdwBin          parent_instance;

  ShelterDb      *db;
  /* ShelterReferenceEntry, in the order of the province list after its first item. */
  GPtrArray      *provinces;

  /* Template widgets */
  GtkWidget      *centre_group;
  GtkWidget      *administrator_group;
  AdwEntryRow    *centre_name_row;
  AdwComboRow    *province_row;
  GtkStringList  *province_list;
  AdwEntryRow    *address_row;
  AdwEntryRow    *head_row;
  AdwEntryRow    *username_row;
  AdwEntryRow    *full_name_row;
  AdwEntryRow    *password_row;
  AdwEntryRow    *repeat_row;
  GtkLabel       *error_label;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkButton      *set_up_button;
};

G_DEFINE_FINAL_TYPE (ShelterSetupPage, shelter_setup_page, ADW_TYPE_BIN)

enum {
  SIGNAL_SET_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
shelter_setup_page_clear_errors (ShelterSetupPage *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->centre_name_row), GTK_WIDGET (self->province_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->head_row),
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->full_name_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->repeat_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_setup_page_show_step (ShelterSetupPage *self,
                              const char       *step,
                              GtkWidget        *focus)
{
  gboolean first = g_str_equal (step, "centre");

  gtk_widget_set_visible (self->centre_group, first);
  gtk_widget_set_visible (self->administrator_group, !first);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !first);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), first);
  gtk_widget_set_visible (GTK_WIDGET (self->set_up_button), !first);

  /* Emptied for no database: the page is not shown, and takes no focus. */
  if (self->db == NULL)
    return;

  if (focus == NULL)
    focus = first ? GTK_WIDGET (self->centre_name_row) : GTK_WIDGET (self->username_row);
  gtk_widget_grab_focus (focus);
}

/* Points at the row an error of app/ names, on its step. */
static void
shelter_setup_page_show_error (ShelterSetupPage *self,
                               const GError     *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_CENTRE_NAME:
          row = GTK_WIDGET (self->centre_name_row);
          break;
        case SHELTER_FIELD_CENTRE_ADDRESS:
          row = GTK_WIDGET (self->address_row);
          break;
        case SHELTER_FIELD_CENTRE_HEAD_NAME:
          row = GTK_WIDGET (self->head_row);
          break;
        case SHELTER_FIELD_USERNAME:
          row = GTK_WIDGET (self->username_row);
          break;
        case SHELTER_FIELD_FULL_NAME:
          row = GTK_WIDGET (self->full_name_row);
          break;
        case SHELTER_FIELD_PASSWORD:
        case SHELTER_FIELD_NEW_PASSWORD:
          row = GTK_WIDGET (self->password_row);
          break;
        default:
          break;
        }
    }

  if (row != NULL)
    {
      _shelter_ui_set_error (row, TRUE);
      shelter_setup_page_show_step (self,
                                    row == GTK_WIDGET (self->centre_name_row)
                                    || row == GTK_WIDGET (self->address_row)
                                    || row == GTK_WIDGET (self->head_row)
                                    ? "centre" : "administrator",
                                    row);
    }

  _shelter_ui_show_message (self->error_label, error->message);
}

static ShelterCentre *
shelter_setup_page_build_centre (ShelterSetupPage *self)
{
  g_autoptr(ShelterCentre) centre = shelter_centre_new ();
  guint selected = adw_combo_row_get_selected (self->province_row);

  shelter_centre_set_name (centre, get_text (self->centre_name_row));
  shelter_centre_set_address (centre, get_text (self->address_row));
  shelter_centre_set_head_name (centre, get_text (self->head_row));

  /* The first item is "Not chosen". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && self->provinces != NULL && selected - 1 < self->provinces->len)
    {
      ShelterReferenceEntry *province = g_ptr_array_index (self->provinces, selected - 1);

      shelter_centre_set_province_scheme (centre, province->scheme);
      shelter_centre_set_province_code (centre, province->code);
    }

  return g_steal_pointer (&centre);
}

static void
shelter_setup_page_set_up (ShelterSetupPage *self)
{
  g_autoptr(ShelterCentre) centre = NULL;
  g_autoptr(ShelterUser) admin = NULL;
  g_autoptr(ShelterSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;

  shelter_setup_page_clear_errors (self);

  /* Typing the same twice is the form's own check; every rule on the values is app/'s. */
  if (g_strcmp0 (get_text (self->password_row), get_text (self->repeat_row)) != 0)
    {
      _shelter_ui_set_error (GTK_WIDGET (self->repeat_row), TRUE);
      _shelter_ui_show_message (self->error_label,
                                _("The two passwords are not the same. Type the password "
                                  "again in both fields."));
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return;
    }

  centre = shelter_setup_page_build_centre (self);
  admin = shelter_user_new ();
  shelter_user_set_username (admin, get_text (self->username_row));
  shelter_user_set_full_name (admin, get_text (self->full_name_row));
  shelter_user_set_role (admin, "administrator");
  shelter_user_set_active (admin, TRUE);

  session = shelter_accounts_set_up_centre (self->db, centre, admin,
                                            get_text (self->password_row), &error);
  if (session == NULL)
    {
      shelter_setup_page_show_error (self, error);
      return;
    }

  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_clear_secret (GTK_EDITABLE (self->repeat_row));

  g_signal_emit (self, signals[SIGNAL_SET_UP], 0, session);
}

static void
back_clicked_cb (ShelterSetupPage *self,
                 GtkButton        *button)
{
  _shelter_ui_show_message (self->error_label, NULL);
  shelter_setup_page_show_step (self, "centre", NULL);
}

static void
next_clicked_cb (ShelterSetupPage *self,
                 GtkButton        *button)
{
  _shelter_ui_show_message (self->error_label, NULL);
  shelter_setup_page_show_step (self, "administrator", NULL);
}

static void
set_up_clicked_cb (ShelterSetupPage *self,
                   GtkButton        *button)
{
  shelter_setup_page_set_up (self);
}

/* Enter goes to the next field, and from the last one of a step on. */
static void
row_activated_cb (ShelterSetupPage *self,
                  AdwEntryRow      *row)
{
  if (row == self->centre_name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->province_row));
  else if (row == self->address_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->head_row));
  else if (row == self->head_row)
    next_clicked_cb (self, NULL);
  else if (row == self->username_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
  else if (row == self->full_name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else if (row == self->password_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else if (row == self->repeat_row)
    shelter_setup_page_set_up (self);
}

static void
shelter_setup_page_load_provinces (ShelterSetupPage *self)
{
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->province_list));

  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  gtk_string_list_splice (self->province_list, 0, n_items, NULL);
  gtk_string_list_append (self->province_list, C_("province", "Not chosen"));

  if (self->db == NULL)
    return;

  self->provinces = shelter_centre_profile_provinces (self->db, &error);
  if (self->provinces == NULL)
    {
      /* The centre can still be set up; its province is then chosen later. */
      _shelter_ui_show_message (self->error_label, error->message);
      return;
    }

  for (guint i = 0; i < self->provinces->len; i++)
    {
      ShelterReferenceEntry *province = g_ptr_array_index (self->provinces, i);

      gtk_string_list_append (self->province_list,
                              province->name != NULL ? province->name : province->code);
    }

  adw_combo_row_set_selected (self->province_row, 0);
}

void
shelter_setup_page_set_db (ShelterSetupPage *self,
                           ShelterDb        *db)
{
  AdwEntryRow *rows[] = {
    self->centre_name_row, self->address_row, self->head_row,
    self->username_row, self->full_name_row,
  };

  g_return_if_fail (SHELTER_IS_SETUP_PAGE (self));
  g_return_if_fail (db == NULL || SHELTER_IS_DB (db));

  g_set_object (&self->db, db);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  _shelter_ui_clear_secret (GTK_EDITABLE (self->password_row));
  _shelter_ui_clear_secret (GTK_EDITABLE (self->repeat_row));
  shelter_setup_page_clear_errors (self);

  shelter_setup_page_load_provinces (self);
  shelter_setup_page_show_step (self, "centre", NULL);
}

GtkWidget *
shelter_setup_page_new (void)
{
  return g_object_new (SHELTER_TYPE_SETUP_PAGE, NULL);
}

static void
shelter_setup_page_dispose (GObject *object)
{
  ShelterSetupPage *self = SHELTER_SETUP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_SETUP_PAGE);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (shelter_setup_page_parent_class)->dispose (object);
}

static void
shelter_setup_page_class_init (ShelterSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_setup_page_dispose;

  signals[SIGNAL_SET_UP] =
    g_signal_new ("set-up",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SHELTER_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, centre_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, administrator_group);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, centre_name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, province_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, province_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, head_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterSetupPage, set_up_button);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
shelter_setup_page_init (ShelterSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
}
