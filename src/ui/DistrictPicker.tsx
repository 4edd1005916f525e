/**
 * Choosing districts: checkboxes for a handful, plus a search box once the list is long
 * (the contract serves thousands of counties; nobody scrolls through 2,850 checkboxes).
 */
import { useId, useMemo, useState } from 'react';
import { defineMessages, nameOf, useLang, useT } from './i18n';
import type { District } from '../data/types';

const messages = defineMessages({
  zh: { legend: '地区', search: '搜索地区', all: '全选', none: '清除', more: '另有 {count} 个地区，请搜索', chosen: '已选 {count} 个' },
  en: { legend: 'Districts', search: 'Search districts', all: 'Select all', none: 'Clear', more: '{count} more districts: search to find them', chosen: '{count} chosen' },
});

const SHOWN = 30;

export function DistrictPicker({
  districts,
  chosen,
  onChange,
}: {
  districts: District[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const t = useT(messages);
  const lang = useLang();
  const id = useId();
  const [q, setQ] = useState('');
  const long = districts.length > 8;
  const matches = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const list = needle
      ? districts.filter((d) => d.name_zh.includes(needle) || d.name_en.toLowerCase().includes(needle) || d.id.includes(needle) || d.adcode.startsWith(needle))
      : districts;
    // Chosen ones stay visible so they can be unticked.
    const chosenSet = new Set(chosen);
    return [...list.filter((d) => chosenSet.has(d.id)), ...list.filter((d) => !chosenSet.has(d.id))];
  }, [districts, q, chosen]);
  const shown = matches.slice(0, SHOWN);
  const toggle = (d: string) => onChange(chosen.includes(d) ? chosen.filter((x) => x !== d) : [...chosen, d]);

  return (
    <fieldset className="district-picker">
      <legend>
        {t('legend')} <span className="muted">({t('chosen', { count: chosen.length })})</span>
      </legend>
      {long && (
        <input
          type="search"
          id={`${id}-q`}
          aria-label={t('search')}
          placeholder={t('search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      )}
      <div className="district-options">
        {shown.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" checked={chosen.includes(d.id)} onChange={() => toggle(d.id)} />
            {nameOf(d, lang)}
          </label>
        ))}
      </div>
      {matches.length > SHOWN && <p className="muted">{t('more', { count: matches.length - SHOWN })}</p>}
      {!long && districts.length > 1 && (
        <div className="district-actions">
          <button type="button" onClick={() => onChange(districts.map((d) => d.id))}>{t('all')}</button>
          <button type="button" onClick={() => onChange([])}>{t('none')}</button>
        </div>
      )}
    </fieldset>
  );
}
