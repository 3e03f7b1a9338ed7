// The renderer's Content-Security-Policy. Identical to the <meta> in
// src/renderer/index.html (a unit test compares them); the shell also sends it as a
// response header. connect-src 'self': the renderer never calls the API itself.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
