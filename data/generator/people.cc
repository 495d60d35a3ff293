#include "people.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "civil_date.h"

namespace eavesearch::gen {
namespace {

// Regulars first. "nick@YYYY-YYYY" pins the years someone was around; other
// nicks get a span drawn from a hash.
const std::map<std::string, std::string>& team_pools() {
  static const std::map<std::string, std::string> kPools = {
      {"tc",
       "ttx@2012-2025 fungi@2013-2025 mnaser@2017-2025 gmann@2015-2025 diablo_rojo@2016-2025 "
       "dhellmann@2012-2019 smcginnis@2014-2021 jroll@2014-2021 njohnston@2016-2021 "
       "evrardjp@2016-2021 ricolin@2016-2025 zaneb@2013-2020 cdent@2014-2020 "
       "jungleboyj@2014-2022 spotz@2015-2025 gouthamr@2015-2025 knikolla@2014-2025 "
       "noonedeadpunk@2018-2025 JayF@2014-2025 dansmith@2012-2025 slaweq@2016-2025 "
       "frickler@2016-2025 clarkb@2012-2025 belmoreira@2016-2022 russellb@2012-2016 "
       "markmc@2012-2014 sdague@2012-2018 mordred@2012-2019 jaypipes@2012-2019 "
       "annegentle@2012-2017 notmyname@2012-2019 flaper87@2013-2018 dtroyer@2012-2017 "
       "mugsie@2015-2020 asettle@2016-2019 tosky@2015-2025 jeblair@2012-2017 "
       "rosmaita@2016-2025 TheJulia@2015-2025 corvus@2017-2025"},
      {"nova",
       "dansmith@2012-2025 mriedem@2013-2020 sean-k-mooney@2015-2025 melwitt@2014-2025 "
       "efried@2017-2021 stephenfin@2015-2025 gibi@2015-2025 bauzas@2013-2025 "
       "alex_xu@2013-2022 johnthetubaguy@2012-2019 jaypipes@2012-2019 edleafe@2013-2019 "
       "lyarwood@2015-2022 artom@2016-2025 kashyap@2014-2025 tssurya@2017-2021 "
       "mdbooth@2014-2020 russellb@2012-2015 sdague@2012-2018 ndipanov@2013-2016 "
       "danpb@2012-2017 jogo@2012-2016 mikal@2012-2020 elod@2019-2025 gmann@2015-2025 "
       "Uggla@2020-2025 auniyal@2022-2025 sahid@2013-2018 yonglihe@2017-2020 "
       "takashin@2015-2022 mlavalle@2016-2020 cfriesen@2014-2020 tonyb@2013-2020"},
      {"placement",
       "cdent@2016-2020 efried@2017-2021 edleafe@2014-2020 tetsuro@2018-2021 gibi@2015-2025 "
       "melwitt@2014-2025 jaypipes@2014-2019 mriedem@2013-2020 bauzas@2013-2025 "
       "stephenfin@2015-2025 dansmith@2012-2025 sean-k-mooney@2015-2025"},
      {"neutron",
       "slaweq@2016-2025 ralonsoh@2017-2025 haleyb@2012-2025 mlavalle@2015-2021 "
       "njohnston@2016-2021 amotoki@2012-2025 liuyulong@2016-2022 lajoskatona@2018-2025 "
       "ykarel@2016-2025 obondarev@2013-2025 bcafarel@2016-2023 armax@2013-2018 "
       "kevinbenton@2013-2018 ihrachys@2014-2019 markmcclain@2012-2015 salv-orlando@2012-2016 "
       "marun@2012-2016 mestery@2013-2016 yamamoto@2013-2022 frickler@2016-2025 "
       "carl_baldwin@2013-2017 dougwig@2014-2017 sc68cal@2013-2017 rkukura@2012-2017 "
       "hongbin@2016-2019 mangelajo@2014-2019 jlibosva@2014-2022 otherwiseguy@2013-2025 "
       "elvira@2020-2025 sahid@2018-2022 rubasov@2018-2025 mtomaska@2021-2025"},
      {"cinder",
       "jungleboyj@2013-2025 smcginnis@2013-2021 rosmaita@2016-2025 whoami-rajat@2018-2025 "
       "eharney@2012-2025 geguileo@2014-2025 e0ne@2013-2022 hemna@2012-2022 "
       "jgriffith@2012-2017 DuncanT@2012-2019 thingee@2012-2017 enriquetaso@2017-2025 "
       "jbernard@2014-2025 winston-d@2012-2015 avishay@2013-2015 xyang@2013-2020 "
       "tbarron@2014-2021 walshh_@2017-2022 sfernand@2020-2025 simondodsley@2018-2025 "
       "raghavendrat@2019-2025 drencrom@2020-2025"},
      {"keystone",
       "cmurphy@2015-2022 lbragstad@2013-2021 knikolla@2014-2025 kmalloc@2012-2022 "
       "ayoung@2012-2020 dolphm@2012-2018 stevemar@2013-2017 bknudson@2012-2017 "
       "gagehugo@2016-2025 xek@2019-2025 d34dh0r53@2016-2025 hrybacki@2017-2019 "
       "morganfainberg@2012-2016 gyee@2012-2022 raildo@2014-2019 rodrigods@2014-2018 "
       "vishakha@2019-2022 dmendiza[m]@2015-2025 jamielennox@2013-2016 samueldmq@2014-2017 "
       "bbobrov@2018-2021 wxy@2016-2021"},
      {"infra",
       "clarkb@2012-2025 fungi@2012-2025 corvus@2017-2025 jeblair@2012-2017 ianw@2013-2024 "
       "mordred@2012-2019 pabelanger@2013-2019 frickler@2016-2025 AJaeger@2012-2020 "
       "Shrews@2016-2021 tobiash@2017-2025 jhesketh@2013-2020 anteaya@2013-2016 "
       "zaro@2013-2019 dmsimard@2016-2019 tristanC@2017-2025 tonyb@2013-2025 "
       "mnaser@2017-2025 kopecmartin@2019-2025 diablo_rojo@2016-2025 yoctozepto@2019-2024 "
       "SpamapS@2013-2018 nibalizer@2014-2017"},
      {"qa",
       "gmann@2014-2025 kopecmartin@2019-2025 masayukig@2015-2022 andreaf@2013-2020 "
       "oomichi@2013-2019 mtreinish@2012-2020 sdague@2012-2018 dmellado@2015-2019 "
       "afazekas@2012-2017 jordanP@2014-2016 dwalleck@2012-2015 tosky@2015-2025 "
       "frickler@2016-2025 yoctozepto@2019-2024 lpiwowar@2021-2025 soniya29@2020-2024 "
       "paras333@2020-2022 yrobla@2018-2020"},
      {"ironic",
       "TheJulia@2014-2025 jroll@2014-2021 dtantsur@2013-2025 rpittau@2018-2025 "
       "iurygregory@2017-2025 arne_wiebalck@2017-2025 JayF@2014-2025 stendulker@2014-2021 "
       "rloo@2013-2020 lucasagomes@2013-2018 devananda@2012-2017 sambetts@2015-2018 "
       "NobodyCam@2013-2016 ajya@2020-2025 kubajj@2022-2025 "
       "hjensas@2016-2025 cid@2021-2025 stevebaker@2020-2024 masghar@2022-2025"},
      {"swift",
       "notmyname@2012-2020 timburke@2014-2025 clayg@2012-2025 mattoliverau@2013-2025 "
       "acoles@2012-2025 kota_@2014-2022 cschwede@2013-2019 zaitcev@2012-2025 "
       "rledisez@2016-2022 tdasilva@2014-2022 portante@2013-2017 torgomatic@2012-2019 "
       "peterlisak@2015-2019 alecuyer@2018-2023 seongsoocho@2019-2023 indianwhocodes@2022-2025"},
      {"glance",
       "jokke_@2013-2025 abhishekk@2016-2025 rosmaita@2014-2025 dansmith@2020-2025 "
       "flaper87@2013-2018 nikhil@2014-2018 markwash@2012-2016 croelandt@2021-2025 "
       "pdeore@2020-2025 mfedosin@2015-2018 smcginnis@2018-2021 alistarle@2020-2023 "
       "whoami-rajat@2021-2025 bhagyashris@2016-2021"},
      {"horizon",
       "e0ne@2016-2022 amotoki@2012-2025 vishalmanchanda@2017-2025 robcresswell@2014-2018 "
       "david-lyle@2012-2017 tsufiev@2014-2017 rdopiera@2013-2021 r1chardj0n3s@2013-2017 "
       "tmazur@2021-2025 rdopieralski@2019-2023 ganso@2018-2021"},
      {"heat",
       "ricolin@2015-2024 zaneb@2012-2020 therve@2013-2019 shardy@2012-2018 "
       "stevebaker@2012-2018 ramishra@2013-2024 asalkeld@2012-2015 tkajinam@2019-2024 "
       "kazsh@2016-2019 skraynev@2014-2017"},
      {"tripleo",
       "dprince@2013-2019 EmilienM@2014-2022 mwhahaha@2015-2022 shardy@2014-2018 "
       "slagle@2013-2022 marios@2014-2023 weshay@2015-2023 bogdando@2016-2022 jistr@2015-2022 "
       "owalsh@2015-2022 beagles@2014-2021 bandini@2015-2022 chem@2015-2021 "
       "rlandy@2017-2023 sshnaidm@2015-2022 ykarel@2017-2022 chandankumar@2017-2023 "
       "arxcruz@2016-2023 fultonj@2016-2023"},
      {"kolla",
       "mgoddard@2017-2025 yoctozepto@2019-2024 hrw@2016-2024 inc0@2014-2019 sdake@2014-2017 "
       "egonzalez@2015-2020 mnasiadka@2018-2025 priteau@2017-2025 kevko@2019-2025 "
       "bbezak@2021-2025 Jeffrey4l@2015-2020 headphoneJames@2020-2024 frickler@2020-2025 "
       "parallax@2019-2023 SamYaple@2015-2018 jsuchome@2020-2025"},
      {"manila",
       "gouthamr@2015-2025 tbarron@2014-2021 vkmc@2015-2025 carloss@2018-2025 "
       "dviroel@2017-2023 felipe_rodrigues@2019-2023 haixin@2020-2025 ganso@2014-2021 "
       "bswartz@2012-2018 xyang@2014-2019 kpdev@2021-2025 ashrodri@2021-2025 "
       "markstur@2015-2019 toabctl@2014-2018"},
      {"oslo",
       "bnemec@2014-2021 hberaud@2018-2025 dhellmann@2012-2019 moguimar@2019-2022 "
       "stephenfin@2015-2025 sileht@2013-2019 dims@2012-2018 harlowja@2013-2018 "
       "kgiusti@2015-2022 gcb@2015-2019 ansmith@2016-2022 takashin@2016-2023 "
       "tkajinam@2020-2025 damani@2021-2024 jungleboyj@2018-2020"},
      {"release",
       "tonyb@2014-2025 smcginnis@2013-2021 dhellmann@2012-2019 ttx@2012-2025 elod@2019-2025 "
       "hberaud@2018-2025 diablo_rojo@2016-2025 evrardjp@2016-2021 fungi@2012-2025 "
       "prometheanfire@2014-2025 dirk@2013-2021 frickler@2020-2025 armstrong@2020-2023"},
      {"osa",
       "noonedeadpunk@2018-2025 jrosser@2017-2025 evrardjp@2015-2021 mnaser@2017-2025 "
       "odyssey4me@2014-2019 cloudnull@2014-2020 andymccr@2015-2018 hwoarang@2016-2019 "
       "spotz@2015-2025 damiandabrowski@2021-2025 guilhermesp@2018-2023 "
       "jamesdenton@2016-2025 mgariepy@2016-2025"},
      {"octavia",
       "johnsom@2014-2025 gthiemonge@2019-2025 rm_work@2014-2023 xgerman@2014-2021 "
       "cgoncalves@2017-2022 nmagnezi@2016-2020 sbalukoff@2014-2017 dougwig@2014-2017 "
       "tweining@2021-2025 haleyb@2014-2025 skraynev@2021-2025 oschwart@2022-2025"},
      {"docs",
       "pkovar@2016-2020 asettle@2015-2019 annegentle@2012-2017 stephenfin@2017-2020 "
       "AJaeger@2012-2020 dhellmann@2017-2019 loquacities@2014-2017 eumel8@2016-2021 "
       "ianychoi@2015-2021 bmoss@2015-2017 jamesmcarthur@2018-2021"},
      {"i18n",
       "ianychoi@2014-2021 eumel8@2015-2021 daisy@2014-2017 amotoki@2014-2021 "
       "AJaeger@2014-2020 Yulia@2016-2019 kmarc@2016-2018 frickler@2019-2021 "
       "seongsoocho@2018-2021"},
      {"uc",
       "spotz@2014-2025 VW_@2014-2019 josephrsandoval@2017-2021 studarus@2018-2021 "
       "belmorei_@2016-2022 mihalis68@2016-2023 jamemcc@2016-2019 oneswig@2016-2021 "
       "b1airo@2016-2020 martial@2016-2021 serverascode@2015-2019 tobberydberg@2016-2021 "
       "zhipeng@2016-2020 shintaro@2017-2021 emccormick@2016-2020 ildikov@2017-2021"},
      {"community",
       "spotz@2014-2025 diablo_rojo@2016-2025 ttx@2012-2025 fungi@2012-2025 "
       "mnaser@2017-2025 gmann@2015-2025 jungleboyj@2014-2022 ricolin@2016-2025 "
       "gouthamr@2015-2025 Amy_@2018-2022 tonyb@2014-2020 elod@2019-2025"},
  };
  return kPools;
}

// Familiar faces who drop into other teams' meetings now and then.
constexpr char kCommunity[] =
    "fungi@2012-2025 ttx@2012-2025 clarkb@2012-2025 gmann@2015-2025 diablo_rojo@2016-2025 "
    "smcginnis@2013-2021 mnaser@2017-2025 spotz@2014-2025 frickler@2016-2025 elod@2019-2025 "
    "hberaud@2018-2025 tosky@2015-2025 JayF@2014-2025 dhellmann@2012-2019 corvus@2017-2025";

constexpr const char* kFirstNames[] = {
    "alex",    "anna",    "bo",     "chen",     "dan",    "elena",  "feng",    "gao",    "hiro",
    "ivan",    "jin",     "kai",    "lei",      "maria",  "nikhil", "omer",    "pavel",  "qiang",
    "raj",     "sara",    "tomo",   "uma",      "victor", "wei",    "xin",     "yuki",   "zhen",
    "arnaud",  "bartosz", "carlos", "dmitry",   "eric",   "fabio",  "gregory", "hang",   "ilya",
    "jakub",   "kendall", "luis",   "mohammed", "natal",  "oleg",   "priya",   "rafael", "sven",
    "takashi", "vlad",    "yang",   "zoltan",   "sonia"};
constexpr const char* kLastNames[] = {"li",     "wang",     "kumar",  "sato",   "novak",  "smith",
                                      "garcia", "mueller",  "kim",    "zhang",  "singh",  "tanaka",
                                      "rossi",  "kowalski", "ivanov", "silva",  "nguyen", "martin",
                                      "chen",   "yamada",   "dubois", "jensen", "petrov", "moreau",
                                      "hassan", "park",     "lopez",  "olsen"};

std::string made_up_nick(Rng& rng) {
  const std::string first = kFirstNames[rng.uniform(std::size(kFirstNames))];
  const std::string last = kLastNames[rng.uniform(std::size(kLastNames))];
  switch (rng.uniform(8)) {
    case 0:
      return first + last[0];
    case 1:
      return first + "_" + last;
    case 2:
      return first.substr(0, 1) + last;
    case 3:
      return first + "-" + last;
    case 4:
      return first + last;
    case 5:
      return first + std::to_string(rng.range(1, 99));
    case 6:
      return last + first.substr(0, 2);
    default:
      return first;
  }
}

void parse_pool(const std::string& text, int64_t first_day, int64_t last_day, uint64_t seed,
                bool regulars_first, std::vector<Regular>* out) {
  std::istringstream in(text);
  std::string token;
  int index = 0;
  while (in >> token) {
    Regular r;
    const size_t at = token.find('@');
    r.nick = token.substr(0, at);
    if (at != std::string::npos) {
      r.active_from = days_from_civil(std::stoi(token.substr(at + 1, 4)), 1, 1);
      r.active_to = days_from_civil(std::stoi(token.substr(at + 6, 4)), 12, 31);
    } else {
      // Hash-drawn span: regulars stay most of the series' life.
      Rng rng(combine(seed, hash_string(r.nick)));
      const int64_t life = std::max<int64_t>(1, last_day - first_day);
      const int64_t min_pct = (regulars_first && index < 4) ? 60 : 25;
      const int64_t span =
          life * (min_pct + static_cast<int64_t>(rng.uniform(101 - min_pct))) / 100;
      const int64_t start = first_day + static_cast<int64_t>(rng.uniform(life - span + 1));
      r.active_from = start;
      r.active_to = start + span;
    }
    out->push_back(std::move(r));
    ++index;
  }
}

}  // namespace

std::vector<Regular> build_pool(const std::string& team, const std::string& series_id,
                                int64_t first_day, int64_t last_day, uint64_t seed) {
  std::vector<Regular> pool;
  const auto& pools = team_pools();
  const auto it = pools.find(team);
  const uint64_t pool_seed = combine(seed, hash_string(series_id));
  if (it != pools.end()) parse_pool(it->second, first_day, last_day, pool_seed, true, &pool);
  // Every series also has its own made-up contributors, more for small teams.
  Rng rng(combine(pool_seed, 0x9e09ULL));
  const int extra = it != pools.end() ? 6 : 14;
  std::string invented;
  for (int i = 0; i < extra; ++i) invented += made_up_nick(rng) + " ";
  parse_pool(invented, first_day, last_day, pool_seed, it == pools.end(), &pool);
  parse_pool(kCommunity, first_day, last_day, pool_seed, false, &pool);
  // Drop duplicate nicks, keeping the first (most regular) entry.
  std::vector<Regular> unique;
  for (Regular& r : pool) {
    const bool seen = std::any_of(unique.begin(), unique.end(),
                                  [&](const Regular& u) { return u.nick == r.nick; });
    if (!seen) unique.push_back(std::move(r));
  }
  return unique;
}

std::string nick_variant(const std::string& nick, bool matrix_era, Rng& rng) {
  if (nick.size() > 3 && nick.compare(nick.size() - 3, 3, "[m]") == 0) return nick;
  static constexpr const char* kSuffixes[] = {"_",    "_", "__",   "|away", "_afk",
                                              "|afk", "_", "|ptg", "1",     "`"};
  if (matrix_era && rng.percent(30)) return nick + "[m]";
  return nick + kSuffixes[rng.uniform(std::size(kSuffixes))];
}

const std::vector<std::string>& person_names() {
  static const std::vector<std::string> kNames = {
      "Radosław", "Sławek",  "Hervé",   "Előd",  "José",   "Łukasz",   "Jérémie", "Przemysław",
      "Zoltán",   "Gonçalo", "Tomáš",   "Björn", "Martín", "Kendall",  "Thierry", "Ghanshyam",
      "Rodolfo",  "Lajos",   "Goutham", "Amy",   "Julia",  "Mohammed", "Jeremy",  "Clark"};
  return kNames;
}

}  // namespace eavesearch::gen
