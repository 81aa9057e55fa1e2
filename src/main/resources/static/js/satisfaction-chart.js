// Draws the satisfaction an enterprise gave, month by month, as stacked bars: the page
// carries the data (#satisfaction-data) and a table of the same figures for those without
// scripts or screen readers.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('satisfaction-chart');
  const data = document.getElementById('satisfaction-data');
  if (!element || !data || !window.echarts) {
    return;
  }
  const chart = JSON.parse(data.textContent);
  // From very satisfied (green) to very unsatisfied (red), the order of the national scale.
  const colours = ['#1e7a46', '#5cb85c', '#9aa0a6', '#e37400', '#b3261e'];
  const plot = echarts.init(element);
  plot.setOption({
    color: colours,
    // Drawn on the canvas: the HTML tooltip writes style attributes, which the Content
    // Security Policy refuses.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 30, right: 10, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: chart.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: chart.series.map(level => ({ name: level.name, type: 'bar', stack: 'ratings', data: level.counts }))
  });
  window.addEventListener('resize', () => plot.resize());
});
