/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-rate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-meals.h"
#include "shelter-rate-dialog.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"

struct _ShelterRateDialog
{
  AdwWindow       parent_instance;

  ShelterSession *session;

  /* Template widgets */
  AdwComboRow    *kind_row;
  AdwEntryRow    *amount_row;
  AdwEntryRow    *basis_row;
  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ShelterRateDialog, shelter_rate_dialog, ADW_TYPE_WINDOW)

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
shelter_rate_dialog_clear_errors (ShelterRateDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->amount_row),
                        GTK_WIDGET (self->basis_row), GTK_WIDGET (self->from_row),
                        GTK_WIDGET (self->to_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_show_message (self->error_label, NULL);
}

static void
shelter_rate_dialog_show_error (ShelterRateDialog *self,
                                const GError      *error)
{
  GtkWidget *row = NULL;

  if (error->domain == SHELTER_FIELD_ERROR)
    {
      switch (error->code)
        {
        case SHELTER_FIELD_RATE_KIND:
          row = GTK_WIDGET (self->kind_row);
          break;
        case SHELTER_FIELD_RATE_AMOUNT:
          row = GTK_WIDGET (self->amount_row);
          break;
        case SHELTER_FIELD_RATE_BASIS:
          row = GTK_WIDGET (self->basis_row);
          break;
        case SHELTER_FIELD_RATE_FROM:
          row = GTK_WIDGET (self->from_row);
          break;
        case SHELTER_FIELD_RATE_TO:
          row = GTK_WIDGET (self->to_row);
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

/* "1.500.000", "1 500 000 ₫" or "1500000" -> 1500000; 0 when it is no whole amount (app/
 * then says what to enter). */
static gint64
parse_amount (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gint64 amount = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c) || c == '-')
        g_string_append_c (digits, (char) c);
      else if (c == '.' || g_unichar_isspace (c) || c == 0x20AB /* ₫ */ || c == 0xA0)
        continue;
      else
        return 0;
    }
  if (!g_ascii_string_to_signed (digits->str, 10, G_MININT64, G_MAXINT64, &amount, NULL))
    return 0;
  return amount;
}

static void
shelter_rate_dialog_save (ShelterRateDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint selected = adw_combo_row_get_selected (self->kind_row);
  const char *kind = selected < shelter_enum_rate_kind.n_values
                     ? shelter_enum_rate_kind.values[selected].code : NULL;

  shelter_rate_dialog_clear_errors (self);

  from = _shelter_ui_parse_day (get_text (self->from_row));
  if (from == NULL)
    from = g_strdup (get_text (self->from_row));
  to = _shelter_ui_parse_day (get_text (self->to_row));
  if (to == NULL)
    to = g_strdup (get_text (self->to_row));

  if (shelter_rates_add (self->session, kind, NULL, parse_amount (get_text (self->amount_row)),
                         get_text (self->basis_row), from, to, &error) == 0)
    {
      shelter_rate_dialog_show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_clicked_cb (ShelterRateDialog *self,
                 GtkButton         *button)
{
  shelter_rate_dialog_save (self);
}

static void
row_changed_cb (ShelterRateDialog *self,
                GtkEditable       *editable)
{
  _shelter_ui_set_error (GTK_WIDGET (editable), FALSE);
}

static void
row_activated_cb (ShelterRateDialog *self,
                  AdwEntryRow       *row)
{
  shelter_rate_dialog_save (self);
}

ShelterRateDialog *
shelter_rate_dialog_new (ShelterSession *session)
{
  ShelterRateDialog *self;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  self = g_object_new (SHELTER_TYPE_RATE_DIALOG, NULL);
  self->session = g_object_ref (session);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}

static void
shelter_rate_dialog_dispose (GObject *object)
{
  ShelterRateDialog *self = SHELTER_RATE_DIALOG (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (shelter_rate_dialog_parent_class)->dispose (object);
}

static void
shelter_rate_dialog_class_init (ShelterRateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_rate_dialog_dispose;

  /* The rate was recorded. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-rate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, ShelterRateDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shelter_rate_dialog_init (ShelterRateDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  _shelter_ui_name_entry_row_buttons (GTK_WIDGET (self));

  for (guint i = 0; i < shelter_enum_rate_kind.n_values; i++)
    gtk_string_list_append (kinds, _(shelter_enum_rate_kind.values[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}
