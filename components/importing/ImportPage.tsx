import { useEffect, useRef, useState } from 'preact/hooks';
import { contactsToCsv, contactsToVCard, toBackupJson } from '@/lib/shared/export';
import { missingFields } from '@/lib/shared/import';
import type { Settings } from '@/lib/shared/model';
import { useApi } from '../common/api';
import { fieldWords } from '../common/words';
import { type AskedBasis, askBasis, type Report, readSource, runImport, type Source } from './flow';
import { RecentImports } from './Journals';
import { OwnerClaim } from './OwnerClaim';
import { readEverything } from './transfer';

type Stage =
  | { step: 'choose' }
  | { step: 'map'; source: Source }
  | { step: 'run'; share: number; saving?: number }
  | { step: 'done'; report: Report };

/** Import and export: a file in (mapping shown, progress, a report with every bad row), or everything out. */
export function ImportPage({
  onSettings,
  onImportEnded,
}: {
  onSettings?: (settings: Settings) => void;
  /** An import ended (done, failed or undone): the dashboard reads the import journals again. */
  onImportEnded?: () => void;
} = {}) {
  const api = useApi();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState('');
  const cancel = useRef<AbortController | null>(null);
  // The store is read for the next import while the seller chooses the file (askBasis).
  const basis = useRef<AskedBasis | undefined>(undefined);
  useEffect(() => {
    basis.current = askBasis(api);
  }, [api]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    try {
      const source = await readSource(file);
      if (source.kind !== 'backup') basis.current = askBasis(api, basis.current);
      setStage({ step: 'map', source });
    } catch (e) {
      setError(`Rapport could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const start = async (source: Source) => {
    cancel.current = new AbortController();
    setStage({ step: 'run', share: 0 });
    try {
      const asked = source.kind === 'backup' ? undefined : basis.current;
      const report = await runImport(source, api, {
        ...(asked ? { basis: asked } : {}),
        signal: cancel.current.signal,
        onProgress: (share) => setStage({ step: 'run', share }),
        onSaving: (rows) => setStage({ step: 'run', share: 1, saving: rows }),
      });
      setStage(report === 'cancelled' ? { step: 'choose' } : { step: 'done', report });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStage({ step: 'choose' });
    }
    // The import wrote: the next one's basis is read while the seller looks at the report.
    basis.current = askBasis(api);
    onImportEnded?.();
  };

  return (
    <section data-testid="import" aria-labelledby="import-title">
      <h1 id="import-title">Import &amp; export</h1>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {stage.step === 'choose' && <OwnerClaim {...(onSettings ? { onSettings } : {})} />}
      {stage.step === 'choose' && (
        <label
          class="dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void choose(e.dataTransfer?.files[0]);
          }}
        >
          Choose or drop a file: a CRM or Google Contacts export, LinkedIn's Connections.csv, activities, purchases, a
          vCard file or a Rapport backup
          <input
            type="file"
            data-testid="import-file"
            accept=".csv,.txt,.vcf,.json"
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </label>
      )}
      {stage.step === 'map' && (
        <MappingStep source={stage.source} onConfirm={start} onBack={() => setStage({ step: 'choose' })} />
      )}
      {stage.step === 'run' && stage.saving === undefined && (
        <p>
          <progress data-testid="import-progress" value={stage.share} max={1} aria-label="Reading the file" />{' '}
          <button type="button" onClick={() => cancel.current?.abort()}>
            Cancel
          </button>
        </p>
      )}
      {stage.step === 'run' && stage.saving !== undefined && (
        // Storing is one step, all rows or none: nothing to cancel half-way (the report offers undo).
        <p role="status">
          <progress data-testid="import-progress" data-saving="true" aria-label="Saving" /> Saving{' '}
          {stage.saving.toLocaleString()} rows…
        </p>
      )}
      {stage.step === 'done' && (
        <ReportView
          report={stage.report}
          {...(onSettings ? { onSettings } : {})}
          onUndo={async () => {
            if (!stage.report.undo) return;
            const undone = await api('import.rollback', { importId: stage.report.undo });
            if (!undone.ok) setError(`The import could not be undone: ${undone.error.message}`);
            setStage({ step: 'choose' });
          }}
        />
      )}
      {stage.step !== 'run' && <RecentImports refreshKey={stage} />}
      <Exports />
    </section>
  );
}

function MappingStep({
  source,
  onConfirm,
  onBack,
}: {
  source: Source;
  onConfirm: (s: Source) => void;
  onBack: () => void;
}) {
  const [current, setCurrent] = useState(source);
  const missing = current.kind === 'csv' ? missingFields(current.mapping) : [];
  return (
    <div class="mapping">
      {current.kind === 'csv' ? (
        <>
          <p>
            {current.name}: {current.mapping.kind} ({current.mapping.format} format),{' '}
            {current.reader.total.toLocaleString()} lines. Check the columns, then import.
          </p>
          <table>
            <tbody>
              {Object.entries(current.mapping.columns).map(([field, column]) => (
                <tr key={field}>
                  <th scope="row">{fieldWords(field)}</th>
                  <td>
                    <select
                      aria-label={`Column for ${fieldWords(field)}`}
                      value={column === null ? '' : String(column)}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        const mapping = {
                          ...current.mapping,
                          columns: { ...current.mapping.columns, [field]: value === '' ? null : Number(value) },
                        } as typeof current.mapping;
                        setCurrent({ ...current, mapping });
                      }}
                    >
                      <option value="">(none)</option>
                      {current.reader.headers.map((h, i) => (
                        <option key={i} value={String(i)}>
                          {h || `Column ${i + 1}`}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length > 0 && <p class="status error">Still needed: {missing.map(fieldWords).join(', ')}</p>}
        </>
      ) : (
        <p>
          {current.name}: {current.kind === 'vcard' ? 'contacts in vCard format' : 'a Rapport backup to restore'}.
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="import-confirm"
          disabled={missing.length > 0}
          onClick={() => onConfirm(current)}
        >
          Import
        </button>
        <button type="button" onClick={onBack}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

function ReportView({
  report,
  onUndo,
  onSettings,
}: {
  report: Report;
  onUndo: () => void;
  onSettings?: (settings: Settings) => void;
}) {
  return (
    <div
      data-testid="import-report"
      data-imported={report.imported}
      data-merged={report.merged}
      data-skipped={report.skipped}
      role="status"
    >
      <p>
        {report.imported.toLocaleString()} new, {report.merged.toLocaleString()} merged into what Rapport knew,{' '}
        {report.skipped.toLocaleString()} skipped.
      </p>
      {report.unknownOwners && <OwnerClaim {...(onSettings ? { onSettings } : {})} />}
      {report.errors.length > 0 && (
        <ul class="errors">
          {report.errors.map((e) => (
            <li key={`${e.line}-${e.code}`} data-testid="import-error" data-line={e.line}>
              Line {e.line}: {e.reason}
            </li>
          ))}
        </ul>
      )}
      {report.undo && (
        <button type="button" data-testid="import-undo" onClick={onUndo}>
          Undo this import
        </button>
      )}
    </div>
  );
}

/** Everything out: no lock-in. Downloads are made in the page; nothing is sent anywhere. */
function Exports() {
  const api = useApi();
  const [failed, setFailed] = useState('');
  const [note, setNote] = useState('');
  const download = async (name: string, type: string, make: (data: Parameters<typeof toBackupJson>[0]) => string) => {
    setFailed('');
    setNote('');
    let file: string;
    let invalid: number;
    try {
      const everything = await readEverything(api);
      invalid = everything.invalid;
      file = make(everything.data);
    } catch (e) {
      setFailed(`The export could not be made: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const url = URL.createObjectURL(new Blob([file], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    if (invalid > 0) {
      setNote(
        `${name} holds every record as stored; ${invalid.toLocaleString()} of them fail today's checks (see Overview).`,
      );
    }
  };
  return (
    <div class="actions exports">
      {note && (
        <p class="status" role="status" data-testid="export-note">
          {note}
        </p>
      )}
      {failed && (
        <p class="status error" role="alert">
          {failed}
        </p>
      )}
      <button
        type="button"
        data-testid="export-json"
        onClick={() => void download('rapport-backup.json', 'application/json', (d) => toBackupJson(d, Date.now()))}
      >
        Export everything (JSON)
      </button>
      <button
        type="button"
        data-testid="export-csv"
        onClick={() =>
          void download('rapport-contacts.csv', 'text/csv', (d) =>
            contactsToCsv(d.contacts, { accounts: d.accounts, sellers: d.sellers }),
          )
        }
      >
        Contacts (CSV)
      </button>
      <button
        type="button"
        data-testid="export-vcard"
        onClick={() =>
          void download('rapport-contacts.vcf', 'text/vcard', (d) =>
            contactsToVCard(d.contacts, { accounts: d.accounts }),
          )
        }
      >
        Contacts (vCard)
      </button>
    </div>
  );
}
