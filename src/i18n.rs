//! The message catalog, shared with every component through a context.

use std::ops::Deref;
use std::rc::Rc;
use talentflow_messages::{Catalog, Lang};
use yew::prelude::*;

/// A shared, cheaply cloned message catalog. Two handles are equal when
/// they point at the same catalog, so passing one down costs no re-render.
#[derive(Clone, Debug)]
pub struct Messages(pub Rc<Catalog>);

impl Messages {
    /// The catalog of `lang`.
    pub fn load(lang: Lang) -> Messages {
        Messages(Rc::new(Catalog::load(lang)))
    }
}

impl Messages {
    /// The message for `key` as an owned string, ready to put in markup
    /// (a missing key shows as `[key]`).
    pub fn tr(&self, key: &str) -> String {
        self.0.text(key).into_owned()
    }
}

impl PartialEq for Messages {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Messages {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

/// The catalog provided by an enclosing `ContextProvider<Messages>`, or
/// the English one when a component is rendered on its own (in tests).
#[hook]
pub fn use_messages() -> Messages {
    let provided = use_context::<Messages>();
    let fallback = use_memo((), |_| Messages::load(Lang::En));
    provided.unwrap_or_else(|| (*fallback).clone())
}
