import { Bar } from 'react-chartjs-2';
import { FREQUENCY_TIERS, SPENDING_TIERS, type FrequencyTier, type SpendingTier } from '../../../../shared/domain/types';
import { FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS } from '../../lib/format';
import '../../ui/chart-setup';
import { tokenColour } from '../../ui/token-colour';

/** Customers per spending and frequency tier, as horizontal bars. */
export function TierChart({ spending, frequency }: { spending: Record<SpendingTier, number>; frequency: Record<FrequencyTier, number> }) {
  const spend = SPENDING_TIERS.filter((t) => t !== 'none');
  const freq = FREQUENCY_TIERS.filter((t) => t !== 'none');
  const describe = (labels: string[], values: number[]): string => labels.map((l, i) => `${values[i] ?? 0} ${l}`).join(', ');
  const brand = tokenColour('--brand', '#2f5bea');
  const teal = tokenColour('--status-win_back', '#0f766e');
  const common = {
    indexAxis: 'y' as const,
    maintainAspectRatio: false,
    // The list beside each chart names the bars (chart.js's Legend may be registered by other screens).
    plugins: { legend: { display: false } },
    scales: { x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f3' } }, y: { grid: { display: false } } },
  };
  return (
    <section className="card dash-chart" aria-labelledby="tiers-title">
      <header className="card-header">
        <h2 id="tiers-title">Tiers</h2>
        <span className="muted">customers with visits</span>
      </header>
      <div className="tier-charts">
        <div>
          <h3 className="dash-subtitle">Spending</h3>
          <div className="tier-bar">
            <Bar
              role="img"
              aria-label={`Spending tiers: ${describe(spend.map((t) => SPENDING_TIER_LABELS[t]), spend.map((t) => spending[t]))}`}
              data={{ labels: spend.map((t) => SPENDING_TIER_LABELS[t]), datasets: [{ data: spend.map((t) => spending[t]), backgroundColor: brand, borderRadius: 4, barThickness: 18 }] }}
              options={common}
            />
          </div>
        </div>
        <div>
          <h3 className="dash-subtitle">Visit frequency</h3>
          <div className="tier-bar">
            <Bar
              role="img"
              aria-label={`Frequency tiers: ${describe(freq.map((t) => FREQUENCY_TIER_LABELS[t]), freq.map((t) => frequency[t]))}`}
              data={{ labels: freq.map((t) => FREQUENCY_TIER_LABELS[t]), datasets: [{ data: freq.map((t) => frequency[t]), backgroundColor: teal, borderRadius: 4, barThickness: 18 }] }}
              options={common}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
