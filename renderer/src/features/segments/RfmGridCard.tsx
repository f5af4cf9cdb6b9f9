import { criteria } from '../../../../shared/domain/criteria';
import type { RfmGrid } from './segments-model';

const R_LABELS = ['R1 · long ago', 'R2', 'R3', 'R4', 'R5 · recent'];

/**
 * Customers by recency (rows, recent on top) and frequency (columns) score, as a heatmap with
 * counts and the average monetary score. A cell starts a segment of those customers.
 */
export function RfmGridCard({ grid, onPick }: { grid: RfmGrid; onPick: (c: ReturnType<typeof criteria>, label: string) => void }) {
  return (
    <section className="card dash-chart" aria-labelledby="rfm-title">
      <header className="card-header">
        <h2 id="rfm-title">RFM scores</h2>
        <span className="muted nums">
          {grid.scored.toLocaleString('en')} scored · {grid.unscored.toLocaleString('en')} without a visit
        </span>
      </header>
      <div className="rfm-wrap">
        <table className="rfm-grid" aria-describedby="rfm-note">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Recency score</span>
              </th>
              {[1, 2, 3, 4, 5].map((f) => (
                <th key={f} scope="col">
                  F{f}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[5, 4, 3, 2, 1].map((r) => (
              <tr key={r}>
                <th scope="row">{R_LABELS[r - 1]}</th>
                {[1, 2, 3, 4, 5].map((f) => {
                  const n = grid.cells[r - 1]?.[f - 1] ?? 0;
                  const m = grid.monetary[r - 1]?.[f - 1] ?? null;
                  const level = grid.max === 0 || n === 0 ? 0 : Math.max(1, Math.ceil((n / grid.max) * 5));
                  return (
                    <td key={f}>
                      <button
                        type="button"
                        className={`rfm-cell rfm-level-${level}`}
                        disabled={n === 0}
                        aria-label={`R${r} F${f}: ${n} ${n === 1 ? 'customer' : 'customers'}${m === null ? '' : `, average M ${m}`}`}
                        onClick={() => onPick(criteria({ rfm: { r_min: r, r_max: r, f_min: f, f_max: f, m_min: null, m_max: null } }), `RFM R${r} F${f}`)}
                      >
                        <span className="nums rfm-count">{n.toLocaleString('en')}</span>
                        {m !== null && <span className="rfm-m nums">M {m.toFixed(1)}</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <p id="rfm-note" className="muted rfm-note">
          Recency: days since the last visit; frequency: visits; monetary: lifetime spend at this branch. Cut-offs are the business&apos;s, so every
          branch scores a customer the same way. Pick a cell to build a segment of it.
        </p>
      </div>
    </section>
  );
}
