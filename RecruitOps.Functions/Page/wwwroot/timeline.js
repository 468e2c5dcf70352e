// The shown operations, each once, newest first. Ids are ULIDs (fixed-length Crockford base32), so comparing them
// as strings orders them by time: a replayed or late operation lands in its place, and a repeat is ignored.
export class Timeline {
  #list;
  #render;
  #ids = [];
  #rows = new Map();

  /** @param {HTMLOListElement} list @param {(operation) => HTMLElement} render */
  constructor(list, render) {
    this.#list = list;
    this.#render = render;
  }

  get size() {
    return this.#ids.length;
  }

  get oldestId() {
    return this.#ids.at(-1) ?? null;
  }

  has(id) {
    return this.#rows.has(id);
  }

  /** Adds the operation in id order; returns false when it is already shown. */
  add(operation, { highlight = false } = {}) {
    if (typeof operation?.id !== 'string' || this.#rows.has(operation.id)) {
      return false;
    }
    const index = this.#insertionIndex(operation.id);
    const element = this.#render(operation);
    element.dataset.id = operation.id;
    const next = this.#ids[index];
    this.#list.insertBefore(element, next === undefined ? null : this.#rows.get(next).element);
    this.#ids.splice(index, 0, operation.id);
    this.#rows.set(operation.id, { operation, element });
    if (highlight) {
      element.classList.add('is-new');
      element.addEventListener('animationend', (event) => {
        if (event.animationName === 'highlight-fade') {
          element.classList.remove('is-new');
        }
      });
    }
    return true;
  }

  clear() {
    this.#ids = [];
    this.#rows.clear();
    this.#list.replaceChildren();
  }

  /** Rebuilds every row, for a language change. */
  rerender() {
    for (const id of this.#ids) {
      const row = this.#rows.get(id);
      const element = this.#render(row.operation);
      element.dataset.id = id;
      row.element.replaceWith(element);
      row.element = element;
    }
  }

  /** First position whose id is older than `id` (the list is sorted newest first). */
  #insertionIndex(id) {
    let low = 0;
    let high = this.#ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#ids[middle] > id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
