/* Search loads when the visitor opens it. Material requests the whole search index
   (search/search_index.json; Zensical: search.json) as every page loads; that request is
   held back until search is
   opened: the search field gets focus (a click, or the "/", "s" or "f" keys), the search
   toggle is turned on (the magnifier on a phone), or the address carries a query ("?q=") or
   words to highlight ("?h=", a page opened from a search result). The engine's worker is
   replaced by sphub's (assets/javascripts/workers/sphub-search.js), which loads the engine's
   once the index is there. Inlined before the engine's bundle, which reads its configuration
   and sends the request as it starts.
   Material also requests sitemap.xml beside each `link rel=alternate` (to keep the page when
   its language selector is used): sphub's alternates name the same page in each language,
   so those requests would miss (404), and the switcher's links already lead to the same
   page; they are not sent. */
(function () {
  var element = document.getElementById("__config")
  var config = JSON.parse(element.textContent)
  var worker = /search\.[0-9a-f]+\.min\.js$/
  if (!worker.test(config.search || "")) return // no search, or one sphub does not know
  config.search = config.search.replace(worker, function (name) {
    return "sphub-search.js?m=" + name
  })
  element.textContent = JSON.stringify(config)

  var opened = /[?&][qh]=/.test(location.search)
  var held = []
  function open() {
    opened = true
    held.splice(0).forEach(function (send) {
      send()
    })
  }
  var xhrOpen = XMLHttpRequest.prototype.open
  var xhrSend = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    this.sphubIndex = /\/search(\/search_index)?\.json$/.test(String(url))
    this.sphubSitemap = /\/sitemap\.xml$/.test(String(url))
    return xhrOpen.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (request.sphubSitemap) return
    if (request.sphubIndex && !opened) {
      held.push(function () {
        xhrSend.apply(request, args)
      })
    } else {
      xhrSend.apply(request, args)
    }
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-md-component=search-query]")) open()
  })
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) open()
  })
})()
