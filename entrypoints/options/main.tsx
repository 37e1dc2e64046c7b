import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { useSettings } from '../../components/useSettings';
import { updateSettings } from '../../lib/settings';

const LOOKUP_COMMAND = 'lookup-selection';

function App() {
  const settings = useSettings();
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      setShortcut(commands.find((command) => command.name === LOOKUP_COMMAND)?.shortcut || null);
    });
  }, []);
  if (!settings) return null;
  return <Options settings={settings} shortcut={shortcut} onChange={(patch) => void updateSettings(patch)} />;
}

render(<App />, document.getElementById('app')!);
