import { ArcElement, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * Registers the chart.js pieces the desk's charts draw (doughnut arcs, bars and lines with points
 * on category/linear scales, fills, legends, tooltips); the typed react-chartjs-2 charts register
 * their own controllers. Chart.js draws on canvas and injects no styles or scripts, so it runs
 * under the strict CSP. Import it for its effect from every module that draws a chart.
 */
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, LineElement, PointElement, Legend, Filler, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif';
