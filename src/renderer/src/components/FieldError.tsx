// A refusal's message next to the field it is about. Dispatch answers a refused request with `fields` (path ->
// message); a form keeps them (useFieldErrors) and shows each under its input, linked by aria-describedby.
import { useCallback, useState } from 'react';
import { ApiCallError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** The messages of the fields under `path` (a request's "patch." prefix is optional). */
export function messagesFor(errors: FieldErrors, path: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => {
      const bare = key.startsWith('patch.') ? key.slice('patch.'.length) : key;
      return bare === path || bare.startsWith(`${path}.`);
    })
    .map(([, message]) => message);
}

/** Runs a call; when it is refused, keeps its per-field messages (and rethrows, so the caller can toast). */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const capture = useCallback(async <T,>(action: () => Promise<T>): Promise<T> => {
    setErrors({});
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiCallError && error.error.fields) setErrors(error.error.fields);
      throw error;
    }
  }, []);
  return { errors, capture };
}

export function FieldError({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {messages.join(' ')}
    </span>
  );
}
