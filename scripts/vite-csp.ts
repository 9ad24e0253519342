/**
 * A strict Content-Security-Policy for the built page, as a `<meta http-equiv>` tag injected at build time,
 * so it holds on any static host (no server headers needed). Scripts come only from the page's own origin:
 * no `unsafe-eval` (zod runs jitless; nothing calls eval or `new Function`) and no `unsafe-inline` (the build
 * emits no inline script). Styles too come from the page's own stylesheet; the code sets styles through the
 * CSSOM, which the policy allows. Images may be `data:`/`blob:` URLs (Phaser's textures, the favicon, the
 * canvas snapshot). The dev server is left without it (`apply: 'build'`): Vite's client injects inline code.
 */
import type { Plugin } from 'vite';

/** The policy's directives, one per line of the meta tag's content. */
const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as one header value. */
export const CSP = CSP_DIRECTIVES.join('; ');

/** Injects the policy as the first element of `<head>` in the built index.html. */
export function cspPlugin(): Plugin {
  return {
    name: 'envoy-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
