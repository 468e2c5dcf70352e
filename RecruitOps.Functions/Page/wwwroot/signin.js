// The sign-in prompt shown when the API answers 401. Local runs can mint a token here; elsewhere the server answers
// 404 and the prompt points to the main recruiting app, which issues the session cookie.
import { localSignIn } from './api.js';

export class SignInPanel {
  #panel;
  #form;
  #message;
  #t;
  #onSignedIn;

  /** @param {() => Function} t the current translator @param {() => Promise<void>} onSignedIn */
  constructor(panel, t, onSignedIn) {
    this.#panel = panel;
    this.#form = panel.querySelector('form');
    this.#message = panel.querySelector('[role=alert]');
    this.#t = t;
    this.#onSignedIn = onSignedIn;
    this.#form.addEventListener('submit', (event) => this.#submit(event));
  }

  show() {
    const wasHidden = this.#panel.hidden;
    this.#panel.hidden = false;
    if (wasHidden) {
      this.#form.hidden = false;
      this.#message.hidden = true;
      this.#form.elements.namedItem('name').focus();
    }
  }

  hide() {
    this.#panel.hidden = true;
  }

  async #submit(event) {
    event.preventDefault();
    const t = this.#t();
    this.#message.hidden = true;
    try {
      await localSignIn(new FormData(this.#form));
    } catch (error) {
      this.#message.hidden = false;
      if (error.status === 404) {
        this.#form.hidden = true;
        this.#message.textContent = t('signInElsewhere');
      } else {
        this.#message.textContent = t('signInFailed', { detail: error.message || t('unreachable') });
      }
      return;
    }
    await this.#onSignedIn();
  }
}
