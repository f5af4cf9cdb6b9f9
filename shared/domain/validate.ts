import { Value } from '@sinclair/typebox/value';
import { COLLECTION_SCHEMAS, type CollectionName } from './schemas';
import { GENERATED_CHECKS } from './generated-checks';
import { parseInstant } from '../time/instant';
import { parseDay } from '../time/calendar';
import { isValidTimeZone } from '../time/zone';
import { thresholdsProblem, branchThresholds } from './settings';
import type { BranchSettingsDoc, CampaignDoc, CustomerDoc, SegmentDoc } from './schemas';
import { branchSettingsProblems, campaignProblems, segmentProblems } from '../insights/document-checks';
import { erasedProblems } from '../privacy/erase';

/** A problem with one field of one document, for a 4xx body or a form. */
export interface FieldProblem {
  /** Dotted path of the field (`consent.sms.at`), '' for the document itself. */
  field: string;
  message: string;
}

const INSTANT_FIELDS = ['start_at', 'created_at', 'updated_at', 'erased_at', 'at', 'sent_at', 'next_attempt_at'];
const DATE_FIELDS = ['birthday', 'follow_up_date'];

function pointerToField(path: string): string {
  return path.replace(/^\//, '').split('/').join('.');
}

/** Domain checks JSON Schema cannot express: real calendar dates, known zones, threshold order. */
function domainProblems(collection: CollectionName, doc: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of INSTANT_FIELDS) {
    const v = doc[field];
    if (typeof v === 'string' && v !== '' && parseInstant(v) === null) {
      problems.push({ field, message: `"${v}" is not a real ISO 8601 instant` });
    }
  }
  for (const field of DATE_FIELDS) {
    const v = doc[field];
    if (typeof v === 'string' && v !== '' && parseDay(v) === null) {
      problems.push({ field, message: `"${v}" is not a real calendar date` });
    }
  }
  if (collection === 'branches') {
    if (typeof doc.timezone === 'string' && !isValidTimeZone(doc.timezone)) {
      problems.push({ field: 'timezone', message: `unknown time zone "${doc.timezone}"` });
    }
    const t = branchThresholds(doc as { active_days?: number | null; at_risk_days?: number | null });
    const problem = thresholdsProblem(t);
    if (problem !== null) problems.push({ field: 'at_risk_days', message: problem });
  }
  if (collection === 'customers') {
    const consent = doc.consent as Record<string, { at?: unknown }> | undefined;
    for (const channel of ['sms', 'email', 'push']) {
      const at = consent?.[channel]?.at;
      if (typeof at === 'string' && at !== '' && parseInstant(at) === null) {
        problems.push({ field: `consent.${channel}.at`, message: `"${at}" is not a real ISO 8601 instant` });
      }
    }
  }
  if (collection === 'customers') problems.push(...erasedProblems(doc as unknown as CustomerDoc));
  if (collection === 'campaigns') problems.push(...campaignProblems(doc as unknown as CampaignDoc));
  if (collection === 'segments') problems.push(...segmentProblems(doc as unknown as SegmentDoc));
  if (collection === 'branch_settings') problems.push(...branchSettingsProblems(doc as unknown as BranchSettingsDoc));
  return problems;
}

/** "Expected union value" says nothing to a person: name the allowed values instead. */
function describe(schema: { anyOf?: { const?: unknown }[] }, fallback: string): string {
  const options = schema.anyOf;
  if (options && options.length > 0 && options.every((o) => typeof o.const === 'string')) {
    return `must be one of ${options.map((o) => String(o.const)).join(', ')}`;
  }
  return fallback === 'Expected required property' ? 'is required' : fallback;
}

/**
 * Validates a document of a collection against its shared schema and the domain checks.
 * CSP-safe: the schema check is compiled ahead of time (`generated-checks.ts`, no `eval` at run
 * time); only a failing document is walked again by TypeBox's interpreter to name its fields.
 */
export function validateDocument(collection: CollectionName, doc: unknown): FieldProblem[] {
  if (GENERATED_CHECKS[collection](doc)) return domainProblems(collection, doc as Record<string, unknown>);
  const schema = COLLECTION_SCHEMAS[collection];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(schema, doc)) {
    const field = pointerToField(error.path);
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: describe(error.schema as { anyOf?: { const?: unknown }[] }, error.message) });
    if (problems.length >= 20) break;
  }
  if (problems.length === 0 && doc !== null && typeof doc === 'object') {
    problems.push(...domainProblems(collection, doc as Record<string, unknown>));
  }
  return problems;
}
