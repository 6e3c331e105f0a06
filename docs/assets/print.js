// Open every collapsed block before printing and close again after: CSS alone cannot open a
// <details> element in Chromium. (Printing works without this script; blocks stay as they are.)
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    // A printed plan says when and where it was printed, and where each link leads.
    document.querySelectorAll("[data-sphub-today]").forEach(function (span) {
      span.textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined,
        { year: "numeric", month: "long", day: "numeric" });
    });
    document.querySelectorAll("[data-sphub-here]").forEach(function (span) {
      span.textContent = window.location.href;
    });
    // Each address once, after its first link: a plan names the same page more than once.
    var printed = {};
    document.querySelectorAll(".sphub-page a[href]:not([href^='#']):not([href^='http'])")
      .forEach(function (a) {
        if (printed[a.href]) a.removeAttribute("data-sphub-address");
        else a.setAttribute("data-sphub-address", a.href);
        printed[a.href] = true;
      });
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"),
      function (d) { d.open = true; return true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

// "Print this plan" buttons: bound here rather than with an inline onclick, so no page carries
// inline script. They ship hidden: without JavaScript the page says to use Print instead.
document.querySelectorAll("[data-sphub-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
  button.parentNode.hidden = false;
});
