/*
 * Talent Flow Explorer: host-page script for embeds. Put it after the
 * iframe snippet. It listens for the height the embedded page reports
 * (postMessage {type: "talentflow:height", height}) and sets that
 * iframe's height, so the frame fits its content without a scroll bar.
 * Once loaded it asks every iframe on the page for its height, in case it
 * missed the first report. It never focuses or scrolls anything, and only
 * resizes the iframe that sent the message. Works with sandboxed iframes
 * (sandbox="allow-scripts"), whose messages come from an opaque origin.
 */
(function () {
  'use strict';
  if (window.talentflowEmbed) return;
  var MIN_PX = 200;
  var MAX_PX = 10000;
  function onMessage(event) {
    var data = event.data;
    if (!data || data.type !== 'talentflow:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var px = Math.max(MIN_PX, Math.min(MAX_PX, Math.ceil(data.height)));
        frames[i].style.height = px + 'px';
        frames[i].setAttribute('height', String(px));
      }
    }
  }
  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try {
        if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'talentflow:request-height' }, '*');
      } catch (e) {
        // A frame that cannot be reached is not ours to size.
      }
    }
  }
  window.addEventListener('message', onMessage);
  window.talentflowEmbed = { version: 1 };
  ask();
  if (document.readyState !== 'complete') window.addEventListener('load', ask);
})();
