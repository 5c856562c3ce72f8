//! `talentflow chart`: the real binary draws a scenario's charts as a
//! well-formed SVG document, with each series' curve in its colour and the
//! titles in the chosen language; bad options are refused.

#[allow(dead_code)] // helpers the other command-line tests use
mod common;

use common::{refused, stdout_of};

/// The document, parsed; panics (failing the test) when not well-formed.
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed SVG: {e}"))
}

/// Every text of the document's `<text>` elements.
fn texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

/// The stroke colours of the paths with at least `min_points` points.
fn curve_colours(doc: &roxmltree::Document<'_>, min_points: usize) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("fill") == Some("none"))
        .filter(|n| {
            n.attribute("d")
                .is_some_and(|d| d.matches('L').count() + 1 >= min_points)
        })
        .filter_map(|n| n.attribute("stroke").map(str::to_string))
        .collect()
}

#[test]
fn the_baseline_charts_are_a_well_formed_svg_with_every_series_and_english_titles() {
    let svg = stdout_of(&["chart", "--format", "svg"]);
    let doc = parse(&svg);
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    let charts = root.children().filter(|n| n.has_tag_name("svg")).count();
    assert_eq!(charts, 3, "three charts");
    let texts = texts(&doc);
    for title in [
        "Retention: where the 2019 cohort is now",
        "Inflow: new Chinese talent arriving in the US",
        "Where they work: all Chinese-undergraduate top AI researchers",
        "Still in the US",
        "Starting US graduate school",
        "Year",
    ] {
        assert!(
            texts.iter().any(|t| t == title),
            "no text {title:?} in {texts:?}"
        );
    }
    // Each series is a curve of many points in its colour: US blue, China
    // vermillion, elsewhere green, US work purple.
    let colours = curve_colours(&doc, 10);
    for colour in ["#0072b2", "#d55e00", "#009e73", "#cc79a7"] {
        assert!(
            colours.iter().any(|c| c == colour),
            "no curve in {colour}: {colours:?}"
        );
    }
    // The baseline has no faint reference curve and no such legend entry.
    assert!(!texts.iter().any(|t| t.contains("Baseline")));
}

#[test]
fn chinese_titles_with_lang_zh() {
    let svg = stdout_of(&["chart", "--lang", "zh", "--chart", "retention"]);
    let doc = parse(&svg);
    let texts = texts(&doc);
    assert!(texts.iter().any(|t| t.starts_with("留存")), "{texts:?}");
    assert!(texts.iter().any(|t| t == "年份"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("Retention")), "{texts:?}");
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|n| n.has_tag_name("svg"))
            .count(),
        1
    );
}

#[test]
fn a_link_s_settings_change_the_curves_and_add_the_faint_baseline() {
    let baseline = stdout_of(&["chart", "--chart", "where"]);
    let changed = stdout_of(&[
        "chart",
        "--chart",
        "where",
        "--query",
        "visa_restrictions=90&compute_ratio=5",
    ]);
    assert_ne!(baseline, changed);
    let doc = parse(&changed);
    assert!(texts(&doc).iter().any(|t| t == "Baseline (faint line)"));
    // The reader's curve and the baseline's faint one, in US blue.
    let blue = curve_colours(&doc, 10)
        .iter()
        .filter(|c| *c == "#0072b2")
        .count();
    assert!(blue >= 2, "{blue} blue curves");
}

#[test]
fn the_same_scenario_draws_the_same_document() {
    let a = stdout_of(&["chart", "--set", "visa_restrictions=70"]);
    let b = stdout_of(&["chart", "--query", "visa_restrictions=70"]);
    assert_eq!(a, b);
}

#[test]
fn width_and_height_size_the_picture() {
    let svg = stdout_of(&[
        "chart", "--chart", "inflow", "--width", "900", "--height", "400",
    ]);
    let doc = parse(&svg);
    assert_eq!(doc.root_element().attribute("width"), Some("900"));
    let chart = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("svg"));
    assert_eq!(chart.and_then(|c| c.attribute("height")), Some("400"));
}

#[test]
fn bad_chart_options_are_refused_with_a_message() {
    assert!(refused(&["chart", "--format", "png"]).contains("expected svg or html"));
    assert!(refused(&["chart", "--chart", "nope"]).contains("retention, inflow, where"));
    assert!(refused(&["chart", "--lang", "fr"]).contains("expected en or zh"));
    assert!(refused(&["chart", "--width", "5"]).contains("200 to 4000"));
    assert!(refused(&["chart", "--set", "nope=1"]).starts_with("talentflow: "));
}

#[test]
fn html_format_gives_a_figure_per_chart_with_inline_svg_legend_and_summary() {
    let html = stdout_of(&["chart", "--format", "html", "--lang", "zh"]);
    // Well-formed as XML too (no void elements, everything escaped).
    let wrapped = format!("<div>{html}</div>");
    let doc =
        roxmltree::Document::parse(&wrapped).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    let figures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("figure"))
        .collect();
    assert_eq!(figures.len(), 3);
    for figure in figures {
        assert_eq!(figure.attribute("class"), Some("chart"));
        let tags: Vec<&str> = figure.children().map(|n| n.tag_name().name()).collect();
        assert_eq!(tags, ["h3", "svg", "ul", "p"]);
        assert!(
            figure.children().all(|n| n.attribute("id").is_none()),
            "no ids"
        );
    }
    assert!(html.contains("留存"), "Chinese titles");
    assert!(!html.contains("<script"));
}

/// The vertices of the paths stroked in `colours` (the curves).
fn curve_vertices(doc: &roxmltree::Document<'_>, colours: &[&str]) -> Vec<(f64, f64)> {
    doc.descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("fill") == Some("none"))
        .filter(|n| n.attribute("stroke").is_some_and(|s| colours.contains(&s)))
        .filter_map(|n| n.attribute("d"))
        .flat_map(|d| {
            d.split(['M', 'L'])
                .filter_map(|p| {
                    let mut xy = p.split_whitespace().map(|v| v.parse::<f64>().ok());
                    Some((xy.next()??, xy.next()??))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_inflow_charts_observed_label_leaves_the_curves_uncovered_from_phone_to_desktop_width() {
    // The label of the observed point (its source) sits on a white
    // backing; on a phone it spans many years, and just above the point
    // it hid the curves (360 px, both languages).
    for lang in ["en", "zh"] {
        for width in [300, 340, 360, 412, 600, 900] {
            let svg = stdout_of(&[
                "chart",
                "--chart",
                "inflow",
                "--lang",
                lang,
                "--width",
                &width.to_string(),
                "--query",
                "visa_restrictions=60",
            ]);
            let doc = parse(&svg);
            let backing = doc
                .descendants()
                .find(|n| n.has_tag_name("rect") && n.attribute("fill-opacity") == Some("0.85"))
                .unwrap_or_else(|| panic!("{lang} {width} px: no label backing"));
            let num = |a: &str| {
                backing
                    .attribute(a)
                    .and_then(|v| v.parse::<f64>().ok())
                    .unwrap()
            };
            let (x, y, w, h) = (num("x"), num("y"), num("width"), num("height"));
            let vertices = curve_vertices(&doc, &["#0072b2", "#cc79a7"]);
            assert!(vertices.len() > 40, "{lang} {width} px: curves not found");
            let covered: Vec<_> = vertices
                .iter()
                .filter(|(vx, vy)| *vx > x && *vx < x + w && *vy > y && *vy < y + h)
                .collect();
            assert!(
                covered.is_empty(),
                "{lang} {width} px: the label ({x}, {y}, {w} x {h}) covers {covered:?}"
            );
        }
    }
}
