/**
 * Status badges and tags meet WCAG 2.x AA contrast (4.5:1 for their 12–13 px text), computed
 * from the stylesheets themselves: the design tokens of tokens.css and the rules that use them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = __dirname;
const css = ['tokens.css', 'components.css', 'campaigns.css'].map((f) => readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')).join('\n');

/** Flat rules: selector list → declarations (the stylesheets have no nesting). */
function rules(text: string): { selectors: string[]; decls: Map<string, string> }[] {
  const out: { selectors: string[]; decls: Map<string, string> }[] = [];
  for (const m of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls = new Map<string, string>();
    for (const d of (m[2] ?? '').split(';')) {
      const i = d.indexOf(':');
      if (i > 0) decls.set(d.slice(0, i).trim(), d.slice(i + 1).trim());
    }
    out.push({ selectors: (m[1] ?? '').split(',').map((s) => s.trim()), decls });
  }
  return out;
}

const all = rules(css);
const root = new Map(all.filter((r) => r.selectors.includes(':root')).flatMap((r) => [...r.decls]));

function resolve(value: string): string {
  const v = /^var\((--[\w-]+)\)$/.exec(value.trim());
  if (v === null) return value.trim();
  const next = root.get(v[1] ?? '');
  if (next === undefined) throw new Error(`token ${v[1]} is not defined`);
  return resolve(next);
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const named: Record<string, string> = { '#fff': '#ffffff', white: '#ffffff' };
const colour = (value: string): string => named[resolve(value)] ?? resolve(value);

/** Every variant of a badge family with the colours it is drawn in (the variant's over the base's). */
function family(base: string, prefix: string): { selector: string; fg: string; bg: string }[] {
  const baseRule = all.find((r) => r.selectors.includes(base));
  const variants = all.flatMap((r) => r.selectors.filter((s) => s.startsWith(prefix) && /^\.[\w-]+$/.test(s)).map((s) => ({ s, r })));
  return variants.map(({ s, r }) => {
    const fg = r.decls.get('color') ?? baseRule?.decls.get('color');
    const bg = r.decls.get('background') ?? baseRule?.decls.get('background');
    if (fg === undefined || bg === undefined) throw new Error(`${s} has no colour or background`);
    return { selector: s, fg: colour(fg), bg: colour(bg) };
  });
}

describe('badge contrast (WCAG AA, 4.5:1)', () => {
  it('computes the WCAG ratio (black on white 21:1, the old Cancelled 2.54:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#9aa3b2')).toBeCloseTo(2.54, 2);
  });

  const families = [
    { name: 'booking status', base: '.booking-status', prefix: '.booking-status-', expect: ['scheduled', 'checked_in', 'completed', 'cancelled', 'no_show'] },
    { name: 'customer status', base: '.badge', prefix: '.status-', expect: ['new', 'active', 'win_back', 'at_risk', 'churned'] },
    { name: 'delivery status', base: '.dstatus', prefix: '.dstatus-', expect: ['queued', 'sent', 'failed', 'cancelled'] },
    { name: 'tier', base: '.tier', prefix: '.tier-', expect: ['vip'] },
  ];
  for (const f of families) {
    it(`every ${f.name} badge`, () => {
      const variants = family(f.base, f.prefix);
      for (const name of f.expect) expect(variants.map((v) => v.selector)).toContain(`${f.prefix}${name}`);
      const low = variants.map((v) => ({ ...v, ratio: Math.round(contrast(v.fg, v.bg) * 100) / 100 })).filter((v) => v.ratio < 4.5);
      expect(low).toEqual([]);
    });
  }
});
