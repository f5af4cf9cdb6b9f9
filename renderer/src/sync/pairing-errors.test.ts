import { describe, expect, it } from 'vitest';
import { SyncHttpError, SyncNetworkError, SyncProtocolError } from './errors';
import { pairingProblem } from './pairing-errors';

const url = 'http://192.168.1.20:8787';
const http = (status: number, error: string, retry: number | null = null) => new SyncHttpError(status, { error, details: [{ field: 'code', message: error }] }, retry);

describe('pairingProblem', () => {
  it('blames the address when the server cannot be reached or is not a Branchdesk server', () => {
    expect(pairingProblem(new SyncNetworkError('x'), url)).toEqual({ field: 'serverUrl', message: expect.stringMatching(/^Can't reach 192.168.1.20:8787/) });
    expect(pairingProblem(new SyncProtocolError('the answer is not JSON'), url)).toMatchObject({ field: 'serverUrl', message: /not like a Branchdesk server \(the answer is not JSON\)/ });
    expect(pairingProblem(http(404, 'no route POST /api/enroll'), url)).toMatchObject({ field: 'serverUrl', message: /no enrolment service/ });
  });

  it('explains bad, used and expired codes and the wait after too many tries', () => {
    expect(pairingProblem(http(401, 'unknown enrolment code'), url)).toMatchObject({ field: 'code', message: /does not know this code/ });
    expect(pairingProblem(http(401, 'this enrolment code was already used'), url)).toMatchObject({ field: 'code', message: /already used/ });
    expect(pairingProblem(http(401, 'this enrolment code has expired'), url)).toMatchObject({ field: 'code', message: /has expired/ });
    expect(pairingProblem(http(429, 'too many', 12), url)).toEqual({ field: 'code', message: 'Too many wrong codes from this computer: try again in 12 seconds.' });
    expect(pairingProblem(http(500, 'boom'), url)).toMatchObject({ field: null, message: /HTTP 500/ });
  });
});
