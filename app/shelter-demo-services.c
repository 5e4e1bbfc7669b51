/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <string.h>

#include "shelter-app-error.h"
#include "shelter-services.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The services part of the demo centre, through the use case (validation, entitlements,
 * audit): for the residents staying today only, so that a demo of 100,000 people touches a
 * few hundred records, all in one transaction. Health checks at arrival (a few recent
 * arrivals left without one, so that the flag shows), treatments and a hospital referral,
 * counselling sessions with confidential notes, legal aid to recover papers, a course in
 * industrial sewing at the province's vocational school, schooling for children, an
 * interpreter for foreigners and the fare home for those about to leave. A service the
 * person is not entitled to is simply not given. */

#define MEDICAL "yte.hoa"
#define COUNSELLOR "tamly.minh"
#define CASEWORKER "canbo.lan"

typedef struct
{
  ShelterSession *session;
  char            today[11];
  guint           written;
} Demo;

/* Admission day + @days, or NULL when that is after today. */
static char *
day_after (Demo       *demo,
           const char *admitted_at,
           int         days)
{
  g_autofree char *day = g_strndup (admitted_at, 10);
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  if (!shelter_text_parse_date (day, &date))
    return NULL;
  g_date_add_days (&date, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  if (strcmp (text, demo->today) > 0)
    return NULL;
  return g_strdup (text);
}

/* Records one service; a refusal of the entitlements is skipped, any other error stops. */
static gboolean
give (Demo                        *demo,
      const ShelterServiceRecord  *record,
      GError                     **error)
{
  g_autoptr (GError) local_error = NULL;

  if (record->done_on == NULL)
    return TRUE;
  if (shelter_services_record (demo->session, record, &local_error) != 0)
    {
      demo->written++;
      return TRUE;
    }
  if (g_error_matches (local_error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_NOT_ENTITLED))
    return TRUE;
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              "Demo service %s/%s for stay %" G_GINT64_FORMAT ": ",
                              record->kind, record->subkind, record->stay_id);
  return FALSE;
}

static GHashTable *
details_new (const char *first_name,
             ...)
{
  GHashTable *details = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        g_hash_table_insert (details, (gpointer) name, (gpointer) value);
      name = va_arg (args, const char *);
    }
  va_end (args);
  return details;
}

static gboolean
services_for_stay (Demo                          *demo,
                   const ShelterServiceDemoStay  *stay,
                   guint                          n,
                   GError                       **error)
{
  g_autofree char *arrival = day_after (demo, stay->admitted_at, 0);
  g_autofree char *next_day = day_after (demo, stay->admitted_at, 1);
  gboolean trafficking = g_str_equal (stay->person_type, "victim") ||
                         g_str_equal (stay->person_type, "being_identified");
  gboolean foreign = g_str_equal (stay->nationality_status, "foreigner");
  gboolean recent;
  GDate today;
  int age;

  g_date_clear (&today, 1);
  shelter_text_parse_date (demo->today, &today);
  age = shelter_text_age_on (stay->birth_date[0] != '\0' ? stay->birth_date : NULL, &today);
  recent = next_day == NULL || g_str_equal (next_day, demo->today);

  /* The health check at arrival: every stay but a few arrivals of the last day or two. */
  if (!(recent && n % 2 == 0))
    {
      ShelterServiceRecord check = {
        .stay_id = stay->stay_id, .kind = "medical", .subkind = "arrival_check",
        .done_on = arrival, .staff_user = MEDICAL, .cost_dong = -1,
        .description = "Khám sức khỏe ban đầu: đo huyết áp, cân nặng, khám tổng quát, "
                       "xét nghiệm máu cơ bản",
        .outcome = n % 5 == 0 ? "Suy dinh dưỡng nhẹ; bổ sung vi chất, theo dõi cân nặng"
                              : "Sức khỏe ổn định",
      };

      if (!give (demo, &check, error))
        return FALSE;
    }

  /* Six-monthly checks for long stays. */
  {
    g_autofree char *six_months = day_after (demo, stay->admitted_at, 182);
    ShelterServiceRecord periodic = {
      .stay_id = stay->stay_id, .kind = "medical", .subkind = "periodic_check",
      .done_on = six_months, .staff_user = MEDICAL, .cost_dong = -1,
      .description = "Khám sức khỏe định kỳ 6 tháng", .outcome = "Sức khỏe ổn định",
    };

    if (n % 3 != 0 && !give (demo, &periodic, error))
      return FALSE;
  }

  if (n % 7 == 3)
    {
      g_autofree char *on = day_after (demo, stay->admitted_at, 5);
      g_autofree char *next_on = day_after (demo, stay->admitted_at, 12);
      g_autoptr (GHashTable) details = details_new ("diagnosis", "Viêm họng cấp", NULL);
      ShelterServiceRecord treatment = {
        .stay_id = stay->stay_id, .kind = "medical", .subkind = "treatment",
        .done_on = on, .staff_user = MEDICAL, .cost_dong = 185000, .next_on = next_on,
        .description = "Cấp thuốc kháng sinh và hạ sốt trong 7 ngày",
        .outcome = "Đỡ sốt sau 2 ngày", .details = details,
      };

      if (!give (demo, &treatment, error))
        return FALSE;
    }

  if (n % 29 == 11)
    {
      g_autofree char *out = day_after (demo, stay->admitted_at, 9);
      g_autofree char *back = day_after (demo, stay->admitted_at, 13);
      g_autoptr (GHashTable) details = details_new ("hospital", "Bệnh viện Đa khoa tỉnh", NULL);
      ShelterServiceRecord referral = {
        .stay_id = stay->stay_id, .kind = "medical", .subkind = "hospital_referral",
        .done_on = out, .staff_user = MEDICAL, .provider = "Bệnh viện Đa khoa tỉnh",
        .cost_dong = 1250000, .description = "Chuyển viện điều trị viêm phổi",
        .outcome = "Nhập khoa Nội hô hấp", .details = details,
      };
      ShelterServiceRecord back_home = {
        .stay_id = stay->stay_id, .kind = "medical", .subkind = "hospital_return",
        .done_on = back, .staff_user = MEDICAL, .cost_dong = -1,
        .description = "Ra viện, tiếp tục dùng thuốc tại trung tâm",
        .outcome = "Hết sốt, phổi thông thoáng", .details = details,
      };

      if (!give (demo, &referral, error) || !give (demo, &back_home, error))
        return FALSE;
    }

  /* Counselling: weekly sessions for people who were trafficked. */
  for (int week = 0; trafficking && week < 3 && n % 4 != 1; week++)
    {
      g_autofree char *on = day_after (demo, stay->admitted_at, 2 + 7 * week);
      g_autofree char *next_on = day_after (demo, stay->admitted_at, 9 + 7 * week);
      g_autoptr (GHashTable) details = details_new ("format", week == 2 ? "group" : "individual",
                                                    NULL);
      ShelterServiceRecord session = {
        .stay_id = stay->stay_id, .kind = "psychological", .subkind = "counselling",
        .done_on = on, .staff_user = COUNSELLOR, .cost_dong = -1,
        .next_on = next_on,
        .description = week == 2 ? "Sinh hoạt nhóm kỹ năng sống: nhận biết và ứng phó với "
                                   "căng thẳng"
                                 : "Tư vấn tâm lý cá nhân, ổn định cảm xúc",
        .outcome = week == 0 ? "Còn lo âu, khó ngủ" : "Ngủ tốt hơn, chủ động chia sẻ",
        .confidential_note = week == 0 ? "Hay gặp ác mộng về nơi bị giữ; sợ người lạ là nam "
                                         "giới. Chưa muốn kể về gia đình."
                                       : "Bắt đầu nói về mong muốn học nghề và về nhà.",
        .details = details,
      };

      if (!give (demo, &session, error))
        return FALSE;
    }

  /* Legal aid: papers lost or taken by the traffickers. */
  if (trafficking && !foreign && n % 4 == 2)
    {
      g_autofree char *on = day_after (demo, stay->admitted_at, 4);
      g_autoptr (GHashTable) details = details_new ("paper", "identity_card", "paper_status",
                                                    "in_progress", NULL);
      ShelterServiceRecord aid = {
        .stay_id = stay->stay_id, .kind = "legal", .subkind = "papers_recovery",
        .done_on = on, .staff_user = CASEWORKER,
        .provider = "Trung tâm Trợ giúp pháp lý nhà nước tỉnh", .cost_dong = -1,
        .description = "Hướng dẫn và làm hồ sơ cấp lại căn cước bị giữ khi bị mua bán",
        .outcome = "Đã nộp hồ sơ tại Công an xã", .details = details,
      };

      if (!give (demo, &aid, error))
        return FALSE;
    }

  /* Vocational training for adults staying a while. */
  if (age >= 18 && n % 3 == 0)
    {
      g_autofree char *counselled = day_after (demo, stay->admitted_at, 10);
      g_autofree char *start = day_after (demo, stay->admitted_at, 20);
      ShelterServiceRecord counselling = {
        .stay_id = stay->stay_id, .kind = "vocational", .subkind = "vocational_counselling",
        .done_on = counselled, .staff_user = CASEWORKER, .cost_dong = -1,
        .description = "Tư vấn chọn nghề phù hợp với sức khỏe và mong muốn",
        .outcome = "Chọn học may công nghiệp",
      };

      if (!give (demo, &counselling, error))
        return FALSE;
      if (start != NULL)
        {
          g_autoptr (GHashTable) details = details_new ("trade", "May công nghiệp", "from_on",
                                                        start, NULL);
          ShelterServiceRecord course = {
            .stay_id = stay->stay_id, .kind = "vocational", .subkind = "training_course",
            .done_on = start, .staff_user = CASEWORKER,
            .provider = "Trường Trung cấp Nghề tỉnh", .cost_dong = 2400000,
            .description = "Khóa may công nghiệp 3 tháng, học tại xưởng của trường",
            .outcome = "Đang học", .details = details,
          };

          if (!give (demo, &course, error))
            return FALSE;
        }
    }

  /* Schooling for children. */
  if (age >= 6 && age < 16)
    {
      g_autofree char *on = day_after (demo, stay->admitted_at, 7);
      g_autofree char *grade = g_strdup_printf ("%d", CLAMP (age - 5, 1, 9));
      g_autoptr (GHashTable) details = details_new ("school",
                                                    age < 11 ? "Trường Tiểu học Tân Phong"
                                                             : "Trường THCS Tân Phong",
                                                    "grade", grade, "from_on", on, NULL);
      ShelterServiceRecord school = {
        .stay_id = stay->stay_id, .kind = "schooling", .subkind = "schooling",
        .done_on = on, .staff_user = CASEWORKER, .cost_dong = 350000,
        .description = "Làm thủ tục nhập học, mua sách vở và đồng phục",
        .outcome = "Đi học đều", .details = details,
      };

      if (!give (demo, &school, error))
        return FALSE;
    }

  /* An interpreter for foreigners. */
  if (foreign)
    {
      g_autoptr (GHashTable) details = details_new ("language", "Tiếng Lào", NULL);
      ShelterServiceRecord interpreter = {
        .stay_id = stay->stay_id, .kind = "interpretation", .subkind = "interpretation",
        .done_on = arrival, .provider = "Phiên dịch viên Sở Ngoại vụ tỉnh",
        .staff_user = CASEWORKER, .cost_dong = 600000,
        .description = "Phiên dịch buổi lấy lời khai và tư vấn ban đầu",
        .outcome = "Người được hỗ trợ hiểu quyền lợi của mình", .details = details,
      };

      if (!give (demo, &interpreter, error))
        return FALSE;
    }

  /* The fare home for a few of the longest stays, about to leave. */
  if (n % 11 == 5 && !foreign)
    {
      g_autoptr (GHashTable) details = details_new ("destination", "Về quê (xe khách)", NULL);
      ShelterServiceRecord fare = {
        .stay_id = stay->stay_id, .kind = "travel", .subkind = "travel_costs",
        .done_on = demo->today, .staff_user = CASEWORKER, .cost_dong = 420000,
        .description = "Mua vé xe khách và tiền ăn đường về nơi cư trú",
        .outcome = "Đã cấp tiền", .details = details,
      };

      if (!give (demo, &fare, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_shelter_demo_services_write (ShelterSession  *session,
                              GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GArray) stays = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  Demo demo = { session, { 0 }, 0 };

  {
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_strlcpy (demo.today, today, sizeof demo.today);
  }
  if (!shelter_db_begin (db, error))
    return FALSE;
  stays = shelter_service_store_open_stays (db, error);
  if (stays == NULL)
    goto failed;
  for (guint i = 0; i < stays->len; i++)
    if (!services_for_stay (&demo, &g_array_index (stays, ShelterServiceDemoStay, i), i, error))
      goto failed;
  g_debug ("%u demo services", demo.written);
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  return FALSE;
}
