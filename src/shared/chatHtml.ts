/**
 * The chat webview's HTML document. Pure string building, so the host (which knows the webview's
 * `cspSource` and asset URIs) and the headless-browser tests produce exactly the same page.
 */

/** What the host passes to `renderChatHtml`. URIs are the `asWebviewUri` strings of dist/webview files. */
export interface ChatHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per render (letters and digits), used for the script's CSP nonce. */
  nonce: string;
  /** dist/webview/chat.js */
  scriptUri: string;
  /** dist/webview/chat.css */
  styleUri: string;
  /** dist/webview/codicon.css */
  codiconUri: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy the page sets: nothing inline, scripts only by nonce. */
export function chatContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** Builds the chat webview's HTML. Throws if `nonce` is not a plain token (it is placed in the CSP). */
export function renderChatHtml(options: ChatHtmlOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) {
    throw new Error('renderChatHtml: the nonce must be at least 16 letters, digits or base64 characters.');
  }
  if (/[;"<>\r\n]/.test(options.cspSource)) {
    throw new Error('renderChatHtml: cspSource must not contain semicolons, double quotes, angle brackets or newlines.');
  }
  const csp = chatContentSecurityPolicy(options.cspSource, options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.codiconUri)}">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>Switchboard</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
