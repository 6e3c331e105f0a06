{#- The "page not found" page's first script (overrides/404.html; its settings are written by
   sphub/outputs/error_page.py). The host shows the site's top 404.html for every address it
   does not have, at any depth and in any language:
   - the site's base is the settings' (from site_url), else the address asked for up to the
     first name that stands at the site's top ("/sphub/fr/members/x" -> "/sphub/"), else the
     folder of the address; when the page's addresses are relative, it becomes the page's
     <base>, so styles, scripts and links resolve at any depth;
   - an address under another language's folder (/fr/...) is sent to that language's
     404.html, which puts the address asked for back in the address bar;
   - a wrong decision tree address gets a link to the deepest question of the tree it names. -#}
(function () {
  var settings = JSON.parse(document.getElementById("sphub-not-found").textContent)
  var from = /^#sphub-from=(.+)$/.exec(location.hash)
  var asked = from ? decodeURIComponent(from[1]) : location.pathname + location.search + location.hash
  if (from) history.replaceState(null, "", asked)
  var path = asked.split(/[?#]/)[0]
  var base = settings.base
  if (!base || path.indexOf(base) !== 0) {
    var segments = path.split("/")
    var at = -1
    for (var i = 1; i < segments.length && at < 0; i++) {
      if (settings.top.indexOf(segments[i]) >= 0) at = i
    }
    if (at < 0) at = segments[segments.length - 1] ? segments.length - 1 : segments.length - 2
    base = segments.slice(0, Math.max(at, 1)).join("/") + "/"
  }
  var rest = path.slice(base.length).split("/")
  var lang = Object.keys(settings.langs).filter(function (code) {
    return settings.langs[code] && settings.langs[code] === rest[0] + "/"
  })[0]
  if (!lang) {
    lang = Object.keys(settings.langs).filter(function (code) { return !settings.langs[code] })[0]
  }
  var root = base + settings.langs[settings.lang]
  var leaving = lang !== settings.lang && !from
  if (!settings.base) {
    var element = document.createElement("base")
    element.href = root
    document.head.appendChild(element)
  }
  {# A relative page's styles and scripts, held in a <template> before each call #}
  {# (error_page.py), are loaded from the base, in the page's order; none on a page left. #}
  window.sphubLoad = function () {
    var here = document.currentScript
    var held = here.previousElementSibling.content.firstElementChild
    if (leaving) return
    var loaded = document.createElement(held.tagName)
    Array.prototype.forEach.call(held.attributes, function (a) { loaded.setAttribute(a.name, a.value) })
    if (held.tagName === "SCRIPT") loaded.async = false
    here.parentNode.insertBefore(loaded, here)
  }
  if (leaving) {
    location.replace(base + settings.langs[lang] + "404.html#sphub-from=" + encodeURIComponent(asked))
    return
  }
  {# A decision tree address (decision-tree/q/<question>/<answer>/...): its last segment #}
  {# that names a question of the tree. #}
  if (settings.langs[lang]) rest = rest.slice(1)
  if (rest[0] !== "decision-tree") return
  var named = rest.slice(1).filter(function (segment) {
    return Object.prototype.hasOwnProperty.call(settings.questions, segment)
  })
  var found = settings.questions[named[named.length - 1]]
  if (!found) return
  document.addEventListener("DOMContentLoaded", function () {
    var item = document.getElementById("sphub-tree-back")
    var link = item.querySelector("a")
    link.href = root + found[0]
    link.textContent = found[1]
    item.hidden = false
  })
})()
