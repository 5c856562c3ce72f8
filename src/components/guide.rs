//! The guided story and the challenge cards: the entry row (tell me the
//! story, pick a challenge, print a handout, the teachers' page), the
//! story's panel (a step's text with the numbers of its own model run, the
//! chart part it points at, its sources, back and next by button and by
//! arrow keys) and a card's live check (each goal's value against its
//! target with a progress meter, each slider rule kept or broken).
//!
//! The steps and cards are data in the model (`talentflow_model::story`,
//! `talentflow_model::challenges`); their text is in the story pack. The
//! chart a step points at is outlined by the stylesheet, from the panel's
//! `data-chart` attribute. Plain functions, not components: each
//! component type costs the bundle several kilobytes.

use crate::charts::CHARTS;
use crate::format::{esc, param_value_text, people_digits_in, percent_digits_in};
use crate::i18n::{Messages, PackLoader};
use crate::state::{Action, AppState};
use std::cell::RefCell;
use std::rc::Rc;
use talentflow_messages::{Lang, Pack};
use talentflow_model::challenges::{Cmp, Threshold, CHALLENGES};
use talentflow_model::story::{Quoted, STORY};
use talentflow_model::{fact, simulate, Measure, Run, Scenario, SeriesId};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

thread_local! {
    /// The last run of a step's or a card's own settings, so that moving
    /// a slider while the story or a card is open runs the model once.
    static OWN_RUN: RefCell<Option<(Scenario, Rc<Run>)>> = const { RefCell::new(None) };
}

/// The run of `scenario`: the page's run when it is the current one, else
/// the one kept from last time, else a new one.
fn run_of(scenario: Scenario, current: &Scenario, current_run: &Rc<Run>) -> Rc<Run> {
    if scenario == *current {
        return current_run.clone();
    }
    OWN_RUN.with(|kept| {
        let mut kept = kept.borrow_mut();
        match &*kept {
            Some((s, run)) if *s == scenario => run.clone(),
            _ => {
                let run = Rc::new(simulate(&scenario));
                *kept = Some((scenario, run.clone()));
                run
            }
        }
    })
}

/// A value of `series` for the reader: a percentage (`73%`) or a number
/// of people.
pub fn series_value(lang: Lang, series: SeriesId, value: f64) -> String {
    match series.spec().measure {
        Measure::Share => format!("{}%", percent_digits_in(lang, Some(value))),
        _ => people_digits_in(lang, Some(value)),
    }
}

/// "Sources:" and a link to each fact's own page, as markup text.
pub fn source_links(messages: &Messages, ids: &[&str]) -> String {
    let mut out = format!(
        "<p class=\"help guide-sources\">{} ",
        esc(&messages.tr("story-sources"))
    );
    for (i, f) in ids.iter().filter_map(|id| fact(id)).enumerate() {
        out += &format!(
            "{}<a href=\"{}\" target=\"_blank\" rel=\"noopener\" title=\"{}\">{}</a>",
            if i > 0 { "; " } else { "" },
            esc(f.url),
            esc(f.title),
            esc(f.publisher)
        );
    }
    out + "</p>"
}

/// A button that sends `action` (one function for every button here: each
/// inlined copy of a button's markup costs the bundle hundreds of bytes).
#[inline(never)]
fn action_button(
    id: &'static str,
    label: String,
    action: Action,
    on_action: &Callback<Action>,
    enabled: bool,
) -> Html {
    let on_action = on_action.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(action));
    html! { <button {id} type="button" {onclick} disabled={!enabled}>{ label }</button> }
}

/// The row that opens the story, a challenge card, the print dialog and
/// the teachers' page.
pub fn guide_bar(state: &AppState, on_action: &Callback<Action>, messages: &Messages) -> Html {
    let pick = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                on_action.emit(Action::Challenge(select.value().parse::<usize>().ok()));
            }
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(Err(e)) = web_sys::window().map(|w| w.print()) {
            web_sys::console::warn_2(&"cannot open the print dialog:".into(), &e);
        }
    });
    let teach = match messages.lang() {
        Lang::Zh => "teach.zh-CN.html",
        Lang::En => "teach.html",
    };
    html! {
        <div class="guide-bar">
            { action_button("story-open", messages.tr("guide-story-open"), Action::Story(Some(0)), on_action, state.story.is_none()) }
            <label for="challenge-pick">{ messages.tr("guide-challenge-label") }</label>
            <select id="challenge-pick" onchange={pick}>
                <option value="" selected={state.challenge.is_none()}>{ messages.tr("guide-challenge-none") }</option>
                { for CHALLENGES.iter().enumerate().map(|(i, c)| html! {
                    <option value={i.to_string()} selected={state.challenge == Some(i)}>{ messages.tr(&c.name_key()) }</option>
                }) }
            </select>
            <button id="print-handout" type="button" onclick={print}>{ messages.tr("guide-print") }</button>
            <a id="teach-link" href={teach}>{ messages.tr("guide-teach") }</a>
        </div>
    }
}

/// The story's panel at `state.story`, or nothing.
pub fn story_panel(
    state: &AppState,
    run: &Rc<Run>,
    on_action: &Callback<Action>,
    messages: &Messages,
) -> Html {
    let Some((index, step)) = state.story.and_then(|i| STORY.get(i).map(|s| (i, s))) else {
        return html! {};
    };
    let lang = messages.lang();
    let own = step.scenario();
    let step_run = run_of(own, &state.scenario, run);
    let quoted: Vec<(&str, String)> = step
        .quoted(&step_run)
        .map(|(q, v)| {
            let text = match v {
                Some(Quoted::Number(series, value)) => series_value(lang, series, value),
                Some(Quoted::Text(text)) => text.to_string(),
                None => "–".to_string(),
            };
            (q.name(), text)
        })
        .collect();
    let args: Vec<(&str, &str)> = quoted.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let highlight = step.highlight;
    let chart = CHARTS
        .iter()
        .find(|c| c.lines.iter().any(|l| l.series == highlight.series));
    let chart_name = chart.map(|c| c.name).unwrap_or_default();
    let look = chart.map(|c| {
        messages.format(
            "story-look",
            &[
                ("chart", &messages.tr(&c.key("title"))),
                ("from", &lang.numbers().year(highlight.from)),
                ("to", &lang.numbers().year(highlight.to)),
            ],
        )
    });
    let last = STORY.len() - 1;
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowLeft" if index > 0 => index - 1,
                "ArrowRight" if index < last => index + 1,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(Action::Story(Some(to)));
        })
    };
    let moved = state.scenario != own;
    let mut text = format!(
        "<p class=\"story-count\">{}</p><h3 id=\"story-title\">{}</h3><p id=\"story-text\">{}</p>",
        esc(&messages.format(
            "story-heading",
            &[
                ("step", &(index + 1).to_string()),
                ("count", &STORY.len().to_string()),
            ]
        )),
        esc(&messages.tr(&step.title_key())),
        esc(&messages.format(&step.text_key(), &args)),
    );
    if let Some(look) = look {
        text += &format!(
            "<p id=\"story-look\" class=\"story-look\">{}</p>",
            esc(&look)
        );
    }
    text += &source_links(messages, step.sources);
    html! {
        <section id="story" class="story" tabindex="0" data-chart={chart_name}
            aria-labelledby="story-title" {onkeydown}>
            { Html::from_html_unchecked(text.into()) }
            { for moved.then(|| html! {
                <p class="story-moved">{ messages.tr("story-moved") }{ " " }
                    { action_button("story-restore", messages.tr("story-restore"), Action::Story(Some(index)), on_action, true) }
                </p>
            }) }
            <div class="story-nav">
                { action_button("story-back", messages.tr("story-back"), Action::Story(Some(index.saturating_sub(1))), on_action, index > 0) }
                { action_button("story-next", messages.tr("story-next"), Action::Story(Some((index + 1).min(last))), on_action, index < last) }
                { action_button("story-close", messages.tr("story-close"), Action::Story(None), on_action, true) }
            </div>
            <p class="help">{ messages.tr("story-keys") }</p>
        </section>
    }
}

/// The challenge card at `state.challenge`, checked against the current
/// scenario, or nothing.
pub fn challenge_card(
    state: &AppState,
    run: &Rc<Run>,
    on_action: &Callback<Action>,
    messages: &Messages,
) -> Html {
    let Some((index, card)) = state
        .challenge
        .and_then(|i| CHALLENGES.get(i).map(|c| (i, c)))
    else {
        return html! {};
    };
    let lang = messages.lang();
    let start = run_of(card.start_scenario(), &state.scenario, run);
    let evaluation = card.evaluate(&state.scenario, run, &start);
    let limit = |cmp: Cmp, value: String| {
        let key = match cmp {
            Cmp::AtLeast => "challenge-at-least",
            Cmp::AtMost => "challenge-at-most",
        };
        messages.format(key, &[("value", &value)])
    };
    let mut text = format!(
        "<h3 id=\"challenge-title\">{}</h3><p>{}</p>",
        esc(&messages.format(
            "challenge-heading",
            &[("name", &messages.tr(&card.name_key()))]
        )),
        esc(&messages.tr(&card.task_key()))
    );
    for (i, g) in evaluation.goals.iter().enumerate() {
        let series = g.goal.series;
        let mut target = series_value(lang, series, g.target);
        if let Threshold::LevelIn(year) = g.goal.threshold {
            target = format!("{target} ({})", lang.numbers().year(year));
        }
        let goal = messages.format(
            "challenge-goal",
            &[
                (
                    "outcome",
                    &messages.tr(&format!("outcome-{}", series.key())),
                ),
                ("year", &lang.numbers().year(g.goal.year)),
                ("value", &series_value(lang, series, g.value)),
                ("target", &limit(g.goal.cmp, target)),
            ],
        );
        // Progress in thousandths: the meter's value needs no float text.
        let permille = (g.progress * 1000.0).round() as u32;
        text += &format!(
            "<div class=\"challenge-goal{}\"><p id=\"challenge-goal-{i}\">{}</p><meter id=\"challenge-meter-{i}\" min=\"0\" max=\"1000\" low=\"500\" high=\"999\" optimum=\"1000\" value=\"{permille}\" aria-label=\"{}\">{}%</meter></div>",
            if g.met { " met" } else { "" },
            esc(&goal),
            esc(&messages.tr("challenge-progress")),
            permille / 10
        );
    }
    for (c, kept) in card.constraints.iter().zip(&evaluation.constraints) {
        let spec = c.param.spec();
        let rule = messages.format(
            "challenge-rule",
            &[
                ("name", &messages.tr(&spec.label_key())),
                (
                    "limit",
                    &limit(c.cmp, param_value_text(messages, spec, c.value)),
                ),
            ],
        );
        let (class, verdict) = if *kept {
            ("challenge-rule", "challenge-rule-kept")
        } else {
            ("challenge-rule broken", "challenge-rule-broken")
        };
        text += &format!(
            "<p class=\"{class}\">{} <strong>{}</strong></p>",
            esc(&rule),
            esc(&messages.tr(verdict))
        );
    }
    let met = evaluation.met();
    text += &format!(
        "<p id=\"challenge-status\" role=\"status\" class=\"challenge-status{}\">{}</p>",
        if met { " met" } else { "" },
        esc(&messages.tr(if met {
            "challenge-met"
        } else {
            "challenge-not-met"
        }))
    );
    text += &source_links(messages, card.sources);
    html! {
        <section id="challenge" class="challenge" aria-labelledby="challenge-title">
            { Html::from_html_unchecked(text.into()) }
            <div class="story-nav">
                { action_button("challenge-restart", messages.tr("challenge-restart"), Action::Challenge(Some(index)), on_action, true) }
                { action_button("challenge-close", messages.tr("challenge-close"), Action::Challenge(None), on_action, true) }
            </div>
        </section>
    }
}

/// Whether the story pack's messages are in the catalog; asks for them
/// while the story or a challenge card is open (they are not part of the
/// first visit).
#[hook]
pub fn use_story_pack(state: &AppState, loader: &PackLoader) -> bool {
    let open = state.story.is_some() || state.challenge.is_some();
    let loaded = loader.loaded.contains(&Pack::Story);
    let request = loader.request.clone();
    use_effect_with((open, loaded), move |(open, loaded)| {
        if *open && !*loaded {
            request.emit(Pack::Story);
        }
    });
    loaded
}

/// Everything above for the page: the entry row (not in the embed
/// layout), then the story's panel or the challenge card once their text
/// (the story pack) has loaded.
pub fn guide(
    state: &AppState,
    run: &Rc<Run>,
    on_action: &Callback<Action>,
    messages: &Messages,
    embed: bool,
    loaded: bool,
) -> Html {
    html! {
        <>
            { for (!embed).then(|| guide_bar(state, on_action, messages)) }
            { for loaded.then(|| story_panel(state, run, on_action, messages)) }
            { for loaded.then(|| challenge_card(state, run, on_action, messages)) }
        </>
    }
}
