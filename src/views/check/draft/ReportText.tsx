/**
 * The report's text with line numbers, the chosen row's line highlighted and scrolled into view.
 * The lines are drawn once per text (a memoised list, 400 lines a task); choosing a row only
 * moves a class, and lines out of view skip layout (content-visibility).
 * The text is the source's own words, so it is marked Chinese on the English page too.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useT } from '../../../ui/i18n';
import { messages } from './messages';
import { useGrowing } from './useGrowing';

export interface Jump {
  line: number;
  /** Counts clicks, so that choosing the same row again scrolls to it again. */
  n: number;
}

const Lines = memo(function Lines({ lines, count }: { lines: string[]; count: number }) {
  return (
    <ol lang="zh">
      {lines.slice(0, count).map((l, i) => (
        <li key={i} className="draft-line" data-line={i + 1}>
          <span className="draft-lineno">{i + 1}</span>
          <span className="draft-linetext">{l || '\u00a0'}</span>
        </li>
      ))}
    </ol>
  );
});

export function ReportText({ text, jump, current, onBack }: { text: string; jump: Jump | null; current: number | null; onBack: (() => void) | null }) {
  const t = useT(messages);
  const lines = useMemo(() => text.split(/\r\n|\r|\n/), [text]);
  const box = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  const count = useGrowing(lines.length, 400);

  // The highlight follows the chosen row without drawing the lines again.
  useLayoutEffect(() => {
    const el = current ? box.current?.querySelector<HTMLElement>(`[data-line="${current}"]`) : null;
    if (!el) return;
    el.classList.add('draft-line-current');
    el.setAttribute('aria-current', 'true');
    return () => {
      el.classList.remove('draft-line-current');
      el.removeAttribute('aria-current');
    };
  }, [current, lines, count]);

  useEffect(() => {
    const b = box.current;
    const el = jump ? b?.querySelector<HTMLElement>(`[data-line="${jump.line}"]`) : null;
    if (!b || !el) return;
    // On a phone the text is below the rows: bring the pane into view first.
    const r = pane.current?.getBoundingClientRect();
    if (r && (r.top < 0 || r.top > window.innerHeight - 120)) pane.current?.scrollIntoView({ block: 'start' });
    const centre = () => (b.scrollTop = el.offsetTop - b.clientHeight / 2 + el.offsetHeight / 2);
    centre();
    // Lines that come into view are laid out at their real height: centre again once they are.
    const frame = requestAnimationFrame(centre);
    return () => cancelAnimationFrame(frame);
    // A line not yet drawn is scrolled to once it is (count is a dependency).
  }, [jump, count]);

  return (
    <section className="draft-text-pane" ref={pane} aria-labelledby="draft-text-title">
      <div className="draft-text-head">
        <h3 id="draft-text-title">{t('textTitle')}</h3>
        {onBack && current !== null && (
          <button type="button" className="draft-back" onClick={onBack}>
            ↑ {t('backToRow', { line: current })}
          </button>
        )}
      </div>
      <div ref={box} className="draft-text" tabIndex={0} role="region" aria-label={t('textLabel', { lines: lines.length })} data-testid="draft-text">
        <Lines lines={lines} count={count} />
      </div>
    </section>
  );
}
