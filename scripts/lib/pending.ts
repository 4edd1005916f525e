/** Targets that still have no result, by year and district: what staff must still look up. */
import type { Dataset, Observation } from '../../src/data/types';
import { Catalog } from '../../src/model/catalog';
import { isoDay } from '../../src/model/calendar';
import { formatQualified } from '../../src/model/format';
import { observationFile } from '../../src/data/schema';
import type { Lang } from '../../src/core/url';

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
  let head = '';
  for (const it of items) {
    const d = districts.get(it.district);
    const h =
      lang === 'zh'
        ? `${it.year} 年 · ${d?.name_zh ?? it.district}（${it.district}）——实际数填入 ${observationFile(it.year)}`
        : `${it.year} · ${d?.name_en ?? it.district} (${it.district}) — results go into ${observationFile(it.year)}`;
    if (h !== head) {
      lines.push(h);
      head = h;
    }
    const ind = indicators.get(it.indicator);
    const t = it.target;
    const target = formatQualified(t.comparator, t.value, t.unit, lang);
    lines.push(
      lang === 'zh'
        ? `  ${ind?.name_zh ?? it.indicator}（${it.indicator}）：目标 ${target}，尚无实际数`
        : `  ${ind?.name_en ?? it.indicator} (${it.indicator}): target ${target}, no result yet`,
    );
  }
  lines.push(
    lang === 'zh' ? `共 ${items.length} 个目标尚无实际数。` : `${items.length} target(s) still have no result.`,
  );
  return lines;
}
