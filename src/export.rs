//! Functions exported to JavaScript (and so to end-to-end tests and
//! embedding pages). Errors become JS values here and nowhere else.

use talentflow_model::{simulate, ParamError, ParamId, Scenario};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Build a scenario from `(key, value)` pairs, strictly: an unknown key or
/// a value outside its range is refused with the model's own message.
/// Parameters not named keep their baseline defaults.
pub fn scenario_from_settings<'a, I>(settings: I) -> Result<Scenario, ParamError>
where
    I: IntoIterator<Item = (&'a str, f64)>,
{
    let mut scenario = Scenario::baseline();
    for (key, value) in settings {
        let id = ParamId::from_key(key).ok_or_else(|| ParamError::UnknownKey {
            key: key.to_string(),
        })?;
        scenario.set(id, value)?;
    }
    Ok(scenario)
}

/// The model's CSV output (the same text as `talentflow run --csv`) for a
/// scenario given as a plain object of parameter keys and numbers, e.g.
/// `scenario_csv({ visa_restrictions: 60 })`; `undefined`, `null` or `{}`
/// give the baseline. Throws an `Error` whose message is the model's for an
/// unknown key or an out-of-range value, or the decoder's for a value that
/// is not a number.
#[wasm_bindgen]
pub fn scenario_csv(settings: JsValue) -> Result<String, JsValue> {
    // Read the object by hand (no serde: it cost the bundle kilobytes).
    let mut map: Vec<(String, f64)> = Vec::new();
    if !(settings.is_undefined() || settings.is_null()) {
        if !settings.is_object() {
            return Err(js_error(
                "settings must be an object of parameter keys and numbers",
            ));
        }
        for entry in js_sys::Object::entries(settings.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = pair
                .get(1)
                .as_f64()
                .ok_or_else(|| js_error(&format!("{key}: the value is not a number")))?;
            map.push((key, value));
        }
    }
    let scenario = scenario_from_settings(map.iter().map(|(k, v)| (k.as_str(), *v)))
        .map_err(|e| js_error(&e.to_string()))?;
    Ok(simulate(&scenario).to_csv())
}

/// The model's CSV output for the scenario in a query string, decoded as
/// the page decodes its own address and `talentflow run --query` decodes
/// its argument (damaged parts are mended, never refused), so the three
/// agree. `query_csv(location.search)` is the CSV of the page's scenario.
#[wasm_bindgen]
pub fn query_csv(query: &str) -> String {
    simulate(&talentflow_model::query::decode(query).scenario).to_csv()
}

/// Milliseconds per model run, averaged over `runs` runs of scenarios
/// that alternate between the baseline and a changed one: as slider moves
/// (the history before the policy start is remembered), or with `full`
/// from the burn-in every time, as an uncertainty draw. For the benchmark
/// (`scripts/bench.sh`), which compares it with the native figures (the
/// `runs` example, same workload). Only in the test build (feature
/// `test-hooks`).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn model_run_time_ms(runs: u32, full: bool) -> f64 {
    let baseline = Scenario::baseline();
    let mut changed = baseline;
    changed.set_clamped(ParamId::VisaRestrictions, 60.0);
    let run = if full {
        talentflow_model::simulate_uncached
    } else {
        simulate
    };
    let runs = runs.max(1);
    let started = js_sys::Date::now();
    let mut checksum = 0.0;
    for i in 0..runs {
        let scenario = if i % 2 == 0 { &baseline } else { &changed };
        checksum += run(std::hint::black_box(scenario))
            .value(talentflow_model::SeriesId::Cohort2019InUs, 2050)
            .unwrap_or(0.0);
    }
    let elapsed = js_sys::Date::now() - started;
    std::hint::black_box(checksum);
    elapsed / f64::from(runs)
}

/// Raises an internal error (a panic), so that the browser tests can check
/// what a reader would see if one ever happened: the error panel, not a
/// blank page. Only in the test build (feature `test-hooks`).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen]
pub fn raise_internal_error_for_tests() {
    panic!("internal error raised on purpose by a test");
}

/// The version of the model, for exported files and links.
#[wasm_bindgen]
pub fn model_version() -> String {
    talentflow_model::MODEL_VERSION.to_string()
}

/// Call `done(true, value)` when `promise` resolves, `done(false, reason)`
/// when it rejects (a clipboard write, a file read, a fetch). The promise
/// is awaited as a future (`wasm-bindgen-futures`), whose callbacks are
/// released once it has settled: nothing is left behind per call.
pub fn on_settled(promise: &js_sys::Promise, done: impl FnOnce(bool, JsValue) + 'static) {
    let settled = wasm_bindgen_futures::JsFuture::from(promise.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match settled.await {
            Ok(value) => done(true, value),
            Err(reason) => done(false, reason),
        }
    });
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
