// The plan page's two behaviours, kept out of the page so its Content Security Policy can
// forbid inline script: the "Print this plan" button, and printing on load when the widget
// asked for it (it loads the page with ?print=1 in a hidden frame).
(function () {
  "use strict";
  var button = document.getElementById("print-plan");
  if (button) button.addEventListener("click", function () { window.print(); });
  if (document.body.getAttribute("data-autoprint") === "true") {
    window.addEventListener("load", function () { window.print(); });
  }
})();
