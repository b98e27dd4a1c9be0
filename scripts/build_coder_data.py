"""Builds the coder's prebuilt O*NET index for the embedded default (no pack installed).

A maintainer runs it after changing the coder or its data, then commits the result:

    .venv/bin/python scripts/build_coder_data.py ../shared/data

It reads O*NET titles, alternate titles, task statements and descriptions from
`DATA/onet`, OEWS employment from `DATA/embedded` and the BLS Direct Match titles, and
writes src/careerset/coding/data/coder-index-onet.npz (derived numbers and the normalised
titles only; see src/careerset/coding/data/NOTICE.md).

    .venv/bin/python scripts/build_coder_data.py --resave

rewrites the committed index in the current file format, with the matrices the matcher
derives, without rebuilding it: its answers stay exactly those of the committed build.
"""

import sys
import time
from pathlib import Path

from careerset.coding.index import build_index, load_index
from careerset.coding.service import PACKAGED_INDEX, save_prepared
from careerset.coding.sources import load_shared_data


def main() -> None:
    start = time.process_time()
    if sys.argv[1:] == ["--resave"]:
        save_prepared(load_index(PACKAGED_INDEX), PACKAGED_INDEX)
        print(f"{PACKAGED_INDEX} ({PACKAGED_INDEX.stat().st_size:,} bytes) resaved")
        return
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data")
    source = load_shared_data(data, "onet")
    source = type(source)(
        source.scheme, source.titles, source.records, source.employment, "embedded"
    )
    save_prepared(build_index(source, "embedded"), PACKAGED_INDEX)
    print(
        f"{PACKAGED_INDEX} ({PACKAGED_INDEX.stat().st_size:,} bytes) "
        f"in {time.process_time() - start:.1f} s CPU"
    )


if __name__ == "__main__":
    main()
