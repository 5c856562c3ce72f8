//! The browser reads the message files with `flat`, not with Fluent's
//! runtime: for every message of every file, in both languages, with its
//! variables given and without them, it must give exactly what Fluent
//! gives, or a reader in the browser would see other text than the
//! command line and the tests.

use talentflow_messages::flat::{fill, FlatMessages};
use talentflow_messages::{Catalog, Lang, Pack};

#[test]
fn the_browser_reader_formats_every_message_exactly_as_fluent() {
    let mut checked = 0;
    for lang in Lang::ALL {
        let fluent = Catalog::load(lang);
        let mut flat = FlatMessages::default();
        for pack in Pack::ALL {
            flat.add(lang.pack_source(pack));
        }
        let fluent_keys: Vec<&str> = fluent.keys();
        let flat_keys: Vec<&str> = flat.keys().collect();
        assert_eq!(flat_keys, fluent_keys, "{}: the same keys", lang.tag());
        for key in fluent_keys {
            let text = flat.get(key).expect("listed key");
            let names = fluent.placeables(key);
            let values: Vec<String> = names.iter().map(|n| format!("‹{n}›")).collect();
            let args: Vec<(&str, &str)> = names
                .iter()
                .zip(&values)
                .map(|(n, v)| (*n, v.as_str()))
                .collect();
            assert_eq!(
                fill(text, &args),
                fluent.format(key, &args),
                "{} {key} with its variables",
                lang.tag()
            );
            assert_eq!(
                fill(text, &[]),
                fluent.format(key, &[]),
                "{} {key} without variables",
                lang.tag()
            );
            checked += 1;
        }
    }
    assert!(checked > 400, "only {checked} messages checked");
}
