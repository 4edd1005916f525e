/** Targets that still have no result, by year and district: what staff must still look up. */
import type { Dataset, Observation } from '../../src/data/types';
import { Catalog } from '../../src/model/catalog';
import { isoDay } from '../../src/model/calendar';
import { formatQualified } from '../../src/model/format';
import { observationFile } from '../../src/data/schema';
import type { Lang } from '../../src/core/url';
import { defineMessages, nameOf, translate } from '../../src/core/i18n';

const words = defineMessages({
  zh: {
    head: '{year} 年 · {name}（{id}）——实际数填入 {file}',
    item: '  {name}（{id}）：目标 {target}，尚无实际数',
    total: '共 {n} 个目标尚无实际数。',
  },
  en: {
    head: '{year} · {name} ({id}) — results go into {file}',
    item: '  {name} ({id}): target {target}, no result yet',
    total: '{n} target(s) still have no result.',
  },
});

export interface PendingItem {
  year: number;
  district: string;
  indicator: string;
  target: Observation;
}

export function pendingTargets(ds: Dataset, years?: number[]): PendingItem[] {
  const c = new Catalog(ds, isoDay(new Date()));
  const districtOrder = ds.districts.map((d) => d.id);
  const indicatorOrder = ds.indicators.map((i) => i.id);
  const seen = new Set<string>();
  const out: PendingItem[] = [];
  for (const o of ds.observations) {
    if (o.kind !== 'target' || (years && !years.includes(o.year))) continue;
    const k = `${o.district}|${o.indicator}|${o.year}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (c.shown(o.district, o.indicator, o.year, 'actual')) continue;
    out.push({ year: o.year, district: o.district, indicator: o.indicator, target: c.shown(o.district, o.indicator, o.year, 'target')!.obs });
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      districtOrder.indexOf(a.district) - districtOrder.indexOf(b.district) ||
      indicatorOrder.indexOf(a.indicator) - indicatorOrder.indexOf(b.indicator),
  );
}

/** The list as printed: a heading per year and district, one line per indicator. */
export function formatPending(items: PendingItem[], ds: Dataset, lang: Lang): string[] {
  const districts = new Map(ds.districts.map((d) => [d.id, d]));
  const indicators = new Map(ds.indicators.map((i) => [i.id, i]));
  const lines: string[] = [];
  const w = (key: keyof (typeof words)['zh'], params: Record<string, string | number>) => translate(words, lang, key, params);
  let head = '';
  for (const it of items) {
    const d = districts.get(it.district);
    const h = w('head', { year: it.year, name: d ? nameOf(d, lang) : it.district, id: it.district, file: observationFile(it.year) });
    if (h !== head) {
      lines.push(h);
      head = h;
    }
    const ind = indicators.get(it.indicator);
    const t = it.target;
    const target = formatQualified(t.comparator, t.value, t.unit, lang);
    lines.push(w('item', { name: ind ? nameOf(ind, lang) : it.indicator, id: it.indicator, target }));
  }
  lines.push(w('total', { n: items.length }));
  return lines;
}
