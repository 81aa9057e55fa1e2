// Draws the dashboard's trend by month from its data block (#trend-data); the tiles and
// tables beside it carry the same figures for those without scripts.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('trend-chart');
  const data = document.getElementById('trend-data');
  if (!element || !data || !window.echarts) {
    return;
  }
  const chart = JSON.parse(data.textContent);
  const plot = echarts.init(element);
  plot.setOption({
    color: ['#174ea6', '#1e7a46', '#5cb85c', '#b3261e'],
    // Drawn on the canvas: the HTML tooltip writes style attributes, which the CSP refuses.
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 36, right: 10, top: 40, bottom: 24 },
    xAxis: { type: 'category', data: chart.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: chart.series.map(s => ({ name: s.name, type: 'line', data: s.data }))
  });
  window.addEventListener('resize', () => plot.resize());
});
