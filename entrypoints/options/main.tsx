import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { useSettings } from '../../components/useSettings';
import type { Shortcuts } from '../../components/Options';
import { type Settings, saveProblemText, updateSettings } from '../../lib/settings';

function App() {
  const settings = useSettings();
  const [shortcuts, setShortcuts] = useState<Shortcuts>({});
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      setShortcuts(Object.fromEntries(commands.flatMap(({ name, shortcut }) => (name && shortcut ? [[name, shortcut]] : []))));
    });
  }, []);
  // A change that was not saved is said so; the page keeps showing what is stored.
  const [problem, setProblem] = useState<string | null>(null);
  const save = (patch: Partial<Settings>) =>
    void updateSettings(patch).then(
      () => setProblem(null),
      (error: unknown) => setProblem(saveProblemText(error)),
    );
  if (!settings) return null;
  return <Options settings={settings} shortcuts={shortcuts} onChange={save} problem={problem} />;
}

render(<App />, document.getElementById('app')!);
