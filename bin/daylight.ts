#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
// The `daylight` command: `npx daylight --help`.
import '../src/cli/main.ts';
