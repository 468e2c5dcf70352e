// The live stream, kept alive by the page itself: EventSource's own retry cannot see why a connection failed,
// so every error closes the source, asks the history endpoint whether we are still signed in, and reconnects with
// exponential backoff and jitter, resuming from the last id seen.
const baseDelayMs = 3_000;
const maxDelayMs = 30_000;
// The server ends every stream after its lifetime (about 200 s) so that the platform's 230 s cut never does. A
// stream that was live this long and then ended is that routine end, not a failure: resume almost at once.
const healthyAfterMs = 10_000;

export class LiveConnection {
  #url;
  #probe;
  #handlers;
  #source = null;
  #lastId = null;
  #attempt = 0;
  #timer = null;
  #countdown = null;
  #stopped = true;
  #generation = 0;
  #liveSince = 0;

  /**
   * @param {string} url the stream endpoint
   * @param {() => Promise<'ok'|'unauthorized'|'forbidden'|'unreachable'>} probe tells why the stream failed
   * @param {{onStatus, onReady, onOperation, onResync, onUnauthorized, onForbidden}} handlers
   */
  constructor(url, probe, handlers) {
    this.#url = url;
    this.#probe = probe;
    this.#handlers = handlers;
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        this.reconnectNow();
      }
    });
    window.addEventListener('offline', () => this.#networkLost());
  }

  get lastId() {
    return this.#lastId;
  }

  start() {
    if (!this.#stopped) {
      return;
    }
    this.#stopped = false;
    this.#open();
  }

  /** Closes the stream and cancels any pending reconnect; nothing reopens it until start(). */
  stop(state = 'stopped') {
    this.#stopped = true;
    this.#generation++;
    this.#close();
    this.#cancelTimer();
    this.#status(state);
  }

  /** Skips the wait when one is pending (tab shown again, network back). A live connection is left alone. */
  reconnectNow() {
    if (this.#stopped || this.#timer === null) {
      return;
    }
    this.#cancelTimer();
    this.#open();
  }

  /** After a resync the old resume point is useless: the next connection starts fresh. */
  forgetPosition() {
    this.#lastId = null;
  }

  #open() {
    this.#close();
    const generation = ++this.#generation;
    const resuming = this.#lastId !== null;
    const url = new URL(this.#url);
    if (resuming) {
      // EventSource cannot send Last-Event-ID on a source we create ourselves, so the API takes it as a query.
      url.searchParams.set('lastEventId', this.#lastId);
    }
    this.#status(resuming ? 'reconnecting' : 'connecting');
    const source = new EventSource(url);
    this.#source = source;
    source.addEventListener('ready', (event) => {
      if (generation !== this.#generation) {
        return;
      }
      this.#attempt = 0;
      this.#liveSince = Date.now();
      // On a resumed stream the replay after `ready` is still to come; taking ready's (newer) id now would skip
      // it if the connection dropped mid-replay. Only a fresh stream starts from ready's id.
      if (!resuming) {
        this.#advance(event.lastEventId);
      }
      this.#status('live');
      this.#handlers.onReady?.({ id: event.lastEventId, resumed: resuming });
    });
    source.addEventListener('operation', (event) => {
      if (generation !== this.#generation) {
        return;
      }
      let operation;
      try {
        operation = JSON.parse(event.data);
      } catch {
        return;
      }
      this.#advance(event.lastEventId || operation.id);
      this.#handlers.onOperation?.(operation);
    });
    source.addEventListener('resync', () => {
      if (generation !== this.#generation) {
        return;
      }
      this.forgetPosition();
      this.#handlers.onResync?.();
    });
    source.addEventListener('error', () => {
      if (generation === this.#generation) {
        const routineEnd = this.#liveSince > 0 && Date.now() - this.#liveSince >= healthyAfterMs;
        this.#liveSince = 0;
        this.#close();
        this.#recover(generation, routineEnd);
      }
    });
  }

  async #recover(generation, routineEnd) {
    this.#status('reconnecting');
    const outcome = await this.#probe();
    if (this.#stopped || generation !== this.#generation) {
      return;
    }
    if (outcome === 'unauthorized') {
      this.stop('signedOut');
      this.#handlers.onUnauthorized?.();
      return;
    }
    if (outcome === 'forbidden') {
      this.stop('forbidden');
      this.#handlers.onForbidden?.();
      return;
    }
    this.#schedule(routineEnd);
  }

  /** A stream can linger for minutes on a dead network: drop it and wait for `online` (or the backoff). */
  #networkLost() {
    if (this.#stopped) {
      return;
    }
    this.#generation++;
    this.#liveSince = 0;
    this.#close();
    this.#cancelTimer();
    this.#schedule();
  }

  #schedule(routineEnd = false) {
    if (routineEnd) {
      // Jitter still spreads the pages whose streams the server ended together; no countdown for under a second.
      this.#timer = setTimeout(() => {
        this.#cancelTimer();
        this.#open();
      }, 250 + Math.round(Math.random() * 750));
      return;
    }
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** this.#attempt);
    this.#attempt++;
    // ±25% jitter, so pages cut off together do not all come back in the same instant.
    const delay = Math.round(ceiling * (0.75 + Math.random() * 0.5));
    const due = Date.now() + delay;
    const tick = () => {
      if (navigator.onLine === false) {
        this.#status('offline');
      } else {
        this.#status('waiting', { seconds: Math.max(1, Math.ceil((due - Date.now()) / 1000)) });
      }
    };
    tick();
    this.#countdown = setInterval(tick, 1_000);
    this.#timer = setTimeout(() => {
      this.#cancelTimer();
      this.#open();
    }, delay);
  }

  #advance(id) {
    // Ids are ULIDs: fixed-length Crockford base32, so string order is time order.
    if (id && (this.#lastId === null || id > this.#lastId)) {
      this.#lastId = id;
    }
  }

  #close() {
    if (this.#source !== null) {
      this.#source.close();
      this.#source = null;
    }
  }

  #cancelTimer() {
    clearTimeout(this.#timer);
    clearInterval(this.#countdown);
    this.#timer = null;
    this.#countdown = null;
  }

  #status(state, values = {}) {
    this.#handlers.onStatus?.(state, values);
  }
}
