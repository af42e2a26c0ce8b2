import { useRef, useState } from 'react';
import { IconUpload } from '../../components/icons';
import { droppedFiles, isFolderFile } from './folder-files';

/**
 * Where files or a folder are dropped or picked: an HRIS export (CSV or JSON), a UK organogram
 * senior + junior pair, an org JSON, a Backstage catalog, Team API files or a folder of them.
 * `compact` is the smaller form shown once files are chosen (to choose others).
 */
export function FileDrop({
  onFiles,
  compact = false,
}: {
  onFiles: (files: File[]) => void;
  compact?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement | null>(null);
  const [over, setOver] = useState(false);
  const pick = (list: FileList | null) => {
    if (list && list.length > 0) onFiles(Array.from(list));
  };
  const pickFolder = (list: FileList | null) => {
    const files = Array.from(list ?? []).filter((f) => isFolderFile(f.webkitRelativePath || f.name));
    if (files.length > 0) onFiles(files.sort((a, b) => a.name.localeCompare(b.name)));
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
        void droppedFiles(e.dataTransfer).then((files) => {
          if (files.length > 0) onFiles(files);
        });
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
            An HRIS export (CSV or JSON), a UK organogram senior and junior pair, an org document, a Backstage
            catalog (with an HRIS export for reporting lines), or Team API files or their folder. Files are
            checked in your browser before anything is uploaded.
          </span>
        )}
      </div>
      <button type="button" className="btn btn-sm" onClick={() => input.current?.click()}>
        {compact ? 'Choose other files' : 'Choose files'}
      </button>
      <button type="button" className="btn btn-sm" onClick={() => folder.current?.click()}>
        Choose a folder
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.json,.yaml,.yml,.md,text/csv,application/json"
        className="sr-only"
        aria-label="Files to import"
        data-testid="import-files"
        tabIndex={-1}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
      <input
        ref={(el) => {
          folder.current = el;
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        className="sr-only"
        aria-label="Folder to import"
        data-testid="import-folder"
        tabIndex={-1}
        onChange={(e) => {
          pickFolder(e.target.files);
          e.target.value = '';
        }}
      />
    </fieldset>
  );
}
