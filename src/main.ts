/** Browser entry point; a placeholder until the session and scenes are wired in. */
const app = document.getElementById('app');
if (app) app.textContent = 'Envoy is loading…';
