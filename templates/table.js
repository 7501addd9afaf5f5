// Makes every column of a table.sortable sortable: the heading becomes a button; a click sorts by that
// column (numbers by their exact data-value), a second click reverses. aria-sort tells screen readers.
// Without JavaScript the table stays in its published order (largest count first).
(function () {
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var headings = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells) : [];
    headings.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        var numeric = th.dataset.type === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[column], numeric);
          var y = value(b.cells[column], numeric);
          var order = numeric ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
          return descending ? -order : order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
        headings.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  });
  function value(cell, numeric) {
    if (!cell) return numeric ? 0 : "";
    if (!numeric) return cell.textContent.trim();
    var raw = cell.dataset.value;
    return raw === undefined || raw === "" ? Number.NEGATIVE_INFINITY : Number(raw);
  }
})();
