/* Talent Flow Explorer embeds: sizes each iframe to the height its page reports (postMessage); never focuses or scrolls. */
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
