"""The Kiwix edition against the zip, from the same built site.

Run with `make bench-zim` (or `.venv/bin/python benchmarks/zim.py [SITE]` after
`make site`). Both files are written in this run from the same site/, into a temporary
folder; prints their sizes and build times, the ratios ZIM / zip, and the goals: the
ZIM no larger than the zip, written in at most 30 s on this machine.
"""

import sys
import tempfile
import time
from pathlib import Path

from defensoria.site.package import make_zip
from defensoria.zim.writer import write_zim

ROOT = Path(__file__).resolve().parents[1]
GOAL_SECONDS = 30.0


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    if not (site / "index.html").is_file():
        print(f"{site} has no index.html: run 'make site' first.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        zip_path = work / "sitio.zip"
        _, zip_seconds = timed(make_zip, site, zip_path)
        result, zim_seconds = timed(write_zim, site, work)
        zip_size, zim_size = zip_path.stat().st_size, result.path.stat().st_size
    print(f"site: {site} ({sum(1 for p in site.rglob('*') if p.is_file())} files)")
    print(f"{'':6} {'size KiB':>10} {'build s':>9}")
    print(f"{'zip':6} {zip_size / 1024:>10,.0f} {zip_seconds:>9.2f}")
    print(f"{'zim':6} {zim_size / 1024:>10,.0f} {zim_seconds:>9.2f}   ({result.pages} pages in the index, {result.entries} entries)")
    print(f"ratio zim/zip: size {zim_size / zip_size:.2f}, time {zim_seconds / zip_seconds:.2f}")
    size_ok, time_ok = zim_size <= zip_size, zim_seconds <= GOAL_SECONDS
    print(f"goal size (zim <= zip): {'met' if size_ok else 'MISSED'}")
    print(f"goal time (zim <= {GOAL_SECONDS:.0f} s): {'met' if time_ok else 'MISSED'}")
    return 0 if size_ok and time_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
