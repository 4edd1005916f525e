/**
 * The one card of the citizen pages (air, grain): a district's name, its big numbers, the plain
 * sentence, its charts each under a heading, then what the page adds (years in detail, other
 * figures). The page decides what goes in; the card only lays it out the same way on both pages.
 */
import { Fragment, type ReactNode } from 'react';
import type { District } from '../data/types';
import { EChart, type EChartProps } from './EChart';

export interface CardChart extends Required<Pick<EChartProps, 'option' | 'description' | 'height' | 'downloadName' | 'caption'>> {
  title: string;
}

export function CitizenCard({ page, district, name, big, sentence, charts, children }: {
  /** The page's id, for the heading's id (air-…, grain-…). */
  page: string;
  district: District;
  name: string;
  /** The big numbers of the latest year with a result; nothing when there is none. */
  big: ReactNode;
  sentence: string;
  /** Only the charts that have something to show. */
  charts: CardChart[];
  children?: ReactNode;
}) {
  return (
    <article className="citizen-card" data-district={district.id} aria-labelledby={`${page}-${district.id}`}>
      <h3 id={`${page}-${district.id}`}>{name}</h3>
      {big && <div className="big-row">{big}</div>}
      <p className="sentence">{sentence}</p>
      {charts.map((c) => (
        <Fragment key={c.downloadName}>
          <h4 className="chart-title">{c.title}</h4>
          <EChart option={c.option} description={c.description} height={c.height} downloadName={c.downloadName} caption={c.caption} />
        </Fragment>
      ))}
      {children}
    </article>
  );
}
