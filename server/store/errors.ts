import type { ErrorDetail } from '../../shared/sync/protocol';

/** An error with an HTTP status and a body naming what is wrong (ErrorBody). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details: ErrorDetail[] = []) => new ApiError(400, message, details);
export const forbidden = (message: string, details: ErrorDetail[] = []) => new ApiError(403, message, details);
export const notFound = (message: string) => new ApiError(404, message);
