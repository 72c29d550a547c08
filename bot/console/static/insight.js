// The insight page's charts, drawn with Chart.js (served from the npm package). The numbers
// come from the JSON block on the page, the same ones as the tables beside each chart, so the
// page is complete without this script (and for screen readers, which read the tables).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("insight-data").textContent);
  if (typeof window.Chart !== "function") return;
  const blue = "#1d70b8", colours = ["#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#f47738"];
  const quiet = { animation: false, responsive: true, maintainAspectRatio: false };
  const draw = (id, config) => {
    const canvas = document.getElementById(id);
    if (canvas) new window.Chart(canvas, config);
  };
  draw("chart-funnel", {
    type: "bar",
    data: { labels: data.funnel.labels, datasets: [{ label: "Count", data: data.funnel.counts, backgroundColor: blue }] },
    options: { ...quiet, indexAxis: "y", plugins: { legend: { display: false } } },
  });
  draw("chart-weekly", {
    type: "line",
    data: {
      labels: data.weeks,
      datasets: Object.entries(data.weekly).map(([label, values], i) => ({
        label, data: values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
      })),
    },
    options: quiet,
  });
  draw("chart-waits", {
    type: "line",
    data: { labels: data.weeks, datasets: [{ label: "Median wait (minutes)", data: data.waits, borderColor: blue, spanGaps: true }] },
    options: quiet,
  });
})();
