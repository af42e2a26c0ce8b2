import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { IconSearch } from '../../components/icons';
import { useSession } from '../../stores/session-store';
import { createPeopleSearch, searchPeople } from './search-people';
import './find-me.css';
import { getDisplayName } from '../../lib/org/display-name';

/**
 * "Find me": search people by name, email or title (a combobox). Choosing one calls `onPick`,
 * which shows their chain of command, peers and reports. `/` or Ctrl/Cmd+K focuses the box.
 */
export function SearchBox({ onPick }: { onPick: (id: string) => void }) {
  const index = useSession((s) => s.index);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const searching = query.trim() !== '';
  // Built on the first keystroke (O(n)), not on every change of the org.
  const search = useMemo(
    () => (index && searching ? createPeopleSearch(index.byId.values()) : null),
    [index, searching],
  );
  const hits = useMemo(() => (search ? searchPeople(search, query, 8) : []), [search, query]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pick = (id: string) => {
    onPick(id);
    setOpen(false);
    setQuery('');
    input.current?.blur();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      pick(hits[active].id);
    } else if (e.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    }
  };
  const showList = open && query.trim() !== '';
  return (
    <div className="search">
      <IconSearch />
      <input
        ref={input}
        className="search-input"
        type="search"
        role="combobox"
        aria-label="Find a person by name, email or title"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Find a person…"
        value={query}
        disabled={!index}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <span className="kbd search-kbd" aria-hidden="true">
        /
      </span>
      {showList && (
        <div id={listId} className="search-list" role="listbox" aria-label="People">
          {hits.length === 0 && <div className="search-empty">No one matches “{query}”</div>}
          {hits.map((h, k) => {
            const p = index?.byId.get(h.id);
            const team = p?.teamId ? index?.teamsById.get(p.teamId)?.name : undefined;
            return (
              <div
                key={h.id}
                id={`${listId}-${k}`}
                role="option"
                tabIndex={-1}
                aria-selected={k === active}
                className="search-option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(h.id);
                }}
                onMouseEnter={() => setActive(k)}
              >
                <span className="search-name">{getDisplayName(p) || h.id}</span>
                <span className="search-meta">{[p?.title, team, p?.email].filter(Boolean).join(' · ')}</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
