/**
 * Choosing an indicator: a search box narrows a list grouped by category (economy, agriculture,
 * environment, society); the current choice always stays in the list.
 */
import { useId, useMemo, useState } from 'react';
import { defineMessages, nameOf, useLang, useT } from './i18n';
import type { Indicator } from '../data/types';
import { groupIndicators } from '../model/indicatorGroups';

const messages = defineMessages({
  zh: { search: '搜索指标', economy: '经济', agriculture: '农业', environment: '生态环境', society: '社会民生', none: '没有符合“{q}”的指标', choose: '请选择指标' },
  en: { search: 'Search indicators', economy: 'Economy', agriculture: 'Agriculture', environment: 'Environment', society: 'Society', none: 'No indicator matches “{q}”', choose: 'Choose an indicator' },
});

export function IndicatorSelect({
  label,
  indicators,
  value,
  onChange,
  allLabel,
  className,
}: {
  label: string;
  indicators: readonly Indicator[];
  /** The chosen id; null: "all" when `allLabel` is given, else no choice yet. */
  value: string | null;
  onChange: (id: string | null) => void;
  allLabel?: string;
  className?: string;
}) {
  const t = useT(messages);
  const lang = useLang();
  const id = useId();
  const [q, setQ] = useState('');
  const groups = useMemo(() => groupIndicators(indicators, q, value), [indicators, q, value]);
  const matches = useMemo(() => (q ? groupIndicators(indicators, q).length : 1), [indicators, q]);
  return (
    <div className={`indicator-select${className ? ` ${className}` : ''}`}>
      <label htmlFor={`${id}-s`}>{label}</label>
      {indicators.length > 8 && (
        <input type="search" id={`${id}-q`} className="indicator-search" aria-label={t('search')} placeholder={t('search')} value={q} onChange={(e) => setQ(e.target.value)} />
      )}
      <select id={`${id}-s`} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : value === null && <option value="">{t('choose')}</option>}
        {groups.map((g) => (
          <optgroup key={g.category} label={t(g.category)}>
            {g.indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {nameOf(i, lang)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {matches === 0 && <span className="muted indicator-none">{t('none', { q })}</span>}
    </div>
  );
}
