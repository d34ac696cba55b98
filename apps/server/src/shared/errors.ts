/**
 * Expected business failures. Services throw these; the HTTP error handler turns them into
 * `{ code, message, details? }` with `status`. `message` is shown to shoppers/staff, so it is Chinese.
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) => new DomainError('NOT_FOUND', `${what}不存在`, 404, details);
