// Private to indexer/: text out of the HTML that MeetBot and irclog2html
// write. Hand-written scanning (no std::regex on file content).
#pragma once

#include <string>
#include <string_view>

namespace eavesearch {

// Decodes &amp; &lt; &gt; &quot; &apos; &#39; &nbsp; and numeric references
// (&#NNN; &#xHH;); anything else is left as written.
std::string decode_entities(std::string_view html);

// The text of `html`: tags removed, entities decoded.
std::string html_to_text(std::string_view html);

// Runs of whitespace made one space; no leading or trailing space.
std::string collapse_whitespace(std::string_view text);

}  // namespace eavesearch
