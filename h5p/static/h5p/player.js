// Liaison's H5P player: plays one package with h5p-standalone and sends every xAPI statement
// to Liaison. Statements wait in localStorage until the server has them, so a score is never
// lost to a dropped connection or a server error; each carries an id, so a resend that the
// server already stored is ignored there.
(function () {
  "use strict";
  var container = document.getElementById("h5p-container");
  var options = JSON.parse(document.getElementById("h5p-options").textContent);
  var statementsUrl = container.dataset.statementsUrl;
  var queueKey = container.dataset.queueKey;
  var status = document.querySelector("[data-player-status]");
  var sending = false;
  var retryDelay = 2000;
  var BATCH = 50;

  function say(which) { if (status) { status.textContent = status.dataset[which] || ""; } }

  var memory = [];  // used when the browser refuses localStorage (private mode, full)

  function load() {
    try { return JSON.parse(window.localStorage.getItem(queueKey) || "[]"); } catch (e) { return memory; }
  }

  function store(queue) {
    memory = queue;
    try { window.localStorage.setItem(queueKey, JSON.stringify(queue)); } catch (e) { /* memory keeps it */ }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function enqueue(statement) {
    statement.id = statement.id || newId();
    var queue = load().concat([{ url: statementsUrl, statement: statement }]);
    store(queue);
    flush();
  }

  function forget(ids) {
    store(load().filter(function (item) { return ids.indexOf(item.statement.id) === -1; }));
  }

  function later() {
    sending = false;
    say("pending");
    window.setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  }

  function flush() {
    var queue = load();
    if (sending || !queue.length) { return; }
    sending = true;
    var target = queue[0].url;
    var batch = queue.filter(function (item) { return item.url === target; }).slice(0, BATCH);
    var ids = batch.map(function (item) { return item.statement.id; });
    fetch(target, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": container.dataset.csrfToken },
      body: JSON.stringify(batch.map(function (item) { return item.statement; }))
    }).then(function (response) {
      if (response.ok) {
        forget(ids);
        retryDelay = 2000;
        sending = false;
        say("saved");
        flush();
      } else if (response.status === 400 || response.status === 404) {
        // Refused for good (malformed, or the exercise left the lesson): resending cannot help.
        forget(ids);
        sending = false;
        flush();
      } else {
        later();  // 403 (signed out), 5xx: keep them and try again
      }
    }).catch(later);
  }

  window.addEventListener("online", flush);
  flush();  // statements left over from an earlier visit

  if (window.H5PStandalone) {
    new window.H5PStandalone.H5P(container, options).then(function () {
      // H5P writes its frame, and the document in it, without a title: screen readers
      // would announce an unnamed frame. Both take the exercise's title.
      var frame = container.querySelector("iframe");
      if (frame) {
        frame.title = frame.title || container.dataset.title;
        var inner = frame.contentDocument;
        if (inner && !inner.title) { inner.title = container.dataset.title; }
      }
      // The dispatcher exists only once the player is ready.
      if (statementsUrl) {
        window.H5P.externalDispatcher.on("xAPI", function (event) { enqueue(event.data.statement); });
      }
    });
  }
}());
