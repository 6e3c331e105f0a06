/* Member directory: filter by region and country in the browser.
   Progressive enhancement: the page ships every network; this script only adds the two
   lists and hides what the filter leaves out: rows of the main table, rows of the "by
   country" table, countries on the map, and it rewrites the count line. The filter lives in
   the address (members/?region=asia&country=PK), so a reload or a shared link keeps it.
   Without JavaScript every network shows. No library, no request. */
(function () {
  "use strict";
  var directory = document.querySelector(".sphub-directory");
  if (!directory) return;
  var rows = Array.prototype.slice.call(directory.querySelectorAll(".sphub-directory__table tbody tr"));
  var countryRows = Array.prototype.slice.call(directory.querySelectorAll(".sphub-figure__data tr[data-regions]"));
  var mapMarks = Array.prototype.slice.call(directory.querySelectorAll(".sphub-map__svg [data-country]"));
  var countLine = directory.querySelector(".sphub-directory__count");
  var allCount = countLine.textContent;  // the whole directory's count, as the page gives it
  // [id, name, number of members] of every region, in the data's order.
  var regions = JSON.parse(directory.dataset.regions || "[]");
  // The page's words, in its language: {"region": "Region", ...}; a count's words are its
  // plural forms from the catalogue: {"forms": ["Showing {num} of 14..."], "index": "0011..."}
  // (the form for n is forms[index[n]]).
  var words = JSON.parse(directory.dataset.words || "{}");
  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }
  function sayCount(key, n) {
    var table = words[key];
    var form = table.forms[Number(table.index.charAt(n)) || 0];
    return form.replace("{num}", String(n));
  }

  // value -> name of each country present in `subset`, sorted by name.
  function countries(subset) {
    var names = {};
    subset.forEach(function (row) {
      if (row.dataset.country) names[row.dataset.country] = row.dataset.countryName;
    });
    return Object.keys(names)
      .map(function (value) { return [value, names[value]]; })
      .sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  function select(id, label, all) {
    var wrap = document.createElement("p");
    var title = document.createElement("label");
    title.htmlFor = id;
    title.textContent = label + " ";
    var list = document.createElement("select");
    list.id = id;
    list.name = id.replace("sphub-filter-", "");
    wrap.appendChild(title);
    wrap.appendChild(list);
    list.dataset.all = all;
    return list;
  }

  function fill(list, items, wanted) {
    list.textContent = "";
    list.appendChild(new Option(list.dataset.all, ""));
    items.forEach(function (item) { list.appendChild(new Option(item[1], item[0])); });
    list.value = items.some(function (item) { return item[0] === wanted; }) ? wanted : "";
  }

  var form = document.createElement("form");
  form.className = "sphub-filter";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", words.filter);
  var region = select("sphub-filter-region", words.region, words.allRegions);
  var country = select("sphub-filter-country", words.country, words.allCountries);
  var without = document.createElement("p");
  without.className = "sphub-filter__note sphub-meta";
  form.appendChild(region.parentNode);
  form.appendChild(country.parentNode);
  form.appendChild(without);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  countLine.setAttribute("aria-live", "polite");

  // Every region is offered; one with no member yet is listed but cannot be chosen, and the
  // note under the lists names them.
  region.appendChild(new Option(region.dataset.all, ""));
  var empty = [];
  regions.forEach(function (r) {
    var option = new Option(r[2] ? r[1] : say("emptyRegion", { region: r[1] }), r[0]);
    option.disabled = !r[2];
    if (!r[2]) empty.push(r[1]);
    region.appendChild(option);
  });
  without.textContent = empty.length
    ? say("noneYet", { regions: empty.join(", ") })
    : "";

  function show(regionValue, countryValue) {
    var known = regions.some(function (r) { return r[0] === regionValue && r[2]; });
    region.value = known ? regionValue : "";
    var inRegion = rows.filter(function (row) {
      return !region.value || row.dataset.region === region.value;
    });
    fill(country, countries(inRegion), countryValue);
    var shown = 0;
    var countriesShown = {};
    rows.forEach(function (row) {
      var visible = inRegion.indexOf(row) !== -1 &&
        (!country.value || row.dataset.country === country.value);
      row.hidden = !visible;
      if (visible) {
        shown += 1;
        countriesShown[row.dataset.country] = true;
      }
    });
    countryRows.forEach(function (row) {
      var inIt = !region.value || row.dataset.regions.split(" ").indexOf(region.value) !== -1;
      row.hidden = !(inIt && countriesShown[row.dataset.country]);
    });
    mapMarks.forEach(function (mark) {
      mark.classList.toggle("sphub-map__out", !countriesShown[mark.dataset.country]);
    });
    frame(region.value || country.value ? countriesShown : null);
    countLine.textContent = region.value || country.value
      ? sayCount("showing", shown)
      : allCount;
  }

  // The map follows the filter: framed on the countries it shows (with room around, never
  // closer than a third of the whole map), or on every member when nothing is chosen.
  var svg = directory.querySelector(".sphub-map__svg");
  var whole = svg && svg.getAttribute("viewBox");
  var labels = svg && svg.querySelector(".sphub-map__labels");
  var font = labels && Number(labels.getAttribute("font-size"));
  function frame(shown) {
    if (!svg) return;
    var box = null;
    if (shown) {
      svg.querySelectorAll("a[data-country]").forEach(function (mark) {
        if (!shown[mark.dataset.country]) return;
        var b = mark.getBBox();
        box = box ? {
          x0: Math.min(box.x0, b.x), y0: Math.min(box.y0, b.y),
          x1: Math.max(box.x1, b.x + b.width), y1: Math.max(box.y1, b.y + b.height)
        } : { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height };
      });
    }
    if (!box) {
      svg.setAttribute("viewBox", whole);
      if (labels) labels.setAttribute("font-size", font);
      return;
    }
    var all = whole.split(" ").map(Number);
    var ratio = all[3] / all[2];
    var w = Math.max((box.x1 - box.x0) * 1.4, (box.y1 - box.y0) * 1.4 / ratio, all[2] / 3);
    w = Math.min(w, all[2]);
    var h = w * ratio;
    var x = Math.min(Math.max((box.x0 + box.x1 - w) / 2, 0), all[2] - w);
    var y = Math.min(Math.max((box.y0 + box.y1 - h) / 2, 0), all[3] - h);
    svg.setAttribute("viewBox", [x, y, w, h].map(function (n) { return Math.round(n); }).join(" "));
    // Labels keep their size on the screen as the map zooms in.
    if (labels) labels.setAttribute("font-size", Math.round(font * w / all[2] * 10) / 10);
  }

  // The address carries the filter: replaced, not pushed, so Back leaves the page.
  function remember() {
    var query = new URLSearchParams(window.location.search);
    [["region", region.value], ["country", country.value]].forEach(function (pair) {
      if (pair[1]) query.set(pair[0], pair[1]); else query.delete(pair[0]);
    });
    var search = query.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") +
      window.location.hash);
  }

  region.addEventListener("change", function () { show(region.value, country.value); remember(); });
  country.addEventListener("change", function () { show(region.value, country.value); remember(); });
  directory.insertBefore(form, directory.firstChild);
  var asked = new URLSearchParams(window.location.search);
  show(asked.get("region") || "", asked.get("country") || "");
})();
