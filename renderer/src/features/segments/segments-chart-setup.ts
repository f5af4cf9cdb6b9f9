import { Filler, Legend, LineElement, PointElement, Chart } from 'chart.js';
import '../dashboard/chart-setup';

/** Line charts (status trend, spend over time) on top of the dashboard's chart.js pieces. */
Chart.register(LineElement, PointElement, Legend, Filler);
