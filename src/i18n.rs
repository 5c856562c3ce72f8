//! The message catalog, shared with every component through a context.
//!
//! The browser build has no message text compiled in: [`use_catalog`]
//! fetches `locales/<lang>/<pack>.ftl` (copied into `dist/` by Trunk) for
//! the reader's language, the `app` pack at once and the others when a
//! view asks for them with [`use_pack`]. Native code and the wasm tests
//! use the compiled-in files (the messages crate's `builtin` feature).

use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;
use talentflow_messages::{Catalog, Lang, Pack};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A shared, cheaply cloned message catalog. Two handles are equal when
/// they point at the same catalog, so passing one down costs no re-render.
#[derive(Clone, Debug)]
pub struct Messages(pub Rc<Catalog>);

impl Messages {
    /// The catalog of `lang` with every compiled-in pack (empty in the
    /// browser build, which fetches its files: see [`use_catalog`]).
    pub fn load(lang: Lang) -> Messages {
        let mut catalog = Catalog::new(lang);
        for pack in Pack::ALL {
            if let Some(source) = lang.builtin_source(pack) {
                catalog.add_source(source);
            }
        }
        Messages(Rc::new(catalog))
    }

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

thread_local! {
    /// The catalog on screen, for the error panel (which runs after a
    /// panic, outside any component).
    static CURRENT: RefCell<Option<Messages>> = const { RefCell::new(None) };
}

/// The catalog on screen, if any has loaded yet.
pub fn current() -> Option<Messages> {
    CURRENT.with(|c| c.borrow().clone())
}

/// The catalog provided by an enclosing `ContextProvider<Messages>`, or
/// the compiled-in English one when a component is rendered on its own
/// (in tests).
#[hook]
pub fn use_messages() -> Messages {
    use_context::<Messages>().unwrap_or_else(|| Messages::load(Lang::En))
}

/// Which packs of the reader's language have loaded, and how to ask for
/// another: provided by the page beside [`Messages`].
#[derive(Clone, PartialEq)]
pub struct PackLoader {
    /// Packs of the shown language whose messages are in the catalog.
    pub loaded: Rc<Vec<Pack>>,
    /// Ask for a pack (fetched once; the page re-renders when it arrives).
    pub request: Callback<Pack>,
}

/// Whether `pack`'s messages are in the catalog; asks for them when they
/// are not (the caller re-renders once they arrive). Without a page
/// around (tests), the compiled-in catalog has every pack.
#[hook]
pub fn use_pack(pack: Pack) -> bool {
    let loader = use_context::<PackLoader>();
    let loaded = loader.as_ref().is_none_or(|l| l.loaded.contains(&pack));
    use_effect_with(loaded, move |loaded| {
        if let (false, Some(loader)) = (*loaded, loader) {
            loader.request.emit(pack);
        }
    });
    loaded
}

/// The message files wanted and fetched so far.
#[derive(Clone, Default, PartialEq)]
struct Files {
    wanted: Vec<Pack>,
    /// Fetched files; `None` for one that could not be fetched.
    got: Vec<(Lang, Pack, Option<Rc<str>>)>,
}

enum FileAction {
    Want(Pack),
    Got(Lang, Pack, Option<Rc<str>>),
}

impl Reducible for Files {
    type Action = FileAction;
    fn reduce(self: Rc<Self>, action: FileAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FileAction::Want(pack) if !next.wanted.contains(&pack) => next.wanted.push(pack),
            FileAction::Got(lang, pack, text) => next.got.push((lang, pack, text)),
            _ => return self,
        }
        Rc::new(next)
    }
}

/// Fetch `url` as text: `done(Some(text))`, or `done(None)` when offline
/// or refused. Revalidated with the server (`no-cache`), so that a new
/// deploy never pairs new code with old text; offline, the service worker
/// answers from its copy of the same build.
fn fetch_text(url: &str, done: impl FnOnce(Option<String>) + 'static) {
    let early = EARLY.with(|early| early.borrow_mut().take_if(|(u, _)| u == url));
    let Some(promise) = early.map(|(_, p)| p).or_else(|| request(url)) else {
        return done(None);
    };
    crate::export::on_settled(&promise, move |ok, response| {
        let text = ok
            .then(|| response.dyn_into::<web_sys::Response>().ok())
            .flatten()
            .filter(|r| r.ok())
            .and_then(|r| r.text().ok());
        match text {
            Some(text) => crate::export::on_settled(&text, move |ok, value| {
                done(value.as_string().filter(|_| ok))
            }),
            None => done(None),
        }
    });
}

/// A request for `url`, revalidated with the server.
fn request(url: &str) -> Option<js_sys::Promise> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    Some(web_sys::window()?.fetch_with_str_and_init(url, &init))
}

/// Where a language's pack is served.
fn pack_url(lang: Lang, pack: Pack) -> String {
    format!("locales/{}/{}.ftl", lang.folder(), pack.name())
}

thread_local! {
    /// The request [`prefetch`] made before the page's first render, by
    /// address, until [`fetch_text`] takes it.
    static EARLY: RefCell<Option<(String, js_sys::Promise)>> = const { RefCell::new(None) };
}

/// Starts fetching the `app` pack of the language the page opens in (the
/// address's `lang=`, else the browser's), before the first render, so
/// that the text travels while the page's first render runs; the page
/// takes this request over when it asks for the same file. The loader
/// will usually have asked for it already, while the wasm downloaded:
/// then its request is the one taken over.
pub fn prefetch() {
    // A language tag needs no percent-decoding: a mangled one just misses,
    // and the page then fetches what `restore` settles on.
    let search = crate::url::current_search();
    let lang = search
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_tag)
        .unwrap_or_else(preferred_lang);
    if lang.builtin_source(Pack::App).is_none() {
        let url = pack_url(lang, Pack::App);
        if let Some(promise) = loader_request(&url).or_else(|| request(&url)) {
            EARLY.with(|early| *early.borrow_mut() = Some((url, promise)));
        }
    }
}

/// The request for `url` that the loader started while the wasm
/// downloaded, if it did (`talentflowEarly`, by address: written by
/// `scripts/postbuild.py`).
fn loader_request(url: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let requests = js_sys::Reflect::get(&window, &"talentflowEarly".into()).ok()?;
    js_sys::Reflect::get(&requests, &url.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// What [`use_catalog`] has to show.
pub struct CatalogState {
    /// The catalog to render with: the newest complete one (the previous
    /// language's while a switch is loading); `None` before the first.
    pub messages: Option<Messages>,
    /// Provided to the page's views, for [`use_pack`].
    pub loader: PackLoader,
    /// The language's own `app` file could not be fetched.
    pub failed: bool,
}

/// The catalog of `lang`: compiled in where the build has it, else
/// fetched (the `app` pack, and the packs views ask for).
#[hook]
pub fn use_catalog(lang: Lang) -> CatalogState {
    let files = use_reducer(Files::default);
    let asked: Rc<RefCell<Vec<(Lang, Pack)>>> = use_mut_ref(Vec::new);
    {
        let dispatcher = files.dispatcher();
        use_effect_with((lang, files.wanted.clone()), move |(lang, wanted)| {
            for pack in std::iter::once(Pack::App).chain(wanted.iter().copied()) {
                if lang.builtin_source(pack).is_some() || asked.borrow().contains(&(*lang, pack)) {
                    continue;
                }
                asked.borrow_mut().push((*lang, pack));
                let url = pack_url(*lang, pack);
                let (dispatcher, lang) = (dispatcher.clone(), *lang);
                fetch_text(&url, move |text| {
                    dispatcher.dispatch(FileAction::Got(lang, pack, text.map(Rc::from)))
                });
            }
        });
    }
    let loaded: Vec<Pack> = Pack::ALL
        .into_iter()
        .filter(|pack| {
            lang.builtin_source(*pack).is_some()
                || files
                    .got
                    .iter()
                    .any(|(l, p, t)| (*l, *p) == (lang, *pack) && t.is_some())
        })
        .collect();
    let failed = files
        .got
        .iter()
        .any(|(l, p, t)| (*l, *p) == (lang, Pack::App) && t.is_none());
    let built = use_memo((lang, loaded.clone()), |(lang, loaded)| {
        let mut catalog = Catalog::new(*lang);
        for pack in loaded {
            let text = lang.builtin_source(*pack).map(Rc::from).or_else(|| {
                files
                    .got
                    .iter()
                    .find(|(l, p, _)| (l, p) == (lang, pack))
                    .and_then(|(_, _, t)| t.clone())
            });
            if let Some(text) = text {
                catalog.add_source(&text);
            }
        }
        loaded
            .contains(&Pack::App)
            .then(|| Messages(Rc::new(catalog)))
    });
    // Keep showing the last complete catalog while another loads.
    type Shown = Option<(Messages, Vec<Pack>)>;
    let shown: Rc<RefCell<Shown>> = use_mut_ref(|| None);
    if let Some(messages) = built.as_ref() {
        let mut shown = shown.borrow_mut();
        if shown.as_ref().is_none_or(|(m, _)| m != messages) {
            *shown = Some((messages.clone(), loaded.clone()));
            CURRENT.with(|c| *c.borrow_mut() = Some(messages.clone()));
        }
    }
    let request = {
        let dispatcher = files.dispatcher();
        use_callback((), move |pack: Pack, _| {
            dispatcher.dispatch(FileAction::Want(pack))
        })
    };
    let shown = shown.borrow().clone();
    CatalogState {
        loader: PackLoader {
            loaded: Rc::new(shown.as_ref().map(|(_, l)| l.clone()).unwrap_or_default()),
            request,
        },
        messages: shown.map(|(m, _)| m),
        failed,
    }
}

/// The reader's language when the address names none: the first of the
/// browser's preferred languages the page speaks, else English.
pub fn preferred_lang() -> Lang {
    let tags: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|t| t.as_string()).collect())
        .unwrap_or_default();
    Lang::from_preferences(tags.iter().map(String::as_str))
}
