import { describe, expect, it } from 'vitest';
import {
  fraudExplanation,
  fraudTypeLabel,
  isKnownFraudType,
} from '../../../src/shared/format/fraud-types';
import { isCountMetric, metricLabel } from '../../../src/shared/format/metric-labels';
import {
  formatCount,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatValue,
  maskedNumber,
  plural,
} from '../../../src/shared/format/value';

describe('formatPercent', () => {
  it('states a share as a percentage to a tenth', () => {
    // 0.5 = 50%; 0.625 = 62.5%; 0.3333 = 33.33%, 33.3 to the tenth; 1 = 100%.
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.625)).toBe('62.5%');
    expect(formatPercent(0.3333)).toBe('33.3%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('formatSeconds', () => {
  it('says a wait to a tenth of a second, without a trailing .0', () => {
    // 2,500 ms = 2.5 s; 30,000 ms = 30 s; 6,049 ms = 6.049 s, 6.0 to the tenth; 250 ms = 0.3 s.
    expect(formatSeconds(2500)).toBe('2.5 s');
    expect(formatSeconds(30_000)).toBe('30 s');
    expect(formatSeconds(6049)).toBe('6 s');
    expect(formatSeconds(250)).toBe('0.3 s');
  });
});

describe('formatValue', () => {
  it('never shows undefined, null or NaN', () => {
    for (const v of [null, undefined, Number.NaN, Infinity, '', '   ']) {
      expect(formatValue(v)).toBe('—');
    }
  });

  it('groups numbers the Indian way, counts without decimals', () => {
    expect(formatNumber(1234567.891)).toBe('12,34,567.89');
    expect(formatNumber(1234567)).toBe('12,34,567');
    expect(formatNumber(-0.5)).toBe('-0.50');
    expect(formatCount(200000)).toBe('2,00,000');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue('<b>text</b>')).toBe('<b>text</b>');
  });

  it('masks all but the last four digits, and pluralises', () => {
    expect(maskedNumber('3055870344')).toBe('XXXXXX0344');
    expect(maskedNumber('50100199733559')).toBe('XXXXXXXX3559');
    expect(maskedNumber('123')).toBe('123');
    expect(maskedNumber(null)).toBe('—');
    expect(plural(1, 'credit')).toBe('1 credit');
    expect(plural(1200, 'credit')).toBe('1,200 credits');
  });
});

describe('metric labels', () => {
  it('labels known names and families, and keeps unknown keys raw', () => {
    expect(metricLabel('opening_balance')).toBe('Opening balance');
    expect(metricLabel('eod_bal_on_05')).toBe('EOD balance on day 5');
    expect(metricLabel('amt_cash_withdrawl_debit')).toBe('Cash withdrawal debits: amount');
    expect(metricLabel('cnt_upi_credit')).toBe('UPI credits: count');
    expect(metricLabel('some_new_metric')).toBe('some_new_metric');
  });

  it('tells counts from money', () => {
    expect(isCountMetric('cnt_credit')).toBe(true);
    expect(isCountMetric('cnt_inward_cheque_bounce_insuff_funds')).toBe(true);
    expect(isCountMetric('overdrawn_days')).toBe(true);
    expect(isCountMetric('amt_credit')).toBe(false);
    expect(isCountMetric('closing_balance')).toBe(false);
    expect(isCountMetric('total_credit')).toBe(false);
  });
});

describe('fraud types', () => {
  it('explains the known types and still names unknown ones', () => {
    expect(isKnownFraudType('inconsistent_transaction')).toBe(true);
    expect(fraudExplanation('inconsistent_transaction')).toContain('previous balance');
    expect(isKnownFraudType('brand_new_check')).toBe(false);
    expect(fraudExplanation('brand_new_check')).toContain('no description');
    expect(fraudTypeLabel('author_fraud')).toBe('Author fraud');
    expect(fraudTypeLabel('min_rtgs_amount')).toBe('Minimum RTGS amount');
    expect(fraudTypeLabel('cash_deposit_bank_holiday_transaction')).toBe(
      'Cash deposit bank holiday transaction',
    );
    expect(fraudTypeLabel('')).toBe('—');
  });
});
