// The booking form's client picker (appointments/_client_picker.html). htmx refreshes the list
// as the provider types; this adds the keyboard: Down moves from the search box into the list
// (where the arrow keys move between clients, as in any group of radio buttons), Enter in the
// box chooses the first match instead of sending the form, and a choice writes the client's
// name into the box, so the form knows the search is over and Book books them.
"use strict";

(function () {
  var search = document.querySelector("[data-picker-search]");
  var list = document.getElementById("client-matches");
  if (!search || !list) return;

  function firstChoice() {
    return list.querySelector("input[name=client]:checked") || list.querySelector("input[name=client]");
  }

  search.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "Enter") return;
    var choice = event.key === "Enter" ? list.querySelector("input[data-match]") : firstChoice();
    if (event.key === "Enter") event.preventDefault();
    if (!choice) return;
    event.preventDefault();
    choice.checked = true;
    choice.dispatchEvent(new Event("change", { bubbles: true }));
    choice.focus();
  });

  list.addEventListener("change", function (event) {
    var choice = event.target;
    if (choice instanceof HTMLInputElement && choice.name === "client" && choice.checked) {
      search.value = choice.dataset.name || "";
    }
  });
})();
