import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';

/**
 * chart.js pieces the HQ charts draw (bars, lines with points, legend, tooltips); the typed
 * react-chartjs-2 components register their controllers. Canvas only: fine under the strict CSP.
 */
Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Legend, Tooltip);
Chart.defaults.animation = false;

/** Distinct, colour-blind-friendly colours for branches (Okabe–Ito order), then repeats. */
const BRANCH_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#5b6b85', '#f0c33c'];

export function branchColour(index: number): string {
  return BRANCH_COLOURS[index % BRANCH_COLOURS.length] as string;
}
