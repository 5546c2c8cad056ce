/* Why an operation cannot be measured, for a bench_op's prepare(). */
#include "pv.h"
#include "test.h"
#include "traps.h"

static char reason[160];

const char *why(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return reason;
}

const char *exception_reason(const char *what)
{
	if (!exception_seen.count)
		return NULL;
	return why("%s raised vector %lu in the guest kernel", what, exception_seen.vector);
}
