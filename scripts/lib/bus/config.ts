/**
 * Per-receiver configuration, `runtimes/<name>/config.json` (all keys optional):
 *
 *   {
 *     "allow_from": ["claude", "@gemini"],          senders allowed to write (absent: anyone)
 *     "rate_limit": { "messages": 30, "per_seconds": 60 },   per sender
 *     "max_bytes": 1048576,                          per message file
 *     "turn_budget": 8,                              turns per thread this receiver answers
 *     "agent_timeout_seconds": 600,                  serve: kill an agent after this long
 *     "claim_lease_seconds": 1800,                   claim by hand: lease before it returns
 *     "empty_file_grace_ms": 2000                    leave a young empty file to its writer
 *   }
 *
 * The schema (zod) is loaded only when a config file exists, to keep start-up light.
 */
import { readFileSync, statSync } from 'node:fs';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { normaliseName } from './names.ts';

export interface ReceiverConfig {
  allowFrom: string[] | undefined;
  rateLimit: { messages: number; perSeconds: number } | undefined;
  maxBytes: number;
  turnBudget: number;
  agentTimeoutMs: number;
  claimLeaseMs: number;
  emptyFileGraceMs: number;
}

export const DEFAULT_CONFIG: ReceiverConfig = {
  allowFrom: undefined,
  rateLimit: undefined,
  maxBytes: 8 * 1024 * 1024,
  turnBudget: 8,
  agentTimeoutMs: 600_000,
  claimLeaseMs: 1_800_000,
  emptyFileGraceMs: 2000,
};

const cache = new Map<string, { key: string; config: ReceiverConfig }>();

/** Reads a receiver's config (defaults when the file is absent); a bad file is an error. */
export async function loadReceiverConfig(configPath: string): Promise<ReceiverConfig> {
  let st;
  try {
    st = statSync(configPath);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return DEFAULT_CONFIG;
    throw new AliveError(`cannot read ${configPath}: ${messageOf(err)}`, { code: 'config_unreadable' });
  }
  const key = `${st.mtimeMs}:${st.size}`;
  const hit = cache.get(configPath);
  if (hit && hit.key === key) return hit.config;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (err) {
    throw new AliveError(`${configPath} is not valid JSON (${messageOf(err)}); fix it or remove it`, {
      code: 'config_invalid',
    });
  }
  const config = await validate(raw, configPath);
  cache.set(configPath, { key, config });
  return config;
}

async function validate(raw: unknown, path: string): Promise<ReceiverConfig> {
  const { receiverConfigSchema } = await import('./config-schema.ts');
  const parsed = receiverConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
    throw new AliveError(`${path} is invalid: ${problems.join('; ')}; fix it or remove it`, { code: 'config_invalid' });
  }
  const d = parsed.data;
  let allowFrom: string[] | undefined;
  if (d.allow_from) {
    try {
      allowFrom = d.allow_from.map((n) => normaliseName(n, 'allow_from'));
    } catch (err) {
      throw new AliveError(`${path} is invalid: ${messageOf(err)}`, { code: 'config_invalid' });
    }
  }
  return {
    allowFrom,
    rateLimit: d.rate_limit ? { messages: d.rate_limit.messages, perSeconds: d.rate_limit.per_seconds } : undefined,
    maxBytes: d.max_bytes ?? DEFAULT_CONFIG.maxBytes,
    turnBudget: d.turn_budget ?? DEFAULT_CONFIG.turnBudget,
    agentTimeoutMs: (d.agent_timeout_seconds ?? DEFAULT_CONFIG.agentTimeoutMs / 1000) * 1000,
    claimLeaseMs: (d.claim_lease_seconds ?? DEFAULT_CONFIG.claimLeaseMs / 1000) * 1000,
    emptyFileGraceMs: d.empty_file_grace_ms ?? DEFAULT_CONFIG.emptyFileGraceMs,
  };
}

/** Whether a sender (folder form, or undefined when the From header is not a valid name) may write. */
export function senderAllowed(config: ReceiverConfig, sender: string | undefined): boolean {
  if (!config.allowFrom) return true;
  return sender !== undefined && config.allowFrom.includes(sender);
}
