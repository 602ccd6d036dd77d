// category: infinite loop
// expect: timeout
// message: time limit exceeded: the module
for (;;) {}
export function run() {}
