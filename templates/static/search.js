// Site search: shows the search box (absent without JavaScript, where a note names the list
// pages instead) and finds events with Pagefind's index in pagefind/, loaded when the box takes
// the focus: only the chunks of the words searched and the results shown are fetched. Filters
// (actor, place, tag, status, year) narrow a search and take their choices from search-filters.json when
// first opened; results come by relevance or by date. Results are plain links; the arrow keys move between them and
// Escape returns to the box. Words too common to be worth their chunk of the index (common-words.json,
// beside it) are left out of the index's text, and so out of a search that has other words.
(function () {
  "use strict";
  var form = document.getElementById("site-search");
  if (!form) return;
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var options = form.querySelector(".search-options");
  var fields = form.querySelector(".filter-fields");
  var order = document.getElementById("search-sort");
  var root = form.getAttribute("data-root");
  var NAMES = ["actor", "place", "tag", "status", "year"];
  var LIMIT = 20;
  // A last word shorter than this is searched once the typing pauses: a prefix of one or two
  // letters stands in most records, and Pagefind's work grows with the square of the records a
  // search finds (seconds for "c" at 10,000 events), which the next search would wait behind.
  var SHORT = 3;
  var PAUSE = 300;
  var engine = null;
  var common = null;
  var choices = null;
  var latest = 0;
  var busy = false;
  var again = false;
  var timer = 0;

  form.hidden = false;

  function address(path) {
    return new URL(path, document.baseURI).href;
  }

  // Pagefind's script is a module: imported once, from this site's own folder. Its init() has its
  // worker fetch the index's metadata and WebAssembly and make them ready while the reader types,
  // rather than at the first search; the common words come at the same time as the module.
  function load() {
    if (!engine) {
      engine = import(address(root + "pagefind/pagefind.js")).then(function (pagefind) {
        return pagefind.options({ basePath: new URL(address(root + "pagefind/")).pathname })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
    }
    if (!common) {
      common = fetch(address(root + "pagefind/common-words.json")).then(function (response) {
        return response.ok ? response.json() : [];
      }).catch(function () { return []; });
    }
    return Promise.all([engine, common]);
  }

  // The query without the words the index leaves out, normalised as Pagefind does (lower case,
  // letters and digits); a query of those alone is searched as it is, in the events' titles and
  // the rest of what a result shows, which Pagefind indexes whole.
  function searched(query, left) {
    var words = query.split(/\s+/).filter(function (word) {
      return left.indexOf(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")) === -1;
    });
    return words.length ? words.join(" ") : query;
  }

  // Each filter's choices, in the order the index's filters give them; a filter with none
  // (no places, no statuses) is left out.
  function loadChoices() {
    if (choices) return choices;
    choices = fetch(fields.getAttribute("data-filters")).then(function (response) {
      return response.json();
    }).then(function (all) {
      NAMES.forEach(function (name) {
        var select = form.elements[name];
        all[name].forEach(function (pair) {
          select.appendChild(new Option(pair[1], pair[0]));
        });
        select.parentNode.hidden = all[name].length === 0;
      });
    });
    return choices;
  }

  function chosen() {
    var filters = {};
    NAMES.forEach(function (name) {
      if (form.elements[name].value) filters[name] = form.elements[name].value;
    });
    return filters;
  }

  // One search at a time: Pagefind's worker runs them one after another, so a search for every
  // key typed would queue behind each other. A query typed while one runs waits for it, and only
  // the latest is searched then.
  function run() {
    clearTimeout(timer);
    timer = 0;
    var query = input.value.trim();
    var ticket = ++latest;
    // Filters narrow a search for words; alone they would have Pagefind fetch every chunk of
    // the index (4 MB at 10,000 events), and the actor, place, tag and year pages list them.
    if (!query) {
      list.textContent = "";
      list.removeAttribute("aria-busy");
      status.textContent = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    find(query, ticket).then(function () {
      busy = false;
      if (again) {
        again = false;
        run();
      }
    });
  }

  // The list is busy (aria-busy) from a key typed to its query's results shown.
  function typed() {
    var last = input.value.trim().split(/\s+/).pop();
    clearTimeout(timer);
    if (last && last.length < SHORT) {
      list.setAttribute("aria-busy", "true");
      timer = setTimeout(run, PAUSE);
    } else {
      run();
    }
  }

  // The query's results, shown unless a newer query came meanwhile (whose search then runs,
  // without fetching this one's results).
  function find(query, ticket) {
    return load().then(function (loaded) {
      var how = { filters: chosen() };
      if (order.value) how.sort = { date: order.value };
      return loaded[0].search(searched(query, loaded[1]), how);
    }).then(function (found) {
      if (ticket !== latest) return;
      var shown = found.results.slice(0, LIMIT);
      return Promise.all(shown.map(function (r) { return r.data(); })).then(function (data) {
        if (ticket === latest) show(data, found.results.length);
      });
    }).catch(function () {
      if (ticket === latest) {
        list.removeAttribute("aria-busy");
        status.textContent = form.getAttribute("data-unloaded") || "The search could not be loaded.";
      }
    });
  }

  // Pagefind's excerpt is the record's text with < and > escaped and the words found in
  // <mark>: rebuilt as text and mark elements, never parsed as HTML.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "search-excerpt";
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(text);
      }
      return marked;
    }, false);
    return paragraph;
  }

  function show(data, count) {
    list.textContent = "";
    data.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + result.raw_url;
      link.textContent = result.meta.title;
      var meta = document.createElement("span");
      meta.className = "search-meta";
      meta.textContent = result.meta.status ?
        result.meta.date + " · " + result.meta.status : result.meta.date;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(meta);
      item.appendChild(excerpt(result.excerpt));
      list.appendChild(item);
    });
    status.textContent = matches(count);
    if (!timer) list.removeAttribute("aria-busy");
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

  input.addEventListener("input", typed);
  input.addEventListener("focus", function () { load(); });
  options.addEventListener("toggle", function () { if (options.open) loadChoices(); });
  fields.addEventListener("change", run);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
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
      run();
      input.focus();
    }
  });
})();
