/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <string.h>

#include "shelter-app-error.h"
#include "shelter-family.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The families of the demo centre, through the use cases (rules, audit), for residents
 * staying today: for a few adult women a mother reached through the commune police, a
 * husband involved in the trafficking (not to be contacted, on the no-visit list, his
 * attempt to visit refused and kept) and an aunt not judged yet; for one child the tracing
 * of her family, in progress with the commune and the police. Recorded by the caseworker. */

#define CASEWORKER      "canbo.lan"
#define CASEWORKER_NAME "Trần Thị Lan"
#define MANAGER_NAME    "Hoàng Văn Thắng"
#define MAX_FAMILIES    3

static char *
day_before (GDateTime *now,
            int        days)
{
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gboolean
family_for_stay (ShelterSession               *session,
                 const ShelterServiceDemoStay *stay,
                 gint64                        person_id,
                 guint                         n,
                 GError                      **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GDateTime) visit_time = NULL;
  g_autoptr (GError) refusal = NULL;
  g_autofree char *admitted = g_strndup (stay->admitted_at, 10);
  g_autofree char *visited_at = NULL;
  g_autofree char *yesterday = day_before (now, 1);
  static const char *mothers[] = { "Lò Thị Xuân", "Vàng Thị Mỷ", "Nguyễn Thị Hường" };
  static const char *husbands[] = { "Giàng A Sử", "Sùng Seo Lử", "Lý Văn Hải" };
  static const char *aunts[] = { "Lò Thị Pắn", "Vàng Thị Dợ", "Nguyễn Thị Nhàn" };
  ShelterRelativeInput mother = {
    .person_id = person_id, .full_name = mothers[n % 3], .relation = "mother",
    .phone = "0912 345 678", .province_code = NULL, .address_detail = "Bản Nà Sái",
    .may_contact = TRUE, .safety = "safe",
    .safety_reason = "Công an xã xác minh: mẹ không liên quan đến vụ việc, mong con về",
  };
  ShelterRelativeInput husband = {
    .person_id = person_id, .full_name = husbands[n % 3], .relation = "husband",
    .may_contact = FALSE, .safety = "unsafe", .involved = TRUE,
    .safety_reason = "Theo hồ sơ Công an tỉnh, người chồng đã bán nạn nhân qua biên giới",
  };
  ShelterRelativeInput aunt = {
    .person_id = person_id, .full_name = aunts[n % 3], .relation = "aunt_uncle",
    .may_contact = TRUE, .safety = "unknown",
  };
  gint64 mother_id, husband_id;
  const struct { int days_ago; const char *method; const char *result; const char *notes; }
  contacts[] = {
    { 12, "phone", "no_answer", "Gọi số của mẹ hai lần, không nghe máy" },
    { 9, "commune", "no_answer",
      "Gửi công văn nhờ UBND xã và Công an xã báo tin cho gia đình" },
    { 5, "police", "reached",
      "Công an xã đến nhà; mẹ đã nói chuyện qua điện thoại với con, mong con sớm về" },
  };

  mother_id = shelter_family_save_relative (session, &mother, error);
  if (mother_id == 0)
    return FALSE;
  husband_id = shelter_family_save_relative (session, &husband, error);
  if (husband_id == 0 || shelter_family_save_relative (session, &aunt, error) == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autofree char *on = day_before (now, contacts[i].days_ago);
      ShelterContactInput contact = {
        stay->stay_id, mother_id, on, contacts[i].method,
        g_str_equal (contacts[i].method, "phone") ? CASEWORKER_NAME
                                                  : "Công an xã, qua " CASEWORKER_NAME,
        contacts[i].result, contacts[i].notes,
      };

      /* A contact before the resident came would be refused: only those during the stay. */
      if (strcmp (on, admitted) < 0)
        continue;
      if (shelter_family_record_contact (session, &contact, error) == 0)
        return FALSE;
    }
  if (shelter_family_add_visit_ban (session, person_id, husband_id, NULL,
                                    "Liên quan đến vụ mua bán người; có nguy cơ đe dọa nạn nhân",
                                    error) == 0)
    return FALSE;
  /* He came to the gate yesterday afternoon: refused, and the attempt kept. */
  visit_time = g_date_time_add_hours (now, -20);
  if (strncmp (stay->admitted_at, yesterday, 10) > 0)
    return TRUE;
  visited_at = shelter_session_format_time (visit_time);
  {
    ShelterVisitInput visit = { stay->stay_id, husband_id, NULL, visited_at, MANAGER_NAME,
                                "Đến cổng lúc chiều, bảo vệ không cho vào" };

    if (shelter_family_record_visit (session, &visit, NULL, &refusal) != 0 ||
        !g_error_matches (refusal, SHELTER_APP_ERROR, SHELTER_APP_ERROR_VISIT_REFUSED))
      {
        if (refusal != NULL)
          g_propagate_error (error, g_steal_pointer (&refusal));
        else
          g_set_error_literal (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                               "the husband's visit was not refused");
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
_shelter_demo_family_write (ShelterSession  *session,
                            GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GArray) stays = NULL;
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (ShelterSession) caseworker = NULL;
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ShelterDb *db = shelter_session_get_db (session);
  guint families = 0;
  gboolean traced = FALSE;

  user = shelter_user_store_get_by_username (db, CASEWORKER, NULL);
  caseworker = user != NULL ? shelter_session_new_for_user (db, user) : g_object_ref (session);
  shelter_session_set_clock (caseworker, now);
  if (!shelter_db_begin (db, error))
    return FALSE;
  stays = shelter_service_store_open_stays (db, error);
  if (stays == NULL)
    goto failed;
  for (guint i = 0; i < stays->len; i++)
    {
      const ShelterServiceDemoStay *stay = &g_array_index (stays, ShelterServiceDemoStay, i);
      g_autoptr (ShelterStay) row = shelter_stay_store_get (db, stay->stay_id, error);
      GDate on;
      int age;

      if (row == NULL)
        goto failed;
      g_date_clear (&on, 1);
      shelter_text_parse_date (today, &on);
      age = shelter_text_age_on (stay->birth_date, &on);
      if (age >= 0 && age < 18 && !traced)
        {
          if (shelter_family_open_tracing (caseworker, stay->stay_id,
                                           "UBND xã nơi tìm thấy trẻ; Công an huyện; Phòng "
                                           "Lao động - Thương binh và Xã hội",
                                           "Trẻ không nhớ tên bố mẹ, chỉ nhớ tên bản", error) == 0)
            goto failed;
          if (!shelter_family_update_tracing (caseworker, stay->stay_id, 1, "in_progress",
                                              "UBND xã nơi tìm thấy trẻ; Công an huyện; Phòng "
                                              "Lao động - Thương binh và Xã hội",
                                              "Công an huyện đang đối chiếu danh sách trẻ mất "
                                              "tích", error))
            goto failed;
          traced = TRUE;
        }
      else if (age >= 18 && families < MAX_FAMILIES && g_str_equal (stay->sex, "female") &&
               g_str_equal (stay->person_type, "victim"))
        {
          if (!family_for_stay (caseworker, stay, shelter_stay_get_person_id (row), families,
                                error))
            goto failed;
          families++;
        }
    }
  g_debug ("%u demo families, %s tracing", families, traced ? "one" : "no");
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_prefix_error (error, "Demo families: ");
  return FALSE;
}
