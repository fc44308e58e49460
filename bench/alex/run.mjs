// Reads JSON lines ({"id", "text"}) on standard input; prints one JSON line per message with
// the rules alex flagged in it. Used by bench/checker_eval.py to compare the word check with alex.
import {createInterface} from 'node:readline'
import {text} from 'alex'

const lines = createInterface({input: process.stdin})
for await (const line of lines) {
  if (!line.trim()) continue
  const message = JSON.parse(line)
  const found = text(message.text).messages.map((m) => m.ruleId || m.source)
  process.stdout.write(JSON.stringify({id: message.id, rules: found}) + '\n')
}
