/** An on/off switch: a real checkbox (keyboard, forms, screen readers) announced as a switch. */
export function Switch(props: {
  id: string;
  label: string;
  checked: boolean | undefined;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <div class="switch">
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        checked={props.checked ?? false}
        disabled={props.disabled || props.checked === undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}
