import { describe, expect, it } from 'vitest';
import { deriveCustomerId } from '../domain/contact';
import type { CustomerDoc } from '../domain/schemas';
import {
  applyMapOption,
  branchCountry,
  detectMapping,
  hasNameColumn,
  planCounts,
  planImport,
  readClientFile,
  readPeople,
  type ClientFile,
} from './customer-import';

const GB = { country: 'GB', timezone: 'Europe/London' };
const US = { country: 'US', timezone: 'America/New_York' };

function file(text: string): ClientFile {
  const f = readClientFile(text);
  if ('error' in f) throw new Error(f.error);
  return f;
}

function stored(overrides: Partial<CustomerDoc>): CustomerDoc {
  return {
    id: 'cu-1', name: 'Stored', phone: '', email: '', birthday: '', opted_in_marketing: false, preferred_contact: 'none',
    consent: { sms: { granted: false, at: '' }, email: { granted: false, at: '' }, push: { granted: false, at: '' } },
    tags: [], notes: '', preferences: '', preferred_staff: '', allergies: '', home_branch_id: 'b1', registered_branch_id: '',
    referred_by: '', follow_up_date: '', created_at: '', updated_at: '', erased_at: '', ...overrides,
  };
}

const plan = (text: string, existing: CustomerDoc[], duplicates: 'merge' | 'separate' = 'merge') => {
  const f = file(text);
  const { people, refused } = readPeople(f, detectMapping(f.headers), GB);
  let n = 0;
  return planImport(people, refused, existing, { secret: 's3cret', branchId: 'b2', nowMs: Date.parse('2026-03-01T10:00:00Z'), duplicates, randomId: () => `cu-r${(n += 1)}` });
};

/** The field the import maps a column with this header to ('skip' when it knows none). */
const detectField = (header: string) => detectMapping([header])[0];

describe('header detection', () => {
  it('knows the common spellings, in any case and spacing', () => {
    expect(['First Name', 'first_name', 'FIRSTNAME', 'Given name', 'Surname', 'Last-Name', 'Client Name', 'Mobile Number', 'Cell', 'Telephone', 'E-mail', 'Email Address', 'DOB', 'Date of Birth', 'Added', 'Client since', 'Memo', 'Tags', 'Accepts Marketing', 'Email Subscription Status'].map(detectField)).toEqual([
      'first_name', 'first_name', 'first_name', 'first_name', 'last_name', 'last_name', 'full_name', 'mobile', 'mobile', 'phone', 'email', 'email', 'birthday', 'birthday', 'created', 'created', 'notes', 'tags', 'marketing', 'marketing',
    ]);
    expect(detectField('Client ID')).toBe('skip');
    expect(detectField('Total Spend')).toBe('skip');
  });

  it('takes each field from its first column and skips the rest', () => {
    expect(detectMapping(['Client ID', 'Email', 'Name', 'E-mail'])).toEqual(['skip', 'email', 'full_name', 'skip']);
    expect(hasNameColumn(detectMapping(['Mobile', 'Email']))).toBe(false);
  });

  it('--map overrides one column and names what is wrong', () => {
    const headers = ['Nom', 'Email', 'Client'];
    expect(applyMapOption(headers, detectMapping(headers), 'Nom=full_name')).toEqual(['full_name', 'email', 'skip']);
    expect(applyMapOption(headers, detectMapping(headers), 'Nope=email')).toEqual({ error: '--map names column "Nope", which is not in the file\'s header (Nom, Email, Client)' });
    expect(applyMapOption(headers, detectMapping(headers), 'Nom')).toEqual({ error: '--map entry "Nom" is not Header=field' });
  });
});

describe('dates and countries', () => {
  it('reads the usual export formats and refuses impossible dates', () => {
    /** The date of birth the import reads from this text, for a branch in Britain or (month first) the US; null when it refuses the row. */
    const d = (t: string, branch = GB) => {
      const f = file(`Name,DOB\nAnn,"${t}"\n`);
      const { people, refused } = readPeople(f, detectMapping(f.headers), branch);
      if (people.length === 0) expect(refused).toEqual([{ line: 2, problem: `date of birth "${t}" is not a real date` }]);
      return people[0]?.birthday ?? null;
    };
    expect(d('1990-05-14')).toBe('1990-05-14');
    expect(d('14/05/1990')).toBe('1990-05-14');
    expect(d('05/14/1990', US)).toBe('1990-05-14');
    expect(d('14.05.1990')).toBe('1990-05-14');
    expect(d('14 May 1990')).toBe('1990-05-14');
    expect(d('May 14, 1990')).toBe('1990-05-14');
    expect(d('1990-05-14 09:30')).toBe('1990-05-14');
    expect(d('29/02/2023')).toBeNull();
    expect(d('05/14/1990')).toBeNull();
    expect(d('yesterday')).toBeNull();
  });

  it("uses the branch's country, else its time zone's", () => {
    expect(branchCountry({ country: 'NZ', timezone: 'Europe/London' })).toBe('NZ');
    expect(branchCountry({ country: '', timezone: 'Europe/London' })).toBe('GB');
    expect(branchCountry({ country: '', timezone: 'Australia/Perth' })).toBe('AU');
    expect(branchCountry({ country: '', timezone: 'Etc/UTC' })).toBe('');
  });
});

describe('rows', () => {
  it('refuses a row with every problem it has, on the line it starts', () => {
    const f = file('Name,Mobile,Email,DOB,Accepts Marketing\n"Ann\nLee",07700 900123,ann@example.com,,yes\n,abc,bad@,31/04/1990,maybe\n');
    const { people, refused } = readPeople(f, detectMapping(f.headers), GB);
    expect(people.map((p) => [p.line, p.name, p.phone, p.opted_in_marketing])).toEqual([[2, 'Ann Lee', '+447700900123', true]]);
    expect(refused).toEqual([
      { line: 4, problem: 'the name is empty; mobile "abc": a phone number may only contain digits, spaces and + ( ) - .; email "bad@" is not an email address; date of birth "31/04/1990" is not a real date; marketing opt-in "maybe" is not yes or no' },
    ]);
  });

  it('one good number is enough when the other column has a bad one', () => {
    const f = file('First Name,Last Name,Mobile,Phone\nAnn,Lee,12,020 7946 0018\n');
    expect(readPeople(f, detectMapping(f.headers), GB).people[0]?.phone).toBe('+442079460018');
  });

  it('reports the file problems it cannot read', () => {
    expect(readClientFile('')).toEqual({ error: expect.stringMatching(/the file is empty/) });
    expect(readClientFile('Name;Email\nAnn;a@example.com\n')).toEqual({ error: 'the file is separated by semicolons; export it as comma-separated CSV' });
    const f = file('Name,Email\nAnn\n');
    expect(f.problems).toEqual([{ line: 2, problem: 'expected 2 fields as in the header, found 1' }]);
  });
});

describe('planning against the stored customers', () => {
  const ann = stored({ id: 'cu-ann', name: 'Ann Lee', phone: '+447700900123', email: '' });
  const bo = stored({ id: 'cu-bo', name: 'Bo', email: 'Bo@Example.com', tags: ['vip'] });

  it('merges by phone and email, skips repeats, derives new ids as a registration', () => {
    const p = plan('Name,Mobile,Email,Tags,Notes\nAnn L,07700 900123,ann@example.com,,hi\nBo,,bo@example.com,new;vip,\nCy,07700 900999,,,\nCy again,+447700900999,,,\nNo Contact,,,,\n', [ann, bo]);
    expect(planCounts(p)).toEqual({ new: 2, merged: 2, skipped: 1, refused: [] });
    const annAfter = p.merged.find((m) => m.before.id === 'cu-ann')?.after;
    expect([annAfter?.name, annAfter?.email, annAfter?.notes]).toEqual(['Ann Lee', 'ann@example.com', 'hi']);
    expect(p.merged.find((m) => m.before.id === 'cu-bo')?.after.tags).toEqual(['vip', 'new']);
    expect(p.skipped).toEqual([{ line: 5, reason: 'same person as line 4' }]);
    const cy = p.created[0]?.doc;
    expect(cy?.id).toBe(deriveCustomerId('s3cret', '+447700900999', ''));
    expect([cy?.home_branch_id, cy?.registered_branch_id, cy?.preferred_contact]).toEqual(['b2', '', 'sms']);
    expect(p.created[1]?.doc.id).toBe('cu-r1');
  });

  it('keeps matches separate when asked, never reusing a stored id', () => {
    const p = plan('Name,Mobile\nAnn L,07700 900123\n', [ann], 'separate');
    expect(planCounts(p)).toEqual({ new: 1, merged: 0, skipped: 0, refused: [] });
    expect(p.created[0]?.doc.id).toBe('cu-r1');
  });

  it('a stored customer matched by its derived id is merged; an erased one is never merged into', () => {
    const derived = stored({ id: deriveCustomerId('s3cret', '+447700900555', '') as string, phone: '+447700900556' });
    const erased = stored({ id: 'cu-gone', name: '', phone: '+447700900777', erased_at: '2026-01-01T00:00:00Z' });
    const p = plan('Name,Mobile\nDee,07700 900555\nGone,07700 900777\n', [derived, erased]);
    expect(planCounts(p)).toEqual({ new: 1, merged: 1, skipped: 0, refused: [] });
    // The erased customer no longer holds the phone: the row is a new person.
    expect(p.created[0]?.doc.id).not.toBe('cu-gone');
  });
});
