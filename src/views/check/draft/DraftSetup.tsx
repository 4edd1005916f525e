/**
 * What the draft needs from staff: the source (which fills in its district and date), the
 * district and date themselves, and the report's text as a .txt file or pasted.
 */
import { useId } from 'react';
import { nameOf, useLang, useT } from '../../../ui/i18n';
import type { Catalog } from '../../../model/catalog';
import { draftWork, type DraftWork } from './draftWork';
import { messages } from './messages';

export function DraftSetup({ work, catalog }: { work: DraftWork; catalog: Catalog }) {
  const t = useT(messages);
  const lang = useLang();
  const id = useId();
  const { settings } = work;
  const sources = [...catalog.sources.values()].sort((a, b) => b.published.localeCompare(a.published) || a.id.localeCompare(b.id));
  const districts = [...catalog.districts.values()];
  const chooseSource = (sid: string) => {
    const s = catalog.sources.get(sid);
    void draftWork.setSettings(s ? { source: sid, district: s.district, published: s.published } : { source: '' });
  };
  return (
    <fieldset className="draft-setup">
      <legend>{t('settingsTitle')}</legend>
      <div className="draft-fields">
        <label className="draft-field draft-field-wide">
          <span>{t('source')}</span>
          <select value={settings.source} onChange={(e) => chooseSource(e.currentTarget.value)} data-testid="draft-source" aria-describedby={`${id}-src`}>
            <option value="">{t('sourceNone')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.published} · {/* a source has only its Chinese title: English pages show its id */ lang === 'en' ? s.id : s.title_zh}
              </option>
            ))}
          </select>
        </label>
        <label className="draft-field">
          <span>{t('district')}</span>
          <select value={settings.district} onChange={(e) => void draftWork.setSettings({ district: e.currentTarget.value })} data-testid="draft-district">
            <option value="">{t('districtNone')}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {nameOf(d, lang)}
              </option>
            ))}
            {settings.district && !catalog.districts.has(settings.district) && <option value={settings.district}>{settings.district}</option>}
          </select>
        </label>
        <label className="draft-field">
          <span>{t('published')}</span>
          <input
            type="date"
            value={settings.published}
            onChange={(e) => void draftWork.setSettings({ published: e.currentTarget.value })}
            aria-describedby={`${id}-pub`}
            data-testid="draft-published"
          />
        </label>
      </div>
      <p className="check-muted" id={`${id}-src`}>
        {t('sourceHint')}
      </p>
      <p className="check-muted" id={`${id}-pub`}>
        {t('publishedHint')}
      </p>
      <div className="draft-inputs">
        <label className="check-choose">
          <span className="tap check-choose-button">{t('chooseFile')}</span>
          <input
            type="file"
            accept=".txt,text/plain"
            className="visually-hidden"
            data-testid="draft-input"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) void draftWork.giveFile(f);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <div className="draft-paste">
          <label htmlFor={`${id}-paste`}>{t('pasteLabel')}</label>
          <textarea
            id={`${id}-paste`}
            rows={3}
            value={work.pasted}
            onChange={(e) => draftWork.setPasted(e.currentTarget.value)}
            data-testid="draft-paste"
          />
          <button type="button" onClick={() => void draftWork.draftPasted()} disabled={work.pasted.trim() === ''}>
            {t('pasteDraft')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
