//! The charts as SVG, natively: for the command line (`talentflow chart
//! --format svg`: print, social cards, a page without JavaScript) and for
//! the charts the build writes into `index.html`, shown before the
//! WebAssembly arrives.
//!
//! [`Svg`] is a plotters [`DrawingBackend`] that writes the same picture
//! as the app's canvas backend (`src/canvas.rs`): text at the canvas's
//! sizes, horizontal and vertical lines on the pixel grid, and lines
//! drawn one after another in the same style (a dashed curve's dashes, a
//! chart's grid) gathered into one `<path>`. The font family is set once
//! on the `<svg>` element and coordinates are whole pixels, so three
//! charts cost a first visit a few kilobytes. plotters' own SVG backend
//! writes every dash and label as an element with all its attributes,
//! and its text at a smaller size than the canvas's.
//!
//! Everything written is escaped: text arrives from the message files,
//! never from a reader.

use crate::chart::{draw_chart, text_width, ChartDesc, Marker, FONT_FAMILY, INK};
use crate::charts::chart_text;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;
use talentflow_messages::Catalog;
use talentflow_model::Run;

/// A drawing error of [`Svg`] (it has none of its own: writing to a
/// string cannot fail).
#[derive(Debug)]
pub struct SvgError;

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("svg")
    }
}

impl std::error::Error for SvgError {}

/// `&`, `<`, `>` and `"` as entities: safe in text and in attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// `fill="#rrggbb"` (or `stroke=`), with its opacity when not opaque.
fn paint(attribute: &str, c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut out = format!(" {attribute}=\"#{r:02x}{g:02x}{b:02x}\"");
    if c.alpha < 1.0 {
        let _ = write!(out, " {attribute}-opacity=\"{}\"", round3(c.alpha));
    }
    out
}

/// A shape's paint: filled, or outlined at the style's width.
fn shape_paint(style: &impl BackendStyle, fill: bool) -> String {
    if fill {
        paint("fill", style.color())
    } else {
        format!(
            " fill=\"none\"{} stroke-width=\"{}\"",
            paint("stroke", style.color()),
            style.stroke_width()
        )
    }
}

/// A number with at most three decimals, without trailing zeros.
fn round3(v: f64) -> String {
    let text = format!("{:.3}", (v * 1000.0).round() / 1000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// What a run of gathered lines is drawn with: colour and width.
type LineKey = ((u8, u8, u8), u64, u32);

fn line_key(style: &impl BackendStyle) -> LineKey {
    let c = style.color();
    (c.rgb, c.alpha.to_bits(), style.stroke_width())
}

/// An SVG picture being drawn: the elements so far and the lines gathered
/// into the path not yet written.
pub struct Svg {
    size: (u32, u32),
    body: Rc<RefCell<String>>,
    pending: Option<(LineKey, BackendColor, String)>,
}

impl Svg {
    /// An empty picture of `width` × `height` pixels, whose elements are
    /// written to `body` (kept by the caller: plotters keeps the backend).
    pub fn new(width: u32, height: u32, body: Rc<RefCell<String>>) -> Svg {
        Svg {
            size: (width.max(1), height.max(1)),
            body,
            pending: None,
        }
    }

    /// Appends one element to the picture.
    fn push(&self, element: std::fmt::Arguments<'_>) {
        let _ = self.body.borrow_mut().write_fmt(element);
    }

    /// Writes the gathered lines as one path.
    fn flush(&mut self) {
        if let Some(((_, _, width), colour, d)) = self.pending.take() {
            self.push(format_args!(
                "<path d=\"{d}\" fill=\"none\"{} stroke-width=\"{width}\"/>",
                paint("stroke", colour)
            ));
        }
    }

    /// Adds `points` to the gathered path in `style`.
    fn gather(&mut self, style: &impl BackendStyle, points: &[(f64, f64)]) {
        if points.is_empty() || style.color().alpha == 0.0 {
            return;
        }
        let key = line_key(style);
        if self.pending.as_ref().map(|p| p.0) != Some(key) {
            self.flush();
            self.pending = Some((key, style.color(), String::new()));
        }
        if let Some((_, _, d)) = &mut self.pending {
            for (i, (x, y)) in points.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if i == 0 { 'M' } else { 'L' },
                    round3(*x),
                    round3(*y)
                );
            }
        }
    }
}

impl DrawingBackend for Svg {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        if color.alpha > 0.0 {
            self.push(format_args!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\"{}/>",
                paint("fill", color)
            ));
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        // Horizontal and vertical lines on the pixel grid, as on the canvas.
        let (mut a, mut b) = (
            (f64::from(from.0), f64::from(from.1)),
            (f64::from(to.0), f64::from(to.1)),
        );
        if from.0 == to.0 {
            a.0 -= 0.5;
            b.0 -= 0.5;
        }
        if from.1 == to.1 {
            a.1 -= 0.5;
            b.1 -= 0.5;
        }
        self.gather(style, &[a, b]);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (w, h) = (x1 - x0, y1 - y0);
        let paint = shape_paint(style, fill);
        self.push(format_args!(
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\"{paint}/>"
        ));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        let points: Vec<(f64, f64)> = path
            .into_iter()
            .map(|(x, y)| (f64::from(x), f64::from(y)))
            .collect();
        self.gather(style, &points);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let mut d = String::new();
        for (i, (x, y)) in vert.into_iter().enumerate() {
            let _ = write!(d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
        }
        if !d.is_empty() {
            self.push(format_args!(
                "<path d=\"{d}Z\"{}/>",
                paint("fill", style.color())
            ));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let paint = shape_paint(style, fill);
        self.push(format_args!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"{paint}/>"
        ));
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let mut attributes = format!(
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{}\"{}",
            round3(style.size()),
            paint("fill", style.color())
        );
        match anchor.h_pos {
            HPos::Left => {}
            HPos::Center => attributes.push_str(" text-anchor=\"middle\""),
            HPos::Right => attributes.push_str(" text-anchor=\"end\""),
        }
        // The canvas's text baselines `top`, `middle` and `bottom`, as an
        // offset from the alphabetic baseline.
        match anchor.v_pos {
            VPos::Top => attributes.push_str(" dy=\".8em\""),
            VPos::Center => attributes.push_str(" dy=\".35em\""),
            VPos::Bottom => attributes.push_str(" dy=\"-.2em\""),
        }
        let degrees = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
        };
        if degrees != 0 {
            let _ = write!(attributes, " transform=\"rotate({degrees} {x} {y})\"");
        }
        self.push(format_args!("{attributes}>{}</text>", escape(text)));
        Ok(())
    }
}

/// One chart of `run` as an SVG element of `width` × `height` CSS pixels,
/// its text in `catalog`'s language, with `baseline` as the faint
/// reference curve when given (as the app draws it once a setting
/// differs). `attributes` are added to the `<svg>` element (escaped), for
/// instance `class`, `role` and `aria-label`. Standalone (with its
/// namespace) or inline in HTML.
pub fn chart_svg(
    desc: &ChartDesc,
    catalog: &Catalog,
    run: &Run,
    baseline: Option<&Run>,
    (width, height): (u32, u32),
    attributes: &[(&str, &str)],
) -> String {
    let (width, height) = (width.max(1), height.max(1));
    let body = Rc::new(RefCell::new(String::new()));
    {
        let root = Svg::new(width, height, body.clone()).into_drawing_area();
        let text = chart_text(catalog, desc);
        // Writing to a string cannot fail: an error here would be a bug in
        // the chart's drawing; the picture is then what was drawn until it.
        let drawn = draw_chart(&root, desc, &text, run, baseline, 1.0);
        debug_assert!(drawn.is_ok(), "drawing {} failed", desc.name);
    }
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"{}\"",
        escape(FONT_FAMILY)
    );
    for (name, value) in attributes {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    out.push('>');
    out.push_str(&body.borrow());
    out.push_str("</svg>");
    out
}

/// A legend entry's marker, centred on `(x, y)`, in the chart's style.
fn marker_element(marker: Marker, colour: RGBColor, x: f64, y: f64) -> String {
    let fill = paint("fill", colour.to_backend_color());
    match marker {
        Marker::Circle => format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"3.5\"{fill}/>"),
        Marker::Triangle => format!(
            "<path d=\"M{x} {}L{} {}L{} {}Z\"{fill}/>",
            y - 4.5,
            x + 4.5,
            y + 3.5,
            x - 4.5,
            y + 3.5
        ),
        Marker::Square => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\"{fill}/>",
            x - 3.5,
            y - 3.5
        ),
    }
}

/// Every chart of `descs` for `run`, one below the other, each with its
/// title and legend, as one standalone SVG document of `width` pixels
/// (each chart's plot `chart_height` high): what `talentflow chart
/// --format svg` prints, for print, a social card or a page without
/// JavaScript. `baseline` is drawn faintly when given.
pub fn figure_svg(
    descs: &[&ChartDesc],
    catalog: &Catalog,
    run: &Run,
    baseline: Option<&Run>,
    (width, chart_height): (u32, u32),
) -> String {
    let width = width.max(200);
    let chart_height = chart_height.max(120);
    let mut body = String::new();
    let mut y = 0.0;
    let ink = paint("fill", INK.to_backend_color());
    for desc in descs {
        let title = catalog.text(&desc.key("title"));
        let _ = write!(
            body,
            "<text x=\"4\" y=\"{}\" font-size=\"16\" font-weight=\"bold\"{ink}>{}</text>",
            y + 20.0,
            escape(&title)
        );
        y += 28.0;
        let chart = chart_svg(
            desc,
            catalog,
            run,
            baseline,
            (width, chart_height),
            &[("x", "0"), ("y", &y.to_string())],
        );
        body.push_str(&chart);
        y += f64::from(chart_height) + 6.0;
        // The legend: marker and name of each curve, wrapped to the width.
        let mut x = 8.0;
        let size = 12.0;
        let entries: Vec<(Marker, RGBColor, String)> = desc
            .lines
            .iter()
            .map(|l| (l.marker, l.colour, catalog.text(l.legend_key).into_owned()))
            .collect();
        let mut entries = entries;
        if baseline.is_some() {
            // The faint reference curve, as the app's legend names it.
            entries.push((
                Marker::Circle,
                RGBColor(150, 150, 150),
                catalog.text("chart-baseline").into_owned(),
            ));
        }
        let entries: Vec<(Marker, RGBColor, String)> = entries.into_iter().collect();
        y += 12.0;
        for (marker, colour, label) in entries {
            let w = 14.0 + text_width(&label, size) + 18.0;
            if x + w > f64::from(width) && x > 8.0 {
                x = 8.0;
                y += 20.0;
            }
            body.push_str(&marker_element(marker, colour, x + 4.0, y));
            let _ = write!(
                body,
                "<text x=\"{}\" y=\"{y}\" dy=\".35em\" font-size=\"{size}\"{ink}>{}</text>",
                x + 14.0,
                escape(&label)
            );
            x += w;
        }
        y += 24.0;
    }
    let height = y.ceil() as u32;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"{}\"><title>{}</title><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>{body}</svg>\n",
        escape(FONT_FAMILY),
        escape(&catalog.text("app-title"))
    )
}
