// Banks by their proper names, from FinBox's codes and from the capitals statements use.
import { describe, expect, it } from 'vitest';
import { bankName } from '../../../src/shared/format/bank-names';
import { parseSessionData } from '../../../src/shared/api/parse';
import { normalizeSession } from '../../../src/shared/model/normalize';
import { generateSession } from '../../../src/sandbox/generator';
import { DEMO_BUSINESS_PLAN } from '../../../src/sandbox/sessions';

describe('bankName', () => {
  it.each([
    ['icici', 'ICICI Bank'],
    ['ICICI BANK', 'ICICI Bank'],
    ['STATE BANK OF INDIA', 'State Bank of India'],
    ['HDFC BANK LTD.', 'HDFC Bank'],
    ['The Federal Bank Limited', 'Federal Bank'],
    ['AXIS', 'Axis Bank'],
    ['kotak mahindra bank', 'Kotak Mahindra Bank'],
  ])('%s -> %s', (sent, shown) => expect(bankName(sent)).toBe(shown));

  it('an unknown bank shows as sent (a short code in capitals), never blank', () => {
    expect(bankName('xyzcoop')).toBe('XYZCOOP');
    expect(bankName('Shree Co-operative Bank of Anand')).toBe('Shree Co-operative Bank of Anand');
    expect(bankName('  ')).toBeNull();
  });

  it("demo-business's accounts read ICICI Bank and State Bank of India", () => {
    const view = normalizeSession(parseSessionData(generateSession(DEMO_BUSINESS_PLAN).subscribed));
    expect(view.accounts.map((a) => bankName(a.details.bank))).toEqual([
      'ICICI Bank',
      'State Bank of India',
    ]);
  });
});
