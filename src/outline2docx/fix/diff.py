"""What a fix changed, as a unified diff."""

from __future__ import annotations


def unified_diff(name: str, changed: list[tuple[int, str, str]]) -> str:
    """A unified diff with one hunk per changed line: (line number, before, after)."""
    out = [f"--- {name}", f"+++ {name} (fixed)"]
    for number, before, after in changed:
        out += [f"@@ -{number} +{number} @@", f"-{before}", f"+{after}"]
    return "\n".join(out)
