/**
 * The scorecard as a printed brief (shown only in print): per district a list of its figures,
 * each with result, target, status and source; a page per district. The on-screen table, 68
 * columns wide, does not fit an A4 page; this does. Drawn only for up to PRINTED districts (a
 * search or a choice narrows them): with thousands, the page keeps only the rows on screen.
 */
import type { Lang } from '../../core/url';
import { common, nameOf, useLang, useT } from '../../ui/i18n';
import type { District, Indicator } from '../../data/types';
import type { Catalog, Shown } from '../../model/catalog';
import { formatQualified } from '../../model/format';
import { scorecardRow } from '../../model/scorecard';
import { statusBadge } from '../../ui/StatusBadge';
import { messages } from './messages';

export const PRINTED = 40;

function figure(shown: Shown | null, indicator: Indicator, lang: Lang, estimate: string): string {
  if (!shown) return '—';
  const o = shown.obs;
  const v = o.comparator === 'text' ? o.quote : formatQualified(o.comparator, o.canonicalValue, indicator.unit, lang);
  return o.estimate ? `${v} (${estimate})` : v;
}

function source(shown: Shown | null, catalog: Catalog, line: (n: number) => string): string {
  if (!shown) return '';
  const o = shown.obs;
  const title = catalog.sources.get(o.source)?.title_zh ?? o.source;
  return o.sourceLine !== null ? `${title} · ${line(o.sourceLine)}` : title;
}

export function ScorecardPrint({ rows, columns, year, catalog }: { rows: readonly District[]; columns: readonly Indicator[]; year: number; catalog: Catalog }) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const line = (n: number) => tc('line', { line: n });
  if (rows.length > PRINTED) return <p className="print-only">{t('printMore', { count: rows.length, printed: PRINTED })}</p>;
  return (
    <div className="sc-print print-only">
      {rows.map((d) => {
        const cells = scorecardRow(catalog, d.id, columns, year).filter((c) => !c.empty);
        return (
          <section key={d.id} className="sc-print-district" data-district={d.id}>
            <h3>{t('printDistrict', { district: nameOf(d, lang), year })}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('printIndicator')}</th>
                  <th scope="col">{t('actual')}</th>
                  <th scope="col">{t('target')}</th>
                  <th scope="col">{t('printStatus')}</th>
                  <th scope="col">{tc('source')}</th>
                </tr>
              </thead>
              <tbody>
                {cells.map((c) => (
                  <tr key={c.indicator.id} data-indicator={c.indicator.id}>
                    <th scope="row">{nameOf(c.indicator, lang)}</th>
                    <td>{figure(c.pair.actual, c.indicator, lang, tc('estimate'))}</td>
                    <td>{figure(c.pair.target, c.indicator, lang, tc('estimate'))}</td>
                    <td>{statusBadge(c.pair.status, tc)}</td>
                    <td className="sc-print-source">
                      {[source(c.pair.actual, catalog, line), source(c.pair.target, catalog, line)]
                        .filter((s, i, a) => s && a.indexOf(s) === i)
                        .map((s) => (
                          <span key={s}>{s}</span>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
