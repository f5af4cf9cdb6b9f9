import { Bar } from 'react-chartjs-2';
import '../../ui/chart-setup';
import { tokenColour } from '../../ui/token-colour';

/** Favourite services (customers whose most-visited service it is) and where customers prefer to go. */
export function PreferenceCharts({ services, branches, branchNameOf, deskBranchId }: {
  services: { service: string; customers: number }[];
  branches: { branchId: string; customers: number }[];
  branchNameOf: (id: string) => string;
  deskBranchId: string;
}) {
  const brand = tokenColour('--brand', '#2f5bea');
  const total = branches.reduce((s, b) => s + b.customers, 0);
  return (
    <section className="card dash-chart" aria-labelledby="prefs-title">
      <header className="card-header">
        <h2 id="prefs-title">Favourite services and preferred branch</h2>
      </header>
      <div className="tier-charts">
        <div>
          <h3 className="dash-subtitle">Favourite service</h3>
          {services.length === 0 ? (
            <p className="muted">No visits yet.</p>
          ) : (
            <div className="seg-services">
              <Bar
                role="img"
                aria-label={`Favourite services: ${services.map((s) => `${s.service} ${s.customers}`).join(', ')}`}
                data={{ labels: services.map((s) => s.service), datasets: [{ data: services.map((s) => s.customers), backgroundColor: brand, borderRadius: 4, barThickness: 14 }] }}
                options={{ indexAxis: 'y', maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef0f3' } }, y: { grid: { display: false } } } }}
              />
            </div>
          )}
        </div>
        <div>
          <h3 className="dash-subtitle">Preferred branch of these customers</h3>
          <ul className="seg-branches" aria-label="Preferred branch">
            {branches.map((b) => {
              const share = total === 0 ? 0 : Math.round((b.customers / total) * 100);
              return (
                <li key={b.branchId}>
                  <span className="seg-branch-name">
                    {branchNameOf(b.branchId)}
                    {b.branchId === deskBranchId && <span className="seg-branch-desk">this desk</span>}
                  </span>
                  <span className="seg-bar" aria-hidden="true">
                    <span style={{ width: `${share}%` }} />
                  </span>
                  <span className="nums seg-branch-count">
                    {b.customers.toLocaleString('en')} · {share}%
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="muted seg-note">Most visits, then the most recent visit, across every branch.</p>
        </div>
      </div>
    </section>
  );
}
