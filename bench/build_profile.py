#!/usr/bin/env python3
"""Where a full build's CPU goes: perf's call stacks, each put in one stage.

  perf record -F 49 --call-graph dwarf,32768 -o build.perf -- \\
      build/eavesearch index build/bench-run/archive-1000000 --db /tmp/profile-db --quiet
  perf script -i build.perf --no-demangle -F comm,tid,ip,sym,dso | bench/build_profile.py

A stack goes to the first stage in STAGES that one of its frames names
(mangled names, so a stage is named by its function's own name). Stacks
ending in Xapian or zlib under our indexer but under no stage are Xapian's
add_document: its inverter, the flush every 10,000 documents
(XAPIAN_FLUSH_THRESHOLD) and the deflate of the log documents' data.
Libxapian has no symbols in Debian, so its own time is not split further.
"""
import collections
import sys

STAGES = [
    ("compaction at the end (Database::compact)", ["compact"]),
    ("walking the archive", ["walk_archives"]),
    ("ledger: parsing the next meetings' logs", ["MeetingLogs5ahead"]),
    ("ledger: deciding statuses", ["action_ledger", "set_action_fates"]),
    ("spelling dictionary", ["spelling"]),
    ("Xapian: explicit commits", ["WritableDatabase6commit"]),
    ("terms: documents (tokens, folding, stems, values, data)",
     ["build_record_document", "build_log_document", "build_meeting_document", "Stem"]),
]
PARSING = ["parse_", "build_meeting_log", "clean_line", "meeting_semantics", "bot_lines", "decode"]


def stacks(lines):
    stack = None
    for line in lines:
        if not line.strip():
            if stack:
                yield stack
            stack = None
        elif not line[0].isspace():
            stack = []
        elif stack is not None:
            stack.append(line.strip().split(" ", 1)[-1])
    if stack:
        yield stack


def stage(stack):
    for name, marks in STAGES:
        if any(mark in frame for frame in stack for mark in marks):
            return name
    ours = next((k for k, f in enumerate(stack) if "eavesearch" in f and "libxapian" not in f), None)
    below = stack[:ours] if ours is not None else stack
    if any("libxapian" in f or "libz." in f for f in below):
        return "Xapian: add_document (inverter, flushes, deflate of data)"
    if any(mark in frame for frame in stack for mark in PARSING):
        return "parsing (readers, MeetBot's semantics)"
    return "other (allocation, records freed, file state)"


def main():
    counts = collections.Counter()
    deflate = 0
    for s in stacks(sys.stdin):
        counts[stage(s)] += 1
        deflate += any("libz." in f for f in s)
    total = sum(counts.values())
    print(f"{total} samples")
    for name, n in counts.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")
    print(f"{100 * deflate / total:5.1f}%  of all: zlib (Xapian compresses the records' data)")


if __name__ == "__main__":
    main()
