// jemalloc's options for the programs linked with it (CMakeLists.txt), read
// by jemalloc before main() (`man jemalloc`: malloc_conf; MALLOC_CONF in the
// environment still overrides them).
//
// thp:always asks the kernel for transparent huge pages for jemalloc's
// memory (madvise MADV_HUGEPAGE, which Debian's default "madvise" mode
// honours): a first touch of a fresh page costs ~15 us on a virtual machine
// like ours, and a one-shot search touches hundreds of them, most in Xapian's
// block buffers as it opens each shard. With huge pages `eavesearch search`
// takes ~500 fewer page faults and ~7 ms less (bench/README.md).
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always";
}
