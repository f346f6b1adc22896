import { BadRequestException } from '@nestjs/common';
import { textProblem } from '@ferry/contracts';
import { z } from 'zod';

/** How an endpoint names a refused body: `{ error: 'invalid_order', noun: 'order' }`. */
export interface RequestRefusal {
  readonly error: string;
  readonly noun: string;
}

/**
 * A string field of a request. Every string a request schema takes starts here: text that an
 * event cannot carry (U+0000, which Postgres refuses; a lone surrogate, which UTF-8 cannot encode)
 * is refused with the field's name, instead of being accepted and failing in a consumer later.
 */
export function requestText(params?: string | { readonly message?: string }) {
  return z.string(params).superRefine((text, context) => {
    const problem = textProblem(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });
}

/**
 * Zod's issues as one line each, naming the field: `snapshots[2].onHand: must not be negative`,
 * `customer.email: is required`.
 */
export function validationProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${fieldPath(issue.path)}: ${describeIssue(issue)}`);
}

/** The 400 `{ error, message, problems }` of a refused request body. */
export function invalidRequest(what: RequestRefusal, problems: readonly string[]) {
  return new BadRequestException({
    error: what.error,
    message: `Invalid ${what.noun}: ${problems.join('; ')}`,
    problems,
  });
}

/** Parses a request body, or answers 400 `{ error, message, problems }` naming every bad field. */
export function parseRequestBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: RequestRefusal,
): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw invalidRequest(what, validationProblems(result.error.issues));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return 'is required';
  }
  return issue.message;
}

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
