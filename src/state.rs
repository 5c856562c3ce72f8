//! The app's domain state: the reader's scenario, the preset it came from,
//! the pinned scenarios and the chart view, changed only through
//! [`Action`]s by one reducer, with undo and redo of setting changes.
//! Derived results (model runs) are never stored here; the app memoises
//! them from the scenarios.

use std::rc::Rc;
use talentflow_model::challenges::CHALLENGES;
use talentflow_model::query::quantize;
use talentflow_model::story::STORY;
use talentflow_model::{ParamId, Scenario, PRESETS};
use yew::Reducible;

/// How many scenarios the reader can pin beside the current one.
pub const MAX_PINS: usize = 3;
/// How many setting changes undo remembers.
pub const MAX_UNDO: usize = 100;

/// What the charts plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChartView {
    /// The values themselves.
    #[default]
    Level,
    /// Each scenario minus the baseline.
    Difference,
}

impl ChartView {
    /// Its name in the URL (`view=diff`; the level view is the default and
    /// not written).
    pub fn query_name(self) -> &'static str {
        match self {
            ChartView::Level => "level",
            ChartView::Difference => "diff",
        }
    }
    /// The view named in a URL, if any.
    pub fn from_query_name(name: &str) -> Option<ChartView> {
        match name {
            "level" => Some(ChartView::Level),
            "diff" => Some(ChartView::Difference),
            _ => None,
        }
    }
}

/// The settings undo and redo move between.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The scenario the charts show. Always valid: every way in clamps.
    pub scenario: Scenario,
    /// Index into [`PRESETS`] of the preset the reader last picked (the
    /// scenario may since have been modified).
    pub preset: Option<usize>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scenario: Scenario::baseline(),
            preset: None,
        }
    }
}

/// A scenario pinned for comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pin {
    /// Its settings.
    pub scenario: Scenario,
    /// The preset it equals, if it equalled one when pinned.
    pub preset: Option<usize>,
}

/// Everything the reader has chosen.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    /// The scenario the charts show. Always valid: every way in clamps.
    pub scenario: Scenario,
    /// Index into [`PRESETS`] of the preset last picked.
    pub preset: Option<usize>,
    /// Scenarios pinned for comparison, at most [`MAX_PINS`].
    pub pins: Vec<Pin>,
    /// Levels or difference from the baseline.
    pub view: ChartView,
    /// Whether the charts show uncertainty bands (50% and 90% ranges).
    pub bands: bool,
    /// Earlier settings, the most recent last.
    pub undo: Vec<Settings>,
    /// Settings undone, the most recently undone last.
    pub redo: Vec<Settings>,
    /// The parameter the last change moved: further moves of the same
    /// slider (a drag) join that one undo step.
    pub last_moved: Option<ParamId>,
    /// The step of the guided story being shown (index into `STORY`).
    pub story: Option<usize>,
    /// The challenge card being worked on (index into `CHALLENGES`).
    pub challenge: Option<usize>,
}

/// A change the reader asks for.
// Actions are dispatched one at a time and never kept in bulk, so the
// size of the variant that carries whole settings costs nothing worth a
// box (which would also make every action non-`Copy`).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Set a parameter to a value; clamped into the parameter's range from
    /// the parameter table (a non-finite value becomes its default) and
    /// rounded as the URL writes it.
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
    /// Take the settings of the preset at this index of [`PRESETS`] (an
    /// index out of range does nothing).
    ApplyPreset(usize),
    /// Replace the settings (a loaded file or saved scenario).
    Load(Settings),
    /// Go back one setting change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Pin the current scenario for comparison (ignored when it is pinned
    /// already or [`MAX_PINS`] are pinned).
    Pin,
    /// Remove the pin at this index.
    Unpin(usize),
    /// Switch between levels and difference from the baseline.
    SetView(ChartView),
    /// Show or hide the uncertainty bands.
    ShowBands(bool),
    /// The reader let go of a slider: its next move starts a new undo step.
    EndDrag,
    /// Show this step of the guided story and take its settings (one undo
    /// step); `None` closes the story and keeps the settings. Closes any
    /// challenge; an index out of range does nothing.
    Story(Option<usize>),
    /// Open this challenge card from its start settings (one undo step);
    /// `None` closes it and keeps the settings. Closes the story.
    Challenge(Option<usize>),
}

impl AppState {
    /// A state showing `settings`, with nothing to undo.
    pub fn with_settings(settings: Settings) -> AppState {
        AppState {
            scenario: settings.scenario,
            preset: settings.preset.filter(|i| *i < PRESETS.len()),
            ..AppState::default()
        }
    }

    /// The settings undo would return to.
    pub fn settings(&self) -> Settings {
        Settings {
            scenario: self.scenario,
            preset: self.preset,
        }
    }

    /// Whether the scenario differs from the preset last picked.
    pub fn is_modified(&self) -> bool {
        match self.preset.and_then(|i| PRESETS.get(i)) {
            Some(p) => p.scenario() != self.scenario,
            None => false,
        }
    }

    /// The preset whose settings the scenario equals, if any (the picked
    /// one first).
    pub fn matching_preset(&self) -> Option<usize> {
        if self.preset.is_some() && !self.is_modified() {
            return self.preset;
        }
        PRESETS.iter().position(|p| p.scenario() == self.scenario)
    }

    /// Whether there is a change to undo / to redo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The state after `action`. Pure: no side effects.
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::Set { id, value } => next.change(Some(id), |s| {
                s.scenario.set_clamped(id, quantize(id.spec(), value));
            }),
            Action::SetPosition { id, position } => {
                let value = id.spec().value_from_position(position);
                next.change(Some(id), |s| {
                    s.scenario.set_clamped(id, quantize(id.spec(), value));
                })
            }
            Action::Reset => next.change(None, |s| {
                *s = Settings::default();
            }),
            Action::ApplyPreset(index) => {
                if let Some(p) = PRESETS.get(index) {
                    next.change(None, |s| {
                        s.scenario = p.scenario();
                        s.preset = Some(index);
                    })
                }
            }
            Action::Load(settings) => next.change(None, |s| {
                s.scenario = settings.scenario;
                s.preset = settings.preset.filter(|i| *i < PRESETS.len());
            }),
            Action::Undo => {
                if let Some(previous) = next.undo.pop() {
                    next.redo.push(next.settings());
                    next.scenario = previous.scenario;
                    next.preset = previous.preset;
                    next.last_moved = None;
                }
            }
            Action::Redo => {
                if let Some(undone) = next.redo.pop() {
                    next.undo.push(next.settings());
                    next.scenario = undone.scenario;
                    next.preset = undone.preset;
                    next.last_moved = None;
                }
            }
            Action::Pin => {
                let pin = Pin {
                    scenario: next.scenario,
                    preset: next.matching_preset(),
                };
                let pinned = next.pins.iter().any(|p| p.scenario == pin.scenario);
                if !pinned && next.pins.len() < MAX_PINS {
                    next.pins.push(pin);
                }
            }
            Action::Unpin(index) => {
                if index < next.pins.len() {
                    next.pins.remove(index);
                }
            }
            Action::SetView(view) => next.view = view,
            Action::ShowBands(on) => next.bands = on,
            Action::EndDrag => next.last_moved = None,
            Action::Story(step) => match step.and_then(|i| STORY.get(i).map(|s| (i, s))) {
                Some((i, s)) => {
                    next.story = Some(i);
                    next.challenge = None;
                    next.change(None, |settings| {
                        settings.scenario = s.scenario();
                        settings.preset = None;
                    });
                }
                None if step.is_none() => next.story = None,
                None => {}
            },
            Action::Challenge(card) => match card.and_then(|i| CHALLENGES.get(i).map(|c| (i, c))) {
                Some((i, c)) => {
                    next.challenge = Some(i);
                    next.story = None;
                    next.change(None, |settings| {
                        settings.scenario = c.start_scenario();
                        settings.preset = None;
                    });
                }
                None if card.is_none() => next.challenge = None,
                None => {}
            },
        }
        next
    }

    /// Apply a change of settings as one undo step (a run of moves of the
    /// same slider joins one step). A change that changes nothing leaves
    /// the history alone.
    fn change(&mut self, moved: Option<ParamId>, edit: impl FnOnce(&mut Settings)) {
        let before = self.settings();
        let mut after = before;
        edit(&mut after);
        if after == before {
            return;
        }
        let joins = moved.is_some() && moved == self.last_moved;
        if !joins {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.scenario = after.scenario;
        self.preset = after.preset;
        self.last_moved = moved;
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
