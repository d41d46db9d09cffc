import helmet from 'helmet';
import type { AppConfig } from '../config/config';

/**
 * Helmet's headers with a strict Content-Security-Policy for the desk, the web chat and the forum:
 * scripts only from our own files (no inline script, no eval, no inline event handlers), no
 * plugins, no framing, images and connections (socket.io included) only to us. Styles allow
 * inline, because Angular puts component styles in <style> elements at run time; a style cannot
 * run code. The Angular builds keep critical-CSS inlining off, since it loads stylesheets with an
 * inline onload handler that this policy refuses.
 */
export function securityHeaders(config: AppConfig) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // HSTS only where the site is served over HTTPS (COOKIE_SECURE=true says so); on plain HTTP it
    // would be ignored, and on a LAN install it must never pin a name to HTTPS by mistake.
    strictTransportSecurity: config.cookieSecure ? { maxAge: 180 * 86_400 } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
