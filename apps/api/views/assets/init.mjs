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
