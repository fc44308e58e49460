"""Benchmark: the HTML client list through gunicorn with 2 workers, under wrk (issue 16).

    .venv/bin/python bench/wrk_list.py                  # this checkout
    .venv/bin/python bench/wrk_list.py --code /tmp/old  # another checkout, to compare

Serves a copy of bench/run.py's dataset (5,000 clients) with `rapport serve --workers 2`,
logged in as the bench owner, and runs `wrk -t2 -c20 -d30s` on /clients/ (Debian's wrk:
apt-get install wrk). Target: at least 250 requests/s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from first_request import serving  # noqa: E402 (a script beside this one)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, default=HERE.parent)
    parser.add_argument("--data", type=Path, default=HERE / "data", help="bench/run.py's")
    parser.add_argument("--path", default="/clients/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rapport-wrk-") as folder:
        data = Path(folder) / "data"
        shutil.copytree(args.data, data, ignore=shutil.ignore_patterns("static"))
        with serving(args.code.resolve(), data) as (port, cookie):
            time.sleep(5)  # both workers up
            url = f"http://127.0.0.1:{port}{args.path}"
            request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
            with urllib.request.urlopen(request) as page:  # noqa: S310 (our own http URL)
                assert page.geturl() == url, page.geturl()  # the list itself, not the login
            wrk = ["wrk", "-t2", "-c20", "-d30s", "-H", f"Cookie: sessionid={cookie}",
                   url]  # fmt: skip
            done = subprocess.run(wrk, capture_output=True, text=True, check=True)
            print(done.stdout)
            print("load average", Path("/proc/loadavg").read_text().split()[:3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
