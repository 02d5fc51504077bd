// The floor's popup: ask the worker once, draw what it answers, mark the next frame.
chrome.runtime.sendMessage({ floor: 'today' }).then((rows) => {
  const list = document.getElementById('list');
  for (const row of rows ?? []) {
    const item = document.createElement('li');
    item.textContent = `${row.name} · ${row.due}`;
    list.append(item);
  }
  requestAnimationFrame(() => performance.mark('floor:today'));
});
