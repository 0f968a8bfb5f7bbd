"""`tui-tracker completion SHELL`: the script that teaches a shell our commands.

Written by argcomplete (a maintained library), not by hand: the script asks the
installed command itself what may come next, so new commands and options complete
without a new script.  `cli.main` answers those questions (see `complete`).
"""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "fish")

HOW = {
    "bash": 'eval "$(tui-tracker completion bash)"   # in ~/.bashrc',
    "zsh": 'eval "$(tui-tracker completion zsh)"    # in ~/.zshrc',
    "fish": "tui-tracker completion fish > ~/.config/fish/completions/tui-tracker.fish",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="shell completion: tui-tracker completion bash|zsh|fish",
        description="Print the completion script for a shell. "
        + " ".join(f"{shell}: {how}." for shell, how in HOW.items()),
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    p.set_defaults(func=cmd_completion)


def cmd_completion(args: argparse.Namespace) -> int:
    import argcomplete

    print(argcomplete.shellcode(["tui-tracker"], shell=args.shell), end="")
    return 0


def complete(parser: argparse.ArgumentParser) -> None:
    """Answer the shell and exit (argcomplete exits the process once it has answered)."""
    import argcomplete

    argcomplete.autocomplete(parser)
