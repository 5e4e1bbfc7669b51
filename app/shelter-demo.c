/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shelter-demo"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shelter-accounts.h"
#include "shelter-admission.h"
#include "shelter-app-error.h"
#include "shelter-capacity.h"
#include "shelter-demo.h"
#include "shelter-discharge.h"
#include "shelter-family.h"
#include "shelter-meals.h"
#include "shelter-services.h"
#include "shelter-placement.h"
#include "shelter-reception.h"
#include "shelter-domain.h"
#include "shelter-enums.h"
#include "shelter-rooms.h"
#include "shelter-safety.h"
#include "shelter-settings.h"
#include "shelter-stores.h"
#include "shelter-support-plan.h"
#include "shelter-referrals.h"
#include "shelter-text.h"

/* The demo centre is a simulation. People arrive one after another; each goes to a room
 * that suits their sex and age with a bed free that day (or waits a few days in reception,
 * or is referred elsewhere), stays a while and leaves. The whole plan is made in memory
 * first, on a scale of days, because its length decides the dates; then it is written in
 * order of admission through the same use cases as the intake form. A past stay is
 * discharged right after its admission, so the open placements in the file are always the
 * people still in residence, who never outnumber the beds. */

#define ADDRESS_SCHEME "vn-2025-07"
#define ETHNICITY_SCHEME "qd121-1979"
#define PEOPLE_PER_TRANSACTION 2000
#define MAX_BEDS_PER_ROOM 8
#define MAX_WAIT_DAYS 3
#define FLOORS_PER_BUILDING 3
/* The centre should look about this full today. */
#define TARGET_OCCUPANCY 0.8
/* Arrivals a day are this share of the beds divided by the mean stay: above the target,
 * since some arrivals find no suitable bed and the men's and elderly rooms never fill. */
#define OFFERED_LOAD 1.0
#define OPENING_HOUR 8
#define FOREIGNER_PER_MILLE 30
#define STATELESS_PER_MILLE 10
#define FOREIGN_PASSPORT_PER_MILLE 400
/* A few residents come from any province at all. */
#define ANY_PROVINCE_PER_MILLE 60

/* Tables of values chosen with a weight end with a weight of 0; lists of names with NULL. */
typedef struct
{
  const char *value;
  guint       weight;
} Weighted;

/* Whole numbers from min to max. */
typedef struct
{
  guint min;
  guint max;
  guint weight;
} Band;

typedef enum { SEX_FEMALE, SEX_MALE, USE_FAMILY /* rooms only */ } RoomUse;
typedef enum { AGE_CHILD, AGE_YOUTH, AGE_ADULT, AGE_ELDERLY, AGE_ANY /* rooms only */ } AgeGroup;

static const char *const room_use_codes[] = { "female", "male", "family" };
static const char *const age_group_codes[] = { "child", "youth", "adult", "elderly", "any" };

/* ---- Rooms ------------------------------------------------------------------------------- */

typedef struct
{
  guint       building; /* 0 or 1 of a pair */
  guint       number;   /* on its floor */
  const char *name;
  RoomUse     use;
  AgeGroup    age_group;
  guint       beds;
  gboolean    care_24h;
  gboolean    accessible;
} RoomTemplate;

/* A room for every sex and age group over two buildings: the women's, and the men's with
 * the family rooms where small children stay with their mothers. */
static const RoomTemplate base_room_set[] = {
  { 0, 1, "Phòng nữ dưới 16 tuổi", SEX_FEMALE, AGE_CHILD, 8, FALSE, FALSE },
  { 0, 2, "Phòng nữ 16-17 tuổi", SEX_FEMALE, AGE_YOUTH, 8, FALSE, FALSE },
  { 0, 3, "Phòng nữ trưởng thành 1", SEX_FEMALE, AGE_ADULT, 8, FALSE, FALSE },
  { 0, 4, "Phòng nữ trưởng thành 2", SEX_FEMALE, AGE_ADULT, 8, FALSE, FALSE },
  { 0, 5, "Phòng nữ cao tuổi", SEX_FEMALE, AGE_ELDERLY, 4, FALSE, TRUE },
  { 0, 6, "Phòng chăm sóc 24/24 (nữ)", SEX_FEMALE, AGE_ADULT, 4, TRUE, TRUE },
  { 1, 1, "Phòng nam dưới 16 tuổi", SEX_MALE, AGE_CHILD, 4, FALSE, FALSE },
  { 1, 2, "Phòng nam 16-17 tuổi", SEX_MALE, AGE_YOUTH, 4, FALSE, FALSE },
  { 1, 3, "Phòng nam trưởng thành", SEX_MALE, AGE_ADULT, 6, FALSE, FALSE },
  { 1, 4, "Phòng nam cao tuổi", SEX_MALE, AGE_ELDERLY, 4, FALSE, TRUE },
  { 1, 5, "Phòng gia đình 1", USE_FAMILY, AGE_ANY, 8, FALSE, FALSE },
  { 1, 6, "Phòng gia đình 2", USE_FAMILY, AGE_ANY, 8, FALSE, TRUE },
};

/* ---- Who arrives, for how long --------------------------------------------------------- */

static const Band trafficking_ages[] = {
  { 14, 15, 12 }, { 16, 17, 18 }, { 18, 35, 62 }, { 36, 50, 8 }, { 0 }
};
static const Band accompanying_minor_ages[] = {
  { 0, 5, 40 }, { 6, 15, 45 }, { 16, 17, 15 }, { 0 }
};
static const Band other_protected_ages[] = {
  { 0, 5, 10 }, { 6, 15, 10 }, { 16, 17, 10 }, { 18, 59, 40 }, { 60, 90, 30 }, { 0 }
};

typedef struct
{
  const char *code;
  guint       weight;
  guint       female_per_mille;
  guint       high_protection_per_mille;
  const Band *ages;
} PersonTypeProfile;

static const PersonTypeProfile person_types[] = {
  { "victim", 55, 880, 120, trafficking_ages },
  { "being_identified", 20, 850, 60, trafficking_ages },
  { "accompanying_minor", 10, 500, 0, accompanying_minor_ages },
  { "other_protected", 15, 700, 0, other_protected_ages },
};

/* Most stays end within a month or two; a few last until the six-month limit. */
static const Band stay_lengths[] = {
  { 7, 30, 45 }, { 31, 90, 35 }, { 91, 150, 14 }, { 151, 180, 6 }, { 0 }
};

static const Weighted citizen_discharge_reasons[] = {
  { "goals_reached", 50 }, { "community_reintegration", 25 }, { "transfer", 6 },
  { "long_term_protection", 4 }, { "own_request", 7 }, { "no_contact", 4 }, { "other", 4 },
  { NULL }
};
static const Weighted foreigner_discharge_reasons[] = {
  { "repatriation", 85 }, { "transfer", 5 }, { "own_request", 5 }, { "other", 5 }, { NULL }
};

/* ---- Names ------------------------------------------------------------------------------- */

/* Country-wide frequencies, in hundredths of a percent. */
static const Weighted common_family_names[] = {
  { "Nguyễn", 3800 }, { "Trần", 1100 }, { "Lê", 950 }, { "Phạm", 700 }, { "Phan", 450 },
  { "Hoàng", 300 }, { "Huỳnh", 200 }, { "Vũ", 200 }, { "Võ", 200 }, { "Đặng", 200 },
  { "Bùi", 200 }, { "Đỗ", 140 }, { "Hồ", 130 }, { "Ngô", 130 }, { "Dương", 100 }, { "Lý", 50 },
  { "Đinh", 60 }, { "Trịnh", 50 }, { "Đào", 50 }, { "Mai", 40 }, { "Hà", 40 }, { "Lương", 40 },
  { "Cao", 40 }, { "Lâm", 30 }, { "Tạ", 25 }, { "Chu", 20 }, { "Quách", 15 }, { "Kiều", 15 },
  { "Triệu", 15 }, { "Thái", 10 }, { NULL }
};
static const Weighted hmong_family_names[] = {
  { "Giàng", 25 }, { "Sùng", 20 }, { "Vàng", 20 }, { "Thào", 15 }, { "Lù", 10 }, { "Mùa", 10 },
  { "Hạng", 8 }, { "Vừ", 8 }, { "Lý", 8 }, { "Má", 4 }, { NULL }
};
static const Weighted thai_family_names[] = {
  { "Lò", 30 }, { "Lường", 20 }, { "Cầm", 15 }, { "Quàng", 10 }, { "Vì", 10 }, { "Hà", 10 },
  { "Lộc", 5 }, { "Tòng", 5 }, { NULL }
};
static const Weighted dao_family_names[] = {
  { "Triệu", 35 }, { "Bàn", 30 }, { "Đặng", 15 }, { "Lý", 10 }, { "Chảo", 10 }, { NULL }
};
static const Weighted tay_nung_family_names[] = {
  { "Hoàng", 25 }, { "Nông", 25 }, { "Lục", 10 }, { "Ma", 8 }, { "Hà", 8 }, { "Lương", 8 },
  { "Vi", 6 }, { "Lăng", 5 }, { "Nguyễn", 5 }, { NULL }
};
static const Weighted muong_family_names[] = {
  { "Bùi", 40 }, { "Đinh", 25 }, { "Quách", 15 }, { "Hà", 10 }, { "Cao", 10 }, { NULL }
};
static const Weighted khmer_family_names[] = {
  { "Thạch", 30 }, { "Sơn", 20 }, { "Danh", 20 }, { "Kim", 10 }, { "Lâm", 10 }, { "Chau", 10 },
  { NULL }
};
static const Weighted hoa_family_names[] = {
  { "Lý", 25 }, { "Lâm", 20 }, { "Trương", 20 }, { "Quách", 15 }, { "Mã", 10 }, { "Hứa", 10 },
  { NULL }
};

/* "" is no middle name, which is not rare. */
static const Weighted female_middle_names[] = {
  { "Thị", 600 }, { "Ngọc", 60 }, { "Thu", 40 }, { "Thanh", 40 }, { "Hồng", 40 }, { "Kim", 30 },
  { "Mỹ", 30 }, { "Hoài", 20 }, { "Minh", 20 }, { "Bảo", 15 }, { "Phương", 15 }, { "Diệu", 10 },
  { "Quỳnh", 10 }, { "", 70 }, { NULL }
};
static const Weighted male_middle_names[] = {
  { "Văn", 450 }, { "Minh", 60 }, { "Đức", 60 }, { "Hữu", 50 }, { "Quang", 50 }, { "Thanh", 40 },
  { "Công", 30 }, { "Ngọc", 20 }, { "Xuân", 20 }, { "Bảo", 20 }, { "Trọng", 20 }, { "Hoài", 15 },
  { "Tuấn", 15 }, { "", 150 }, { NULL }
};
/* HMông men often have "A" in the middle: Giàng A Páo. */
static const Weighted hmong_male_middle_names[] = {
  { "A", 60 }, { "Văn", 30 }, { "", 10 }, { NULL }
};

static const char *const female_given_names[] = {
  "Lan", "Hương", "Mai", "Hoa", "Linh", "Trang", "Huyền", "Ngọc", "Thảo", "Nhung", "Hằng", "Yến",
  "Phương", "Dung", "Nga", "Vân", "Hà", "Ánh", "Chi", "Nhi", "Mỷ", "Xuân", "Thủy", "Hạnh", "Loan",
  "Liên", "Tâm", "Thu", "Hiền", "Quỳnh", "Oanh", "Trinh", "Vy", "Anh", "Duyên", "Giang", "My",
  "Tuyết", "Uyên", "Diệp", "Lụa", "Thơm", "Nguyệt", "Bích", "Diễm", "Hồng", "Đào", NULL
};
static const char *const male_given_names[] = {
  "Nam", "Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Sơn", "Quân", "Khoa", "Đức", "Phúc",
  "Tùng", "Thắng", "Cường", "Huy", "Hoàng", "Bình", "Hiếu", "Trung", "Kiên", "Thành", "Vinh",
  "Phong", "Tâm", "Toàn", "Hậu", "Khánh", "Lâm", "Tài", "An", "Bảo", "Đạt", "Duy", "Hưng", "Lợi",
  "Nghĩa", "Quang", "Tín", "Việt", "Thịnh", "Lộc", NULL
};
static const char *const hmong_female_given_names[] = {
  "Mỷ", "Dợ", "Sua", "Mai", "Chá", "Say", "Pàng", "Dính", "Súa", "Lan", "Vư", "Sy", NULL
};
static const char *const hmong_male_given_names[] = {
  "Páo", "Sình", "Chứ", "Dình", "Lử", "Tủa", "Chinh", "Sử", "Pó", "Tráng", "Vàng", "Dế", NULL
};

/* ---- Homes and ethnic groups ------------------------------------------------------------- */

/* Province names as in the reference data, compared without diacritics. Most residents come
 * from the northern border provinces. */
static const Weighted kinh_home_provinces[] = {
  { "Lào Cai", 14 }, { "Lai Châu", 4 }, { "Điện Biên", 5 }, { "Sơn La", 6 }, { "Cao Bằng", 5 },
  { "Tuyên Quang", 7 }, { "Lạng Sơn", 6 }, { "Thái Nguyên", 3 }, { "Quảng Ninh", 4 },
  { "Phú Thọ", 5 }, { "Nghệ An", 8 }, { "Thanh Hoá", 8 }, { "Hà Tĩnh", 3 }, { "An Giang", 4 },
  { "Đồng Tháp", 2 }, { "Cà Mau", 2 }, { "Cần Thơ", 2 }, { "Tây Ninh", 2 }, { "Hà Nội", 5 },
  { "Hải Phòng", 2 }, { "Hồ Chí Minh", 3 }, { "Bắc Ninh", 2 }, { "Hưng Yên", 2 },
  { "Ninh Bình", 2 }, { NULL }
};
static const Weighted hmong_home_provinces[] = {
  { "Lào Cai", 30 }, { "Tuyên Quang", 25 }, { "Lai Châu", 15 }, { "Điện Biên", 15 },
  { "Sơn La", 10 }, { "Cao Bằng", 5 }, { "Nghệ An", 3 }, { "Thanh Hoá", 2 }, { NULL }
};
static const Weighted thai_home_provinces[] = {
  { "Sơn La", 40 }, { "Điện Biên", 20 }, { "Lai Châu", 10 }, { "Nghệ An", 15 },
  { "Thanh Hoá", 10 }, { "Lào Cai", 5 }, { NULL }
};
static const Weighted dao_home_provinces[] = {
  { "Lào Cai", 30 }, { "Tuyên Quang", 30 }, { "Cao Bằng", 10 }, { "Lai Châu", 10 },
  { "Quảng Ninh", 10 }, { "Thái Nguyên", 10 }, { NULL }
};
static const Weighted tay_nung_home_provinces[] = {
  { "Cao Bằng", 30 }, { "Lạng Sơn", 30 }, { "Tuyên Quang", 20 }, { "Thái Nguyên", 10 },
  { "Lào Cai", 10 }, { NULL }
};
static const Weighted muong_home_provinces[] = {
  { "Phú Thọ", 60 }, { "Thanh Hoá", 30 }, { "Ninh Bình", 10 }, { NULL }
};
static const Weighted khmer_home_provinces[] = {
  { "An Giang", 40 }, { "Cần Thơ", 25 }, { "Vĩnh Long", 25 }, { "Cà Mau", 10 }, { NULL }
};
static const Weighted hoa_home_provinces[] = {
  { "Hồ Chí Minh", 50 }, { "Quảng Ninh", 20 }, { "Lạng Sơn", 15 }, { "Cà Mau", 15 }, { NULL }
};
static const Weighted highland_home_provinces[] = {
  { "Lào Cai", 40 }, { "Lai Châu", 30 }, { "Điện Biên", 20 }, { "Sơn La", 10 }, { NULL }
};

static const Weighted kinh_religions[] = {
  { "none", 70 }, { "buddhism", 17 }, { "catholicism", 8 }, { "cao_dai", 2 }, { "other", 3 },
  { NULL }
};
static const Weighted highland_religions[] = {
  { "none", 62 }, { "protestantism", 28 }, { "catholicism", 8 }, { "other", 2 }, { NULL }
};
static const Weighted khmer_religions[] = { { "buddhism", 92 }, { "none", 8 }, { NULL } };

static const char *const villages[] = {
  "Bản Cát Cát", "Bản Tả Phìn", "Thôn Nậm Cang", "Bản Lếch", "Thôn 3", "Thôn 5", "Xóm Đông",
  "Tổ dân phố 2", "Ấp Tân Hòa", NULL
};

typedef struct
{
  const char     *code; /* qd121-1979 */
  guint           weight;
  const Weighted *family_names;
  const Weighted *home_provinces;
  gboolean        hmong_names;
  const char     *language;                 /* NULL for Vietnamese */
  guint           interpreter_per_mille;
  const Weighted *religions;
} EthnicProfile;

/* Of the Vietnamese residents, in thousandths. */
static const EthnicProfile ethnic_profiles[] = {
  { "01", 650, common_family_names, kinh_home_provinces, FALSE, NULL, 0, kinh_religions },      /* Kinh */
  { "08", 120, hmong_family_names, hmong_home_provinces, TRUE, "tiếng H'Mông", 350, highland_religions },       /* HMông */
  { "03", 60, thai_family_names, thai_home_provinces, FALSE, "tiếng Thái", 80, highland_religions },         /* Thái */
  { "09", 40, dao_family_names, dao_home_provinces, FALSE, "tiếng Dao", 150, highland_religions },           /* Dao */
  { "02", 40, tay_nung_family_names, tay_nung_home_provinces, FALSE, "tiếng Tày", 20, highland_religions }, /* Tày */
  { "06", 25, muong_family_names, muong_home_provinces, FALSE, "tiếng Mường", 20, kinh_religions },       /* Mường */
  { "07", 25, tay_nung_family_names, tay_nung_home_provinces, FALSE, "tiếng Nùng", 40, highland_religions }, /* Nùng */
  { "05", 15, khmer_family_names, khmer_home_provinces, FALSE, "tiếng Khơ-me", 120, khmer_religions },       /* Khơ-me */
  { "04", 5, hoa_family_names, hoa_home_provinces, FALSE, "tiếng Hoa", 60, kinh_religions },            /* Hoa */
  { "25", 8, common_family_names, highland_home_provinces, FALSE, "tiếng Giáy", 100, highland_religions },    /* Giáy */
  { "35", 6, common_family_names, highland_home_provinces, FALSE, "tiếng Hà Nhì", 250, highland_religions },    /* Hà Nhì */
  { "29", 6, common_family_names, thai_home_provinces, FALSE, "tiếng Khơ-mú", 200, highland_religions },        /* Khơ-mú */
};

static const Weighted adult_papers[] = { { "cccd", 55 }, { "cmnd", 5 }, { "none", 40 }, { NULL } };
static const Weighted undocumented_birth_precisions[] = {
  { "day", 70 }, { "year", 22 }, { "estimated", 8 }, { NULL }
};
/* Viettel's 03 and 09 numbers are the most common. */
static const Weighted mobile_prefixes[] = {
  { "09", 35 }, { "03", 30 }, { "08", 15 }, { "07", 10 }, { "05", 10 }, { NULL }
};

typedef struct
{
  const char *country; /* ISO 3166 alpha-2 */
  guint       weight;
  char        passport_letter;
  int         passport_digits;
  const char *family_names[7];
  const char *female_names[7];
  const char *male_names[5];
} ForeignProfile;

static const ForeignProfile foreign_profiles[] = {
  { "LA", 45, 'P', 7, { "Phommavong", "Sisavath", "Keomany", "Vongsa", "Inthavong", "Sengdara" },
    { "Noy", "Manivanh", "Souksavanh", "Phonsavanh", "Kham", "Vilay" },
    { "Somphone", "Bounmy", "Khamla", "Sengphet" } },
  { "CN", 30, 'E', 8, { "Wang", "Li", "Zhang", "Liu", "Chen", "Yang" },
    { "Xiaomei", "Li", "Fang", "Yan", "Jing" }, { "Wei", "Jun", "Hao", "Lei" } },
  { "KH", 25, 'N', 7, { "Sok", "Chan", "Keo", "Heng", "Chea", "Phan" },
    { "Sreymom", "Sophea", "Dara", "Channary" }, { "Sopheak", "Vuthy", "Rith", "Bora" } },
};

/* ---- The centre and its staff ------------------------------------------------------------ */

#define CENTRE_NAME "Trung tâm Bảo trợ xã hội tỉnh Lào Cai (dữ liệu mẫu)"
#define CENTRE_PROVINCE "Lào Cai"
#define CENTRE_ADDRESS "Tổ 12, phường Cam Đường, tỉnh Lào Cai"

static const struct
{
  const char *username;
  const char *full_name;
  const char *role;
} demo_accounts[] = {
  { "quantri", "Đỗ Minh Quân", "administrator" },
  { "giamdoc", "Hoàng Văn Thắng", "manager" }, /* also the head of centre */
  { "canbo.lan", "Trần Thị Lan", "caseworker" },
  { "yte.hoa", "Lê Thị Hoa", "medical" },
  { "tamly.minh", "Phạm Ngọc Minh", "counsellor" },
};
#define HEAD_OF_CENTRE (demo_accounts[1].full_name)

/* ---- The generator's state --------------------------------------------------------------- */

typedef struct
{
  gint64   id;
  RoomUse  use;
  AgeGroup age_group;
  guint    beds;
  gint32   free_from[MAX_BEDS_PER_ROOM]; /* the day each bed is free from */
} DemoRoom;

/* A stay of the plan, on a scale of days from the start of the history. */
typedef struct
{
  guint32 arrival;         /* order of arrival, for a stable sort */
  gint32  admitted_day;
  guint16 admitted_minute; /* after midnight */
  guint16 discharged_minute;
  guint16 stay_days;
  guint16 room;            /* index into DemoCentre.rooms */
  guint8  person_type;     /* index into person_types */
  guint8  sex;             /* SEX_FEMALE or SEX_MALE */
  guint8  age;             /* whole years on admission */
  guint8  recorded;        /* discharged through the whole use case, with its checklist */
} PlannedStay;

typedef struct
{
  guint  room;
  guint  bed;
  gint32 free_day;
} BedChoice;

/* An adult victim (or person being identified) received, and the day they leave. */
typedef struct
{
  gint64 person_id;
  gint32 discharged_day;
} DemoAdult;

#define RECENT_ADULTS 64

typedef struct
{
  ShelterDb      *db;
  ShelterSession *session;
  GRand          *details_rand;     /* names, papers, homes: drawn as the plan is written */
  GPtrArray      *provinces;        /* ShelterReferenceEntry of ADDRESS_SCHEME */
  GHashTable     *province_by_name; /* folded name -> entry of provinces */
  GHashTable     *communes;         /* province code -> GPtrArray of ShelterReferenceEntry */
  GArray         *rooms;            /* DemoRoom */
  GArray         *own_rooms[2][AGE_ANY]; /* room indices for each sex and age group */
  GArray         *family_rooms;
  GArray         *recent_adults;    /* DemoAdult: who an accompanying child may come with */
  GDate           today;
  gint32          today_day;        /* today on the plan's scale */
  GRand          *discharge_rand;   /* how the recorded discharges go: a stream of its own */
  ShelterSession *caseworker;       /* who discharges, and the manager who may override */
  ShelterSession *manager;
  gint64          facility_partner_id; /* a shelter of the partner directory, if any */
  gboolean        facility_looked_up;
  gboolean        death_written;
} DemoCentre;

static void
demo_centre_clear (DemoCentre *centre)
{
  /* The sessions hold the database too: all go before the file is renamed. */
  g_clear_object (&centre->caseworker);
  g_clear_object (&centre->manager);
  g_clear_object (&centre->session);
  g_clear_pointer (&centre->discharge_rand, g_rand_free);
  g_clear_object (&centre->db);
  g_clear_pointer (&centre->details_rand, g_rand_free);
  g_clear_pointer (&centre->communes, g_hash_table_unref);
  g_clear_pointer (&centre->province_by_name, g_hash_table_unref);
  g_clear_pointer (&centre->provinces, g_ptr_array_unref);
  g_clear_pointer (&centre->rooms, g_array_unref);
  for (guint sex = 0; sex < 2; sex++)
    for (guint group = 0; group < AGE_ANY; group++)
      g_clear_pointer (&centre->own_rooms[sex][group], g_array_unref);
  g_clear_pointer (&centre->family_rooms, g_array_unref);
  g_clear_pointer (&centre->recent_adults, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoCentre, demo_centre_clear)

/* ---- Chance ------------------------------------------------------------------------------ */

/* An entry of @table (@size bytes each, with a guint weight at @weight_offset) chosen in
 * proportion to its weight; the table ends after @n_entries or at a weight of 0. */
static guint
pick_index (GRand         *rand,
            gconstpointer  table,
            gsize          size,
            gsize          weight_offset,
            guint          n_entries)
{
#define WEIGHT(i) G_STRUCT_MEMBER (guint, (const char *) table + (i) * size, weight_offset)
  guint total = 0;
  guint i;
  guint x;

  for (i = 0; i < n_entries && WEIGHT (i) > 0; i++)
    total += WEIGHT (i);
  x = g_rand_int_range (rand, 0, total);
  for (i = 0; x >= WEIGHT (i); i++)
    x -= WEIGHT (i);
  return i;
#undef WEIGHT
}

#define PICK_PROFILE(rand, table) \
  pick_index ((rand), (table), sizeof (table[0]), G_STRUCT_OFFSET (__typeof__ (table[0]), weight), \
              G_N_ELEMENTS (table))

static const char *
pick_weighted (GRand          *rand,
               const Weighted *table)
{
  return table[pick_index (rand, table, sizeof (Weighted), G_STRUCT_OFFSET (Weighted, weight),
                           G_MAXUINT)].value;
}

static guint
pick_from_bands (GRand      *rand,
                 const Band *bands)
{
  const Band *band = &bands[pick_index (rand, bands, sizeof (Band), G_STRUCT_OFFSET (Band, weight),
                                        G_MAXUINT)];

  return g_rand_int_range (rand, band->min, band->max + 1);
}

static double
mean_of_bands (const Band *bands)
{
  double sum = 0;
  guint total = 0;

  for (const Band *band = bands; band->weight > 0; band++)
    {
      sum += band->weight * (band->min + band->max) / 2.0;
      total += band->weight;
    }
  return sum / total;
}

static const char *
pick_any (GRand             *rand,
          const char *const *names)
{
  guint n_names = 0;

  while (names[n_names] != NULL)
    n_names++;
  return names[g_rand_int_range (rand, 0, n_names)];
}

static gboolean
chance (GRand *rand,
        guint  per_mille)
{
  return (guint) g_rand_int_range (rand, 0, 1000) < per_mille;
}

/* ---- Reference data ---------------------------------------------------------------------- */

static ShelterReferenceEntry *
province_named (DemoCentre *centre,
                const char *name)
{
  g_autofree char *folded = shelter_text_fold (name);

  return g_hash_table_lookup (centre->province_by_name, folded);
}

static gboolean
check_province (DemoCentre  *centre,
                const char  *name,
                GError     **error)
{
  if (province_named (centre, name) != NULL)
    return TRUE;
  g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
               _("The reference data has no province “%s”."), name);
  return FALSE;
}

/* Reads the provinces once, and checks every province and ethnic group the tables name, so
 * that a typo fails here rather than at the 50,000th person. */
static gboolean
load_reference_data (DemoCentre  *centre,
                     GError     **error)
{
  g_autoptr (GPtrArray) ethnic_groups = NULL;
  g_autoptr (GHashTable) ethnic_codes = g_hash_table_new (g_str_hash, g_str_equal);

  centre->provinces = shelter_reference_store_provinces (centre->db, ADDRESS_SCHEME, error);
  ethnic_groups = shelter_reference_store_ethnic_groups (centre->db, ETHNICITY_SCHEME, error);
  if (centre->provinces == NULL || ethnic_groups == NULL)
    return FALSE;

  centre->province_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  centre->communes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < centre->provinces->len; i++)
    {
      ShelterReferenceEntry *province = g_ptr_array_index (centre->provinces, i);

      g_hash_table_insert (centre->province_by_name, shelter_text_fold (province->name),
                           province);
    }
  for (guint i = 0; i < ethnic_groups->len; i++)
    g_hash_table_add (ethnic_codes, ((ShelterReferenceEntry *) ethnic_groups->pdata[i])->code);

  if (!check_province (centre, CENTRE_PROVINCE, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ethnic_profiles); i++)
    {
      if (!g_hash_table_contains (ethnic_codes, ethnic_profiles[i].code))
        {
          g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                       _("The reference data has no ethnic group with code %s."),
                       ethnic_profiles[i].code);
          return FALSE;
        }
      for (const Weighted *home = ethnic_profiles[i].home_provinces; home->value; home++)
        if (!check_province (centre, home->value, error))
          return FALSE;
    }
  return TRUE;
}

/* The communes of a province, read once. */
static GPtrArray *
communes_of (DemoCentre  *centre,
             const char  *province_code,
             GError     **error)
{
  GPtrArray *communes = g_hash_table_lookup (centre->communes, province_code);

  if (communes != NULL)
    return communes;
  communes = shelter_reference_store_communes (centre->db, ADDRESS_SCHEME, province_code, error);
  if (communes == NULL)
    return NULL;
  if (communes->len == 0)
    {
      g_ptr_array_unref (communes);
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The reference data has no communes in province %s."), province_code);
      return NULL;
    }
  g_hash_table_insert (centre->communes, (gpointer) province_code, communes);
  return communes;
}

/* ---- Centre, accounts and rooms ---------------------------------------------------------- */

/* The password of a demo account, from the table the sign-in screen shows in demo mode. */
static const char *
demo_password (const char *username)
{
  const char * const *accounts = shelter_settings_demo_accounts ();

  for (guint i = 0; accounts[i] != NULL; i += 2)
    if (g_str_equal (accounts[i], username))
      return accounts[i + 1];
  g_return_val_if_reached (NULL);
}

/* Through the set-up assistant's use case and the account administration, as a centre would
 * do it by hand; then the centre is marked as a demo so that the sign-in screen shows the
 * demo passwords. */
/* Staff in proportion to the beds, as a centre with a full team would have them, so that the
 * planning view shows its staff ratios. */
static gboolean
write_staff_counts (DemoCentre      *centre,
                    ShelterSession  *admin_session,
                    GError         **error)
{
  guint beds = 0;
  const struct
  {
    const char *key;
    guint       beds_each;
  } roles[] = {
    { SHELTER_SETTING_STAFF_CAREGIVERS, 5 },
    { SHELTER_SETTING_STAFF_SOCIAL_WORKERS, 10 },
    { SHELTER_SETTING_STAFF_MEDICAL, 25 },
    { SHELTER_SETTING_STAFF_COUNSELLORS, 30 },
  };

  for (guint i = 0; i < centre->rooms->len; i++)
    beds += g_array_index (centre->rooms, DemoRoom, i).beds;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", MIN (1000, MAX (1, (beds + roles[i].beds_each - 1)
                                                                          / roles[i].beds_each)));

      if (!shelter_settings_set (admin_session, roles[i].key, count, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_centre_and_accounts (DemoCentre  *centre,
                           GError     **error)
{
  g_autoptr (ShelterCentre) profile = shelter_centre_new ();
  g_autoptr (ShelterUser) admin = shelter_user_new ();
  g_autoptr (ShelterSession) admin_session = NULL;
  const char *province_code = province_named (centre, CENTRE_PROVINCE)->code;

  shelter_centre_set_name (profile, CENTRE_NAME);
  shelter_centre_set_province_scheme (profile, ADDRESS_SCHEME);
  shelter_centre_set_province_code (profile, province_code);
  shelter_centre_set_address (profile, CENTRE_ADDRESS);
  shelter_centre_set_head_name (profile, HEAD_OF_CENTRE);

  /* The first account is the administrator, as the set-up assistant makes it. */
  g_assert (g_str_equal (demo_accounts[0].role, "administrator"));
  shelter_user_set_username (admin, demo_accounts[0].username);
  shelter_user_set_full_name (admin, demo_accounts[0].full_name);
  admin_session = shelter_accounts_set_up_centre (centre->db, profile, admin,
                                                  demo_password (demo_accounts[0].username),
                                                  error);
  if (admin_session == NULL)
    return FALSE;
  {
    g_autoptr (GDateTime) now = shelter_session_now (centre->session);

    shelter_session_set_clock (admin_session, now);
  }

  for (guint i = 1; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      g_autoptr (ShelterUser) user = shelter_user_new ();

      shelter_user_set_username (user, demo_accounts[i].username);
      shelter_user_set_full_name (user, demo_accounts[i].full_name);
      shelter_user_set_role (user, demo_accounts[i].role);
      if (!shelter_accounts_create (admin_session, user, demo_password (demo_accounts[i].username),
                                    error))
        return FALSE;
    }
  /* Since the 2025 reorganisation, social protection centres answer to the province's
   * Department of Health. */
  return shelter_settings_set (admin_session, SHELTER_SETTING_MANAGING_AGENCY,
                               "Sở Y tế tỉnh Lào Cai", error) &&
         shelter_settings_set (admin_session, SHELTER_SETTING_DEMO, "1", error) &&
         write_staff_counts (centre, admin_session, error);
}

/* Copies of the base set of rooms for @residents people. The history grows with them, from
 * a year or less for a few hundred to ten years from 18,000 on. (One set per 1,000 people
 * would give every centre two years, or ten years in rooms never a fifth full.) */
static guint
room_sets_for (guint residents)
{
  double years = CLAMP (1.0 + residents / 2000.0, 1.0, 10.0);
  guint beds_per_set = 0;
  double beds;

  for (guint i = 0; i < G_N_ELEMENTS (base_room_set); i++)
    beds_per_set += base_room_set[i].beds;
  /* Little's law: people in residence = admissions a day × mean stay. */
  beds = residents * mean_of_bands (stay_lengths) / (TARGET_OCCUPANCY * 365.25 * years);
  return MAX (1, (guint) round (beds / beds_per_set));
}

/* The rooms in memory, for the plan: @n_sets copies of the base set. */
static void
lay_out_rooms (DemoCentre *centre,
               guint       n_sets)
{
  centre->rooms = g_array_new (FALSE, FALSE, sizeof (DemoRoom));
  centre->family_rooms = g_array_new (FALSE, FALSE, sizeof (guint));
  centre->recent_adults = g_array_new (FALSE, FALSE, sizeof (DemoAdult));
  for (guint sex = 0; sex < 2; sex++)
    for (guint group = 0; group < AGE_ANY; group++)
      centre->own_rooms[sex][group] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint index = 0; index < n_sets * G_N_ELEMENTS (base_room_set); index++)
    {
      const RoomTemplate *template = &base_room_set[index % G_N_ELEMENTS (base_room_set)];
      DemoRoom room = { 0, template->use, template->age_group,
                        MIN (template->beds, MAX_BEDS_PER_ROOM), { 0 } };

      g_array_append_val (centre->rooms, room);
      if (template->use == USE_FAMILY)
        g_array_append_val (centre->family_rooms, index);
      else
        for (guint group = 0; group < AGE_ANY; group++)
          if (template->age_group == group || template->age_group == AGE_ANY)
            g_array_append_val (centre->own_rooms[template->use][group], index);
    }
}

/* "A" ... "Z", "AA", "AB" ... */
static char *
building_letters (guint index)
{
  if (index < 26)
    return g_strdup_printf ("%c", 'A' + index);
  return g_strdup_printf ("%c%c", 'A' + index / 26 - 1, 'A' + index % 26);
}

/* Writes the rooms laid out. Copy s of the base set is on floor s % 3 + 1 of the pair of
 * buildings s / 3: A101-A106 and B101-B106, then A201..., then C101... */
static gboolean
add_rooms (DemoCentre  *centre,
           GRand       *rand,
           const char  *opened_on,
           GError     **error)
{
  for (guint index = 0; index < centre->rooms->len; index++)
    {
      const RoomTemplate *template = &base_room_set[index % G_N_ELEMENTS (base_room_set)];
      guint set = index / G_N_ELEMENTS (base_room_set);
      g_autoptr (ShelterRoom) room = shelter_room_new ();
      g_autofree char *letters = building_letters (2 * (set / FLOORS_PER_BUILDING) +
                                                   template->building);
      g_autofree char *code = g_strdup_printf ("%s%u%02u", letters,
                                               set % FLOORS_PER_BUILDING + 1, template->number);
      g_autofree char *building = g_strdup_printf ("Nhà %s", letters);

      shelter_room_set_code (room, code);
      shelter_room_set_building (room, building);
      shelter_room_set_name (room, template->name);
      shelter_room_set_sex_use (room, room_use_codes[template->use]);
      shelter_room_set_age_group (room, age_group_codes[template->age_group]);
      shelter_room_set_beds (room, template->beds);
      /* The legal minimum for its beds, and up to 6 m² more. */
      shelter_room_set_area_m2 (room, template->beds * (template->care_24h ? 8.0 : 6.0) +
                                      g_rand_int_range (rand, 0, 13) * 0.5);
      shelter_room_set_care_24h (room, template->care_24h);
      shelter_room_set_accessible (room, template->accessible);
      shelter_room_set_opened_on (room, opened_on);
      if (!shelter_rooms_add (centre->session, room, error))
        return FALSE;
      g_array_index (centre->rooms, DemoRoom, index).id = shelter_room_get_id (room);
    }
  return TRUE;
}

/* ---- The plan ---------------------------------------------------------------------------- */

/* The demo centre keeps the default age groups. */
static const ShelterAgeBands default_bands = { { 0, 16, 18, 60 }, { 15, 17, 59, -1 } };

static AgeGroup
age_group_of (int age)
{
  const char *code = shelter_age_bands_group (&default_bands, age);
  AgeGroup group = AGE_CHILD;

  while (group < AGE_ANY && !g_str_equal (age_group_codes[group], code))
    group++;
  g_assert (group < AGE_ANY);
  return group;
}

/* Among @candidates, a room chosen at random among those with a bed free on @day; failing
 * that, the bed that frees first. FALSE when there are no candidates. */
static gboolean
choose_bed (DemoCentre *centre,
            GArray     *candidates,
            gint32      day,
            GRand      *rand,
            BedChoice  *choice)
{
  guint n_free_rooms = 0;

  choice->free_day = G_MAXINT32;
  for (guint i = 0; i < candidates->len; i++)
    {
      guint index = g_array_index (candidates, guint, i);
      DemoRoom *room = &g_array_index (centre->rooms, DemoRoom, index);
      guint soonest = 0;

      for (guint bed = 1; bed < room->beds; bed++)
        if (room->free_from[bed] < room->free_from[soonest])
          soonest = bed;

      /* Reservoir sampling: every room with a free bed is as likely. */
      if (room->free_from[soonest] <= day && g_rand_int_range (rand, 0, ++n_free_rooms) == 0)
        *choice = (BedChoice) { index, soonest, room->free_from[soonest] };
      else if (n_free_rooms == 0 && room->free_from[soonest] < choice->free_day)
        *choice = (BedChoice) { index, soonest, room->free_from[soonest] };
    }
  return candidates->len > 0;
}

/* A bed for someone arriving on @day: in a room of their own sex and age group, or else a
 * family room for women and children; small children only go to a family room, with their
 * mother. When all are taken they wait a few days in reception; FALSE when they would wait
 * longer, and are referred to another centre. */
static gboolean
find_bed (DemoCentre *centre,
          GRand      *rand,
          guint       sex,
          guint       age,
          gint32      day,
          BedChoice  *choice)
{
  BedChoice own = { .free_day = G_MAXINT32 };
  BedChoice family = { .free_day = G_MAXINT32 };

  if (age >= 6 && choose_bed (centre, centre->own_rooms[sex][age_group_of (age)], day, rand,
                              &own) && own.free_day <= day)
    {
      *choice = own;
      return TRUE;
    }
  if ((age < 16 || sex == SEX_FEMALE) &&
      choose_bed (centre, centre->family_rooms, day, rand, &family) && family.free_day <= day)
    {
      *choice = family;
      return TRUE;
    }
  *choice = own.free_day <= family.free_day ? own : family;
  return choice->free_day <= day + MAX_WAIT_DAYS;
}

static int
compare_planned_stays (gconstpointer a,
                       gconstpointer b)
{
  const PlannedStay *x = a;
  const PlannedStay *y = b;

  if (x->admitted_day != y->admitted_day)
    return x->admitted_day < y->admitted_day ? -1 : 1;
  if (x->admitted_minute != y->admitted_minute)
    return x->admitted_minute < y->admitted_minute ? -1 : 1;
  return x->arrival < y->arrival ? -1 : (x->arrival > y->arrival);
}

/* Simulates arrivals until @residents people are admitted, in order of admission; today is
 * the day after the last one. */
static GArray *
plan_stays (DemoCentre *centre,
            GRand      *rand,
            guint       residents)
{
  GArray *plan = g_array_sized_new (FALSE, FALSE, sizeof (PlannedStay), residents);
  double arrivals_per_day;
  double clock = 0;
  guint32 arrival = 0;
  guint beds = 0;

  for (guint i = 0; i < centre->rooms->len; i++)
    beds += g_array_index (centre->rooms, DemoRoom, i).beds;
  arrivals_per_day = OFFERED_LOAD * beds / mean_of_bands (stay_lengths);

  while (plan->len < residents)
    {
      PlannedStay stay = { .arrival = arrival++ };
      const PersonTypeProfile *type;
      BedChoice bed;

      /* Arrivals are a Poisson process: exponential gaps between them. */
      clock += -log (1.0 - g_rand_double (rand)) / arrivals_per_day;
      stay.person_type = PICK_PROFILE (rand, person_types);
      type = &person_types[stay.person_type];
      stay.sex = chance (rand, type->female_per_mille) ? SEX_FEMALE : SEX_MALE;
      stay.age = pick_from_bands (rand, type->ages);
      stay.stay_days = pick_from_bands (rand, stay_lengths);
      /* Police and border guards hand people over at any hour, mostly in office hours. */
      stay.admitted_minute = chance (rand, 750) ? g_rand_int_range (rand, 7 * 60 + 30, 17 * 60)
                                                : g_rand_int_range (rand, 0, 24 * 60);
      stay.discharged_minute = g_rand_int_range (rand, 8 * 60, 16 * 60);

      if (!find_bed (centre, rand, stay.sex, stay.age, (gint32) clock, &bed))
        continue;
      stay.admitted_day = MAX ((gint32) clock, bed.free_day);
      stay.room = bed.room;
      /* Free from the day after the discharge: no bed is shared within a day. */
      g_array_index (centre->rooms, DemoRoom, bed.room).free_from[bed.bed] =
        stay.admitted_day + stay.stay_days + 1;
      g_array_append_val (plan, stay);
    }

  g_array_sort (plan, compare_planned_stays);
  if (plan->len > 0)
    centre->today_day = g_array_index (plan, PlannedStay, plan->len - 1).admitted_day + 1;
  return plan;
}

static void
date_of_day (DemoCentre *centre,
             gint32      day,
             GDate      *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, g_date_get_julian (&centre->today) - centre->today_day + day);
}

static char *
format_local_time (const GDate *date,
                   guint        minute)
{
  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:00+07:00", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date), minute / 60,
                          minute % 60);
}

/* ---- How they came: the intake ---------------------------------------------------------- */

static const Weighted trafficking_handovers[] = {
  { "border_guard", 38 }, { "police", 28 }, { "foreign_authority", 10 }, { "ngo", 9 },
  { "hotline", 6 }, { "commune", 4 }, { "self", 5 }, { NULL }
};
static const Weighted other_handovers[] = {
  { "commune", 40 }, { "police", 20 }, { "hotline", 12 }, { "ngo", 8 }, { "self", 20 }, { NULL }
};

/* The units that hand people over most often in a northern border province. */
static const char *const border_guard_units[] = {
  "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai", "Đồn Biên phòng Cửa khẩu Quốc tế Hữu Nghị",
  "Đồn Biên phòng Cửa khẩu Thanh Thủy", "Đồn Biên phòng Cửa khẩu Quốc tế Móng Cái",
  "Đồn Biên phòng Bát Xát", NULL
};
static const char *const police_units[] = {
  "Phòng Cảnh sát hình sự, Công an tỉnh", "Công an phường Cốc Lếu",
  "Công an xã Bản Phiệt", "Phòng Quản lý xuất nhập cảnh, Công an tỉnh", NULL
};
static const char *const commune_units[] = {
  "UBND xã Tả Van", "UBND phường Sa Pa", "UBND xã Bắc Hà", "UBND xã Si Ma Cai", NULL
};
static const char *const ngo_units[] = {
  "Tổ chức Rồng Xanh (Blue Dragon)", "Tổ chức Pacific Links", "Hội Liên hiệp Phụ nữ tỉnh", NULL
};
static const char *const officer_names[] = {
  "Thiếu tá Lò Văn Thành", "Đại úy Nguyễn Văn Hùng", "Trung úy Hoàng Thị Thu",
  "Thượng úy Vàng A Sử", "Ông Trần Quốc Bảo", "Bà Nguyễn Thị Hiền", "Chị Lê Thu Trang", NULL
};

static const Weighted purposes_weighted[] = {
  { "forced_marriage", 38 }, { "sexual_exploitation", 30 }, { "forced_labour", 22 },
  { "child_adoption", 3 }, { "money_property", 3 }, { "organ_removal", 2 },
  { "other_inhumane", 2 }, { NULL }
};
static const Weighted destinations[] = {
  { "CN", 72 }, { "KH", 9 }, { "LA", 7 }, { "MY", 4 }, { "TH", 3 }, { "KR", 2 }, { "TW", 2 },
  { "JP", 1 }, { NULL }
};
static const Weighted return_modes[] = {
  { "foreign_handover", 50 }, { "rescued", 30 }, { "self_return", 20 }, { NULL }
};

static const char *const belongings_pool[] = {
  "Điện thoại di động (không có thẻ SIM)", "Quần áo cá nhân (2 bộ)", "Túi xách nhỏ",
  "Tiền mặt 350.000 đồng", "Tiền mặt 200 nhân dân tệ", "Giấy thông hành (bản chính)",
  "Giấy xác nhận của công an nước ngoài", "Vòng bạc đeo tay", "Ba lô vải", "Sổ tay ghi chép",
  NULL
};
static const char *const arrival_health[] = {
  "Tỉnh táo, mệt mỏi sau hành trình dài.", "Sốt nhẹ, ho; đã cho uống hạ sốt.",
  "Nhiều vết bầm ở tay và lưng; cần khám ngay.", "Suy dinh dưỡng nhẹ, ăn uống kém.",
  "Lo âu, mất ngủ, hay khóc.",
  "Sức khỏe bình thường.", NULL
};
static const char *const urgent_needs[] = {
  "Quần áo, đồ vệ sinh cá nhân.", "Khám sức khỏe và xét nghiệm.", "Liên lạc với gia đình.",
  "Phiên dịch tiếng H'Mông.", "Nghỉ ngơi, ăn uống.", NULL
};
static const char *const safety_notes[] = {
  "Đối tượng mua bán có thể biết nơi ở của gia đình; không cho người lạ thăm.",
  "Có người gọi điện hỏi thăm tự xưng là chồng; không cung cấp thông tin.",
  "Không có dấu hiệu nguy hiểm trước mắt.", NULL
};
static const char *const consent_not_now_reasons[] = {
  "Đang hoảng loạn, chưa thể trao đổi.", "Chỉ nói tiếng H'Mông; chờ phiên dịch.",
  "Mệt, xin nghỉ ngơi trước khi trao đổi.", NULL
};
static const char *const guardian_names[] = {
  "Giàng Thị Dợ (mẹ)", "Nguyễn Thị Hạnh (mẹ)", "Lò Văn Pản (bố)", "Trần Thị Hoa (bà ngoại)",
  "Vàng Thị Sua (chị gái)", NULL
};

static const char *
handover_unit (GRand      *rand,
               const char *handed_over_by)
{
  if (g_str_equal (handed_over_by, "border_guard"))
    return pick_any (rand, border_guard_units);
  if (g_str_equal (handed_over_by, "police"))
    return pick_any (rand, police_units);
  if (g_str_equal (handed_over_by, "commune"))
    return pick_any (rand, commune_units);
  if (g_str_equal (handed_over_by, "ngo"))
    return pick_any (rand, ngo_units);
  if (g_str_equal (handed_over_by, "hotline"))
    return "Tổng đài quốc gia bảo vệ trẻ em 111";
  if (g_str_equal (handed_over_by, "foreign_authority"))
    return "Cục Công an Hà Khẩu (Trung Quốc), qua Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai";
  return NULL;
}

/* Everything the reception desk records about how the person came, from the details
 * stream: a trafficking story where the person type says so, consent (or why not yet),
 * belongings, health. @age is on the day of reception. */
static void
describe_intake (DemoCentre    *centre,
                 ShelterPerson *person,
                 int            age,
                 const GDate   *admitted,
                 ShelterIntake *intake)
{
  GRand *rand = centre->details_rand;
  const char *type = shelter_person_get_person_type (person);
  gboolean trafficking = shelter_intake_applies_trafficking (type);
  const char *handed_over_by = pick_weighted (rand, trafficking ? trafficking_handovers
                                                                : other_handovers);
  g_autoptr (GStrvBuilder) belongings = g_strv_builder_new ();
  g_auto (GStrv) belonging_list = NULL;
  guint n_belongings = g_rand_int_range (rand, 0, 5);

  shelter_intake_set_handed_over_by (intake, handed_over_by);
  if (!g_str_equal (handed_over_by, "self"))
    {
      shelter_intake_set_officer_unit (intake, handover_unit (rand, handed_over_by));
      if (!g_str_equal (handed_over_by, "hotline"))
        shelter_intake_set_officer_name (intake, pick_any (rand, officer_names));
    }

  if (trafficking)
    {
      const char *purposes[3] = { pick_weighted (rand, purposes_weighted), NULL, NULL };

      if (chance (rand, 250))
        {
          purposes[1] = pick_weighted (rand, purposes_weighted);
          if (g_str_equal (purposes[0], purposes[1]))
            purposes[1] = NULL;
        }
      shelter_intake_set_trafficking_purposes (intake, purposes);
      if (chance (rand, 820))
        {
          shelter_intake_set_trafficking_scope (intake, "abroad");
          shelter_intake_set_destination_country (intake, pick_weighted (rand, destinations));
          shelter_intake_set_return_mode (intake, pick_weighted (rand, return_modes));
        }
      else
        shelter_intake_set_trafficking_scope (intake, "domestic");
      if (g_str_equal (type, "victim"))
        {
          g_autofree char *document = g_strdup_printf ("Giấy xác nhận nạn nhân số %u/GXN",
                                                       g_rand_int_range (rand, 10, 400));

          shelter_intake_set_identification_status (intake, "identified");
          shelter_intake_set_identification_document (intake, document);
        }
      else
        shelter_intake_set_identification_status (intake, "in_progress");
    }

  /* Most give consent at the desk; some cannot yet, and are asked again two days later. */
  if (chance (rand, 110))
    {
      GDate ask_again = *admitted;
      g_autofree char *date = NULL;

      g_date_add_days (&ask_again, 2);
      date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&ask_again),
                              g_date_get_month (&ask_again), g_date_get_day (&ask_again));
      shelter_intake_set_consent_status (intake, "not_now");
      shelter_intake_set_consent_not_now_reason (intake, pick_any (rand, consent_not_now_reasons));
      shelter_intake_set_consent_ask_again_on (intake, date);
    }
  else
    {
      shelter_intake_set_consent_record (intake, TRUE);
      shelter_intake_set_consent_photo (intake, chance (rand, 450));
      if (chance (rand, 400))
        {
          shelter_intake_set_consent_share (intake, TRUE);
          shelter_intake_set_consent_share_agencies (intake, "Công an tỉnh; Hội Liên hiệp Phụ nữ "
                                                             "tỉnh; UBND xã nơi cư trú");
        }
      if (age >= 0 && age < 18)
        {
          shelter_intake_set_consent_given_by (intake, "guardian");
          shelter_intake_set_guardian_name (intake, pick_any (rand, guardian_names));
        }
    }

  for (guint i = 0; i < n_belongings; i++)
    g_strv_builder_add (belongings, pick_any (rand, belongings_pool));
  if (!g_str_equal (shelter_person_get_id_paper (person), "none"))
    g_strv_builder_add (belongings, g_str_equal (shelter_person_get_id_paper (person), "passport")
                                      ? "Hộ chiếu (bản chính)" : "Thẻ căn cước (bản chính)");
  belonging_list = g_strv_builder_end (belongings);
  shelter_intake_set_belongings (intake, (const char * const *) belonging_list);

  shelter_intake_set_health_at_arrival (intake, pick_any (rand, arrival_health));
  if (chance (rand, 500))
    shelter_intake_set_urgent_needs (intake, pick_any (rand, urgent_needs));
  if (trafficking && chance (rand, 300))
    shelter_intake_set_safety_note (intake, pick_any (rand, safety_notes));

  if (age >= 0 && age < 10)
    {
      shelter_intake_set_person_signs (intake, FALSE);
      shelter_intake_set_not_signed_reason (intake, "Trẻ nhỏ, người giám hộ ký thay");
    }
  else if (chance (rand, 40))
    {
      shelter_intake_set_person_signs (intake, FALSE);
      shelter_intake_set_not_signed_reason (intake, "Không biết chữ, đã điểm chỉ");
    }
}

/* The documents of the case file as they came in: most within the ten working days, a few
 * late, and for those received in the last days, only some yet. */
static gboolean
describe_case_file (DemoCentre     *centre,
                    ShelterPerson  *person,
                    ShelterStay    *stay,
                    const GDate    *admitted,
                    GError        **error)
{
  GRand *rand = centre->details_rand;
  gboolean has_papers = g_strcmp0 (shelter_person_get_id_paper (person), "none") != 0;

  for (guint i = 0; i < shelter_enum_case_document.n_values; i++)
    {
      const char *kind = shelter_enum_case_document.values[i].code;
      GDate received = *admitted;
      g_autofree char *date = NULL;

      if ((g_str_equal (kind, "id_copy") && !has_papers) || chance (rand, 30))
        continue;
      /* The intake record is signed on the day; the rest take days to weeks. */
      if (!g_str_equal (kind, "intake_record"))
        g_date_add_days (&received, g_rand_int_range (rand, 1, chance (rand, 900) ? 13 : 25));
      if (g_date_compare (&received, &centre->today) > 0)
        continue;
      date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&received),
                              g_date_get_month (&received), g_date_get_day (&received));
      if (!shelter_case_file_mark_received (centre->session, shelter_stay_get_id (stay), kind,
                                            date, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- The people -------------------------------------------------------------------------- */

static void
describe_foreigner (GRand          *rand,
                    ShelterPerson  *person,
                    gboolean        female,
                    const char    **paper)
{
  const ForeignProfile *profile = &foreign_profiles[PICK_PROFILE (rand, foreign_profiles)];

  shelter_person_set_nationality_status (person, "foreigner");
  shelter_person_set_nationality (person, profile->country);
  shelter_person_set_family_name (person, pick_any (rand, profile->family_names));
  shelter_person_set_given_name (person, pick_any (rand, female ? profile->female_names
                                                                : profile->male_names));
  *paper = "none";
  if (chance (rand, FOREIGN_PASSPORT_PER_MILLE))
    {
      guint limit = (guint) pow (10, profile->passport_digits);
      g_autofree char *number = g_strdup_printf ("%c%0*u", profile->passport_letter,
                                                 profile->passport_digits,
                                                 (guint) g_rand_int_range (rand, 0, limit));

      shelter_person_set_id_number (person, number);
      *paper = "passport";
    }
}

/* A Vietnamese citizen, or a stateless person living in Vietnam. */
static gboolean
describe_resident (DemoCentre     *centre,
                   ShelterPerson  *person,
                   gboolean        female,
                   gboolean        stateless,
                   guint           age,
                   guint           birth_year,
                   const char    **paper,
                   GError        **error)
{
  GRand *rand = centre->details_rand;
  const EthnicProfile *ethnicity = &ethnic_profiles[PICK_PROFILE (rand, ethnic_profiles)];
  const Weighted *middle_names = female ? female_middle_names
                                 : ethnicity->hmong_names ? hmong_male_middle_names
                                 : male_middle_names;
  const char *middle_name = pick_weighted (rand, middle_names);
  gboolean hmong_given_name = ethnicity->hmong_names && chance (rand, 700);
  ShelterReferenceEntry *province;
  ShelterReferenceEntry *commune;
  GPtrArray *communes;

  shelter_person_set_nationality_status (person, stateless ? "stateless" : "citizen");
  shelter_person_set_nationality (person, stateless ? NULL : "VN");
  shelter_person_set_ethnicity_scheme (person, ETHNICITY_SCHEME);
  shelter_person_set_ethnicity_code (person, ethnicity->code);
  shelter_person_set_family_name (person, pick_weighted (rand, ethnicity->family_names));
  shelter_person_set_middle_name (person, middle_name[0] != '\0' ? middle_name : NULL);
  if (hmong_given_name)
    shelter_person_set_given_name (person, pick_any (rand, female ? hmong_female_given_names
                                                                  : hmong_male_given_names));
  else
    shelter_person_set_given_name (person, pick_any (rand, female ? female_given_names
                                                                  : male_given_names));

  if (chance (rand, ANY_PROVINCE_PER_MILLE))
    province = g_ptr_array_index (centre->provinces,
                                  g_rand_int_range (rand, 0, centre->provinces->len));
  else
    province = province_named (centre, pick_weighted (rand, ethnicity->home_provinces));
  communes = communes_of (centre, province->code, error);
  if (communes == NULL)
    return FALSE;
  commune = g_ptr_array_index (communes, g_rand_int_range (rand, 0, communes->len));
  shelter_person_set_home_scheme (person, ADDRESS_SCHEME);
  shelter_person_set_home_province_code (person, province->code);
  shelter_person_set_home_commune_code (person, commune->code);
  if (chance (rand, 700))
    shelter_person_set_home_detail (person, pick_any (rand, villages));
  /* Most were born where they live. */
  if (chance (rand, 800))
    {
      shelter_person_set_origin_scheme (person, ADDRESS_SCHEME);
      shelter_person_set_origin_province_code (person, province->code);
      shelter_person_set_origin_commune_code (person, commune->code);
    }

  shelter_person_set_religion (person, pick_weighted (rand, ethnicity->religions));
  if (ethnicity->language == NULL)
    shelter_person_set_languages (person, "tiếng Việt");
  else if (chance (rand, ethnicity->interpreter_per_mille))
    {
      shelter_person_set_languages (person, ethnicity->language);
      shelter_person_set_interpreter_needed (person, TRUE);
    }
  else
    {
      g_autofree char *languages = g_strdup_printf ("%s, tiếng Việt", ethnicity->language);

      shelter_person_set_languages (person, languages);
    }

  *paper = age >= 18 && !stateless ? pick_weighted (rand, adult_papers) : "none";
  if (g_str_equal (*paper, "cccd"))
    {
      /* Province of registration (the 2025 codes are codes of the 63 provinces too),
       * century and sex (1900s: man 0, woman 1; 2000s: 2, 3), year of birth, serial. */
      g_autofree char *number = g_strdup_printf ("%03d%u%02u%06d", atoi (province->code),
                                                 (birth_year >= 2000 ? 2 : 0) + (female ? 1 : 0),
                                                 birth_year % 100,
                                                 g_rand_int_range (rand, 0, 1000000));
      shelter_person_set_id_number (person, number);
    }
  else if (g_str_equal (*paper, "cmnd"))
    {
      g_autofree char *number = g_strdup_printf ("%09d", g_rand_int_range (rand, 10000000,
                                                                           400000000));
      shelter_person_set_id_number (person, number);
    }
  if (age >= 18 && chance (rand, 500))
    {
      g_autofree char *phone = g_strdup_printf ("%s%08d", pick_weighted (rand, mobile_prefixes),
                                                g_rand_int_range (rand, 0, 100000000));
      shelter_person_set_phone (person, phone);
    }
  return TRUE;
}

/* Everything about a person but their room and dates, from the details stream. */
static gboolean
describe_person (DemoCentre         *centre,
                 const PlannedStay  *planned,
                 const GDate        *admitted,
                 ShelterPerson      *person,
                 GError            **error)
{
  GRand *rand = centre->details_rand;
  const PersonTypeProfile *type = &person_types[planned->person_type];
  gboolean female = planned->sex == SEX_FEMALE;
  guint nationality = g_rand_int_range (rand, 0, 1000);
  const char *precision = "day";
  const char *paper;
  g_autofree char *birth_text = NULL;
  GDate birth = *admitted;

  shelter_person_set_person_type (person, type->code);
  shelter_person_set_sex (person, room_use_codes[planned->sex]);
  shelter_person_set_high_protection (person, chance (rand, type->high_protection_per_mille));

  /* Exactly planned->age whole years old on the day of admission. */
  g_date_subtract_years (&birth, planned->age);
  g_date_subtract_days (&birth, g_rand_int_range (rand, 0, 365));

  if (nationality < FOREIGNER_PER_MILLE)
    describe_foreigner (rand, person, female, &paper);
  else if (!describe_resident (centre, person, female,
                               nationality < FOREIGNER_PER_MILLE + STATELESS_PER_MILLE,
                               planned->age, g_date_get_year (&birth), &paper, error))
    return FALSE;
  shelter_person_set_id_paper (person, paper);

  /* Adults without papers may know only the year. Counted from 1 January, as admission
   * does, a year alone must not change their age group. */
  if (planned->age >= 18 && g_str_equal (paper, "none"))
    {
      precision = pick_weighted (rand, undocumented_birth_precisions);
      if (age_group_of (g_date_get_year (admitted) - g_date_get_year (&birth)) !=
          age_group_of (planned->age))
        precision = "day";
    }
  if (g_str_equal (precision, "day"))
    birth_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&birth),
                                  g_date_get_month (&birth), g_date_get_day (&birth));
  else
    birth_text = g_strdup_printf ("%04u", g_date_get_year (&birth));
  shelter_person_set_birth_date (person, birth_text);
  shelter_person_set_birth_precision (person, precision);
  return TRUE;
}

/* ---- How they leave: the discharge ------------------------------------------------------ */

/* The discharges of the last seven months go through the whole use case, checklist and all,
 * so that the follow-ups they schedule (1, 3 and 6 months on) are due today; the older ones
 * only end their stay, so that a centre of 100,000 people is written about as fast as
 * before. */
#define RECORDED_DISCHARGE_DAYS 210
#define MAX_RECORDED_DISCHARGES 400
#define OVERRIDE_PER_MILLE 67          /* one return in fifteen */
#define KEPT_BELONGING_PER_MILLE 50    /* one thing in twenty */
#define CASEWORKER_ACCOUNT 2           /* in demo_accounts */
#define MANAGER_ACCOUNT 1

static const char *const commune_officers[] = {
  "Ông Vàng A Sử, công chức Tư pháp - Hộ tịch xã",
  "Bà Lò Thị Mai, công chức Văn hóa - Xã hội xã",
  "Ông Nguyễn Văn Toàn, Phó Chủ tịch UBND xã",
  "Bà Hoàng Thị Nga, công chức Văn hóa - Xã hội phường", NULL
};
static const char *const police_informed[] = {
  "Phòng Cảnh sát hình sự, Công an tỉnh Lào Cai",
  "Phòng Cảnh sát hình sự, Công an tỉnh Lào Cai (Đại úy Nguyễn Văn Hùng)",
  "Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai (Thiếu tá Lò Văn Thành)", NULL
};
/* A manager's reason for going on with the police (trafficking cases) or the commune not told
 * yet. */
#define OVERRIDE_POLICE_OPEN "Người được hỗ trợ tự nguyện về ngay trong ngày, gia đình đã đến " \
                             "đón; công an xã sẽ được thông báo bổ sung."
#define OVERRIDE_COMMUNE_OPEN "Người được hỗ trợ tự nguyện về ngay trong ngày, gia đình đã đến " \
                              "đón; UBND xã sẽ được thông báo bổ sung."

/* One sentence each: what was agreed for life after the centre. */
static const char *const adult_plans[] = {
  "Học nghề may tại Trung tâm Giáo dục nghề nghiệp huyện trong ba tháng, sau đó vào làm tại "
  "xưởng may của khu công nghiệp tỉnh.",
  "Vay vốn Ngân hàng Chính sách xã hội 30 triệu đồng để nuôi lợn cùng gia đình, Hội Phụ nữ xã "
  "hướng dẫn kỹ thuật chăn nuôi.",
  "Về làm nương cùng gia đình và tham gia tổ hợp tác trồng chè của thôn, được xã hỗ trợ giống "
  "cây.",
  "Làm công nhân tại một công ty may ở Khu công nghiệp Đông Phố Mới theo giới thiệu của Trung "
  "tâm Dịch vụ việc làm tỉnh.",
  "Mở quầy tạp hóa nhỏ tại nhà với khoản hỗ trợ ban đầu 5 triệu đồng của Hội Liên hiệp Phụ nữ "
  "tỉnh.",
  "Học nghề nấu ăn tại Trường Trung cấp Nghề tỉnh, được miễn học phí theo chính sách hỗ trợ "
  "nạn nhân.", NULL
};
static const char *const school_plans[] = {
  "Về sống cùng bố mẹ và đi học lại lớp 8 tại trường trung học cơ sở của xã; Trung tâm hỗ trợ "
  "sách vở, đồ dùng học tập.",
  "Tiếp tục học lớp 10 tại trường trung học phổ thông của huyện, được miễn học phí; giáo viên "
  "chủ nhiệm cùng theo dõi.",
  "Đi học lại lớp 6 tại trường phổ thông dân tộc bán trú của xã, ở bán trú trong tuần.", NULL
};
static const char *const primary_plans[] = {
  "Đi học lại lớp 3 tại trường tiểu học của xã; gia đình được hỗ trợ mua sách vở và đồng phục.",
  NULL
};
static const char *const infant_plans[] = {
  "Về sống cùng mẹ; gia đình được hướng dẫn làm thủ tục khai sinh và thẻ bảo hiểm y tế cho "
  "trẻ.", NULL
};
static const char *const elderly_plans[] = {
  "Về sống cùng con cháu; UBND xã làm thủ tục hưởng trợ cấp xã hội hằng tháng cho người cao "
  "tuổi.",
  "Về nhà cùng gia đình, được cấp thẻ bảo hiểm y tế và khám sức khỏe định kỳ tại trạm y tế xã.",
  NULL
};
static const char *const family_not_needed_reasons[] = {
  "Người được hỗ trợ đã trưởng thành, tự thuê trọ gần nơi làm việc và không muốn gia đình "
  "biết nơi ở.",
  "Gia đình đi làm ăn xa, chưa liên lạc được; người được hỗ trợ về ở với người quen trong thôn, "
  "UBND xã đã biết.", NULL
};
static const char *const contact_notes[] = {
  "Gia đình đồng ý đón về, hẹn ngày đến Trung tâm đón.",
  "Đã nói chuyện qua điện thoại; gia đình mong người được hỗ trợ sớm trở về.",
  "Công an xã đến nhà báo tin; gia đình sẽ lên Trung tâm đón.", NULL
};

/* The relatives a resident returns to, by ethnic group: a father and brothers share the
 * resident's family name, mothers and spouses keep their own. */
static const char *const kinh_women[] = {
  "Nguyễn Thị Hạnh", "Trần Thị Lý", "Lê Thị Thu", "Phạm Thị Mến", "Hoàng Thị Nhung",
  "Lò Thị Xuân", NULL
};
static const char *const hmong_women[] = {
  "Thào Thị Mỷ", "Vàng Thị Dợ", "Giàng Thị Sua", "Lý Thị Pà", NULL
};
static const char *const kinh_men_names[] = {
  "Văn Hùng", "Văn Thắng", "Văn Sơn", "Đức Tâm", "Văn Bình", NULL
};
static const char *const hmong_men_names[] = { "A Páo", "Seo Chứ", "A Dình", "Mí Sính", NULL };
static const char *const kinh_men[] = {
  "Nguyễn Văn Tuấn", "Trần Văn Long", "Lê Đức Thịnh", "Hoàng Văn Phúc", NULL
};
static const char *const hmong_men[] = { "Sùng A Chính", "Vừ A Tủa", "Thào Seo Vàng", NULL };

static const Weighted minor_receivers[] = { { "mother", 70 }, { "father", 30 }, { NULL } };
static const Weighted woman_receivers[] = {
  { "mother", 40 }, { "father", 20 }, { "husband", 20 }, { "sibling", 20 }, { NULL }
};
static const Weighted man_receivers[] = {
  { "mother", 45 }, { "father", 25 }, { "wife", 15 }, { "sibling", 15 }, { NULL }
};
static const Weighted elderly_receivers[] = { { "child", 70 }, { "sibling", 30 }, { NULL } };

static char *
format_day (const GDate *date,
            int          days,
            const GDate *not_before)
{
  GDate day = *date;

  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  if (not_before != NULL && g_date_compare (&day, not_before) < 0)
    day = *not_before;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day));
}

/* Newest discharge first. */
static int
compare_discharge_days (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  GArray *plan = user_data;
  const PlannedStay *x = &g_array_index (plan, PlannedStay, *(const guint *) a);
  const PlannedStay *y = &g_array_index (plan, PlannedStay, *(const guint *) b);
  gint32 x_day = x->admitted_day + x->stay_days;
  gint32 y_day = y->admitted_day + y->stay_days;

  if (x_day != y_day)
    return x_day > y_day ? -1 : 1;
  return x->arrival > y->arrival ? -1 : (x->arrival < y->arrival);
}

/* The discharges of the last RECORDED_DISCHARGE_DAYS go through the discharge use case,
 * at most MAX_RECORDED_DISCHARGES of them; the older ones only end their stay. */
static void
mark_recorded_discharges (DemoCentre *centre,
                          GArray     *plan)
{
  g_autoptr (GArray) recent = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < plan->len; i++)
    {
      const PlannedStay *stay = &g_array_index (plan, PlannedStay, i);
      gint32 day = stay->admitted_day + stay->stay_days;

      if (day < centre->today_day && day >= centre->today_day - RECORDED_DISCHARGE_DAYS)
        g_array_append_val (recent, i);
    }
  /* A large centre keeps an even sample across the whole window, so that follow-ups of
   * every age (due, overdue, done) are there however many people left. */
  if (recent->len > MAX_RECORDED_DISCHARGES)
    {
      g_array_sort_with_data (recent, compare_discharge_days, plan);
      for (guint i = 0; i < MAX_RECORDED_DISCHARGES; i++)
        g_array_index (recent, guint, i) =
          g_array_index (recent, guint, (guint) ((guint64) i * recent->len / MAX_RECORDED_DISCHARGES));
      g_array_set_size (recent, MAX_RECORDED_DISCHARGES);
    }
  for (guint i = 0; i < recent->len; i++)
    g_array_index (plan, PlannedStay, g_array_index (recent, guint, i)).recorded = TRUE;
}

/* The rate of the meals on the journey home, in force long before the first stay so that
 * every recorded discharge finds it. */
static gboolean
write_travel_meal_rate (DemoCentre  *centre,
                        const char  *opened_on,
                        GError     **error)
{
  g_autofree char *from = g_strdup_printf ("%04d-01-01", atoi (opened_on) - 1);

  return shelter_rates_add (centre->session, "travel_meal_per_day", NULL, 50000,
                            "Quyết định số 12/2023/QĐ-UBND của UBND tỉnh (ví dụ, dữ liệu demo)",
                            from, NULL, error) != 0;
}

static ShelterSession *
staff_session (DemoCentre  *centre,
               guint        account,
               GError     **error)
{
  g_autoptr (ShelterUser) user = NULL;
  g_autoptr (GDateTime) now = shelter_session_now (centre->session);
  ShelterSession *session;

  user = shelter_user_store_get_by_username (centre->db, demo_accounts[account].username, error);
  if (user == NULL)
    return NULL;
  session = shelter_session_new_for_user (centre->db, user);
  shelter_session_set_clock (session, now);
  return session;
}

/* A shelter of the partner directory to transfer people to, when there is one yet. */
static gint64
facility_partner (DemoCentre *centre)
{
  if (!centre->facility_looked_up)
    {
      g_autoptr (GPtrArray) partners = shelter_partner_store_list (centre->db, FALSE, NULL);

      for (guint i = 0; partners != NULL && i < partners->len; i++)
        {
          ShelterPartnerRow *partner = g_ptr_array_index (partners, i);

          if (g_str_equal (partner->kind, "shelter"))
            {
              centre->facility_partner_id = partner->id;
              break;
            }
        }
      centre->facility_looked_up = TRUE;
    }
  return centre->facility_partner_id;
}

/* The relative who receives the person at home, judged safe, and the contact with them a
 * few days before. A child goes only to a mother or father. Returns the relative's id. */
static gint64
add_receiving_relative (DemoCentre     *centre,
                        ShelterSession *session,
                        ShelterPerson  *person,
                        ShelterStay    *stay,
                        int             age,
                        const GDate    *admitted,
                        const GDate    *discharged,
                        const char     *province_code,
                        const char     *commune_code,
                        GError        **error)
{
  GRand *rand = centre->discharge_rand;
  gboolean hmong = g_strcmp0 (shelter_person_get_ethnicity_code (person), "08") == 0;
  gboolean female = g_str_equal (shelter_person_get_sex (person), "female");
  const char *relation = pick_weighted (rand, age >= 0 && age < 18 ? minor_receivers
                                              : age >= 60 ? elderly_receivers
                                              : female ? woman_receivers : man_receivers);
  const char *family_name = shelter_person_get_family_name (person);
  const char *const *men_names = hmong ? hmong_men_names : kinh_men_names;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *contacted_on = format_day (discharged, -g_rand_int_range (rand, 2, 8),
                                              admitted);
  ShelterRelativeInput relative = { 0 };
  gint64 relative_id;
  const char *method;

  if (g_str_equal (relation, "mother") || g_str_equal (relation, "wife"))
    name = g_strdup (pick_any (rand, hmong ? hmong_women : kinh_women));
  else if (g_str_equal (relation, "husband"))
    name = g_strdup (pick_any (rand, hmong ? hmong_men : kinh_men));
  else
    name = g_strdup_printf ("%s %s", family_name, pick_any (rand, men_names));
  if (chance (rand, 800))
    phone = g_strdup_printf ("%s%08d", pick_weighted (rand, mobile_prefixes),
                             g_rand_int_range (rand, 0, 100000000));

  relative.person_id = shelter_person_get_id (person);
  relative.full_name = name;
  relative.relation = relation;
  relative.phone = phone;
  relative.province_code = province_code;
  relative.commune_code = commune_code;
  relative.address_detail = shelter_person_get_home_detail (person);
  relative.may_contact = TRUE;
  relative.safety = "safe";
  relative.safety_reason = "Cán bộ xã xác minh: gia đình không liên quan đến vụ việc, mong người "
                           "được hỗ trợ trở về.";
  relative_id = shelter_family_save_relative (session, &relative, error);
  if (relative_id == 0)
    return 0;

  method = phone != NULL ? "phone" : chance (rand, 500) ? "commune" : "police";
  {
    g_autofree char *made_by = g_str_equal (method, "phone")
                                 ? g_strdup (demo_accounts[CASEWORKER_ACCOUNT].full_name)
                                 : g_strdup_printf ("%s, qua %s",
                                                    g_str_equal (method, "commune")
                                                      ? "UBND xã" : "Công an xã",
                                                    demo_accounts[CASEWORKER_ACCOUNT].full_name);
    ShelterContactInput contact = {
      shelter_stay_get_id (stay), relative_id, contacted_on, method, made_by, "reached",
      pick_any (rand, contact_notes),
    };

    if (shelter_family_record_contact (session, &contact, error) == 0)
      return 0;
  }
  return relative_id;
}

static const char *
reintegration_plan (GRand *rand,
                    int    age)
{
  if (age >= 0 && age < 6)
    return pick_any (rand, infant_plans);
  if (age >= 0 && age < 11)
    return pick_any (rand, primary_plans);
  if (age >= 0 && age < 18)
    return pick_any (rand, school_plans);
  if (age >= 60)
    return pick_any (rand, elderly_plans);
  return pick_any (rand, adult_plans);
}

static const char *
repatriation_receiver (const char *country)
{
  if (g_strcmp0 (country, "CN") == 0)
    return "Cục Công an Hà Khẩu (Trung Quốc), tiếp nhận tại Cửa khẩu Quốc tế Lào Cai";
  if (g_strcmp0 (country, "LA") == 0)
    return "Công an tỉnh Phông-xa-lỳ (Lào), tiếp nhận tại Cửa khẩu Quốc tế Tây Trang";
  if (g_strcmp0 (country, "KH") == 0)
    return "Đại diện Đại sứ quán Campuchia tại Hà Nội";
  return "Đại diện cơ quan đại diện ngoại giao của nước sở tại";
}

/* The one death of the demo: a resident taken to hospital a few days before, whose mother is
 * told. */
static gboolean
discharge_death (DemoCentre      *centre,
                 ShelterSession  *session,
                 ShelterStay     *stay,
                 const GDate     *discharged,
                 const char      *discharged_at,
                 GError         **error)
{
  g_autofree char *away_on = format_day (discharged, -3, NULL);
  g_autofree char *away_at = g_strconcat (away_on, "T09:30:00+07:00", NULL);
  g_autofree char *back_on = format_day (discharged, 4, NULL);
  ShelterDischargeInput input = {
    .stay_id = shelter_stay_get_id (stay), .reason = "death", .discharged_at = discharged_at,
    .death_cause = "Suy hô hấp cấp", .death_informed = "Mẹ đẻ; Công an xã; Sở Y tế",
  };

  if (shelter_absence_start (session, input.stay_id, "hospital", away_at, back_on,
                             "Bệnh viện Đa khoa tỉnh Lào Cai, điều trị viêm phổi nặng",
                             error) == 0)
    return FALSE;
  centre->death_written = TRUE;
  return shelter_discharge (session, &input, error);
}

/* A discharge as the assistant records it, with a realistic input for its reason. */
static gboolean
discharge_with_record (DemoCentre         *centre,
                       const PlannedStay  *planned,
                       ShelterPerson      *person,
                       ShelterIntake      *intake,
                       ShelterStay        *stay,
                       const GDate        *discharged,
                       const char         *discharged_at,
                       const char         *reason,
                       GError            **error)
{
  GRand *rand = centre->discharge_rand;
  const char *const *belongings = shelter_intake_get_belongings (intake);
  g_autoptr (GArray) returns = g_array_new (FALSE, TRUE, sizeof (ShelterBelongingReturn));
  g_autofree char *commune_on = NULL;
  g_autofree char *police_on = NULL;
  ShelterDischargeInput input = { 0 };
  ShelterSession *session;
  ShelterReferenceEntry *centre_province = province_named (centre, CENTRE_PROVINCE);
  gboolean foreigner = g_str_equal (shelter_person_get_nationality_status (person), "foreigner");
  gboolean trafficking = shelter_intake_applies_trafficking (shelter_person_get_person_type (person));
  gboolean override = FALSE;
  GDate admitted;
  int age;

  if (centre->caseworker == NULL)
    {
      centre->caseworker = staff_session (centre, CASEWORKER_ACCOUNT, error);
      centre->manager = staff_session (centre, MANAGER_ACCOUNT, error);
      if (centre->caseworker == NULL || centre->manager == NULL)
        return FALSE;
    }
  date_of_day (centre, planned->admitted_day, &admitted);
  age = shelter_text_age_on (shelter_person_get_birth_date (person), discharged);
  if (age < 0 && g_str_equal (shelter_person_get_person_type (person), "accompanying_minor"))
    age = 0;
  /* Only the manager may know who a protected resident is. */
  session = shelter_person_get_high_protection (person) ? centre->manager : centre->caseworker;

  if (!centre->death_written && age >= 18 && age <= 50 &&
      g_str_equal (shelter_person_get_person_type (person), "other_protected"))
    return discharge_death (centre, session, stay, discharged, discharged_at, error);

  /* A foreign child is handed to the authorities of their country, never let go alone. */
  if (foreigner && age >= 0 && age < 18 &&
      shelter_discharge_destination_for (reason) == SHELTER_DISCHARGE_TO_ADDRESS)
    reason = "repatriation";

  input.stay_id = shelter_stay_get_id (stay);
  input.reason = reason;
  input.discharged_at = discharged_at;
  commune_on = format_day (discharged, -g_rand_int_range (rand, 2, 6), &admitted);
  police_on = format_day (discharged, -g_rand_int_range (rand, 1, 5), &admitted);
  if (trafficking)
    {
      input.police_informed_on = police_on;
      input.police_informed_whom = pick_any (rand, police_informed);
    }

  switch (shelter_discharge_destination_for (reason))
    {
    case SHELTER_DISCHARGE_TO_ADDRESS:
      {
        const char *province_code = shelter_person_get_home_province_code (person);
        const char *commune_code = shelter_person_get_home_commune_code (person);
        gboolean with_family;

        if (province_code == NULL)
          {
            GPtrArray *communes = communes_of (centre, centre_province->code, error);

            if (communes == NULL)
              return FALSE;
            province_code = centre_province->code;
            commune_code = ((ShelterReferenceEntry *) g_ptr_array_index (
                              communes, g_rand_int_range (rand, 0, communes->len)))->code;
          }
        input.province_code = province_code;
        input.commune_code = commune_code;
        input.address_detail = shelter_person_get_home_detail (person);

        with_family = !foreigner && ((age >= 0 && age < 18) || g_str_equal (reason, "goals_reached") ||
                                     chance (rand, g_str_equal (reason, "community_reintegration")
                                                     ? 800 : 500));
        if (with_family)
          {
            input.received_by_relative_id =
              add_receiving_relative (centre, session, person, stay, age, &admitted, discharged,
                                      province_code, commune_code, error);
            if (input.received_by_relative_id == 0)
              return FALSE;
          }
        else if (foreigner)
          input.family_not_needed = "Gia đình ở nước ngoài; người được hỗ trợ về sống cùng chồng "
                                    "là người Việt Nam, đã đăng ký kết hôn.";
        else
          input.family_not_needed = pick_any (rand, family_not_needed_reasons);

        /* Now and then someone leaves the same day, before the police (or, when there was
         * no trafficking, the commune) could be told: a manager goes on with a reason. */
        override = chance (rand, OVERRIDE_PER_MILLE);
        if (override)
          session = centre->manager;
        if (override && trafficking)
          {
            input.police_informed_on = NULL;
            input.police_informed_whom = NULL;
            input.override_reason = OVERRIDE_POLICE_OPEN;
          }
        if (override && !trafficking)
          input.override_reason = OVERRIDE_COMMUNE_OPEN;
        else
          {
            input.commune_informed_on = commune_on;
            input.commune_informed_whom = pick_any (rand, commune_officers);
          }

        if (g_str_equal (province_code, centre_province->code))
          {
            input.travel_fare_dong = g_rand_int_range (rand, 6, 16) * 10000;
            input.travel_days = 1;
          }
        else
          {
            input.travel_fare_dong = g_rand_int_range (rand, 25, 71) * 10000;
            input.travel_days = chance (rand, 500) ? 2 : 1;
          }
        input.reintegration_plan = reintegration_plan (rand, age);
      }
      break;

    case SHELTER_DISCHARGE_TO_FACILITY:
      input.facility_partner_id = facility_partner (centre);
      if (input.facility_partner_id == 0)
        input.facility_name = age >= 0 && age < 18 ? "Làng trẻ em SOS Việt Trì"
                              : g_str_equal (reason, "long_term_protection")
                                ? "Trung tâm Bảo trợ xã hội tổng hợp tỉnh Phú Thọ"
                                : "Trung tâm Công tác xã hội tỉnh Phú Thọ";
      input.received_by_name = "Bà Nguyễn Thị Thanh, cán bộ tiếp nhận của cơ sở";
      break;

    case SHELTER_DISCHARGE_TO_COUNTRY:
      input.country_code = shelter_person_get_nationality (person);
      input.received_by_name = repatriation_receiver (input.country_code);
      break;

    case SHELTER_DISCHARGE_TO_NOWHERE:
      /* Gone without a word for a month: the commune of their home is told. */
      input.province_code = shelter_person_get_home_province_code (person);
      input.commune_informed_on = commune_on;
      input.commune_informed_whom = pick_any (rand, commune_officers);
      break;

    default:
      g_assert_not_reached ();
    }

  /* The belongings of the intake list given back; the police keep one in twenty as evidence.
   * Someone who left without a word took nothing back. */
  for (guint i = 0; belongings != NULL && belongings[i] != NULL; i++)
    {
      ShelterBelongingReturn given = { i + 1, TRUE, NULL };

      if (g_str_equal (reason, "no_contact"))
        {
          given.returned = FALSE;
          given.note = "Người được hỗ trợ tự ý rời Trung tâm, chưa nhận lại; Trung tâm đang lưu "
                       "giữ";
        }
      else if (chance (rand, KEPT_BELONGING_PER_MILLE))
        {
          given.returned = FALSE;
          given.note = "Công an giữ làm chứng cứ";
        }
      g_array_append_val (returns, given);
    }
  input.belongings = (const ShelterBelongingReturn *) returns->data;
  input.n_belongings = returns->len;

  if (!shelter_discharge (session, &input, error))
    {
      g_prefix_error (error, "discharge (%s%s): ", reason, override ? ", override" : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_stay (DemoCentre         *centre,
            const PlannedStay  *planned,
            GError            **error)
{
  g_autoptr (ShelterPerson) person = shelter_person_new ();
  g_autoptr (ShelterIntake) intake = shelter_intake_new ();
  g_autoptr (ShelterStay) stay = NULL;
  g_autofree char *admitted_at = NULL;
  g_autofree char *discharged_at = NULL;
  gint64 room_id = g_array_index (centre->rooms, DemoRoom, planned->room).id;
  gint32 discharged_day = planned->admitted_day + planned->stay_days;
  const char *reason;
  gboolean foreigner;
  GDate date;

  date_of_day (centre, planned->admitted_day, &date);
  if (!describe_person (centre, planned, &date, person, error))
    return FALSE;
  foreigner = g_str_equal (shelter_person_get_nationality_status (person), "foreigner");
  admitted_at = format_local_time (&date, planned->admitted_minute);

  /* A child comes with the adult received last who is still here; a child who came alone
   * is another protected person. */
  if (g_str_equal (shelter_person_get_person_type (person), "accompanying_minor"))
    {
      for (guint i = centre->recent_adults->len; i > 0; i--)
        {
          DemoAdult *adult = &g_array_index (centre->recent_adults, DemoAdult, i - 1);

          if (adult->discharged_day > planned->admitted_day)
            {
              shelter_intake_set_linked_person_id (intake, adult->person_id);
              break;
            }
        }
      if (shelter_intake_get_linked_person_id (intake) == 0)
        shelter_person_set_person_type (person, "other_protected");
    }
  describe_intake (centre, person, planned->age, &date, intake);
  stay = shelter_receive_person (centre->session, person, intake, room_id, admitted_at, error);
  if (stay == NULL || !describe_case_file (centre, person, stay, &date, error))
    return FALSE;

  if (planned->age >= 18 &&
      shelter_intake_applies_trafficking (shelter_person_get_person_type (person)))
    {
      DemoAdult adult = { shelter_person_get_id (person), discharged_day };

      if (centre->recent_adults->len == RECENT_ADULTS)
        g_array_remove_index (centre->recent_adults, 0);
      g_array_append_val (centre->recent_adults, adult);
    }

  /* Those due to leave today or later are still here. */
  if (discharged_day >= centre->today_day)
    return TRUE;
  date_of_day (centre, discharged_day, &date);
  discharged_at = format_local_time (&date, planned->discharged_minute);
  reason = pick_weighted (centre->details_rand, foreigner ? foreigner_discharge_reasons
                                                          : citizen_discharge_reasons);
  if (planned->recorded)
    return discharge_with_record (centre, planned, person, intake, stay, &date, discharged_at,
                                  reason, error);
  return shelter_discharge_stay (centre->session, stay, discharged_at, reason, error);
}

static gboolean
write_stays (DemoCentre           *centre,
             GArray               *plan,
             ShelterDemoProgress   progress,
             gpointer              user_data,
             GError              **error)
{
  guint done = 0;

  /* A transaction a batch: a commit, and its fsync, a person would take minutes. */
  while (done < plan->len)
    {
      guint batch_end = MIN (done + PEOPLE_PER_TRANSACTION, plan->len);

      if (!shelter_db_begin (centre->db, error))
        return FALSE;
      for (; done < batch_end; done++)
        if (!write_stay (centre, &g_array_index (plan, PlannedStay, done), error))
          {
            shelter_db_rollback (centre->db);
            g_prefix_error (error, _("Demo resident %u: "), done + 1);
            return FALSE;
          }
      if (!shelter_db_commit (centre->db, error))
        return FALSE;
      if (progress != NULL)
        progress (done, plan->len, user_data);
    }
  return TRUE;
}

/* Two residents away today, so that the feature shows: one in hospital, due back in four
 * days; one on home leave, due back two days ago and not yet returned. */
static gboolean
write_absences (DemoCentre  *centre,
                GError     **error)
{
  static const struct
  {
    const char *kind;
    int         started_days_ago;
    int         return_in_days;
    const char *note;
  } absences[] = {
    { "hospital", 3, 4, "Bệnh viện Đa khoa tỉnh, điều trị viêm phổi" },
    { "home_leave", 9, -2, "Về thăm gia đình, mẹ ốm" },
  };
  g_autoptr (GDateTime) now = shelter_session_now (centre->session);
  g_autofree char *now_iso = shelter_session_format_time (now);
  g_autoptr (GArray) stays = shelter_capacity_store_stays_at (centre->db, now_iso, error);
  guint written = 0;

  if (stays == NULL)
    return FALSE;
  for (guint i = 0; i < stays->len && written < G_N_ELEMENTS (absences); i++)
    {
      ShelterCapacityStayRow *stay = &g_array_index (stays, ShelterCapacityStayRow, i);
      g_autoptr (GDateTime) started = g_date_time_add_days (now, -absences[written].started_days_ago);
      g_autoptr (GDateTime) back = g_date_time_add_days (now, absences[written].return_in_days);
      g_autofree char *started_iso = shelter_session_format_time (started);
      g_autofree char *back_on = g_date_time_format (back, "%Y-%m-%d");

      /* Someone who was already here when the absence began. */
      if (strncmp (stay->admitted_on, started_iso, 10) >= 0)
        continue;
      if (shelter_absence_start (centre->session, stay->stay_id, absences[written].kind,
                                 started_iso, back_on, absences[written].note, error) == 0)
        return FALSE;
      written++;
    }
  return TRUE;
}

/* What the rooms' history and the planning view show besides the stays: a room closed
 * for repairs a month and a half ago, and a manager's decision to keep someone past the
 * emergency protection limit while their family is traced. */
static gboolean
write_room_decisions (DemoCentre  *centre,
                      const char  *opened_on,
                      GError     **error)
{
  g_autoptr (ShelterRoom) room = shelter_room_new ();
  g_autoptr (GDateTime) now = shelter_session_now (centre->session);
  g_autoptr (GDateTime) closed = g_date_time_add_days (now, -45);
  g_autoptr (GDateTime) until = g_date_time_add_days (now, 30);
  g_autofree char *closed_on = g_date_time_format (closed, "%Y-%m-%d");
  g_autofree char *until_on = g_date_time_format (until, "%Y-%m-%d");
  g_autoptr (GPtrArray) flags = NULL;

  shelter_room_set_code (room, "A199");
  shelter_room_set_building (room, "Nhà A");
  shelter_room_set_name (room, "Phòng nữ cũ (đang sửa chữa)");
  shelter_room_set_sex_use (room, "female");
  shelter_room_set_age_group (room, "adult");
  shelter_room_set_beds (room, 4);
  shelter_room_set_area_m2 (room, 26.0);
  shelter_room_set_opened_on (room, opened_on);
  if (!shelter_rooms_add (centre->session, room, error) ||
      !shelter_rooms_close (centre->session, shelter_room_get_id (room), closed_on,
                            shelter_room_get_version (room), error))
    return FALSE;

  flags = shelter_placement_flags (centre->session, error);
  if (flags == NULL)
    return FALSE;
  for (guint i = 0; i < flags->len; i++)
    {
      ShelterPlacementFlag *flag = g_ptr_array_index (flags, i);

      if (g_strcmp0 (flag->kind, "limit_passed") == 0)
        return shelter_stay_extend (centre->session, flag->stay_id, until_on,
                                    "Quyết định số 27/QĐ-TTBTXH của Giám đốc Trung tâm: gia hạn "
                                    "bảo vệ khẩn cấp để xác minh gia đình trước khi hồi gia.",
                                    error);
    }
  return TRUE;
}

/* ---- The file ---------------------------------------------------------------------------- */

static void
remove_database_files (const char *db_path,
                       gboolean    journals_only)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal", "" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes) - (journals_only ? 1 : 0); i++)
    {
      g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

/* A new name beside @path, so that the final rename stays within one file system. */
static char *
reserve_temporary_path (const char  *path,
                        GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".tmp-XXXXXX", NULL);
  int fd = g_mkstemp_full (temporary, O_RDWR, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create a file beside “%s”: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);
  /* shelter_db_open creates the database itself and refuses an empty file: keep the unique
   * name, not the file. */
  remove_database_files (temporary, FALSE);
  return g_steal_pointer (&temporary);
}

static gboolean
generate_centre (const char           *db_path,
                 guint                 residents,
                 guint32               seed,
                 ShelterDemoProgress   progress,
                 gpointer              user_data,
                 GError              **error)
{
  g_auto (DemoCentre) centre = { 0 };
  g_autoptr (GRand) plan_rand = g_rand_new_with_seed (seed);
  g_autoptr (GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) wall_clock = g_date_time_new_now (vietnam);
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GArray) plan = NULL;
  g_autofree char *opened_on = NULL;
  guint32 details_seed[] = { seed, 1 };
  guint32 discharge_seed[] = { seed, 2 };
  GDate opened;

  /* Runs on the same day give the same file: the clock stops today at 08:00. */
  now = g_date_time_new (vietnam, g_date_time_get_year (wall_clock),
                         g_date_time_get_month (wall_clock),
                         g_date_time_get_day_of_month (wall_clock), OPENING_HOUR, 0, 0);
  g_date_clear (&centre.today, 1);
  g_date_set_dmy (&centre.today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  centre.details_rand = g_rand_new_with_seed_array (details_seed, G_N_ELEMENTS (details_seed));
  centre.discharge_rand = g_rand_new_with_seed_array (discharge_seed,
                                                      G_N_ELEMENTS (discharge_seed));

  centre.db = shelter_db_open (db_path, SHELTER_DB_OPEN_CREATE, error);
  if (centre.db == NULL)
    return FALSE;
  centre.session = shelter_session_new_for_operator (centre.db);
  shelter_session_set_clock (centre.session, now);
  if (!load_reference_data (&centre, error))
    return FALSE;

  /* The rooms open before the first admission, whose date follows from the length of a plan
   * that needs the rooms: plan on rooms laid out in memory, then write them. */
  lay_out_rooms (&centre, room_sets_for (residents));
  plan = plan_stays (&centre, plan_rand, residents);
  mark_recorded_discharges (&centre, plan);
  date_of_day (&centre, -60, &opened);
  opened_on = g_strdup_printf ("%04u-%02u-01", g_date_get_year (&opened),
                               g_date_get_month (&opened));

  if (!shelter_db_begin (centre.db, error))
    return FALSE;
  if (!add_rooms (&centre, plan_rand, opened_on, error) ||
      !write_centre_and_accounts (&centre, error) ||
      !write_travel_meal_rate (&centre, opened_on, error))
    {
      shelter_db_rollback (centre.db);
      return FALSE;
    }
  return shelter_db_commit (centre.db, error) &&
         write_stays (&centre, plan, progress, user_data, error) &&
         write_absences (&centre, error) &&
         _shelter_demo_services_write (centre.session, error) &&
         _shelter_demo_plans_write (centre.session, error) &&
         _shelter_demo_referrals_write (centre.session, error) &&
         _shelter_demo_family_write (centre.session, error) &&
         _shelter_demo_safety_write (centre.session, error) &&
         _shelter_demo_meals_write (centre.session, error) &&
         _shelter_demo_follow_up_write (centre.session, centre.discharge_rand, error) &&
         write_room_decisions (&centre, opened_on, error);
}

gboolean
shelter_demo_create (const char           *path,
                     guint                 residents,
                     guint32               seed,
                     gboolean              force,
                     ShelterDemoProgress   progress,
                     gpointer              user_data,
                     GError              **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *temporary_wal = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FILE_EXISTS,
                   _("The file “%s” already exists. Choose another name, or use --force to "
                     "replace it."), display);
      return FALSE;
    }

  /* Built beside @path and renamed over it once complete, so that a failure leaves the old
   * file as it was. */
  temporary = reserve_temporary_path (path, error);
  if (temporary == NULL)
    return FALSE;
  if (!generate_centre (temporary, residents, seed, progress, user_data, error))
    {
      remove_database_files (temporary, FALSE);
      return FALSE;
    }

  /* Closing the last connection moved the WAL into the file and deleted it; one left
   * behind would hold data the rename would lose. */
  temporary_wal = g_strconcat (temporary, "-wal", NULL);
  if (g_file_test (temporary_wal, G_FILE_TEST_EXISTS))
    {
      remove_database_files (temporary, FALSE);
      g_set_error (error, SHELTER_APP_ERROR, SHELTER_APP_ERROR_FAILED,
                   _("The demo centre could not be written completely to “%s”."), display);
      return FALSE;
    }

  /* SQLite would read a stale journal of the old file as part of the new one. */
  remove_database_files (path, TRUE);
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      remove_database_files (temporary, FALSE);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
