//! The handout: what printing the page adds to the charts (the stylesheet
//! hides the controls and shows this section only in print): the
//! scenario's description, every slider's setting, the sources it rests
//! on, and the link as text and as a QR code (an SVG path, one square per
//! dark module).

use crate::format::esc;
use crate::format::param_value_text;
use crate::i18n::Messages;
use crate::state::AppState;
use crate::url::is_slider;
use talentflow_model::challenges::CHALLENGES;
use talentflow_model::story::STORY;
use talentflow_model::{fact, PARAMS, PRESETS};
use yew::prelude::*;

/// The QR code of `text` as an SVG path (`M x y h1v1h-1z` per dark
/// module) and its size in modules with a 4-module quiet zone, or `None`
/// when the text is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    let qr = talentflow_qr::encode(text.as_bytes())?;
    let size = qr.size();
    let mut d = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.dark(x, y) {
                d += &format!("M{} {}h1v1h-1z", x + 4, y + 4);
            }
        }
    }
    Some((d, size + 8))
}

/// The print-only handout for `state`, whose full link is `link`. Built
/// as markup text: static for the printer, and several kilobytes smaller
/// in the bundle than the same elements built one by one.
pub fn handout(state: &AppState, link: &str, messages: &Messages) -> Html {
    let scenario = state.scenario;
    let preset = state
        .preset
        .or_else(|| state.matching_preset())
        .and_then(|i| PRESETS.get(i))
        .filter(|p| p.scenario() == scenario);
    let story = state.story.and_then(|i| STORY.get(i));
    let card = state.challenge.and_then(|i| CHALLENGES.get(i));
    let named = |name: String, text: String| format!("{name}: {text}");
    let description = if let Some(p) = preset {
        named(
            messages.tr(&p.name_key()),
            messages.tr(&p.description_key()),
        )
    } else if let Some(c) = card {
        named(messages.tr(&c.name_key()), messages.tr(&c.task_key()))
    } else if let Some(s) = story.filter(|s| s.scenario() == scenario) {
        messages.tr(&s.title_key())
    } else if scenario.is_baseline() {
        messages.tr("handout-baseline")
    } else {
        messages.format(
            "handout-custom",
            &[("count", &scenario.changed().count().to_string())],
        )
    };
    // What the scenario rests on: the preset's, the card's or the step's
    // sources, then those of every slider moved from its default.
    let mut ids: Vec<&str> = Vec::new();
    let changed = scenario.changed().flat_map(|id| id.spec().sources.iter());
    let own = preset
        .map(|p| p.sources)
        .or(card.map(|c| c.sources))
        .or(story.map(|s| s.sources))
        .unwrap_or(&[]);
    for id in own.iter().chain(changed) {
        if !ids.contains(id) {
            ids.push(id);
        }
    }
    let mut out = format!(
        "<h2>{}</h2><h3>{}</h3><p id=\"handout-description\">{}</p><h3>{}</h3><ul id=\"handout-settings\" class=\"handout-settings\">",
        esc(&messages.tr("handout-title")),
        esc(&messages.tr("handout-description")),
        esc(&description),
        esc(&messages.tr("handout-settings")),
    );
    for p in PARAMS.iter().filter(|p| is_slider(p.id)) {
        out += &format!(
            "<li>{}: {}</li>",
            esc(&messages.tr(&p.label_key())),
            esc(&param_value_text(messages, p, scenario.get(p.id)))
        );
    }
    out += &format!(
        "</ul><h3>{}</h3><ul id=\"handout-sources\" class=\"handout-sources\">",
        esc(&messages.tr("handout-sources"))
    );
    for f in ids.iter().filter_map(|id| fact(id)) {
        let entry = format!("{} ({}), {}: {}", f.title, f.publisher, f.period, f.url);
        out += &format!("<li>{}</li>", esc(&entry));
    }
    out += "</ul><div class=\"handout-link\">";
    if let Some((d, size)) = qr_path(link) {
        out += &format!(
            "<svg id=\"handout-qr\" class=\"handout-qr\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\"><path d=\"{d}\"/></svg>",
            esc(&messages.tr("handout-qr"))
        );
    }
    out += &format!(
        "<p>{}<br><span id=\"handout-url\">{}</span></p></div>",
        esc(&messages.tr("handout-link")),
        esc(link)
    );
    html! {
        <section id="handout" class="handout">{ Html::from_html_unchecked(out.into()) }</section>
    }
}
