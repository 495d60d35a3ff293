#include "eavesearch/schema.h"

#include <strings.h>

#include <string>

namespace eavesearch {

std::optional<Field> field_by_query_name(std::string_view name) {
  std::string n(name);
  for (const Field& field : kAllFields) {
    for (std::string_view q : field.query_names) {
      if (!q.empty() && q.size() == n.size() && strncasecmp(q.data(), n.data(), n.size()) == 0) {
        return field;
      }
    }
  }
  return std::nullopt;
}

}  // namespace eavesearch
