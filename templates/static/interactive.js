// The interactive view: TimelineJS from the site's own copy. TimelineJS needs absolute URLs for
// its script path, so they are made from this page's address; the font set uses system fonts.
(function () {
  "use strict";
  var element = document.getElementById("timeline-embed");
  if (!element || !window.TL) return;
  var scriptPath = new URL(element.getAttribute("data-script-path"), document.baseURI).href;
  var data = new URL(element.getAttribute("data-source"), document.baseURI).href;
  // Slides' media addresses are relative to the data file: TimelineJS would resolve them against
  // this page, so they are made absolute here, on the site this page is served from.
  var request = new XMLHttpRequest();
  request.open("GET", data);
  request.responseType = "json";
  request.onload = function () {
    var document_ = request.response;
    (document_.events || []).forEach(function (slide) {
      if (!slide.media) return;
      ["url", "thumbnail"].forEach(function (key) {
        if (slide.media[key]) slide.media[key] = new URL(slide.media[key], data).href;
      });
    });
    start(document_);
  };
  request.send();

  function start(source) {
    element.textContent = "";
    window.timeline = new TL.Timeline(element, source, {
      script_path: scriptPath,
      font: element.getAttribute("data-font"),
      language: element.getAttribute("data-language"),
      hash_bookmark: false,
      initial_zoom: 2
    });
    // The title slide has no date, but TimelineJS still gives it a date heading: an empty
    // heading misleads screen readers, so it goes.
    window.timeline.on("loaded", function () {
      Array.prototype.forEach.call(element.querySelectorAll(".tl-headline-date"), function (date) {
        if (!date.textContent.trim()) date.remove();
      });
    });
  }
})();
