"""Why the library keeps its own feed store rather than lemon24/reader (issue 15).

    python3 -m venv /tmp/readerenv && /tmp/readerenv/bin/pip install "reader<3.27" sgmllib3k
    /tmp/readerenv/bin/python benchmarks/reader_probe.py big       # a 55 MB feed
    /tmp/readerenv/bin/python benchmarks/reader_probe.py trickle   # a feed sent a byte every 0.5 s

reader 3.27 needs Python 3.12 (newsreader supports 3.11), so this runs 3.26 in a venv of its
own. It prints how long `update_feeds()` took, how many entries it stored and the peak
memory: reader fetches with requests, with a per-read timeout but no total deadline and no
size limit, where newsreader's fetches stop at 20 s and 5 MB.
"""

import resource
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from reader import make_reader

ITEM = b"<item><title>t%d</title><guid>g%d</guid><description>" + b"x" * 1000 + b"</description></item>"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        if self.path == "/trickle":
            body = (
                b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>' + b" " * 60 + b"</channel></rss>"
            )
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.5)
        else:
            self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>')
            for n in range(50_000):
                self.wfile.write(ITEM.replace(b"%d", str(n).encode()))
            self.wfile.write(b"</channel></rss>")


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    which = sys.argv[1] if len(sys.argv) > 1 else "big"
    reader = make_reader(":memory:")
    reader.add_feed(f"http://127.0.0.1:{server.server_address[1]}/{which}")
    started = time.perf_counter()
    reader.update_feeds()
    print(
        which,
        f"{time.perf_counter() - started:.1f} s",
        "entries",
        reader.get_entry_counts().total,
        "peak RSS MB",
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    )


if __name__ == "__main__":
    main()
