// Narrations in the styles Indian banks print: UPI-, NEFT, IMPS, RTGS, ACH/NACH, cheques,
// ATM, POS, cash, salary, EMI, returns and their charges. Each builder answers the
// transaction's fields except date, balance, hash and statement.
import { ATM_PLACES, BANKS, CUSTOMERS, MERCHANTS, PEOPLE, SUPPLIERS } from './names';
import type { Random } from './random';
import type { TxnFields } from './transaction-record';

function ifsc(random: Random): string {
  return `${random.pick(BANKS).ifscPrefix}${random.digits(6)}`;
}

function mobile(random: Random): string {
  return `${random.pick(['9', '8', '7'])}${random.digits(9)}`;
}

export function upiFromPerson(random: Random, amountPaise: number): TxnFields {
  const person = random.pick(PEOPLE);
  const vpa = `${mobile(random)}@${random.pick(['ybl', 'okicici', 'paytm', 'oksbi'])}`;
  const ref = random.digits(12);
  return {
    type: 'credit',
    narration: `UPI-${person}-${vpa}-${ifsc(random)}-${ref}-PAYMENT FROM PHONE`,
    amountPaise,
    channel: 'upi',
    description: `Transfer from ${person}`,
    category: 'Transfer in',
    ref,
    counterparty: person,
    counterpartyUpi: vpa,
  };
}

export function upiToPerson(random: Random, amountPaise: number): TxnFields {
  const person = random.pick(PEOPLE);
  const vpa = `${mobile(random)}@${random.pick(['ybl', 'okaxis', 'paytm'])}`;
  const ref = random.digits(12);
  return {
    type: 'debit',
    narration: `UPI-${person}-${vpa}-${ifsc(random)}-${ref}-SENT USING UPI`,
    amountPaise,
    channel: 'upi',
    description: `Transfer to ${person}`,
    category: 'Transfer out',
    ref,
    counterparty: person,
    counterpartyUpi: vpa,
  };
}

export function upiToMerchant(random: Random, amountPaise: number): TxnFields {
  const merchant = random.pick(MERCHANTS);
  const ref = random.digits(12);
  return {
    type: 'debit',
    narration: `UPI-${merchant.name}-${merchant.vpa}-${ifsc(random)}-${ref}-UPI`,
    amountPaise,
    channel: 'upi',
    description: '',
    category: merchant.category,
    ref,
    merchantName: merchant.name,
    counterpartyUpi: merchant.vpa,
  };
}

export function posPurchase(random: Random, amountPaise: number): TxnFields {
  const merchant = random.pick(MERCHANTS);
  return {
    type: 'debit',
    narration: `POS ${random.digits(6)}XXXXXX${random.digits(4)} ${merchant.name}`,
    amountPaise,
    channel: 'debit_card',
    description: '',
    category: merchant.category,
    merchantName: merchant.name,
  };
}

export function atmWithdrawal(random: Random, amountPaise: number): TxnFields {
  const rounded = Math.max(100, Math.round(amountPaise / 50000)) * 50000;
  return {
    type: 'debit',
    narration: `ATW-${random.digits(6)}XXXXXX${random.digits(4)}-S1AW${random.digits(4)}-${random.pick(ATM_PLACES)}`,
    amountPaise: rounded,
    channel: 'cash_withdrawal',
    description: 'cash_withdrawal',
    category: 'Cash Withdrawal',
  };
}

export function cashDeposit(random: Random, amountPaise: number): TxnFields {
  return {
    type: 'credit',
    narration: `BY CASH DEPOSIT - ${random.pick(ATM_PLACES)} BRANCH`,
    amountPaise: Math.round(amountPaise / 10000) * 10000 || 10000,
    channel: 'cash_deposit',
    description: 'cash_deposit',
    category: 'Cash Deposit',
  };
}

/** NEFT/IMPS (RTGS from 2 lakh): receipts from customers, payments to suppliers. */
function bankTransfer(random: Random, amountPaise: number, type: 'credit' | 'debit'): TxnFields {
  const credit = type === 'credit';
  const party = random.pick(credit ? CUSTOMERS : SUPPLIERS);
  const rail = amountPaise >= 20000000 ? 'RTGS' : random.pick(['NEFT', 'IMPS']);
  const ref = credit
    ? `${random.pick(['N', 'CMS', 'UTIBR'])}${random.digits(12)}`
    : `${random.pick(['HDFCN', 'ICICR', 'SBIN'])}${random.digits(11)}`;
  return {
    type,
    narration: `${rail} ${credit ? 'CR' : 'DR'}-${ifsc(random)}-${party}-${ref}`,
    amountPaise,
    channel: 'net_banking_transfer',
    description: `Transfer ${credit ? 'from' : 'to'} ${party}`,
    category: credit ? 'Business Receipts' : 'Supplier Payments',
    ref,
    counterparty: party,
  };
}

export function neftFromCustomer(random: Random, amountPaise: number): TxnFields {
  return bankTransfer(random, amountPaise, 'credit');
}

export function neftToSupplier(random: Random, amountPaise: number): TxnFields {
  return bankTransfer(random, amountPaise, 'debit');
}

export function chequeDeposit(random: Random, amountPaise: number): TxnFields {
  const customer = random.pick(CUSTOMERS);
  const ref = random.digits(6);
  return {
    type: 'credit',
    narration: `CLG CHQ DEP ${ref} ${customer} CTS`,
    amountPaise,
    channel: 'chq',
    description: `Cheque from ${customer}`,
    category: 'Business Receipts',
    ref,
    counterparty: customer,
  };
}

export function chequeIssued(random: Random, amountPaise: number, payee?: string): TxnFields {
  const to = payee ?? random.pick(SUPPLIERS);
  const ref = random.digits(6);
  return {
    type: 'debit',
    narration: `CHQ PAID-MICR CTS-${ref}-${to}`,
    amountPaise,
    channel: 'chq',
    description: `Cheque to ${to}`,
    category: 'Supplier Payments',
    ref,
    counterparty: to,
  };
}

export function bankCharge(random: Random, amountPaise: number, what: string): TxnFields {
  return {
    type: 'debit',
    narration: `${what} CHGS INCL GST ${random.digits(6)}`,
    amountPaise,
    channel: 'bank_charge',
    description: 'bank_charge',
    category: 'Bank Charges',
  };
}

export function salaryCredit(
  employer: string,
  amountPaise: number,
  monthLabel: string,
  ref: string,
): TxnFields {
  return {
    type: 'credit',
    narration: `NEFT CR-${employer.slice(0, 4).toUpperCase()}0000001-${employer}-SALARY ${monthLabel}-${ref}`,
    amountPaise,
    channel: 'salary',
    description: 'salary',
    category: 'Salary',
    ref,
    counterparty: employer,
  };
}

export function emiDebit(lender: string, loanNo: string, amountPaise: number): TxnFields {
  return {
    type: 'debit',
    narration: `ACH D- ${lender}-${loanNo}`,
    amountPaise,
    channel: 'auto_debit_payment',
    description: 'emi',
    category: 'Loan EMI',
    ref: loanNo,
    counterparty: lender,
  };
}

export function emiReturn(lender: string, loanNo: string, amountPaise: number): TxnFields {
  return {
    type: 'credit',
    narration: `ACH D- RTN ${lender}-${loanNo} INSUFFICIENT BALANCE`,
    amountPaise,
    channel: 'auto_debit_payment_bounce',
    description: 'auto_debit_payment_bounce',
    category: 'Bounce',
    ref: loanNo,
    counterparty: lender,
  };
}

export function chequeReturn(chequeNo: string, payee: string, amountPaise: number): TxnFields {
  return {
    type: 'credit',
    narration: `CHQ RET-${chequeNo}-${payee}-INSUFF FUNDS`,
    amountPaise,
    channel: 'inward_cheque_bounce',
    description: 'chq_bounce_insuff_funds',
    category: 'Bounce',
    ref: chequeNo,
    counterparty: payee,
  };
}

export function returnCharge(what: string, ref: string, amountPaise: number): TxnFields {
  return {
    type: 'debit',
    narration: `${what} RTN CHGS ${ref} INCL GST`,
    amountPaise,
    channel: 'bank_charge',
    description: 'penalty_charge',
    category: 'Bank Charges',
    ref,
  };
}

export function loanDisbursal(lender: string, loanNo: string, amountPaise: number): TxnFields {
  return {
    type: 'credit',
    narration: `NEFT CR-${lender.slice(0, 4).toUpperCase()}0000002-${lender}-LOAN DISB ${loanNo}`,
    amountPaise,
    channel: 'net_banking_transfer',
    description: 'loan',
    category: 'Loan Credit',
    ref: loanNo,
    counterparty: lender,
  };
}

/** A transfer between two accounts of the session's holder, seen from one side. */
function ownTransfer(
  type: 'debit' | 'credit',
  otherAccountNumber: string,
  holder: string,
  amountPaise: number,
  ref: string,
): TxnFields {
  const [rail, direction] = type === 'debit' ? ['DR', 'TO'] : ['CR', 'FROM'];
  return {
    type,
    narration: `NEFT ${rail}-${holder}-TRF ${direction} OWN A/C XX${otherAccountNumber.slice(-4)}-${ref}`,
    amountPaise,
    channel: 'net_banking_transfer',
    description: 'self_transfer',
    category: 'Self Transfer',
    ref,
    counterparty: holder,
  };
}

export function ownTransferOut(
  toAccountNumber: string,
  holder: string,
  amountPaise: number,
  ref: string,
): TxnFields {
  return ownTransfer('debit', toAccountNumber, holder, amountPaise, ref);
}

export function ownTransferIn(
  fromAccountNumber: string,
  holder: string,
  amountPaise: number,
  ref: string,
): TxnFields {
  return ownTransfer('credit', fromAccountNumber, holder, amountPaise, ref);
}
