from outline2docx.render.table import grid
from outline2docx.tree.nodes import Paragraph, Role, Table


def cell(text: str) -> list[Paragraph]:
    return [Paragraph(Role.TABLE_TEXT, text, 0)]


def test_spans_across_and_down_land_on_the_grid():
    # | a (2 columns)  | b (2 rows) |
    # | c   | d        |  (covered) |
    table = Table(
        [[cell("a"), cell("b")], [cell("c"), cell("d")]], spans={(0, 0): (2, 1), (0, 1): (1, 2)}
    )
    assert grid(table) == [
        [(0, 2, ""), (2, 1, "restart")],
        [(0, 1, ""), (1, 1, ""), (2, 1, "continue")],
    ]


def test_a_short_row_stops_where_its_cells_end():
    table = Table([[cell("a"), cell("b"), cell("c")], [cell("d")]])
    assert grid(table) == [[(0, 1, ""), (1, 1, ""), (2, 1, "")], [(0, 1, "")]]
