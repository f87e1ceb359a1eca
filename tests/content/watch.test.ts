import { afterEach, describe, expect, it } from 'vitest';
import { toBatch, watchChanges, type ChangeBatch } from '../../content/watch';
import { LIMITS } from '../../content/limits';

const record = (over: Partial<MutationRecord>): MutationRecord =>
  ({
    type: 'childList',
    addedNodes: [] as unknown as NodeList,
    removedNodes: [] as unknown as NodeList,
    ...over,
  }) as MutationRecord;
const list = (...nodes: Node[]): NodeList => nodes as unknown as NodeList;

describe('toBatch', () => {
  afterEach(() => document.body.replaceChildren());

  it('should rescan an added block element itself', () => {
    const div = document.createElement('div');
    document.body.append(div);
    expect(toBatch([record({ target: document.body, addedNodes: list(div) })], document.body).scopes).toEqual([div]);
  });

  it('should rescan the whole block when text or inline formatting is added', () => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    p.append('vertebral ', b);
    document.body.append(p);
    expect(toBatch([record({ target: p, addedNodes: list(b) })], document.body).scopes).toEqual([p]);
  });

  it('should rescan only the new node when it joins a huge block', () => {
    const feed = document.createElement('div');
    for (let i = 0; i < LIMITS.watchWholeBlockChildren + 1; i++) feed.append(document.createElement('span'));
    const added = document.createElement('span');
    feed.append(added);
    document.body.append(feed);
    expect(toBatch([record({ target: feed, addedNodes: list(added) })], document.body).scopes).toEqual([added]);
  });

  it('should rescan the block of changed text and report a removal', () => {
    const p = document.createElement('p');
    p.append('text');
    document.body.append(p);
    const batch = toBatch([record({ type: 'characterData', target: p.firstChild! })], document.body);
    expect(batch).toEqual({ scopes: [p], removed: true });
  });

  it('should drop additions inside additions', () => {
    const outer = document.createElement('div');
    const inner = document.createElement('div');
    outer.append(inner);
    document.body.append(outer);
    const batch = toBatch(
      [record({ target: document.body, addedNodes: list(outer) }), record({ target: outer, addedNodes: list(inner) })],
      document.body,
    );
    expect(batch.scopes).toEqual([outer]);
  });

  it('should ignore the tooltip host and nodes that already left', () => {
    const host = document.createElement('health-glossary-tooltip');
    const gone = document.createElement('div');
    document.documentElement.append(host);
    expect(toBatch([record({ target: document.documentElement, addedNodes: list(host, gone) })], document.body).scopes).toEqual(
      [],
    );
    host.remove();
  });

  it('should rescan the root once after a flood', () => {
    const divs = Array.from({ length: LIMITS.watchFloodSubtrees + 1 }, () => document.createElement('div'));
    document.body.append(...divs);
    expect(toBatch([record({ target: document.body, addedNodes: list(...divs) })], document.body).scopes).toEqual([
      document.body,
    ]);
  });
});

describe('watchChanges', () => {
  it('should batch many mutations into one report and stop on abort', async () => {
    const controller = new AbortController();
    const batches: ChangeBatch[] = [];
    watchChanges(document.body, (b) => batches.push(b), controller.signal);
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.scopes).toHaveLength(20);
    controller.abort();
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(batches).toHaveLength(1);
    document.body.replaceChildren();
  });
});
