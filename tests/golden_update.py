"""`make golden`: rebuild the golden test's expected output from the fixture site.

Run it only when an output change is intended, and review the diff before committing.
"""

import shutil
import tempfile
from pathlib import Path

from tests.helpers import FIXTURE, GOLDEN, build_into


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        output = Path(temporary) / "site"
        build_into(FIXTURE, output)
        # Stylesheets and scripts change for looks alone; the golden test compares pages.
        shutil.rmtree(output / "static", ignore_errors=True)
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(output, GOLDEN)
    print(f"Wrote {GOLDEN}")


if __name__ == "__main__":
    main()
