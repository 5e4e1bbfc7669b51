/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-referrals-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shelter-app-error.h"
#include "shelter-domain.h"
#include "shelter-reception.h"
#include "shelter-referral-dialog.h"
#include "shelter-referrals.h"
#include "shelter-referrals-page.h"
#include "shelter-residents-model.h"
#include "shelter-text.h"
#include "shelter-ui-private.h"
#include "shelter-ui-time.h"
#include "shelter-window-private.h"

/* Residents offered by a search in the new referral's dialog. */
#define PICK_LIMIT 20

struct _ShelterReferralsPage
{
  AdwBin           parent_instance;

  ShelterSession  *session;
  GListStore      *store;

  /* The new referral's dialog, or the incoming referral's, while open. */
  GtkWindow             *new_dialog;
  gboolean               new_incoming;
  AdwEntryRow           *subject_row;   /* incoming: the person, as the sender names them */
  AdwEntryRow           *received_row;  /* incoming: the day it came */
  ShelterResidentsModel *residents;
  GtkListBox            *resident_list;
  GtkSearchEntry        *resident_entry;
  AdwComboRow           *partner_row;
  AdwEntryRow           *purpose_row;
  GtkLabel              *new_error_label;
  GArray                *partner_ids;

  /* Template widgets */
  GtkToggleButton *outgoing_button;
  GtkToggleButton *incoming_button;
  GtkDropDown     *status_drop_down;
  GtkWidget       *new_button;
  GtkWidget       *incoming_new_button;
  GtkLabel        *error_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;
};

G_DEFINE_FINAL_TYPE (ShelterReferralsPage, shelter_referrals_page, ADW_TYPE_BIN)

static const char * const statuses[] = { "draft", "sent", "accepted", "declined", "completed",
                                         "withdrawn", NULL };

typedef enum
{
  COLUMN_RESIDENT,
  COLUMN_PARTNER,
  COLUMN_PURPOSE,
  COLUMN_STATUS,
  COLUMN_SENT,
  COLUMN_DEADLINES,
} Column;

/* "Lò Thị Mai (LC-2026-0001)"; the case code only for a protected resident, as app/ returned
 * it; the person named by the sender for an incoming referral of someone not received yet. */
static char *
describe_person (ShelterReferralEntry *entry)
{
  const char *code = shelter_referral_entry_get_case_code (entry);
  const char *name = shelter_referral_entry_get_resident_name (entry);

  if (code == NULL)
    return g_strdup (shelter_referral_entry_get_row (entry)->subject);
  if (name == NULL)
    return g_strdup (code);
  return g_strdup_printf ("%s (%s)", name, code);
}

static char *
describe_deadlines (ShelterReferralEntry *entry)
{
  const ShelterReferralRow *row = shelter_referral_entry_get_row (entry);
  g_autofree char *answer = NULL;
  g_autofree char *result = NULL;

  switch (shelter_referral_entry_get_overdue (entry))
    {
    case SHELTER_REFERRAL_ANSWER_OVERDUE:
      answer = shelter_text_format_date (shelter_referral_entry_get_answer_due (entry));
      /* Translators: %s is the day the answer was due. */
      return g_strdup_printf (_("Overdue: answer due %s"), answer);
    case SHELTER_REFERRAL_RESULT_OVERDUE:
      result = shelter_text_format_date (shelter_referral_entry_get_result_due (entry));
      /* Translators: %s is the day the first result was due. */
      return g_strdup_printf (_("Overdue: first result due %s"), result);
    case SHELTER_REFERRAL_ON_TIME:
    default:
      break;
    }
  if (g_str_equal (row->status, "sent") && shelter_referral_entry_get_answer_due (entry) != NULL)
    {
      answer = shelter_text_format_date (shelter_referral_entry_get_answer_due (entry));
      return g_strdup_printf (_("Answer by %s"), answer);
    }
  if (g_str_equal (row->status, "accepted") && row->result_on == NULL &&
      shelter_referral_entry_get_result_due (entry) != NULL)
    {
      result = shelter_text_format_date (shelter_referral_entry_get_result_due (entry));
      return g_strdup_printf (_("First result by %s"), result);
    }
  return g_strdup ("");
}

static char *
column_text (ShelterReferralEntry *entry,
             Column                column)
{
  const ShelterReferralRow *row = shelter_referral_entry_get_row (entry);

  switch (column)
    {
    case COLUMN_RESIDENT:
      return describe_person (entry);
    case COLUMN_PARTNER:
      return g_strdup (shelter_referral_entry_get_partner_name (entry));
    case COLUMN_PURPOSE:
      return g_strdup (row->purpose);
    case COLUMN_STATUS:
      return g_strdup (shelter_referral_status_label (row->status));
    case COLUMN_SENT:
      return row->sent_on != NULL ? shelter_text_format_date (row->sent_on) : g_strdup ("");
    case COLUMN_DEADLINES:
      return describe_deadlines (entry);
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  if (GPOINTER_TO_INT (data) == COLUMN_DEADLINES)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overdue"), -1);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  data)
{
  ShelterReferralEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (entry, GPOINTER_TO_INT (data));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
  if (GPOINTER_TO_INT (data) == COLUMN_DEADLINES)
    {
      gboolean overdue = shelter_referral_entry_get_overdue (entry) != SHELTER_REFERRAL_ON_TIME;

      gtk_widget_set_visible (gtk_widget_get_first_child (box), overdue);
      if (overdue)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

static void
add_column (ShelterReferralsPage *self,
            const char           *title,
            Column                column,
            gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* New Referral… on the Outgoing view, Record Incoming Referral… on the Incoming view, for
 * sessions that may refer. */
static void
update_buttons (ShelterReferralsPage *self)
{
  gboolean may = self->session != NULL && shelter_session_may (self->session, SHELTER_PERMISSION_REFER);
  gboolean incoming = gtk_toggle_button_get_active (self->incoming_button);

  gtk_widget_set_visible (self->new_button, may && !incoming);
  gtk_widget_set_visible (self->incoming_new_button, may && incoming);
}

void
shelter_referrals_page_reload (ShelterReferralsPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  const char *direction;
  const char *status = NULL;
  guint selected;

  g_return_if_fail (SHELTER_IS_REFERRALS_PAGE (self));

  g_list_store_remove_all (self->store);
  _shelter_ui_show_message (self->error_label, NULL);
  update_buttons (self);
  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  direction = gtk_toggle_button_get_active (self->incoming_button) ? "incoming" : "outgoing";
  selected = gtk_drop_down_get_selected (self->status_drop_down);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= G_N_ELEMENTS (statuses) - 1)
    status = statuses[selected - 1];

  entries = shelter_referrals_list_entries (self->session, direction, 0, &error);
  if (entries == NULL)
    {
      _shelter_ui_show_message (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      ShelterReferralEntry *entry = g_ptr_array_index (entries, i);

      if (status == NULL || g_str_equal (shelter_referral_entry_get_row (entry)->status, status))
        g_list_store_append (self->store, entry);
    }
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0
                                    ? "list" : "empty");
}

static void
filter_changed_cb (ShelterReferralsPage *self)
{
  shelter_referrals_page_reload (self);
}

static void
referral_changed_cb (ShelterReferralsPage  *self,
                     ShelterReferralDialog *dialog)
{
  shelter_referrals_page_reload (self);
}

static void
open_referral (ShelterReferralsPage *self,
               gint64                referral_id)
{
  ShelterReferralDialog *dialog = shelter_referral_dialog_new (self->session, referral_id);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (referral_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (dialog));
}

static void
row_activated_cb (ShelterReferralsPage *self,
                  guint                 position,
                  GtkColumnView        *view)
{
  g_autoptr(ShelterReferralEntry) entry =
    g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (entry != NULL && self->session != NULL)
    open_referral (self, shelter_referral_entry_get_row (entry)->id);
}

/* The new referral */

static void
new_dialog_destroyed_cb (ShelterReferralsPage *self)
{
  self->new_dialog = NULL;
  self->resident_list = NULL;
  self->resident_entry = NULL;
  self->partner_row = NULL;
  self->purpose_row = NULL;
  self->subject_row = NULL;
  self->received_row = NULL;
  self->new_error_label = NULL;
  g_clear_object (&self->residents);
  g_clear_pointer (&self->partner_ids, g_array_unref);
}

static void
resident_search_cb (ShelterReferralsPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text;
  guint n;

  if (self->new_dialog == NULL)
    return;
  _shelter_ui_clear_list_box (self->resident_list);
  text = gtk_editable_get_text (GTK_EDITABLE (self->resident_entry));
  if (self->new_incoming)
    {
      /* The person is often not received yet: no stay, chosen unless a search finds one. */
      GtkWidget *none = _shelter_ui_new_text_row (_("Not staying here yet"),
                                                  _("The person named above"));

      gtk_list_box_append (self->resident_list, none);
      gtk_list_box_select_row (self->resident_list, GTK_LIST_BOX_ROW (none));
      if (text[0] == '\0')
        return;
    }
  if (!shelter_residents_model_set_search (self->residents, text, &error))
    {
      gtk_list_box_append (self->resident_list, _shelter_ui_new_text_row (error->message, NULL));
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->residents));
  for (guint i = 0; i < MIN (n, PICK_LIMIT); i++)
    {
      g_autoptr(ShelterResidentSummary) summary =
        g_list_model_get_item (G_LIST_MODEL (self->residents), i);
      g_autofree char *title = NULL;
      GtkWidget *row;
      gint64 person_id;

      /* A protected resident's name is already masked by app/. */
      title = g_strdup_printf ("%s (%s)", shelter_resident_summary_get_full_name (summary),
                               shelter_resident_summary_get_case_code (summary));
      row = _shelter_ui_new_text_row (title, shelter_resident_summary_get_room_code (summary));
      person_id = shelter_resident_summary_get_person_id (summary);
      g_object_set_data_full (G_OBJECT (row), "person-id",
                              g_memdup2 (&person_id, sizeof person_id), g_free);
      gtk_list_box_append (self->resident_list, row);
    }
  if (n == 0)
    gtk_list_box_append (self->resident_list,
                         _shelter_ui_new_text_row (_("No resident staying now matches"), NULL));
  else
    gtk_list_box_select_row (self->resident_list,
                             gtk_list_box_get_row_at_index (self->resident_list,
                                                            self->new_incoming ? 1 : 0));
}

static void
incoming_save_cb (ShelterReferralsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterStay) stay = NULL;
  g_autofree char *day = NULL;
  GtkListBoxRow *selected;
  GtkWidget *rows[4];
  GtkWidget *row = NULL;
  gint64 *person_id;
  guint partner;
  gint64 id;

  if (self->new_dialog == NULL || self->session == NULL)
    return;
  rows[0] = GTK_WIDGET (self->partner_row);
  rows[1] = GTK_WIDGET (self->subject_row);
  rows[2] = GTK_WIDGET (self->purpose_row);
  rows[3] = GTK_WIDGET (self->received_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    _shelter_ui_set_error (rows[i], FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->resident_list), FALSE);
  _shelter_ui_show_message (self->new_error_label, NULL);

  selected = gtk_list_box_get_selected_row (self->resident_list);
  person_id = selected != NULL ? g_object_get_data (G_OBJECT (selected), "person-id") : NULL;
  if (person_id != NULL)
    {
      stay = shelter_stay_open_latest (self->session, *person_id, &error);
      if (stay == NULL)
        {
          _shelter_ui_show_message (self->new_error_label,
                                    error != NULL ? error->message
                                                  : _("Resident: no stay is recorded."));
          _shelter_ui_set_error (GTK_WIDGET (self->resident_list), TRUE);
          return;
        }
    }
  day = _shelter_ui_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  if (day == NULL)
    day = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  partner = adw_combo_row_get_selected (self->partner_row);
  id = shelter_referrals_receive (self->session,
                                  partner < self->partner_ids->len
                                  ? g_array_index (self->partner_ids, gint64, partner) : 0,
                                  stay != NULL ? shelter_stay_get_id (stay) : 0,
                                  gtk_editable_get_text (GTK_EDITABLE (self->subject_row)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->purpose_row)),
                                  day, &error);
  if (id == 0)
    {
      if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_PARTNER))
        row = rows[0];
      else if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_TEXT))
        row = rows[1];
      else if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_PURPOSE))
        row = rows[2];
      else if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_DATE))
        row = rows[3];
      _shelter_ui_show_message (self->new_error_label, error->message);
      if (row != NULL)
        {
          _shelter_ui_set_error (row, TRUE);
          gtk_widget_grab_focus (row);
        }
      return;
    }
  gtk_window_destroy (self->new_dialog);
  /* Shown in the list: the Incoming view, every status. */
  gtk_toggle_button_set_active (self->incoming_button, TRUE);
  gtk_drop_down_set_selected (self->status_drop_down, 0);
  shelter_referrals_page_reload (self);
  _shelter_window_show_message (GTK_WIDGET (self), _("Incoming referral recorded"));
}

static void
new_create_cb (ShelterReferralsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShelterStay) stay = NULL;
  GtkListBoxRow *selected;
  gint64 *person_id;
  guint partner;
  gint64 id;

  if (self->new_dialog == NULL || self->session == NULL)
    return;
  _shelter_ui_set_error (GTK_WIDGET (self->resident_list), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->partner_row), FALSE);
  _shelter_ui_set_error (GTK_WIDGET (self->purpose_row), FALSE);
  _shelter_ui_show_message (self->new_error_label, NULL);

  selected = gtk_list_box_get_selected_row (self->resident_list);
  person_id = selected != NULL ? g_object_get_data (G_OBJECT (selected), "person-id") : NULL;
  if (person_id == NULL)
    {
      _shelter_ui_show_message (self->new_error_label,
                                _("Resident: search for the resident and choose them in the list."));
      _shelter_ui_set_error (GTK_WIDGET (self->resident_list), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->resident_entry));
      return;
    }
  stay = shelter_stay_open_latest (self->session, *person_id, &error);
  partner = adw_combo_row_get_selected (self->partner_row);
  if (stay != NULL)
    id = shelter_referrals_create (self->session, shelter_stay_get_id (stay),
                                   partner < self->partner_ids->len
                                   ? g_array_index (self->partner_ids, gint64, partner) : 0,
                                   gtk_editable_get_text (GTK_EDITABLE (self->purpose_row)),
                                   &error);
  else
    id = 0;
  if (id == 0)
    {
      GtkWidget *row = NULL;

      if (error == NULL)
        {
          _shelter_ui_show_message (self->new_error_label, _("Resident: no stay is recorded."));
          return;
        }
      if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_PARTNER))
        row = GTK_WIDGET (self->partner_row);
      else if (g_error_matches (error, SHELTER_FIELD_ERROR, SHELTER_FIELD_REFERRAL_PURPOSE))
        row = GTK_WIDGET (self->purpose_row);
      _shelter_ui_show_message (self->new_error_label, error->message);
      if (row != NULL)
        {
          _shelter_ui_set_error (row, TRUE);
          gtk_widget_grab_focus (row);
        }
      return;
    }
  gtk_window_destroy (self->new_dialog);
  shelter_referrals_page_reload (self);
  _shelter_window_show_message (GTK_WIDGET (self), _("Referral created as a draft"));
  open_referral (self, id);
}

/* The new (outgoing) referral's dialog, or, when @incoming, the one recording a referral
 * another agency makes to the centre. */
static void
open_new_dialog (ShelterReferralsPage *self,
                 gboolean              incoming)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *box, *header, *cancel, *create, *page, *group, *scrolled;
  GtkWidget *title;
  GtkWidget *partner_group;
  const char *heading = incoming ? _("Record Incoming Referral") : _("New Referral");

  if (self->session == NULL)
    return;
  if (self->new_dialog != NULL)
    {
      if (self->new_incoming == incoming)
        {
          gtk_window_present (self->new_dialog);
          return;
        }
      gtk_window_destroy (self->new_dialog);
    }
  partners = shelter_partners_list (self->session, FALSE, &error);
  if (partners == NULL)
    {
      _shelter_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), heading);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (heading, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  create = gtk_button_new_with_mnemonic (incoming ? _("_Save") : _("C_reate"));
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect_object (create, "clicked",
                           incoming ? G_CALLBACK (incoming_save_cb) : G_CALLBACK (new_create_cb),
                           self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = adw_preferences_group_new ();
  self->new_error_label = g_object_new (GTK_TYPE_LABEL, "accessible-role",
                                        GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_wrap (self->new_error_label, TRUE);
  gtk_label_set_xalign (self->new_error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->new_error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* Incoming: who refers the person comes first. */
  partner_group = NULL;
  if (incoming)
    {
      partner_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (partner_group), _("Referred By"));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (partner_group));
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   incoming ? _("Person") : _("Resident"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         incoming
                                         ? _("The person as the referring agency names them; if they are staying here now, search for them and choose them.")
                                         : _("A resident staying now: search by name, case code, ID or phone."));
  if (incoming)
    {
      self->subject_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->subject_row), _("Name as Given"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->subject_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name as given"), -1);
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->subject_row), 12);
      g_signal_connect_object (self->subject_row, "entry-activated", G_CALLBACK (incoming_save_cb),
                               self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->subject_row));
    }
  self->resident_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->resident_entry), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->resident_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search residents"), -1);
  g_object_set (self->resident_entry, "placeholder-text",
                _("Name, case code, ID or phone"), NULL);
  g_signal_connect_object (self->resident_entry, "search-changed",
                           G_CALLBACK (resident_search_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->resident_entry));
  self->resident_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->resident_list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->resident_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->resident_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Residents staying now"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->resident_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scrolled);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Referral"));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < partners->len; i++)
    {
      ShelterPartnerRow *partner = g_ptr_array_index (partners, i);
      g_autofree char *label = g_strdup_printf ("%s · %s", partner->name,
                                                shelter_partner_kind_label (partner->kind));

      gtk_string_list_append (labels, label);
      g_array_append_val (self->partner_ids, partner->id);
    }
  self->partner_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->partner_row),
                                 incoming ? _("Referring Partner") : _("Partner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->partner_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  incoming ? _("Referring partner") : _("Partner"), -1);
  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (labels));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (partner_group != NULL ? partner_group : group),
                             GTK_WIDGET (self->partner_row));
  self->purpose_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->purpose_row), _("Purpose"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->purpose_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Purpose"), -1);
  g_signal_connect_object (self->purpose_row, "entry-activated",
                           incoming ? G_CALLBACK (incoming_save_cb) : G_CALLBACK (new_create_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->purpose_row));
  if (incoming)
    {
      g_autoptr(GDateTime) now = shelter_session_now (self->session);
      g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

      self->received_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->received_row),
                                     _("Received On (dd/mm/yyyy)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->received_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Received on"), -1);
      gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
      g_signal_connect_object (self->received_row, "entry-activated",
                               G_CALLBACK (incoming_save_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->received_row));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_window_set_content (ADW_WINDOW (window), box);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }

  self->new_dialog = GTK_WINDOW (window);
  self->new_incoming = incoming;
  self->residents = shelter_residents_model_new (self->session);
  shelter_residents_model_set_filter (self->residents, SHELTER_RESIDENT_FILTER_IN_RESIDENCE, NULL);
  g_signal_connect_object (window, "destroy", G_CALLBACK (new_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  resident_search_cb (self);
  _shelter_ui_name_entry_row_buttons (window);
  _shelter_window_present_dialog (GTK_WIDGET (self), GTK_WINDOW (window));
  gtk_widget_grab_focus (incoming ? GTK_WIDGET (self->subject_row)
                                  : GTK_WIDGET (self->resident_entry));
}

static void
new_clicked_cb (ShelterReferralsPage *self,
                GtkButton            *button)
{
  open_new_dialog (self, FALSE);
}

static void
incoming_new_clicked_cb (ShelterReferralsPage *self,
                         GtkButton            *button)
{
  open_new_dialog (self, TRUE);
}

void
shelter_referrals_page_set_session (ShelterReferralsPage *self,
                                    ShelterSession       *session)
{
  g_return_if_fail (SHELTER_IS_REFERRALS_PAGE (self));
  g_return_if_fail (session == NULL || SHELTER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  if (self->new_dialog != NULL)
    gtk_window_destroy (self->new_dialog);
  g_list_store_remove_all (self->store);
  gtk_toggle_button_set_active (self->outgoing_button, TRUE);
  gtk_drop_down_set_selected (self->status_drop_down, 0);
  update_buttons (self);
  /* Read when the section is opened: shelter_referrals_page_reload(). */
}

static void
shelter_referrals_page_dispose (GObject *object)
{
  ShelterReferralsPage *self = SHELTER_REFERRALS_PAGE (object);

  if (self->new_dialog != NULL)
    gtk_window_destroy (self->new_dialog);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHELTER_TYPE_REFERRALS_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (shelter_referrals_page_parent_class)->dispose (object);
}

static void
shelter_referrals_page_class_init (ShelterReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  _shelter_ui_ensure_resources ();

  object_class->dispose = shelter_referrals_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/vn/maiam/Shelter/shelter-referrals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, outgoing_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, incoming_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, incoming_new_button);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShelterReferralsPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, incoming_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
shelter_referrals_page_init (ShelterReferralsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  self->store = g_list_store_new (SHELTER_TYPE_REFERRAL_ENTRY);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (labels, _("All Statuses"));
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (labels, shelter_referral_status_label (statuses[i]));
  gtk_drop_down_set_model (self->status_drop_down, G_LIST_MODEL (labels));

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("Resident"), COLUMN_RESIDENT, TRUE);
  add_column (self, _("Partner"), COLUMN_PARTNER, TRUE);
  add_column (self, _("Purpose"), COLUMN_PURPOSE, TRUE);
  add_column (self, _("Status"), COLUMN_STATUS, FALSE);
  add_column (self, _("Sent"), COLUMN_SENT, FALSE);
  add_column (self, _("Deadlines"), COLUMN_DEADLINES, TRUE);
}
