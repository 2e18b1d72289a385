// The teacher's page: the tables stay live over a WebSocket (the host sends their markup,
// already escaped, whenever it changes), and the buttons act without reloading the page.
(function () {
  "use strict";
  var tables = document.getElementById("tables");
  var live = document.getElementById("live");
  var token = tables.dataset.csrf;
  var wait = 500;

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/teacher/ws");
    socket.addEventListener("open", function () {
      wait = 500;
      live.textContent = "live";
      live.className = "live on";
    });
    socket.addEventListener("message", function (event) {
      var update = JSON.parse(event.data);
      if (typeof update.html === "string") { tables.innerHTML = update.html; }
    });
    socket.addEventListener("close", function () {
      live.textContent = "reconnecting…";
      live.className = "live off";
      setTimeout(connect, wait);
      wait = Math.min(wait * 2, 8000);
    });
  }

  tables.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("control")) { return; }
    event.preventDefault();
    if (form.action.endsWith("/end") && !window.confirm("End this table's game?")) { return; }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Form-Token": token }
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.ok) { tables.innerHTML = answer.html; }
        else { window.alert(answer.message); }
      })
      .catch(function () { window.alert("The host did not answer."); });
  });

  connect();
})();
