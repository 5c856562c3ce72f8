//! The app's domain state: the reader's scenario, changed only through
//! [`Action`]s by one reducer. Derived results (the model run) are never
//! stored here; the app memoises them from the scenario.

use std::rc::Rc;
use talentflow_model::{ParamId, Scenario};
use yew::Reducible;

/// Everything the reader has chosen.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct AppState {
    /// The scenario the charts show. Always valid: every way in clamps.
    pub scenario: Scenario,
}

/// A change the reader asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Set a parameter to a value; clamped into the parameter's range from
    /// the parameter table (a non-finite value becomes its default).
    Set {
        /// Which parameter.
        id: ParamId,
        /// The value in the parameter's own unit.
        value: f64,
    },
    /// Set a parameter from a slider track position, 0..1, mapped through
    /// the parameter's scale (linear or log) and rounded to its step.
    SetPosition {
        /// Which parameter.
        id: ParamId,
        /// Track position, 0 at the minimum and 1 at the maximum.
        position: f64,
    },
    /// Return every parameter to its baseline default.
    Reset,
}

impl AppState {
    /// The state after `action`. Pure: no side effects, no allocation.
    pub fn apply(&self, action: Action) -> AppState {
        let mut scenario = self.scenario;
        match action {
            Action::Set { id, value } => {
                scenario.set_clamped(id, value);
            }
            Action::SetPosition { id, position } => {
                let value = id.spec().value_from_position(position);
                scenario.set_clamped(id, value);
            }
            Action::Reset => scenario = Scenario::baseline(),
        }
        AppState { scenario }
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Returns the same `Rc` when nothing changed, so that an `input` event
    /// that does not move the value causes no re-render and no model run.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
