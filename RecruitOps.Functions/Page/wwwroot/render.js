// Builds DOM from operation data. Every value goes in through textContent or an attribute set from script, never
// as markup, so a note holding `<script>` or `<img onerror>` is shown as the characters it is.
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

/**
 * @param {{t: Function, locale: string, onRecruit: (recruitId: string) => void}} context
 */
export function operationRenderer(context) {
  const absolute = new Intl.DateTimeFormat(context.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (operation) => {
    const row = element('li', `operation action-${safeToken(operation.action)}`);
    row.append(whenLine(operation, absolute, context), whoDidWhat(operation, context));
    if (Array.isArray(operation.changes) && operation.changes.length > 0) {
      row.append(changeList(operation.changes, context));
    }
    if (operation.note) {
      row.append(element('p', 'note', operation.note));
    }
    return row;
  };
}

export function relativeTime(date, locale, now = Date.now()) {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [Infinity, 'week']];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) {
      return format.format(unit === 'second' ? Math.min(0, value) : value, unit);
    }
    value = Math.round(value / size);
  }
  return '';
}

function whenLine(operation, absolute, context) {
  const line = element('div', 'when');
  const recorded = new Date(operation.recordedAt);
  if (Number.isNaN(recorded.getTime())) {
    line.append(element('span', 'time', operation.recordedAt));
    return line;
  }
  const time = element('time', 'time', absolute.format(recorded));
  time.dateTime = recorded.toISOString();
  const ago = element('span', 'ago', relativeTime(recorded, context.locale));
  ago.dataset.recordedAt = recorded.toISOString();
  line.append(time, ago);
  return line;
}

function whoDidWhat(operation, { t, onRecruit }) {
  const line = element('div', 'summary-line');
  const actor = operation.actor ?? {};
  const who = element('span', 'actor');
  who.append(element('span', 'actor-name', actor.name || actor.sub || '?'));
  if (actor.role) {
    who.append(element('span', `role role-${safeToken(actor.role)}`, translated(t, 'role', actor.role)));
  }

  const what = element('span', 'action');
  what.append(element('span', 'action-name', translated(t, 'action', operation.action)));
  if (operation.decision) {
    what.append(element('span', `badge badge-${safeToken(operation.decision)}`, translated(t, 'decision', operation.decision)));
  }

  const whom = element('button', 'recruit');
  whom.type = 'button';
  if (operation.recruitName) {
    whom.append(element('span', 'recruit-name', operation.recruitName));
  }
  whom.append(element('span', 'recruit-id', operation.recruitId));
  whom.addEventListener('click', () => onRecruit(operation.recruitId));

  line.append(who, element('span', 'arrow', '→'), what, element('span', 'arrow', '→'), whom);
  return line;
}

function changeList(changes, { t }) {
  const list = element('ul', 'changes');
  for (const change of changes) {
    const item = element('li', 'change');
    item.append(
      element('span', 'field', change.field),
      element('span', 'from', scalar(change.from, t)),
      element('span', 'arrow', '→'),
      element('span', 'to', scalar(change.to, t)));
    list.append(item);
  }
  return list;
}

function scalar(value, t) {
  return value === null || value === undefined || value === '' ? t('emptyValue') : String(value);
}

/** A known code gets its label; anything else is shown as sent (it is still only text). */
function translated(t, group, value) {
  const key = `${group}.${value}`;
  const label = t(key);
  return label === key ? String(value) : label;
}

/** Class names come from a closed set of characters, so a strange value cannot reach into other styles. */
function safeToken(value) {
  return String(value ?? '').toLowerCase().replace(/[^a-z0-9_-]/g, '').slice(0, 40) || 'unknown';
}
