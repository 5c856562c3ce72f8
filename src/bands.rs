//! Uncertainty bands, computed a slice at a time so that they never delay
//! the central curve.
//!
//! The central curve is one model run and is drawn in the same task as the
//! slider's `input` event. The bands need [`DEFAULT_DRAWS`] more runs (the
//! same draws and seed as `talentflow run --draws 200 --seed 1`), far more
//! than a frame allows. They run in short slices scheduled through a
//! `MessageChannel` (a task with no timer clamping, unlike
//! `setTimeout(0)`): each slice runs draws for about [`SLICE_MS`] and
//! yields, so input events and redraws get in between. A new scenario
//! abandons the slices of the old one; the bands are shown only for the
//! scenario they were computed for, never around another curve.
//!
//! The last builder is kept, done or not, with its scenario (`LAST`), and
//! the next scenario's builder takes it over (`BandsBuilder::new_after`):
//! while a reader drags a lever only levers change, so each draw already
//! run keeps its years before 2027 (the earliest policy start) and runs
//! 2027-2050 only, less than half of a full run, with exactly the same
//! numbers. A slice carries on with the kept builder only when it was made
//! for the slice's own scenario, so bands never mix scenarios.
//!
//! A Web Worker would run the draws off the main thread, but it needs a
//! second wasm instance (a second download of the model, or a second
//! bundle) and a worker script the strict Content Security Policy must
//! allow. Slices cost nothing extra to download, and at [`SLICE_MS`] they
//! keep the page's response to input within its budget.

use gloo_events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use talentflow_model::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
use talentflow_model::{Bands, BandsBuilder, Scenario};
use wasm_bindgen::JsValue;
use web_sys::{MessageChannel, MessagePort};
use yew::prelude::*;

thread_local! {
    /// The last builder and the scenario it was made for, done or not.
    static LAST: RefCell<Option<(Scenario, BandsBuilder)>> = const { RefCell::new(None) };
}

/// Milliseconds of draws per slice before yielding to the page.
pub const SLICE_MS: f64 = 4.0;

/// Bands and the scenario they belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioBands {
    /// The scenario the draws were made around.
    pub scenario: Scenario,
    /// Its bands.
    pub bands: Rc<Bands>,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The bands of `scenario` while `on`: `None` while they are being
/// computed (and when off); recomputed, in slices, whenever the scenario
/// changes.
#[hook]
pub fn use_bands(scenario: Scenario, on: bool) -> Option<Rc<Bands>> {
    let done = use_state(|| None::<ScenarioBands>);
    {
        let done = done.clone();
        use_effect_with((scenario, on), move |&(scenario, on)| {
            let mut cleanup: Option<(MessagePort, EventListener)> = None;
            let finished = done.as_ref().is_some_and(|d| d.scenario == scenario);
            if on && !finished {
                match MessageChannel::new() {
                    Ok(channel) => {
                        let receiver = channel.port1();
                        let sender = channel.port2();
                        let on_slice = EventListener::new(&receiver, "message", move |_| {
                            let started = now();
                            LAST.with_borrow_mut(|slot| {
                                if !matches!(slot, Some((s, _)) if *s == scenario) {
                                    match BandsBuilder::new_after(
                                        slot.take().map(|(_, b)| b),
                                        &scenario,
                                        DEFAULT_DRAWS,
                                        DEFAULT_SEED,
                                    ) {
                                        Ok(b) => *slot = Some((scenario, b)),
                                        Err(e) => {
                                            web_sys::console::error_1(&e.to_string().into());
                                            return;
                                        }
                                    }
                                }
                                let Some((_, b)) = slot.as_mut() else { return };
                                while !b.is_done() && now() - started < SLICE_MS {
                                    b.step(2);
                                }
                                if b.is_done() {
                                    match b.bands() {
                                        Ok(bands) => done.set(Some(ScenarioBands {
                                            scenario,
                                            bands: Rc::new(bands),
                                        })),
                                        Err(e) => web_sys::console::error_1(&e.to_string().into()),
                                    }
                                } else if let Err(e) = sender.post_message(&JsValue::NULL) {
                                    web_sys::console::error_1(&e);
                                }
                            })
                        });
                        // A port heard through addEventListener is started by hand.
                        receiver.start();
                        if let Err(e) = channel.port2().post_message(&JsValue::NULL) {
                            web_sys::console::error_1(&e);
                        }
                        cleanup = Some((receiver, on_slice));
                    }
                    Err(e) => web_sys::console::error_2(&"cannot compute the bands:".into(), &e),
                }
            }
            move || {
                if let Some((receiver, on_slice)) = cleanup {
                    drop(on_slice);
                    receiver.close();
                }
            }
        });
    }
    match done.as_ref() {
        Some(d) if on && d.scenario == scenario => Some(d.bands.clone()),
        _ => None,
    }
}
