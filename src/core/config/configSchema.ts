/**
 * The zod schema of a whole config file (the keys Switchboard reads; every other Codex key is
 * allowed and ignored) and its JSON Schema, committed as schemas/config.schema.json for editors.
 * Regenerate with `node --import tsx scripts/genSchema.mjs`; a unit test checks the file is current.
 */
import { z } from 'zod';
import { providerTableSchema } from './providerSchema';

/** `[profiles.<name>]`: any top-level setting; these are the ones Switchboard reads. */
export const profileTableSchema = z
  .looseObject({
    model: z.string().min(1).optional().describe('Model used while this profile is active.'),
    model_provider: z.string().min(1).optional().describe('Provider id used while this profile is active.'),
    model_providers: z.record(z.string(), providerTableSchema).optional().describe('Providers defined or extended by this profile.'),
  })
  .describe('A named set of settings applied on top of the top level when selected (profile = "<name>", --profile, SWITCHBOARD_PROFILE).');

/** `[projects."<abs path>"]`. */
export const projectTableSchema = z.looseObject({
  trust_level: z.enum(['trusted', 'untrusted']).optional().describe('"trusted" lets workspace config files (codex.toml, .codex/config.toml) in this folder apply.'),
});

/** A config file: `$CODEX_HOME/config.toml`, a workspace `codex.toml` / `.codex/config.toml`, or a profile file. */
export const configFileSchema = z
  .looseObject({
    model: z.string().min(1).optional().describe('Model to use (default: the active provider\'s default_model).'),
    model_provider: z.string().min(1).optional().meta({ description: 'Id of the provider to use: a [model_providers] table or a built-in.', default: 'anthropic' }),
    profile: z.string().min(1).optional().describe('Profile applied by default: a [profiles.<name>] table or $CODEX_HOME/<name>.config.toml.'),
    openai_base_url: z.string().min(1).optional().describe('Base URL of the built-in "openai" provider (default https://api.openai.com/v1).'),
    model_providers: z.record(z.string(), providerTableSchema).optional().describe('Model providers by id.'),
    profiles: z.record(z.string(), profileTableSchema).optional().describe('Named profiles.'),
    projects: z.record(z.string(), projectTableSchema).optional().describe('Per-folder settings; only read from the user file.'),
  })
  .meta({
    title: 'Switchboard / Codex CLI configuration',
    description: 'config.toml as read by Switchboard (compatible with the Codex CLI). Keys not listed are Codex settings and are accepted.',
  });

/** The JSON Schema of a config file. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configFileSchema, { io: 'input' }) as Record<string, unknown>;
}

/** The exact text of schemas/config.schema.json. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
