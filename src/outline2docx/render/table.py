"""Laying a table of the tree onto a grid of columns, spans and vertical merges."""

from __future__ import annotations

from outline2docx.tree.nodes import Table


def grid(table: Table) -> list[list[tuple[int, int, str]]]:
    """Each row's cells as (grid column, column span, vertical merge) in order; vertical
    merge is "restart", "continue" (a covered cell to draw) or "" for none.

    The tree says which cell spans what (as docutils does); where each lands on a grid is
    the writer's to decide.
    """
    below: dict[int, tuple[int, int]] = {}  # grid column -> (rows still covered, span)
    out = []
    for r, row in enumerate(table.rows):
        placed, column, c = [], 0, 0
        while c < len(row) or any(col >= column for col in below):
            if column in below:
                remaining, span = below.pop(column)
                placed.append((column, span, "continue"))
                if remaining > 1:
                    below[column] = (remaining - 1, span)
                column += span
                continue
            if c >= len(row):
                column = min(col for col in below if col >= column)
                continue
            span, down = table.spans.get((r, c), (1, 1))
            placed.append((column, span, "restart" if down > 1 else ""))
            if down > 1:
                below[column] = (down - 1, span)
            column += span
            c += 1
        out.append(placed)
    return out
