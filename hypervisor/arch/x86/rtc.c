/*
 * The wall clock, read once from the CMOS RTC at boot and published to
 * every domain in shared_info (wc_sec/wc_nsec: the time at system time 0),
 * as Xen does; guests add their pvclock system time to it.
 */
#include "domain.h"
#include "time.h"
#include "x86.h"

#define CMOS_INDEX     0x70
#define CMOS_DATA      0x71
#define RTC_UPDATING   0x80
#define RTC_BINARY     0x04
#define RTC_24H        0x02

static uint64_t boot_wallclock_sec;     /* seconds since 1970 at system time 0 */

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned bcd(uint8_t v, bool binary)
{
	return binary ? v : (v >> 4) * 10 + (v & 15);
}

/* Days from 1970-01-01 to the given date (proleptic Gregorian). */
static uint64_t days_since_epoch(unsigned y, unsigned m, unsigned d)
{
	y -= m <= 2;
	unsigned era = y / 400, yoe = y - era * 400;
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (uint64_t)era * 146097 + doe - 719468;
}

/* The RTC's registers may change mid-read: read until two reads agree. */
static uint64_t read_rtc(void)
{
	uint8_t r[6], prev[6] = { 0xff };
	static const uint8_t regs[6] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };

	for (;;) {
		while (cmos(0x0a) & RTC_UPDATING)
			cpu_relax();
		for (unsigned i = 0; i < 6; i++)
			r[i] = cmos(regs[i]);
		if (!memcmp(r, prev, sizeof(r)))
			break;
		memcpy(prev, r, sizeof(r));
	}
	uint8_t b = cmos(0x0b);
	bool bin = b & RTC_BINARY;
	unsigned hour = bcd(r[2] & 0x7f, bin);
	if (!(b & RTC_24H) && (r[2] & 0x80))
		hour = (hour % 12) + 12;
	uint64_t days = days_since_epoch(2000 + bcd(r[5], bin), bcd(r[4], bin), bcd(r[3], bin));
	return days * 86400 + hour * 3600 + bcd(r[1], bin) * 60 + bcd(r[0], bin);
}

void wallclock_init(void)
{
	boot_wallclock_sec = read_rtc() - now_ns() / 1000000000;
	printk("time: wall clock %lu s since 1970 at boot", (unsigned long)boot_wallclock_sec);
}

/* The version is odd while the record changes, as for vcpu_time_info. */
void wallclock_publish(struct shared_info *s)
{
	s->wc_version++;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	s->wc_sec = (uint32_t)boot_wallclock_sec;
	s->wc_sec_hi = (uint32_t)(boot_wallclock_sec >> 32);
	s->wc_nsec = 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	s->wc_version++;
}
