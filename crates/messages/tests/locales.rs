//! The message files under `locales/`: what readers of either language
//! rely on. Every file parses; both languages have the same keys with the
//! same placeables; the model's parameter table finds its label, help and
//! unit in every language; and where an English reader sees words, a
//! Chinese reader sees Chinese.

use std::collections::BTreeSet;
use talentflow_messages::{Catalog, Lang, Pack};
use talentflow_model::PARAMS;

fn catalogs() -> Vec<Catalog> {
    Lang::ALL.into_iter().map(Catalog::load).collect()
}

#[test]
fn every_message_file_parses_without_errors() {
    for lang in Lang::ALL {
        let (catalog, errors) = Catalog::from_source(lang, lang.source());
        assert!(errors.is_empty(), "locales for {}: {errors:#?}", lang.tag());
        assert!(!catalog.keys().is_empty(), "{} has no messages", lang.tag());
        for pack in Pack::ALL {
            let (_, errors) = Catalog::from_source(lang, lang.pack_source(pack));
            let folder = lang.tag().split('-').next().unwrap_or_default();
            let file = format!("locales/{folder}/{}.ftl", pack.name());
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }
    }
}

#[test]
fn every_key_exists_in_every_language() {
    let english = Catalog::load(Lang::En);
    let english_keys: BTreeSet<&str> = english.keys().into_iter().collect();
    let mut problems = Vec::new();
    for catalog in catalogs() {
        let keys: BTreeSet<&str> = catalog.keys().into_iter().collect();
        let tag = catalog.lang().tag();
        for key in english_keys.difference(&keys) {
            problems.push(format!("{key}: in en, missing in {tag}"));
        }
        for key in keys.difference(&english_keys) {
            problems.push(format!("{key}: in {tag}, missing in en"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_message_has_the_same_placeables_in_every_language() {
    let english = Catalog::load(Lang::En);
    let mut problems = Vec::new();
    for catalog in catalogs() {
        for key in english.keys() {
            if !catalog.has(key) {
                continue; // every_key_exists_in_every_language reports it
            }
            let en = english.placeables(key);
            let other = catalog.placeables(key);
            if en != other {
                problems.push(format!(
                    "{key}: en has {en:?}, {} has {other:?}",
                    catalog.lang().tag()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_parameter_has_its_label_help_unit_and_value_in_every_language() {
    let mut missing = Vec::new();
    for catalog in catalogs() {
        for spec in PARAMS.iter() {
            let code = spec.unit.code();
            for key in [
                spec.label_key(),
                spec.help_key(),
                format!("unit-{code}"),
                format!("value-{code}"),
                format!("valuetext-{code}"),
            ] {
                if !catalog.has(&key) {
                    missing.push(format!("{}: {key}", catalog.lang().tag()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing messages: {missing:#?}");
}

/// Every placeable of `key` filled with nothing, so only the words remain.
fn words(catalog: &Catalog, key: &str) -> String {
    let names = catalog.placeables(key);
    let args: Vec<(&str, &str)> = names.iter().map(|n| (*n, "")).collect();
    catalog.format(key, &args)
}

fn has_english_word(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|word| word.len() >= 3)
}

fn has_han(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c))
}

#[test]
fn chinese_readers_see_chinese_wherever_english_readers_see_words() {
    let english = Catalog::load(Lang::En);
    let chinese = Catalog::load(Lang::Zh);
    let untranslated: Vec<String> = english
        .keys()
        .into_iter()
        .filter(|key| chinese.has(key))
        // The language switch names each language in that language.
        .filter(|key| *key != "lang-name-en")
        .filter(|key| has_english_word(&words(&english, key)))
        .filter(|key| !has_han(&words(&chinese, key)))
        .map(|key| format!("{key} = {}", chinese.text(key)))
        .collect();
    assert!(
        untranslated.is_empty(),
        "not translated into Chinese: {untranslated:#?}"
    );
}

#[test]
fn no_message_is_blank() {
    for catalog in catalogs() {
        for key in catalog.keys() {
            assert!(
                !catalog.text(key).trim().is_empty(),
                "{}: {key} is blank",
                catalog.lang().tag()
            );
        }
    }
}

#[test]
fn the_product_name_is_the_agreed_one_in_each_language() {
    assert_eq!(
        Catalog::load(Lang::En).text("app-title"),
        "Talent Flow Explorer"
    );
    assert_eq!(
        Catalog::load(Lang::Zh).text("app-title"),
        "人才流动情景模拟器"
    );
}

#[test]
fn a_filled_chinese_message_reads_without_isolation_marks() {
    let chinese = Catalog::load(Lang::Zh);
    let text = chinese.format(
        "chart-retention-summary",
        &[
            ("year", "2035"),
            ("us", "71"),
            ("base_us", "80"),
            ("china", "20"),
            ("base_china", "12"),
        ],
    );
    assert_eq!(
        text,
        "2035年，2019年群体中有71%仍在美国（基线为80%），20%在中国（基线为12%）。"
    );
}
