/* The words of the search a page was opened from (?h=, added by Material to each result's
   address), marked on the page whatever their accents. Material marks the words as they were
   searched: sphub's worker folds accents, so "Cecile" finds "Cécile", and Material leaves
   "Cécile" unmarked. This marks the places where the page's text, its accents dropped, is a
   searched word but its own text is not (the places Material marks itself are left to it).
   Loaded only on a page opened from a search result (overrides/partials/search-lazy.js). */
;(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  }
  var words = fold(new URLSearchParams(location.search).get("h") || "")
    .split(/[\s\-]+/)
    .filter(function (word) {
      return word.length > 1
    })
  if (!words.length) return

  /* The text folded, and for each of its characters the index of the text's character it
     comes from ("é" folds to one "e"; a ligature may fold to more than one). */
  function folded(text) {
    var out = ""
    var from = []
    for (var i = 0; i < text.length; i++) {
      var part = fold(text[i])
      out += part
      for (var j = 0; j < part.length; j++) from.push(i)
    }
    from.push(text.length)
    return { text: out, from: from }
  }

  function places(node) {
    var text = node.textContent
    var view = folded(text)
    var found = []
    words.forEach(function (word) {
      var at = view.text.indexOf(word)
      while (at >= 0) {
        var start = view.from[at]
        var end = view.from[at + word.length]
        var before = start === 0 ? "" : text[start - 1]
        var own = text.slice(start, end).toLowerCase()
        if (!/[\p{L}\p{N}]/u.test(before) && own !== word) found.push([start, end])
        at = view.text.indexOf(word, at + word.length)
      }
    })
    return found.sort(function (a, b) {
      return b[0] - a[0]
    })
  }

  function mark() {
    var content = document.querySelector(".md-content")
    if (!content) return
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    var nodes = []
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest("mark, script, style")) nodes.push(node)
    }
    nodes.forEach(function (node) {
      var last = node.textContent.length + 1
      places(node).forEach(function (place) {
        if (place[1] > last) return // overlaps a place marked already (from the end)
        var word = node.splitText(place[0])
        word.splitText(place[1] - place[0])
        var highlight = document.createElement("mark")
        highlight.setAttribute("data-md-highlight", "")
        word.parentNode.replaceChild(highlight, word)
        highlight.appendChild(word)
        last = place[0]
      })
    })
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark)
  else mark()
})()
