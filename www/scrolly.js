/* The scrollytelling page (scrolly.html, scrolly.zh-CN.html): as each
   paragraph of the article reaches the middle of the screen, the embedded
   explorer opens that paragraph's step of the guided story, through the
   host API of embed.js (docs/hosting.md). The page never scrolls by
   itself; every step also has a button, so a keyboard or a screen reader
   reaches each state without scrolling. */
(function () {
  'use strict';
  var frame = document.getElementById('scrolly-embed');
  var steps = Array.prototype.slice.call(document.querySelectorAll('.scrolly-step'));
  var status = document.getElementById('scrolly-status');
  if (!frame || !window.TalentFlow) return;
  // The embed obeys this page only: its link names this page's origin.
  var src = new URL(frame.getAttribute('data-src'), location.href);
  if (location.origin && location.origin !== 'null') src.searchParams.set('origin', location.origin);
  frame.src = src.href;
  var explorer = TalentFlow.embed(frame);
  var shown = null;

  function show(step) {
    if (!step || step === shown) return;
    shown = step;
    steps.forEach(function (s) {
      if (s === step) s.setAttribute('aria-current', 'step');
      else s.removeAttribute('aria-current');
    });
    explorer.story(Number(step.getAttribute('data-story')));
  }

  function say(state) {
    if (status && state && state.step) status.textContent = status.getAttribute('data-template').replace('{step}', String(state.step));
  }
  explorer.on('ready', function (state) {
    frame.setAttribute('data-ready', 'true');
    say(state);
  });
  explorer.on('state', say);

  steps.forEach(function (step) {
    var button = step.querySelector('button');
    if (button) button.addEventListener('click', function () { show(step); });
  });

  if ('IntersectionObserver' in window) {
    // A paragraph is the current one once it crosses the middle band of
    // the screen, whichever way the reader scrolls.
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) show(entry.target); });
    }, { rootMargin: '-45% 0px -45% 0px' });
    steps.forEach(function (step) { observer.observe(step); });
  }
})();
