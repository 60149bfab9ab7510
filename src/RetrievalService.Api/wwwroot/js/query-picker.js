// Where the query photo comes from: the file chooser (opened by the drop zone, which is a button), a drop onto it,
// a paste anywhere on the search view, or a phone's camera. Shows a preview and hands the file to `onPick`.

export function setUpQueryPicker(view, onPick) {
  const zone = view.querySelector('[data-testid="drop-zone"]');
  const chooser = view.querySelector('[data-testid="query-input"]');
  const camera = view.querySelector('[data-testid="camera-input"]');
  const preview = view.querySelector('[data-testid="query-preview"]');
  const name = view.querySelector('[data-testid="query-name"]');
  let previewUrl = null;

  const pick = (file) => {
    if (!file) {
      return;
    }
    if (previewUrl) {
      URL.revokeObjectURL(previewUrl);
    }
    previewUrl = URL.createObjectURL(file);
    preview.src = previewUrl;
    preview.alt = `Query: ${file.name || 'pasted image'}`;
    preview.hidden = false;
    name.textContent = `${file.name || 'pasted image'} · ${(file.size / 1024).toFixed(0)} KiB`;
    onPick(file);
  };

  zone.addEventListener('click', () => chooser.click());
  for (const input of [chooser, camera]) {
    input.addEventListener('change', () => pick(input.files?.[0]));
  }
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    pick(imageFile(event.dataTransfer?.files));
  });
  document.addEventListener('paste', (event) => {
    if (view.hidden) {
      return;
    }
    const file = imageFile(event.clipboardData?.files);
    if (file) {
      event.preventDefault();
      pick(file);
    }
  });
}

function imageFile(files) {
  return Array.from(files ?? []).find((file) => file.type.startsWith('image/')) ?? files?.[0];
}
