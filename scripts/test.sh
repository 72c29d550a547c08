#!/usr/bin/env bash
# The whole suite, in order of cost: lint, training data, unit/integration tests, test stories,
# end-to-end tests against the real servers. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
source var/test-services/env

echo "== ruff"
"$bin/ruff" check .
"$bin/ruff" format --check bot actions tests bench

echo "== import contracts (pyproject.toml [tool.importlinter])"
"$bin/lint-imports" --no-cache >var/import-contracts.log 2>&1 \
  || { cat var/import-contracts.log; exit 1; }
grep -E "^Contracts:" var/import-contracts.log

echo "== model (trained only if its inputs changed)"
"$bin/worklocal" train

echo "== rasa data validate"
# Every warning fails the run, except responses that only the assessment form (utter_ask_*),
# action_explain_why (utter_why_*), Rasa's default fallback
# (utter_default) and the custom actions (named in actions/*.py) use: the validator cannot see
# that. ``discouraged`` has no examples on purpose: only the gateway sends it
# (bot.safety.discouraged), so the model never guesses it for a message that also asks for
# something.
"$bin/python" -m rasa data validate --domain domain.yml --data data \
  --config config.yml >var/validate.log 2>&1 || { cat var/validate.log; exit 1; }
by_actions="$(grep -ohE '"utter_[a-z_]+"' actions/*.py | tr -d '"' | sort -u | paste -sd'|')"
if grep -E "UserWarning|ERROR" var/validate.log \
  | grep -vE "The utterance '(utter_ask_[a-z_]+|utter_why_[a-z_]+|utter_default|$by_actions)' is not used" \
  | grep -vF "The intent 'discouraged' is listed in the domain file, but is not found in the NLU"; then
  echo "rasa data validate warned (above)"; exit 1
fi
echo "training data and domain are consistent"

echo "== test stories"
model="$("$bin/python" -c 'from bot.assistant.training import model_path; from bot.config import get_settings; print(model_path(get_settings().models_dir))')"
rm -rf var/story-results
"$bin/python" -m rasa test core --model "$model" --stories tests/stories \
  --out var/story-results --fail-on-prediction-errors >var/story-test.log 2>&1 \
  || { tail -60 var/story-test.log; cat var/story-results/failed_test_stories.yml 2>/dev/null; exit 1; }
grep -E "Correct:|Accuracy:" var/story-test.log | head -4 || true

echo "== widget unit tests (Node's own test runner)"
node --test tests/widget/

echo "== pytest"
"$bin/python" -m pytest "$@"

# Stock Rasa must work too: the conversation tests again with the Rasa patches off
# (bot/assistant/patches.py), so both the patched and the stock paths are known to work.
if [ $# -eq 0 ]; then
  echo "== conversations on stock Rasa (WORKLOCAL_RASA_PATCHES=off)"
  WORKLOCAL_RASA_PATCHES=off "$bin/python" -m pytest -q -p no:cacheprovider \
    tests/e2e/test_residents.py tests/e2e/test_gateway.py >var/stock-rasa.log 2>&1 \
    || { tail -n 120 var/stock-rasa.log; exit 1; }
  tail -n 1 var/stock-rasa.log
fi

# The tests whose answers turn on the date (free times, opening hours, reminders, waits,
# retention) again at moments that have broken such code: a weekday, a Saturday night, a bank
# holiday, both clock changes (01:00 UTC is when the clocks go forward or back), the last minutes
# of a year. Skipped when arguments narrow the run (the inner loop).
if [ $# -eq 0 ]; then
  echo "== date-proof: the clock-sensitive tests at other moments"
  for at in 2027-01-13T10:15:00Z 2026-12-05T23:30:00Z 2026-12-25T09:30:00Z \
            2027-03-28T00:45:00Z 2026-10-25T00:45:00Z 2026-12-31T23:50:00Z; do
    echo "-- at $at"
    WORKLOCAL_TEST_AT="$at" "$bin/python" -m pytest -q -p no:cacheprovider -m "not e2e" \
      tests/booking tests/handoff tests/unit/test_booking_availability.py tests/unit/test_clock.py \
      tests/actions/test_booking_actions.py tests/actions/test_manage_booking_actions.py \
      tests/actions/test_handoff_actions.py tests/db/test_conversation_service.py \
      >var/date-proof.log 2>&1 || { tail -n 120 var/date-proof.log; exit 1; }
    tail -n 1 var/date-proof.log
  done
fi
