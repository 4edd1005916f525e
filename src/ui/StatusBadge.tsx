/** A status in colour, icon and word: never colour alone. */
import { common, useT, type Translate } from './i18n';
import { STATUS_STYLE } from '../charts/palette';
import { isProvisional, type Status } from '../model/status';

export function StatusBadge({ status }: { status: Status }) {
  return statusBadge(status, useT(common));
}

/** The same, as a plain function, for where a component per badge costs too much (a scorecard of thousands of cells). */
export function statusBadge(status: Status, t: Translate<typeof common>) {
  const provisional = isProvisional(status);
  return (
    // The icon is drawn by CSS from data-icon (styles.css), with no text for screen readers: an
    // element fewer per badge, which counts in a scorecard that replaces fifty of them per scroll.
    <span className={`status status-${status.kind}${provisional ? ' status-provisional' : ''}`} data-icon={STATUS_STYLE[status.kind].icon}>
      {t(status.kind)}
      {provisional && <span className="provisional">{t('provisional')}</span>}
    </span>
  );
}
