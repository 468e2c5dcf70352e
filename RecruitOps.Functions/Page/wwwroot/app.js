// Placeholder: the live list page is built in issue #7.
const list = document.getElementById('operations');
const source = new EventSource('/api/recruits/operations/stream', { withCredentials: true });
source.addEventListener('ready', () => { document.getElementById('status').textContent = 'live'; });
source.addEventListener('operation', (event) => {
  const item = document.createElement('li');
  const operation = JSON.parse(event.data);
  item.textContent = `${operation.recordedAt} ${operation.actor.name} ${operation.action} ${operation.recruitId}`;
  list.prepend(item);
});
