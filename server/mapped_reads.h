// Xapian's reads of the index from memory maps, in the programs that keep
// databases open (eavesearch-serve, the in-process benchmark, the tests).
//
// Xapian 1.4 has no block cache: every B-tree block a search needs is read
// with pread(), and on a virtual machine like ours a system call costs more
// than the search's own work (a third of the server's CPU was the pread
// path). mapped_reads.cc defines open(), pread() and close(), which take
// the place of libc's for every library of the program (Xapian calls them
// through its PLT): a `.glass` file opened read-only is mapped (MAP_SHARED,
// so the same page cache pread reads), and a pread within the mapping is a
// copy from it. Anything else, and any read past the length the file had
// when opened (the newest shard grows as the nightly run commits), goes to
// the system call as before. close() unmaps before the descriptor can be
// reused.
//
// Not in `eavesearch` itself: a one-shot search touches each mapped page
// once, and a first touch costs more here than the pread it saves (27 ms
// against 16 for two words, measured). Not under the sanitizers, which
// intercept these functions themselves. What it assumes: the index's files
// never shrink while open (Xapian's glass tables only grow; eavesearch
// never overwrites a database readers may have open: rebuilt shards and
// generations are new folders). A file cut short under a reader would
// make its reads fault (SIGBUS) instead of failing.
#pragma once

namespace eavesearch {

// Whether reads of `fd` come from a mapping (for tests).
bool is_mapped(int fd);

}  // namespace eavesearch
