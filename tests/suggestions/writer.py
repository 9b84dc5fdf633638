"""A submitter for the kill -9 test: `python -m tests.suggestions.writer URL THREADS`.

Each thread submits through store.submit in a loop and prints `token reference` once submit has
returned (the transaction committed), flushed at once: what was acknowledged to a user. Two
writers started alike send the same tokens (the same form sent twice, to two app servers).
"""

from __future__ import annotations

import sys
import threading
import time

from atlas.suggestions import db, store
from tests.suggestions.drafts import draft

_PRINT = threading.Lock()


def loop(engine, worker: int) -> None:
    for number in range(1_000_000):
        token = f"w{worker}-{number}"
        receipt = store.submit(engine, draft(session_id=token, token=token,
                                             started_at=time.time() - 30))
        with _PRINT:
            sys.stdout.write(f"{token} {receipt.reference}\n")
            sys.stdout.flush()


def main() -> None:
    engine = db.engine(sys.argv[1])
    threads = [threading.Thread(target=loop, args=(engine, i), daemon=True)
               for i in range(int(sys.argv[2]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
