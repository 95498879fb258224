/**
 * Whether AWS credentials look configured on this machine, without loading them: environment
 * keys, a profile, web identity, container credentials, or the shared config/credentials files.
 * Used by listings; the Bedrock client uses the real AWS credential chain.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../core/ports';

const ENV_HINTS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_BEARER_TOKEN_BEDROCK',
];

/** True when any AWS credential source is configured (it may still be expired or wrong). */
export function awsCredentialsConfigured(env: Env, homeDir: string): boolean {
  if (ENV_HINTS.some((name) => env[name]?.trim())) return true;
  const files = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(homeDir, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(homeDir, '.aws', 'config'),
  ];
  return files.some((file) => existsSync(file));
}
