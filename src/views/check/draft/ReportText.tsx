/**
 * The report's text with line numbers, the chosen row's line highlighted and scrolled into view.
 * Windowed (@tanstack/react-virtual): a 100,000-line text scrolls like a short one. The text is
 * the source's own words, so it is marked Chinese on the English page too.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../../../app/i18n';
import { messages } from './messages';

export interface Jump {
  line: number;
  /** Counts clicks, so that choosing the same row again scrolls to it again. */
  n: number;
}

export function ReportText({ text, jump, current, onBack }: { text: string; jump: Jump | null; current: number | null; onBack: (() => void) | null }) {
  const t = useT(messages);
  const lines = useMemo(() => text.split(/\r\n|\r|\n/), [text]);
  const box = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  const v = useVirtualizer({ count: lines.length, getScrollElement: () => box.current, estimateSize: () => 26, overscan: 12 });

  useEffect(() => {
    if (!jump || jump.line < 1 || jump.line > lines.length) return;
    // On a phone the text is below the rows: bring the pane into view first.
    const r = pane.current?.getBoundingClientRect();
    if (r && (r.top < 0 || r.top > window.innerHeight - 120)) pane.current?.scrollIntoView({ block: 'start' });
    v.scrollToIndex(jump.line - 1, { align: 'center' });
  }, [jump, lines.length, v]);

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
        <ol lang="zh" style={{ height: v.getTotalSize() }}>
          {v.getVirtualItems().map((it) => {
            const n = it.index + 1;
            const on = n === current;
            return (
              <li
                key={it.key}
                data-index={it.index}
                data-line={n}
                ref={v.measureElement}
                className={on ? 'draft-line draft-line-current' : 'draft-line'}
                aria-current={on ? 'true' : undefined}
                style={{ transform: `translateY(${it.start}px)` }}
              >
                <span className="draft-lineno">
                  {n}
                </span>
                <span className="draft-linetext">{lines[it.index] || '\u00a0'}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
