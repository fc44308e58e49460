// Rapport's own few behaviours, in a file rather than in the page, so the Content-Security-Policy
// can forbid inline scripts (script-src 'self'). Loaded with `defer` on every page by base.html;
// listeners sit on the document, so parts that htmx swaps in keep working.
"use strict";

// A read-only field that holds something to copy (an API token, a calendar address): focus
// selects it all.
document.addEventListener("focusin", function (event) {
  var field = event.target;
  if (field instanceof HTMLInputElement && field.hasAttribute("data-select-on-focus")) {
    field.select();
  }
});

// A select that changes the page as soon as a choice is made (whose calendar); a <noscript>
// button beside it does the same without JavaScript.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (select instanceof HTMLSelectElement && select.hasAttribute("data-submit-on-change")) {
    select.form.submit();
  }
});

// The composer: "add to message" puts a fact's words where the cursor is; the provider then makes
// the sentence their own.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest(".insert-fact") : null;
  var body = document.getElementById("id_body");
  if (!button || !body) return;
  var text = button.dataset.text || "";
  var at = body.selectionStart || body.value.length;
  body.value = body.value.slice(0, at) + text + body.value.slice(at);
  body.focus();
  body.selectionStart = body.selectionEnd = at + text.length;
  body.dispatchEvent(new Event("input", { bubbles: true }));
});

// The composer: "Send anyway" vouches for the words it was shown with: once they change,
// Approve again.
(function () {
  var step = document.getElementById("second-step");
  var form = document.getElementById("compose-form");
  if (!step || !form) return;
  function backToApprove() {
    step.remove();
    document.getElementById("approve").hidden = false;
  }
  form.addEventListener("input", backToApprove, { once: true });
  var edit = document.getElementById("edit-draft");
  if (edit) {
    edit.addEventListener("click", function (event) {
      event.preventDefault();
      backToApprove();
      document.getElementById("id_body").focus();
    });
  }
})();

// The client list: the bar of bulk actions says how many clients it will act on. CSS shows the
// bar once a client is selected (no script needed); this only counts them.
document.addEventListener("change", function (event) {
  var box = event.target;
  if (!(box instanceof HTMLInputElement) || box.name !== "clients" || !box.form) return;
  var said = box.form.querySelector("[data-selected-count]");
  if (!said) return;
  var count = box.form.querySelectorAll("input[name=clients]:checked").length;
  said.textContent = count === 1 ? "1 client selected" : count + " clients selected";
});

// "Copy": puts the named field's words on the clipboard (an introduction passed on by hand).
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-copy"));
  if (!field) return;
  field.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});
