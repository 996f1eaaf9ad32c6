/** Text for HTML: no markup survives. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export interface OverlayPage {
  campaignName: string;
  description: string;
  /** The creative's overlay rendition (same origin), if the campaign has a READY image. */
  imageUrl?: string | undefined;
  /** The creative itself when it is a short video (same origin): played muted, looped, inline. */
  videoUrl?: string | undefined;
  /** Where the page posts its samples (relative to the page). */
  samplesUrl: string;
  nonce: string;
}

/**
 * The OBS browser source: a transparent page showing the campaign's creative, which reports a
 * viewer sample every minute while it is on screen. The viewer count comes from the `viewers`
 * query parameter when the streamer's tooling keeps it current (e.g. a bot reading the
 * platform's live count), else it is reported as unknown (0 view-minutes; FLAT_FEE still counts
 * the stream). Self-contained: no external script, font or image (OBS may be offline).
 */
export function overlayHtml(page: OverlayPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.campaignName)}</title>
<style>
  html, body { margin: 0; background: transparent; font-family: system-ui, sans-serif; }
  .creative { position: fixed; right: 24px; bottom: 24px; max-width: 420px; padding: 16px 20px; border-radius: 12px;
    background: rgba(15, 15, 25, 0.85); color: #fff; box-shadow: 0 8px 24px rgba(0, 0, 0, 0.4); }
  .creative h1 { margin: 0 0 6px; font-size: 22px; }
  .creative p { margin: 0; font-size: 15px; line-height: 1.4; opacity: 0.9; }
  .creative img, .creative video { display: block; max-width: 100%; margin-bottom: 10px; border-radius: 8px; }
  .creative[data-state="stopped"] { display: none; }
</style>
</head>
<body>
<section class="creative" data-state="running" aria-live="polite">
  ${
    page.videoUrl
      ? `<video src="${escapeHtml(page.videoUrl)}" autoplay muted loop playsinline aria-label="${escapeHtml(page.campaignName)}"></video>`
      : page.imageUrl
        ? `<img src="${escapeHtml(page.imageUrl)}" alt="${escapeHtml(page.campaignName)}">`
        : ''
  }
  <h1>${escapeHtml(page.campaignName)}</h1>
  <p>${escapeHtml(page.description)}</p>
</section>
<script nonce="${page.nonce}">
(() => {
  const creative = document.querySelector('.creative');
  const viewersParam = new URLSearchParams(location.search).get('viewers');
  const viewers = viewersParam && /^[0-9]{1,9}$/.test(viewersParam) ? Number(viewersParam) : undefined;
  const report = async () => {
    try {
      const response = await fetch(${JSON.stringify(page.samplesUrl)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sampleId: crypto.randomUUID(), ...(viewers === undefined ? {} : { viewers }) }),
      });
      // The campaign is over or the link was replaced: stop showing it.
      if (response.status === 404 || response.status === 409) { creative.dataset.state = 'stopped'; clearInterval(timer); }
    } catch { /* offline for a moment: the next minute reports again */ }
  };
  const timer = setInterval(report, 60000);
  report();
})();
</script>
</body>
</html>
`;
}
