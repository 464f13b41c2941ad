// Sorts the tables of articles by the column whose heading is chosen (the
// page is already sorted by what remains, so it reads the same without
// JavaScript). The choice applies to every language's table and is kept in
// the address (#sort=KEY-asc or #sort=KEY-desc), so a link shares it.
(function () {
  "use strict";
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.articles"));
  if (!tables.length) return;

  function sortAll(key, direction) {
    tables.forEach(function (table) {
      var heading = table.querySelector('thead th[data-key="' + key + '"]');
      if (!heading) return;
      var text = heading.getAttribute("data-type") === "text";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
        var order = text ? (x < y ? -1 : x > y ? 1 : 0) : Number(x) - Number(y);
        if (direction === "desc") order = -order;
        // Ties keep the page's own order (by what remains).
        return order || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      rows.forEach(function (row) { body.appendChild(row); });
      Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
        if (th === heading) th.setAttribute("aria-sort", direction === "asc" ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
    });
  }

  tables.forEach(function (table) {
    Array.prototype.forEach.call(table.querySelectorAll("thead th[data-key]"), function (th) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var key = th.getAttribute("data-key");
        var current = th.getAttribute("aria-sort");
        var direction = current === "descending" ? "asc"
          : current === "ascending" ? "desc"
          : th.getAttribute("data-type") === "text" ? "asc" : "desc";
        sortAll(key, direction);
        try { history.replaceState(null, "", "#sort=" + key + "-" + direction); } catch (e) { /* file: pages in some browsers */ }
      });
    });
  });

  var asked = /^#sort=([a-z-]+)-(asc|desc)$/.exec(location.hash);
  if (asked) sortAll(asked[1], asked[2]);
})();
