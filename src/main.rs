//! Entry point of the browser app (built by Trunk for `wasm32`).

#[cfg(target_arch = "wasm32")]
fn main() {
    talentflow_web::start();
}

/// Natively there is nothing to run: the app lives in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
