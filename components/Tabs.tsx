import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

/** Which tab a key moves to from `current` of `count` (ARIA tabs pattern), or undefined for other keys. */
export function tabForKey(key: string, current: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * A tab list following the ARIA tabs pattern: one Tab stop (roving tabindex), arrow keys, Home and
 * End move between tabs and select them. The panels are the caller's, made with `TabPanel`.
 */
export function Tabs<Id extends string>(props: {
  label: string;
  prefix: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}) {
  const { label, prefix, tabs, selected, onSelect } = props;
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const current = tabs.findIndex((t) => t.id === selected);
    const next = tabForKey(e.key, current, tabs.length);
    if (next === undefined) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class="tabs" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(prefix, t.id)}
          aria-selected={t.id === selected}
          aria-controls={panelId(prefix, t.id)}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel; hidden ones stay in the DOM so every tab's aria-controls points at a real element. */
export function TabPanel(props: { prefix: string; id: string; selected: boolean; class?: string; children: ComponentChildren }) {
  return (
    <div
      role="tabpanel"
      id={panelId(props.prefix, props.id)}
      aria-labelledby={tabId(props.prefix, props.id)}
      hidden={!props.selected}
      tabIndex={0}
      class={props.class}
    >
      {props.children}
    </div>
  );
}
