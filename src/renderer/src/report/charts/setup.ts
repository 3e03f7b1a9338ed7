// Chart.js, registered once with only the parts the report uses (tree-shaken).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
// Animations cost time with thousands of points and add nothing to reading figures.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
