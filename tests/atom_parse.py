#!/usr/bin/python3
"""Reads an Atom feed with feedparser (Debian's python3-feedparser), a real
Atom parser, and prints what it read as one JSON object, for
tests/feed_test.cc to check.

  atom_parse.py URL [ETAG [MODIFIED]]

feedparser fetches URL itself, sending ETAG as If-None-Match and MODIFIED
as If-Modified-Since when given (a feed reader's conditional GET): a 304 is
then its status with no entries. Exit 2 when feedparser is missing.
"""
import json
import sys

try:
    import feedparser
except ImportError:
    print("python3-feedparser is not installed", file=sys.stderr)
    sys.exit(2)


def main():
    url = sys.argv[1]
    etag = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    modified = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    # Relative links (rel=self, the page's alternate) resolve against the URL.
    d = feedparser.parse(url, etag=etag, modified=modified, sanitize_html=False)
    out = {
        "status": d.get("status"),
        "version": d.get("version"),
        "bozo": bool(d.get("bozo")),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "etag": d.get("etag"),
        "modified": d.get("modified"),
        "feed": {
            "id": d.feed.get("id"),
            "title": d.feed.get("title"),
            "updated": d.feed.get("updated"),
            "links": [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")}
                      for l in d.feed.get("links", [])],
        },
        "entries": [],
    }
    for e in d.entries:
        content = e.get("content") or [{}]
        out["entries"].append({
            "id": e.get("id"),
            "title": e.get("title"),
            "title_type": e.get("title_detail", {}).get("type"),
            "link": e.get("link"),
            "updated": e.get("updated"),
            "published": e.get("published"),
            "author": e.get("author"),
            "tags": [t.get("term") for t in e.get("tags", [])],
            "content": content[0].get("value"),
            "content_type": content[0].get("type"),
        })
    print(json.dumps(out))


main()
