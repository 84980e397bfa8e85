// The lesson page's side of each H5P exercise: hands the sandboxed frame what to play,
// relays its xAPI statements and saved state to the server, and updates the page when a
// result changes where the lesson stands. The frame is untrusted (cms/static/cms/sandbox.js).
(function () {
  "use strict";
  if (window.LiaisonH5PLesson) { return; }
  window.LiaisonH5PLesson = true;

  var STATE_DELAY = 1000;

  function say(status, which) {
    if (status) { status.textContent = status.dataset[which] || ""; }
  }

  function lessonUpdate(answer) {
    if (!answer || typeof answer.lesson_completed !== "boolean") { return; }
    var form = document.querySelector("[data-lesson-finish]");
    if (answer.lesson_completed) {
      var done = document.querySelector("[data-lesson-done]");
      if (done) { done.hidden = false; }
      if (form) { form.remove(); }
      return;
    }
    if (!form) { return; }
    var banner = form.querySelector("[data-lesson-missing]");
    var button = form.querySelector("button[type=submit]");
    var missing = Array.isArray(answer.missing) ? answer.missing : [];
    if (banner) {
      banner.hidden = !missing.length;
      banner.querySelector("[data-lesson-missing-items]").textContent = missing.join("; ");
    }
    if (button) {
      button.disabled = missing.length > 0;
      if (!missing.length) { button.removeAttribute("aria-describedby"); }
    }
  }

  function bestUpdate(block, answer) {
    var best = block.querySelector("[data-h5p-best]");
    if (!best || !answer || !answer.best_scaled) { return; }
    var value = Number(answer.best_scaled);
    best.textContent = best.dataset.template.replace("__best__", value.toLocaleString(document.documentElement.lang));
    best.hidden = false;
  }

  function stateSaver(url, csrfToken) {
    var pending = null;
    var timer = null;
    function send() {
      timer = null;
      if (pending === null) { return; }
      var state = pending;
      pending = null;
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
        body: JSON.stringify({ state: state })
      }).then(function (response) {
        if (!response.ok && response.status !== 400 && response.status !== 404 && pending === null) {
          pending = state;
          timer = window.setTimeout(send, 10000);
        }
      }).catch(function () {
        if (pending === null) { pending = state; timer = window.setTimeout(send, 10000); }
      });
    }
    // Leaving the page: what waits goes now (keepalive lets it outlive the page).
    window.addEventListener("pagehide", function () {
      if (timer) { window.clearTimeout(timer); send(); }
    });
    return function (state) {
      pending = state;
      if (!timer) { timer = window.setTimeout(send, STATE_DELAY); }
    };
  }

  function start(frame) {
    var block = frame.closest(".h5p-block");
    var status = block.querySelector("[data-player-status]");
    var options = JSON.parse(document.getElementById(frame.dataset.options).textContent);
    var statementsUrl = frame.dataset.statementsUrl;
    var stateUrl = frame.dataset.stateUrl;
    var outbox = window.LiaisonSandbox.outbox(frame.dataset.queueKey, frame.dataset.csrfToken,
      function (url, code, answer) {
        if (url === null) { say(status, "pending"); return; }
        if (url !== statementsUrl) { return; }
        if (code === 200) {
          say(status, "saved");
          bestUpdate(block, answer);
          lessonUpdate(answer);
        } else {
          say(status, "refused");
        }
      });
    var saveState = stateUrl ? stateSaver(stateUrl, frame.dataset.csrfToken) : null;

    window.LiaisonSandbox.connect(frame, {
      ready: function (data, reply) {
        reply({ type: "init", options: options, title: frame.title });
      },
      statement: function (data) {
        var statement = data.statement;
        if (!statementsUrl || statement === null || typeof statement !== "object" || Array.isArray(statement)) { return; }
        statement.id = typeof statement.id === "string" ? statement.id : outbox.newId();
        outbox.add(statementsUrl, statement);
      },
      state: function (data) {
        if (saveState && typeof data.state === "string") { saveState(data.state); }
      }
    });
    outbox.flush();  // statements left over from an earlier visit
  }

  function startAll() {
    document.querySelectorAll("iframe[data-h5p-player]").forEach(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startAll);
  } else {
    startAll();
  }
}());
