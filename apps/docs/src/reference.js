// The landing page's script (inlined by scripts/static-page.mjs). The page is whole without it; with
// it, each Copy button copies its code sample, and the page becomes the full Redoc reference
// (redoc.html, loaded into this page) when the reader asks for it ("Interactive reference") or
// arrives by, or follows, one of Redoc's deep links (#/..., #tag/..., #operation/..., #section/...);
// Back to this page's own address brings the landing page back.
(() => {
  const REDOC_LINK = /^#(\/|tag\/|operation\/|section\/)/;
  const byId = (id) => document.getElementById(id);

  async function copy(button) {
    const status = byId('copy-status');
    try {
      await navigator.clipboard.writeText(byId(button.dataset.copy).textContent);
      // Only the sample copied last reads "Copied": what the clipboard holds now.
      for (const other of document.querySelectorAll('button[data-copy]')) other.textContent = 'Copy';
      button.textContent = 'Copied';
      status.textContent = `Copied the ${byId(`${button.dataset.copy}-title`).textContent} sample.`;
    } catch (error) {
      status.textContent = `Could not copy (${error.message}): select the code and copy it.`;
    }
  }

  /** Puts Redoc's page in place of this one: its styles, its body, and its scripts, run in order. */
  function becomeRedoc(html) {
    const redoc = new DOMParser().parseFromString(html, 'text/html');
    document.title = redoc.title;
    for (const style of document.head.querySelectorAll('style')) style.remove();
    document.head.append(...redoc.head.querySelectorAll('style'));
    document.body.replaceChildren(...redoc.body.childNodes);
    // Scripts parsed by DOMParser never run: each is replaced by a new one, which does.
    for (const parsed of document.body.querySelectorAll('script')) {
      const script = document.createElement('script');
      for (const { name, value } of parsed.attributes) script.setAttribute(name, value);
      script.textContent = parsed.textContent;
      parsed.replaceWith(script);
    }
  }

  let loading;
  let shown = false; // Redoc has replaced this page
  function loadRedoc() {
    if (loading) return loading;
    const button = byId('interactive');
    const status = byId('interactive-status');
    button.disabled = true;
    status.textContent = 'Loading the interactive reference…';
    loading = fetch('redoc.html')
      .then((response) => {
        if (!response.ok) throw new Error(`redoc.html answered ${response.status}`);
        return response.text();
      })
      .then((html) => {
        becomeRedoc(html);
        shown = true;
      })
      .catch((error) => {
        loading = undefined;
        button.disabled = false;
        status.textContent = `The interactive reference did not load (${error.message}).`;
      });
    return loading;
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button');
    if (button?.dataset.copy) copy(button);
    else if (button?.id === 'interactive') {
      // Redoc's home, a history entry of its own (once), so that Back comes here.
      if (location.hash !== '#/') history.pushState(null, '', '#/');
      loadRedoc();
    }
  });
  const followHash = () => {
    if (REDOC_LINK.test(location.hash)) loadRedoc();
    else if (shown) location.reload(); // back from Redoc to this page: it comes back whole
  };
  addEventListener('hashchange', followHash);
  followHash();
})();
