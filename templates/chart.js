// Replaces each pre-rendered chart SVG with the interactive Vega view of the same spec, so the size
// does not change. Only the width shown (CSS picks narrow or wide) is made interactive. Tooltips work
// with a mouse (hover), a keyboard (Tab to a bar) and touch (tap a bar). Without JavaScript, or if
// this fails, the static SVG stays.
(function () {
  if (!window.vega) return;
  document.querySelectorAll("figure.chart").forEach(function (figure) {
    var variant = Array.prototype.find.call(figure.querySelectorAll(".variant"), function (v) {
      return v.offsetParent !== null;
    });
    var specElement = variant && variant.querySelector("script.chart-spec");
    if (!specElement) return;
    var tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.setAttribute("role", "status");
    tip.hidden = true;
    figure.appendChild(tip);
    function show(text, target) {
      if (!text) return hide();
      var box = figure.getBoundingClientRect();
      var at = target.getBoundingClientRect();
      tip.textContent = text;
      tip.hidden = false;
      var left = Math.min(at.left - box.left, Math.max(0, figure.clientWidth - tip.offsetWidth));
      tip.style.left = Math.max(0, left) + "px";
      tip.style.top = at.bottom - box.top + 4 + "px";
    }
    function hide() {
      tip.hidden = true;
    }
    var container = document.createElement("div");
    var view = new window.vega.View(window.vega.parse(JSON.parse(specElement.textContent)), {
      renderer: "svg",
      container: container,
      hover: true,
    });
    view.tooltip(function (_handler, event, item, value) {
      if (value == null || value === "") return hide();
      show(String(value), event && event.target ? event.target : container);
      void item;
    });
    view.runAsync().then(
      function () {
        var svg = variant.querySelector("svg");
        if (svg) svg.replaceWith(container);
        else variant.prepend(container);
        container.querySelectorAll("path[aria-label]").forEach(function (mark) {
          mark.setAttribute("tabindex", "0");
          mark.addEventListener("focus", function () {
            show(mark.getAttribute("aria-label"), mark);
          });
          mark.addEventListener("blur", hide);
          mark.addEventListener("click", function () {
            show(mark.getAttribute("aria-label"), mark);
          });
        });
        figure.dataset.interactive = "true";
      },
      function (error) {
        figure.dataset.interactive = "failed";
        console.error(error);
      },
    );
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape")
      document.querySelectorAll(".chart-tip").forEach(function (t) {
        t.hidden = true;
      });
  });
})();
