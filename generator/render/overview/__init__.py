"""The visual overview: an inline SVG of events on a time axis, drawn at build time.

A lane per actor (or per status), era bands behind the lanes, and one linked mark per event and
lane. The pure layout is separate from the drawing so tests can check positions without parsing
markup. Every coordinate is in a fixed 960-unit wide viewBox and rounded to 0.1, so two builds
give the same bytes. Each module imports only from those listed before it:

- `sizes`: the fixed sizes that layout and drawing share;
- `text`: estimated text widths, titles cut to fit, lane names wrapped;
- `scale`: days mapped onto x (`Scale`, `scale`) and the axis `ticks`;
- `lanes`: the lanes and the events in each (`lane_groups`);
- `shapes`: what a date looks like on the axis;
- `placement`: the sub-row of each mark and the place of its label;
- `eras`: the era bands and their names;
- `layout`: all of the above put together (`layout` -> `Layout`);
- `svg`, `legend`, `phone`, `draw`: the markup (`draw.overview_svg`), and for phones a second
  drawing with its own caption (`phone`);
- `density`: for long timelines, counts per lane and year instead (`density.density_svg`).
"""
