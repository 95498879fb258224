// System packages the e2e setup needs: a Chrome/Chromium, and (only to build code-server's
// native modules) Kerberos headers plus a C++ toolchain. Installed with apt-get when we are
// root on Debian; elsewhere we say exactly what is missing.
import { existsSync } from 'node:fs';
import { capture, log, onPath, run, step } from './setupSteps.mjs';
import { findChrome } from './e2ePaths.mjs';

/** True on a Debian-family system where we are root and apt-get exists. */
export function canUseApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && onPath('apt-get');
}

function dpkgInstalled(pkg) {
  const status = capture('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return status !== undefined && status.includes('install ok installed');
}

function hasKerberosHeaders() {
  if (canUseApt()) return dpkgInstalled('libkrb5-dev');
  return onPath('krb5-config') || existsSync('/usr/include/gssapi/gssapi.h') || process.platform === 'darwin';
}

/**
 * What is missing, as Debian package names with a human description each.
 * @param {{ needBuildTools: boolean }} options
 */
export function missingSystemPackages({ needBuildTools }) {
  const missing = [];
  if (!findChrome()) missing.push({ pkg: 'chromium', what: 'a Chrome/Chromium browser (or set CHROME_PATH)', required: true });
  if (needBuildTools) {
    if (!hasKerberosHeaders()) missing.push({ pkg: 'libkrb5-dev', what: 'Kerberos headers (libkrb5-dev / krb5-devel) to build code-server\'s native modules', required: false });
    if (!onPath('make') || !onPath('g++')) missing.push({ pkg: 'build-essential', what: 'make and g++ to build native modules', required: false });
    if (!onPath('python3')) missing.push({ pkg: 'python3', what: 'python3 for node-gyp', required: false });
  }
  return missing;
}

function aptHasCandidate(pkg) {
  const policy = capture('apt-cache', ['policy', pkg]);
  return policy !== undefined && /Candidate: (?!\(none\))\S+/.test(policy);
}

/** Installs Debian packages, running `apt-get update` first only when the package lists lack them. */
export async function aptInstall(pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!pkgs.every(aptHasCandidate)) {
    await step('apt-get update', () => run('apt-get', ['update'], { env }));
  }
  await step(`apt-get install -y ${pkgs.join(' ')}`, () => run('apt-get', ['install', '-y', ...pkgs], { env }));
}

/**
 * Makes sure the system packages are present: installs them with apt when possible, else
 * prints what is missing. Throws when a required one (the browser) is still missing.
 */
export async function ensureSystemPackages({ needBuildTools }) {
  let missing = missingSystemPackages({ needBuildTools });
  if (missing.length === 0) return;
  if (canUseApt()) {
    await aptInstall(missing.map((m) => m.pkg));
    missing = missingSystemPackages({ needBuildTools });
  }
  for (const m of missing) {
    log(`${m.required ? 'MISSING' : 'WARNING, missing'}: ${m.what}. ${canUseApt() ? 'apt-get could not provide it.' : `Install it with your system's package manager (Debian/Ubuntu: sudo apt-get install ${m.pkg}).`}`);
  }
  const required = missing.filter((m) => m.required);
  if (required.length > 0) {
    throw new Error(`Missing: ${required.map((m) => m.what).join('; ')}. Install it (Debian: apt-get install -y ${required.map((m) => m.pkg).join(' ')}) or point CHROME_PATH at a Chrome/Chromium binary, then run \`node scripts/e2eSetup.mjs\` again.`);
  }
}
