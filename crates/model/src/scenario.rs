//! A scenario: one value for every parameter, always inside its range.

use crate::params::{ParamId, ParamSpec, PARAMS, PARAM_COUNT};
use std::fmt;

/// One value per parameter, indexed by [`ParamId`]. Every value is finite
/// and inside its row's `[min, max]`: the only ways in are [`Scenario::set`]
/// (which refuses bad values) and [`Scenario::set_clamped`] (which mends
/// them), so the model never sees an invalid scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    values: [f64; PARAM_COUNT],
}

/// Why a value was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    /// No parameter has this key.
    UnknownKey { key: String },
    /// The text is not a number.
    NotANumber {
        key: &'static str,
        text: String,
        min: f64,
        max: f64,
    },
    /// The number is outside the parameter's range.
    OutOfRange {
        key: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::UnknownKey { key } => {
                write!(f, "unknown parameter '{key}' (see `talentflow params`)")
            }
            ParamError::NotANumber {
                key,
                text,
                min,
                max,
            } => {
                write!(
                    f,
                    "{key}: '{text}' is not a number (allowed range {min} to {max})"
                )
            }
            ParamError::OutOfRange {
                key,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "{key}: {value} is out of range (allowed range {min} to {max})"
                )
            }
        }
    }
}

impl std::error::Error for ParamError {}

impl Default for Scenario {
    fn default() -> Self {
        Self::baseline()
    }
}

impl Scenario {
    /// Every parameter at its default: today's policies continued.
    pub fn baseline() -> Self {
        let mut values = [0.0; PARAM_COUNT];
        for (v, p) in values.iter_mut().zip(PARAMS.iter()) {
            *v = p.default;
        }
        Scenario { values }
    }

    /// The value of one parameter.
    pub fn get(&self, id: ParamId) -> f64 {
        self.values[id.index()]
    }

    /// Set a value, refusing one that is not finite or out of range.
    pub fn set(&mut self, id: ParamId, value: f64) -> Result<(), ParamError> {
        let spec = id.spec();
        if !spec.contains(value) {
            return Err(ParamError::OutOfRange {
                key: spec.key,
                value,
                min: spec.min,
                max: spec.max,
            });
        }
        self.values[id.index()] = value;
        Ok(())
    }

    /// Set a value, clamping it into range (a non-finite value becomes the
    /// default). Returns the value stored.
    pub fn set_clamped(&mut self, id: ParamId, value: f64) -> f64 {
        let v = id.spec().clamp(value);
        self.values[id.index()] = v;
        v
    }

    /// Parse `key=value` text (as on the command line) and set it strictly.
    pub fn set_from_text(&mut self, key: &str, text: &str) -> Result<ParamId, ParamError> {
        let id = ParamId::from_key(key).ok_or_else(|| ParamError::UnknownKey {
            key: key.to_string(),
        })?;
        let spec: &ParamSpec = id.spec();
        let value: f64 =
            crate::decimal::parse(text.trim()).ok_or_else(|| ParamError::NotANumber {
                key: spec.key,
                text: text.to_string(),
                min: spec.min,
                max: spec.max,
            })?;
        if !value.is_finite() {
            return Err(ParamError::NotANumber {
                key: spec.key,
                text: text.to_string(),
                min: spec.min,
                max: spec.max,
            });
        }
        self.set(id, value)?;
        Ok(id)
    }

    /// Whether every parameter is at its default.
    pub fn is_baseline(&self) -> bool {
        *self == Scenario::baseline()
    }

    /// Ids of the parameters that differ from their default.
    pub fn changed(&self) -> impl Iterator<Item = ParamId> + '_ {
        ParamId::ALL
            .into_iter()
            .filter(move |id| self.get(*id) != id.spec().default)
    }

    /// The policy start year as a whole year.
    pub fn policy_start_year(&self) -> i32 {
        self.get(ParamId::PolicyStartYear).round() as i32
    }
}
