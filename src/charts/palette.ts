/**
 * Colour-blind-safe colours (Okabe–Ito), and status styles that never rely on colour alone:
 * each status also has an icon and a word, and ECharts decal patterns where filled.
 */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const STATUS_STYLE = {
  met: { colour: '#007a5a', icon: '✔' },
  near: { colour: '#8a5a00', icon: '◐' },
  missed: { colour: '#b3261e', icon: '✖' },
  pending: { colour: '#5f6368', icon: '…' },
  'result-not-held': { colour: '#5f6368', icon: '?' },
  'no-target': { colour: '#5f6368', icon: '–' },
  'target-not-held': { colour: '#5f6368', icon: '?' },
  qualitative: { colour: '#3c4a8a', icon: '≈' },
} as const;

export const TARGET_COLOUR = '#222222';
