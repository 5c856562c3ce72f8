#!/usr/bin/env python3
"""Trunk post-build hook: make the bundle work under a strict Content
Security Policy and offline.

Trunk writes the code that starts the wasm as an inline module script in
index.html, which a policy without 'unsafe-inline' blocks. This hook:

1. moves that inline script into its own file, `loader-<hash>.js`, loaded
   with `<script type=module src=... integrity=...>`, and adds to it the
   early request for the first page's messages and the registration of
   the service worker;
2. in release builds, adds the policy itself as a `<meta>` tag, so that any
   static host serves it (a host that can set headers should also send it,
   with `frame-ancestors`, which a meta tag cannot carry: docs/hosting.md);
3. in release builds, writes `sw.js`, a service worker that caches every
   file of this build under a cache named after the build's content hash,
   so the page works offline once loaded and is replaced when a new build
   is deployed;
4. in release builds, minifies wasm-bindgen's JavaScript glue (terser) and
   updates its integrity hash;
5. writes the baseline's charts into the page, drawn natively as SVG by
   the command line (`talentflow chart --format html`) in both languages,
   in the markup of the app's first screen, with `boot-<hash>.js` first
   in the body picking the reader's language and layout for them (BOOT):
   a chart shows as soon as the HTML, the CSS and that script arrive, and
   the app takes over in the same boxes (see `prerender`).

Trunk runs it with TRUNK_STAGING_DIR (the build output) and TRUNK_PROFILE.
"""

import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
    "style-src 'self'; img-src 'self' data: blob:"
)

# Registers the service worker where the page may have one. A sandboxed
# iframe without allow-same-origin, private modes and file:// refuse it:
# the app works the same without, only not offline (hence the empty
# catch: no service worker there, nothing to cache). Registered once the
# page has rendered with its text (the `loading` class is gone from
# <html>) and the browser is idle: installing it fetches and stores the
# whole build, which on a first visit would otherwise compete with the
# first chart for the network and the processor (about 10% later at 4x
# CPU slowdown, docs/benchmarks.md).
SW_REGISTRATION = """
const registerServiceWorker = () => {
  try {
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('./sw.js').catch((e) => console.info('Working online only:', e.message));
    }
  } catch (_) {}
};
{
  const root = document.documentElement;
  const whenIdle = () => (window.requestIdleCallback || ((f) => setTimeout(f, 500)))(registerServiceWorker, { timeout: 5000 });
  if (root.classList.contains('loading')) {
    const watch = new MutationObserver(() => {
      if (!root.classList.contains('loading')) {
        watch.disconnect();
        whenIdle();
      }
    });
    watch.observe(root, { attributes: true, attributeFilter: ['class'] });
  } else {
    whenIdle();
  }
}
"""

# Asks for the first page's messages in the reader's language while the
# wasm downloads and compiles, rather than once it runs: one round trip
# sooner on a phone's network. The app (`prefetch` in src/i18n.rs) takes
# the request over. The language as the app chooses it: the address's
# `lang=`, else the browser's first language the app speaks, else English;
# should the two ever differ, the app asks for its own file and this
# request goes unused. Never in the way: whatever fails here, the app
# starts and asks for itself.
MESSAGES_PREFETCH = """
try {
  const speaks = (tag) => { const l = String(tag).trim().split(/[-_]/)[0].toLowerCase(); return l === 'en' || l === 'zh' ? l : null; };
  const asked = new URLSearchParams(location.search).get('lang');
  const lang = (asked && speaks(asked)) || Array.from(navigator.languages || []).map(speaks).find(Boolean) || 'en';
  const url = `locales/${lang}/app.ftl`;
  window.talentflowEarly = { [url]: fetch(url, { cache: 'no-cache' }).catch(() => null) };
} catch (_) {}
"""

# Removes the prerendered charts from the document once the app has
# rendered into #app and taken `loading` off <html> (after drawing its
# charts; the stylesheet hides them from then): no second copy of the
# headings and figures stays behind.
PRERENDER_HANDOVER = """
{
  const app = document.getElementById('app');
  const pre = document.getElementById('prerender');
  const root = document.documentElement;
  if (app && pre) {
    const done = () => { if (app.firstElementChild && !root.classList.contains('loading')) { watch.disconnect(); pre.remove(); } };
    const watch = new MutationObserver(done);
    watch.observe(app, { childList: true });
    watch.observe(root, { attributes: true, attributeFilter: ['class'] });
    done();
  }
}
"""

SERVICE_WORKER = """// Service worker of Talent Flow Explorer, written by scripts/postbuild.py.
// Caches this build's files so that the page works offline once loaded.
// A new build has a new CACHE name: it installs beside the old one, takes
// over, and deletes the old cache.
const CACHE = 'talentflow-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('talentflow-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // The page itself: the network first, so that a new deploy shows at
    // once; the cached copy when offline.
    event.respondWith(
      fetch(request).catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./'))),
    );
    return;
  }
  // Everything else belongs to this build (a content hash in its name,
  // or the message files fetched fresh at install): the cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
"""

INLINE_SCRIPT = re.compile(
    r"<script type=\"?module\"?>(?P<body>.*?)</script>", re.DOTALL
)


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


ROOT = Path(__file__).resolve().parent.parent
TERSER = ROOT / "tests/e2e/node_modules/.bin/terser"

# `boot-<hash>.js`, the first thing in <body>: a parser-blocking script,
# so it runs before anything of the page is parsed or painted, fetched
# beside the stylesheets. It sets the language as the app chooses it (`lang=`, else the browser's first language the app speaks,
# else English) on <html lang>, which shows that language's prerendered
# charts; the embed layout (`pre-embed`); the display modes the app would
# set (`high-contrast`, `large-text`); and `pre-stale` when the link
# carries settings (a parameter, preset, pin, story step, challenge, bands
# or the difference view), so that a labelled placeholder shows rather
# than the baseline's charts. Unknown keys (a newsroom's tracking
# parameters) change nothing, as in the app. In <body>, not in <head>:
# while a script in the head blocks the parser, Chromium holds back the
# requests it counts as delayable over HTTP/1.1, the wasm's preload among
# them (about 300 ms later on a phone's network); once the parser is in
# the body they go.
BOOT = """(() => {
  try {
    const root = document.documentElement;
    const q = new URLSearchParams(location.search);
    const speaks = (tag) => { const l = String(tag).trim().split(/[-_]/)[0].toLowerCase(); return l === 'en' || l === 'zh' ? l : null; };
    const asked = q.get('lang');
    const lang = (asked && speaks(asked)) || Array.from(navigator.languages || []).map(speaks).find(Boolean) || 'en';
    root.lang = lang === 'zh' ? 'zh-CN' : 'en';
    if (q.get('layout') === 'embed') root.classList.add('pre-embed');
    if (q.get('contrast') === 'high') root.classList.add('high-contrast');
    if (q.get('text') === 'large') root.classList.add('large-text');
    const settings = new Set(__SETTINGS__);
    if ([...q.keys()].some((k) => settings.has(k.trim()))) root.classList.add('pre-stale');
  } catch (_) {}
})();
"""

# Query keys that change what the charts show, besides the parameters.
VIEW_SETTINGS = ["preset", "pin", "story", "challenge", "bands", "view"]

# The size the charts are drawn at; the stylesheet sizes their boxes as
# the app's canvases (the SVG keeps its proportions inside).
PRERENDER_SIZE = ("600", "300")


def boot_script(cli: Path):
    """BOOT with the query keys that are settings, or None."""
    params = subprocess.run([str(cli), "params", "--format", "csv"], capture_output=True, text=True).stdout
    keys = [line.split(",", 1)[0] for line in params.splitlines()[1:] if line]
    if not keys:
        print("postbuild: no parameter keys from `talentflow params`", file=sys.stderr)
        return None
    return BOOT.replace("__SETTINGS__", repr(sorted(keys + VIEW_SETTINGS)).replace("'", '"'))


def talentflow_bin():
    """The command line, built natively if it is not there yet."""
    path = Path(os.environ.get("TALENTFLOW_BIN", ROOT / "target/release/talentflow"))
    if not path.exists():
        result = subprocess.run(
            ["cargo", "build", "--release", "--quiet", "-p", "talentflow-cli"],
            cwd=ROOT,
        )
        if result.returncode != 0 or not path.exists():
            return None
    return path


def ftl_messages(lang: str) -> dict:
    """The one-line messages of locales/<lang>/app.ftl (every message is
    one line without placeables where used here)."""
    out = {}
    for line in (ROOT / "locales" / lang / "app.ftl").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and " = " in line:
            key, value = line.split(" = ", 1)
            out[key.strip()] = value.strip()
    return out


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def prerender(cli: Path) -> str:
    """The baseline's first screen in both languages, as the app lays it
    out: the page's header (its buttons disabled until the app runs), a
    controls panel saying the sliders are loading, and the three charts
    (each in a canvas-sized box, so that the app's canvas takes the same
    place). Shown until the app has rendered into `#app`
    (`www/style.css`, "Charts before the app")."""
    blocks = []
    for lang, tag in (("en", "en"), ("zh", "zh-CN")):
        m = ftl_messages(lang)
        width, height = PRERENDER_SIZE
        figures = subprocess.run(
            [str(cli), "chart", "--format", "html", "--lang", lang, "--width", width, "--height", height],
            capture_output=True, text=True, check=True,
        ).stdout.strip()
        # Each chart's SVG over an empty canvas: the canvas takes the box
        # the app's canvas will have, whatever the stylesheet makes it.
        figures = figures.replace("</h3><svg", '</h3><div class="pre-plot"><canvas></canvas><svg')
        figures = figures.replace("</svg><ul", "</svg></div><ul")
        # Inline in HTML the SVG needs no namespace, and takes the page's
        # font (the same stack) from the stylesheet.
        figures = figures.replace(' xmlns="http://www.w3.org/2000/svg"', "")
        figures = re.sub(r' font-family="[^"]*"', "", figures)
        # Only the first chart is drawn (about 1.5 kB gzip each): the
        # others keep their boxes, empty until the app draws them, so that
        # the first visit stays within its budget.
        first, *rest = figures.split("</figure>")
        figures = "</figure>".join([first] + [re.sub(r"<svg .*?</svg>", "", f, flags=re.S) for f in rest])
        # A link with settings: this label in the box instead of the
        # baseline's chart, until the app draws the link's own.
        wait = f'<p class="pre-wait">{esc(m["prerender-wait"])}</p>'
        figures = figures.replace("<canvas></canvas>", "<canvas></canvas>" + wait)
        tools = (
            f'<div class="page-tools"><div class="lang-switch"><button type="button" disabled lang="zh-CN">{esc(m["lang-name-zh"])}</button>'
            f'<button type="button" disabled lang="en">{esc(m["lang-name-en"])}</button></div>'
            f'<div class="display-modes"><button type="button" disabled>{esc(m["a11y-contrast"])}</button>'
            f'<button type="button" disabled>{esc(m["a11y-large-text"])}</button></div></div>'
        )
        blocks.append(
            f'<div class="pre" lang="{tag}">'
            f'<header class="page-header">{tools}<h1>{esc(m["app-title"])}</h1><p class="subtitle">{esc(m["app-subtitle"])}</p></header>'
            f'<main class="layout"><h1 class="embed-title">{esc(m["app-title"])}</h1>'
            f'<section class="controls pre-controls"><h2>{esc(m["app-controls-heading"])}</h2><p role="status">{esc(m["prerender-loading"])}</p></section>'
            f'<section class="charts">{figures}</section></main></div>'
        )
    return '<div id="prerender">' + "".join(blocks) + "</div>"


def add_prerender(html: str, cli: Path):
    """Writes the prerendered charts after `<div id="app">`. Returns the
    new html, or None on failure."""
    app = re.search(r'<div id="?app"?>\s*</div>', html)
    if app is None:
        print('postbuild: no <div id="app"></div> to put the prerendered charts after', file=sys.stderr)
        return None
    try:
        block = prerender(cli)
    except subprocess.CalledProcessError as e:
        print(f"postbuild: {' '.join(map(str, e.cmd))} failed: {e.stderr}", file=sys.stderr)
        return None
    html = html[: app.end()] + block + html[app.end() :]
    root = re.search(r"<html\b[^>]*>", html)
    if root is None or "loading" not in root.group(0):
        print("postbuild: no <html class=loading> to mark as prerendered", file=sys.stderr)
        return None
    marked = re.sub(r'class="?loading"?', 'class="loading prerendered"', root.group(0), count=1)
    html = html[: root.start()] + marked + html[root.end() :]
    return html


def minify_glue(staging: Path, html: str):
    """Minifies wasm-bindgen's JavaScript glue (Trunk copies it as written,
    comments and all) with terser, pinned in tests/e2e/package.json, and
    updates its integrity attributes in `html`. Returns the new html, or
    None on failure."""
    glue = [
        p
        for p in staging.glob("*.js")
        if not p.name.startswith("loader-")
        and re.search(r'rel="?modulepreload"?', html)
        and re.search(r'href="?\./' + re.escape(p.name) + r'"?[\s>]', html)
    ]
    if not glue:
        print("postbuild: no wasm-bindgen glue found in index.html", file=sys.stderr)
        return None
    if not TERSER.exists():
        print(f"postbuild: {TERSER} is missing (run scripts/setup.sh)", file=sys.stderr)
        return None
    for path in glue:
        before = path.read_bytes()
        result = subprocess.run(
            [str(TERSER), str(path), "--module", "--compress", "--mangle", "--output", str(path)],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            print(f"postbuild: terser failed on {path.name}: {result.stderr}", file=sys.stderr)
            return None
        after = path.read_bytes()
        if sri(before) not in html:
            print(f"postbuild: no integrity attribute for {path.name}", file=sys.stderr)
            return None
        html = html.replace(sri(before), sri(after))
        print(f"postbuild: minified {path.name}: {len(before)} -> {len(after)} bytes", file=sys.stderr)
    return html


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    index = staging / "index.html"
    html = index.read_text(encoding="utf-8")

    match = INLINE_SCRIPT.search(html)
    if match is None:
        print("postbuild: no inline module script in index.html", file=sys.stderr)
        return 1
    # First in the module's body: it runs once the loader and the glue
    # (preloaded by index.html) have arrived, while the wasm (preloaded
    # too) still downloads.
    cli = talentflow_bin()
    boot = boot_script(cli) if cli else None
    if boot is None:
        print("postbuild: cannot run the command line for the prerendered charts", file=sys.stderr)
        return 1
    loader = MESSAGES_PREFETCH.lstrip() + PRERENDER_HANDOVER.lstrip() + match.group("body").strip() + "\n"
    if release:
        loader += SW_REGISTRATION
    loader_bytes = loader.encode("utf-8")
    loader_name = f"loader-{hashlib.sha256(loader_bytes).hexdigest()[:16]}.js"
    (staging / loader_name).write_bytes(loader_bytes)
    tag = f'<script type="module" src="./{loader_name}" integrity="{sri(loader_bytes)}"></script>'
    html = html[: match.start()] + tag + html[match.end() :]
    html = add_prerender(html, cli)
    if html is not None:
        boot_bytes = boot.encode("utf-8")
        boot_name = f"boot-{hashlib.sha256(boot_bytes).hexdigest()[:16]}.js"
        (staging / boot_name).write_bytes(boot_bytes)
        body = re.search(r"<body\b[^>]*>", html)
        if body is None:
            print("postbuild: no <body> to start with the boot script", file=sys.stderr)
            return 1
        boot_tag = f'<script src="./{boot_name}" integrity="{sri(boot_bytes)}" crossorigin></script>'
        html = html[: body.end()] + boot_tag + html[body.end() :]
    if html is None:
        return 1

    leftover = [m.group(0) for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>.*?</script>", html, re.DOTALL)]
    if leftover and all("WebSocket" in body for body in leftover):
        # `trunk serve` with autoreload injects its own inline script: a
        # development page, served without the policy and the offline cache.
        # `scripts/serve.sh` serves with --no-autoreload, exactly as built.
        print("postbuild: development autoreload script present; no CSP meta, no service worker", file=sys.stderr)
        release = False
    elif leftover:
        print("postbuild: index.html still has an inline script", file=sys.stderr)
        return 1
    if re.search(r"\sstyle=", html) or "<style" in html:
        print("postbuild: index.html has inline style, which the policy blocks", file=sys.stderr)
        return 1

    # A sandboxed iframe has an opaque origin, so the browser can check a
    # file's integrity only on a CORS request: every integrity-checked link
    # gets `crossorigin` (the host then sends Access-Control-Allow-Origin).
    html = re.sub(
        r"<link\b(?![^>]*\bcrossorigin\b)([^>]*\bintegrity=[^>]*)>",
        r"<link crossorigin\1>",
        html,
    )

    if release:
        html = minify_glue(staging, html)
        if html is None:
            return 1
        meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        html = re.sub(r"(<meta charset=\"?utf-8\"?>)", r"\1" + meta, html, count=1)
        if meta not in html:
            print("postbuild: no <meta charset> to put the policy after", file=sys.stderr)
            return 1
    index.write_text(html, encoding="utf-8")

    if release:
        # The message files are fetched by readers: without the comments
        # for translators and blank lines (Fluent ignores both).
        for ftl in staging.glob("locales/*/*.ftl"):
            lines = ftl.read_text(encoding="utf-8").splitlines()
            kept = [line for line in lines if line.strip() and not line.startswith("#")]
            ftl.write_text("\n".join(kept) + "\n", encoding="utf-8")
        # Every file of the build, the message files of both languages
        # (locales/<lang>/<pack>.ftl) included, so that the page reloads
        # offline in either language.
        files = sorted(
            p.relative_to(staging).as_posix()
            for p in staging.rglob("*")
            if p.is_file() and p.name not in ("index.html", "sw.js")
        )
        digest = hashlib.sha256()
        for name in ["index.html"] + files:
            digest.update(name.encode())
            digest.update((staging / name).read_bytes())
        version = digest.hexdigest()[:16]
        listing = "[" + ", ".join(["'./'"] + [f"'./{name}'" for name in files]) + "]"
        worker = SERVICE_WORKER.replace("__VERSION__", version).replace("__FILES__", listing)
        (staging / "sw.js").write_text(worker, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
