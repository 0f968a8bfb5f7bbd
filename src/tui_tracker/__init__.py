"""tui-tracker: a terminal training log that steers training blocks.

Kept free of Textual imports so CLI subcommands start fast.
"""

__version__ = "0.1.0"
