/**
 * What an import from another system did or would do: its counts, and each line not imported
 * with the reason. Shared by the client-list and the visit-history imports.
 */

export function ImportCounts({ counts, testId }: { counts: readonly (readonly [string, number])[]; testId: string }) {
  return (
    <dl className="switch-in-counts" aria-label="Import counts" data-testid={testId}>
      {counts.map(([label, n]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="nums">{n.toLocaleString('en')}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LinesNotImported({ refused, skipped }: { refused: readonly { line: number; problem: string }[]; skipped: readonly { line: number; reason: string }[] }) {
  if (refused.length === 0 && skipped.length === 0) return <p className="muted">Every line can be imported.</p>;
  const lines = [...refused.map((r) => ({ line: r.line, what: 'Refused', problem: r.problem })), ...skipped.map((s) => ({ line: s.line, what: 'Skipped', problem: s.reason }))].sort((a, b) => a.line - b.line);
  return (
    <table className="cmp-table" aria-label="Lines not imported">
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Outcome</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.line}-${l.what}`}>
            <td className="num nums">{l.line}</td>
            <td>{l.what}</td>
            <td>{l.problem}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
