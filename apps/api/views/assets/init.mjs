// Progressive enhancement only: every page works without this.
import { initAll } from './govuk-frontend.min.js';

initAll();

// "Go back" on an error page returns through the browser's history, which keeps what the person typed in the form.
for (const link of document.querySelectorAll('[data-app-back]')) {
  link.addEventListener('click', (event) => {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
}

// A long import shows how far it has gone while the upload's answer is awaited: the form names the
// import with an id, and the page asks the API for its progress under that id every second. Without
// this script the form still posts and the answer comes as usual, only without the running count.
for (const form of document.querySelectorAll('form[data-import-progress]')) {
  form.addEventListener('submit', (event) => {
    const button = event.submitter;
    if (button && button.hasAttribute('formaction') && button.formAction !== form.action) return;
    const status = form.querySelector('.app-import-progress');
    if (!status) return;
    const id = form.dataset.importProgress;
    const ask = async () => {
      try {
        const res = await fetch(`/api/v1/imports/${encodeURIComponent(id)}/progress`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (res.ok) {
          const { stage, done, total, unit } = await res.json();
          // Progress cannot be kept just now: the page waits for the upload's answer as it would without this script.
          if (stage === 'unknown') return;
          // Before the first page or row is counted there is nothing to tell but that it has begun.
          const count = total ? `${done} of ${total} ${unit}` : done ? `${done} ${unit}` : null;
          const verb = stage === 'storing' ? 'Storing' : stage === 'reading' ? 'Reading' : null;
          status.textContent = !verb ? 'Finishing…' : count ? `${verb}: ${count} ${verb === 'Storing' ? 'stored' : 'read'}` : `${verb}…`;
          status.hidden = false;
        }
      } catch {
        // The next question may be answered; the upload goes on regardless.
      }
      if (status.isConnected) window.setTimeout(ask, 1000);
    };
    window.setTimeout(ask, 1000);
  });
}
