// Errors a service throws on purpose; dispatch turns them into {ok:false,error:{code,message}}.
import type { ErrorCode } from '../../shared/api';

export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const notFound = (what: string, id: string) => new ApiFailure('not-found', `${what} ${id} does not exist.`);
export const conflict = (message: string) => new ApiFailure('conflict', message);
export const invalid = (message: string) => new ApiFailure('invalid-request', message);
