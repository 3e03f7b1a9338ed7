// Word lists for Indian-looking statements. Invented names; any likeness is chance.

export const PEOPLE = [
  'RAHUL SHARMA',
  'PRIYA NAIR',
  'ANIL KUMAR',
  'SUNITA DEVI',
  'MOHAMMED IRFAN',
  'KAVYA REDDY',
  'AMIT PATEL',
  'DEEPA IYER',
  'SURESH YADAV',
  'NEHA GUPTA',
  'VIKRAM SINGH',
  'LAKSHMI RAO',
  'ARJUN MEHTA',
  'FATIMA SHAIKH',
  'RAVI TEJA',
  'POOJA JOSHI',
  'KARAN MALHOTRA',
  'ANJALI DAS',
];

export const MERCHANTS = [
  { name: 'SWIGGY', vpa: 'swiggy@icici', category: 'Food' },
  { name: 'ZOMATO', vpa: 'zomato@hdfcbank', category: 'Food' },
  { name: 'BIGBASKET', vpa: 'bigbasket@axisbank', category: 'Groceries' },
  { name: 'DMART', vpa: 'dmart.pay@ybl', category: 'Groceries' },
  { name: 'INDIAN OIL', vpa: 'iocl.fuel@sbi', category: 'Fuel' },
  { name: 'BHARAT PETROLEUM', vpa: 'bpcl@okaxis', category: 'Fuel' },
  { name: 'AMAZON PAY', vpa: 'amazonpay@apl', category: 'Shopping' },
  { name: 'FLIPKART', vpa: 'flipkart@axl', category: 'Shopping' },
  { name: 'JIO RECHARGE', vpa: 'jio@sbi', category: 'Utilities' },
  { name: 'BESCOM', vpa: 'bescom@hdfcbank', category: 'Utilities' },
  { name: 'APOLLO PHARMACY', vpa: 'apollo@icici', category: 'Medical' },
  { name: 'RAPIDO', vpa: 'rapido@paytm', category: 'Travel' },
  { name: 'IRCTC', vpa: 'irctc@sbi', category: 'Travel' },
] as const;

export const SUPPLIERS = [
  'SHIVA AGRO INDUSTRIES',
  'AGGARWAL TRADERS',
  'RAJA RICE MILLS',
  'GANESH STEELS',
  'SRI BALAJI ENTERPRISES',
  'KRISHNA LOGISTICS',
  'MAHALAXMI TEXTILES',
  'NATIONAL PACKAGING',
];

export const CUSTOMERS = [
  'METRO CASH AND CARRY',
  'RELIANCE RETAIL LTD',
  'SPENCERS RETAIL',
  'VIJAY SALES',
  'MORE SUPERMARKETS',
  'STAR BAZAAR',
  'NILGIRIS DAIRY',
  'APNA BAZAR',
];

export const BANKS = [
  { bank: 'hdfc', ifscPrefix: 'HDFC0', name: 'HDFC BANK' },
  { bank: 'icici', ifscPrefix: 'ICIC0', name: 'ICICI BANK' },
  { bank: 'sbi', ifscPrefix: 'SBIN0', name: 'STATE BANK OF INDIA' },
  { bank: 'axis', ifscPrefix: 'UTIB0', name: 'AXIS BANK' },
  { bank: 'kotak', ifscPrefix: 'KKBK0', name: 'KOTAK MAHINDRA BANK' },
] as const;

export const ATM_PLACES = [
  'MG ROAD BLR',
  'ANDHERI E MUM',
  'T NAGAR CHN',
  'SECTOR 18 NOIDA',
  'BANJARA HILLS HYD',
];
