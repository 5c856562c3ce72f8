//! The charts of Talent Flow Explorer: described as data ([`charts`]) and
//! drawn by one function generic over plotters' `DrawingBackend`
//! ([`chart`]). The browser app draws them on a canvas (its own backend,
//! `src/canvas.rs`); natively, [`svg`] draws them as SVG for the command
//! line (`talentflow chart`) and for the charts the build writes into the
//! page before the WebAssembly arrives. No web crate: the same code runs
//! natively and in wasm.

pub mod chart;
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod svg;
