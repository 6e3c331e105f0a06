// Boxes that scroll sideways on a narrow screen (wide tables, Material's wrapped Markdown
// tables, pictures) must be reachable by keyboard to be scrolled: each one that overflows
// joins the tab order. Without JavaScript they still scroll by touch and mouse.
(function () {
  var BOXES = ".md-typeset__scrollwrap, .md-typeset .sphub-table, .sphub-figure__scroll, .sphub-diagram";
  function mark() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) box.tabIndex = 0;
    });
  }
  // Material wraps its tables when it sets up each page (document$), after this script runs.
  if (window.document$) window.document$.subscribe(mark);
  else window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
})();
