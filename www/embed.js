/* Talent Flow Explorer embeds: sizes each iframe to the height its page
   reports, and gives the article a small API over the embed's host
   protocol (docs/hosting.md, "The host API"). Never focuses or scrolls.

     var explorer = TalentFlow.embed(document.getElementById('my-embed'));
     explorer.on('ready', function (state) { ... })
             .on('state', function (state) { ... state.link, state.outputs ... });
     explorer.set({ visa_restrictions: 60 });   // the baseline with these settings
     explorer.preset('decoupling');
     explorer.story(2);                         // story step 2 (0 closes it)
     explorer.lang('zh-CN');

   Commands given before the embed is ready wait for it. An iframe with
   data-talentflow-size="fixed" keeps the size its page gives it. The embed obeys
   only its parent page, and only when its link lists the page's origin
   (`origin=https://news.example` in the iframe's src). */
(function () {
  'use strict';
  if (window.TalentFlow) return;
  var VERSION = 1;
  var MIN_PX = 200;
  var MAX_PX = 10000;
  var EVENTS = ['ready', 'state', 'height', 'error'];
  var embeds = [];

  function frameOf(target) {
    var el = typeof target === 'string' ? document.querySelector(target) : target;
    if (el && el.tagName !== 'IFRAME' && el.querySelector) el = el.querySelector('iframe');
    if (!el || el.tagName !== 'IFRAME') throw new Error('TalentFlow.embed: no iframe found for ' + target);
    return el;
  }

  /** One embedded explorer. */
  function Embed(frame) {
    this.frame = frame;
    this.ready = false;
    this.state = null;
    this.handlers = {};
    this.waiting = [];
  }

  // A sandboxed frame without allow-same-origin has an opaque origin,
  // which postMessage cannot name: there the message goes to any origin
  // (it carries only settings).
  Embed.prototype.targetOrigin = function () {
    var sandbox = this.frame.getAttribute('sandbox');
    if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) return '*';
    try {
      return new URL(this.frame.src, location.href).origin;
    } catch (e) {
      return '*';
    }
  };

  Embed.prototype.send = function (message) {
    message.version = VERSION;
    if (!this.ready) {
      this.waiting.push(message);
      return this;
    }
    if (this.frame.contentWindow) this.frame.contentWindow.postMessage(message, this.targetOrigin());
    return this;
  };

  /** Shows the baseline with these settings ({ parameter key: value }). */
  Embed.prototype.set = function (settings) { return this.send({ type: 'talentflow:set', settings: settings }); };
  /** Takes a preset, by its id (as preset= in links). */
  Embed.prototype.preset = function (id) { return this.send({ type: 'talentflow:preset', preset: id }); };
  /** Opens a story step, counted from 1 (0 closes the story). */
  Embed.prototype.story = function (step) { return this.send({ type: 'talentflow:story', step: step }); };
  /** Shows the page in a language: 'en' or 'zh-CN'. */
  Embed.prototype.lang = function (tag) { return this.send({ type: 'talentflow:lang', lang: tag }); };

  /** Calls fn(message) on 'ready', 'state', 'height' or 'error'. */
  Embed.prototype.on = function (name, fn) {
    if (EVENTS.indexOf(name) < 0) throw new Error('TalentFlow: unknown event ' + name);
    (this.handlers[name] = this.handlers[name] || []).push(fn);
    if (name === 'ready' && this.ready) fn(this.state);
    return this;
  };
  Embed.prototype.off = function (name, fn) {
    var list = this.handlers[name] || [];
    var i = list.indexOf(fn);
    if (i >= 0) list.splice(i, 1);
    return this;
  };

  Embed.prototype.emit = function (name, message) {
    var list = (this.handlers[name] || []).slice();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i](message);
      } catch (e) {
        if (window.console) console.error(e);
      }
    }
  };

  function embedFor(frame) {
    for (var i = 0; i < embeds.length; i++) if (embeds[i].frame === frame) return embeds[i];
    var embed = new Embed(frame);
    embeds.push(embed);
    return embed;
  }

  function resize(frame, height) {
    var px = Math.max(MIN_PX, Math.min(MAX_PX, Math.ceil(height)));
    frame.style.height = px + 'px';
    frame.setAttribute('height', String(px));
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('talentflow:') !== 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== event.source) continue;
      var frame = frames[i];
      if (data.type === 'talentflow:height') {
        if (typeof data.height !== 'number' || !isFinite(data.height)) return;
        // A frame whose page fixes its size (data-talentflow-size="fixed",
        // as the scrollytelling page does) keeps it.
        if (frame.getAttribute('data-talentflow-size') !== 'fixed') resize(frame, data.height);
        embedFor(frame).emit('height', data);
        return;
      }
      if (data.version !== VERSION) return;
      var embed = embedFor(frame);
      if (data.type === 'talentflow:ready' || data.type === 'talentflow:state') {
        embed.state = data;
        if (!embed.ready) {
          embed.ready = true;
          var waiting = embed.waiting.splice(0);
          for (var j = 0; j < waiting.length; j++) embed.send(waiting[j]);
          embed.emit('ready', data);
        }
        if (data.type === 'talentflow:state') embed.emit('state', data);
      } else if (data.type === 'talentflow:error') {
        embed.emit('error', data);
      }
      return;
    }
  }

  function ask() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      try {
        if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ version: VERSION, type: 'talentflow:request-height' }, '*');
      } catch (e) {
        // A frame that cannot be reached is not ours to size.
      }
    }
  }

  window.addEventListener('message', onMessage);
  window.TalentFlow = {
    version: VERSION,
    /** The explorer in this iframe (an element, a container or a selector). */
    embed: function (target) { return embedFor(frameOf(target)); },
  };
  window.talentflowEmbed = { version: VERSION };
  ask();
  if (document.readyState !== 'complete') window.addEventListener('load', ask);
})();
