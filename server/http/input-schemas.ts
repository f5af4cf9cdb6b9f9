/**
 * The typed edge of the HTTP API: every route declares its path parameters, query string and body
 * as TypeBox schemas (`schema: { params, querystring, body }`), and Fastify validates them before
 * the handler runs, with TypeBox's compiled checks (`installInputSchemas`). A refused request is
 * answered like every other error (`{error, details}`), naming the part, the field and what it
 * must be (each schema's `description`):
 * - a path parameter that fits no resource is 404 (`unknown collection "pets"`);
 * - a query parameter or a body field is 400 (`limit "0" must be a whole number from 1 to 2000`);
 * - a body array longer than its schema allows is 413.
 *
 * Query strings and path parameters are text: a field declared as an integer takes a string of
 * decimal digits only (no sign, exponent or spaces), converted before the check; an empty
 * parameter (`?stamp=`) counts as absent. Bodies are JSON and are never converted: a number sent
 * as a string is refused. Rules between fields and rules of the domain stay in the handlers
 * (push: shared/domain's write rules per collection).
 */
import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { parseDay } from '../../shared/time/calendar';
import { parseInstant } from '../../shared/time/instant';
import type { ErrorDetail } from '../../shared/sync/protocol';
import { ApiError } from '../store/errors';

/** Formats of the route schemas, checked by the shared parsers: a calendar date, an instant with offset or Z. */
export const FORMATS = { day: 'branchdesk-day', instant: 'branchdesk-instant' } as const;
FormatRegistry.Set(FORMATS.day, (text) => parseDay(text) !== null);
FormatRegistry.Set(FORMATS.instant, (text) => parseInstant(text) !== null);

/** The day number of a text the route's schema has checked (`FORMATS.day`). */
export function dayOf(text: string): number {
  const day = parseDay(text);
  if (day === null) throw new Error(`"${text}" passed the day format but is not a date`);
  return day;
}

/** The instant of a text the route's schema has checked (`FORMATS.instant`). */
export function instantOf(text: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new Error(`"${text}" passed the instant format but is not an instant`);
  return ms;
}

const DIGITS = /^\d{1,15}$/;

/** A query string or path parameters with integer fields converted from their digits, empty values dropped. */
function fromText(schema: TSchema, data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === '') continue;
    out[key] = properties[key]?.[Kind] === 'Integer' && typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  }
  return out;
}

/** The first problem TypeBox finds, as Fastify passes it to the error formatter. */
interface InputProblem {
  error: ValueError;
}

const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = TypeCompiler.Compile(schema);
  const textual = httpPart === 'querystring' || httpPart === 'params';
  return (data: unknown) => {
    const value = textual ? fromText(schema, data) : data;
    if (check.Check(value)) return { value };
    const first = check.Errors(value).First();
    // Fastify hands a non-Error `error` to the schemaErrorFormatter below, with the request part.
    return { error: [{ error: first }] as unknown as Error };
  };
};

function fieldOf(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What the schema asks for, in words: its description, or a plain reading of its type. */
function expected(schema: TSchema): string {
  if (typeof schema.description === 'string') return schema.description;
  switch (schema[Kind]) {
    case 'String':
      return typeof schema.maxLength === 'number' ? `text of at most ${schema.maxLength} characters` : 'text';
    case 'Integer':
      return 'a whole number';
    case 'Number':
      return 'a number';
    case 'Boolean':
      return 'true or false';
    case 'Array':
      return 'an array';
    case 'Object':
      return 'an object';
    default:
      return 'valid';
  }
}

/** A refused request part as the API's error: the part and field, the value (for query and path), and what it must be. */
export function inputProblem(problems: unknown, part: string): ApiError {
  const error = (problems as InputProblem[])[0]?.error;
  if (error === undefined) return new ApiError(400, `invalid request ${part}`);
  const field = fieldOf(error.path);
  const missing = error.type === ValueErrorType.ObjectRequiredProperty;
  const problem = missing ? `is required (${expected(error.schema)})` : `must be ${expected(error.schema)}`;
  const details: ErrorDetail[] = [{ field, message: problem }];
  if (part === 'params') {
    return new ApiError(404, `unknown ${expected(error.schema)} "${shown(error.value)}"`);
  }
  if (part === 'querystring') {
    return new ApiError(400, missing ? `${field} ${problem}` : `${field} "${shown(error.value)}" ${problem}`, details);
  }
  if (error.type === ValueErrorType.ArrayMaxItems && field === '') {
    const length = Array.isArray(error.value) ? error.value.length : 0;
    return new ApiError(413, `the request body must be ${expected(error.schema)} (got ${length})`);
  }
  return new ApiError(400, field === '' ? `the request body ${problem}` : `invalid request body: ${field} ${problem}`, details);
}

/** Route schemas are compiled by TypeBox and refused inputs answered by `inputProblem`. */
export function installInputSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSchemaErrorFormatter((errors, part) => inputProblem(errors, part));
}
