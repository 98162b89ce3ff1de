/**
 * The search box, first on the screen. Typing searches after a short pause (names in any
 * script, aliases, prison numbers, references); Esc empties it; Arrow-down moves to the first
 * result; "/" anywhere on the list screen comes back to it.
 */
import { useEffect, useRef, useState } from 'react';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from '../components/Icon.tsx';
import { isTypingTarget } from '../components/keyboard.ts';

const DEBOUNCE_MS = 250;
/** The longest search cases.list accepts (shared/api-schemas.ts listCasesInput). */
const SEARCH_MAX_LENGTH = 200;

export function CaseSearch() {
  const text = useText();
  const committed = useDesk((s) => s.caseQuery.text);
  const searchCases = useDesk((s) => s.searchCases);
  const [draft, setDraft] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);
  const input = useRef<HTMLInputElement>(null);

  // A chip removed or "Clear all" changes the search from outside the box: follow it.
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    setDraft(committed);
  }

  useEffect(() => {
    if (draft === committed) return;
    const timer = window.setTimeout(() => searchCases(draft), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, committed, searchCases]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /** Arrow-down: to the first result, once the text typed (if not searched yet) has been searched. */
  const moveIntoResults = () => {
    const focusFirst = () => document.querySelector<HTMLElement>('.cases-table tbody tr.case-row[data-index="0"]')?.focus();
    if (draft === committed) {
      focusFirst();
      return;
    }
    searchCases(draft);
    const stop = useDesk.subscribe((s) => {
      if (s.caseList.phase === 'loading') return;
      stop();
      window.requestAnimationFrame(focusFirst);
    });
  };

  return (
    <form className="case-search" role="search" onSubmit={(event) => {
      event.preventDefault();
      searchCases(draft); // Enter searches at once
    }}>
      <label htmlFor="case-search-text" className="field__label">
        {text.ui('ui.cases.search.label')}
      </label>
      <p id="case-search-hint" className="field__hint">
        {text.ui('ui.cases.search.hint')}
      </p>
      <div className="case-search__box">
        <Icon name="search" />
        <input
          id="case-search-text"
          ref={input}
          type="search"
          maxLength={SEARCH_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="case-search-hint"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              moveIntoResults();
              return;
            }
            if (event.key !== 'Escape' || draft === '') return;
            event.preventDefault();
            setDraft('');
            searchCases('');
          }}
        />
      </div>
    </form>
  );
}
