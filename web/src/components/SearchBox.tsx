/**
 * ARIA 1.2 combobox: suggestions as you type (中文, English, pinyin), arrow keys + Enter. A search
 * that fails says so where the suggestions would be; a lost connection is also said for the whole
 * explorer (QueryErrorBanner).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../graph/query/api.ts';
import { isConnectionLost, problemOf, problemText, type Problem } from '../data/reasons.ts';
import { kindName, nodeName, t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';
import { KindIcon } from './KindIcon.tsx';

export function SearchBox() {
  const lang = useExplorer((s) => s.lang);
  const query = useExplorer((s) => s.query);
  const select = useExplorer((s) => s.select);
  const fail = useExplorer((s) => s.fail);
  const answered = useExplorer((s) => s.sourceAnswered);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => {
    const my = ++seq.current;
    if (!query || !text.trim()) {
      setHits([]);
      setPending(false);
      setFailure(null);
      return;
    }
    setPending(true);
    setFailure(null);
    query.search(text, 12).then(
      (h) => {
        if (my !== seq.current) return;
        setHits(h);
        setActive(h.length ? 0 : -1);
        setPending(false);
        setFailure(null);
        answered();
      },
      (e: unknown) => {
        if (my !== seq.current) return;
        const p = problemOf(e);
        setHits([]);
        setActive(-1);
        setPending(false);
        setFailure(p);
        if (isConnectionLost(p)) fail(e);
      },
    );
  }, [text, query, fail, answered]);

  const choose = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    void select(hit.node.id);
    setText(nodeName(lang, hit.node.name));
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length ? (a + 1) % hits.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (hits.length ? (a - 1 + hits.length) % hits.length : -1));
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        choose(hits[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
    }
  };

  const typed = open && text.trim().length > 0;
  const expanded = typed && !failure;
  const optId = (i: number): string => `${listId}-opt-${i}`;
  const errorId = `${listId}-error`;
  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={t(lang, 'search')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optId(active) : undefined}
        aria-invalid={failure ? true : undefined}
        aria-describedby={failure ? errorId : undefined}
        placeholder={t(lang, 'searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={t(lang, 'search')} className="search-list" hidden={!expanded}>
        {hits.map((h, i) => (
          <li
            key={h.node.id}
            id={optId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
            onMouseEnter={() => setActive(i)}
          >
            <KindIcon kind={h.node.kind} />
            <span className="hit-name">{nodeName(lang, h.node.name)}</span>
            <span className="hit-sub">
              {lang === 'zh' ? h.node.name.en : h.node.name.zh} · {kindName(lang, h.node.kind)}
            </span>
          </li>
        ))}
        {expanded && hits.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="none">
            {t(lang, pending ? 'searching' : 'noResults')}
          </li>
        )}
      </ul>
      {failure && (
        <p id={errorId} role="alert" className="search-list search-error" data-testid="search-error" hidden={!typed}>
          {t(lang, 'searchFailed', { reason: problemText(lang, failure) })}
        </p>
      )}
    </div>
  );
}
