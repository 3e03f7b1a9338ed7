// The arguments of every IPC channel (contract.ts's CHANNELS, one schema each: the compiler
// checks none is missing or extra) as zod schemas: main validates each call with them.
// Only main imports this file at run time (the renderer and preload use the types).
import { z } from 'zod';
import { sessionIdProblem } from '../api/session-id';
import { DATA_ENDPOINTS } from '../api/endpoints';
import { ADJUSTMENTS, FLAG_LABELS, VERDICTS } from '../review/labels';
import type { IpcChannel } from './contract';
import { TEAM_RECOMMENDATIONS, TEAM_SSL_MODES } from '../team/types';

const id = z.string().min(1).max(200);
// The one rule for ids (session-id.ts), as the client and the library apply it: `~` is
// allowed (the sandbox's fresh-counter tags), and an id that is no folder name is hashed
// into one by the library.
const sessionId = z
  .string()
  .trim()
  .min(1, 'Enter a session id')
  .superRefine((value, ctx) => {
    const problem = sessionIdProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const jobId = z.string().min(1).max(100);
const empty = z.object({}).strict();
// A search of saved cases (the local catalogue's or the team's): read by parseSearchInput.
const searchInput = z
  .object({
    text: z.string().max(200).optional(),
    amount: z.string().max(40).optional(),
    from: z.string().max(20).optional(),
    to: z.string().max(20).optional(),
  })
  .strict();

const PORT_RANGE = 'Enter a port from 1 to 65535';
/** A TCP port as the Team screen's field gives it (Number of the text typed). */
const tcpPort = z
  .number({ error: PORT_RANGE })
  .int(PORT_RANGE)
  .min(1, PORT_RANGE)
  .max(65535, PORT_RANGE);

export const argSchemas = {
  'app:info': empty,
  'profiles:list': empty,
  'profiles:save': z
    .object({
      id: id.optional(),
      name: z.string().trim().min(1, 'Enter a profile name').max(100),
      baseUrl: z.url({ protocol: /^https?$/, error: 'Enter an http(s) base URL' }),
      apiVersion: z
        .string()
        .trim()
        .regex(/^v\d+$/, 'The API version looks like v1'),
      /** Omitted keeps the profile's endpoint (subscribed_data for a new one). */
      endpoint: z.enum(DATA_ENDPOINTS).optional(),
      /** Write-only: omitted keeps the stored secret, '' clears it. */
      apiKey: z.string().max(500).optional(),
      serverHash: z.string().max(500).optional(),
    })
    .strict(),
  'profiles:delete': z.object({ id }).strict(),
  'profiles:activate': z.object({ id }).strict(),
  'profiles:test': z.object({ id }).strict(),
  'vault:status': empty,
  'vault:consent': z.object({ allowInsecure: z.boolean() }).strict(),
  'session:status': z.object({ sessionId }).strict(),
  'session:fetch': z.object({ sessionId, wait: z.boolean(), jobId }).strict(),
  'session:refresh': z.object({ handle: id, jobId }).strict(),
  'session:close': z.object({ handle: id }).strict(),
  'job:cancel': z.object({ jobId }).strict(),
  'export:xlsx': z
    .object({
      handle: id,
      jobId,
      accountId: id.optional(),
      allFields: z.boolean().optional(),
      /** Account numbers in full in the workbook (default: masked to the last four digits). */
      unmasked: z.boolean().optional(),
    })
    .strict(),
  'library:list': empty,
  'library:save': z.object({ handle: id, jobId: jobId.optional() }).strict(),
  'library:open': z
    .object({ sessionId, snapshotId: id.optional(), jobId: jobId.optional() })
    .strict(),
  'library:delete': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:upgrade': z.object({ sessionId }).strict(),
  'library:import': z
    .object({
      /** The files (chosen, dropped or opened by the OS); none: a dialog asks. */
      paths: z.array(z.string().min(1).max(4096)).max(100).optional(),
      /** The one file given is opened next: what its import decoded is kept for that open. */
      thenOpen: z.boolean().optional(),
    })
    .strict(),
  'library:export': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:reveal': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'library:recent': empty,
  // Across every saved case (the catalogue); the text fields are read by parseSearchInput.
  'catalogue:search': searchInput,
  'catalogue:seen-elsewhere': z.object({ handle: id }).strict(),
  // The reviewer's flags, notes and verdict on a loaded session (issue 16).
  'review:get': z.object({ handle: id }).strict(),
  'review:flag': z
    .object({
      handle: id,
      keys: z.array(z.string().min(1).max(300)).min(1).max(10_000),
      labels: z.partialRecord(z.enum(FLAG_LABELS), z.boolean()).optional(),
      note: z.string().max(10_000).optional(),
      exclude: z.partialRecord(z.enum(ADJUSTMENTS), z.boolean()).optional(),
    })
    .strict(),
  'review:note': z
    .object({
      handle: id,
      text: z.string().max(10_000),
      account: id.nullable().optional(),
      noteId: id.optional(),
    })
    .strict(),
  /** Removes a note as one more event (the history keeps it). */
  'review:note-remove': z.object({ handle: id, noteId: id }).strict(),
  'review:verdict': z
    .object({ handle: id, decision: z.enum(VERDICTS), reason: z.string().max(10_000) })
    .strict(),
  /** The reviewer's name from the app's settings; `name` sets it. */
  'review:reviewer': z.object({ name: z.string().trim().max(200).optional() }).strict(),
  /** The credit policy: main opens the file dialog and reads the file itself. */
  'policy:get': empty,
  'policy:choose': empty,
  'policy:reset': empty,
  /**
   * The memo: the window's memo printed to an A4 PDF (its print stylesheet), with the
   * memo's generated-by line (app version, date, policy) in every page's footer.
   */
  'summary:pdf': z.object({ handle: id, generatedBy: z.string().max(400) }).strict(),
  /**
   * FinBox's own report behind the session's `xlsx_report_url` (an account's; null: the
   * session's aggregate link). The link itself is never an argument: main reads it from
   * the response it holds.
   */
  'report:finbox': z.object({ handle: id, accountId: id.nullable() }).strict(),
  /** Two saved snapshots of a session compared (default: the two latest, older first). */
  'library:diff': z.object({ sessionId, from: id.optional(), to: id.optional() }).strict(),
  'team:status': empty,
  'team:save': z
    .object({
      host: z.string().trim().min(1, 'Enter the server host').max(255),
      port: tcpPort,
      database: z.string().trim().min(1, 'Enter the database').max(63),
      user: z.string().trim().min(1, 'Enter your login').max(63),
      sslmode: z.enum(TEAM_SSL_MODES),
      caFile: z.string().trim().max(4096).nullable(),
      certFile: z.string().trim().max(4096).nullable(),
      /** Write-only: omitted keeps the stored secret, '' removes it. */
      password: z.string().max(1000).optional(),
      /** The client key's PEM file, read once into the vault; '' removes the stored key. */
      clientKeyFile: z.string().trim().max(4096).optional(),
      /**
       * The read replica searches read from (the same login and TLS settings); omitted
       * keeps the stored one, null removes it.
       */
      replica: z
        .object({
          host: z.string().trim().min(1, "Enter the read replica's host").max(255),
          port: tcpPort,
        })
        .strict()
        .nullable()
        .optional(),
    })
    .strict()
    .refine((p) => !p.replica || p.replica.host !== p.host || p.replica.port !== p.port, {
      path: ['replica', 'host'],
      message: 'This is the primary server itself: leave it empty to read from the primary',
    }),
  'team:remove': empty,
  'team:choose-file': z.object({ what: z.enum(['ca', 'cert', 'key']) }).strict(),
  'team:test': empty,
  'team:marks': empty,
  'team:cases': empty,
  'team:publish': z.object({ sessionId, snapshotId: id.optional() }).strict(),
  'team:open': z.object({ sessionId }).strict(),
  'team:sync': empty,
  'team:search': searchInput,
  'team:seen-elsewhere': z.object({ handle: id }).strict(),
  /** `handle`: the session on screen, whose figures answer the team's limits. */
  'team:case': z.object({ sessionId, handle: id.optional() }).strict(),
  'team:submit': z
    .object({
      sessionId,
      /** The session on screen: the limits' figures are its own, as the Summary shows them. */
      handle: id,
      recommendation: z.enum(TEAM_RECOMMENDATIONS),
      reason: z.string().trim().min(1, 'Choose a reason').max(500),
      subReason: z.string().trim().max(500),
      note: z.string().max(10_000),
      /** Figures typed for the limits the app has no figure for, by rule. */
      figures: z.record(z.string().min(1).max(100), z.string().trim().max(40)).optional(),
    })
    .strict(),
  'team:deviation': z
    .object({
      sessionId,
      id: z.number().int().positive(),
      reason: z.string().trim().min(1, 'Give the reason').max(2000),
    })
    .strict(),
  'team:decide': z
    .object({
      sessionId,
      decision: z.enum(TEAM_RECOMMENDATIONS),
      reason: z.string().trim().min(1, 'Give the reason').max(2000),
    })
    .strict(),
  'team:decision-chain': z.object({ sessionId }).strict(),
  'team:queue': empty,
  'team:set-aside': z
    .object({
      id,
      reason: z.string().trim().min(1, 'Give the reason the row is set aside').max(2000),
    })
    .strict(),
} as const satisfies Record<IpcChannel, z.ZodType>;
