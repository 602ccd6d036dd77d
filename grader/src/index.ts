// The grader's public entry points are exported here as they land (sandbox, checks, CLI).
export {};
