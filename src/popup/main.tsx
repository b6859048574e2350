import { render } from 'preact';
import '../ui/base.css';
import './popup.css';
import { Popup } from './Popup';

// For the benchmark's account of the popup's start (scripts/bench-popup.ts): the script has loaded.
performance.mark('newsmark:script');

render(<Popup />, document.getElementById('app')!);
