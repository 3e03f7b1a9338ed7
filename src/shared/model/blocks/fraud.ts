// The `fraud` block: fraudulent statements and fraud items, by transaction hash.
import { jsonPath } from '../../api/json-path';
import { isRecord } from '../read-values';
import type { Json } from '../read-values';
import { keepOther } from './context';
import type { Path, BlockContext } from './context';

export interface FraudRead {
  readonly statements: string[];
  readonly items: Json[];
  readonly itemPaths: Path[];
}

/** `{fraudulent_statements, fraud_type: [...]}` (subscribed_data) or a list of items (insights). */
export function readFraud(value: unknown, path: Path, ctx: BlockContext): FraudRead {
  const out: FraudRead = { statements: [], items: [], itemPaths: [] };
  if (value === null || value === undefined) return out;
  let list: unknown = value;
  let listPath: Path = path;
  if (isRecord(value)) {
    const flagged = value['fraudulent_statements'];
    if (Array.isArray(flagged)) {
      flagged.forEach((s, i) => {
        if (typeof s === 'string') out.statements.push(s);
        else
          ctx.setAside.add(
            jsonPath([...path, 'fraudulent_statements', i]),
            s,
            'expected a statement id',
          );
      });
    } else if (flagged !== null && flagged !== undefined) {
      ctx.setAside.add(
        jsonPath([...path, 'fraudulent_statements']),
        flagged,
        'expected a list of statement ids',
      );
    }
    list = value['fraud_type'] ?? [];
    listPath = [...path, 'fraud_type'];
    for (const key of Object.keys(value)) {
      if (key !== 'fraudulent_statements' && key !== 'fraud_type')
        keepOther(ctx, [...path, key], value[key]);
    }
  }
  if (!Array.isArray(list)) {
    ctx.setAside.add(jsonPath(listPath), list, 'expected a list of fraud items');
    return out;
  }
  list.forEach((item, i) => {
    if (isRecord(item) && typeof item['fraud_type'] === 'string' && item['fraud_type'] !== '') {
      out.items.push(item);
      out.itemPaths.push([...listPath, i]);
    } else {
      ctx.setAside.add(jsonPath([...listPath, i]), item, 'expected a fraud item with a fraud_type');
    }
  });
  return out;
}
