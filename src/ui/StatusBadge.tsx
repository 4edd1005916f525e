/** A status in colour, icon and word: never colour alone. */
import { common, useT } from '../app/i18n';
import { STATUS_STYLE } from '../charts/palette';
import { isProvisional, type Status } from '../model/status';

export function StatusBadge({ status }: { status: Status }) {
  const t = useT(common);
  const s = STATUS_STYLE[status.kind];
  const provisional = isProvisional(status);
  return (
    <span className={`status status-${status.kind}${provisional ? ' status-provisional' : ''}`}>
      <span aria-hidden="true">{s.icon}</span> {t(status.kind)}
      {provisional && <span className="provisional">{t('provisional')}</span>}
    </span>
  );
}
