"""`python -m tui_tracker`: the same as the `tui-tracker` command.

`tui-tracker serve` starts each browser tab's app this way (with the server's own
Python), so it does not depend on PATH.
"""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
