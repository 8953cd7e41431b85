"""``python -m gxcheck``."""

from gxcheck.launcher import main

main()
