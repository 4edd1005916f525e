/**
 * Runs before the browser tests: exits 0 when Chromium and the CJK fonts are there (installing
 * them first where it can), and otherwise exits 1 at once with the command that installs them,
 * instead of letting every browser test fail one by one.
 */
import { CHROMIUM, INSTALL_COMMAND, inspectMachine, installPackages, planFor } from './lib/browserSetup';

const plan = planFor(inspectMachine(CHROMIUM));
if (plan.action === 'install') {
  console.log('Installing Chromium and the CJK fonts for the browser tests (apt-get)…');
  try {
    installPackages();
  } catch (e) {
    console.error(`apt-get failed (${(e as Error).message.split('\n')[0]}). Install them with:\n  ${INSTALL_COMMAND}`);
    process.exit(1);
  }
  const after = planFor({ ...inspectMachine(CHROMIUM), root: false });
  if (after.action !== 'ready') {
    console.error(after.action === 'stop' ? after.message : 'Chromium or the CJK fonts are still missing.');
    process.exit(1);
  }
} else if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
