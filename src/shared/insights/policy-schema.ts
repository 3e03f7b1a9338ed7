// The policy as a settings file writes it: the schema that validates one (policyFrom in
// policy.ts fills in the defaults). Kept apart from policy.ts so the renderer, which reads
// the policy's labels, does not bundle zod.
import { z } from 'zod';
import { ABB_DAY_SETS, FOIR_INCOME_BASES, PARTIAL_MONTH_RULES } from './policy';

/**
 * A policy as written in a settings file: every field optional (defaults fill the rest),
 * unknown fields refused so a misspelt setting is a clear error, not silently ignored.
 */
export const creditPolicySchema = z.strictObject({
  name: z.string().trim().min(1, 'a name of at least one character').max(80).optional(),
  abbDays: z.enum(ABB_DAY_SETS).optional(),
  partialMonths: z.enum(PARTIAL_MONTH_RULES).optional(),
  cashDepositsEligible: z.boolean().optional(),
  foirLimit: z
    .number()
    .gt(0, 'a fraction above 0 (0.5 is 50%)')
    .max(1, 'a fraction at most 1 (0.5 is 50%)')
    .optional(),
  foirIncomeBasis: z.enum(FOIR_INCOME_BASES).optional(),
});
export type CreditPolicyInput = z.infer<typeof creditPolicySchema>;
