"""``python -m service`` — the command-line interface (see :mod:`service.cli`)."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
