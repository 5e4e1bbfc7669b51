/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shelter-safety.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The safety records of the demo centre, through the use cases (rules, audit): a woman
 * whose traffickers' network is looking for her (high risk, so under high protection; no
 * visits, escorted outside; the provincial police informed in writing, with their
 * reference), a stranger asking for her at the gate a few days ago (an incident, the
 * police informed by phone), and a woman at medium risk whose review is overdue. */

#define CASEWORKER "canbo.lan"
#define MANAGER    "giamdoc"

static ShelterSession *
session_on (ShelterSession *operator,
            GHashTable     *sessions,
            const char     *username,
            const char     *day,
            int             hour)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) clock = NULL;
  ShelterSession *session = g_hash_table_lookup (sessions, username);
  ShelterDb *db = shelter_session_get_db (operator);
  int y, m, d;

  if (session == NULL)
    {
      g_autoptr (ShelterUser) user = shelter_user_store_get_by_username (db, username, NULL);

      session = user != NULL ? shelter_session_new_for_user (db, user) : g_object_ref (operator);
      g_hash_table_insert (sessions, g_strdup (username), session);
    }
  sscanf (day, "%d-%d-%d", &y, &m, &d);
  clock = g_date_time_new (vietnam, y, m, d, hour, 0, 0);
  shelter_session_set_clock (session, clock);
  return session;
}

static char *
day_plus (const char *day,
          int         days)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  shelter_text_parse_date (day, &date);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

gboolean
_shelter_demo_safety_write (ShelterSession  *session,
                            GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_object_unref);
  g_autoptr (GArray) stays = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *settled = day_plus (today, -10);
  const ShelterServiceDemoStay *chosen[2] = { NULL, NULL };
  ShelterDb *db = shelter_session_get_db (session);
  guint n = 0;

  stays = shelter_service_store_open_stays (db, error);
  if (stays == NULL)
    return FALSE;
  for (guint i = 0; i < stays->len && n < 2; i++)
    {
      const ShelterServiceDemoStay *stay = &g_array_index (stays, ShelterServiceDemoStay, i);

      if (g_str_equal (stay->person_type, "victim") && g_str_equal (stay->sex, "female") &&
          strncmp (stay->birth_date, "2006", 4) < 0 && stay->birth_date[0] != '\0' &&
          strncmp (stay->admitted_at, settled, 10) <= 0)
        chosen[n++] = stay;
    }
  if (n < 2)
    return TRUE;

  if (!shelter_db_begin (db, error))
    return FALSE;
  {
    g_autofree char *admitted = g_strndup (chosen[0]->admitted_at, 10);
    g_autofree char *assessed = day_plus (admitted, 1);
    g_autofree char *review = day_plus (today, 14);
    g_autofree char *informed = g_strdup_printf ("%sT15:30:00+07:00", assessed);
    g_autofree char *gate = day_plus (today, -4);
    g_autofree char *gate_call = g_strdup_printf ("%sT10:15:00+07:00", gate);
    ShelterRiskInput high = {
      chosen[0]->stay_id, assessed, "high",
      "Đường dây mua bán người đã đưa chị sang Trung Quốc vẫn đang tìm chị; một đối tượng "
      "gọi điện cho gia đình hỏi chị đang ở đâu.",
      "Không cho thăm gặp; khi ra ngoài (khám bệnh, làm giấy tờ) phải có cán bộ đi kèm; "
      "không cung cấp thông tin qua điện thoại.",
      review,
    };
    ShelterPoliceInput written = {
      chosen[0]->stay_id, 0, informed, "police", "Đại úy Nguyễn Văn Hùng, Phòng PC02",
      "written", "45/TTBTXH-CTXH",
      "Gửi công văn đề nghị Công an tỉnh phối hợp bảo vệ an toàn cho đối tượng.",
    };
    ShelterIncidentInput incident = {
      chosen[0]->stay_id, gate,
      "Một người đàn ông lạ đến cổng trung tâm hỏi tên và phòng ở của chị, tự xưng là anh họ.",
      "Người đàn ông lạ khoảng 35 tuổi, đi xe máy không rõ biển số; bảo vệ trực cổng.",
      "Bảo vệ không cho vào, không xác nhận chị ở trung tâm; báo ngay cán bộ trực và "
      "Công an phường.",
    };
    ShelterRiskInput medium = { chosen[1]->stay_id, NULL, "medium",
                                "Gia đình nợ tiền người môi giới; người môi giới đã đến nhà "
                                "hỏi thăm.",
                                "Chỉ cho người thân đã xác minh đến thăm, có cán bộ chứng kiến.",
                                NULL };
    g_autofree char *admitted2 = g_strndup (chosen[1]->admitted_at, 10);
    g_autofree char *assessed2 = day_plus (admitted2, 3);
    g_autofree char *review2 = day_plus (today, -2);
    ShelterPoliceInput call = { chosen[0]->stay_id, 0, gate_call, "police",
                                "Thượng úy Lê Minh Tuấn, Công an phường", "phone",
                                "TB-112/CAP", NULL };
    ShelterSession *actor;

    if (strcmp (gate, assessed) <= 0)
      {
        g_free (gate);
        gate = g_strdup (today);
        incident.occurred_on = gate;
        g_free (gate_call);
        gate_call = g_strdup_printf ("%sT08:30:00+07:00", gate);
        call.informed_at = gate_call;
      }
    medium.assessed_on = assessed2;
    medium.review_on = strcmp (review2, assessed2) > 0 ? review2 : review;

    actor = session_on (session, sessions, CASEWORKER, assessed, 10);
    if (shelter_safety_assess_risk (actor, &high, NULL, error) == 0)
      goto failed;
    actor = session_on (session, sessions, MANAGER, assessed, 16);
    if (shelter_safety_inform_police (actor, &written, error) == 0)
      goto failed;
    actor = session_on (session, sessions, CASEWORKER, gate, 11);
    call.incident_id = shelter_safety_record_incident (actor, &incident, error);
    if (call.incident_id == 0 || shelter_safety_inform_police (actor, &call, error) == 0)
      goto failed;
    actor = session_on (session, sessions, CASEWORKER, assessed2, 10);
    if (shelter_safety_assess_risk (actor, &medium, NULL, error) == 0)
      goto failed;
  }
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_prefix_error (error, "Demo safety: ");
  return FALSE;
}
