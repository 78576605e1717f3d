// The meeting page's papers being issued in the background: how far they have gone, told as it changes (the page
// itself says it too, and has a link to refresh it without this script). The page is reloaded once they are done.
const panel = document.getElementById('papers-progress');
const url = panel && panel.dataset.progressUrl;
if (url) {
  const text = document.getElementById('papers-progress-text');
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const progress = await response.json();
        if (progress.text) {
          text.textContent = progress.text;
        }
        if (progress.state !== 'RUNNING') {
          window.location.reload();
          return;
        }
      }
    } catch (e) {
      // the page's own link still works
    }
    window.setTimeout(poll, 2000);
  };
  window.setTimeout(poll, 1000);
}
