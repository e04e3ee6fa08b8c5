// For a page that frames an embed of the timeline (see the README, "Embeds"): fits each such
// frame to the height its embed tells, and scrolls to the event an embed's #fragment names.
// The embed sends only numbers; a message is taken only from a frame on this page.
(function () {
  "use strict";
  if (window.timelineEmbedHost) {
    return; // pasted twice: one listener is enough
  }
  window.timelineEmbedHost = true;

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) {
        return frames[i];
      }
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.sentinel !== "timeline-embed" || typeof data.type !== "string") {
      return;
    }
    var frame = frameOf(event.source);
    if (!frame) {
      return;
    }
    if (data.type === "height" && isFinite(data.height) && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + "px";
    } else if (data.type === "mark" && isFinite(data.top)) {
      var top = frame.getBoundingClientRect().top + window.scrollY + Number(data.top);
      window.scrollTo({ top: Math.max(0, top - 16) });
    }
  });
})();
