// The benchmark's no-op content script: Chrome still makes an isolated world and runs this in every
// LinkedIn frame, which is what any extension's content script costs before it does anything.
