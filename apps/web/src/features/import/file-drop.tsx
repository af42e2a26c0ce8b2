import { useRef, useState } from 'react';
import { IconUpload } from '../../components/icons';

/**
 * Where files are dropped or picked: one HRIS CSV, a UK organogram senior + junior pair, or an
 * org JSON. `compact` is the smaller form shown once files are chosen (to choose others).
 */
export function FileDrop({
  onFiles,
  compact = false,
}: {
  onFiles: (files: File[]) => void;
  compact?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const pick = (list: FileList | null) => {
    if (list && list.length > 0) onFiles(Array.from(list));
  };
  return (
    <fieldset
      aria-label="Drop files to import"
      className={`drop-zone${over ? ' drop-over' : ''}${compact ? ' drop-compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        pick(e.dataTransfer.files);
      }}
    >
      {!compact && (
        <span className="drop-icon" aria-hidden="true">
          <IconUpload />
        </span>
      )}
      <div className="drop-text">
        <strong>{compact ? 'Drop other files here' : 'Drop files here'}</strong>
        {!compact && (
          <span className="muted">
            One HRIS export (CSV), a UK organogram senior and junior pair (CSV), or an org document (JSON).
            Files are checked in your browser before anything is uploaded.
          </span>
        )}
      </div>
      <button type="button" className="btn btn-sm" onClick={() => input.current?.click()}>
        {compact ? 'Choose other files' : 'Choose files'}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.json,text/csv,application/json"
        className="sr-only"
        aria-label="Files to import"
        data-testid="import-files"
        tabIndex={-1}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
    </fieldset>
  );
}
