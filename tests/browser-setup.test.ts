/** Before the browser tests: ready, install (Debian/Ubuntu as root), or stop at once with the command that installs what is missing. */
import { describe, expect, it } from 'vitest';
import { INSTALL_COMMAND, planFor, type Machine } from '../scripts/lib/browserSetup';

const machine = (m: Partial<Machine>): Machine => ({ chromium: '/usr/bin/chromium', hasChromium: true, hasCjkFonts: true, apt: true, root: false, ...m });

describe('planFor', () => {
  it('goes ahead when Chromium and the fonts are there, whoever runs it', () => {
    expect(planFor(machine({}))).toEqual({ action: 'ready' });
    expect(planFor(machine({ apt: false }))).toEqual({ action: 'ready' });
  });

  it('installs with apt-get as root when either is missing', () => {
    expect(planFor(machine({ hasChromium: false, root: true }))).toEqual({ action: 'install' });
    expect(planFor(machine({ hasCjkFonts: false, root: true }))).toEqual({ action: 'install' });
  });

  it('otherwise stops, naming what is missing and the one command that installs it', () => {
    const p = planFor(machine({ hasChromium: false, hasCjkFonts: false }));
    expect(p.action).toBe('stop');
    const message = p.action === 'stop' ? p.message : '';
    expect(message).toContain('Chromium at /usr/bin/chromium and the Noto CJK fonts');
    expect(message).toContain(INSTALL_COMMAND);
    expect(INSTALL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk');
    const fonts = planFor(machine({ hasCjkFonts: false }));
    expect(fonts.action === 'stop' && fonts.message).toMatch(/need the Noto CJK fonts, which/);
  });

  it('without apt-get says what to install and where to point CHROMIUM_PATH', () => {
    const p = planFor(machine({ chromium: '/opt/chromium', hasChromium: false, apt: false, root: true }));
    expect(p.action === 'stop' && p.message).toMatch(/CHROMIUM_PATH.*\/opt\/chromium/);
  });
});
