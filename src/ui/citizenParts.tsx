/** Pieces both citizen pages use: a figure with its source one tap away, a big number, the page top. */
import type { ReactNode } from 'react';
import { common, defineMessages, useLang, useT } from './i18n';
import type { Catalog, Pair, Shown } from '../model/catalog';
import { CITIZEN_FIGURE, figureText } from '../model/figureText';
import { awaitsResult, lacksTarget } from '../model/status';
import { SourceNote } from './SourceNote';
import { StatusBadge } from './StatusBadge';
import { ShareButton } from './ShareButton';
import { DistrictPicker } from './DistrictPicker';
import type { District } from '../data/types';
import './citizen.css';

export const partMessages = defineMessages({
  zh: {
    noData: '暂无数据',
    noResult: '暂无结果',
    choose: '选择地区（已显示 {shown} 个，共 {all} 个）',
    unknown: '链接中的这些地区没有相关数据：',
    sep: '：',
    listSep: '、',
  },
  en: {
    noData: 'no data',
    noResult: 'no result yet',
    choose: 'Choose districts ({shown} of {all} shown)',
    unknown: 'These districts in the link have no figures here: ',
    sep: ': ',
    listSep: ', ',
  },
});


/** One labelled figure: the value (or "no data" in words) and its source one tap away. */
export function FigureLine({ label, shown, unit, catalog, status }: { label: string; shown: Shown | null; unit: string; catalog: Catalog; status?: Pair['status'] }) {
  const t = useT(partMessages);
  const c = useT(common);
  const lang = useLang();
  return (
    <div className="fig">
      <span className="fig-label">
        {label}
        {t('sep')}
      </span>
      {shown ? (
        <>
          <span className="fig-value">
            {shown.obs.estimate && <span className="tag-estimate">{c('estimate')} </span>}
            {figureText(shown.obs, unit, lang, CITIZEN_FIGURE)}
          </span>
          {status && !awaitsResult(status.kind) && !lacksTarget(status.kind) && <> <StatusBadge status={status} /></>}
          {shown.conflict && <span className="tag-conflict"> ⚠ {c('conflict')}</span>}
          <SourceNote obs={shown.obs} source={catalog.sources.get(shown.obs.source)} estimateShown />
        </>
      ) : (
        <span className="muted">{t('noData')}</span>
      )}
    </div>
  );
}

/** A large number with what it is, the estimate mark and its source. */
export function BigFigure({ label, shown, unit, catalog, after, children }: { label: string; shown: Shown; unit: string; catalog: Catalog; after?: string; children?: ReactNode }) {
  const c = useT(common);
  const lang = useLang();
  return (
    <div className="big">
      <div className="big-label">{label}</div>
      <div className="big-value">
        {shown.obs.estimate && <span className="tag-estimate big-est">{c('estimate')} </span>}
        <span className="big-num">{figureText(shown.obs, unit, lang, CITIZEN_FIGURE)}</span>
        {after && <span className="big-after"> {after}</span>}
      </div>
      {children}
      <SourceNote obs={shown.obs} source={catalog.sources.get(shown.obs.source)} estimateShown />
    </div>
  );
}

export function PageTop({ id, title, lead, shareTitle }: { id: string; title: string; lead: string; shareTitle: string }) {
  return (
    <div className="citizen-top">
      <div>
        <h2 id={id}>{title}</h2>
        <p className="citizen-lead">{lead}</p>
      </div>
      <ShareButton title={shareTitle} />
    </div>
  );
}

/** The picker, folded away: most visitors want the default districts. */
export function CitizenPicker({ all, shown, unknown, onChange }: { all: District[]; shown: District[]; unknown: string[]; onChange: (ids: string[]) => void }) {
  const t = useT(partMessages);
  return (
    <>
      {unknown.length > 0 && (
        <p className="notice notice-warning">
          {t('unknown')}
          {unknown.join(t('listSep'))}
        </p>
      )}
      {all.length > 1 && (
        <details className="citizen-picker">
          <summary>{t('choose', { shown: shown.length, all: all.length })}</summary>
          <DistrictPicker districts={all} chosen={shown.map((d) => d.id)} onChange={onChange} />
        </details>
      )}
    </>
  );
}
