import { useState } from 'preact/hooks';
import { CONDITIONS, TERMS } from '../glossary/terms';
import { Disclaimer } from './Disclaimer';
import { GlossaryList } from './GlossaryList';
import { Overview } from './Overview';

type View = 'overview' | 'glossary';

/** The toolbar popup: the condition overview and the glossary. */
export function Popup() {
  const [view, setView] = useState<View>('overview');
  const condition = CONDITIONS[0]!;
  return (
    <div class="popup">
      <header class="bar">
        <h1>Health Glossary</h1>
        <div role="tablist" aria-label="Views">
          {(['overview', 'glossary'] as const).map((v) => (
            <button key={v} role="tab" id={`tab-${v}`} aria-selected={view === v} aria-controls={`panel-${v}`} onClick={() => setView(v)}>
              {v === 'overview' ? 'Overview' : 'Glossary'}
            </button>
          ))}
        </div>
      </header>
      <main id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'overview' ? <Overview condition={condition} /> : <GlossaryList terms={TERMS} />}
      </main>
      <Disclaimer />
    </div>
  );
}
