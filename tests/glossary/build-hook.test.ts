import { afterEach, describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { TERM_FILES } from '../../glossary/terms';

describe('wxt build hook', () => {
  afterEach(() => {
    delete TERM_FILES['broken.json'];
  });

  it('should stop the build on invalid glossary data, naming the entry and field', () => {
    const hook = (config.hooks as Record<string, () => void>)['build:before']!;
    expect(() => hook()).not.toThrow();
    TERM_FILES['broken.json'] = [{ id: 'broken-entry', term: 'broken' }];
    expect(() => hook()).toThrow(/broken-entry\.definition: expected a string/);
  });
});
