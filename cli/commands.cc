#include "cli/commands.h"

#include <charconv>
#include <iostream>

namespace eavesearch {

int report_error(const Error& error) {
  std::cerr << "eavesearch: " << error.message << "\n";
  return exit_code_for(error.code);
}

CLI::Validator whole_number_in(long low, long high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        long n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && end == text.data() + text.size() && n >= low && n <= high) {
          return "";
        }
        return "'" + text + "' is not a whole number from " + std::to_string(low) + " to " +
               std::to_string(high);
      },
      "");
}

}  // namespace eavesearch
