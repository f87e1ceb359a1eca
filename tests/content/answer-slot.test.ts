import { describe, expect, it } from 'vitest';
import { offerAnswer } from '../../content/answer-slot';
import { CONTENT_ANSWER } from '../../messaging/protocol';

describe('offerAnswer', () => {
  it('should leave the answer under its name, and take only its own away', () => {
    const scope: Record<string, unknown> = {};
    const a = async () => undefined;
    const b = async () => undefined;
    const undoA = offerAnswer(a, scope);
    expect(scope[CONTENT_ANSWER]).toBe(a);
    const undoB = offerAnswer(b, scope);
    undoA();
    expect(scope[CONTENT_ANSWER]).toBe(b);
    undoB();
    expect(CONTENT_ANSWER in scope).toBe(false);
  });
});
