/* Member directory: filter the table by region and country in the browser.
   Progressive enhancement: the page ships the whole table; this script only adds the two
   lists and hides rows. Without JavaScript every network shows. No library, no request. */
(function () {
  "use strict";
  var directory = document.querySelector(".sphub-directory");
  if (!directory) return;
  var rows = Array.prototype.slice.call(directory.querySelectorAll(".sphub-directory__table tbody tr"));

  // value -> name of each region or country present in `subset`, sorted by name.
  function choices(subset, key) {
    var names = {};
    subset.forEach(function (row) {
      if (row.dataset[key]) names[row.dataset[key]] = row.dataset[key + "Name"];
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
    wrap.appendChild(title);
    wrap.appendChild(list);
    list.dataset.all = all;
    return list;
  }

  function fill(list, items) {
    var current = list.value;
    list.textContent = "";
    list.appendChild(new Option(list.dataset.all, ""));
    items.forEach(function (item) { list.appendChild(new Option(item[1], item[0])); });
    list.value = items.some(function (item) { return item[0] === current; }) ? current : "";
  }

  var form = document.createElement("form");
  form.className = "sphub-filter";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the member directory");
  var region = select("sphub-filter-region", "Region", "All regions");
  var country = select("sphub-filter-country", "Country", "All countries");
  var count = document.createElement("p");
  count.className = "sphub-filter__count";
  count.setAttribute("aria-live", "polite");
  form.appendChild(region.parentNode);
  form.appendChild(country.parentNode);
  form.appendChild(count);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  fill(region, choices(rows, "region"));

  function update() {
    var inRegion = rows.filter(function (row) {
      return !region.value || row.dataset.region === region.value;
    });
    fill(country, choices(inRegion, "country"));
    var shown = 0;
    rows.forEach(function (row) {
      var visible = inRegion.indexOf(row) !== -1 &&
        (!country.value || row.dataset.country === country.value);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " member networks.";
  }

  region.addEventListener("change", update);
  country.addEventListener("change", update);
  directory.insertBefore(form, directory.firstChild);
  // The maps link here as members/?country=PK: open the directory filtered to that country.
  var asked = new URLSearchParams(window.location.search);
  region.value = asked.get("region") || "";
  update();
  country.value = asked.get("country") || "";
  update();
})();
