"""``python -m gxcheck``."""

from gxcheck.cli import main

main()
