import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { useSettings } from '../../components/useSettings';
import { type Settings, saveProblemText, updateSettings } from '../../lib/settings';

const LOOKUP_COMMAND = 'lookup-selection';

function App() {
  const settings = useSettings();
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      setShortcut(commands.find((command) => command.name === LOOKUP_COMMAND)?.shortcut || null);
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
  return <Options settings={settings} shortcut={shortcut} onChange={save} problem={problem} />;
}

render(<App />, document.getElementById('app')!);
