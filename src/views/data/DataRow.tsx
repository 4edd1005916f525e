/** One observation: district (sticky), indicator, year, kind, value as written, estimate, source, quote. */
import { memo } from 'react';
import { common, nameOf, useLang, useT } from '../../ui/i18n';
import type { Observation } from '../../data/types';
import type { Catalog } from '../../model/catalog';
import { formatQualified, publicNote } from '../../model/format';
import { safeHref } from '../../ui/SourceNote';
import { messages } from './messages';
import { useMeasureRef } from '../../ui/rowWindow';

interface Props {
  index: number;
  obs: Observation;
  catalog: Catalog;
  measure: ((el: HTMLTableRowElement | null) => void) | undefined;
}

export const DataRow = memo(function DataRow({ index, obs, catalog, measure }: Props) {
  const t = useT(messages);
  const tc = useT(common);
  const lang = useLang();
  const note = publicNote(obs, lang);
  const ref = useMeasureRef(measure, index);
  const district = catalog.districts.get(obs.district);
  const indicator = catalog.indicators.get(obs.indicator);
  const source = catalog.sources.get(obs.source);
  const href = safeHref(source?.url);
  const conflict = catalog.shown(obs.district, obs.indicator, obs.year, obs.kind)?.conflict ?? false;
  return (
    <tr data-index={index} ref={ref} aria-rowindex={index + 2} className={obs.estimate ? 'dt-row-estimate' : undefined}>
      <th scope="row" className="dt-district">
        {district ? nameOf(district, lang) : obs.district}
      </th>
      <td className="dt-indicator">{indicator ? nameOf(indicator, lang) : obs.indicator}</td>
      <td className="dt-year">{obs.year}</td>
      <td className="dt-kind">{tc(obs.kind)}</td>
      <td className="dt-value">
        <span className="dt-figure">{formatQualified(obs.comparator, obs.value, obs.unit, lang)}</span>
        {conflict && (
          <span className="dt-conflict">
            <span aria-hidden="true">⚠ </span>
            {t('conflict')}
          </span>
        )}
      </td>
      <td className="dt-estimate">{obs.estimate ? <span className="tag-estimate dt-est">{t('yes')}</span> : <span className="muted">{t('no')}</span>}</td>
      <td className="dt-source">
        {source && href ? (
          <a href={href} rel="noopener noreferrer" target="_blank">
            {source.title_zh}
          </a>
        ) : (
          <span lang="zh">{source?.title_zh ?? obs.source}</span>
        )}
        <span className="dt-meta">
          {source?.published}
          {' · '}
          {obs.sourceLine !== null ? t('line', { line: obs.sourceLine }) : t('noLine')}
        </span>
      </td>
      <td className="dt-quote">
        <span className="dt-q" lang="zh">{obs.quote}</span>
        {note && <span className="dt-note">{t('note', { note })}</span>}
      </td>
    </tr>
  );
});
