import { csvLine } from '../../../../shared/csv/table';
import { platform } from '../../platform/bridge';
import { errorMessage, toast } from '../../ui/toasts';

/** A table as CSV (RFC 4180 fields, CRLF-free lines ending in \n): raw figures, not the shown text. */
export function tableCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => csvLine(r.map(String))).join('\n') + '\n';
}

/** "Download CSV" for one HQ table (the desktop's save dialog; a download in a browser). */
export function CsvButton({ name, fileName, csv }: { name: string; fileName: string; csv: () => string }) {
  return (
    <button
      type="button"
      className="btn btn-ghost hq-csv"
      aria-label={`Download ${name} as CSV`}
      onClick={() => {
        void (async () => {
          try {
            const result = await platform.files.saveCsv({ suggestedName: fileName, content: csv() });
            if (result.saved) toast.success(`Saved ${fileName}`);
          } catch (error) {
            toast.error(`Could not save ${fileName}: ${errorMessage(error)}`);
          }
        })();
      }}
    >
      CSV
    </button>
  );
}
