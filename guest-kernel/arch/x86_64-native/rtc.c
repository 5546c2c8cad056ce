/*
 * The time of day from the CMOS real-time clock, read once at boot: it
 * counts whole seconds, and the TSC carries the time on from there.
 */
#include "cpu.h"
#include "lib.h"
#include "native.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_UPDATING 0x80
#define RTC_BINARY 0x04
#define RTC_24H 0x02
#define RTC_PM 0x80

enum { SEC, MIN, HOUR, DAY, MONTH, YEAR, NR_FIELDS };

static const uint8_t field_reg[NR_FIELDS] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned decode(uint8_t v, bool binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 15);
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static uint64_t days_since_epoch(unsigned y, unsigned m, unsigned d)
{
	unsigned era, yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (uint64_t)era * 146097 + doe - 719468;
}

/* The clock may tick between two registers: read until two reads agree. */
static void read_fields(uint8_t f[NR_FIELDS])
{
	uint8_t prev[NR_FIELDS];

	memset(prev, 0xff, sizeof(prev));
	for (;;) {
		while (cmos(RTC_STATUS_A) & RTC_UPDATING)
			;
		for (unsigned i = 0; i < NR_FIELDS; i++)
			f[i] = cmos(field_reg[i]);
		if (!memcmp(f, prev, NR_FIELDS))
			return;
		memcpy(prev, f, NR_FIELDS);
	}
}

/* Seconds since 1970. The RTC keeps no standard century: this is 20xx. */
uint64_t rtc_seconds(void)
{
	uint8_t f[NR_FIELDS], b = cmos(RTC_STATUS_B);
	bool bin = b & RTC_BINARY;
	unsigned hour;

	read_fields(f);
	hour = decode(f[HOUR] & ~RTC_PM, bin);
	if (!(b & RTC_24H) && (f[HOUR] & RTC_PM))
		hour = hour % 12 + 12;
	return days_since_epoch(2000 + decode(f[YEAR], bin), decode(f[MONTH], bin),
				decode(f[DAY], bin)) * 86400 +
	       hour * 3600 + decode(f[MIN], bin) * 60 + decode(f[SEC], bin);
}
