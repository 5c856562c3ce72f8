//! The charts' drawing backend: plotters' primitives on a 2D canvas.
//!
//! Every state change of a canvas context crosses from wasm to JavaScript,
//! and a colour or font is a string the browser must parse again: setting
//! the font for each of a chart's labels cost more than drawing them. This
//! backend remembers the context's fill and stroke colours, line width,
//! font and text anchor, and sets one only when it changes, so a redraw
//! sets each a handful of times.
//!
//! Lines drawn one after another in the same style (the dashes of a dashed
//! curve, a chart's grid) are gathered into one path and stroked once.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A drawing call the browser refused.
#[derive(Debug)]
pub struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_default()))
}

/// A colour as the canvas reads it.
fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({r},{g},{b},{})", c.alpha)
}

/// What a colour is remembered by.
type ColorKey = (u8, u8, u8, u64);

fn color_key(c: BackendColor) -> ColorKey {
    (c.rgb.0, c.rgb.1, c.rgb.2, c.alpha.to_bits())
}

/// A canvas and the state last set on its context.
pub struct Canvas {
    canvas: HtmlCanvasElement,
    ctx: CanvasRenderingContext2d,
    fill: Option<ColorKey>,
    stroke: Option<ColorKey>,
    line_width: Option<u32>,
    font: String,
    anchor: Option<(u8, u8)>,
    /// The style of the lines gathered into the current path, not yet
    /// stroked.
    pending: Option<(ColorKey, u32)>,
}

impl Canvas {
    /// A backend on `canvas`'s 2D context; `None` when it has none.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas> {
        let ctx = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(Canvas {
            canvas: canvas.clone(),
            ctx,
            fill: None,
            stroke: None,
            line_width: None,
            font: String::new(),
            anchor: None,
            pending: None,
        })
    }

    /// Strokes the lines gathered so far.
    fn flush(&mut self) {
        if self.pending.take().is_some() {
            self.ctx.stroke();
        }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let key = color_key(c);
        if self.fill != Some(key) {
            self.ctx.set_fill_style_str(&css_color(c));
            self.fill = Some(key);
        }
    }

    fn set_line(&mut self, style: &impl BackendStyle) {
        let c = style.color();
        let key = color_key(c);
        if self.stroke != Some(key) {
            self.ctx.set_stroke_style_str(&css_color(c));
            self.stroke = Some(key);
        }
        let width = style.stroke_width();
        if self.line_width != Some(width) {
            self.ctx.set_line_width(f64::from(width));
            self.line_width = Some(width);
        }
    }

    fn set_text(&mut self, style: &impl BackendTextStyle) {
        self.set_fill(style.color());
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.font != font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        let anchor = style.anchor();
        let (h, v) = (anchor.h_pos as u8, anchor.v_pos as u8);
        if self.anchor != Some((h, v)) {
            self.ctx.set_text_align(match anchor.h_pos {
                HPos::Left => "start",
                HPos::Right => "end",
                HPos::Center => "center",
            });
            self.ctx.set_text_baseline(match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            self.anchor = Some((h, v));
        }
    }

    /// After `restore()` the context's state is the saved one: forget
    /// what was set since.
    fn forget_state(&mut self) {
        self.fill = None;
        self.stroke = None;
        self.line_width = None;
        self.font.clear();
        self.anchor = None;
    }

    /// Adds `points` to the current path as one line; false when there
    /// are none.
    fn subpath(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        let Some((x, y)) = points.next() else {
            return false;
        };
        self.ctx.move_to(f64::from(x), f64::from(y));
        for (x, y) in points {
            self.ctx.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

impl Drop for Canvas {
    fn drop(&mut self) {
        self.flush();
    }
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.ctx.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        // Horizontal and vertical lines on the pixel grid, not between.
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
        self.set_line(style);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(x0), f64::from(y0));
        let (w, h) = (f64::from(x1 - x0), f64::from(y1 - y0));
        if fill {
            self.set_fill(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_line(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let key = (color_key(style.color()), style.stroke_width());
        if self.pending != Some(key) {
            self.flush();
            self.set_line(style);
            self.ctx.begin_path();
        }
        if self.subpath(path) {
            self.pending = Some(key);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_fill(style.color());
        self.ctx.begin_path();
        if self.subpath(vert) {
            self.ctx.close_path();
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.set_fill(style.color());
        } else {
            self.set_line(style);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(x),
                f64::from(y),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(error)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.flush();
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let quarter_turns = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 1.0,
            FontTransform::Rotate180 => 2.0,
            FontTransform::Rotate270 => 3.0,
        };
        if quarter_turns == 0.0 {
            self.set_text(style);
            return self
                .ctx
                .fill_text(text, f64::from(x), f64::from(y))
                .map_err(error);
        }
        self.ctx.save();
        let drawn = self
            .ctx
            .translate(f64::from(x), f64::from(y))
            .and_then(|()| self.ctx.rotate(quarter_turns * std::f64::consts::FRAC_PI_2))
            .map_err(error)
            .and_then(|()| {
                self.set_text(style);
                self.ctx.fill_text(text, 0.0, 0.0).map_err(error)
            });
        self.ctx.restore();
        self.forget_state();
        drawn
    }
}
