// Follows a report run while it is built: polls its status every 2 s, moves the progress bar,
// and reloads the page when the run is done or failed. Without JavaScript the page offers a
// plain "reload" link instead.
(function () {
  "use strict";

  var box = document.querySelector("[data-status-url]");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-status-url");
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  var INTERVAL = 2000;

  function show(progress) {
    if (bar) {
      bar.value = progress;
      bar.textContent = progress + " %";
    }
    if (text) {
      text.textContent = progress;
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        show(data.progress);
        if (data.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, INTERVAL);
        }
      })
      .catch(function () {
        // A hiccup (network, deploy): try again a little later.
        window.setTimeout(poll, INTERVAL * 2);
      });
  }

  window.setTimeout(poll, INTERVAL);
})();
