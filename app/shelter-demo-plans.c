/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shelter-app-error.h"
#include "shelter-stores.h"
#include "shelter-support-plan.h"
#include "shelter-text.h"

/* The support plans of the demo centre, through the use cases (rules, audit), for a few
 * residents staying today: a needs assessment a week after arrival by the caseworker, a plan
 * she drafts, approved and started by the head of centre three days later, progress notes
 * from the caseworker, the nurse and the counsellor, and the reviews every three months,
 * except for one resident whose review is overdue. The newest arrival has a draft awaiting
 * approval. Each step runs with the clock of its day and the account of who did it. */

#define CASEWORKER "canbo.lan"
#define MANAGER    "giamdoc"
#define MEDICAL    "yte.hoa"
#define COUNSELLOR "tamly.minh"
#define MAX_PLANS  8

typedef struct
{
  ShelterDb      *db;
  ShelterSession *operator;
  GHashTable     *sessions; /* user name -> ShelterSession */
  char            today[11];
  guint           overdue_left;
} Demo;

/* The session of @username at 09:00 + @hour on @day (the operator's when there is no such
 * account). */
static ShelterSession *
session_on (Demo       *demo,
            const char *username,
            const char *day,
            int         hour)
{
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) clock = NULL;
  ShelterSession *session = g_hash_table_lookup (demo->sessions, username);
  int y, m, d;

  if (session == NULL)
    {
      g_autoptr (ShelterUser) user = shelter_user_store_get_by_username (demo->db, username,
                                                                         NULL);

      session = user != NULL ? shelter_session_new_for_user (demo->db, user)
                             : g_object_ref (demo->operator);
      g_hash_table_insert (demo->sessions, g_strdup (username), session);
    }
  sscanf (day, "%d-%d-%d", &y, &m, &d);
  clock = g_date_time_new (vietnam, y, m, d, 9 + hour, 0, 0);
  shelter_session_set_clock (session, clock);
  return session;
}

static char *
day_plus (const char *day,
          int         days,
          int         months)
{
  GDate date;
  char text[11];

  g_date_clear (&date, 1);
  shelter_text_parse_date (day, &date);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_date_add_months (&date, months);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static gboolean
is_child (const ShelterServiceDemoStay *stay)
{
  return g_str_equal (stay->person_type, "accompanying_minor") ||
         strncmp (stay->birth_date, "2012", 4) > 0;
}

static gboolean
plan_for_stay (Demo                          *demo,
               const ShelterServiceDemoStay  *stay,
               gboolean                       draft_only,
               GError                       **error)
{
  g_autofree char *admitted = g_strndup (stay->admitted_at, 10);
  g_autofree char *assessed = day_plus (admitted, 7, 0);
  g_autofree char *approved = day_plus (admitted, 10, 0);
  g_autofree char *t3 = day_plus (approved, 0, 3);
  g_autofree char *t4 = day_plus (approved, 0, 4);
  g_autofree char *t6 = day_plus (approved, 0, 6);
  gboolean child = is_child (stay);
  gboolean trafficked = g_str_equal (stay->person_type, "victim") ||
                        g_str_equal (stay->person_type, "being_identified");
  ShelterNeedInput needs[] = {
    { "health", "medium", "Sức khỏe yếu, thiếu máu nhẹ, cần khám phụ khoa" },
    { "education", "high", child ? "Bỏ học từ lớp 4, muốn đi học lại"
                                 : "Chưa có nghề, muốn học may" },
    { "livelihood", child ? "none" : "high", child ? NULL : "Không có thu nhập, gia đình nghèo" },
    { "family", "medium", "Gia đình ở xa, chưa liên lạc được với mẹ" },
    { "life_skills", "low", NULL },
    { "community", "low", NULL },
    { "psychological", trafficked ? "high" : "medium",
      "Hay mất ngủ, sợ người lạ, cần tư vấn tâm lý" },
    { "other", child ? "low" : "medium",
      child ? "Chưa có giấy khai sinh bản chính" : "Mất căn cước công dân, cần làm lại giấy tờ" },
  };
  ShelterGoalInput adult_goals[] = {
    { "education", "Hoàn thành khóa học may công nghiệp 3 tháng",
      "Tư vấn học nghề; học may tại Trường Trung cấp nghề tỉnh", "i", CASEWORKER, t4 },
    { "health", "Điều trị dứt điểm thiếu máu, khám phụ khoa",
      "Khám và điều trị tại Bệnh viện Đa khoa tỉnh", "b", MEDICAL, t3 },
    { "psychological", "Ngủ ngon hơn, bớt lo âu, tự tin khi giao tiếp",
      "Tư vấn tâm lý cá nhân hằng tuần", "g", COUNSELLOR, t3 },
    { "livelihood", "Vay vốn mở tiệm may nhỏ tại quê",
      "Hướng dẫn hồ sơ vay vốn Ngân hàng Chính sách xã hội", "k",
      "Ngân hàng Chính sách xã hội huyện", t6 },
    { "family", "Liên hệ được với gia đình, chuẩn bị trở về nơi cư trú",
      "Liên hệ gia đình qua UBND xã và Công an xã", NULL, CASEWORKER, t3 },
  };
  ShelterGoalInput child_goals[] = {
    { "education", "Đi học lại lớp 5 tại trường tiểu học gần trung tâm",
      "Liên hệ nhà trường, hỗ trợ sách vở, đồng phục", "h", CASEWORKER, t4 },
    { "health", "Tiêm chủng bù và khám sức khỏe định kỳ",
      "Khám tại Trạm y tế phường", "b", MEDICAL, t3 },
    { "psychological", "Bớt sợ hãi, hòa đồng với các bạn",
      "Tư vấn tâm lý, sinh hoạt nhóm", "g", COUNSELLOR, t3 },
    { "family", "Đoàn tụ với gia đình hoặc người giám hộ",
      "Liên hệ gia đình qua UBND xã", NULL, CASEWORKER, t6 },
  };
  const ShelterGoalInput *goals = child ? child_goals : adult_goals;
  guint n_goals = child ? G_N_ELEMENTS (child_goals) : G_N_ELEMENTS (adult_goals);
  ShelterSession *session;
  g_autofree char *review = NULL;
  gint64 plan_id;

  if (draft_only)
    {
      g_autofree char *start = day_plus (demo->today, 30, 0);
      ShelterGoalInput draft[] = {
        { "psychological", "Ổn định tâm lý sau tiếp nhận, ngủ đủ giấc",
          "Tư vấn tâm lý cá nhân 2 buổi mỗi tuần", "g", COUNSELLOR, start },
        { "family", "Xác minh và liên hệ được với gia đình",
          "Phối hợp Công an xã, UBND xã nơi cư trú", NULL, CASEWORKER, start },
      };

      session = session_on (demo, CASEWORKER, demo->today, 0);
      if (shelter_support_plan_assess (session, stay->stay_id, demo->today, needs,
                                       G_N_ELEMENTS (needs), error) == 0)
        return FALSE;
      return shelter_support_plan_draft (session, stay->stay_id, draft, G_N_ELEMENTS (draft),
                                         NULL, error) != 0;
    }

  session = session_on (demo, CASEWORKER, assessed, 0);
  if (shelter_support_plan_assess (session, stay->stay_id, assessed, needs,
                                   G_N_ELEMENTS (needs), error) == 0)
    return FALSE;
  plan_id = shelter_support_plan_draft (session, stay->stay_id, goals, n_goals, NULL, error);
  if (plan_id == 0)
    return FALSE;
  session = session_on (demo, MANAGER, approved, 0);
  if (!shelter_support_plan_approve (session, plan_id, 1, NULL, error))
    return FALSE;
  session = session_on (demo, CASEWORKER, approved, 1);
  if (!shelter_support_plan_start (session, plan_id, 2, error))
    return FALSE;

  /* Progress notes, each on its day when it has come. */
  {
    const struct { const char *who; int days; const char *text; } notes[] = {
      { COUNSELLOR, 14, "Đã tham gia 2 buổi tư vấn, bắt đầu chia sẻ, ngủ được 5-6 tiếng." },
      { MEDICAL, 20, "Đã khám tại Bệnh viện Đa khoa tỉnh, đang uống viên sắt theo đơn." },
      { CASEWORKER, 35, child ? "Đã liên hệ trường tiểu học, nhà trường đồng ý nhận vào lớp 5."
                              : "Đã nhập học lớp may công nghiệp, đi học đều, cô giáo khen khéo tay." },
      { CASEWORKER, 60, "UBND xã đã xác minh được địa chỉ gia đình; mẹ đã gọi điện thăm hỏi." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
      {
        g_autofree char *on = day_plus (approved, notes[i].days, 0);

        if (strcmp (on, demo->today) > 0)
          break;
        session = session_on (demo, notes[i].who, on, 2);
        if (shelter_support_plan_add_note (session, plan_id, 0, on, notes[i].text, error) == 0)
          return FALSE;
      }
  }

  /* The reviews every three months, up to today; one resident's is left overdue. */
  review = g_strdup (t3);
  for (gint64 version = 3; strcmp (review, demo->today) <= 0; version++)
    {
      g_autofree char *next = day_plus (review, 0, 3);

      if (demo->overdue_left > 0)
        {
          demo->overdue_left--;
          break;
        }
      session = session_on (demo, CASEWORKER, review, 3);
      if (!shelter_support_plan_review (session, plan_id, version, next,
                                        "Rà soát định kỳ: các mục tiêu đang thực hiện đúng tiến "
                                        "độ, tiếp tục kế hoạch.", error))
        return FALSE;
      g_free (review);
      review = g_steal_pointer (&next);
    }
  return TRUE;
}

gboolean
_shelter_demo_plans_write (ShelterSession  *session,
                           GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (GArray) stays = NULL;
  g_autoptr (GHashTable) sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_object_unref);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *settled = NULL;
  ShelterDb *db = shelter_session_get_db (session);
  Demo demo = { db, session, sessions, { 0 }, 1 };
  guint written = 0;
  gboolean drafted = FALSE;

  g_strlcpy (demo.today, today, sizeof demo.today);
  /* A plan comes 10 days after arrival; its first review 3 months later. */
  settled = day_plus (today, -14, 0);
  if (!shelter_db_begin (db, error))
    return FALSE;
  stays = shelter_service_store_open_stays (db, error);
  if (stays == NULL)
    goto failed;
  for (guint i = 0; i < stays->len && written < MAX_PLANS; i++)
    {
      const ShelterServiceDemoStay *stay = &g_array_index (stays, ShelterServiceDemoStay, i);

      if (strncmp (stay->admitted_at, settled, 10) > 0)
        continue;
      if (!plan_for_stay (&demo, stay, FALSE, error))
        goto failed;
      written++;
    }
  /* The newest arrival's plan awaits the head of centre. */
  for (guint i = stays->len; i > 0 && !drafted; i--)
    {
      const ShelterServiceDemoStay *stay = &g_array_index (stays, ShelterServiceDemoStay, i - 1);

      if (strncmp (stay->admitted_at, settled, 10) <= 0)
        break;
      if (!plan_for_stay (&demo, stay, TRUE, error))
        goto failed;
      drafted = TRUE;
    }
  g_debug ("%u demo support plans", written + (drafted ? 1 : 0));
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_prefix_error (error, "Demo support plans: ");
  return FALSE;
}
