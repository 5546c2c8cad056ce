/* Inside libxenstore: a handle's two channels to the daemon (requests,
 * and watches with their events) and the request/reply exchange. */
#ifndef LIBXENSTORE_HANDLE_H
#define LIBXENSTORE_HANDLE_H

#include <stdbool.h>
#include <stdint.h>
#include <xenstore.h>

struct channel {
	int fd;			/* -1 until opened */
	bool socket;		/* else a xenbus device file */
};

struct queued_event {
	struct queued_event *next;
	char **vec;		/* as xs_read_watch() returns it */
	unsigned int num;
};

struct xs_handle {
	char *path;		/* where the daemon answered */
	struct channel req;
	struct channel watch;	/* opened by the first watch */
	struct queued_event *events, **events_tail;
	uint32_t next_req_id;
};

int channel_open(const char *path, struct channel *ch);
void channel_close(struct channel *ch);

/* Sends a request of type with payload on ch and waits for its reply,
 * keeping watch events that come first. Returns the reply's payload with
 * a NUL after it (*len excludes it; len may be NULL), to free(); or NULL
 * with errno set, to the daemon's error for XS_ERROR. */
void *talk(struct xs_handle *h, struct channel *ch, xs_transaction_t t,
	   uint32_t type, const void *payload, unsigned int len,
	   unsigned int *reply_len);
/* A request whose payload is one string and its NUL. */
void *talk_string(struct xs_handle *h, xs_transaction_t t, uint32_t type,
		  const char *arg, unsigned int *reply_len);
/* A request answered "OK". */
bool talk_ok(struct xs_handle *h, struct channel *ch, xs_transaction_t t,
	     uint32_t type, const void *payload, unsigned int len);
/* Reads one message from ch, blocking: the next event is queued, anything
 * else returned as with talk(). */
int read_message(struct xs_handle *h, struct channel *ch,
		 struct xsd_sockmsg *hdr, char **payload);

/* NUL-terminated strings as the arrays xs_directory() and xs_read_watch()
 * return: the pointers, then the strings, in one block to free(). */
char **string_vector(const char *strings, unsigned int len, unsigned int *num);

#endif
