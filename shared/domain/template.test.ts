import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CAMPAIGN_PLACEHOLDERS,
  firstName,
  humanDate,
  MILESTONE_PLACEHOLDERS,
  placeholderValues,
  renderTemplate,
  TemplateError,
  templateProblems,
} from './template';

const values = placeholderValues({ customerName: '  Maria  de la Cruz ', branchName: 'Makati', lastVisitDate: '2026-03-03', offer: '10% off', milestoneCents: 50_000 });

describe('message templates', () => {
  it('fills every placeholder for the customer', () => {
    expect(renderTemplate('Hi {first_name} ({name}), see you at {branch}! Last time: {last_visit}. {offer}', values)).toBe(
      'Hi Maria (Maria  de la Cruz), see you at Makati! Last time: 3 March 2026. 10% off',
    );
    expect(renderTemplate('{milestone} spent', values, MILESTONE_PLACEHOLDERS)).toBe('500.00 spent');
  });

  it('writes literal braces with {{ and }}, and a lone } as is', () => {
    expect(renderTemplate('{{name}} is {name} :-}', values)).toBe('{name} is Maria  de la Cruz :-}');
  });

  it('rejects unknown placeholders before anything is sent, naming them', () => {
    expect(templateProblems('Hi {nmae}, {name} {offer} {Name} {nmae}')[0]?.message).toMatch(/^unknown placeholders \{nmae\}, \{Name\} \(/);
    const problems = templateProblems('Hi {nmae} and {discount}');
    expect(problems[0]?.message).toBe(
      'unknown placeholders {nmae}, {discount} (allowed: {name}, {first_name}, {branch}, {last_visit}, {offer})',
    );
    expect(() => renderTemplate('Hi {nmae}', values)).toThrow(TemplateError);
    expect(() => renderTemplate('Hi {nmae}', values)).toThrow(/unknown placeholder \{nmae\}/);
    // {milestone} only exists in milestone messages.
    expect(templateProblems('{milestone}', CAMPAIGN_PLACEHOLDERS)[0]?.message).toMatch(/^unknown placeholder \{milestone\} /);
  });

  it('rejects an unclosed brace and an empty message', () => {
    expect(templateProblems('Hi {name')[0]?.message).toMatch(/"\{" at character 4 is not closed/);
    expect(templateProblems('Hi {first {name}')[0]?.message).toMatch(/not closed/);
    expect(templateProblems('   ')[0]?.message).toBe('the message is empty');
    expect(templateProblems('Hello {name}')).toEqual([]);
  });

  it('renders any text without braces unchanged', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{') && !s.includes('}') && s.trim() !== ''), (text) => {
        expect(renderTemplate(text, values)).toBe(text);
      }),
    );
  });

  it('formats dates and first names', () => {
    expect(humanDate('2024-02-29')).toBe('29 February 2024');
    expect(humanDate(null)).toBe('');
    expect(humanDate('2024-02-30')).toBe('');
    expect(firstName('')).toBe('');
    expect(placeholderValues({ customerName: 'Ana', branchName: 'B', lastVisitDate: null, offer: '' }).last_visit).toBe('');
  });
});
