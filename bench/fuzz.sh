#!/usr/bin/env bash
# Fuzzes each parser with Jazzer for a bounded time (the fuzz tests of docs/OPERATIONS.md, "Fuzzing").
# Every build replays the inputs kept in src/test/resources/**/<Class>Inputs/<method>/; this runs the
# fuzzer itself. A failing input is written there as crash-<hash> and fails the run: fix the bug,
# keep the input (it is then replayed by every build). What the fuzzer learns is kept in
# .cifuzz-corpus/ (ignored by git) for the next run.
#
#   bench/fuzz.sh [DURATION] [Class#method ...]     # DURATION per method, 2m unless given
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-2m}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
	TARGETS=(
		CreditCodeFuzzTests#anyTextIsCheckedWithoutThrowingAndAComputedCodeRoundTrips
		TabularFileCsvFuzzTests#anyBytesAreReadAsRowsOrRefusedAsInvalidInput
		CalendarFileIcsFuzzTests#anyBytesGiveDaysOrProblemsNeverAnException
		CaseRequestsFuzzTests#aFilingIsRefusedAsTheApiRefusesOrBecomesANewCase
		CaseRequestsFuzzTests#aStepIsRefusedAsTheApiRefusesOrBecomesAStepInput
		CaseRequestsFuzzTests#aVisitAskedForIsRefusedAsTheApiRefusesOrBecomesANewCase
	)
fi
failed=0
for target in "${TARGETS[@]}"; do
	echo "fuzzing $target for $DURATION"
	JAZZER_FUZZ=1 ./mvnw -q -B -ntp test -Djazzer.hooks=true -Djazzer.max_duration="$DURATION" \
		-Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -Dqiqing.test.pg.skip=true -Djacoco.skip=true \
		|| { echo "FINDING in $target: see target/surefire-reports and the crash-* input it wrote"; failed=1; }
done
exit $failed
