// category: forged status (a thrown error that reads like isolated-vm's timeout)
// expect: runtime_error
// message: ^Error: Script execution timed out\.
export function run() {
  throw new Error('Script execution timed out.');
}
