// Chart.js, registered once with only the parts the report uses (tree-shaken).
import * as chartjs from 'chart.js';

const { Chart } = chartjs;
Chart.register(
  chartjs.BarController,
  chartjs.BarElement,
  chartjs.CategoryScale,
  chartjs.Decimation,
  chartjs.Filler,
  chartjs.Legend,
  chartjs.LinearScale,
  chartjs.LineController,
  chartjs.LineElement,
  chartjs.PointElement,
  chartjs.Tooltip,
);
// Animations cost time with thousands of points and add nothing to reading figures.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
