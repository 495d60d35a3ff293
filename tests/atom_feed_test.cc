// The Atom writer: escaping of any bytes, and the document's shape (the
// feeds as a parser reads them are tests/feed_test.cc's).
#include "server/atom_feed.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace eavesearch {
namespace {

TEST(XmlEscapedTest, LeavesNoMarkupAndOnlyCharactersXmlAllows) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"plain words", "plain words"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"R&D \"q\" 'a' ]]>", "R&amp;D &quot;q&quot; &apos;a&apos; ]]&gt;"},
      {"&amp;", "&amp;amp;"},
      {"caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80"},
      {"tab\tnew\nline\r", "tab\tnew\nline\r"},
      {std::string("nul\0bell\x07", 9),
       "nul\xEF\xBF\xBD"
       "bell\xEF\xBF\xBD"},
      {"cp1252 \xE9!", "cp1252 \xEF\xBF\xBD!"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"nonchar \xEF\xBF\xBF", "nonchar \xEF\xBF\xBD"},
      {"cut \xE2\x9C", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const Case& c : cases) EXPECT_EQ(xml_escaped(c.in), c.out) << c.in;
}

// Any bytes at all come out as markup-free, valid UTF-8 of XML 1.0's
// characters: no '<', '>', '"', '\'' and every '&' starting an entity.
TEST(XmlEscapedTest, AnyBytesComeOutAsTextXmlAllows) {
  std::mt19937 random(17);
  for (int round = 0; round < 2000; ++round) {
    std::string in(random() % 40, '\0');
    for (char& c : in) c = static_cast<char>(random() % 256);
    std::string out = xml_escaped(in);
    EXPECT_EQ(out.find_first_of("<>\"'"), std::string::npos);
    for (std::size_t at = out.find('&'); at != std::string::npos; at = out.find('&', at + 1)) {
      std::string_view rest = std::string_view(out).substr(at);
      EXPECT_TRUE(rest.starts_with("&amp;") || rest.starts_with("&lt;") ||
                  rest.starts_with("&gt;") || rest.starts_with("&quot;") ||
                  rest.starts_with("&apos;"));
    }
    for (unsigned char c : out) EXPECT_TRUE(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
    // Escaping its own output changes only its '&'s: the output is valid UTF-8.
    std::string again = xml_escaped(out);
    std::size_t amps = static_cast<std::size_t>(std::count(out.begin(), out.end(), '&'));
    EXPECT_EQ(again.size(), out.size() + 4 * amps);
  }
}

TEST(AtomXmlTest, WritesEveryRequiredElementOnce) {
  AtomFeed feed;
  feed.id = "urn:eavesearch:feed:x";
  feed.title = "eavesearch: a & b";
  feed.self = "/feeds/search.atom?q=a&b=c";
  feed.updated = 1589468873;
  feed.entries.push_back({"https://example.org/l#l-1", "t <i>", "https://example.org/l#l-1", "",
                          "agreed", "text & more", 1589468873});
  std::string xml = atom_xml(feed);
  EXPECT_TRUE(
      xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                      "<id>urn:eavesearch:feed:x</id>"
                      "<title type=\"text\">eavesearch: a &amp; b</title>"
                      "<updated>2020-05-14T15:07:53Z</updated>"
                      "<link rel=\"self\" href=\"/feeds/search.atom?q=a&amp;b=c\""))
      << xml;
  EXPECT_NE(xml.find("<entry><id>https://example.org/l#l-1</id><title type=\"text\">t &lt;i&gt;"
                     "</title><updated>2020-05-14T15:07:53Z</updated>"
                     "<published>2020-05-14T15:07:53Z</published>"
                     "<author><name>unknown</name></author>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<content type=\"text\">text &amp; more</content></entry>"),
            std::string::npos);
  EXPECT_EQ(xml.find("rel=\"alternate\" href=\"\""), std::string::npos);  // none when empty
  EXPECT_TRUE(xml.ends_with("</feed>\n"));
}

}  // namespace
}  // namespace eavesearch
