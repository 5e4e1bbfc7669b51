/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include "shelter-referrals.h"
#include "shelter-stores.h"

/* The partners of a centre in Lào Cai; the contact persons are made up. */
static const ShelterPartnerInput partners[] = {
  { "hospital", "Bệnh viện Đa khoa tỉnh Lào Cai", "BS. Nguyễn Văn Demo (Phòng Công tác xã hội)",
    "0912 000 101", "ctxh.demo@example.vn", NULL, "Khám, điều trị; tư vấn sức khỏe sinh sản", FALSE },
  { "legal_aid", "Trung tâm Trợ giúp pháp lý Nhà nước tỉnh Lào Cai", "Trợ giúp viên Trần Thị Mẫu",
    "0912 000 102", NULL, NULL, "Tư vấn pháp luật; tham gia tố tụng", FALSE },
  { "vocational_school", "Trường Trung cấp Nghề tỉnh Lào Cai", "Cô Lê Thị Thử",
    "0912 000 103", NULL, NULL, "Học nghề may, nấu ăn, sửa xe máy", FALSE },
  { "police", "Công an tỉnh Lào Cai (Phòng Cảnh sát hình sự)", "Đại úy Phạm Văn Ví Dụ",
    "0912 000 104", NULL, NULL, "Tiếp nhận tố giác; bảo vệ an toàn", FALSE },
  { "commune_committee", "UBND xã Bảo Thắng", "Cán bộ LĐ-TB&XH Hoàng Văn Giả",
    "0912 000 105", NULL, NULL, "Xác nhận cư trú; hỗ trợ hòa nhập cộng đồng", FALSE },
};

static char *
day_before (GDateTime *now,
            int        days)
{
  g_autoptr (GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
refer (ShelterSession  *session,
       gint64           stay_id,
       gint64           partner_id,
       const char      *purpose,
       const char      *on,
       GError         **error)
{
  static const char * const shared[] = { "name", "birth_date", "sex", "health_summary", NULL };
  ShelterReferralDecision decision = { on, "agrees", "person", NULL, shared,
                                       "Sức khỏe ổn định, cần khám chuyên khoa", NULL };
  gint64 id = shelter_referrals_create (session, stay_id, partner_id, purpose, error);

  if (id == 0 ||
      !shelter_referrals_record_assessment (session, id, on, "low",
                                            "Không có nguy cơ về an ninh khi đi lại",
                                            "Đồng ý đi, muốn có cán bộ gọi điện trước", error) ||
      !shelter_referrals_record_offer (session, id, on, "Nhận khám trong giờ hành chính", error) ||
      !shelter_referrals_record_decision (session, id, &decision, error) ||
      !shelter_referrals_send (session, id, on, error))
    return 0;
  return id;
}

gboolean
_shelter_demo_referrals_write (ShelterSession  *session,
                               GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GArray) stays = NULL;
  g_autofree char *d20 = day_before (now, 20);
  g_autofree char *d19 = day_before (now, 19);
  g_autofree char *d18 = day_before (now, 18);
  g_autofree char *d14 = day_before (now, 14);
  g_autofree char *d12 = day_before (now, 12);
  g_autofree char *d11 = day_before (now, 11);
  gint64 ids[G_N_ELEMENTS (partners)];
  ShelterReferralDeparture departure = { d19, "alone", NULL, "Người giám hộ (demo)", 200000 };
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      ids[i] = shelter_partners_add (session, &partners[i], error);
      if (ids[i] == 0)
        return FALSE;
    }
  stays = shelter_service_store_open_stays (shelter_session_get_db (session), error);
  if (stays == NULL)
    return FALSE;
  if (stays->len < 3)
    return TRUE;

  /* Completed: to the hospital. */
  id = refer (session, g_array_index (stays, ShelterServiceDemoStay, 0).stay_id, ids[0],
              "Khám chuyên khoa sản", d20, error);
  if (id == 0 ||
      !shelter_referrals_record_answer (session, id, d20, TRUE, NULL, error) ||
      !shelter_referrals_record_departure (session, id, &departure, error) ||
      !shelter_referrals_record_result (session, id, d18, "Đã khám, hẹn tái khám sau 1 tháng", error) ||
      !shelter_referrals_complete (session, id, d18,
                                   "Biên bản bàn giao ký giữa cán bộ trung tâm và phòng CTXH bệnh viện",
                                   error))
    return FALSE;
  /* Sent and not answered: overdue. */
  if (refer (session, g_array_index (stays, ShelterServiceDemoStay, 1).stay_id, ids[1],
             "Tư vấn pháp lý, hỗ trợ làm đơn tố giác", d12, error) == 0)
    return FALSE;
  /* Declined. */
  id = refer (session, g_array_index (stays, ShelterServiceDemoStay, 2).stay_id, ids[2],
              "Học nghề may", d14, error);
  return id != 0 &&
         shelter_referrals_record_answer (session, id, d11, FALSE,
                                          "Khóa học may đã đủ học viên; khóa sau khai giảng tháng 3",
                                          error);
}
