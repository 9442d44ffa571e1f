/**
 * Per-receiver configuration, `runtimes/<name>/config.json` (all keys optional):
 *
 *   {
 *     "allow_from": ["claude", "@gemini"],          senders allowed to write (absent: anyone)
 *     "rate_limit": { "messages": 30, "per_seconds": 60 },   per sender
 *     "max_bytes": 1048576,                          per message file (default 8 MiB, at most 64 MiB); serve
 *                                                    takes it only up to its own (--max-bytes, default 8 MiB),
 *                                                    and never for the size of its agent's answer
 *     "turn_budget": 8,                              turns per thread this receiver answers; serve
 *                                                    takes it only up to its own (--turn-budget, default 8),
 *                                                    dispatch reply (and the MCP reply) up to the default 8
 *     "agent_timeout_seconds": 600,                  not applied (at most 7 days): serve kills an agent after
 *                                                    its own --agent-timeout, and names a differing value
 *     "claim_lease_seconds": 1800,                   claim by hand: lease before it returns (at most 7 days);
 *                                                    taken only from the default (1800) up
 *     "empty_file_grace_ms": 2000,                   leave a young empty file to its writer; taken only
 *                                                    from the default (2000) up
 *     "agent_env": ["ANTHROPIC_API_KEY", "MY_*"],    not applied: serve passes what its --agent-env grants,
 *                                                    and names a list that differs (agent-env.ts)
 *     "max_consecutive_failures": 5,                 serve: stop after this many agent failures in a row;
 *                                                    serve takes it only from its own (--max-failures) up
 *     "answer_into_inbox": "auto"                    serve and reply: also deliver answers into the sender's
 *                                                    inbox: "auto" (senders writing HelloWorld's HEAD
 *                                                    format), "never", or a list of sender names
 *   }
 *
 * allow_from and rate_limit key on the self-declared From header: they are labels that keep honest
 * agents apart, not authentication (anyone who can write the inbox can write any From). The file
 * itself is any bus writer's to write: what would cost the daemon's operator (secrets passed to
 * agents, endless turns, a daemon stopped, every agent killed or every paid answer thrown away by
 * one planted value) comes from serve's command line, and the file can only narrow what serve
 * takes in before any agent runs (or, for max_consecutive_failures, which stops serving, and the
 * claim lease and the empty-file grace, which cut short the work of whoever holds or writes a
 * message, only wait longer); agent_env and agent_timeout_seconds are not applied, as either way
 * would cost the operator: secrets handed out, or every agent failing (a granted key withheld,
 * every agent killed), a week-long paid agent. allow_from, rate_limit and answer_into_inbox can
 * only turn away or copy what any bus writer could move or write itself.
 *
 * The schema (zod) is loaded only when a config file exists, to keep start-up light.
 */
import { lstatBus, readBusFile } from './fsutil.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { normaliseName } from './names.ts';
import { agentEnvProblem } from './agent-env.ts';
import { counted } from '../text/plural.ts';
import { untrustedDetail } from '../text/fence.ts';

export interface ReceiverConfig {
  allowFrom: string[] | undefined;
  rateLimit: { messages: number; perSeconds: number } | undefined;
  maxBytes: number;
  /** Unset: the default (DEFAULT_TURN_BUDGET), or for serve its --turn-budget. */
  turnBudget: number | undefined;
  /** Not applied by serve, which uses its --agent-timeout (default DEFAULT_AGENT_TIMEOUT_SECONDS) and names a differing value. */
  agentTimeoutMs: number | undefined;
  claimLeaseMs: number;
  emptyFileGraceMs: number;
  /** Variable names (a trailing `*` matches a prefix): not applied by serve, which passes what --agent-env grants and names a differing list. */
  agentEnv: string[] | undefined;
  /** Unset: serve's --max-failures (default DEFAULT_MAX_FAILURES). */
  maxConsecutiveFailures: number | undefined;
  /** 'auto', 'never', or sender folder names. */
  answerIntoInbox: 'auto' | 'never' | string[];
}

/** Turns per thread a receiver answers when neither config.json nor serve --turn-budget says. */
export const DEFAULT_TURN_BUDGET = 8;
/** Seconds serve gives an agent, and agent failures in a row after which it stops, unless its flags say. */
export const DEFAULT_AGENT_TIMEOUT_SECONDS = 600;
export const DEFAULT_MAX_FAILURES = 5;
/** Bytes of one message file a receiver takes when config.json does not say, and the most serve takes unless --max-bytes says. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
/**
 * The longest agent timeout or claim lease, in seconds (7 days). config.json is written in the bus
 * folder, so any bus writer can plant a huge value: past 2,147,483 s Node's setTimeout fires after
 * 1 ms (every agent killed at once), and a lease deadline past year 9999 makes a claim file name
 * parseClaimFileName rejects, stranding the message in processing/.
 */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;

export const DEFAULT_CONFIG: ReceiverConfig = {
  allowFrom: undefined,
  rateLimit: undefined,
  maxBytes: DEFAULT_MAX_BYTES,
  turnBudget: undefined,
  agentTimeoutMs: undefined,
  claimLeaseMs: 1_800_000,
  emptyFileGraceMs: 2000,
  agentEnv: undefined,
  maxConsecutiveFailures: undefined,
  answerIntoInbox: 'auto',
};

const cache = new Map<string, { key: string; config: ReceiverConfig }>();

/** Reads a receiver's config (defaults when the file is absent); a bad file is an error. */
export async function loadReceiverConfig(paths: { root: string; config: string }): Promise<ReceiverConfig> {
  const configPath = paths.config;
  let st;
  try {
    st = lstatBus(paths.root, configPath);
  } catch (err) {
    if (err instanceof AliveError) throw err; // a linked folder above it
    throw new AliveError(`cannot read ${configPath}: ${errnoCode(err) ?? messageOf(err)}`, { code: 'config_unreadable' });
  }
  if (!st) return DEFAULT_CONFIG;
  const key = `${st.mtimeMs}:${st.size}:${st.ino}`;
  const hit = cache.get(configPath);
  if (hit && hit.key === key) return hit.config;
  // Never follows a link, never waits on a FIFO planted as config.json.
  const read = readBusFile(paths.root, configPath, { maxBytes: 1024 * 1024 });
  if (!read.ok) {
    throw new AliveError(`cannot read ${configPath}: ${read.detail}; fix it or remove it`, { code: 'config_unreadable' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    // Not the parser's message: it quotes the file, which any bus writer can write.
    throw new AliveError(`${configPath} is not valid JSON; fix it or remove it`, { code: 'config_invalid' });
  }
  const config = await validate(raw, configPath);
  cache.set(configPath, { key, config });
  return config;
}

async function validate(raw: unknown, path: string): Promise<ReceiverConfig> {
  const { receiverConfigSchema } = await import('./config-schema.ts');
  const parsed = receiverConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // Paths are keys of the schema and array indexes; unknown keys are the writer's text.
    const problems = parsed.error.issues.map(
      (i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.code === 'unrecognized_keys' ? unknownKeys(i.keys) : i.message}`,
    );
    throw invalid(path, problems);
  }
  const d = parsed.data;
  let allowFrom: string[] | undefined;
  let answerIntoInbox: ReceiverConfig['answerIntoInbox'] = d.answer_into_inbox === undefined ? 'auto' : 'never';
  try {
    if (d.allow_from) allowFrom = d.allow_from.map((n) => normaliseName(n, 'allow_from'));
    if (Array.isArray(d.answer_into_inbox)) answerIntoInbox = d.answer_into_inbox.map((n) => normaliseName(n, 'answer_into_inbox'));
    else if (d.answer_into_inbox !== undefined) answerIntoInbox = d.answer_into_inbox;
  } catch (err) {
    throw invalid(path, [messageOf(err)]);
  }
  // Not passed without serve's grant anyway; refused still, so a file asking for them is fixed.
  const envProblem = agentEnvProblem(d.agent_env ?? [], 'agent_env');
  if (envProblem) throw invalid(path, [envProblem]);
  return {
    allowFrom,
    rateLimit: d.rate_limit ? { messages: d.rate_limit.messages, perSeconds: d.rate_limit.per_seconds } : undefined,
    maxBytes: d.max_bytes ?? DEFAULT_CONFIG.maxBytes,
    turnBudget: d.turn_budget,
    agentTimeoutMs: d.agent_timeout_seconds === undefined ? undefined : d.agent_timeout_seconds * 1000,
    // From the defaults up only: any bus writer can write the file, and a shorter lease had a claim
    // taken by hand run out while its agent answered, a shorter grace a foreign writer's file go
    // to dead-letter before it was filled.
    claimLeaseMs: Math.max((d.claim_lease_seconds ?? 0) * 1000, DEFAULT_CONFIG.claimLeaseMs),
    emptyFileGraceMs: Math.max(d.empty_file_grace_ms ?? 0, DEFAULT_CONFIG.emptyFileGraceMs),
    agentEnv: d.agent_env,
    maxConsecutiveFailures: d.max_consecutive_failures,
    answerIntoInbox,
  };
}

/**
 * The refusal of a config.json that is not valid: its problems quote the file (names, values,
 * keys), which any bus writer can write, so they are the error's untrusted detail, not its words.
 */
function invalid(path: string, problems: string[]): AliveError {
  return new AliveError(`${path} is invalid (${counted(problems.length, 'problem')}, in the untrusted detail that follows); fix it or remove it`, {
    code: 'config_invalid',
    untrusted: untrustedDetail('config problem', problems.join('\n')),
  });
}

/** Unknown keys of config.json: a few plain key names (the usual typo) shown, the rest counted. */
function unknownKeys(keys: readonly string[]): string {
  const shown = keys.filter((k) => /^[A-Za-z0-9_-]{1,40}$/.test(k)).slice(0, 5);
  const more = keys.length - shown.length;
  if (shown.length === 0) return `${counted(keys.length, 'unknown key')} (not plain key names)`;
  return `unknown keys ${shown.join(', ')}${more ? ` and ${more} more` : ''}`;
}

/** Whether a sender (folder form, or undefined when the From header is not a valid name) may write. */
export function senderAllowed(config: ReceiverConfig, sender: string | undefined): boolean {
  if (!config.allowFrom) return true;
  return sender !== undefined && config.allowFrom.includes(sender);
}
