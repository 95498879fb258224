/**
 * Must be the webview's first import: zod decides at schema construction whether to compile
 * validators with `new Function`, and the webview's CSP forbids eval (it would log a violation).
 */
import { config } from 'zod';

config({ jitless: true });
