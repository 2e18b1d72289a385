// The game's page: point textual-serve's terminal at this host's WebSocket (ws:// or wss://
// as the page itself was loaded) before textual.js connects on window.onload.
(function () {
  "use strict";
  var terminal = document.getElementById("terminal");
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  terminal.dataset.sessionWebsocketUrl = scheme + window.location.host + terminal.dataset.socketPath;
  var again = document.getElementById("again");
  if (again) {
    again.addEventListener("click", function () { window.location.reload(); });
  }
})();
