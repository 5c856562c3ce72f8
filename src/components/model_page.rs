//! "How the model works": a stock-and-flow diagram drawn from the model's
//! own flows, its equations in plain notation, the validation tables
//! (every observed figure beside the calibrated model, and beside the
//! backtest fitted to 2018), and its limits. Folded away under the
//! charts; its text is the `model` message pack.

use crate::citations::fact_anchor;
use crate::format::esc;
use crate::i18n::{Messages, PackLoader};
use talentflow_messages::Pack;
use talentflow_model::stocks::Stock;
use talentflow_model::validation::{Row, Table};
use talentflow_model::Run;
use yew::prelude::*;

/// A box of the diagram: its message key, left and top edge, width.
struct Node {
    key: &'static str,
    x: f64,
    y: f64,
    w: f64,
}

/// Box height in the diagram's units.
const H: f64 = 46.0;

/// The boxes, in the order of [`node_of`]: entrants, pipeline, graduate
/// school in the US, China and elsewhere, work in the same three places,
/// left the top tier.
const NODES: [Node; 9] = [
    Node {
        key: "model-node-entrants",
        x: 4.0,
        y: 142.0,
        w: 86.0,
    },
    Node {
        key: "model-node-pipeline",
        x: 112.0,
        y: 142.0,
        w: 86.0,
    },
    Node {
        key: "model-node-grad-us",
        x: 220.0,
        y: 22.0,
        w: 150.0,
    },
    Node {
        key: "model-node-grad-china",
        x: 220.0,
        y: 142.0,
        w: 150.0,
    },
    Node {
        key: "model-node-grad-elsewhere",
        x: 220.0,
        y: 262.0,
        w: 150.0,
    },
    Node {
        key: "model-node-work-us",
        x: 404.0,
        y: 22.0,
        w: 150.0,
    },
    Node {
        key: "model-node-work-china",
        x: 404.0,
        y: 142.0,
        w: 150.0,
    },
    Node {
        key: "model-node-work-elsewhere",
        x: 404.0,
        y: 262.0,
        w: 150.0,
    },
    Node {
        key: "model-node-left",
        x: 640.0,
        y: 142.0,
        w: 96.0,
    },
];

/// The diagram box a stock is drawn in (the six US working stocks share
/// one box, as do the stages of each graduate school).
pub fn node_of(stock: Stock) -> usize {
    match stock {
        Stock::Pipeline => 1,
        Stock::GradUsFirst | Stock::GradUsSecond | Stock::GradUs => 2,
        Stock::GradChinaFirst | Stock::GradChinaSecond | Stock::GradChina => 3,
        Stock::GradElsewhereFirst | Stock::GradElsewhereSecond | Stock::GradElsewhere => 4,
        Stock::WorkChina => 6,
        Stock::WorkElsewhere => 7,
        Stock::LeftTopTier => 8,
        _ => 5,
    }
}

/// The arrows of the diagram: every pair of boxes between which the model
/// moves people (in 2019, under the baseline), each once, plus the
/// entrants' arrow into the pipeline. Moves inside a box (a US researcher
/// becoming established, a student moving on to graduate school's next
/// stage) are not arrows.
///
/// Written out rather than traced when the page opens, so that the app
/// carries no traced copy of the model's loop; a browser test
/// (`tests/web.rs`) traces the model and checks that this is every flow it
/// has, and no other.
pub const DIAGRAM_ARROWS: [(usize, usize); 22] = [
    (0, 1),
    (1, 2),
    (1, 3),
    (1, 4),
    (2, 5),
    (2, 6),
    (2, 7),
    (3, 5),
    (3, 6),
    (3, 7),
    (4, 5),
    (4, 6),
    (4, 7),
    (5, 6),
    (5, 7),
    (5, 8),
    (6, 5),
    (6, 7),
    (6, 8),
    (7, 5),
    (7, 6),
    (7, 8),
];

/// The backtest's comparisons of where people went after 2019, which the
/// paragraph `model-backtest-lean` says all fall short on China's side.
pub const LEAN_ROWS: [&str; 3] = [
    "cohort_in_china_2025",
    "share_in_china_2022",
    "exit_to_china_2021",
];

/// Whether every one of [`LEAN_ROWS`] is in `rows` with the model below
/// the record (the paragraph is true only then).
fn leans_short_on_china(rows: &[Row]) -> bool {
    LEAN_ROWS
        .iter()
        .all(|key| rows.iter().any(|r| r.target.key == *key && r.error() < 0.0))
}

/// The SVG path of an arrow from box `a` to box `b`: straight between
/// columns, curved around the middle box between rows of one column, and
/// offset sideways when the two boxes move people both ways.
fn arrow_path(a: usize, b: usize, both_ways: bool) -> String {
    let (na, nb) = (&NODES[a], &NODES[b]);
    let shift = if both_ways { 7.0 } else { 0.0 };
    if (na.x - nb.x).abs() < 1.0 {
        // Same column: leave from the right edge and curve back in.
        let down = nb.y > na.y;
        let x = na.x + na.w;
        let (y0, y1) = (na.y + H / 2.0, nb.y + H / 2.0);
        let bulge = 18.0 + (y1 - y0).abs() / 6.0 + if down { 0.0 } else { 14.0 };
        let (y0, y1) = if down {
            (y0 + shift, y1 - shift)
        } else {
            (y0 - shift, y1 + shift)
        };
        return format!(
            "M{x:.0},{y0:.0} C{cx:.0},{y0:.0} {cx:.0},{y1:.0} {x:.0},{y1:.0}",
            cx = x + bulge
        );
    }
    let (x0, x1) = if nb.x > na.x {
        (na.x + na.w, nb.x)
    } else {
        (na.x, nb.x + nb.w)
    };
    let clamp = |y: f64, n: &Node| y.clamp(n.y + 6.0, n.y + H - 6.0);
    let (ya, yb) = (na.y + H / 2.0, nb.y + H / 2.0);
    let (y0, y1) = (
        clamp(ya + (yb - ya) * 0.2, na),
        clamp(yb - (yb - ya) * 0.2, nb),
    );
    format!("M{x0:.0},{:.0} L{x1:.0},{:.0}", y0 + shift, y1 + shift)
}

/// The diagram's markup, with one `<path class="flow">` per arrow, tagged
/// with the boxes it joins (`data-from`, `data-to`) for the tests.
fn diagram(out: &mut String, messages: &Messages, arrows: &[(usize, usize)]) {
    out.push_str(&format!(
        "<svg id=\"model-diagram\" class=\"model-diagram\" viewBox=\"0 0 756 330\" role=\"img\" aria-label=\"{}\">\
         <defs><marker id=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>",
        esc(&messages.text("model-diagram-aria"))
    ));
    for &(a, b) in arrows {
        let both = arrows.contains(&(b, a));
        out.push_str(&format!(
            "<path class=\"flow\" d=\"{}\" marker-end=\"url(#arrowhead)\" data-from=\"{a}\" data-to=\"{b}\"/>",
            arrow_path(a, b, both)
        ));
    }
    for (i, n) in NODES.iter().enumerate() {
        let cx = n.x + n.w / 2.0;
        let class = if i == 0 { "stock source" } else { "stock" };
        // The US work box and the graduate schools' boxes say what they
        // hold in a second line.
        let detail = match i {
            2..=4 => Some("model-node-grad-detail"),
            5 => Some("model-node-work-us-detail"),
            _ => None,
        };
        let label_y = n.y + if detail.is_some() { 18.0 } else { 27.0 };
        out.push_str(&format!(
            "<g class=\"{class}\" data-node=\"{i}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{H}\" rx=\"6\"/>\
             <text x=\"{cx}\" y=\"{label_y}\" text-anchor=\"middle\">{}</text>",
            n.x,
            n.y,
            n.w,
            esc(&messages.text(n.key))
        ));
        if let Some(key) = detail {
            out.push_str(&format!(
                "<text class=\"detail\" x=\"{cx}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                n.y + 35.0,
                esc(&messages.text(key))
            ));
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
}

/// One validation table's markup (`talentflow validate`'s rows): each
/// observation beside the model, its error and tolerance, whether the run
/// was fitted to it, and whether it is within the tolerance; a miss is
/// marked as one (`class="miss"`).
fn validation_table(out: &mut String, messages: &Messages, id: &str, caption: &str, rows: &[Row]) {
    let numbers = messages.lang().numbers();
    let text = |key: &str| esc(&messages.text(key));
    out.push_str("<div class=\"table-scroll\"><table id=\"");
    out.push_str(id);
    out.push_str("\" class=\"data-table validation\"><caption>");
    out.push_str(&text(caption));
    out.push_str("</caption><thead><tr>");
    for key in [
        "model-col-target",
        "model-col-sources",
        "model-col-observed",
        "model-col-model",
        "model-col-error",
        "model-col-tolerance",
        "model-col-fit",
        "model-col-within",
    ] {
        out.push_str("<th scope=\"col\">");
        out.push_str(&text(key));
        out.push_str("</th>");
    }
    out.push_str("</tr></thead><tbody>");
    let mut passed = 0;
    for r in rows {
        let t = r.target;
        let passes = r.passes();
        passed += usize::from(passes);
        // A relative change (a ratio) as a plain number with two decimals,
        // a share in percent with one (its tolerance in whole points).
        let ratio = t.is_ratio();
        let (scale, decimals, unit) = if ratio { (1.0, 2, "") } else { (100.0, 1, "%") };
        let number = |v: f64, d: usize| numbers.fixed(v * scale, d);
        let error = r.error();
        let sources: Vec<String> = t
            .sources
            .iter()
            .map(|id| format!("<a href=\"#{}\">{id}</a>", fact_anchor(id)))
            .collect();
        out.push_str("<tr data-target=\"");
        out.push_str(t.key);
        out.push_str(if passes { "\">" } else { "\" class=\"miss\">" });
        out.push_str("<th scope=\"row\">");
        out.push_str(&text(&format!("model-target-{}", t.key)));
        out.push_str("</th>");
        for (i, cell) in [
            sources.join(", "),
            number(t.observed, decimals) + unit,
            number(r.model, decimals) + unit,
            (if error > 0.0 { "+" } else { "" }).to_string() + &number(error, decimals),
            "±".to_string() + &number(t.tolerance, if ratio { 2 } else { 0 }),
            text(if r.fitted {
                "model-fit-yes"
            } else {
                "model-fit-no"
            }),
            text(if passes {
                "model-within-yes"
            } else {
                "model-within-no"
            }),
        ]
        .iter()
        .enumerate()
        {
            out.push_str(if i == 2 {
                "<td class=\"model-value\">"
            } else {
                "<td>"
            });
            out.push_str(cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div><p class=\"validation-summary\">");
    out.push_str(&esc(&messages.format(
        "model-validation-summary",
        &[
            ("passed", &numbers.integer(passed as f64)),
            ("total", &numbers.integer(rows.len() as f64)),
        ],
    )));
    out.push_str("</p>");
}

/// The backtest's rows: its own run (the calibrated constants fitted to
/// the figures up to 2018), made the first time the page is opened and
/// kept, since it does not depend on the reader's settings.
fn backtest_rows() -> &'static [Row] {
    static ROWS: std::sync::OnceLock<Vec<Row>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| Table::Backtest.compute())
}

/// The open page's markup: built as text rather than with `html!`, which
/// for this much static markup cost the bundle several kilobytes more.
fn body_markup(messages: &Messages, baseline: &Run) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let para = |out: &mut String, key: &str| {
        out.push_str(&format!("<p>{}</p>", esc(&messages.text(key))));
    };
    let heading = |out: &mut String, key: &str| {
        out.push_str(&format!("<h3>{}</h3>", esc(&messages.text(key))));
    };
    let equation = |out: &mut String, key: &str| {
        out.push_str(&format!(
            "<p class=\"equation\"><code>{}</code></p>",
            esc(&messages.text(key))
        ));
    };
    para(&mut out, "model-intro");
    heading(&mut out, "model-diagram-heading");
    out.push_str("<figure class=\"model-figure\">");
    diagram(&mut out, messages, &DIAGRAM_ARROWS);
    out.push_str(&format!(
        "<figcaption>{}</figcaption></figure>",
        esc(&messages.text("model-diagram-caption"))
    ));
    heading(&mut out, "model-equations-heading");
    for (intro, eqs) in [
        ("model-eq-choice-intro", &["model-eq-choice"][..]),
        (
            "model-eq-pulls-intro",
            &["model-eq-us-pull", "model-eq-china-pull"][..],
        ),
        ("model-eq-delay-intro", &["model-eq-delay"][..]),
        ("model-eq-hazard-intro", &["model-eq-hazard"][..]),
    ] {
        para(&mut out, intro);
        for eq in eqs {
            equation(&mut out, eq);
        }
    }
    para(&mut out, "model-eq-visa");
    para(&mut out, "model-eq-pathway");
    para(&mut out, "model-eq-method");
    heading(&mut out, "model-calibration-heading");
    para(&mut out, "model-calibration-intro");
    validation_table(
        &mut out,
        messages,
        "model-calibration",
        "model-calibration-caption",
        &Table::Calibrated.rows(baseline),
    );
    heading(&mut out, "model-backtest-heading");
    para(&mut out, "model-backtest-intro");
    validation_table(
        &mut out,
        messages,
        "model-backtest",
        "model-backtest-caption",
        backtest_rows(),
    );
    // Says where the backtest leans, while it does: short on China's side
    // in every comparison of where people went after 2019.
    if leans_short_on_china(backtest_rows()) {
        para(&mut out, "model-backtest-lean");
    }
    heading(&mut out, "model-limits-heading");
    out.push_str("<ul class=\"model-limits\">");
    for key in [
        "model-limit-forecast",
        "model-limit-population",
        "model-limit-small",
        "model-limit-missing",
        "model-limit-definitions",
    ] {
        out.push_str(&format!("<li>{}</li>", esc(&messages.text(key))));
    }
    out.push_str("</ul>");
    out
}

/// The model page, folded away until opened: its content (and its one
/// traced run for the diagram) is only built once the reader opens it.
/// `open` is kept by the page (a plain function, not a component: each
/// component type costs the bundle kilobytes).
///
/// Its text is the `model` pack, fetched when the page is first opened;
/// until it arrives a line says so.
pub fn model_page(
    messages: &Messages,
    loader: &PackLoader,
    baseline: &Run,
    open: &UseStateHandle<bool>,
) -> Html {
    let ontoggle = {
        let open = open.clone();
        let request = loader.request.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if details.open() {
                request.emit(Pack::Model);
            }
            open.set(details.open());
        })
    };
    let body = match (**open, loader.loaded.contains(&Pack::Model)) {
        (true, true) => Html::from_html_unchecked(AttrValue::from(body_markup(messages, baseline))),
        (true, false) => html! { <p class="model-loading">{ messages.tr("model-loading") }</p> },
        (false, _) => html! {},
    };
    html! {
        <details id="model-page" class="model-page" {ontoggle}>
            <summary><h2>{ messages.tr("model-heading") }</h2></summary>
            <div class="model-body">{ body }</div>
        </details>
    }
}
