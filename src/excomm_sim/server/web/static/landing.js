// The landing page: as a whole table code is typed, show that table and its free seats.
(function () {
  "use strict";
  var code = document.getElementById("code");
  var seat = document.getElementById("seat");
  var line = document.getElementById("table");
  var asked = "";

  function letters(text) { return text.replace(/[^0-9a-z]/gi, ""); }

  function show(answer) {
    var keep = seat.value;
    while (seat.options.length > 1) { seat.remove(1); }
    line.textContent = answer.ok ? answer.line : answer.message;
    line.className = answer.ok ? "hint" : "hint refusal";
    (answer.seats || []).forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry.role;
      option.textContent = entry.title ? entry.name + " (" + entry.title + ")" : entry.name;
      option.selected = entry.role === keep;
      seat.appendChild(option);
    });
  }

  function ask() {
    var typed = code.value;
    if (letters(typed).length < 6 || typed === asked) { return; }
    asked = typed;
    var body = new URLSearchParams();
    body.set("code", typed);
    fetch("/seats", { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (answer) { if (code.value === typed) { show(answer); } })
      .catch(function () { line.textContent = "The host did not answer; is it still running?"; });
  }

  code.addEventListener("input", ask);
  code.addEventListener("change", ask);
  ask();
})();
