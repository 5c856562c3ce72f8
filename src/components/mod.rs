//! The app's components, one per file.

pub mod app;
pub mod bands_toggle;
pub mod chart_access;
pub mod chart_panel;
pub mod compare;
pub mod dock;
pub mod evidence;
pub mod guide;
pub mod handout;
pub mod keep;
pub mod lang_switch;
pub mod ledger;
pub mod legend;
pub mod model_page;
pub mod notices;
pub mod presets;
pub mod share;
pub mod slider;
pub mod sources_section;
pub mod tornado;
pub mod why_changed;
