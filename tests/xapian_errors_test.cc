// core/xapian_errors.h: the one mapping of Xapian's exceptions (and of the
// file system's) to Errors; a full disk is named as such whichever way it
// comes.
#include "core/xapian_errors.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <functional>

namespace eavesearch {
namespace {

TEST(XapianErrorsTest, AFullDiskIsNamedWhicheverWayItComes) {
  struct Case {
    const char* what;
    std::function<void()> fail;
    std::string message;
  };
  const Case cases[] = {
      {"errno kept by Xapian",
       [] { throw Xapian::DatabaseError("Error writing block 17", ENOSPC); },
       "no space left on device (DatabaseError: Error writing block 17)"},
      {"in the text of Xapian's own message",
       [] {
         throw Xapian::DatabaseError(
             "Modifications failed (DatabaseError: Error writing block 8 (No space left on "
             "device)), and couldn't open at the old revision: Error writing to file");
       },
       "no space left on device (DatabaseError: Modifications failed (DatabaseError: Error "
       "writing block 8 (No space left on device)), and couldn't open at the old revision: "
       "Error writing to file)"},
      {"from the file system",
       [] {
         throw std::filesystem::filesystem_error(
             "cannot create directories", "/db/gen-2",
             std::make_error_code(std::errc::no_space_on_device));
       },
       "/db/gen-2: no space left on device"},
      {"another write error", [] { throw Xapian::DatabaseError("Error writing block 17", EIO); },
       "DatabaseError: Error writing block 17"},
  };
  for (const Case& c : cases) {
    Status status = with_xapian_errors([&]() -> Status {
      c.fail();
      return Ok{};
    });
    ASSERT_FALSE(status.ok()) << c.what;
    EXPECT_EQ(status.error().code, ErrorCode::kIo) << c.what;
    EXPECT_EQ(status.error().message, c.message) << c.what;
  }
}

}  // namespace
}  // namespace eavesearch
