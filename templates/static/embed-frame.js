// Inside an embed: tells the page that frames it how tall the embed is, whenever that changes,
// in the three forms that host pages listen for (ours, Pym.js's and AMP's), and nothing else;
// marks the event named by the address's #fragment and tells the host where it is.
(function () {
  "use strict";
  if (window.parent === window) {
    return; // opened on its own: nobody to tell
  }
  var PYM = "xPYMx";
  // Pym.js parents give their frame's id in the address (?childId=…).
  var pymId = new URLSearchParams(window.location.search).get("childId");
  var lastHeight = 0;

  function height() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  function tell(message) {
    window.parent.postMessage(message, "*");
  }

  function tellHeight() {
    var now = height();
    if (now === lastHeight) {
      return;
    }
    lastHeight = now;
    tell({ sentinel: "timeline-embed", type: "height", height: now });
    tell({ sentinel: "amp", type: "embed-size", height: now });
    if (pymId) {
      tell(["pym", pymId, "height", String(now)].join(PYM));
    }
  }

  function marked() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    return id ? document.getElementById("e-" + id) : null;
  }

  function mark() {
    var old = document.querySelector(".event-item.is-marked");
    if (old) {
      old.classList.remove("is-marked");
    }
    var item = marked();
    if (!item) {
      return;
    }
    item.classList.add("is-marked");
    tellHeight();
    var top = item.getBoundingClientRect().top + window.scrollY;
    tell({ sentinel: "timeline-embed", type: "mark", top: Math.round(top) });
  }

  new ResizeObserver(tellHeight).observe(document.documentElement);
  window.addEventListener("hashchange", mark);
  window.addEventListener("load", mark);
  tellHeight();
})();
