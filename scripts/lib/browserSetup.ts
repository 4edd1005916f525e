/**
 * What the browser tests need from the machine (Chromium and CJK fonts) and what to do when it
 * is missing: install on Debian or Ubuntu as root, as .ci/run does; anywhere else stop at once
 * with the one command that installs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The Chromium the browser tests drive (Debian's; never a downloaded one). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PACKAGES = ['chromium', 'fonts-noto-cjk'] as const;
export const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(' ')}`;

export interface Machine {
  chromium: string;
  hasChromium: boolean;
  hasCjkFonts: boolean;
  /** apt-get is there (Debian, Ubuntu and their kin). */
  apt: boolean;
  root: boolean;
}

export type Plan = { action: 'ready' } | { action: 'install' } | { action: 'stop'; message: string };

/** Pure: what to do on this machine. */
export function planFor(m: Machine): Plan {
  if (m.hasChromium && m.hasCjkFonts) return { action: 'ready' };
  if (m.apt && m.root) return { action: 'install' };
  const missing = [!m.hasChromium && `Chromium at ${m.chromium}`, !m.hasCjkFonts && 'the Noto CJK fonts'].filter(Boolean).join(' and ');
  const how = m.apt
    ? `Install them with:\n  ${INSTALL_COMMAND}`
    : `Install Chromium and the Noto Sans CJK fonts with your system's package manager, and set CHROMIUM_PATH to the Chromium program if it is not at ${m.chromium}.`;
  return { action: 'stop', message: `The browser tests need ${missing}, which this machine lacks. ${how}` };
}

function hasCjkFonts(): boolean {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

export function inspectMachine(chromium: string): Machine {
  return {
    chromium,
    hasChromium: existsSync(chromium),
    hasCjkFonts: hasCjkFonts(),
    apt: existsSync('/usr/bin/apt-get'),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
  };
}

export function installPackages(): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
}
