//! The app's components, one per file.

pub mod app;
pub mod chart_panel;
pub mod legend;
pub mod slider;
pub mod sources_section;
