/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <string.h>

#include "shelter-app-error.h"
#include "shelter-demo.h"
#include "shelter-discharge.h"
#include "shelter-follow-up.h"
#include "shelter-stores.h"
#include "shelter-text.h"

/* The follow-up after discharge in the demo centre, through the use cases (rules, audit):
 * the follow-ups of the recorded discharges that came due before today. Most people are
 * doing well, about one in eight is at risk, one or two have been sold again, some cannot be
 * reached. The newest due follow-up of about a third of the cases is left undone, so that
 * the Follow-up section shows overdue work (about one in six of those due). Cases whose last
 * follow-up is done are closed, and one or two are closed early when the person moved away.
 * Recorded by the caseworker who discharged them. */

#define CASEWORKER      "canbo.lan"
#define CASEWORKER_NAME "Trần Thị Lan"
#define LEFT_UNDONE_PER_MILLE 300
#define AT_RISK_PER_MILLE 125
#define LOST_CONTACT_PER_MILLE 70
#define MAX_RE_TRAFFICKED 2
#define MAX_EARLY_CLOSURES 2

typedef enum { STABLE, AT_RISK, RE_TRAFFICKED, LOST_CONTACT } Situation;

static const char *const situation_codes[] = {
  "stable", "at_risk", "re_trafficked", "lost_contact"
};

typedef struct
{
  const char *living;
  const char *activity;
  const char *activity_note;
  const char *support[3];   /* NULL-terminated */
  const char *next_step;
  const char *notes;
} Outcome;

static const Outcome stable_adults[] = {
  { "with_family", "working", "Làm công nhân may tại Khu công nghiệp Đông Phố Mới, thu nhập "
    "khoảng 5 triệu đồng/tháng", { "job" },
    "Gọi điện hỏi thăm vào đợt theo dõi sau; nhắc giữ liên lạc với cán bộ xã.",
    "Sức khỏe ổn định, đi làm đều; gia đình quan tâm, không có dấu hiệu bị dụ dỗ đi làm xa." },
  { "with_family", "working", "Chăn nuôi lợn, trồng ngô cùng gia đình", { "loan" },
    "Đề nghị Hội Phụ nữ xã tiếp tục hướng dẫn kỹ thuật chăn nuôi.",
    "Đã nhận khoản vay 30 triệu đồng của Ngân hàng Chính sách xã hội, mua 5 con lợn giống; đàn "
    "lợn phát triển tốt." },
  { "with_spouse", "working", "Bán hàng tạp hóa nhỏ tại nhà", { "loan", "allowance" },
    "Thăm tại nhà vào đợt sau để xem tình hình buôn bán.",
    "Quầy hàng có thu nhập đều; vợ chồng hòa thuận, đã nhận trợ cấp khó khăn của xã." },
  { "with_family", "training", "Học nghề may tại Trung tâm Giáo dục nghề nghiệp - Giáo dục "
    "thường xuyên huyện", { "training" },
    "Liên hệ xưởng may để giới thiệu việc làm khi kết thúc khóa học.",
    "Đi học đều, được miễn học phí; tinh thần vui vẻ, đã có bạn mới." },
  { "with_family", "looking_for_work", "Đang tìm việc làm tại địa phương", { "allowance" },
    "Giới thiệu đến Trung tâm Dịch vụ việc làm tỉnh để tham gia phiên giao dịch việc làm.",
    "Đã nhận trợ cấp một lần; chưa có việc làm ổn định nhưng được gia đình hỗ trợ, tâm lý ổn "
    "định." },
};
/* Those who went home to no one: on their own or with friends. */
static const Outcome stable_alone[] = {
  { "with_others", "working", "Phục vụ tại một nhà hàng ở phường Sa Pa, ở trọ cùng đồng nghiệp",
    { "job" }, "Gọi điện vào đợt sau; nhắc số điện thoại đường dây nóng 111.",
    "Công việc ổn định, chủ nhà hàng đóng bảo hiểm; giữ liên lạc đều với cán bộ Trung tâm." },
  { "alone", "working", "Làm công nhân tại xưởng chế biến chè của xã", { "job", "allowance" },
    "Nhờ công chức Văn hóa - Xã hội xã thăm hỏi vào đợt sau.",
    "Thuê được phòng trọ gần xưởng; đã nhận trợ cấp khó khăn, sức khỏe tốt." },
};
static const Outcome stable_children[] = {
  { "with_family", "studying", "Đi học lại lớp 8 tại trường trung học cơ sở của xã",
    { "schooling" }, "Phối hợp giáo viên chủ nhiệm theo dõi việc đi học.",
    "Được miễn học phí và hỗ trợ sách vở; đi học đều, hòa đồng với bạn bè." },
  { "with_family", "studying", "Học lớp 10 tại trường trung học phổ thông của huyện",
    { "schooling", "allowance" }, "Gọi điện cho giáo viên chủ nhiệm vào đợt sau.",
    "Kết quả học tập khá; bố mẹ đưa đón, không để con đi xa một mình." },
};
static const Outcome stable_infant = {
  "with_family", "none", "Còn nhỏ, ở nhà cùng mẹ", { NULL },
  "Nhắc gia đình đưa trẻ đi tiêm chủng đầy đủ.",
  "Trẻ khỏe mạnh, đã được làm giấy khai sinh và thẻ bảo hiểm y tế."
};
static const Outcome stable_elderly = {
  "with_family", "none", "Ở nhà cùng con cháu", { "allowance" },
  "Nhắc gia đình đưa đi khám sức khỏe định kỳ tại trạm y tế xã.",
  "Được hưởng trợ cấp xã hội hằng tháng; sức khỏe ổn định, con cháu chăm sóc chu đáo."
};
static const Outcome stable_facility = {
  "in_facility", "studying", "Được chăm sóc và học văn hóa tại cơ sở tiếp nhận", { NULL },
  "Liên hệ cán bộ phụ trách của cơ sở tiếp nhận vào đợt sau.",
  "Cơ sở tiếp nhận cho biết người được hỗ trợ thích nghi tốt, sức khỏe ổn định."
};
static const Outcome stable_abroad = {
  "with_family", "unknown", NULL, { NULL },
  "Hỏi thăm qua cơ quan chức năng của nước bạn vào đợt sau.",
  "Cơ quan chức năng nước bạn xác nhận người được hỗ trợ đã về đến gia đình an toàn."
};
static const Outcome at_risk[] = {
  { "with_family", "none", "Không có việc làm", { NULL },
    "Thăm tại nhà trong tuần tới cùng công an xã; tư vấn về các lời mời đi làm ở nước ngoài.",
    "Có người lạ trong bản rủ đi làm thuê bên Trung Quốc với lương cao; người được hỗ trợ đang "
    "phân vân." },
  { "alone", "looking_for_work", "Làm thuê thời vụ, thu nhập bấp bênh", { NULL },
    "Đề nghị UBND xã xem xét cho vay vốn; gọi điện lại sau hai tuần.",
    "Mâu thuẫn với gia đình chồng, đã dọn ra ở riêng; hay buồn chán, mất ngủ." },
  { "with_family", "none", NULL, { NULL },
    "Báo công an xã theo dõi; tư vấn tâm lý qua điện thoại hằng tuần.",
    "Đối tượng môi giới trước đây đã về lại địa phương và tìm cách gặp; gia đình lo lắng." },
};
static const Outcome re_trafficked = {
  "unknown", "unknown", NULL, { NULL },
  "Đã báo Phòng Cảnh sát hình sự, Công an tỉnh Lào Cai và Đồn Biên phòng Cửa khẩu Quốc tế Lào "
  "Cai để xác minh, giải cứu.",
  "Gia đình cho biết người được hỗ trợ theo một người quen sang Trung Quốc làm thuê từ tháng "
  "trước, nay mất liên lạc; nghi bị mua bán lại."
};
static const Outcome lost_contact = {
  "unknown", "unknown", NULL, { NULL },
  "Nhờ UBND xã xác minh nơi ở; gọi lại sau một tuần.",
  "Gọi ba lần vào số điện thoại đã đăng ký, thuê bao không liên lạc được; hàng xóm nói đã đi "
  "làm ăn xa."
};

static const char *const commune_officers[] = {
  "Ông Vàng A Sử, công chức Tư pháp - Hộ tịch xã",
  "Bà Lò Thị Mai, công chức Văn hóa - Xã hội xã",
};
static const char *const early_reasons[] = {
  "Chuyển đi tỉnh khác sinh sống, đã bàn giao cho Trung tâm Công tác xã hội tỉnh Yên Bái theo "
  "dõi.",
  "Kết hôn và chuyển đến tỉnh Lai Châu sinh sống; đã bàn giao cho UBND xã nơi ở mới tiếp tục "
  "theo dõi.",
};

/* What the demo knows of a case, to tell its follow-ups. */
typedef struct
{
  gint64      stay_id;
  GPtrArray  *due;          /* ShelterFollowUpRow, not owned, by day */
  char       *reason;
  gboolean    received;     /* by a relative */
  gboolean    trafficking;
  char       *birth_date;
} DemoCase;

static void
demo_case_clear (gpointer data)
{
  DemoCase *demo_case = data;

  g_clear_pointer (&demo_case->due, g_ptr_array_unref);
  g_clear_pointer (&demo_case->reason, g_free);
  g_clear_pointer (&demo_case->birth_date, g_free);
}

static gboolean
read_case (ShelterSession  *session,
           DemoCase        *demo_case,
           GError         **error)
{
  ShelterDb *db = shelter_session_get_db (session);
  g_autoptr (ShelterDischargeRow) discharge = NULL;
  g_autoptr (ShelterPerson) person = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *type;

  discharge = shelter_discharge_store_get (db, demo_case->stay_id, &local_error);
  if (discharge == NULL)
    {
      /* Not one of the demo's recorded discharges: nothing to tell. */
      if (local_error != NULL &&
          !g_error_matches (local_error, SHELTER_DB_ERROR, SHELTER_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      demo_case->reason = g_strdup ("other");
      return TRUE;
    }
  person = shelter_person_store_get (db, discharge->person_id, error);
  if (person == NULL)
    return FALSE;
  type = shelter_person_get_person_type (person);
  demo_case->reason = g_strdup (discharge->reason);
  demo_case->received = discharge->received_by_relative_id > 0;
  demo_case->trafficking = g_strcmp0 (type, "victim") == 0 ||
                           g_strcmp0 (type, "being_identified") == 0;
  demo_case->birth_date = g_strdup (shelter_person_get_birth_date (person));
  return TRUE;
}

static const Outcome *
stable_outcome (GRand          *rand,
                const DemoCase *demo_case,
                int             age)
{
  ShelterDischargeDestination to = shelter_discharge_destination_for (demo_case->reason);

  if (to == SHELTER_DISCHARGE_TO_COUNTRY)
    return &stable_abroad;
  if (to == SHELTER_DISCHARGE_TO_FACILITY)
    return &stable_facility;
  if (age >= 0 && age < 6)
    return &stable_infant;
  if (age >= 0 && age < 18)
    return &stable_children[g_rand_int_range (rand, 0, G_N_ELEMENTS (stable_children))];
  if (age >= 60)
    return &stable_elderly;
  if (!demo_case->received)
    return &stable_alone[g_rand_int_range (rand, 0, G_N_ELEMENTS (stable_alone))];
  return &stable_adults[g_rand_int_range (rand, 0, G_N_ELEMENTS (stable_adults))];
}

static char *
done_day (GRand       *rand,
          const char  *due_on,
          const char  *today)
{
  GDate day;
  g_autofree char *text = NULL;

  g_date_clear (&day, 1);
  if (!shelter_text_parse_date (due_on, &day))
    return g_strdup (due_on);
  /* Mostly on the day, sometimes a few days late. */
  if (g_rand_int_range (rand, 0, 3) == 0)
    g_date_add_days (&day, g_rand_int_range (rand, 1, 5));
  text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
  return strcmp (text, today) > 0 ? g_strdup (today) : g_steal_pointer (&text);
}

typedef struct
{
  ShelterSession *session;
  GRand          *rand;
  char           *today;
  guint           re_trafficked;
  guint           early_closures;
  guint           done;
  guint           left;
  guint           closed;
} Writer;

/* Records the due follow-ups of a case; *@last the situation of the newest one done, and
 * whether all due ones are done. */
static gboolean
write_case (Writer          *writer,
            const DemoCase  *demo_case,
            Situation       *last,
            gboolean        *all_done,
            GError         **error)
{
  GRand *rand = writer->rand;
  guint n = demo_case->due->len;
  gboolean leave_newest = g_rand_int_range (rand, 0, 1000) < LEFT_UNDONE_PER_MILLE;
  guint n_done = leave_newest ? n - 1 : n;
  gboolean abroad = shelter_discharge_destination_for (demo_case->reason) ==
                    SHELTER_DISCHARGE_TO_COUNTRY;

  *all_done = n_done == n;
  *last = STABLE;
  writer->left += n - n_done;
  for (guint i = 0; i < n_done; i++)
    {
      ShelterFollowUpRow *due = g_ptr_array_index (demo_case->due, i);
      g_autofree char *done_on = done_day (rand, due->due_on, writer->today);
      const Outcome *outcome;
      Situation situation = STABLE;
      const char *method;
      const char *done_by = CASEWORKER_NAME;
      ShelterFollowUpInput input = { 0 };
      GDate on;
      int age;

      g_date_clear (&on, 1);
      shelter_text_parse_date (done_on, &on);
      age = demo_case->birth_date != NULL ? shelter_text_age_on (demo_case->birth_date, &on) : -1;

      /* Sold again: one or two people in the whole centre, at the newest follow-up of
       * their case and not the first after they went home. */
      if (i == n_done - 1 && i > 0 && demo_case->trafficking && age >= 16 && !abroad &&
          writer->re_trafficked < MAX_RE_TRAFFICKED &&
          (writer->re_trafficked == 0 || g_rand_int_range (rand, 0, 1000) < 200))
        situation = RE_TRAFFICKED;
      else if (g_rand_int_range (rand, 0, 1000) < LOST_CONTACT_PER_MILLE)
        situation = LOST_CONTACT;
      else if (!abroad && (age < 0 || (age >= 12 && age < 60)) &&
               g_rand_int_range (rand, 0, 1000) < AT_RISK_PER_MILLE)
        situation = AT_RISK;

      switch (situation)
        {
        case RE_TRAFFICKED:
          outcome = &re_trafficked;
          method = "commune";
          done_by = commune_officers[g_rand_int_range (rand, 0, G_N_ELEMENTS (commune_officers))];
          writer->re_trafficked++;
          break;
        case LOST_CONTACT:
          outcome = &lost_contact;
          method = "call";
          break;
        case AT_RISK:
          outcome = &at_risk[g_rand_int_range (rand, 0, G_N_ELEMENTS (at_risk))];
          method = "visit";
          break;
        case STABLE:
        default:
          outcome = stable_outcome (rand, demo_case, age);
          {
            guint draw = g_rand_int_range (rand, 0, 10);

            method = abroad || draw < 6 ? "call" : draw < 9 ? "visit" : "commune";
          }
          if (g_str_equal (method, "commune"))
            done_by = commune_officers[g_rand_int_range (rand, 0,
                                                         G_N_ELEMENTS (commune_officers))];
          break;
        }

      input.id = due->id;
      input.version = due->version;
      input.stay_id = due->stay_id;
      input.done_on = done_on;
      input.method = method;
      input.done_by = done_by;
      input.situation = situation_codes[situation];
      input.living = outcome->living;
      input.activity = outcome->activity;
      input.activity_note = outcome->activity_note;
      input.support = outcome->support[0] != NULL ? outcome->support : NULL;
      input.next_step = outcome->next_step;
      input.notes = outcome->notes;
      if (shelter_follow_up_record (writer->session, &input, error) == 0)
        return FALSE;
      writer->done++;
      *last = situation;
    }
  return TRUE;
}

/* Closes the case when its last follow-up is done and the person is doing well (or cannot
 * be found); one or two close early, when the person moved to another province. */
static gboolean
close_case (Writer          *writer,
            const DemoCase  *demo_case,
            Situation        last,
            GError         **error)
{
  g_autoptr (GPtrArray) follow_ups = NULL;
  guint planned = 0;

  if (last != STABLE && last != LOST_CONTACT)
    return TRUE;
  follow_ups = shelter_follow_up_list_for_stay (writer->session, demo_case->stay_id, error);
  if (follow_ups == NULL)
    return FALSE;
  for (guint i = 0; i < follow_ups->len; i++)
    if (g_strcmp0 (((ShelterFollowUpRow *) g_ptr_array_index (follow_ups, i))->status,
                   "planned") == 0)
      planned++;

  if (planned == 0)
    {
      if (!shelter_follow_up_close_case (writer->session, demo_case->stay_id, NULL,
                                         last == STABLE
                                           ? "Sau sáu tháng theo dõi, người được hỗ trợ sống ổn "
                                             "định, không có dấu hiệu bị mua bán lại; kết thúc "
                                             "theo dõi."
                                           : "Mất liên lạc sau nhiều lần liên hệ; đã đề nghị "
                                             "UBND xã tiếp tục theo dõi tại địa phương.",
                                         error))
        return FALSE;
      writer->closed++;
    }
  else if (last == STABLE && writer->early_closures < MAX_EARLY_CLOSURES &&
           shelter_discharge_destination_for (demo_case->reason) == SHELTER_DISCHARGE_TO_ADDRESS &&
           (writer->early_closures == 0 || g_rand_int_range (writer->rand, 0, 1000) < 300))
    {
      if (!shelter_follow_up_close_case (writer->session, demo_case->stay_id,
                                         early_reasons[writer->early_closures],
                                         "Đang sống ổn định; hồ sơ theo dõi đã được bàn giao "
                                         "cho nơi ở mới.", error))
        return FALSE;
      writer->early_closures++;
      writer->closed++;
    }
  return TRUE;
}

gboolean
_shelter_demo_follow_up_write (ShelterSession  *session,
                               GRand           *rand,
                               GError         **error)
{
  g_autoptr (GDateTime) now = shelter_session_now (session);
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (ShelterSession) caseworker = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GArray) cases = NULL;
  g_autoptr (GHashTable) case_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  ShelterDb *db = shelter_session_get_db (session);
  Writer writer = { 0 };

  user = shelter_user_store_get_by_username (db, CASEWORKER, NULL);
  caseworker = user != NULL ? shelter_session_new_for_user (db, user) : g_object_ref (session);
  shelter_session_set_clock (caseworker, now);

  due = shelter_follow_up_list_due (caseworker, today, error);
  if (due == NULL)
    return FALSE;
  if (due->len == 0)
    return TRUE;

  /* The due follow-ups by case, the cases in the order of their first one. */
  cases = g_array_new (FALSE, TRUE, sizeof (DemoCase));
  g_array_set_clear_func (cases, demo_case_clear);
  for (guint i = 0; i < due->len; i++)
    {
      ShelterFollowUpRow *row = g_ptr_array_index (due, i);
      gpointer index = NULL;
      DemoCase *demo_case;

      if (!g_hash_table_lookup_extended (case_of, &row->stay_id, NULL, &index))
        {
          DemoCase fresh = { .stay_id = row->stay_id, .due = g_ptr_array_new () };

          g_array_append_val (cases, fresh);
          index = GUINT_TO_POINTER (cases->len - 1);
          /* The key lives in the row, which outlives the table. */
          g_hash_table_insert (case_of, &row->stay_id, index);
        }
      demo_case = &g_array_index (cases, DemoCase, GPOINTER_TO_UINT (index));
      g_ptr_array_add (demo_case->due, row);
    }

  writer.session = caseworker;
  writer.rand = rand;
  writer.today = today;
  if (!shelter_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < cases->len; i++)
    {
      DemoCase *demo_case = &g_array_index (cases, DemoCase, i);
      Situation last;
      gboolean all_done;

      if (!read_case (caseworker, demo_case, error) ||
          !write_case (&writer, demo_case, &last, &all_done, error) ||
          (all_done && !close_case (&writer, demo_case, last, error)))
        goto failed;
    }
  g_debug ("%u demo follow-ups done, %u left overdue, %u re-trafficked, %u cases closed "
           "(%u early)", writer.done, writer.left, writer.re_trafficked, writer.closed,
           writer.early_closures);
  return shelter_db_commit (db, error);

failed:
  shelter_db_rollback (db);
  g_prefix_error (error, "Demo follow-ups: ");
  return FALSE;
}
