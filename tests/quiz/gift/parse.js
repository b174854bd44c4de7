// Parse a GIFT file with gift-pegjs and print the questions as JSON (tests/test_quiz_export.py)
const fs = require("fs");
const { parse } = require("gift-pegjs");
const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  process.stderr.write(`${error.message} (line ${error.location ? error.location.start.line : "?"})\n`);
  process.exit(1);
}
