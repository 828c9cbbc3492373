// Agents' tiers from the settings sheet's agent list (一线 / 二线; a malformed tier cell is read as
// 一线 with a warning beside it: settings.ts). Escalation hands a ticket to a tier-2 agent
// (issue 18); the review data sheet shows each agent's tier (issue 19).
import type { Tier } from './schema';
import type { Agent } from './settings';

/** The tier of the agent with this name (names as the work log writes them), or null if unknown. */
export function agentTier(agents: readonly Pick<Agent, 'name' | 'tier'>[], name: string): Tier | null {
  const n = name.normalize('NFC').trim();
  if (!n) return null;
  return agents.find((a) => a.name === n)?.tier ?? null;
}

/** The agents a ticket can be escalated to, in the settings sheet's order. */
export function tier2Agents<A extends Pick<Agent, 'tier'>>(agents: readonly A[]): A[] {
  return agents.filter((a) => a.tier === 'tier2');
}
