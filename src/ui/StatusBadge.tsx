/** A status in colour, icon and word: never colour alone. */
import { common, useT } from '../app/i18n';
import { STATUS_STYLE } from '../charts/palette';
import type { Status } from '../model/status';

export function StatusBadge({ status }: { status: Status }) {
  const t = useT(common);
  const s = STATUS_STYLE[status.kind];
  // "Provisional" qualifies a verdict; with no target there is no verdict to qualify (the figure itself says 预计).
  const provisional = status.provisional && (status.kind === 'met' || status.kind === 'near' || status.kind === 'missed');
  return (
    <span className={`status status-${status.kind}${provisional ? ' status-provisional' : ''}`}>
      <span aria-hidden="true">{s.icon}</span> {t(status.kind)}
      {provisional && <span className="provisional">{t('provisional')}</span>}
    </span>
  );
}
