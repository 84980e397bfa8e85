// Quiz page: save answers as the trainee goes, and show the time left.
// Without JavaScript the page still works: "Save and finish later" and "Submit" post the form.
(function () {
  "use strict";
  var form = document.querySelector("form.quiz-form");
  if (!form) { return; }
  var status = form.querySelector("[data-save-status]");
  var pending = null;

  function say(text) { if (status) { status.textContent = text; } }

  function save() {
    pending = null;
    var body = new FormData(form);
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) { return { response: response, data: data }; });
    }).then(function (result) {
      if (result.data.closed) { window.location.reload(); return; }
      say(result.response.ok ? result.data.message : result.data.error);
    }).catch(function () {
      say(form.dataset.offlineMessage || "");
    });
  }

  form.addEventListener("change", function () {
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(save, 600);
  });

  var timer = document.querySelector("[data-seconds-left]");
  if (timer) {
    var deadline = Date.now() + 1000 * parseInt(timer.dataset.secondsLeft, 10);
    var output = timer.querySelector("[data-countdown]");
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      output.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        // The server refuses later answers anyway; submitting now keeps those given in time.
        form.submit();
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
}());
