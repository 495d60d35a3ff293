// Private to cli/: a job run in a child process, so that a crash of the job
// still ends `eavesearch` with a documented exit code and a reason. Xapian
// 1.4 ends the process (std::terminate) when a commit fails and so does its
// rollback, as on a full disk: no exception reaches our code there.
#pragma once

#include <functional>
#include <string>

namespace eavesearch {

// Runs `job` in a child process and returns its exit code. SIGTERM, SIGINT
// and SIGHUP sent to this process are passed on to the child; when the
// child dies of one of them, this process then dies of it too, as without a
// child. When it dies of another signal (an abort, the OOM killer), prints
// "eavesearch: <explain(signal)>" on stderr and returns 4. Call it before
// any thread is started.
int run_in_child(const std::function<int()>& job, const std::function<std::string(int)>& explain);

// True when the file system holding `path` (or, before it is made, its
// nearest folder) has less than a megabyte left for this user.
bool is_disk_full(const std::string& path);

}  // namespace eavesearch
