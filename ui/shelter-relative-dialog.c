/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-relative-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-reference.h"
#include "shelter-relative-dialog.h"
#include "shelter-ui-private.h"

struct _ShelterRelativeDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;
  gint64          person_id;
  gint64          relative_id;  /* 0: a new relative */
  gint64          version;
  /* ShelterReferenceEntry of the provinces, and of the communes of the province chosen, in
   * the order of their lists after the first item ("Not recorded"). */
  GPtrArray      *provinces;
  GPtrArray      *communes;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwEntryRow    *name_row;
  AdwComboRow    *relation_row;
  GtkStringList  *relation_list;
  AdwEntryRow    *phone_row;
  AdwActionRow   *province_row;
  GtkDropDown    *province_drop_down;
  GtkStringList  *province_list;
  AdwActionRow   *commune_row;
  GtkDropDown    *commune_drop_down;
  GtkStringList  *commune_list;
  AdwEntryRow    *detail_row;
  AdwActionRow   *contact_row;
  GtkSwitch      *contact_switch;
  AdwComboRow    *safety_row;
  GtkStringList  *safety_list;
  AdwActionRow   *involved_row;
  GtkSwitch      *involved_switch;
  AdwEntryRow    *reason_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterRelativeDialog, shelter_relative_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The relation list starts with "Choose…" (nothing chosen); safety has no such item. */
#define RELATION_OFFSET 1

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static const char *
get_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= enumeration->n_values)
    return NULL;
  return enumeration->values[selected - offset].code;
}

static void
set_enum_code (AdwComboRow       *row,
               const ShelterEnum *enumeration,
               guint              offset,
               const char        *code)
{
  for (guint i = 0; code != NULL && i < enumeration->n_values; i++)
    if (g_str_equal (enumeration->values[i].code, code))
      {
        adw_combo_row_set_selected (row, i + offset);
        return;
      }
}

static void
fill_enum_list (GtkStringList     *list,
                const ShelterEnum *enumeration)
{
  for (guint i = 0; i < enumeration->n_values; i++)
    gtk_string_list_append (list, shelter_enum_label (enumeration, enumeration->values[i].code));
}

/* Provinces and communes */

static void
fill_reference_list (GtkStringList  *list,
                     GPtrArray     **slot,
                     GPtrArray      *entries)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = entries;
  g_ptr_array_add (names, (gpointer) C_("field value", "Not recorded"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (names, entry->full_name != NULL ? entry->full_name
                              : entry->name != NULL ? entry->name : entry->code);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (list, 0, n_items, (const char * const *) names->pdata);
}

static const char *
get_selected_code (GtkDropDown *drop_down,
                   GPtrArray   *entries)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  ShelterReferenceEntry *entry;

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || entries == NULL ||
      selected - 1 >= entries->len)
    return NULL;
  entry = g_ptr_array_index (entries, selected - 1);
  return entry->code;
}

static void
select_code (GtkDropDown *drop_down,
             GPtrArray   *entries,
             const char  *code)
{
  for (guint i = 0; entries != NULL && code != NULL && i < entries->len; i++)
    {
      ShelterReferenceEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->code, code) == 0)
        {
          gtk_drop_down_set_selected (drop_down, i + 1);
          return;
        }
    }
  gtk_drop_down_set_selected (drop_down, 0);
}

static void
load_communes (ShelterRelativeDialog *self,
               const char            *province_code)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *communes = NULL;

  if (province_code != NULL)
    {
      communes = shelter_reference_communes (shelter_session_get_db (self->session),
                                             SHELTER_ADDRESS_SCHEME, province_code, &error);
      if (communes == NULL)
        g_warning ("Cannot list the communes of %s: %s", province_code, error->message);
    }
  fill_reference_list (self->commune_list, &self->communes, communes);
  gtk_drop_down_set_selected (self->commune_drop_down, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commune_row), province_code != NULL);
}

static void
province_selected_cb (ShelterRelativeDialog *self,
                      GParamSpec            *pspec,
                      GtkDropDown           *drop_down)
{
  if (self->session == NULL)
    return;
  _shelter_ui_set_error (GTK_WIDGET (self->province_row), FALSE);
  load_communes (self, get_selected_code (self->province_drop_down, self->provinces));
}

/* Errors */

static void
clear_errors (ShelterRelativeDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->relation_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->province_row),
    GTK_WIDGET (self->commune_row), GTK_WIDGET (self->detail_row),
    GTK_WIDGET (self->safety_row), GTK_WIDGET (self->reason_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
show_error (ShelterRelativeDialog *self,
            const GError          *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_RELATIVE_NAME:
          row = GTK_WIDGET (self->name_row);
          break;
        case SHELTER_FIELD_RELATIVE_RELATION:
          row = GTK_WIDGET (self->relation_row);
          break;
        case SHELTER_FIELD_RELATIVE_PHONE:
          row = GTK_WIDGET (self->phone_row);
          break;
        case SHELTER_FIELD_RELATIVE_ADDRESS:
          /* The province when it is the one at fault or none is chosen, else the rest. */
          if (get_selected_code (self->province_drop_down, self->provinces) == NULL)
            row = GTK_WIDGET (self->province_row);
          else if (*get_text (self->detail_row) != '\0' &&
                   get_selected_code (self->commune_drop_down, self->communes) != NULL)
            row = GTK_WIDGET (self->detail_row);
          else
            row = GTK_WIDGET (self->commune_row);
          break;
        case SHELTER_FIELD_RELATIVE_SAFETY:
          row = GTK_WIDGET (self->safety_row);
          break;
        case SHELTER_FIELD_RELATIVE_SAFETY_REASON:
          row = GTK_WIDGET (self->reason_row);
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
shelter_relative_dialog_save (ShelterRelativeDialog *self)
{
  g_autoptr(GError) error = NULL;
  ShelterRelativeInput input = {
    .id = self->relative_id,
    .version = self->version,
    .person_id = self->person_id,
    .full_name = get_text (self->name_row),
    .relation = get_enum_code (self->relation_row, &shelter_family_relation, RELATION_OFFSET),
    .phone = get_text (self->phone_row),
    .province_code = get_selected_code (self->province_drop_down, self->provinces),
    .commune_code = get_selected_code (self->commune_drop_down, self->communes),
    .address_detail = get_text (self->detail_row),
    .may_contact = gtk_switch_get_active (self->contact_switch),
    .safety = get_enum_code (self->safety_row, &shelter_family_safety, 0),
    .involved = gtk_switch_get_active (self->involved_switch),
    .safety_reason = get_text (self->reason_row),
  };

  clear_errors (self);
  if (shelter_family_save_relative (self->session, &input, &error) == 0)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterRelativeDialog *self,
                 GtkButton             *button)
{
  shelter_relative_dialog_save (self);
}

static void
row_changed_cb (ShelterRelativeDialog *self,
                GtkEditable           *editable)
{
  /* Typing in a field marked wrong is correcting it. */
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterRelativeDialog *self,
                  AdwEntryRow           *row)
{
  shelter_relative_dialog_save (self);
}

ShelterRelativeDialog *
shelter_relative_dialog_new (ShelterSession           *session,
                             gint64                    person_id,
                             const char               *name,
                             const ShelterRelativeRow *relative)
{
  ShelterRelativeDialog *self;
  g_autoptr(GError) error = NULL;
  GPtrArray *provinces;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);
  g_return_val_if_fail (person_id > 0, NULL);

  self = g_object_new (SHELTER_TYPE_RELATIVE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->person_id = person_id;

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_string_list_append (self->relation_list, _("Choose…"));
  fill_enum_list (self->relation_list, &shelter_family_relation);
  fill_enum_list (self->safety_list, &shelter_family_safety);
  set_enum_code (self->safety_row, &shelter_family_safety, 0, "unknown");

  provinces = shelter_reference_provinces (shelter_session_get_db (session),
                                           SHELTER_ADDRESS_SCHEME, &error);
  if (provinces == NULL)
    g_warning ("Cannot list the provinces: %s", error->message);
  fill_reference_list (self->province_list, &self->provinces, provinces);
  gtk_drop_down_set_selected (self->province_drop_down, 0);
  load_communes (self, NULL);

  if (relative != NULL)
    {
      self->relative_id = relative->id;
      self->version = relative->version;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Relative"));
      adw_window_title_set_title (self->window_title, _("Edit Relative"));
      set_text (self->name_row, relative->full_name);
      set_enum_code (self->relation_row, &shelter_family_relation, RELATION_OFFSET,
                     relative->relation);
      set_text (self->phone_row, relative->phone);
      if (relative->province_code != NULL)
        {
          select_code (self->province_drop_down, self->provinces, relative->province_code);
          /* Selecting loaded the communes of the province. */
          select_code (self->commune_drop_down, self->communes, relative->commune_code);
        }
      set_text (self->detail_row, relative->address_detail);
      gtk_switch_set_active (self->contact_switch, relative->may_contact);
      set_enum_code (self->safety_row, &shelter_family_safety, 0, relative->safety);
      gtk_switch_set_active (self->involved_switch, relative->involved);
      set_text (self->reason_row, relative->safety_reason);
    }
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

static void
shelter_relative_dialog_dispose (GObject *object)
{
  ShelterRelativeDialog *self = SHELTER_RELATIVE_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->provinces, g_ptr_array_unref);
  g_clear_pointer (&self->communes, g_ptr_array_unref);

  G_OBJECT_CLASS (shelter_relative_dialog_parent_class)->dispose (object);
}

static void
shelter_relative_dialog_class_init (ShelterRelativeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_relative_dialog_dispose;

  /* The relative was stored. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-relative-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, relation_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, relation_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, province_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, province_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, province_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, commune_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, commune_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, commune_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, detail_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, contact_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, safety_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, safety_list);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, involved_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, involved_switch);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRelativeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, province_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_relative_dialog_init (ShelterRelativeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));
  _shelter_ui_name_drop_down_search (self->province_drop_down);
  _shelter_ui_name_drop_down_search (self->commune_drop_down);
}
