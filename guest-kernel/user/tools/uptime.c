/* uptime: the time now (UTC: there are no time zones) and how long the
 * system has been up, from /proc/uptime, as procps words them. Users and
 * load averages are not kept, so the line ends there. */
#include <stdio.h>
#include <time.h>

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

int main(void)
{
	FILE *f = fopen("/proc/uptime", "r");
	time_t now = time(NULL);
	const struct tm *tm = gmtime(&now);
	unsigned long up, days, hours, minutes;

	if (!f || fscanf(f, "%lu", &up) != 1) {
		perror("uptime: /proc/uptime");
		return 1;
	}
	fclose(f);
	days = up / DAY;
	hours = up % DAY / HOUR;
	minutes = up % HOUR / MINUTE;
	printf(" %02d:%02d:%02d up ", tm->tm_hour, tm->tm_min, tm->tm_sec);
	if (days)
		printf("%lu day%s, ", days, days == 1 ? "" : "s");
	if (hours)
		printf("%2lu:%02lu\n", hours, minutes);
	else
		printf("%lu min\n", minutes);
	return 0;
}
