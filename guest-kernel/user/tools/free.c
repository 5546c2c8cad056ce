/* free: memory in kB from /proc/meminfo, in procps' layout. Used is what
 * is not available, as procps 4 counts it; the kernel keeps no shared
 * memory and no page cache, so those columns are 0. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of a "Name: N kB" line, or 0 if there is none. */
static unsigned long field(const char *text, const char *name)
{
	const char *line = strstr(text, name);

	return line ? strtoul(line + strlen(name), NULL, 10) : 0;
}

int main(void)
{
	char text[2048];
	FILE *f = fopen("/proc/meminfo", "r");
	size_t n = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
	unsigned long total, free, available, swap_total, swap_free;

	if (!n) {
		perror("free: /proc/meminfo");
		return 1;
	}
	fclose(f);
	text[n] = '\0';
	total = field(text, "MemTotal:");
	free = field(text, "MemFree:");
	available = field(text, "MemAvailable:");
	swap_total = field(text, "SwapTotal:");
	swap_free = field(text, "SwapFree:");
	printf("               total        used        free      shared  buff/cache   available\n");
	printf("%-8s%12lu%12lu%12lu%12lu%12lu%12lu\n", "Mem:", total, total - available, free, 0UL,
	       0UL, available);
	printf("%-8s%12lu%12lu%12lu\n", "Swap:", swap_total, swap_total - swap_free, swap_free);
	return 0;
}
