// A key read from the API is data. Plain assignment of a "__proto__" key sets the object's
// prototype instead of a field, so the field is lost and the object inherits its value;
// defining it keeps it an own field like any other, as JSON.parse does.
export function setOwnField(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}
