#include "cli/commands.h"

#include <iostream>

namespace eavesearch {

int report_error(const Error& error) {
  std::cerr << "eavesearch: " << error.message << "\n";
  return exit_code_for(error.code);
}

}  // namespace eavesearch
