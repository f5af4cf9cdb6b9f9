import { ArcElement, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

/**
 * Registers only the chart.js pieces the dashboard draws (doughnut arcs, bars on category/linear
 * scales, tooltips); the typed react-chartjs-2 charts register their own controllers. Chart.js
 * draws on canvas and injects no styles or scripts, so it runs under the strict CSP.
 */
Chart.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif';
