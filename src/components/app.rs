//! The page: title, sliders, charts and sources.

use super::chart_panel::{ChartPanel, Layout};
use super::slider::Slider;
use super::sources_section::SourcesSection;
use crate::charts::{summary, CHARTS, RETENTION, WHERE};
use crate::i18n::Messages;
use crate::state::{Action, AppState};
use talentflow_messages::Lang;
use talentflow_model::{simulate, Group, Kind, Scenario, MODEL_VERSION, PARAMS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The current viewport size and pixel ratio.
fn current_layout() -> Layout {
    match web_sys::window() {
        Some(w) => Layout {
            width: w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
            height: w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0),
            pixel_ratio: w.device_pixel_ratio(),
        },
        None => Layout::default(),
    }
}

/// Tracks the viewport, so that charts are resized and redrawn when it
/// changes (rotation, window resize, zoom).
#[hook]
fn use_layout() -> Layout {
    let layout = use_state_eq(current_layout);
    {
        let layout = layout.clone();
        use_effect_with((), move |_| {
            let on_resize = Closure::<dyn Fn()>::new(move || layout.set(current_layout()));
            let window = web_sys::window();
            if let Some(w) = &window {
                if let Err(e) =
                    w.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref())
                {
                    web_sys::console::error_2(&"cannot follow window resizes:".into(), &e);
                }
            }
            move || {
                if let Some(w) = &window {
                    if let Err(e) = w.remove_event_listener_with_callback(
                        "resize",
                        on_resize.as_ref().unchecked_ref(),
                    ) {
                        web_sys::console::error_2(
                            &"cannot stop following window resizes:".into(),
                            &e,
                        );
                    }
                }
                drop(on_resize);
            }
        });
    }
    *layout
}

/// Properties of [`App`] (none).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {}

/// The whole app.
#[function_component]
pub fn App(_props: &AppProps) -> Html {
    let messages = use_memo((), |_| Messages::load(Lang::En));
    let messages: Messages = (*messages).clone();
    let state = use_reducer(AppState::default);
    let scenario = state.scenario;
    // One model run per change of scenario; never in any other render.
    let run = use_memo(scenario, simulate);
    let baseline = use_memo((), |_| simulate(&Scenario::baseline()));
    let layout = use_layout();

    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(action)
        })
    };
    let on_reset = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Reset))
    };

    let slider = |group: Group| -> Html {
        PARAMS
            .iter()
            .filter(|p| p.kind == Kind::Lever && p.group == group)
            .map(|p| html! { <Slider key={p.key} id={p.id} value={scenario.get(p.id)} on_action={on_action.clone()} /> })
            .collect()
    };
    let changed = scenario.changed().count();
    let status = if changed == 0 {
        messages.tr("app-scenario-baseline")
    } else {
        messages.format("app-scenario-changed", &[("count", &changed.to_string())])
    };
    let show_baseline = changed > 0;

    html! {
        <ContextProvider<Messages> context={messages.clone()}>
            <header class="page-header">
                <h1>{ messages.tr("app-title") }</h1>
                <p class="subtitle">{ messages.tr("app-subtitle") }</p>
            </header>
            <main class="layout">
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading">{ messages.tr("app-controls-heading") }</h2>
                    <p class="intro">{ messages.tr("app-controls-intro") }</p>
                    { slider(Group::Main) }
                    // On a phone the charts are below the fold: say at once
                    // what the sliders just did (hidden beside the charts).
                    <div class="headline" id="scenario-headline">
                        <p>{ summary(&messages, &RETENTION, &run, &baseline) }</p>
                        <p>{ summary(&messages, &WHERE, &run, &baseline) }</p>
                        <a href="#chart-retention-title">{ messages.tr("app-see-charts") }</a>
                    </div>
                    <details id="advanced">
                        <summary>{ messages.tr("app-advanced") }</summary>
                        { slider(Group::Advanced) }
                    </details>
                    <div class="scenario-status">
                        <p id="scenario-status" role="status">{ status }</p>
                        <button id="reset" type="button" onclick={on_reset}>{ messages.tr("app-reset") }</button>
                    </div>
                </section>
                <section class="charts" aria-labelledby="charts-heading">
                    <h2 id="charts-heading" class="visually-hidden">{ messages.tr("app-charts-heading") }</h2>
                    { for CHARTS.iter().map(|desc| html! {
                        <ChartPanel
                            key={desc.name}
                            desc={*desc}
                            run={run.clone()}
                            baseline={baseline.clone()}
                            {show_baseline}
                            {layout}
                        />
                    }) }
                </section>
            </main>
            <SourcesSection />
            <footer class="page-footer">
                <p>{ messages.tr("app-privacy") }{ " " }{ messages.format("app-model-version", &[("version", MODEL_VERSION)]) }</p>
            </footer>
        </ContextProvider<Messages>>
    }
}
