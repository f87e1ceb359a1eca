/** Shown wherever a reader might take the content for advice. */
export function Disclaimer() {
  return (
    <footer class="disclaimer">
      For learning only, not medical advice. Talk to a doctor or nurse about your own health. If you have sudden
      weakness, numbness, or loss of bladder or bowel control, get care right away.
    </footer>
  );
}
