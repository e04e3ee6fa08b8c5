// Timeline filters: narrow the index in place by actor, tag, place, status and year range, and
// keep the choice in the URL (?actor=…&tag=…&place=…&status=…&from=…&to=…) so a filtered view
// can be shared.
// Without JavaScript the form stays hidden and every event is listed.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  // A field is absent where the site has nothing to filter by (no status, no places).
  var NAMES = ["actor", "tag", "place", "status", "from", "to"].filter(function (name) {
    return form.elements[name];
  });
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll(".timeline .event-item"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".timeline .year"));

  form.hidden = false;

  // The page's words for the count when it carries them (a site in another language than
  // English, by CLDR plural category of the total), else English.
  function shownWords(shown, total) {
    var category = new Intl.PluralRules(document.documentElement.lang).select(total);
    var words = count.getAttribute("data-shown-" + category) || count.getAttribute("data-shown-other");
    if (!words) return shown + " of " + total + " events shown.";
    return words.replace("{shown}", shown).replace("{n}", total);
  }

  function words(element, name) {
    return (element.getAttribute(name) || "").split(" ");
  }

  function apply() {
    var chosen = {};
    NAMES.forEach(function (name) {
    chosen[name] = form.elements[name] ? form.elements[name].value : "";
  });
    var from = chosen.from === "" ? -Infinity : Number(chosen.from);
    var to = chosen.to === "" ? Infinity : Number(chosen.to);
    var shown = 0;
    items.forEach(function (item) {
      var year = Number(item.getAttribute("data-year"));
      var match = (!chosen.actor || words(item, "data-actors").indexOf(chosen.actor) !== -1) &&
        (!chosen.tag || words(item, "data-tags").indexOf(chosen.tag) !== -1) &&
        (!chosen.place || words(item, "data-places").indexOf(chosen.place) !== -1) &&
        (!chosen.status || item.getAttribute("data-status") === chosen.status) &&
        year >= from && year <= to;
      item.hidden = !match;
      if (match) shown += 1;
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector(".event-item:not([hidden])");
    });
    var filtered = NAMES.some(function (name) { return chosen[name] !== ""; });
    count.textContent = filtered ? shownWords(shown, items.length) : "";
    var params = new URLSearchParams();
    NAMES.forEach(function (name) { if (chosen[name] !== "") params.set(name, chosen[name]); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var params = new URLSearchParams(location.search);
  NAMES.forEach(function (name) {
    var value = params.get(name);
    var field = form.elements[name];
    if (field && value !== null && Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
      field.value = value;
    }
  });
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
