{#- Search loads when the visitor opens it. Material requests the whole search index
   (search/search_index.json; Zensical: search.json) as every page loads; that request is
   held back until search is opened: the search field gets focus (a click, or the "/", "s" or
   "f" keys), the search toggle is turned on (the magnifier on a phone), or the address
   carries a query ("?q=") or words to highlight ("?h=", a page opened from a search result;
   such a page also loads assets/search-highlight.js, which marks those words whatever their
   accents). The engine's worker is replaced by sphub's
   (assets/javascripts/workers/sphub-search.js), which loads the engine's once the index is
   there. Inlined before the engine's bundle, which reads its configuration and sends the
   request as it starts.
   Material also requests sitemap.xml beside each `link rel=alternate` (to keep the page when
   its language selector is used): sphub's alternates name the same page in each language,
   so those requests would miss (404), and the switcher's links already lead to the same
   page; they are not sent. -#}
(function () {
  var element = document.getElementById("__config")
  var config = JSON.parse(element.textContent)
  var worker = /search\.[0-9a-f]+\.min\.js$/
  if (!worker.test(config.search || "")) return {# no search, or one sphub does not know #}
  config.search = config.search.replace(worker, function (name) {
    return "sphub-search.js?m=" + name
  })
  element.textContent = JSON.stringify(config)

  var opened = /[?&][qh]=/.test(location.search)
  if (/[?&]h=/.test(location.search)) {
    {# A page opened from a search result: its words are marked whatever their accents. #}
    var highlight = document.createElement("script")
    highlight.src = new URL(config.base + "/assets/search-highlight.js", location.href).href
    document.head.appendChild(highlight)
  }
  {# Material starts its search worker as the page loads and sends it nothing until the index #}
  {# is there: the worker (sphub's script) is started, and its script fetched, at that first #}
  {# message. Material listens with addEventListener, Zensical with onmessage and onerror. #}
  var StartWorker = window.Worker {# the iframe-worker shim's from file://, loaded before #}
  window.Worker = function (url, options) {
    if (String(url).indexOf("sphub-search.js") < 0) return new StartWorker(url, options)
    var later = new EventTarget()
    var started = null
    later.postMessage = function (message) {
      if (!started) {
        started = new StartWorker(url, options)
        started.onmessage = function (event) {
          var copy = new MessageEvent("message", { data: event.data })
          later.dispatchEvent(copy)
          if (later.onmessage) later.onmessage(copy)
        }
        started.onerror = function (event) {
          if (later.onerror) later.onerror(event)
        }
      }
      started.postMessage(message)
    }
    later.terminate = function () {
      if (started) started.terminate()
    }
    return later
  }

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
