// Site search: shows the search box (absent without JavaScript) and finds events in the
// prebuilt index, search-index.js, loaded on first use. Results are plain links; the arrow
// keys move between them and Escape returns to the box.
(function () {
  "use strict";
  var form = document.getElementById("site-search");
  if (!form) return;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var root = form.getAttribute("data-root");
  var index = null;
  var loading = false;
  var LIMIT = 20;

  form.hidden = false;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Loads the index once; whatever was typed meanwhile is searched when it arrives.
  function load() {
    if (index) return show();
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      index = window.timelineSearchIndex;
      show();
    };
    script.onerror = function () {
      loading = false;
      status.textContent = form.getAttribute("data-unloaded") || "The search index could not be loaded.";
    };
    document.head.appendChild(script);
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    index.events.forEach(function (row, order) {
      var text = row[4];
      var all = text + " " + row[5];
      for (var i = 0; i < terms.length; i++) {
        if (all.indexOf(terms[i]) === -1) return;
      }
      // Matches in the title, summary, actors, places and tags rank above the body's.
      var score = terms.every(function (t) { return text.indexOf(t) !== -1; }) ? 0 : 1;
      hits.push({ row: row, score: score, order: order });
    });
    hits.sort(function (a, b) { return a.score - b.score || a.order - b.order; });
    return hits;
  }

  function show() {
    var query = input.value.trim();
    list.textContent = "";
    if (!index) return;
    if (!query) {
      status.textContent = "";
      return;
    }
    var hits = search(query);
    hits.slice(0, LIMIT).forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + hit.row[0];
      link.textContent = hit.row[1];
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = hit.row[3] ? hit.row[2] + " · " + hit.row[3] : hit.row[2];
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(meta);
      list.appendChild(item);
    });
    status.textContent = matches(hits.length);
  }

  // The page's words for a count when it carries them (a site in another language than
  // English, by CLDR plural category), else English.
  function matches(count) {
    var category = new Intl.PluralRules(document.documentElement.lang).select(count);
    var words = form.getAttribute("data-match-" + category) ||
      form.getAttribute("data-match-other");
    if (!words) {
      return count === 0 ? "No events match." :
        count + (count === 1 ? " event matches" : " events match") +
        (count > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
    }
    if (count === 0 && form.getAttribute("data-none")) return form.getAttribute("data-none");
    words = words.replace("{n}", count);
    if (count <= LIMIT) return form.getAttribute("data-all").replace("{matches}", words);
    return form.getAttribute("data-first").replace("{matches}", words).replace("{limit}", LIMIT);
  }

  input.addEventListener("input", load);
  input.addEventListener("focus", load);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });
  form.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape") {
      input.value = "";
      show();
      input.focus();
    }
  });
})();
