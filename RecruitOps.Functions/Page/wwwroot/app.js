// The live list page: history with paging and a recruit filter, live operations from the stream, a summary of where
// recruits stand, and a sign-in prompt when the session is missing. No build step: plain ES modules.
import { ApiError, fetchOperations, probe, streamUrl } from './api.js';
import { LiveConnection } from './connection.js';
import { SignInPanel } from './signin.js';
import { htmlLangFor, initialLanguage, localeFor, saveLanguage, translator } from './i18n.js';
import { element, operationRenderer, relativeTime } from './render.js';
import { StageSummary, stages } from './summary.js';
import { Timeline } from './timeline.js';

const pageSize = 50;
const recruitIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const $ = (id) => document.getElementById(id);

const state = {
  language: initialLanguage(),
  t: null,
  locale: null,
  status: { state: 'connecting', values: {} },
  recruitId: null,
  nextCursor: null,
  historyLoaded: false,
  // Bumped whenever the shown list is thrown away, so answers to older requests are ignored.
  listGeneration: 0,
};

const summary = new StageSummary();
const signIn = new SignInPanel($('sign-in'), () => state.t, () => loadFirstPage({ clear: true }));
const timeline = new Timeline($('operations'), (operation) => renderRow(operation));
let renderRow = () => element('li');

const connection = new LiveConnection(streamUrl.href, probe, {
  onStatus: (name, values) => showStatus(name, values),
  onReady: ({ resumed }) => {
    hideNotice();
    // A fresh stream only carries what happens from now on; reading the newest page again closes any gap
    // between the history already shown and the moment the stream subscribed. Repeats are ignored.
    if (!resumed) {
      loadFirstPage({ clear: false });
    }
  },
  onOperation: (operation) => acceptOperation(operation, true),
  onResync: () => loadFirstPage({ clear: true }),
  onUnauthorized: () => signIn.show(),
  onForbidden: () => showNotice(state.t('forbidden')),
});

function acceptOperation(operation, live) {
  if (summary.add(operation)) {
    renderSummary();
  }
  if (state.recruitId === null || operation.recruitId === state.recruitId) {
    timeline.add(operation, { highlight: live });
  }
  updateEmpty();
}

async function loadFirstPage({ clear }) {
  if (clear) {
    state.listGeneration++;
    state.historyLoaded = false;
    state.nextCursor = null;
    timeline.clear();
    updateEmpty();
  }
  const generation = state.listGeneration;
  setBusy(true);
  try {
    const page = await fetchOperations({ limit: pageSize, recruitId: state.recruitId });
    if (generation !== state.listGeneration) {
      return;
    }
    page.items.forEach((operation) => acceptOperation(operation, false));
    if (!state.historyLoaded) {
      state.nextCursor = page.nextCursor ?? null;
      state.historyLoaded = true;
    }
    signedIn();
  } catch (error) {
    handleLoadError(error);
  } finally {
    setBusy(false);
    updateMore();
    updateEmpty();
  }
}

async function loadMore() {
  const generation = state.listGeneration;
  const button = $('load-more');
  button.disabled = true;
  button.textContent = state.t('loading');
  try {
    const page = await fetchOperations({ limit: pageSize, cursor: state.nextCursor, recruitId: state.recruitId });
    if (generation === state.listGeneration) {
      page.items.forEach((operation) => acceptOperation(operation, false));
      state.nextCursor = page.nextCursor ?? null;
    }
  } catch (error) {
    handleLoadError(error);
  } finally {
    button.disabled = false;
    button.textContent = state.t('loadMore');
    updateMore();
  }
}

function handleLoadError(error) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) {
    connection.stop('signedOut');
    signIn.show();
  } else if (status === 403) {
    connection.stop('forbidden');
    showNotice(state.t('forbidden'));
  } else {
    showNotice(state.t('loadFailed', { detail: status === 0 ? state.t('unreachable') : error.message }));
    // The stream retries with backoff and, once it is back, its fresh `ready` reloads the list.
    connection.start();
  }
}

/** History answered: any sign-in prompt is stale, and the stream should run (it may have stopped on a 401). */
function signedIn() {
  signIn.hide();
  hideNotice();
  connection.start();
}

function applyFilter(recruitId) {
  state.recruitId = recruitId;
  $('recruit-filter').value = recruitId ?? '';
  $('filter-clear').hidden = recruitId === null;
  const url = new URL(location.href);
  if (recruitId === null) {
    url.searchParams.delete('recruitId');
  } else {
    url.searchParams.set('recruitId', recruitId);
  }
  history.replaceState(null, '', url);
  loadFirstPage({ clear: true });
}

function applyLanguage(language) {
  state.language = language;
  state.t = translator(language);
  state.locale = localeFor(language);
  document.documentElement.lang = htmlLangFor(language);
  document.title = state.t('title');
  for (const node of document.querySelectorAll('[data-text]')) {
    node.textContent = state.t(node.dataset.text);
  }
  $('language').value = language;
  renderRow = operationRenderer({ t: state.t, locale: state.locale, onRecruit: (id) => applyFilter(id) });
  timeline.rerender();
  renderSummary();
  showStatus(state.status.state, state.status.values);
  updateMore();
}

function renderSummary() {
  const counts = summary.counts();
  const items = stages.map((stage) => {
    const item = element('li', counts[stage] === 0 ? 'stage is-zero' : 'stage');
    item.dataset.stage = stage;
    item.append(element('span', 'stage-count', counts[stage]), element('span', 'stage-label', state.t(`stage.${stage}`)));
    return item;
  });
  $('summary').replaceChildren(...items);
  const totalKey = summary.total === 1 ? 'summaryTotalOne' : 'summaryTotal';
  $('summary-total').textContent = state.t(totalKey, { count: summary.total });
}

function showStatus(name, values) {
  state.status = { state: name, values };
  $('connection').dataset.state = name;
  $('connection-text').textContent = state.t(`status.${name}`, values);
}

function showNotice(text) {
  $('notice').textContent = text;
  $('notice').hidden = false;
}

function hideNotice() {
  $('notice').hidden = true;
}

function setBusy(busy) {
  $('refresh').disabled = busy;
  $('operations').setAttribute('aria-busy', String(busy));
}

function updateMore() {
  $('load-more').hidden = state.nextCursor === null;
}

function updateEmpty() {
  $('empty').hidden = !state.historyLoaded || timeline.size > 0;
}

function refreshRelativeTimes() {
  const now = Date.now();
  for (const node of document.querySelectorAll('.operations .ago')) {
    node.textContent = relativeTime(new Date(node.dataset.recordedAt), state.locale, now);
  }
}

function start() {
  $('language').addEventListener('change', (event) => {
    saveLanguage(event.target.value);
    applyLanguage(event.target.value);
  });
  $('refresh').addEventListener('click', () => {
    loadFirstPage({ clear: true });
    connection.reconnectNow();
  });
  $('load-more').addEventListener('click', loadMore);
  $('filter').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('recruit-filter').value.trim();
    if (value === '') {
      applyFilter(null);
    } else if (recruitIdPattern.test(value)) {
      applyFilter(value);
    } else {
      showNotice(state.t('filterInvalid'));
    }
  });
  $('filter-clear').addEventListener('click', () => applyFilter(null));
  // A closed page must not keep reconnecting; a page restored from the back-forward cache resumes.
  window.addEventListener('pagehide', () => connection.stop());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
      connection.start();
    }
  });
  setInterval(refreshRelativeTimes, 30_000);

  applyLanguage(state.language);
  const requested = new URL(location.href).searchParams.get('recruitId');
  state.recruitId = requested && recruitIdPattern.test(requested) ? requested : null;
  $('recruit-filter').value = state.recruitId ?? '';
  $('filter-clear').hidden = state.recruitId === null;
  loadFirstPage({ clear: true });
}

start();
