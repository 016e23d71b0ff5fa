// The renderer's Content-Security-Policy: the <meta> in src/renderer/index.html carries it (a test keeps the two
// equal), and the browser host also sends it as a header, with what only a header can say (no framing).
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
