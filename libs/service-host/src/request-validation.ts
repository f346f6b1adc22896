import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/**
 * Zod's issues as one line each, naming the field: `snapshots[2].onHand: must not be negative`,
 * `customer.email: is required`.
 */
export function validationProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${fieldPath(issue.path)}: ${describeIssue(issue)}`);
}

/** Parses a request body, or answers 400 `{ error, message, problems }` naming every bad field. */
export function parseRequestBody<S extends z.ZodType>(
  schema: S,
  body: unknown,
  what: { readonly error: string; readonly noun: string },
): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = validationProblems(result.error.issues);
  throw new BadRequestException({
    error: what.error,
    message: `Invalid ${what.noun}: ${problems.join('; ')}`,
    problems,
  });
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
