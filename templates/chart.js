// Replaces the pre-rendered SVG with the interactive Vega view (tooltips on hover). Without
// JavaScript, or if this fails, the static SVG stays.
(function () {
  var figure = document.getElementById("chart");
  var specElement = document.getElementById("chart-spec");
  if (!figure || !specElement || !window.vega) return;
  var spec = JSON.parse(specElement.textContent);
  var container = document.createElement("div");
  var view = new window.vega.View(window.vega.parse(spec), { renderer: "svg", container: container, hover: true });
  view.runAsync().then(
    function () {
      figure.replaceChildren(container);
      figure.dataset.interactive = "true";
    },
    function (error) {
      figure.dataset.interactive = "failed";
      console.error(error);
    },
  );
})();
