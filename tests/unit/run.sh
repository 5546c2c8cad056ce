#!/bin/bash
# Runs the Check unit test binaries given and adds up Check's counts. The
# last line is "N passed, N failed"; the status is 1 if anything failed,
# including a binary that died before Check could print its summary.
set -u

passed=0
failed=0
summary_re='Checks: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+)'

for test in "$@"; do
	output=$("$test" 2>&1)
	status=$?
	[[ -n $output ]] && printf '%s\n' "$output"
	if [[ $output =~ $summary_re ]]; then
		bad=$((BASH_REMATCH[2] + BASH_REMATCH[3]))
		passed=$((passed + BASH_REMATCH[1] - bad))
		failed=$((failed + bad))
	else
		bad=0
	fi
	# A crash or an exit without Check's verdict still counts as a failure.
	if ((status != 0 && bad == 0)); then
		echo "FAIL: $test exited with status $status"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
((failed == 0))
