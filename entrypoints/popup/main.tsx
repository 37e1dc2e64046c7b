import { render } from 'preact';

render(<main><h1>Back Pain Lens</h1><p>popup</p></main>, document.getElementById('app')!);
