/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-discharge-papers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-centre-profile.h"
#include "shelter-discharge-papers.h"
#include "shelter-discharge.h"
#include "shelter-enums.h"
#include "shelter-follow-up.h"
#include "shelter-paper.h"
#include "shelter-services.h"
#include "shelter-stores.h"
#include "shelter-text.h"

struct _ShelterDischargePaper
{
  ShelterDischargePaperKind  kind;
  gint64                     stay_id;
  char                      *number;
  char                      *case_code;
  ShelterPaper              *paper;
};

void
shelter_discharge_paper_free (ShelterDischargePaper *paper)
{
  if (paper == NULL)
    return;
  g_free (paper->number);
  g_free (paper->case_code);
  shelter_paper_free (paper->paper);
  g_free (paper);
}

static const char *
or_dots (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : SHELTER_PAPER_DOTTED_LINE;
}

/* "III. BELONGINGS AND PAPERS HANDED OVER" */
static void
add_section (ShelterPaper *paper,
             guint        *index,
             const char   *title)
{
  static const char * const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };
  g_autofree char *text = NULL;

  g_assert (*index < G_N_ELEMENTS (roman));
  text = g_strdup_printf ("%s. %s", roman[(*index)++], title);
  shelter_paper_add_section (paper, text);
}

static char *
full_name_of (ShelterDb  *db,
              const char *username)
{
  g_autoptr (ShelterUser) user = NULL;

  if (username == NULL)
    return NULL;
  user = shelter_user_store_get_by_username (db, username, NULL);
  return g_strdup (user != NULL ? shelter_user_get_full_name (user) : username);
}

/* "05/03/2026 (Ông Lò Văn Nam, công chức văn hóa - xã hội)", or NULL. */
static char *
informed (const char *on,
          const char *whom)
{
  g_autofree char *day = NULL;

  if (on == NULL)
    return NULL;
  day = shelter_text_format_date (on);
  if (whom == NULL)
    return g_steal_pointer (&day);
  return g_strdup_printf ("%s (%s)", day, whom);
}

/* The commune the person goes to, "Xã Tân Phong", or NULL. */
static char *
commune_name (ShelterDb           *db,
              ShelterDischargeRow *row)
{
  g_autoptr (ShelterReferenceEntry) unit = NULL;

  if (row->address_scheme == NULL || row->commune_code == NULL)
    return NULL;
  unit = shelter_reference_store_admin_unit (db, row->address_scheme, "commune",
                                             row->commune_code, NULL);
  if (unit == NULL)
    return NULL;
  return g_strdup (unit->full_name != NULL ? unit->full_name : unit->name);
}

static void
add_person (ShelterPaper  *paper,
            ShelterDb     *db,
            ShelterPerson *person)
{
  g_autofree char *name = shelter_person_dup_full_name (person);
  g_autofree char *birth = shelter_text_format_date (shelter_person_get_birth_date (person));
  g_autofree char *home = shelter_paper_describe_home (db, person);

  shelter_paper_add_field (paper, _("Case code"), shelter_person_get_case_code (person));
  shelter_paper_add_field (paper, _("Full name"), name);
  shelter_paper_add_field (paper, _("Date of birth"),
                           birth != NULL && birth[0] != '\0' ? birth : _("unknown"));
  shelter_paper_add_field (paper, _("Sex"),
                           g_strcmp0 (shelter_person_get_sex (person), "female") == 0
                           ? _("Female") : _("Male"));
  if (shelter_person_get_id_number (person) != NULL)
    shelter_paper_add_field (paper, _("ID number"), shelter_person_get_id_number (person));
  shelter_paper_add_field (paper, _("Home address"), home != NULL ? home : _("unknown"));
}

static char *
stay_days (ShelterDischargeRow *row)
{
  GDate from, to;
  g_autofree char *admitted_on = NULL;
  int days;

  if (row->admitted_at == NULL || row->discharged_on == NULL)
    return NULL;
  admitted_on = g_strndup (row->admitted_at, 10);
  if (!shelter_text_parse_date (admitted_on, &from) ||
      !shelter_text_parse_date (row->discharged_on, &to))
    return NULL;
  days = MAX (g_date_days_between (&from, &to), 0);
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

/* ---- The handover record -------------------------------------------------------------- */

static void
add_belongings (ShelterPaper        *paper,
                ShelterDischargeRow *row)
{
  static const double widths[] = { 0.10, 0.44, 0.16, 0.30 };
  const char *headings[] = {
    /* Translators: the heading of the number column of a table in an official paper. */
    C_("table", "No."), _("Belongings and papers"), _("Given back"), _("Note"),
  };

  if (row->belongings == NULL || row->belongings->len == 0)
    {
      shelter_paper_add_paragraph (paper, _("No belongings or papers were listed at intake."),
                                   SHELTER_PAPER_PLAIN, 2);
      return;
    }
  shelter_paper_add_paragraph (paper,
                               _("The papers and belongings listed at intake, as given back:"),
                               SHELTER_PAPER_PLAIN, 2);
  shelter_paper_begin_table (paper, G_N_ELEMENTS (widths), widths, headings);
  for (guint i = 0; i < row->belongings->len; i++)
    {
      ShelterBelongingReturned *belonging = &g_array_index (row->belongings,
                                                            ShelterBelongingReturned, i);
      g_autofree char *number = g_strdup_printf ("%u", belonging->position);
      const char *cells[] = {
        number, belonging->description,
        belonging->returned ? _("Yes") : _("No"),
        belonging->note,
      };

      shelter_paper_add_row (paper, cells);
    }
}

static void
add_handover_body (ShelterPaper        *paper,
                   ShelterDb           *db,
                   ShelterDischargeRow *row,
                   ShelterPerson       *person,
                   ShelterCentre       *centre)
{
  ShelterDischargeDestination destination = shelter_discharge_destination_for (row->reason);
  const char *centre_name = centre != NULL ? shelter_centre_get_name (centre) : NULL;
  const char *head = centre != NULL ? shelter_centre_get_head_name (centre) : NULL;
  g_autofree char *formal = shelter_text_format_formal_date (row->discharged_on);
  g_autofree char *commune = commune_name (db, row);
  g_autofree char *text = NULL;
  g_autofree char *committee = NULL;
  g_autofree char *commune_informed = informed (row->commune_informed_on,
                                                row->commune_informed_whom);
  g_autofree char *days = stay_days (row);
  g_autofree char *from = shelter_text_format_date (row->admitted_at);
  g_autofree char *to = shelter_text_format_date (row->discharged_on);
  const char *receiver;
  gboolean with_commune;
  guint section = 0;

  shelter_paper_add_title (paper, _("HANDOVER RECORD"));
  shelter_paper_add (paper, SHELTER_PAPER_BODY,
                     _("Handover of the person at the end of their support at the centre"),
                     SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_CENTER, 4);

  /* Translators: "Today, ngày 21 tháng 11 năm 2026, at <place>, we the undersigned:". */
  text = g_strdup_printf (_("Today, %s, at %s, we the undersigned:"), formal,
                          centre_name != NULL ? centre_name : _("the centre"));
  shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_PLAIN, 14);
  g_clear_pointer (&text, g_free);

  /* The handing-over side: the centre. */
  text = g_strdup_printf (_("The handing-over side: %s"),
                          centre_name != NULL ? centre_name : _("The centre"));
  shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_BOLD, 6);
  g_clear_pointer (&text, g_free);
  shelter_paper_add_field (paper, _("Represented by"), or_dots (head));
  shelter_paper_add_field (paper, _("Staff member who discharged the person"),
                           or_dots (row->created_by_name));
  if (centre != NULL && shelter_centre_get_address (centre) != NULL)
    shelter_paper_add_field (paper, _("Address"), shelter_centre_get_address (centre));

  /* The receiving side: a relative, someone named, a facility, or a country's authority. */
  if (destination == SHELTER_DISCHARGE_TO_FACILITY)
    {
      text = g_strdup_printf (_("The receiving side: %s"), or_dots (row->destination));
      shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_BOLD, 6);
      shelter_paper_add_field (paper, _("Represented by"), or_dots (row->received_by));
      receiver = row->received_by;
    }
  else
    {
      text = g_strdup_printf (_("The receiving side: %s"), or_dots (row->received_by));
      shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_BOLD, 6);
      shelter_paper_add_field (paper, destination == SHELTER_DISCHARGE_TO_COUNTRY ? _("Country")
                                                                                  : _("Address"),
                               or_dots (row->destination));
      receiver = row->received_by;
    }
  g_clear_pointer (&text, g_free);

  /* The commune People's Committee that confirms it, where the person goes to a commune. */
  with_commune = commune != NULL || row->commune_informed_on != NULL;
  if (with_commune)
    {
      /* Translators: "Ủy ban nhân dân Xã Tân Phong" — the committee of the commune. */
      committee = g_strdup_printf (_("The People’s Committee of %s"),
                                   commune != NULL ? commune : SHELTER_PAPER_DOTTED_LINE);
      text = g_strdup_printf (_("Confirmed by: %s"), committee);
      shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_BOLD, 6);
      g_clear_pointer (&text, g_free);
      shelter_paper_add_field (paper, _("Informed on"), or_dots (commune_informed));
    }

  shelter_paper_add_paragraph (paper, _("The two sides carried out the handover of the person "
                                        "below:"), SHELTER_PAPER_PLAIN, 10);

  add_section (paper, &section, _("THE PERSON HANDED OVER"));
  add_person (paper, db, person);
  text = g_strdup_printf (_("from %s to %s (%s)"), from, to, days != NULL ? days : "?");
  shelter_paper_add_field (paper, _("Stay at the centre"), text);
  g_clear_pointer (&text, g_free);
  shelter_paper_add_field (paper, _("Reason for the discharge"),
                           shelter_enum_label (&shelter_enum_discharge_reason, row->reason));

  add_section (paper, &section, _("PAPERS, BELONGINGS AND MONEY HANDED OVER"));
  add_belongings (paper, row);
  if (row->travel_cost_dong >= 0)
    text = shelter_text_format_money (row->travel_cost_dong);
  else if (row->travel_not_needed != NULL)
    text = g_strdup_printf (_("not needed: %s"), row->travel_not_needed);
  else
    text = g_strdup (_("none recorded with the discharge"));
  {
    g_autofree char *field = g_strdup_printf ("- %s: %s", _("Travel money and travel-day meals"),
                                              text);

    /* Under the table, a little apart from it. */
    shelter_paper_add_paragraph (paper, field, SHELTER_PAPER_PLAIN, 6);
  }
  g_clear_pointer (&text, g_free);

  add_section (paper, &section, _("THE REINTEGRATION PLAN"));
  shelter_paper_add_paragraph (paper, or_dots (row->reintegration_plan), SHELTER_PAPER_PLAIN, 2);

  shelter_paper_add_paragraph (paper,
                               with_commune
                               ? _("This record is made in three copies of equal value: one "
                                   "for the receiving side, one for the commune People’s "
                                   "Committee and one for the centre.")
                               : _("This record is made in two copies of equal value; each "
                                   "side keeps one."),
                               SHELTER_PAPER_ITALIC, 10);

  if (with_commune)
    {
      const char *titles[] = {
        _("THE RECEIVING SIDE"), _("COMMUNE PEOPLE’S COMMITTEE"), _("THE HANDING-OVER SIDE"),
      };
      const char *names[] = { receiver, row->commune_informed_whom, head };

      shelter_paper_add_signatures (paper, 3, titles, names);
    }
  else
    {
      const char *titles[] = { _("THE RECEIVING SIDE"), _("THE HANDING-OVER SIDE") };
      const char *names[] = { receiver, head };

      shelter_paper_add_signatures (paper, 2, titles, names);
    }
}

/* ---- The case-closure form ------------------------------------------------------------ */

static gboolean
add_services (ShelterPaper    *paper,
              ShelterSession  *session,
              gint64           stay_id,
              GError         **error)
{
  static const double widths[] = { 0.10, 0.50, 0.15, 0.25 };
  const char *headings[] = { C_("table", "No."), _("Service"), _("Times"), _("Cost") };
  ShelterServiceFilter filter = { .stay_id = stay_id };
  const ShelterServiceKind *kinds = shelter_service_kinds ();
  g_autoptr (GPtrArray) services = NULL;
  guint number = 0;

  services = shelter_services_list (session, &filter, 0, G_MAXINT, error);
  if (services == NULL)
    return FALSE;
  if (services->len == 0)
    {
      shelter_paper_add_paragraph (paper, _("No service was recorded during the stay."),
                                   SHELTER_PAPER_PLAIN, 2);
      return TRUE;
    }
  shelter_paper_begin_table (paper, G_N_ELEMENTS (widths), widths, headings);
  for (guint k = 0; kinds[k].code != NULL; k++)
    {
      g_autofree char *index = NULL;
      g_autofree char *times = NULL;
      g_autofree char *cost = NULL;
      gint64 total = 0;
      guint count = 0;

      for (guint i = 0; i < services->len; i++)
        {
          ShelterServiceEntry *entry = g_ptr_array_index (services, i);

          if (shelter_service_entry_get_voided (entry) ||
              g_strcmp0 (shelter_service_entry_get_kind (entry), kinds[k].code) != 0)
            continue;
          count++;
          if (shelter_service_entry_get_cost_dong (entry) > 0)
            total += shelter_service_entry_get_cost_dong (entry);
        }
      if (count == 0)
        continue;
      index = g_strdup_printf ("%u", ++number);
      times = g_strdup_printf ("%u", count);
      cost = total > 0 ? shelter_text_format_money (total) : g_strdup ("-");
      {
        const char *cells[] = { index, shelter_service_kind_label (kinds[k].code), times, cost };

        shelter_paper_add_row (paper, cells);
      }
    }
  return TRUE;
}

static void
add_checklist (ShelterPaper        *paper,
               ShelterDb           *db,
               ShelterDischargeRow *row)
{
  g_auto (GStrv) lines = g_strsplit (row->checklist != NULL ? row->checklist : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (lines[i], "=", 2);

      if (pair[0] == NULL || pair[0][0] == '\0' || pair[1] == NULL ||
          g_str_equal (pair[1], "not_applicable"))
        continue;
      shelter_paper_add_field (paper, shelter_enum_label (&shelter_discharge_item, pair[0]),
                               shelter_enum_label (&shelter_discharge_item_state, pair[1]));
    }
  if (row->override_reason != NULL)
    {
      g_autofree char *who = full_name_of (db, row->override_by);
      g_autofree char *text = NULL;

      /* Translators: the first %s is the manager, the second their written reason. */
      text = g_strdup_printf (_("The items left open were overridden by %s: %s"),
                              or_dots (who), row->override_reason);
      shelter_paper_add_paragraph (paper, text, SHELTER_PAPER_ITALIC, 4);
    }
}

static gboolean
add_follow_up (ShelterPaper     *paper,
               ShelterSession   *session,
               gint64            stay_id,
               GError          **error)
{
  static const double widths[] = { 0.08, 0.18, 0.20, 0.32, 0.22 };
  const char *headings[] = {
    C_("table", "No."), _("Due on"), _("Method"), _("Staff member"), _("Status"),
  };
  g_autoptr (GPtrArray) follow_ups = shelter_follow_up_list_for_stay (session, stay_id, error);

  if (follow_ups == NULL)
    return FALSE;
  if (follow_ups->len == 0)
    {
      shelter_paper_add_paragraph (paper, _("No follow-up is scheduled."), SHELTER_PAPER_PLAIN, 2);
      return TRUE;
    }
  shelter_paper_add_paragraph (paper, _("The person is followed for at least six months after "
                                        "the discharge, by visits or calls:"),
                               SHELTER_PAPER_PLAIN, 2);
  shelter_paper_begin_table (paper, G_N_ELEMENTS (widths), widths, headings);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      ShelterFollowUpRow *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *due = shelter_text_format_date (follow_up->due_on != NULL
                                                       ? follow_up->due_on
                                                       : follow_up->done_on);
      const char *cells[] = {
        number, due, shelter_enum_label (&shelter_follow_up_method, follow_up->method),
        follow_up->assigned_name != NULL ? follow_up->assigned_name : follow_up->assigned_to,
        shelter_enum_label (&shelter_follow_up_status, follow_up->status),
      };

      shelter_paper_add_row (paper, cells);
    }
  return TRUE;
}

static gboolean
add_closure_body (ShelterPaper         *paper,
                  ShelterSession       *session,
                  ShelterDischargeRow  *row,
                  ShelterPerson        *person,
                  ShelterCentre        *centre,
                  GError              **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  gboolean death = g_strcmp0 (row->reason, "death") == 0;
  g_autofree char *from = shelter_text_format_date (row->admitted_at);
  g_autofree char *to = shelter_text_format_date (row->discharged_on);
  g_autofree char *days = stay_days (row);
  g_autofree char *commune_informed = informed (row->commune_informed_on,
                                                row->commune_informed_whom);
  g_autofree char *police_informed = informed (row->police_informed_on,
                                               row->police_informed_whom);
  const char *head = centre != NULL ? shelter_centre_get_head_name (centre) : NULL;
  guint section = 0;

  shelter_paper_add_title (paper, _("CASE-CLOSURE FORM"));
  shelter_paper_add (paper, SHELTER_PAPER_BODY, _("The end of the support given by the centre"),
                     SHELTER_PAPER_ITALIC, SHELTER_PAPER_ALIGN_CENTER, 4);

  add_section (paper, &section, _("THE PERSON"));
  add_person (paper, db, person);

  add_section (paper, &section, _("THE STAY"));
  shelter_paper_add_field (paper, _("Admitted on"), from);
  shelter_paper_add_field (paper, death ? _("Date of death") : _("Discharged on"), to);
  shelter_paper_add_field (paper, _("Days at the centre"), days);

  add_section (paper, &section, _("REASON AND DESTINATION"));
  shelter_paper_add_field (paper, _("Reason for the discharge"),
                           shelter_enum_label (&shelter_enum_discharge_reason, row->reason));
  if (!death)
    {
      shelter_paper_add_field (paper, _("Destination"), or_dots (row->destination));
      if (row->received_by != NULL)
        shelter_paper_add_field (paper, _("Received by"), row->received_by);
      else if (row->family_not_needed != NULL)
        shelter_paper_add_field (paper, _("No family contact needed"), row->family_not_needed);
    }
  if (commune_informed != NULL)
    shelter_paper_add_field (paper, _("Commune People’s Committee informed on"),
                             commune_informed);
  if (police_informed != NULL)
    shelter_paper_add_field (paper, _("Police informed on"), police_informed);

  add_section (paper, &section, _("SERVICES GIVEN DURING THE STAY"));
  if (!add_services (paper, session, row->stay_id, error))
    return FALSE;

  add_section (paper, &section, _("THE CHECKLIST AT DISCHARGE"));
  add_checklist (paper, db, row);

  if (death)
    {
      add_section (paper, &section, _("THE DEATH"));
      shelter_paper_add_field (paper, _("Cause of death"),
                               row->death_cause != NULL ? row->death_cause : _("unknown"));
      shelter_paper_add_field (paper, _("Who was informed"), or_dots (row->death_informed));
      shelter_paper_add_paragraph (paper, _("Nothing is scheduled after a death: there is no "
                                            "follow-up."), SHELTER_PAPER_ITALIC, 4);
    }
  else
    {
      add_section (paper, &section, _("FOLLOW-UP AFTER DISCHARGE"));
      if (!add_follow_up (paper, session, row->stay_id, error))
        return FALSE;
    }

  {
    const char *titles[] = { _("CASEWORKER"), _("HEAD OF CENTRE") };
    const char *names[] = { row->created_by_name, head };

    shelter_paper_add_signatures (paper, 2, titles, names);
  }
  return TRUE;
}

/* ---- The paper ------------------------------------------------------------------------ */

ShelterDischargePaper *
shelter_discharge_paper_load (ShelterSession             *session,
                              gint64                      stay_id,
                              ShelterDischargePaperKind   kind,
                              GError                    **error)
{
  g_autoptr (ShelterDischargePaper) self = NULL;
  g_autoptr (ShelterDischargeRow) row = NULL;
  g_autoptr (ShelterStay) stay = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (ShelterCentre) centre = NULL;
  g_autoptr (GError) local_error = NULL;
  ShelterDb *db;

  g_return_val_if_fail (SHELTER_IS_SESSION (session), NULL);

  if (!shelter_session_check (session, SHELTER_PERMISSION_VIEW_RESIDENTS, error))
    return NULL;
  db = shelter_session_get_db (session);
  stay = shelter_stay_store_get (db, stay_id, error);
  if (stay == NULL)
    return NULL;
  /* Refuses a resident under high protection to those who may not know who they are. */
  person = shelter_person_open (session, shelter_stay_get_person_id (stay), error);
  if (person == NULL)
    return NULL;
  row = shelter_discharge_get (session, stay_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (row == NULL)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           kind == SHELTER_DISCHARGE_PAPER_HANDOVER
                           ? _("This stay has not been ended by a discharge: there is no "
                               "handover record to print.")
                           : _("This stay has not been ended by a discharge: there is no "
                               "case-closure form to print."));
      return NULL;
    }
  if (kind == SHELTER_DISCHARGE_PAPER_HANDOVER && g_strcmp0 (row->reason, "death") == 0)
    {
      g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                           _("The stay ended with the person’s death: nothing is handed over, "
                             "so there is no handover record. Print the case-closure form."));
      return NULL;
    }
  centre = shelter_centre_profile_get (session, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_new0 (ShelterDischargePaper, 1);
  self->kind = kind;
  self->stay_id = stay_id;
  self->case_code = g_strdup (shelter_person_get_case_code (person));
  self->paper = shelter_paper_new ();
  self->number = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", stay_id,
                                  kind == SHELTER_DISCHARGE_PAPER_HANDOVER ? "BBBG-KT" : "PKT");
  shelter_paper_add_heading (self->paper, db, centre, self->number, row->discharged_on);

  if (kind == SHELTER_DISCHARGE_PAPER_HANDOVER)
    add_handover_body (self->paper, db, row, person, centre);
  else if (!add_closure_body (self->paper, session, row, person, centre, error))
    return NULL;
  return g_steal_pointer (&self);
}

char *
shelter_discharge_paper_dup_text (ShelterDischargePaper *paper)
{
  return shelter_paper_dup_text (paper->paper);
}

char *
shelter_discharge_paper_dup_file_name (ShelterDischargePaper *paper)
{
  g_autofree char *code = g_strdup (paper->case_code != NULL ? paper->case_code : "");

  /* Only what every file system takes. */
  g_strcanon (code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-", '-');
  return g_strdup_printf ("%s-%s.pdf",
                          paper->kind == SHELTER_DISCHARGE_PAPER_HANDOVER ? "bien-ban-ban-giao"
                                                                          : "phieu-ket-thuc-tro-giup",
                          code);
}

gboolean
shelter_discharge_paper_write_pdf (ShelterSession         *session,
                                   ShelterDischargePaper  *paper,
                                   const char             *path,
                                   GError                **error)
{
  gboolean handover = paper->kind == SHELTER_DISCHARGE_PAPER_HANDOVER;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  /* No name in the metadata. */
  title = g_strdup_printf (handover ? _("Handover record %s") : _("Case-closure form %s"),
                           paper->number);
  pdf = shelter_paper_render (paper->paper, title, &local_error);
  if (pdf == NULL)
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   handover ? _("Could not draw the handover record: %s")
                            : _("Could not draw the case-closure form: %s"),
                   local_error->message);
      return FALSE;
    }
  details = g_strdup_printf ("%s %s", handover ? "discharge handover record" : "case-closure form",
                             paper->number);
  return shelter_paper_save (session, pdf, path, "stay", paper->stay_id, details, error);
}
