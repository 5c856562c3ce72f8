//! Charts as data, and one drawing function for all of them.
//!
//! A [`ChartDesc`] says which series a chart shows, in which colour and
//! with which marker, over which years and on which axis. [`draw_chart`]
//! draws any description onto any plotters [`DrawingBackend`]: the app
//! passes a canvas, a test could pass a bitmap or SVG. Text arrives
//! already translated in [`ChartText`]; sizes are scaled by `px`, the
//! number of backend pixels per CSS pixel (the device pixel ratio).

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use talentflow_model::{
    Bands, Observation, Percentile, Run, SeriesId, LAST_HISTORY_YEAR, OBSERVATIONS,
};

/// The shape drawn on a curve every five years and at observed points, so
/// that no series is told apart by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A disc.
    Circle,
    /// An upward triangle.
    Triangle,
    /// A square.
    Square,
}

/// What the vertical axis measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YAxis {
    /// A share, 0..1, labelled as a percentage; fixed range 0-100%.
    Share,
    /// People per year; the range starts at 0 and grows to fit the curves.
    PeoplePerYear,
}

/// One curve of a chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineDesc {
    /// The model output drawn.
    pub series: SeriesId,
    /// Message key of the legend entry.
    pub legend_key: &'static str,
    /// Line and marker colour (from the Okabe-Ito palette).
    pub colour: RGBColor,
    /// Marker shape.
    pub marker: Marker,
}

/// A chart, described as data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartDesc {
    /// Short name: the canvas id is `chart-<name>`, the summary's
    /// `chart-<name>-summary`, and message keys start `chart-<name>-`.
    pub name: &'static str,
    /// First year on the horizontal axis.
    pub first_year: i32,
    /// Last year on the horizontal axis.
    pub last_year: i32,
    /// What the vertical axis measures.
    pub y_axis: YAxis,
    /// The curves, drawn in order (the last on top).
    pub lines: &'static [LineDesc],
    /// Placeables of the text summary (`chart-<name>-summary`): each name
    /// gets the series' value in the summary year, and `base_<name>` the
    /// baseline's, formatted for the axis (percent or people).
    pub summary_values: &'static [(&'static str, SeriesId)],
}

impl ChartDesc {
    /// Message key for `chart-<name>-<part>` (`title`, `aria`, `y`, ...).
    pub fn key(&self, part: &str) -> String {
        format!("chart-{}-{}", self.name, part)
    }

    /// The observed points that belong on this chart (those of its series
    /// inside its years), in [`OBSERVATIONS`] order.
    pub fn observations(&self) -> impl Iterator<Item = &'static Observation> + '_ {
        OBSERVATIONS.iter().filter(move |o| {
            o.year >= self.first_year
                && o.year <= self.last_year
                && self.lines.iter().any(|l| l.series == o.series)
        })
    }

    /// Fact ids behind this chart's observed points, each once.
    pub fn observation_sources(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        for o in self.observations() {
            for id in o.sources {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

/// The translated text a chart draws on itself.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartText {
    /// Horizontal axis title.
    pub x_label: String,
    /// Vertical axis title.
    pub y_label: String,
    /// Label of the "today" marker (the last year of history).
    pub today: String,
    /// Label of the projection region.
    pub projection: String,
    /// Short source label beside the observed points ("Carnegie 2025").
    pub source: Option<String>,
    /// Vertical axis title in the difference-from-baseline view.
    pub y_label_difference: String,
}

/// Dash patterns (dash, gap in CSS pixels) of pinned scenarios A, B, C:
/// told apart from the reader's dashed projection and from each other,
/// and labelled with their letter at the end of each curve.
pub const PIN_DASHES: [(f64, f64); 3] = [(2.0, 3.0), (12.0, 4.0), (4.0, 8.0)];
/// Letters of the pinned scenarios, on the curves and in the legends.
pub const PIN_LETTERS: [&str; 3] = ["A", "B", "C"];

/// Okabe-Ito blue: the United States.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe-Ito vermillion: China.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Okabe-Ito bluish green: elsewhere.
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
/// Okabe-Ito reddish purple: a second US series.
pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
/// The story's highlight: a pale yellow band and halo (Okabe-Ito yellow).
pub const HIGHLIGHT: RGBColor = RGBColor(240, 228, 66);
/// Axis, text and marker outlines.
pub const INK: RGBColor = RGBColor(40, 40, 40);

/// The font stack of every text drawn on a chart: the page's own Latin
/// faces (www/style.css), then Simplified Chinese faces, so that Chinese
/// labels use a system CJK font where one exists (Noto / Source Han on
/// Linux, PingFang on Apple systems, Microsoft YaHei on Windows) ahead of
/// any Japanese or Traditional Chinese face the system would fall back
/// to, then the generic family.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif";

/// Years between markers on a curve.
pub const MARKER_EVERY_YEARS: i32 = 5;

type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draw `desc` for `run` onto `root`, with `baseline` as a faint reference
/// curve when given. History (up to [`LAST_HISTORY_YEAR`]) is solid with
/// filled markers; the projection is dashed with hollow markers on a
/// shaded background, behind a vertical "today" line. `px` scales every
/// size (backend pixels per CSS pixel).
pub fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    desc: &ChartDesc,
    text: &ChartText,
    run: &Run,
    baseline: Option<&Run>,
    px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_chart_compared(root, desc, text, run, baseline, &Compare::default(), px)
}

/// What is drawn beside the reader's scenario.
#[derive(Clone, Copy, Debug, Default)]
pub struct Compare<'a> {
    /// Runs of the pinned scenarios (at most three), drawn thinner, each
    /// with its dash pattern from [`PIN_DASHES`] and its letter.
    pub pins: &'a [&'a Run],
    /// When set, every curve is drawn as its difference from this run
    /// (the baseline), around a zero line; observed points are left out.
    pub difference_from: Option<&'a Run>,
    /// Uncertainty bands of the reader's scenario: each curve gets its
    /// 90% range (5th to 95th percentile) shaded lightly and its 50% range
    /// (25th to 75th) more strongly, in its own colour.
    pub bands: Option<&'a Bands>,
    /// The part of the chart a story step points at: a series over a span
    /// of years, shaded behind the curves and traced over its curve.
    pub highlight: Option<(SeriesId, i32, i32)>,
}

/// Opacity of the 90% band's fill; the 50% band is drawn over it with
/// the same opacity, so it shows twice as strong.
pub const BAND_OPACITY: f64 = 0.16;

/// [`draw_chart`] with pinned scenarios and an optional
/// difference-from-baseline view.
#[allow(clippy::too_many_arguments)]
pub fn draw_chart_compared<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    desc: &ChartDesc,
    text: &ChartText,
    run: &Run,
    baseline: Option<&Run>,
    compare: &Compare<'_>,
    px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let minus = compare.difference_from;
    let baseline = if minus.is_some() { None } else { baseline };
    let px = if px.is_finite() && px > 0.0 { px } else { 1.0 };
    let size = |css: f64| -> u32 { (css * px).round().max(1.0) as u32 };
    let font = |css: f64| (FONT_FAMILY, css * px).into_font();

    root.fill(&WHITE)?;
    let x_range = f64::from(desc.first_year)..f64::from(desc.last_year);
    let all_runs = || {
        std::iter::once(run)
            .chain(baseline)
            .chain(compare.pins.iter().copied())
    };
    let band_edges = |series: SeriesId, low: Percentile, high: Percentile| {
        band_polygon(compare.bands?, desc, series, low, high, minus)
    };
    let (y_min, y_max) = match (minus, desc.y_axis) {
        (Some(base), _) => {
            let mut max: f64 = 0.0;
            for r in all_runs() {
                max = max.max(series_max_abs(r, desc, base));
            }
            for line in desc.lines {
                let edges = band_edges(line.series, Percentile::P05, Percentile::P95);
                for (_, y) in edges.unwrap_or_default() {
                    max = max.max(y.abs());
                }
            }
            let floor = match desc.y_axis {
                YAxis::Share => 0.05,
                YAxis::PeoplePerYear => 10.0,
            };
            let m = nice_ceiling(max.max(floor) * 1.05);
            (-m, m)
        }
        (None, YAxis::Share) => (0.0, 1.0),
        (None, YAxis::PeoplePerYear) => {
            let mut max: f64 = 0.0;
            for r in all_runs() {
                max = max.max(series_max(r, desc));
            }
            for line in desc.lines {
                let edges = band_edges(line.series, Percentile::P05, Percentile::P95);
                for (_, y) in edges.unwrap_or_default() {
                    max = max.max(y);
                }
            }
            (0.0, nice_ceiling(max * 1.05))
        }
    };
    let points_between = |r: &Run, series: SeriesId, from: i32, to: i32| {
        points_between(r, desc, series, from, to, minus)
    };

    let mut chart = ChartBuilder::on(root)
        .margin_top(size(18.0))
        .margin_right(size(12.0))
        .margin_left(size(4.0))
        .margin_bottom(size(4.0))
        .x_label_area_size(size(34.0))
        .y_label_area_size(size(52.0))
        .build_cartesian_2d(x_range, y_min..y_max)?;
    draw_axes(
        root,
        &mut chart,
        desc,
        text,
        (y_min, y_max),
        minus.is_some(),
        px,
    )?;

    // The projection region: shaded, behind a "today" line.
    let today = f64::from(LAST_HISTORY_YEAR);
    let last = f64::from(desc.last_year);
    if today < last {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(today, y_min), (last, y_max)],
            RGBColor(0, 0, 0).mix(0.045).filled(),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(today, y_min), (today, y_max)],
            INK.mix(0.7).stroke_width(size(1.0)),
        )))?;
        let (tx, ty) = chart.backend_coord(&(today, y_max));
        let gap = size(4.0) as i32;
        root.draw(&Text::new(
            text.today.clone(),
            (tx, ty - gap),
            font(10.0)
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
        let (right, _) = chart.backend_coord(&(last, y_max));
        root.draw(&Text::new(
            text.projection.clone(),
            (right - gap, ty + gap),
            font(10.0)
                .color(&INK.mix(0.75))
                .pos(Pos::new(HPos::Right, VPos::Top)),
        ))?;
    }

    let spot = compare
        .highlight
        .filter(|(series, ..)| desc.lines.iter().any(|l| l.series == *series));
    if let Some((_, from, to)) = spot {
        let (from, to) = (
            f64::from(from.max(desc.first_year)),
            f64::from(to.min(desc.last_year)),
        );
        chart.draw_series(std::iter::once(Rectangle::new(
            [(from - 0.5, y_min), (to + 0.5, y_max)],
            HIGHLIGHT.mix(0.22).filled(),
        )))?;
    }
    for line in desc.lines {
        for (low, high) in [
            (Percentile::P05, Percentile::P95),
            (Percentile::P25, Percentile::P75),
        ] {
            if let Some(points) = band_edges(line.series, low, high) {
                chart.draw_series(std::iter::once(Polygon::new(
                    points,
                    line.colour.mix(BAND_OPACITY).filled(),
                )))?;
            }
        }
    }

    if minus.is_some() {
        let first = f64::from(desc.first_year);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(first, 0.0), (last, 0.0)],
            RGBColor(90, 90, 90).stroke_width(size(1.5)),
        )))?;
    }
    if let Some(base) = baseline {
        for line in desc.lines {
            let points = points_between(base, line.series, desc.first_year, desc.last_year);
            chart.draw_series(LineSeries::new(
                points,
                line.colour.mix(0.35).stroke_width(size(1.5)),
            ))?;
        }
    }

    for (i, pin) in compare.pins.iter().enumerate().take(PIN_DASHES.len()) {
        let (dash, gap) = PIN_DASHES[i];
        for line in desc.lines {
            let points = points_between(pin, line.series, desc.first_year, desc.last_year);
            let style = line.colour.stroke_width(size(1.75));
            chart.draw_series(DashedLineSeries::new(
                points.iter().copied(),
                size(dash),
                size(gap),
                style,
            ))?;
            if let Some(end) = points.last() {
                let (x, y) = chart.backend_coord(end);
                root.draw(&Text::new(
                    PIN_LETTERS[i],
                    (x - size(2.0) as i32, y - size(2.0) as i32),
                    font(10.0)
                        .color(&line.colour)
                        .pos(Pos::new(HPos::Right, VPos::Bottom)),
                ))?;
            }
        }
    }

    let dash = size(6.0);
    let dash_gap = size(4.0);
    let marker_size = size(3.5);
    for line in desc.lines {
        let history = points_between(run, line.series, desc.first_year, LAST_HISTORY_YEAR);
        let projection = points_between(run, line.series, LAST_HISTORY_YEAR, desc.last_year);
        let solid = line.colour.stroke_width(size(2.5));
        chart.draw_series(LineSeries::new(history.iter().copied(), solid))?;
        chart.draw_series(DashedLineSeries::new(
            projection.iter().copied(),
            dash,
            dash_gap,
            solid,
        ))?;

        let marked = |p: &&(f64, f64)| (p.0.round() as i32) % MARKER_EVERY_YEARS == 0;
        let history_marks: Vec<(f64, f64)> = history.iter().filter(marked).copied().collect();
        let projection_marks: Vec<(f64, f64)> = projection
            .iter()
            .filter(marked)
            .filter(|p| p.0 > today)
            .copied()
            .collect();
        draw_markers(
            &mut chart,
            line.marker,
            &history_marks,
            marker_size,
            line.colour.filled(),
        )?;
        let hollow = ShapeStyle {
            color: line.colour.to_rgba(),
            filled: false,
            stroke_width: size(1.5),
        };
        draw_markers(
            &mut chart,
            line.marker,
            &projection_marks,
            marker_size,
            WHITE.filled(),
        )?;
        draw_markers(
            &mut chart,
            line.marker,
            &projection_marks,
            marker_size,
            hollow,
        )?;
    }

    // The story's series over its span, traced with a wide halo under the
    // curve's own colour again, so it stands out without colour alone.
    if let Some((series, from, to)) = spot {
        if let Some(line) = desc.lines.iter().find(|l| l.series == series) {
            let points = points_between(
                run,
                series,
                from.max(desc.first_year),
                to.min(desc.last_year),
            );
            chart.draw_series(LineSeries::new(
                points.iter().copied(),
                HIGHLIGHT.stroke_width(size(9.0)),
            ))?;
            chart.draw_series(LineSeries::new(
                points.iter().copied(),
                line.colour.stroke_width(size(3.5)),
            ))?;
        }
    }

    // Observed points: larger, outlined in ink, with a short source label.
    let observed_size = size(5.5);
    let mut top: Option<(f64, f64)> = None;
    for o in desc.observations().filter(|_| minus.is_none()) {
        let Some(line) = desc.lines.iter().find(|l| l.series == o.series) else {
            continue;
        };
        let point = [(f64::from(o.year), o.value_on(run))];
        draw_markers(
            &mut chart,
            line.marker,
            &point,
            observed_size,
            line.colour.filled(),
        )?;
        let outline = ShapeStyle {
            color: INK.to_rgba(),
            filled: false,
            stroke_width: size(1.5),
        };
        draw_markers(&mut chart, line.marker, &point, observed_size, outline)?;
        if top.is_none_or(|t| point[0].1 > t.1) {
            top = Some(point[0]);
        }
    }
    if let (Some(label), Some(point)) = (&text.source, top) {
        // On a white backing so that it stays legible where a curve
        // passes, kept inside the plot: just above the highest observed
        // point, or, where the curves pass there and not at the top of
        // the plot (on a narrow chart the label spans many years), at the
        // top with a line down to the point.
        let style = font(10.5).color(&INK).pos(Pos::new(HPos::Left, VPos::Top));
        // Estimated, not measured (measuring forces a page layout).
        let h = size(10.5) as i32;
        let w = (text_width(label, 10.5) * px).round() as i32;
        let (x, y) = chart.backend_coord(&point);
        let (left, top_edge) = chart.backend_coord(&(f64::from(desc.first_year), y_max));
        let (right, _) = chart.backend_coord(&(last, y_max));
        let pad = size(2.0) as i32;
        let x0 = (x - w / 2).clamp(left + pad, (right - w - pad).max(left + pad));
        let above = (y - size(10.0) as i32 - h).max(top_edge + pad);
        // The row below the projection region's own label.
        let at_top = top_edge + size(18.0) as i32;
        // The curves' yearly points (every run drawn) under a label at y0.
        let covered = |y0: i32| {
            let (x1, y1) = (x0 + w + pad, y0 + h + pad);
            all_runs()
                .flat_map(|r| {
                    desc.lines.iter().flat_map(move |line| {
                        points_between(r, line.series, desc.first_year, desc.last_year)
                    })
                })
                .map(|p| chart.backend_coord(&p))
                .filter(|&(px_, py)| px_ >= x0 - pad && px_ <= x1 && py >= y0 - pad && py <= y1)
                .count()
        };
        // Points under the label just above the observed point (none to
        // count when that place is already the top of the plot).
        let under_label = if above > at_top { covered(above) } else { 0 };
        let y0 = if under_label > 0 && covered(at_top) < under_label {
            // Grey, so that it is not taken for the line marking today.
            let leader = ShapeStyle {
                color: RGBColor(150, 150, 150).to_rgba(),
                filled: false,
                stroke_width: size(1.0),
            };
            root.draw(&PathElement::new(
                vec![(x, at_top + h + pad), (x, y - observed_size as i32 - pad)],
                leader,
            ))?;
            at_top
        } else {
            above
        };
        root.draw(&Rectangle::new(
            [(x0 - pad, y0 - pad), (x0 + w + pad, y0 + h + pad)],
            WHITE.mix(0.85).filled(),
        ))?;
        root.draw(&Text::new(label.clone(), (x0, y0), style))?;
    }

    root.present()?;
    Ok(())
}

/// Estimated width of `text` in CSS pixels at `size`: CJK characters a
/// full em, others a little over half (no font is measured: in the
/// browser measuring forces a page layout, and natively there is none).
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if c as u32 >= 0x2E80 { 1.0 } else { 0.56 })
        .sum::<f64>()
        * size
}

/// Grid, axes, tick labels and axis titles. Drawn by hand rather than with
/// plotters' mesh: the mesh measures every label, and in the browser each
/// measurement forces a page layout, which made a redraw several times
/// slower. Text is placed by anchor instead, which needs no measuring.
fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut Chart<'_, DB>,
    desc: &ChartDesc,
    text: &ChartText,
    (y_min, y_max): (f64, f64),
    difference: bool,
    px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let size = |css: f64| -> i32 { (css * px).round().max(1.0) as i32 };
    let font = |css: f64| (FONT_FAMILY, css * px).into_font();
    let first = f64::from(desc.first_year);
    let last = f64::from(desc.last_year);
    let grid = RGBColor(222, 222, 222).stroke_width(size(1.0) as u32);
    let axis = INK.stroke_width(size(1.0) as u32);

    // An even number of intervals around zero puts a tick on the zero line.
    let intervals = if difference { 4 } else { Y_TICKS };
    let y_ticks: Vec<f64> = (0..=intervals)
        .map(|i| y_min + (y_max - y_min) * f64::from(i) / f64::from(intervals))
        .collect();
    let x_ticks: Vec<f64> = (desc.first_year..=desc.last_year)
        .filter(|y| y % X_TICK_EVERY_YEARS == 0)
        .map(f64::from)
        .collect();
    chart.draw_series(
        y_ticks
            .iter()
            .skip(1)
            .map(|y| PathElement::new(vec![(first, *y), (last, *y)], grid)),
    )?;
    chart.draw_series(
        x_ticks
            .iter()
            .map(|x| PathElement::new(vec![(*x, y_min), (*x, y_max)], grid)),
    )?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(first, y_max), (first, y_min), (last, y_min)],
        axis,
    )))?;

    let label = font(11.0).color(&INK);
    let tick = size(3.0);
    for y in &y_ticks {
        let (bx, by) = chart.backend_coord(&(first, *y));
        root.draw(&PathElement::new(vec![(bx - tick, by), (bx, by)], axis))?;
        let text = match (desc.y_axis, difference) {
            (YAxis::Share, false) => format!("{:.0}%", y * 100.0),
            (YAxis::Share, true) => signed(y * 100.0),
            (YAxis::PeoplePerYear, false) => format!("{y:.0}"),
            (YAxis::PeoplePerYear, true) => signed(*y),
        };
        root.draw(&Text::new(
            text,
            (bx - tick - size(2.0), by),
            label.pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    for x in &x_ticks {
        let (bx, by) = chart.backend_coord(&(*x, y_min));
        root.draw(&PathElement::new(vec![(bx, by), (bx, by + tick)], axis))?;
        let text = format!("{x:.0}");
        root.draw(&Text::new(
            text,
            (bx, by + tick + size(2.0)),
            label.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }

    let (left, top) = chart.backend_coord(&(first, y_max));
    let (right, bottom) = chart.backend_coord(&(last, y_min));
    let (_, height) = root.dim_in_pixel();
    root.draw(&Text::new(
        text.x_label.clone(),
        ((left + right) / 2, height as i32 - size(2.0)),
        label.pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    let y_label = if difference {
        &text.y_label_difference
    } else {
        &text.y_label
    };
    root.draw(&Text::new(
        y_label.clone(),
        (size(4.0), (top + bottom) / 2),
        label
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    Ok(())
}

/// Intervals on the vertical axis.
pub const Y_TICKS: u16 = 5;
/// Years between labelled ticks on the horizontal axis.
pub const X_TICK_EVERY_YEARS: i32 = 10;

/// A tick value with its sign, `+10`, `0`, `-5` (one decimal when small).
fn signed(v: f64) -> String {
    let v = if v.abs() < 1e-9 { 0.0 } else { v };
    let text = if v.abs() >= 10.0 || (v - v.round()).abs() < 1e-6 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    if v > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Defined `(year, value)` points of one series between two years
/// (inclusive), clipped to the chart's years; with `minus`, each value
/// less that run's value in the same year.
fn points_between(
    run: &Run,
    desc: &ChartDesc,
    series: SeriesId,
    from: i32,
    to: i32,
    minus: Option<&Run>,
) -> Vec<(f64, f64)> {
    let from = from.max(desc.first_year);
    let to = to.min(desc.last_year);
    let values = run.series(series);
    let base = minus.map(|m| m.series(series));
    run.years()
        .iter()
        .enumerate()
        .zip(values.iter())
        .map(|((i, year), v)| {
            let b = base.map_or(0.0, |b| b.get(i).copied().unwrap_or(f64::NAN));
            (year, v - b)
        })
        .filter(|(year, v)| *year >= from && *year <= to && v.is_finite())
        .map(|(year, v)| (f64::from(year), v))
        .collect()
}

/// The largest absolute difference between a run's series and `base`'s
/// on the chart.
/// The outline of one band of `series` over the chart's years: the `high`
/// percentile left to right, then the `low` one back; as differences from
/// `minus` when given. `None` when the series has no band or no finite
/// value.
fn band_polygon(
    bands: &Bands,
    desc: &ChartDesc,
    series: SeriesId,
    low: Percentile,
    high: Percentile,
    minus: Option<&Run>,
) -> Option<Vec<(f64, f64)>> {
    let mut upper = Vec::new();
    let mut lower = Vec::new();
    for year in desc.first_year..=desc.last_year {
        let offset = match minus {
            Some(base) => base.value(series, year)?,
            None => 0.0,
        };
        let (lo, hi) = (
            bands.value(series, low, year)?,
            bands.value(series, high, year)?,
        );
        if lo.is_finite() && hi.is_finite() {
            upper.push((f64::from(year), hi - offset));
            lower.push((f64::from(year), lo - offset));
        }
    }
    if upper.is_empty() {
        return None;
    }
    upper.extend(lower.into_iter().rev());
    Some(upper)
}

fn series_max_abs(run: &Run, desc: &ChartDesc, base: &Run) -> f64 {
    desc.lines
        .iter()
        .flat_map(|l| {
            points_between(
                run,
                desc,
                l.series,
                desc.first_year,
                desc.last_year,
                Some(base),
            )
        })
        .map(|p| p.1.abs())
        .fold(0.0, f64::max)
}

/// The largest defined value of the chart's series in its years.
fn series_max(run: &Run, desc: &ChartDesc) -> f64 {
    desc.lines
        .iter()
        .flat_map(|l| points_between(run, desc, l.series, desc.first_year, desc.last_year, None))
        .map(|p| p.1)
        .fold(0.0, f64::max)
}

/// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `v`
/// (1 for anything not positive).
pub fn nice_ceiling(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powi(v.log10().floor() as i32);
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|c| *c >= v)
        .unwrap_or(10.0 * magnitude)
}

fn draw_markers<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    marker: Marker,
    points: &[(f64, f64)],
    size: u32,
    style: ShapeStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let half = size as i32;
    match marker {
        Marker::Circle => {
            chart.draw_series(points.iter().map(|p| Circle::new(*p, size, style)))?;
        }
        Marker::Triangle => {
            // Drawn by hand: plotters' TriangleMarker always fills, and a
            // hollow triangle marks the projection.
            let r = half + half / 3;
            let corners = vec![(0, -r), (r, r * 2 / 3), (-r, r * 2 / 3)];
            if style.filled {
                chart.draw_series(
                    points
                        .iter()
                        .map(|p| EmptyElement::at(*p) + Polygon::new(corners.clone(), style)),
                )?;
            } else {
                let mut outline = corners.clone();
                outline.push(corners[0]);
                chart.draw_series(
                    points
                        .iter()
                        .map(|p| EmptyElement::at(*p) + PathElement::new(outline.clone(), style)),
                )?;
            }
        }
        Marker::Square => {
            chart.draw_series(points.iter().map(|p| {
                EmptyElement::at(*p) + Rectangle::new([(-half, -half), (half, half)], style)
            }))?;
        }
    }
    Ok(())
}
