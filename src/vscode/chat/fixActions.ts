/**
 * What a fix button under an inline error does: the matching Switchboard (or workbench) command
 * with the error's provider, or — for Retry — sending the last message again. Pure.
 */
import type { FixAction } from '../../shared/errors';

/** A command to run, or the chat's own retry. */
export type FixStep = { kind: 'command'; command: string; args: unknown[] } | { kind: 'retry' };

/**
 * The step for `action`. `providerHasFile`: the provider is defined in a config file, so "Open
 * Config" opens its definition rather than the user config.
 */
export function fixStep(action: FixAction, providerId: string | undefined, providerHasFile: boolean): FixStep {
  const withProvider = (command: string): FixStep => ({ kind: 'command', command, args: providerId === undefined ? [] : [providerId] });
  switch (action) {
    case 'setApiKey':
      return withProvider('switchboard.setApiKey');
    case 'testConnection':
      return withProvider('switchboard.testConnection');
    case 'openConfig':
      return providerId !== undefined && providerHasFile ? withProvider('switchboard.openDefinition') : { kind: 'command', command: 'switchboard.openUserConfig', args: [] };
    case 'trustWorkspace':
      return { kind: 'command', command: 'workbench.trust.manage', args: [] };
    case 'showLogs':
      return { kind: 'command', command: 'switchboard.showLogs', args: [] };
    case 'retry':
      return { kind: 'retry' };
  }
}
