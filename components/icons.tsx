import type { ComponentChildren } from 'preact';

// Small line icons for buttons: drawn in currentColor, hidden from assistive tech (the label says it).

/** The icon's frame; its paths inherit a round 1.5 px outline and no fill unless they say otherwise. */
function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export function StarIcon({ filled }: { filled: boolean }) {
  return (
    <Icon>
      <path
        d="M10 2.5l2.3 4.8 5.2.7-3.8 3.6.9 5.2L10 14.3l-4.6 2.5.9-5.2-3.8-3.6 5.2-.7z"
        fill={filled ? 'currentColor' : 'none'}
      />
    </Icon>
  );
}

export function SpeakerIcon() {
  return (
    <Icon>
      <path d="M3 8h3l4-3.5v11L6 12H3z" fill="currentColor" stroke="none" />
      <path d="M13 7.5a3.5 3.5 0 010 5M15.2 5.3a6.5 6.5 0 010 9.4" />
    </Icon>
  );
}

export function CheckIcon() {
  return (
    <Icon>
      <path d="M4 10.5l4 4 8-9" stroke-width="1.8" />
    </Icon>
  );
}
