// Open every collapsed block before printing and close again after: CSS alone cannot open a
// <details> element in Chromium. (Printing works without this script; blocks stay as they are.)
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"),
      function (d) { d.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

// "Print this plan" buttons: bound here rather than with an inline onclick, so no page carries
// inline script. Without JavaScript the button does nothing and the page says to use Print.
document.querySelectorAll("[data-sphub-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
