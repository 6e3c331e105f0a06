/* sphub's search worker: the engine's own (its file name comes after "?m=" in this script's
   address, put there by overrides/partials/search-lazy.js), loaded with the first message (the
   index, sent once search is opened), not with the page. Material's (lunr) is taught two
   things, in every language the site is built in:
   - accents do not matter: the index and every query are folded ("Cécile" and "Cecile" are
     both "cecile"; a French or Spanish stemmer runs before the folding);
   - one wrong, missing or extra letter in a word of five letters or more is forgiven: a word
     that no word of the index starts with is replaced by the words of the index one edit
     away ("regulaters" finds "regulators"; "Pakistn microfinance" asks for "pakistan", so
     the pages on Pakistan come first, not every page on microfinance);
   - a name written with a hyphen is found written joined too: "Sa-Dhan" is also indexed as
     "sadhan" ("Sadhan", and "Sadan" one letter away, find it), "MON-PAK" as "monpak".
   Zensical's worker forgives typos itself and is passed every message as it is; it folds
   case and compatibility forms but keeps accents (NFKD without removing the marks), so it is
   taught to drop them (foldNfkd).
   This runs as a Web Worker, or in the iframe of the iframe-worker shim from file:// (the
   offline build), where importScripts returns a promise. */
"use strict"

var source = self.document ? document.currentScript.src : self.location.href
var engine = new URL(source.match(/[?&]m=([^?&#]+)/)[1], source).href
var listen = self.addEventListener.bind(self)
var reply = self.postMessage.bind(self)
var SETUP = 0
var QUERY = 2
var answered = [] // Material's answers, taken in the order they come
var ask = null // hands a message to the engine's worker; resolves with its answer
var index = null // the lunr index Material built
var pending = Promise.resolve()
var TYPO_MIN = 5 // letters a word needs before a typo in it is forgiven
var CORRECTIONS_MAX = 5 // words of the index one edit away that stand in for one typed word

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")
}

/* Zensical's worker folds each word of its index and of a query with normalize("NFKD"): here
   that form also drops the accents. Only this worker's strings are concerned (it has a global
   scope of its own); the positions of the words, from which results are highlighted, come
   from the text as it is. */
function foldNfkd() {
  var normalize = String.prototype.normalize
  String.prototype.normalize = function (form) {
    var text = normalize.apply(this, arguments)
    return form === "NFKD" ? text.replace(/[\u0300-\u036f]/g, "") : text
  }
}

function foldToken(token) {
  return token.update(fold)
}

/* Load the engine's worker: its message listener is kept (it is called for each message, here)
   and its answers are taken rather than posted, so that a query can be asked again. */
async function loadEngine() {
  var listener = null
  self.addEventListener = function (type, fn) {
    if (type === "message") listener = fn
    else listen.apply(self, arguments)
  }
  self.postMessage = function (message) {
    answered.shift()(message)
  }
  await importScripts(engine)
  listener = listener || self.onmessage // Zensical's sets onmessage
  self.onmessage = null
  if (self.lunr) teach(self.lunr)
  else foldNfkd()
  ask = function (message) {
    return new Promise(function (resolve) {
      answered.push(resolve)
      listener({ data: message })
    })
  }
}

function teach(lunr) {
  lunr.Pipeline.registerFunction(foldToken, "sphubFold")
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (this.pipeline._stack.indexOf(foldToken) < 0) {
      this.pipeline.add(foldToken)
      this.searchPipeline.add(foldToken)
    }
    // A copy: Material shows its results from the document itself.
    var joined = joinedNames(doc.title || "")
    if (joined) doc = Object.assign({}, doc, { title: doc.title + " " + joined })
    return add.call(this, doc, attributes)
  }
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments)
    return index
  }
}

/* The hyphenated names of a title written joined ("Sa-Dhan" -> "SaDhan"). */
function joinedNames(title) {
  return (title.match(/\p{L}+(?:-\p{L}+)+/gu) || [])
    .map(function (name) { return name.replace(/-/g, "") })
    .join(" ")
}

/* The query with each word of TYPO_MIN letters or more that no word of the index starts with
   replaced by the words of the index one edit away (none: the word stays). */
function corrected(query) {
  return query
    .split(/(\s+)/)
    .map(function (word) {
      if (!/^\p{L}+$/u.test(word) || [...word].length < TYPO_MIN) return word
      var lower = word.toLowerCase()
      // As the index holds it: stemmed in French and Spanish ("formations" is "format").
      var term = index.pipeline.runString(lower)[0]
      if (!term) return word // a stop word
      if (index.tokenSet.intersect(self.lunr.TokenSet.fromString(term + "*")).toArray().length) {
        return word
      }
      var near = index.tokenSet
        .intersect(self.lunr.TokenSet.fromFuzzyString(lower, 1))
        .toArray()
      return near.length ? near.slice(0, CORRECTIONS_MAX).join(" ") : word
    })
    .join("")
}

/* A name as it is compared with a query: folded, lower case, without spaces or hyphens
   ("Sa-Dhan", "Sa Dhan" and "sadhan" are one name). */
function nameKey(text) {
  return fold(text.replace(/<[^>]*>/g, "")).toLowerCase().replace(/[\s\-\u2010-\u2015]+/g, "")
}

/* Material's answer with the pages whose title is the query itself first ("Sadhan": the
   member Sa-Dhan before a case study about it), or a word the query was corrected to
   ("Sadan" asks for "sadhan"); the rest keep lunr's order. */
function exactFirst(answer, query, asked) {
  var items = answer && answer.data && answer.data.items
  if (!Array.isArray(items)) return answer
  var keys = [nameKey(query)].concat(asked.split(/\s+/).map(nameKey))
  var exact = function (item) {
    var doc = Array.isArray(item) ? item[0] : item
    return doc && typeof doc.title === "string" && keys.indexOf(nameKey(doc.title)) >= 0 ? 0 : 1
  }
  var order = items.map(function (item, i) { return [exact(item), i, item] })
  order.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] })
  var data = Object.assign({}, answer.data, { items: order.map(function (o) { return o[2] }) })
  return Object.assign({}, answer, { data: data })
}

async function handle(message) {
  if (message.type === SETUP && !ask) await loadEngine()
  if (message.type !== QUERY || !self.lunr) return ask(message)
  var query = fold(message.data)
  var asked = index ? corrected(query) : query
  var answer = await ask({ type: QUERY, data: asked })
  return exactFirst(answer, message.data, asked)
}

listen("message", function (event) {
  pending = pending.then(function () {
    return handle(event.data).then(reply)
  })
})
