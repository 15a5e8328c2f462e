import { describe, expect, it } from 'vitest';
import { createSellkit } from '../kernel/create-sellkit.js';
import { defineModule } from '../kernel/definitions.js';
import { defineModel } from '../model/define-model.js';
import { field } from '../model/fields.js';
import { memory } from '../storage/memory/index.js';
import { issueList } from './field-issues.js';
import {
  clipText,
  ERROR_TEXT_LIMITS,
  isSellkitError,
  SellkitError,
  validationError,
} from './sellkit-error.js';

const MB = 'k'.repeat(1_000_000);

function caught(work: () => unknown): SellkitError {
  try {
    work();
  } catch (error) {
    if (isSellkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a SellkitError');
}

function expectBounded(error: SellkitError): void {
  expect(error.message.length).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.message + 40);
  for (const issue of error.details.issues ?? []) {
    expect(issue.path.length).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.path + 40);
    expect(issue.message.length).toBeLessThanOrEqual(ERROR_TEXT_LIMITS.issueMessage + 40);
  }
  expect(JSON.stringify(error.toJSON()).length).toBeLessThan(5_000);
}

describe('errors repeat a bounded part of the input', () => {
  it('clipText keeps short text and says how much it cut', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('x'.repeat(30), 10)).toBe('xxxxxxxxxx… (20 more characters)');
    // A surrogate pair is never split.
    expect(clipText(`${'x'.repeat(9)}😀tail`, 10)).toBe('xxxxxxxxx… (6 more characters)');
  });

  it('caps messages, paths and issue messages of every way an error is built', () => {
    expectBounded(new SellkitError('NOT_FOUND', MB));
    expectBounded(validationError(MB, `unknown field ${MB}`, 'unknown_field'));
    expectBounded(
      caught(() => {
        const issues = issueList();
        issues.add(MB, MB, 'invalid');
        issues.throwIfAny();
      }),
    );
    const error = validationError(MB, 'bad');
    expect(error.details.issues?.[0]?.path).toMatch(/^k{200}… \(999800 more characters\)$/);
    expect(error.details.issues?.[0]?.reason).toBe('invalid');
  });

  it('keeps at most ERROR_TEXT_LIMITS.issues issues and counts the rest', () => {
    const issues = Array.from({ length: 1_500 }, (_, index) => ({
      path: `f${index}`,
      message: 'bad',
      reason: 'invalid',
    }));
    const error = new SellkitError('VALIDATION_FAILED', 'many', { issues });
    expect(error.details.issues).toHaveLength(ERROR_TEXT_LIMITS.issues);
    expect(error.details.omittedIssues).toBe(500);
    expect(new SellkitError('VALIDATION_FAILED', 'few', { issues: [] }).details).toEqual({
      issues: [],
    });
  });

  it('a record with a 1 MB field name fails with a short error', async () => {
    const note = defineModel({ name: 'note', idPrefix: 'not', fields: { text: field.text() } });
    const crm = await createSellkit({
      storage: memory(),
      modules: [defineModule({ id: 'notes', models: { note } })],
    });
    const admin = crm.as({ tenantId: 't', actor: { id: 'a', roles: ['admin'] } });
    const error = await admin.records.note.create({ text: 'hi', [MB]: 1 } as { text: string }).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(isSellkitError(error, 'VALIDATION_FAILED')).toBe(true);
    expectBounded(error as SellkitError);
    expect((error as SellkitError).details.issues?.[0]?.reason).toBe('unknown_field');
  });
});
