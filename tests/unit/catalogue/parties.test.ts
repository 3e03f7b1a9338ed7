import { describe, expect, it } from 'vitest';
import {
  accountKey,
  accountNumbersIn,
  ifscsIn,
  partiesOf,
  upiHandlesIn,
  upiKey,
} from '../../../src/shared/catalogue/parties';
import { normalizeSession } from '../../../src/shared/model/normalize';
import reference from '../../../src/sandbox/data/reference-subscribed-data.json';
import { Random } from '../../../src/sandbox/random';
import * as narrate from '../../../src/sandbox/narrations';
import { MERCHANTS } from '../../../src/sandbox/names';

describe('UPI handles, IFSCs and account numbers in narrations', () => {
  it('reads them from the reference data as printed', () => {
    const upi =
      'UPI-LEELA SANKAR PRASAD -9160751095@YBL- ICIC0000598-329849477602-PAYMENT FROM PH ONE';
    expect(upiHandlesIn(upi)).toEqual(['9160751095@ybl']);
    expect(ifscsIn(upi)).toEqual(['ICIC0000598']);
    expect(accountNumbersIn(upi)).toEqual([]); // the UPI reference is no account number
    expect(accountNumbersIn('23/10/23 TO TRF. PC SMS CHARGES GST S TRF TO 60124003651')).toEqual([
      '60124003651',
    ]);
    expect(accountNumbersIn('23/10/23 BY TRF. IMPS TRF FROM 51190049822')).toEqual(['51190049822']);
    // A NEFT reference that starts like an IFSC is not one (its fifth letter is no 0).
    expect(ifscsIn('31/10/23 NEFT Rahul batra CBINI23304008785 TRF TO 59466026840')).toEqual([]);
    expect(
      accountNumbersIn('31/10/23 NEFT Rahul batra CBINI23304008785 TRF TO 59466026840'),
    ).toEqual(['59466026840']);
  });

  it('SBI, ICICI and HDFC styles; e-mail addresses and masked numbers are not taken', () => {
    expect(upiHandlesIn('UPI/DR/329811112222/RAHUL/YESB/rahul.s_92@okaxis/UPI')).toEqual([
      'rahul.s_92@okaxis',
    ]);
    expect(upiHandlesIn('UPI-SWIGGY-swiggy@icici-ICIC0000103-312345678901-UPI')).toEqual([
      'swiggy@icici',
    ]);
    expect(upiHandlesIn('NEFT CR-REFUND billing@amazon.in')).toEqual([]);
    expect(accountNumbersIn('NEFT DR-RAVI-TRF TO OWN A/C XX1234-N12345')).toEqual([]);
    expect(accountNumbersIn('FUNDS TRF FROM A/C NO. 000123456789 RAVI')).toEqual(['123456789']);
    expect(accountKey('0001 2345 6789')).toBe('123456789');
    expect(accountKey('XXXXXXXX7890')).toBeNull();
    expect(upiKey(' Dmart.Pay@YBL ')).toBe('dmart.pay@ybl');
    expect(upiKey('pay dmart.pay@ybl')).toBeNull();
  });

  it('every sandbox UPI narration gives its handle, every bank transfer its IFSC', () => {
    const random = new Random('parties');
    for (let i = 0; i < 200; i++) {
      const person = narrate.upiFromPerson(random, 10_000);
      expect(upiHandlesIn(person.narration)).toEqual([person.counterpartyUpi!.toLowerCase()]);
      const merchant = narrate.upiToMerchant(random, 10_000);
      expect(MERCHANTS.map((m) => m.vpa)).toContain(upiHandlesIn(merchant.narration)[0]);
      const neft = narrate.neftFromCustomer(random, 10_000);
      expect(ifscsIn(neft.narration)).toHaveLength(1);
    }
  });
});

describe('partiesOf a transaction', () => {
  const view = normalizeSession(reference, null);
  const all = view.accounts.flatMap((a) => a.transactions);

  it('the name Insights groups by, the handle, the IFSC and the account number', () => {
    const upi = all.find((t) => t.narration.startsWith('UPI-'))!;
    expect(partiesOf(upi)).toEqual(
      expect.arrayContaining([
        { kind: 'name', key: 'LEELA SANKAR PRASAD', label: 'LEELA SANKAR PRASAD' },
        { kind: 'upi', key: '9160751095@ybl', label: '9160751095@ybl' },
        { kind: 'ifsc', key: 'ICIC0000598', label: 'ICIC0000598' },
      ]),
    );
    const imps = all.find((t) => t.narration.includes('IMPS TRF FROM'))!;
    const kinds = partiesOf(imps).map((p) => `${p.kind}:${p.key}`);
    expect(kinds).toContain('account:51190049822');
    expect(kinds).not.toContain('name:AC 51190049822');
  });

  it('enrichment fields count, each (kind, key) once', () => {
    const upi = all.find((t) => t.narration.startsWith('UPI-'))!;
    const enriched = {
      ...upi,
      extra: {
        ...upi.extra,
        creditor_upi_handle: '9160751095@YBL',
        creditor_ifsc: 'icic0000598',
        reciever_account_number: '0050100199733559',
      },
    };
    const parties = partiesOf(enriched);
    expect(parties.filter((p) => p.kind === 'upi')).toHaveLength(1);
    expect(parties.filter((p) => p.kind === 'ifsc')).toHaveLength(1);
    expect(parties).toContainEqual({
      kind: 'account',
      key: '50100199733559',
      label: '0050100199733559',
    });
  });
});
