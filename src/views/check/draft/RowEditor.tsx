/**
 * Editing one draft row: indicator, year, kind, qualifier, value, unit, estimate, line, quote
 * and public note. Nothing typed is lost: a value that is not a number stays in its box with
 * a message, and the row is not saved until it reads.
 */
import { useId, useState, type FormEvent } from 'react';
import { nameOf, useLang, useT } from '../../../ui/i18n';
import { COMPARATORS, type Comparator, type ObsKind } from '../../../data/types';
import type { DraftRow } from '../../../extract/types';
import type { Catalog } from '../../../model/catalog';
import { messages, type DraftMessage } from './messages';

const cmpKey = (c: Comparator) => `cmp-${c === '=' ? 'plain' : c}` as DraftMessage;

/** A number as staff type it: full-width digits, a full-width minus and a thousands comma are read. */
export function readNumber(s: string): number | null {
  const ascii = s
    .trim()
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[−–]/g, '-')
    .replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  return /^-?\d+(?:\.\d+)?$/.test(ascii) ? Number(ascii) : null;
}

export function RowEditor({ row, catalog, lineCount, onSave, onCancel }: { row: DraftRow; catalog: Catalog; lineCount: number; onSave: (r: DraftRow) => void; onCancel: () => void }) {
  const t = useT(messages);
  const lang = useLang();
  const id = useId();
  const [f, setF] = useState({
    indicator: row.indicator,
    year: row.year === null ? '' : String(row.year),
    kind: row.kind,
    comparator: row.comparator as Comparator,
    value: row.value === null ? '' : String(row.value),
    unit: row.unit,
    estimate: row.estimate,
    line: String(row.line),
    quote: row.quote,
    note: row.note,
  });
  const [errors, setErrors] = useState<Partial<Record<'value' | 'year' | 'line', string>>>({});
  const put = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));

  const save = (e: FormEvent) => {
    e.preventDefault();
    const value = f.comparator === 'text' ? null : f.value.trim() === '' ? null : readNumber(f.value);
    const line = Number(f.line);
    const errs: typeof errors = {};
    if (f.comparator !== 'text' && f.value.trim() !== '' && value === null) errs.value = t('valueInvalid', { cell: f.value });
    if (f.year.trim() !== '' && !/^\d{4}$/.test(f.year.trim())) errs.year = t('yearInvalid');
    if (!Number.isInteger(line) || line < 1 || line > lineCount) errs.line = t('lineInvalid', { max: lineCount });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    onSave({
      ...row,
      indicator: f.indicator,
      year: f.year.trim() === '' ? null : Number(f.year),
      kind: f.kind,
      comparator: f.comparator,
      value,
      unit: f.unit.trim(),
      estimate: f.estimate,
      line,
      quote: f.quote,
      note: f.note.trim(),
    });
  };

  const err = (k: keyof typeof errors) =>
    errors[k] ? (
      <span className="draft-field-error" id={`${id}-${k}-err`} role="alert">
        {errors[k]}
      </span>
    ) : null;
  const described = (k: keyof typeof errors) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${k}-err` } : {});
  const indicators = [...catalog.indicators.values()];

  return (
    <form className="draft-editor" onSubmit={save} aria-label={t('editTitle', { line: row.line })} data-testid="draft-editor">
      <div className="draft-fields">
        <label className="draft-field draft-field-wide">
          <span>{t('fIndicator')}</span>
          <select value={f.indicator} onChange={(e) => put({ indicator: e.currentTarget.value })} name="indicator">
            <option value="">{t('noIndicator')}</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {nameOf(i, lang)} ({i.unit})
              </option>
            ))}
          </select>
        </label>
        <label className="draft-field">
          <span>{t('fYear')}</span>
          <input inputMode="numeric" value={f.year} onChange={(e) => put({ year: e.currentTarget.value })} name="year" {...described('year')} />
          {err('year')}
        </label>
        <label className="draft-field">
          <span>{t('fKind')}</span>
          <select value={f.kind} onChange={(e) => put({ kind: e.currentTarget.value as ObsKind })} name="kind">
            <option value="target">{t('target')}</option>
            <option value="actual">{t('actual')}</option>
          </select>
        </label>
        <label className="draft-field">
          <span>{t('fComparator')}</span>
          <select value={f.comparator} onChange={(e) => put({ comparator: e.currentTarget.value as Comparator })} name="comparator">
            {COMPARATORS.map((c) => (
              <option key={c} value={c}>
                {t(cmpKey(c))}
              </option>
            ))}
          </select>
        </label>
        <label className="draft-field">
          <span>{t('fValue')}</span>
          <input inputMode="decimal" value={f.value} onChange={(e) => put({ value: e.currentTarget.value })} name="value" disabled={f.comparator === 'text'} {...described('value')} />
          {err('value')}
        </label>
        <label className="draft-field">
          <span>{t('fUnit')}</span>
          <input value={f.unit} onChange={(e) => put({ unit: e.currentTarget.value })} name="unit" />
        </label>
        <label className="draft-field">
          <span>{t('fLine')}</span>
          <input inputMode="numeric" value={f.line} onChange={(e) => put({ line: e.currentTarget.value })} name="line" {...described('line')} />
          {err('line')}
        </label>
        <label className="draft-check">
          <input type="checkbox" checked={f.estimate} onChange={(e) => put({ estimate: e.currentTarget.checked })} name="estimate" />
          <span>{t('fEstimate')}</span>
        </label>
        <label className="draft-field draft-field-full">
          <span>{t('fQuote')}</span>
          <textarea rows={2} value={f.quote} onChange={(e) => put({ quote: e.currentTarget.value })} name="quote" lang="zh" />
        </label>
        <label className="draft-field draft-field-full">
          <span>{t('fNote')}</span>
          <input value={f.note} onChange={(e) => put({ note: e.currentTarget.value })} name="note" />
        </label>
      </div>
      <div className="draft-actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
