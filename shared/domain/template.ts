/**
 * Message templates with placeholders, rendered per customer. A template is checked before
 * anything is queued: an unknown placeholder is rejected with a message naming it.
 *
 *   "Hi {first_name}, we miss you at {branch}! {offer}"
 *
 * Placeholders: {name}, {first_name}, {branch}, {last_visit} (e.g. "3 March 2026", '' without a
 * visit), {offer}; milestone messages also {milestone} (e.g. "500.00"). `{{` and `}}` write a
 * literal brace; any other `}` is literal too.
 */
import { formatMoney } from '../money';
import { civilFromDays, parseDay } from '../time/calendar';

export const CAMPAIGN_PLACEHOLDERS = ['name', 'first_name', 'branch', 'last_visit', 'offer'] as const;
export const MILESTONE_PLACEHOLDERS = [...CAMPAIGN_PLACEHOLDERS, 'milestone'] as const;
export type Placeholder = (typeof MILESTONE_PLACEHOLDERS)[number];

export type TemplateValues = Partial<Record<Placeholder, string>>;

type Piece = { text: string } | { placeholder: string; at: number };

export interface TemplateProblem {
  message: string;
  /** Offset of the problem in the template text. */
  at: number;
}

/** Splits a template into literal text and placeholders, reporting malformed braces. */
function tokenize(template: string): { pieces: Piece[]; problems: TemplateProblem[] } {
  const pieces: Piece[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i] as string;
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '{') {
      const close = template.indexOf('}', i + 1);
      const open = template.indexOf('{', i + 1);
      if (close === -1 || (open !== -1 && open < close)) {
        problems.push({ at: i, message: `"{" at character ${i + 1} is not closed: write {placeholder}, or {{ for a literal brace` });
        text += ch;
        i += 1;
        continue;
      }
      if (text !== '') pieces.push({ text });
      text = '';
      pieces.push({ placeholder: template.slice(i + 1, close), at: i });
      i = close + 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  if (text !== '') pieces.push({ text });
  return { pieces, problems };
}

/** Everything wrong with a template; empty when it can be rendered. */
export function templateProblems(template: string, allowed: readonly string[] = CAMPAIGN_PLACEHOLDERS): TemplateProblem[] {
  const { pieces, problems } = tokenize(template);
  const unknown = pieces.filter((p): p is { placeholder: string; at: number } => 'placeholder' in p && !allowed.includes(p.placeholder));
  if (unknown.length > 0) {
    const names = [...new Set(unknown.map((p) => `{${p.placeholder}}`))];
    problems.unshift({
      at: (unknown[0] as { at: number }).at,
      message: `unknown placeholder${names.length > 1 ? 's' : ''} ${names.join(', ')} (allowed: ${allowed.map((a) => `{${a}}`).join(', ')})`,
    });
  }
  if (template.trim() === '') problems.push({ at: 0, message: 'the message is empty' });
  return problems;
}

export class TemplateError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'TemplateError';
  }
}

/** The template with every placeholder replaced; throws TemplateError when it has problems. */
export function renderTemplate(template: string, values: TemplateValues | Readonly<Partial<Record<string, string>>>, allowed: readonly string[] = CAMPAIGN_PLACEHOLDERS): string {
  const problems = templateProblems(template, allowed);
  if (problems.length > 0) throw new TemplateError(problems);
  let out = '';
  for (const p of tokenize(template).pieces) out += 'text' in p ? p.text : ((values as Readonly<Partial<Record<string, string>>>)[p.placeholder] ?? '');
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 March 2026" for `2026-03-03` ('' for '' or a bad date). */
export function humanDate(date: string | null): string {
  const day = date === null || date === '' ? null : parseDay(date);
  if (day === null) return '';
  const { year, month, day: d } = civilFromDays(day);
  return `${d} ${MONTHS[month - 1]} ${year}`;
}

/** The first word of a name ('' for an empty name). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** Placeholder values for one customer. */
export function placeholderValues(input: {
  customerName: string;
  branchName: string;
  /** `YYYY-MM-DD` of the last visit, or null. */
  lastVisitDate: string | null;
  offer: string;
  /** Cents of the milestone crossed (milestone messages). */
  milestoneCents?: number;
}): TemplateValues {
  return {
    name: input.customerName.trim(),
    first_name: firstName(input.customerName),
    branch: input.branchName,
    last_visit: humanDate(input.lastVisitDate),
    offer: input.offer,
    milestone: input.milestoneCents === undefined ? '' : formatMoney(input.milestoneCents),
  };
}
