import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { installLinkHandler } from './lib/router.svelte';

installLinkHandler();
mount(App, { target: document.getElementById('app') as HTMLElement });
