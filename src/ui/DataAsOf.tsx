/**
 * 数据截至 / "data as of": the latest date among the sources, and the districts whose work report
 * should be out by now but is not in the data (DESIGN.md, "When a figure is missing"). Shown on
 * every page, above the view, so no status is read without knowing how current the data are.
 */
import { defineMessages, nameOf, translate } from '../core/i18n';
import type { Lang } from '../core/url';
import type { Catalog } from '../model/catalog';

const messages = defineMessages({
  zh: {
    asOf: '数据截至{date}',
    none: '尚无任何来源',
    due: '；{districts}的{year}年政府工作报告应已发布，本站尚未收录',
    dueMany: '；{districts}的{year}年政府工作报告应已发布，本站尚未收录',
    listSep: '、',
    lastSep: '、',
    day: '{y}年{m}月{d}日',
    end: '。',
  },
  en: {
    asOf: 'Data as of {date}',
    none: 'No sources yet',
    due: '; the {year} work report of {districts} is due but not yet in the data',
    dueMany: '; the {year} work reports of {districts} are due but not yet in the data',
    listSep: ', ',
    lastSep: ' and ',
    day: '{d} {month} {y}',
    end: '.',
  },
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2025-02-26 → 2025年2月26日 / 26 February 2025. */
export function dayText(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return translate(messages, lang, 'day', { y, m, d, month: MONTHS[m - 1]! });
}

/** Only the date part, 数据截至2025年2月26日: where the whole line would not fit (a slide's header). */
export function asOfDateText(catalog: Catalog, lang: Lang): string {
  const date = catalog.asOf();
  return date ? translate(messages, lang, 'asOf', { date: dayText(date, lang) }) : translate(messages, lang, 'none');
}

/** The line as text (pure, for tests and for the print and presentation headers). */
export function dataAsOfText(catalog: Catalog, lang: Lang): string {
  const t = (k: keyof (typeof messages)['zh'], p?: Record<string, string | number>) => translate(messages, lang, k, p);
  let out = asOfDateText(catalog, lang);
  const byYear = new Map<number, string[]>();
  for (const r of catalog.reportsDue()) {
    const d = catalog.districts.get(r.district);
    const name = d ? nameOf(d, lang) : r.district;
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), name]);
  }
  for (const [year, names] of byYear) {
    const list = names.length > 1 ? `${names.slice(0, -1).join(t('listSep'))}${t('lastSep')}${names.at(-1)!}` : names[0]!;
    out += t(names.length > 1 ? 'dueMany' : 'due', { year, districts: list });
  }
  return out + t('end');
}

export function DataAsOf({ catalog, lang }: { catalog: Catalog; lang: Lang }) {
  return (
    <p className="data-as-of" data-as-of={catalog.asOf() ?? ''}>
      {dataAsOfText(catalog, lang)}
    </p>
  );
}
