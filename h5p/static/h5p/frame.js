// Runs inside the sandboxed player frame (opaque origin; see h5p/views.py). It asks its
// parent for what to play, plays it with h5p-standalone, and reports by postMessage: xAPI
// statements, the exercise's state (to resume later) and its height. The package's own
// scripts run beside this one: the parent checks everything it is sent.
(function () {
  "use strict";
  var container = null;

  // The sandbox has no storage: reading localStorage throws, and H5P core and some content
  // types read it unguarded (the clipboard, for one). They get a store that lasts as long
  // as the page. Loaded before the player so it is in place when they look.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    var usable = false;
    try { usable = !!window[name]; } catch (e) { usable = false; }
    if (!usable) { Object.defineProperty(window, name, { value: memoryStorage(), configurable: true }); }
  });
  var parentOrigin = null;
  var lastState = null;
  var SAVE_EVERY = 10000;

  function send(message) {
    if (!parentOrigin) { return; }
    message.liaison = 1;
    window.parent.postMessage(message, parentOrigin);
  }

  function instance() {
    var inner = container.querySelector("iframe");
    var frameWindow = inner && inner.contentWindow;
    var H5P = (frameWindow && frameWindow.H5P && frameWindow.H5P.instances && frameWindow.H5P.instances.length)
      ? frameWindow.H5P : window.H5P;
    return H5P && H5P.instances ? H5P.instances[0] : null;
  }

  function saveState() {
    var current = instance();
    if (!current || typeof current.getCurrentState !== "function") { return; }
    var state;
    try { state = current.getCurrentState(); } catch (e) { return; }
    var json = state === undefined || state === null ? "" : JSON.stringify(state);
    if (json === lastState) { return; }
    lastState = json;
    send({ type: "state", state: json });
  }

  function reportHeight() {
    // The content's own height (the document's would never be less than the frame).
    send({ type: "resize", height: Math.ceil(Math.max(document.body.offsetHeight, container.scrollHeight)) });
  }

  function start(options, title) {
    container = document.getElementById("h5p-container");
    lastState = options.contentUserData ? options.contentUserData[0].state : "";
    new window.H5PStandalone.H5P(container, options).then(function () {
      // H5P writes its frame, and the document in it, without a title: screen readers
      // would announce an unnamed frame. Both take the exercise's title.
      var frame = container.querySelector("iframe");
      if (frame) {
        frame.title = frame.title || title;
        var inner = frame.contentDocument;
        if (inner && !inner.title) { inner.title = title; }
      }
      document.title = title;
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        send({ type: "statement", statement: event.data.statement });
        saveState();
      });
      // After what the trainee does (soon, once), on a timer, and when the page is hidden.
      var soon = null;
      function saveSoon() {
        if (soon) { return; }
        soon = window.setTimeout(function () { soon = null; saveState(); }, 500);
      }
      ["change", "click", "keyup"].forEach(function (name) { document.addEventListener(name, saveSoon, true); });
      window.setInterval(saveState, SAVE_EVERY);
      document.addEventListener("visibilitychange", saveState);
      if (window.ResizeObserver) { new window.ResizeObserver(reportHeight).observe(document.body); }
      reportHeight();
    });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || parentOrigin) { return; }
    var data = event.data;
    if (!data || data.liaison !== 1 || data.type !== "init") { return; }
    parentOrigin = event.origin;
    start(data.options, String(data.title || ""));
  });

  // Once the player has loaded, and until the parent answers (its script may start after
  // this frame), say we are ready.
  var tries = 0;
  function ready() {
    if (parentOrigin || tries++ > 100) { return; }
    window.parent.postMessage({ liaison: 1, type: "ready" }, "*");
    window.setTimeout(ready, 100);
  }
  document.addEventListener("DOMContentLoaded", ready);
}());
