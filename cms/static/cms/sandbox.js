// Liaison's side of a sandboxed player frame (H5P today, SCORM next).
//
// Uploaded content runs in an iframe with sandbox="allow-scripts …" and no allow-same-origin:
// its origin is opaque, so it holds no session and cannot touch this page. Everything it
// may do goes through postMessage, and this page trusts none of it: a message counts only
// if it comes from that very frame, carries {liaison: 1, type}, has a type the player
// accepts, and is small. What the frame asks for is sent to the server by this page, to
// the addresses the server gave this page, never to an address the frame names.
//
// LiaisonSandbox.connect(frame, handlers): handlers.<type>(data, reply) for each accepted
// message type; reply(message) posts back to the frame. "resize" is handled here.
// LiaisonSandbox.outbox(key, csrfToken, onAnswer): a queue of JSON posts kept in
// localStorage until the server answers, so nothing is lost to a dropped connection.
(function () {
  "use strict";
  if (window.LiaisonSandbox) { return; }

  var MAX_MESSAGE = 512 * 1024;  // characters of JSON in one message from a frame

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function size(value) {
    try { return JSON.stringify(value).length; } catch (e) { return Infinity; }
  }

  function connect(frame, handlers) {
    function reply(message) {
      if (!frame.contentWindow) { return; }
      message.liaison = 1;
      // An opaque origin cannot be named: "*" is the only target that reaches it. The
      // frame is this page's own child (checked below for every message it sends).
      frame.contentWindow.postMessage(message, "*");
    }

    window.addEventListener("message", function (event) {
      // Only this frame, and only while it is sandboxed (an opaque origin says "null").
      if (event.source !== frame.contentWindow || event.origin !== "null") { return; }
      var data = event.data;
      if (!isPlainObject(data) || data.liaison !== 1 || typeof data.type !== "string") { return; }
      if (data.type === "resize") {
        var height = Number(data.height);
        if (isFinite(height)) { frame.style.height = Math.max(200, Math.min(height, 20000)) + "px"; }
        return;
      }
      if (!Object.prototype.hasOwnProperty.call(handlers, data.type)) { return; }
      if (size(data) > MAX_MESSAGE) { return; }
      handlers[data.type](data, reply);
    });
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // Items are {id, url, body}; items for the same address go together as a JSON list (up
  // to BATCH). onAnswer(url, status, json) hears every answer, so the page can update.
  function outbox(key, csrfToken, onAnswer) {
    var BATCH = 50;
    var memory = [];  // when the browser refuses localStorage (private mode, full)
    var sending = false;
    var retryDelay = 2000;

    function load() {
      try { return JSON.parse(window.localStorage.getItem(key) || "[]"); } catch (e) { return memory; }
    }
    function store(queue) {
      memory = queue;
      try { window.localStorage.setItem(key, JSON.stringify(queue)); } catch (e) { /* memory keeps it */ }
    }
    function forget(ids) {
      store(load().filter(function (item) { return ids.indexOf(item.id) === -1; }));
    }
    function later() {
      sending = false;
      onAnswer(null, 0, null);
      window.setTimeout(flush, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    }
    function flush() {
      var queue = load();
      if (sending || !queue.length) { return; }
      sending = true;
      var target = queue[0].url;
      var batch = queue.filter(function (item) { return item.url === target; }).slice(0, BATCH);
      var ids = batch.map(function (item) { return item.id; });
      fetch(target, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
        body: JSON.stringify(batch.map(function (item) { return item.body; }))
      }).then(function (response) {
        if (response.ok || response.status === 400 || response.status === 404) {
          // Stored, or refused for good (malformed, or the exercise left the lesson):
          // resending cannot help either way.
          forget(ids);
          retryDelay = 2000;
          sending = false;
          return response.json().catch(function () { return null; }).then(function (json) {
            onAnswer(target, response.status, json);
            flush();
          });
        }
        later();  // 403 (signed out), 5xx: keep them and try again
      }).catch(later);
    }
    function add(url, body) {
      store(load().concat([{ id: newId(), url: url, body: body }]));
      flush();
    }
    window.addEventListener("online", flush);
    return { add: add, flush: flush, newId: newId };
  }

  window.LiaisonSandbox = { connect: connect, outbox: outbox };
}());
