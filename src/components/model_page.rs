//! "How the model works": a stock-and-flow diagram drawn from the model's
//! own flows, its equations in plain notation, the calibration targets
//! beside the model's values, and its limits. Folded away under the
//! charts; its text is the `model` message pack.

use crate::citations::fact_anchor;
use crate::format::percent_digits_in;
use crate::i18n::Messages;
use talentflow_model::stocks::Stock;
use talentflow_model::{simulate_traced, Run, Scenario, TARGETS};
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
/// one box).
pub fn node_of(stock: Stock) -> usize {
    match stock {
        Stock::Pipeline => 1,
        Stock::GradUs => 2,
        Stock::GradChina => 3,
        Stock::GradElsewhere => 4,
        Stock::WorkChina => 6,
        Stock::WorkElsewhere => 7,
        Stock::LeftTopTier => 8,
        _ => 5,
    }
}

/// The arrows of the diagram: every pair of boxes between which the model
/// moves people (in 2019, under the baseline), each once, plus the
/// entrants' arrow into the pipeline. Moves inside a box (a US researcher
/// becoming established) are not arrows.
pub fn diagram_arrows() -> Vec<(usize, usize)> {
    let mut arrows = vec![(0, 1)];
    simulate_traced(&Scenario::baseline(), |step| {
        if step.time_years < 2019.0 || step.time_years >= 2019.0 + 1.0 / 12.0 {
            return;
        }
        for flow in step.flows {
            let pair = (node_of(flow.from), node_of(flow.to));
            if pair.0 != pair.1 && flow.people > 0.0 && !arrows.contains(&pair) {
                arrows.push(pair);
            }
        }
    });
    arrows
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

/// The diagram, with one `<path class="flow">` per arrow, tagged with the
/// boxes it joins (`data-from`, `data-to`) for the tests.
fn diagram(messages: &Messages, arrows: &[(usize, usize)]) -> Html {
    let boxes = NODES.iter().enumerate().map(|(i, n)| {
        let cx = n.x + n.w / 2.0;
        let label = messages.tr(n.key);
        let detail = (i == 5).then(|| messages.tr("model-node-work-us-detail"));
        let class = if i == 0 { "stock source" } else { "stock" };
        html! {
            <g class={class} data-node={i.to_string()}>
                <rect x={n.x.to_string()} y={n.y.to_string()} width={n.w.to_string()} height={H.to_string()} rx="6" />
                <text x={cx.to_string()} y={(n.y + if detail.is_some() { 18.0 } else { 27.0 }).to_string()} text-anchor="middle">{ label }</text>
                { for detail.map(|d| html! {
                    <text class="detail" x={cx.to_string()} y={(n.y + 35.0).to_string()} text-anchor="middle">{ d }</text>
                }) }
            </g>
        }
    });
    let paths = arrows.iter().map(|&(a, b)| {
        let both = arrows.contains(&(b, a));
        html! {
            <path class="flow" d={arrow_path(a, b, both)} marker-end="url(#arrowhead)"
                data-from={a.to_string()} data-to={b.to_string()} />
        }
    });
    html! {
        <svg id="model-diagram" class="model-diagram" viewBox="0 0 756 330" role="img"
            aria-label={messages.tr("model-diagram-aria")}>
            <defs>
                <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            { for paths }
            { for boxes }
        </svg>
    }
}

/// The calibration table: each target's observed value beside the
/// baseline's, whether it is inside the tolerance, and its sources.
fn calibration(messages: &Messages, baseline: &Run) -> Html {
    let lang = messages.lang();
    let numbers = lang.numbers();
    let points = (TARGETS[0].tolerance * 100.0).round().to_string();
    let rows = TARGETS.iter().map(|t| {
        let model = t.model_value(baseline);
        let within = model.is_some_and(|m| (m - t.observed).abs() <= t.tolerance + 1e-9);
        let sources = t.sources.iter().enumerate().map(|(i, id)| {
            html! {
                <>
                    { if i > 0 { ", " } else { "" } }
                    <a href={format!("#{}", fact_anchor(id))}>{ *id }</a>
                </>
            }
        });
        html! {
            <tr data-target={t.key}>
                <th scope="row">{ messages.tr(&format!("model-target-{}", t.key)) }</th>
                <td>{ percent_digits_in(lang, Some(t.observed)) }{ "%" }</td>
                <td class="model-value">{ numbers.percent(model.unwrap_or(f64::NAN), 1) }{ "%" }</td>
                <td>{ messages.tr(if within { "model-within-yes" } else { "model-within-no" }) }</td>
                <td>{ for sources }</td>
            </tr>
        }
    });
    html! {
        <table id="model-calibration" class="data-table">
            <caption>{ messages.tr("model-calibration-caption") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ messages.tr("model-col-target") }</th>
                    <th scope="col">{ messages.tr("model-col-observed") }</th>
                    <th scope="col">{ messages.tr("model-col-model") }</th>
                    <th scope="col">{ messages.format("model-col-within", &[("points", &points)]) }</th>
                    <th scope="col">{ messages.tr("model-col-sources") }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The model page, folded away until opened: its content (and its one
/// traced run for the diagram) is only built once the reader opens it.
/// `open` is kept by the page (a plain function, not a component: each
/// component type costs the bundle kilobytes).
pub fn model_page(messages: &Messages, baseline: &Run, open: &UseStateHandle<bool>) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    let body = if **open {
        let messages = messages.clone();
        let arrows = diagram_arrows();
        let eq = |key: &str| html! { <p class="equation"><code>{ messages.tr(key) }</code></p> };
        let limits = [
            "model-limit-forecast",
            "model-limit-population",
            "model-limit-small",
            "model-limit-missing",
            "model-limit-definitions",
        ];
        html! {
            <>
                <p>{ messages.tr("model-intro") }</p>
                <h3>{ messages.tr("model-diagram-heading") }</h3>
                <figure class="model-figure">
                    { diagram(&messages, &arrows) }
                    <figcaption>{ messages.tr("model-diagram-caption") }</figcaption>
                </figure>
                <h3>{ messages.tr("model-equations-heading") }</h3>
                <p>{ messages.tr("model-eq-choice-intro") }</p>
                { eq("model-eq-choice") }
                <p>{ messages.tr("model-eq-pulls-intro") }</p>
                { eq("model-eq-us-pull") }
                { eq("model-eq-china-pull") }
                <p>{ messages.tr("model-eq-delay-intro") }</p>
                { eq("model-eq-delay") }
                <p>{ messages.tr("model-eq-hazard-intro") }</p>
                { eq("model-eq-hazard") }
                <p>{ messages.tr("model-eq-visa") }</p>
                <p>{ messages.tr("model-eq-method") }</p>
                <h3>{ messages.tr("model-calibration-heading") }</h3>
                <p>{ messages.tr("model-calibration-intro") }</p>
                { calibration(&messages, baseline) }
                <h3>{ messages.tr("model-limits-heading") }</h3>
                <ul class="model-limits">
                    { for limits.iter().map(|k| html! { <li>{ messages.tr(k) }</li> }) }
                </ul>
            </>
        }
    } else {
        html! {}
    };
    html! {
        <details id="model-page" class="model-page" {ontoggle}>
            <summary><h2>{ messages.tr("model-heading") }</h2></summary>
            { body }
        </details>
    }
}
