"""The overview's fixed sizes, in units of its 960-unit wide viewBox.

The layout places things with these and the drawing draws them with the same ones, so a bar, a
row or a whisker is as wide in the markup as the layout made room for.
"""

from __future__ import annotations

WIDTH = 960
MARGIN = 6  # blank space at the right edge, so the last tick label stays in the viewBox
ROW = 22  # height of one sub-row of a lane
LANE_PAD = 5
LINE = 15  # height of a line of lane name
ERA_STRIP = 20
AXIS_STRIP = 22
BAR = 10  # bar height
RADIUS = 5
WHISKER = 8  # how far an approximate or uncertain end reaches out
ARROW = 7
GAP = 6  # the least room between two things in a row
LABEL_SIZE = 12.5
ERA_SIZE = 11.5
