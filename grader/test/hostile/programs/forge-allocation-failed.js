// category: forged status (a thrown RangeError that reads like a failed allocation)
// expect: runtime_error
// message: ^RangeError: Array buffer allocation failed
export function run() {
  throw new RangeError('Array buffer allocation failed');
}
