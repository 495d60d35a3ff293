// parse_channel_log: the ChannelLogger line grammar (FORMATS.md 2.2), record
// fields, anchors, nick changes, and the real Supybot / Limnoria logs.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <tuple>

#include "eavesearch/parser.h"
#include "eavesearch/time_util.h"
#include "tests/corpus.h"

namespace eavesearch {
namespace {

constexpr const char* kPath = "irclogs/#openstack-tc/#openstack-tc.2020-05-14.log";
constexpr const char* kStamp = "2020-05-14T15:07:53  ";

ParsedChannelLog parse(std::string_view content, std::string_view path = kPath) {
  auto parsed = parse_channel_log(path, content);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return parsed.ok() ? std::move(*parsed) : ParsedChannelLog{};
}

struct LineCase {
  const char* name;
  std::string body;  // the line after the timestamp
  const char* kind;
  std::optional<std::string> speaker;
  const char* person;
  std::string text;
};

TEST(ChannelLogTest, EachLineFormGivesItsKindSpeakerPersonAndText) {
  const std::vector<LineCase> cases = {
      {"say", "<mnaser> hello  world", "say", "mnaser", "mnaser", "hello  world"},
      {"say, empty", "<mnaser> ", "say", "mnaser", "mnaser", ""},
      {"say, no space", "<mnaser>", "say", "mnaser", "mnaser", ""},
      {"say, Matrix nick", "<spotz[m]> o/", "say", "spotz[m]", "spotz", "o/"},
      {"say, away nick", "<ttx|away> back", "say", "ttx|away", "ttx", "back"},
      {"say, TAB kept", "<the-t-in-rtf> \t\tvoice = HKEY", "say", "the-t-in-rtf", "the-t-in-rtf",
       "\t\tvoice = HKEY"},
      {"say, [nolog]", "<gmann> -= THIS MESSAGE NOT LOGGED =-", "say", "gmann", "gmann",
       "-= THIS MESSAGE NOT LOGGED =-"},
      {"say, cp1252 line", "<kamiccolo> ai\x9aku :)", "say", "kamiccolo", "kamiccolo",
       "ai\xc5\xa1ku :)"},
      {"say, one invalid byte", "<mgedmin> \x9a", "say", "mgedmin", "mgedmin", "\xc5\xa1"},
      {"say, mIRC codes", "<a> \002bold\002 \00304,01red\017", "say", "a", "a", "bold red"},
      {"say, UTF-8", "<ltsp> Epoptes \xe2\x86\x92 Help", "say", "ltsp", "ltsp",
       "Epoptes \xe2\x86\x92 Help"},
      {"me", "* mgedmin tried https://www.ivija.com/", "me", "mgedmin", "mgedmin",
       "tried https://www.ivija.com/"},
      {"me, Matrix nick", "* jhung[m] sent a long message:  < https://x/y.txt >", "me", "jhung[m]",
       "jhung", "sent a long message:  < https://x/y.txt >"},
      {"notice", "-openstackstatus- NOTICE: gerrit restarts", "notice", "openstackstatus",
       "openstackstatus", "NOTICE: gerrit restarts"},
      {"notice, dashed nick", "-sean-k-mooney- ping", "notice", "sean-k-mooney", "sean-k-mooney",
       "ping"},
      {"join, Supybot", "*** ryzaja has joined #PoV", "join", "ryzaja", "ryzaja",
       "ryzaja has joined #PoV"},
      {"join, Supybot prefix", "*** ryzaja!~r@host has joined #pov", "join", "ryzaja", "ryzaja",
       "ryzaja has joined #pov"},
      {"join, Limnoria", "*** kjackal <kjackal!~quassel@2a02:587::1> has joined #ltsp", "join",
       "kjackal", "kjackal", "kjackal has joined #ltsp"},
      {"part, Supybot", "*** ryzaja has left #pov", "part", "ryzaja", "ryzaja",
       "ryzaja has left #pov"},
      {"part, Limnoria", "*** John44 <John44!5c85306e@a.fr> has left #ltsp", "part", "John44",
       "john44", "John44 has left #ltsp"},
      {"part, Limnoria reason", "*** gp_ <gp_!~gp@1.2.3.4> has left #ltsp (\"bye\")", "part", "gp_",
       "gp", "gp_ has left #ltsp (\"bye\")"},
      {"quit, Supybot", "*** ryzaja has quit IRC", "quit", "ryzaja", "ryzaja",
       "ryzaja has quit IRC"},
      {"quit, Supybot reason", "*** ryzaja has quit IRC (Ping timeout)", "quit", "ryzaja", "ryzaja",
       "ryzaja has quit IRC (Ping timeout)"},
      {"quit, Limnoria", "*** quinox <quinox!~quinox@ghost.qtea.nl> has quit IRC (Quit: WeeChat)",
       "quit", "quinox", "quinox", "quinox has quit IRC (Quit: WeeChat)"},
      {"nick change", "*** mgedmin is now known as mg_away", "nick", "mgedmin", "mgedmin",
       "mgedmin is now known as mg_away"},
      {"topic", "*** ChanServ changes topic to \"Logged -- see \"http://x\"\"", "topicchange",
       "ChanServ", "chanserv", "Logged -- see \"http://x\""},
      {"topic, empty", "*** ttx changes topic to \"\"", "topicchange", "ttx", "ttx", ""},
      {"mode", "*** ChanServ sets mode: +o colinclark", "mode", "ChanServ", "chanserv",
       "ChanServ sets mode: +o colinclark"},
      {"mode, no args", "*** ChanServ sets mode: +m ", "mode", "ChanServ", "chanserv",
       "ChanServ sets mode: +m"},
      {"kick", "*** spammer was kicked by fungi (spam)", "kick", "fungi", "fungi",
       "spammer was kicked by fungi (spam)"},
      {"kick, no reason", "*** spammer was kicked by fungi", "kick", "fungi", "fungi",
       "spammer was kicked by fungi"},
      {"other: Limnoria invite", "*** ttx <ttx!~t@h> invited gmann to #openstack-tc", "other",
       std::nullopt, "", "ttx invited gmann to #openstack-tc"},
      {"other: server message", "*** Netsplit hub.net <-> leaf.net", "other", std::nullopt, "",
       "Netsplit hub.net <-> leaf.net"},
  };
  for (const LineCase& c : cases) {
    SCOPED_TRACE(c.name);
    ParsedChannelLog log = parse(kStamp + c.body + "\n");
    ASSERT_EQ(log.records.size(), 1u);
    EXPECT_EQ(log.malformed_lines, 0);
    const Record& r = log.records[0];
    EXPECT_EQ(r.kind, c.kind);
    EXPECT_EQ(r.speaker, c.speaker);
    EXPECT_EQ(r.person, c.person);
    EXPECT_EQ(r.text, c.text);
  }
}

TEST(ChannelLogTest, LinesOfNoGrammarAreSkippedAndCounted) {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"garbage", "hello there"},
      {"one invalid byte", "\x9a"},
      {"timestamp alone", "2020-05-14T15:07:53"},
      {"timestamp and spaces", "2020-05-14T15:07:53   "},
      {"no known body", "2020-05-14T15:07:53  hello"},
      {"nick with a space", "2020-05-14T15:07:53  <a b> hi"},
      {"empty nick", "2020-05-14T15:07:53  <> hi"},
      {"stars alone", "2020-05-14T15:07:53  ***"},
      {"action without nick", "2020-05-14T15:07:53  *  waves"},
      {"not a date", "2020-13-45T15:07:53  <a> hi"},
      {"not a time", "2020-05-14T25:07:53  <a> hi"},
      {"space for T", "2020-05-14 15:07:53  <a> hi"},
      {"MeetBot line", "15:07:53 <a> hi"},
      {"dircproxy line", "[14 Jan 12:00] <a!b@c> hi"},
  };
  for (const auto& [name, line] : cases) {
    SCOPED_TRACE(name);
    ParsedChannelLog log = parse(std::string(kStamp) + "<a> before\n" + line + "\n");
    EXPECT_EQ(log.records.size(), 1u);
    EXPECT_EQ(log.malformed_lines, 1);
    EXPECT_EQ(log.warnings, std::vector<std::string>{"line 2: not a channel log line"});
  }
}

TEST(ChannelLogTest, BlankLinesAreSkippedSilentlyButKeepTheirNumbers) {
  ParsedChannelLog log = parse("\n  \t\n2020-05-14T15:07:53  <a> hi\r\n\r\n");
  ASSERT_EQ(log.records.size(), 1u);
  EXPECT_EQ(log.records[0].line, 3);
  EXPECT_EQ(log.records[0].text, "hi");
  EXPECT_EQ(log.malformed_lines, 0);
  EXPECT_TRUE(parse("").records.empty());
}

TEST(ChannelLogTest, RecordFieldsComeFromTheNameAndTheLine) {
  ParsedChannelLog log = parse(
      "2020-05-14T15:07:53  <mnaser> hi\n"
      "2020-05-13T23:59:59  <ttx> dated the day before");  // no final newline
  EXPECT_EQ(log.channel, "#openstack-tc");
  ASSERT_EQ(log.records.size(), 2u);
  const Record& r = log.records[0];
  EXPECT_EQ(r.id, "irclogs/#openstack-tc/#openstack-tc.2020-05-14#1");
  EXPECT_EQ(r.channel, "#openstack-tc");
  EXPECT_EQ(format_iso(r.time), "2020-05-14T15:07:53Z");
  EXPECT_EQ(r.path, kPath);
  EXPECT_EQ(r.line, 1);
  EXPECT_EQ(r.anchor, "t2020-05-14T15:07:53");
  EXPECT_EQ(r.meeting, "");
  EXPECT_EQ(r.topic, "");
  EXPECT_EQ(r.item, "");
  EXPECT_EQ(log.records[1].id, "irclogs/#openstack-tc/#openstack-tc.2020-05-14#2");
  EXPECT_EQ(format_iso(log.records[1].time), "2020-05-13T23:59:59Z");
  EXPECT_EQ(log.records[1].text, "dated the day before");
}

TEST(ChannelLogTest, RepeatedSecondsGetNumberedAnchorsAsIrclog2htmlWrites) {
  ParsedChannelLog log = parse(
      "2020-05-14T15:07:53  <a> one\n"
      "2020-05-14T15:07:53  <a> two\n"
      "2020-05-14T15:07:54  <b> other second\n"
      "2020-05-14T15:07:53  unreadable, but irclog2html gives it an anchor\n"
      "2020-05-14T15:07:53  <a> four\n");
  ASSERT_EQ(log.records.size(), 4u);
  EXPECT_EQ(log.records[0].anchor, "t2020-05-14T15:07:53");
  EXPECT_EQ(log.records[1].anchor, "t2020-05-14T15:07:53-2");
  EXPECT_EQ(log.records[2].anchor, "t2020-05-14T15:07:54");
  EXPECT_EQ(log.records[3].anchor, "t2020-05-14T15:07:53-4");
  EXPECT_EQ(log.malformed_lines, 1);
}

TEST(ChannelLogTest, PersonFollowsNickChangesWithinTheFile) {
  ParsedChannelLog log = parse(
      "2020-05-14T10:00:00  <Guest1> before: my own person\n"
      "2020-05-14T10:00:01  *** diablo_rojo is now known as Guest1\n"
      "2020-05-14T10:00:02  <guest1> after: diablo_rojo's, any case\n"
      "2020-05-14T10:00:03  *** Guest1 is now known as Guest2\n"
      "2020-05-14T10:00:04  * Guest2 follows the chain\n"
      "2020-05-14T10:00:05  *** Guest2 is now known as diablo_rojo\n"
      "2020-05-14T10:00:06  <diablo_rojo> back\n"
      "2020-05-14T10:00:07  <Guest3> untouched\n");
  std::vector<std::pair<std::string, std::string>> got;
  for (const Record& r : log.records) got.emplace_back(*r.speaker, r.person);
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Guest1", "guest1"},           {"diablo_rojo", "diablo_rojo"}, {"guest1", "diablo_rojo"},
      {"Guest1", "diablo_rojo"},      {"Guest2", "diablo_rojo"},      {"Guest2", "diablo_rojo"},
      {"diablo_rojo", "diablo_rojo"}, {"Guest3", "guest3"},
  };
  EXPECT_EQ(got, want);
}

TEST(ChannelLogTest, TakingBackOnesOwnNickKeepsTheRealPerson) {
  ParsedChannelLog log = parse(
      "2019-10-07T10:00:00  <R4F4EL51> hi\n"
      "2019-10-07T10:00:01  *** R4F4EL51 is now known as R4F4EL\n"
      "2019-10-07T10:00:02  <R4F4EL> back under my nick\n"
      "2019-10-07T10:00:03  *** uumas[m]1 is now known as uumas\n"
      "2019-10-07T10:00:04  <uumas> me too\n"
      "2019-10-07T10:00:05  *** mnaser is now known as mnaser_lunch\n"
      "2019-10-07T10:00:06  <mnaser_lunch> brb\n");
  ASSERT_EQ(log.records.size(), 7u);
  EXPECT_EQ(log.records[2].person, "r4f4el");
  EXPECT_EQ(log.records[4].person, "uumas");
  EXPECT_EQ(log.records[6].person, "mnaser");
}

TEST(ChannelLogTest, FileNameMustGiveChannelAndDateOrBeOneFile) {
  const std::vector<std::tuple<const char*, const char*, bool>> good = {
      {"irclogs/#openstack-tc/#openstack-tc.2020-05-14.log", "#openstack-tc", false},
      {"anywhere/#PoV.2005-01-09.log", "#pov", false},
      {"#a.b.2020-01-01.log", "#a.b", false},
      {"irclogs/%23nova/%23nova.2020-01-01.log", "#nova", false},
      {"irclogs/#ltsp/#ltsp.log", "#ltsp", true},
      {"anywhere/%23LTSP.log", "#ltsp", true},
  };
  for (const auto& [path, channel, one_file] : good) {
    auto parsed = parse_channel_log(path, "");
    ASSERT_TRUE(parsed.ok()) << path;
    EXPECT_EQ(parsed->channel, channel);
    EXPECT_EQ(parsed->one_file, one_file);
  }
  for (const char* path : {"irclogs/#nova/nova.log", "irclogs/#nova/#nova.2020-13-01.log",
                           "irclogs/#nova/#nova.2020-05-14.txt", "irclogs/#nova/.2020-05-14.log",
                           "meetings/tc/2020/tc.2020-05-14-15.07.log.txt"}) {
    auto parsed = parse_channel_log(path, "2020-05-14T15:07:53  <a> hi\n");
    ASSERT_FALSE(parsed.ok()) << path;
    EXPECT_EQ(parsed.error().code, ErrorCode::kUsage);
    EXPECT_NE(parsed.error().message.find(path), std::string::npos);
  }
}

TEST(ChannelLogTest, HostileBytesNeitherCrashNorLoop) {
  std::string all_bytes;
  for (int c = 0; c < 256; ++c) all_bytes.push_back(static_cast<char>(c));
  const std::string huge(1 << 20, 'a');
  const std::vector<std::string> inputs = {
      all_bytes,
      std::string(kStamp) + all_bytes,
      std::string(kStamp) + "<a> " + huge,
      std::string(kStamp) + "<" + huge,
      std::string(kStamp) + "*** " + huge,
      std::string(kStamp) + "-" + std::string(1 << 20, '-'),
      std::string(1 << 16, '\n'),
      std::string("\r\r\r\n\0\0\n", 7),
  };
  for (const std::string& input : inputs) {
    auto parsed = parse_channel_log(kPath, input);
    ASSERT_TRUE(parsed.ok());
    EXPECT_LE(parsed->records.size(), 1u);
  }
}

// --- The real logs of shared/corpus/real/irclogs ---

ParsedChannelLog parse_real(const std::filesystem::path& corpus, const std::string& rel) {
  std::string rel_path = "irclogs/" + rel;
  return parse(testing::read_file(corpus / "real" / rel_path), rel_path);
}

std::map<std::string, int> kinds(const ParsedChannelLog& log) {
  std::map<std::string, int> counts;
  for (const Record& r : log.records) ++counts[r.kind];
  return counts;
}

TEST(ChannelLogCorpusTest, LimnoriaLtspDay) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ParsedChannelLog log = parse_real(corpus, "#ltsp/#ltsp.2019-10-01.log");
  EXPECT_EQ(log.channel, "#ltsp");
  EXPECT_EQ(log.malformed_lines, 0);
  ASSERT_EQ(log.records.size(), 176u);  // grep -c . : every line is a record
  const std::map<std::string, int> want = {{"say", 133}, {"join", 23}, {"part", 1}, {"quit", 19}};
  EXPECT_EQ(kinds(log), want);
  const Record& first = log.records.front();
  EXPECT_EQ(first.id, "irclogs/#ltsp/#ltsp.2019-10-01#1");
  EXPECT_EQ(first.kind, "join");
  EXPECT_EQ(first.speaker, "kjackal");
  EXPECT_EQ(first.text, "kjackal has joined #ltsp");
  const Record& last = log.records.back();
  EXPECT_EQ(last.id, "irclogs/#ltsp/#ltsp.2019-10-01#176");
  EXPECT_EQ(format_iso(last.time), "2019-10-01T22:18:03Z");
  EXPECT_EQ(last.text, "gp has quit IRC (Ping timeout: 240 seconds)");
  // One message split in two by the client, in the same second.
  EXPECT_EQ(log.records[15].anchor, "t2019-10-01T10:58:01");
  EXPECT_EQ(log.records[16].anchor, "t2019-10-01T10:58:01-2");
  EXPECT_EQ(log.records[16].text, "m how to change password.");
}

TEST(ChannelLogCorpusTest, KindsOfEveryRealLog) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  // Counted with grep over the files.
  const std::vector<std::pair<std::string, std::map<std::string, int>>> cases = {
      {"#fluid-work/#fluid-work.2018-10-01.log",
       {{"say", 118}, {"join", 29}, {"quit", 26}, {"nick", 4}}},
      {"#fluid-work/#fluid-work.2018-11-12.log",
       {{"say", 47}, {"join", 42}, {"quit", 40}, {"nick", 2}, {"topicchange", 1}}},
      {"#fluid-work/#fluid-work.2019-03-08.log",
       {{"say", 556}, {"me", 8}, {"join", 40}, {"quit", 40}, {"nick", 2}}},
      {"#fluid-work/#fluid-work.2020-11-16.log", {{"mode", 2}}},
      {"#hybrid-charset/#hybrid-charset.2011-01-16.log", {{"say", 1}, {"me", 1}}},
      {"#ltsp/#ltsp.2019-10-03.log",
       {{"say", 135}, {"join", 24}, {"part", 1}, {"quit", 20}, {"nick", 3}}},
      {"#ltsp/#ltsp.2019-10-07.log",
       {{"say", 34}, {"join", 33}, {"part", 6}, {"quit", 26}, {"nick", 3}}},
      {"#ltsp/#ltsp.2019-10-17.log",
       {{"say", 412}, {"me", 7}, {"join", 37}, {"part", 1}, {"quit", 34}}},
      {"#ltsp/#ltsp.2019-10-22.log", {{"say", 1}}},
      {"#pov/#pov.2005-01-08.log", {{"say", 7}, {"join", 2}, {"nick", 1}}},
      {"#pov/#pov.2005-01-09.log", {{"say", 48}, {"me", 2}, {"join", 3}, {"quit", 3}, {"nick", 1}}},
  };
  for (const auto& [rel, want] : cases) {
    SCOPED_TRACE(rel);
    ParsedChannelLog log = parse_real(corpus, rel);
    EXPECT_EQ(kinds(log), want);
    EXPECT_EQ(log.malformed_lines, 0);
  }
}

TEST(ChannelLogCorpusTest, OlderSupybotEncodingsAndNickChanges) {
  EAVESEARCH_REQUIRE_CORPUS_OR_SKIP(corpus);
  ParsedChannelLog hybrid = parse_real(corpus, "#hybrid-charset/#hybrid-charset.2011-01-16.log");
  ASSERT_EQ(hybrid.records.size(), 2u);
  EXPECT_EQ(hybrid.records[0].text, "ai\xc5\xa1ku :)");                   // Latin-1/cp1252 "aišku"
  EXPECT_EQ(format_iso(hybrid.records[0].time), "2011-01-15T20:32:39Z");  // the line's date
  EXPECT_EQ(hybrid.records[1].kind, "me");
  EXPECT_EQ(hybrid.records[1].text.rfind("naudoja Ubuntu lietuvi\xc5\xa1kai", 0), 0u);

  ParsedChannelLog pov = parse_real(corpus, "#pov/#pov.2005-01-08.log");
  ASSERT_EQ(pov.records.size(), 10u);
  EXPECT_EQ(pov.records[2].text, "\xc5\xa1");  // a message of one non-UTF-8 byte
  EXPECT_EQ(pov.records[0].text, "povbot has joined #pov");
  EXPECT_EQ(pov.records[9].kind, "nick");
  EXPECT_EQ(pov.records[9].speaker, "mgedmin");

  ParsedChannelLog ltsp = parse_real(corpus, "#ltsp/#ltsp.2019-10-03.log");
  EXPECT_EQ(ltsp.records[167].speaker, "Guest9774");  // after "rafael is now known as Guest9774"
  EXPECT_EQ(ltsp.records[167].person, "rafael");
  ParsedChannelLog fluid = parse_real(corpus, "#fluid-work/#fluid-work.2018-10-01.log");
  EXPECT_EQ(fluid.records[163].speaker, "clown_mtg");
  EXPECT_EQ(fluid.records[163].person, "clown");
  EXPECT_EQ(fluid.records[163].kind, "quit");
}

}  // namespace
}  // namespace eavesearch
